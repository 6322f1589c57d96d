"""The instrument's reading of its file: stricter codes, items counted from 1, checked texts.

The generic strict reading lives in `core.datafile`; this adds what only the questionnaire
needs. Its item codes become column names in every export, so they are lower-case
snake_case; its texts are filled in by the form, so a placeholder the form cannot fill (or
one language using other placeholders than the other) is refused at load, not shown to a
respondent.
"""

from __future__ import annotations

import string

from regiekompas.core import datafile
from regiekompas.core.text import LANGUAGES, Text

_FORMATTER = string.Formatter()


class Table(datafile.Table):
    """A table of the instrument file; list items are numbered from 1, as the editor counts."""

    first_index = 1

    def check_code(self, key: str, value: str) -> None:
        if not value.isascii() or not value.replace("_", "").isalnum() or value != value.lower():
            raise self.error(key, f"code {value!r} must be lower-case ascii snake_case")

    def text(self, key: str, placeholders: frozenset[str] = frozenset()) -> Text:
        """A `{nl, en}` text whose `{...}` placeholders are among `placeholders` in both."""
        text = super().text(key)
        found = {lang: _placeholders(text.get(lang), self, f"{key}.{lang}") for lang in LANGUAGES}
        for lang in LANGUAGES:
            unknown = found[lang] - placeholders
            if unknown:
                allowed = ", ".join(f"{{{name}}}" for name in sorted(placeholders)) or "none"
                raise self.error(
                    f"{key}.{lang}",
                    f"unknown placeholder {{{sorted(unknown)[0]}}}; allowed here: {allowed}",
                )
        if found["nl"] != found["en"]:
            raise self.error(key, "nl and en use different placeholders")
        return text


def _placeholders(value: str, table: Table, key: str) -> set[str]:
    try:
        return {name for _, name, _, _ in _FORMATTER.parse(value) if name is not None}
    except ValueError as exc:
        raise table.error(key, f"unbalanced braces: {exc}") from None
