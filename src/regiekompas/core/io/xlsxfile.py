"""Opening the sheets of an XLSX workbook as `Table`s.

Every non-empty sheet is a table of its own, so one workbook can hold the whole region
(gemeenten, contracten, mechanismen) next to the responses. Cells come back as Python values:
numbers are turned into the text a person would type (4.0 → "4"), so CSV and XLSX share one
validation. openpyxl may fail on a damaged workbook at any moment while streaming, hence every
failure is turned into `UnreadableError`, which the reader reports as an error of that file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.reader import excel as _excel
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from regiekompas.core.io.collector import Collector, Source
from regiekompas.core.io.limits import Guard, LimitExceeded, without_nul
from regiekompas.core.io.table import Rows, Table, UnreadableError


class _UnsizedSheet(ReadOnlyWorksheet):  # type: ignore[misc]
    """A read-only sheet that does not look for its dimension when opened.

    openpyxl searches the whole sheet for a `<dimension>` element when it opens a read-only
    sheet, so a sheet without one (a million compressed rows) is parsed completely inside
    `load_workbook`, where no limit or time budget can stop it. Every sheet is read without
    its dimension anyway (`reset_dimensions` below); rows and cells are counted beforehand
    by `core.io.limits` instead.
    """

    def _get_size(self) -> None:
        return None


# load_workbook(read_only=True) builds its sheets from this module-level name.
_excel.ReadOnlyWorksheet = _UnsizedSheet


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def _rows(
    values: Iterator[tuple[Any, ...]],
    start: int,
    width: int,
    source: Source,
    guard: Guard | None,
) -> Rows:
    try:
        for number, row in enumerate(values, start=start):
            if guard is not None:
                guard.count(source, number, len(row))
            cells = [cell_text(v) for v in row[:width]]
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            if any(cells):
                yield number, cells
    except LimitExceeded:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise UnreadableError("bestand.xlsx_beschadigd", _reason(exc)) from exc


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _header(values: Iterator[tuple[Any, ...]]) -> tuple[int, list[str]] | None:
    for number, row in enumerate(values, start=1):
        cells = [cell_text(v) for v in row]
        if any(cells):
            while cells and not cells[-1]:
                cells.pop()
            return number, cells
    return None


def open_xlsx(
    path: Path,
    file_index: int,
    collector: Collector,
    stack: ExitStack,
    guard: Guard | None = None,
) -> Iterable[Table]:
    """Every non-empty sheet as a table; problems with the file go to `collector`.

    With a `guard`, rows are counted and timed while streaming (core/io/limits.py, which
    also counted them before parsing); NUL characters are reported per cell in any case.
    """
    whole = Source(path.name, None, (file_index, -1))
    tables: list[Table] = []
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl's own errors alike
        collector.error(whole, None, None, "bestand.xlsx_beschadigd", reden=_reason(exc))
        return tables
    stack.callback(workbook.close)
    if guard is not None:
        guard.check_clock(whole, None)
    try:
        for sheet_index, sheet in enumerate(workbook.worksheets):
            source = Source(path.name, sheet.title, (file_index, sheet_index))
            sheet.reset_dimensions()  # some writers store wrong dimensions; read every row
            values = sheet.iter_rows(values_only=True)
            found = _header(values)
            if found is None:
                continue
            header_row, header = found
            rows = _rows(values, header_row + 1, len(header), source, guard)
            tables.append(
                Table(
                    source=source,
                    header=header,
                    header_row=header_row,
                    rows=without_nul(source, header, rows, collector),
                    position=lambda: None,
                )
            )
    except LimitExceeded:
        raise
    except Exception as exc:
        collector.error(whole, None, None, "bestand.xlsx_beschadigd", reden=_reason(exc))
        return []
    if not tables:
        collector.error(whole, None, None, "bestand.leeg")
    return tables
