"""Strict reading of parsed TOML tables, with the dotted path of every field at hand.

The model file is edited by domain experts. Every mistake — a missing field, a typo in a key,
a wrong type — must therefore surface as a `DataFileError` that says exactly where to look,
instead of a `KeyError` deep inside the loader or, worse, a silently ignored key.
"""

from __future__ import annotations

from collections.abc import Iterator

from regiekompas.core.text import DataFileError, Text, text_from


class Table:
    """One TOML table being read; `close` rejects the keys that were never asked for."""

    def __init__(self, data: object, *, file: str, path: str) -> None:
        if not isinstance(data, dict):
            raise DataFileError(file, path, "expected a table")
        self.file = file
        self.path = path
        self._data: dict[str, object] = data
        self._used: set[str] = set()

    def field(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str | None, reason: str) -> DataFileError:
        return DataFileError(self.file, self.field(key) if key else self.path, reason)

    def _get(self, key: str) -> object:
        self._used.add(key)
        if key not in self._data:
            raise self.error(key, "missing field")
        return self._data[key]

    def string(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, "expected a non-empty string")
        return value

    def code(self, key: str = "code") -> str:
        """A string used as an identifier: whitespace in it would never match an import."""
        value = self.string(key)
        if value != value.strip() or any(ch.isspace() for ch in value):
            raise self.error(key, f"code {value!r} must not contain spaces")
        return value

    def sign(self, key: str) -> int:
        value = self._get(key)
        # bool is an int subclass; `true` in the file is a mistake, not +1.
        if isinstance(value, bool) or value not in (-1, 1):
            raise self.error(key, f"expected -1 or 1, got {value!r}")
        assert isinstance(value, int)
        return value

    def text(self, key: str) -> Text:
        return text_from(self._get(key), file=self.file, field=self.field(key))

    def texts(self, key: str) -> tuple[Text, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not value:
            raise self.error(key, "expected a non-empty list of {nl, en} tables")
        return tuple(
            text_from(item, file=self.file, field=f"{self.field(key)}[{i}]")
            for i, item in enumerate(value)
        )

    def table(self, key: str) -> Table:
        return Table(self._get(key), file=self.file, path=self.field(key))

    def tables(self, key: str) -> list[Table]:
        """An array of tables, each addressed by its position (for items without a code)."""
        value = self._get(key)
        if not isinstance(value, list) or not value:
            raise self.error(key, "expected a non-empty list of tables")
        return [
            Table(item, file=self.file, path=f"{self.field(key)}[{i}]")
            for i, item in enumerate(value)
        ]

    def coded(self, key: str) -> Iterator[tuple[str, Table]]:
        """An array of tables with unique codes; each item's path becomes `key.<code>`.

        Paths by code rather than by position, because that is what the editor searches for.
        """
        seen: dict[str, str] = {}
        for item in self.tables(key):
            code = item.code()
            if code in seen:
                raise self.error(f"{key}.{code}", f"duplicate code, also used by {seen[code]}")
            seen[code] = item.path
            item.path = self.field(f"{key}.{code}")
            yield code, item

    def close(self) -> None:
        unknown = sorted(set(self._data) - self._used)
        if unknown:
            raise self.error(unknown[0], "unknown field")
