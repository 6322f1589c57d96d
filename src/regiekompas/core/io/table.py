"""A table as read from a file, before anyone knows what kind of table it is.

CSV files and XLSX sheets are both reduced to a header and a stream of numbered rows of
strings, so validation is written once. Rows are streamed, never held in memory as a whole:
a national responses file has millions of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from regiekompas.core.io.collector import Source

Rows = Iterator[tuple[int, list[str]]]
Lines = Iterator[tuple[int, str]]


class UnreadableError(Exception):
    """A file turned out to be unreadable while its rows were being streamed."""

    def __init__(self, code: str, reason: str = "", row: int | None = None) -> None:
        super().__init__(reason or code)
        self.code = code
        self.reason = reason
        self.row = row


@dataclass
class Table:
    """One CSV file or XLSX sheet.

    `header` holds the header cells as written (trimmed). `rows` yields (row number, cells)
    with row numbers as a spreadsheet shows them; CSV cells are untrimmed (trimming is left
    to validation, which caches it per distinct value), XLSX cells are trimmed strings padded
    to the header's width. `position` tells where a CSV reader was when it failed.

    `lines` is set for a CSV file without any quote character: its rows are then simply the
    lines split at `delimiter`, which a reader may exploit to skip the csv module (use either
    `rows` or `lines`, never both).
    """

    source: Source
    header: list[str]
    header_row: int
    rows: Rows
    position: Callable[[], int | None]
    lines: Lines | None = None
    delimiter: str = ","
