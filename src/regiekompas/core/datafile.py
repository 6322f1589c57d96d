"""Strict reading of versioned TOML data files, with the dotted path of every field at hand.

The model, instrument and advice-rules files are edited by domain experts, not programmers.
Every mistake — invalid TOML, a missing field, a typo in a key, a wrong type — must therefore
surface as a `DataFileError` that names the file and says exactly where to look, instead of a
`KeyError` deep inside a loader or, worse, a silently ignored key. The loaders share this
reading so the same mistake reads the same in every file; what a field *means* (which codes
exist, how items are keyed, which placeholders a text may use) stays with each loader.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterator, Mapping
from typing import Final, Self

from regiekompas.core.text import DataFileError, Text, text_from

#: The field named in errors about the file as a whole.
FILE_FIELD: Final = "(file)"

_REQUIRED: Final = object()


def parse_toml(data: bytes | str, *, file: str) -> dict[str, object]:
    """The parsed contents of a data file; undecodable or invalid TOML names the file."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataFileError(file, FILE_FIELD, f"not UTF-8 text: {exc}") from None
    try:
        return tomllib.loads(data)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(file, "(syntax)", f"invalid TOML: {exc}") from None


def join(path: str, key: str) -> str:
    """The dotted path of `key` inside the table at `path` (`""` is the file's root)."""
    return f"{path}.{key}" if path else key


def as_table(value: object, *, file: str, field: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise DataFileError(file, field or FILE_FIELD, "expected a table")
    return value


def as_number(value: object, *, file: str, field: str) -> float:
    # bool is an int subclass; `true` in the file is a mistake, not 1.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataFileError(file, field, f"expected a number, got {value!r}")
    return float(value)


def reject_unknown(
    data: Mapping[str, object],
    allowed: Collection[str],
    *,
    file: str,
    path: str,
    list_allowed: bool = False,
) -> None:
    """Refuse the first key outside `allowed`: a misspelt key must not be silently ignored.

    `list_allowed` names the allowed keys in the message, for tables whose keys are fixed.
    """
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        reason = "unknown field"
        if list_allowed:
            reason += f"; expected one of {', '.join(sorted(allowed))}"
        raise DataFileError(file, join(path, unknown[0]), reason)


class Table:
    """One TOML table being read; `close` rejects the keys that were never asked for.

    Loaders subclass it to tighten what a code may look like (`check_code`) or to count the
    items of a list from 1 (`first_index`); tables read from a table keep its class.
    """

    #: The number of a list's first item in error paths (`key[0]` or `key[1]`).
    first_index: int = 0

    def __init__(self, data: object, *, file: str, path: str) -> None:
        self._data = as_table(data, file=file, field=path)
        self.file = file
        self.path = path
        self._used: set[str] = set()

    def field(self, key: str) -> str:
        return join(self.path, key)

    def error(self, key: str | None, reason: str) -> DataFileError:
        return DataFileError(self.file, self.field(key) if key else self.path or FILE_FIELD, reason)

    def keys(self) -> tuple[str, ...]:
        return tuple(self._data)

    def get(self, key: str, default: object = _REQUIRED) -> object:
        """The raw value of `key`; a missing one is an error unless a `default` is given."""
        self._used.add(key)
        if key in self._data:
            return self._data[key]
        if default is _REQUIRED:
            raise self.error(key, "missing field")
        return default

    def string(self, key: str) -> str:
        value = self.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, "expected a non-empty string")
        return value

    def code(self, key: str = "code") -> str:
        """A string used as an identifier, checked by `check_code`."""
        value = self.string(key)
        self.check_code(key, value)
        return value

    def check_code(self, key: str, value: str) -> None:
        """Whitespace in a code would never match an import or a reference."""
        if value != value.strip() or any(ch.isspace() for ch in value):
            raise self.error(key, f"code {value!r} must not contain spaces")

    def flag(self, key: str) -> bool:
        value = self.get(key)
        if not isinstance(value, bool):
            raise self.error(key, f"expected true or false, got {value!r}")
        return value

    def number(self, key: str) -> float:
        return as_number(self.get(key), file=self.file, field=self.field(key))

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.get(key)
        if not isinstance(value, list):
            raise self.error(key, "expected a list of strings")
        for i, item in enumerate(value, start=self.first_index):
            if not isinstance(item, str) or not item.strip():
                raise self.error(f"{key}[{i}]", "expected a non-empty string")
        return tuple(value)

    def text(self, key: str) -> Text:
        return text_from(self.get(key), file=self.file, field=self.field(key))

    def texts(self, key: str) -> tuple[Text, ...]:
        value = self.get(key)
        if not isinstance(value, list) or not value:
            raise self.error(key, "expected a non-empty list of {nl, en} tables")
        return tuple(
            text_from(item, file=self.file, field=f"{self.field(key)}[{i}]")
            for i, item in enumerate(value, start=self.first_index)
        )

    def table(self, key: str) -> Self:
        return type(self)(self.get(key), file=self.file, path=self.field(key))

    def tables(self, key: str) -> list[Self]:
        """An array of tables, each addressed by its position (for items without a code)."""
        value = self.get(key)
        if not isinstance(value, list) or not value:
            raise self.error(key, "expected a non-empty list of tables")
        return [
            type(self)(item, file=self.file, path=f"{self.field(key)}[{i}]")
            for i, item in enumerate(value, start=self.first_index)
        ]

    def coded(self, key: str, *, unique: bool = True) -> Iterator[tuple[str, Self]]:
        """An array of tables with a `code` each; an item's path becomes `key.<code>`.

        Paths by code rather than by position, because that is what the editor searches for.
        `unique=False` leaves duplicates to a caller that reports them against the codes it
        expects.
        """
        seen: dict[str, str] = {}
        for item in self.tables(key):
            code = item.code()
            if unique and code in seen:
                raise self.error(f"{key}.{code}", f"duplicate code, also used by {seen[code]}")
            seen[code] = item.path
            item.path = self.field(f"{key}.{code}")
            yield code, item

    def close(self) -> None:
        reject_unknown(self._data, self._used, file=self.file, path=self.path)
