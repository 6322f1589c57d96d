"""Bilingual texts and the error raised when a versioned data file is malformed.

Every user-facing text in the core's data files exists in Dutch (the default) and English;
`Text.get` picks one so the CLI, web app and reports share the same wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

LANGUAGES: Final[tuple[str, str]] = ("nl", "en")
DEFAULT_LANGUAGE: Final = "nl"


@dataclass(frozen=True)
class Text:
    nl: str
    en: str

    def get(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.en if lang == "en" else self.nl

    def format(self, lang: str = DEFAULT_LANGUAGE, /, **values: Any) -> str:
        return self.get(lang).format(**values)


class DataFileError(ValueError):
    """A versioned data file (model, instrument, advice rules) does not match its schema.

    The message names the file and the dotted path of the offending field, because the person
    editing such a file is a domain expert, not necessarily a programmer.
    """

    def __init__(self, file: str, field: str, reason: str) -> None:
        self.file = file
        self.field = field
        self.reason = reason
        super().__init__(f"{file}: {field}: {reason}")


def text_from(data: object, *, file: str, field: str) -> Text:
    """Read a `{nl = "...", en = "..."}` table as `Text`, or raise `DataFileError`."""
    if not isinstance(data, dict):
        raise DataFileError(file, field, "expected a table with 'nl' and 'en'")
    for lang in LANGUAGES:
        value = data.get(lang)
        if not isinstance(value, str) or not value.strip():
            raise DataFileError(file, f"{field}.{lang}", "missing or empty text")
    extra = set(data) - set(LANGUAGES)
    if extra:
        raise DataFileError(file, f"{field}.{sorted(extra)[0]}", "unknown language key")
    return Text(nl=data["nl"], en=data["en"])
