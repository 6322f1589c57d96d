"""Writing tables as CSV or XLSX, for the simulator's import files and for exports.

Both writers stream rows, so a simulated national file never has to exist in memory as a
whole. An empty cell is written for None and NaN, which the reader reads back as "weet
niet" — so a written file can be imported again unchanged. Text a spreadsheet would run as a
formula is neutralised (`core.export.safe`, product.md §6).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook

from regiekompas.core.export.safe import csv_row, xlsx_cell

#: Excel's limit on sheet names.
MAX_SHEET_NAME = 31


def _csv_value(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write one table as comma-separated UTF-8 (no byte-order mark), header first."""
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(csv_row(header))
        writer.writerows(csv_row(_csv_value(v) for v in row) for row in rows)


def write_workbook(
    path: Path,
    tables: Mapping[str, tuple[Sequence[str], Iterable[Sequence[object]]]],
) -> None:
    """Write one sheet per table (in mapping order) to an XLSX file.

    Text is always stored as text, neutralised (`core.export.safe.xlsx_cell`): a cell
    starting with "=" would otherwise become a formula that Excel runs when the file is opened.
    """
    workbook = Workbook(write_only=True)
    for name, (header, rows) in tables.items():
        if not name or len(name) > MAX_SHEET_NAME:
            raise ValueError(f"sheet name {name!r} must have 1 to {MAX_SHEET_NAME} characters")
        sheet = workbook.create_sheet(title=name)
        sheet.append([_xlsx_value(sheet, v) for v in header])
        for row in rows:
            sheet.append([_xlsx_value(sheet, v) for v in row])
    workbook.save(Path(path))


def _xlsx_value(sheet: object, value: object) -> object:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if isinstance(value, (str, bool, int, float)):
        return xlsx_cell(sheet, value)
    return xlsx_cell(sheet, str(value))
