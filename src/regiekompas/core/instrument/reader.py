"""Strict reading of the parsed instrument file, with the dotted path of every field at hand.

The file is reworded by domain experts, so each mistake — a typo in a key, a wrong type, a
placeholder the form cannot fill — must surface as a `DataFileError` that says where to look,
instead of a `KeyError` in the loader or a silently ignored key.
"""

from __future__ import annotations

import string
from collections.abc import Iterator

from regiekompas.core.text import LANGUAGES, DataFileError, Text, text_from

_FORMATTER = string.Formatter()


class Table:
    """One TOML table being read; `close` rejects the keys that were never asked for."""

    def __init__(self, data: object, *, file: str, path: str) -> None:
        if not isinstance(data, dict):
            raise DataFileError(file, path or "(file)", "expected a table")
        self.file = file
        self.path = path
        self._data: dict[str, object] = data
        self._used: set[str] = set()

    def field(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str | None, reason: str) -> DataFileError:
        return DataFileError(self.file, self.field(key) if key else self.path or "(file)", reason)

    def keys(self) -> tuple[str, ...]:
        return tuple(self._data)

    def get(self, key: str) -> object:
        self._used.add(key)
        if key not in self._data:
            raise self.error(key, "missing field")
        return self._data[key]

    def string(self, key: str) -> str:
        value = self.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, "expected a non-empty string")
        return value

    def flag(self, key: str) -> bool:
        value = self.get(key)
        if not isinstance(value, bool):
            raise self.error(key, f"expected true or false, got {value!r}")
        return value

    def number(self, key: str) -> float:
        value = self.get(key)
        # bool is an int subclass; `true` in the file is a mistake, not 1.
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(key, f"expected a number, got {value!r}")
        return float(value)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.get(key)
        if not isinstance(value, list):
            raise self.error(key, "expected a list of strings")
        for i, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip():
                raise self.error(f"{key}[{i}]", "expected a non-empty string")
        return tuple(value)

    def text(self, key: str, placeholders: frozenset[str] = frozenset()) -> Text:
        """A `{nl, en}` text whose `{...}` placeholders are among `placeholders` in both."""
        text = text_from(self.get(key), file=self.file, field=self.field(key))
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

    def table(self, key: str) -> Table:
        return Table(self.get(key), file=self.file, path=self.field(key))

    def coded(self, key: str) -> Iterator[tuple[str, Table]]:
        """An array of tables with a `code` each; an item's path becomes `key.<code>`.

        Paths by code rather than by position, because that is what the editor searches for.
        Uniqueness is checked by the caller, which knows the codes it expects.
        """
        value = self.get(key)
        if not isinstance(value, list) or not value:
            raise self.error(key, "expected a non-empty list of tables")
        for number, data in enumerate(value, start=1):
            item = Table(data, file=self.file, path=self.field(f"{key}[{number}]"))
            code = item.string("code")
            if not code.isascii() or not code.replace("_", "").isalnum() or code != code.lower():
                raise item.error("code", f"code {code!r} must be lower-case ascii snake_case")
            item.path = self.field(f"{key}.{code}")
            yield code, item

    def close(self) -> None:
        unknown = sorted(set(self._data) - self._used)
        if unknown:
            raise self.error(unknown[0], "unknown field")


def _placeholders(value: str, table: Table, key: str) -> set[str]:
    try:
        return {name for _, name, _, _ in _FORMATTER.parse(value) if name is not None}
    except ValueError as exc:
        raise table.error(key, f"unbalanced braces: {exc}") from None
