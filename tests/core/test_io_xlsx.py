"""XLSX workbooks: every non-empty sheet is a table, and the result equals the CSV route."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from regiekompas.core.io import ImportFailed, dataset_to_long_rows, read_dataset, write_workbook

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"


def _example_rows() -> tuple[list[str], list[list[object]]]:
    """The worked example with answers as numbers, as Excel would hold them."""
    with (EXAMPLE / "antwoorden.csv").open(encoding="utf-8", newline="") as stream:
        header, *rows = list(csv.reader(stream))
    typed: list[list[object]] = [[*row[:-1], float(row[-1]) if row[-1] else None] for row in rows]
    return header, typed


def test_a_workbook_reads_like_the_csv_files(tmp_path: Path) -> None:
    header, rows = _example_rows()
    path = tmp_path / "regio.xlsx"
    write_workbook(
        path,
        {
            "leeg": ([], []),
            "antwoorden": (header, rows),
            "gemeenten": (["gemeente_code", "naam", "regio"], [["GM0766", "Tilburg", None]]),
        },
    )
    from_xlsx, warnings = read_dataset([path])
    gemeenten = tmp_path / "gemeenten.csv"
    gemeenten.write_text("gemeente_code,naam,regio\nGM0766,Tilburg,\n", encoding="utf-8")
    from_csv, _ = read_dataset([EXAMPLE / "antwoorden.csv", gemeenten])
    assert warnings == ()
    assert list(dataset_to_long_rows(from_xlsx)) == list(dataset_to_long_rows(from_csv))
    assert from_xlsx.gemeenten == from_csv.gemeenten
    assert from_xlsx.bronnen == ("regio.xlsx",)


def test_cells_may_hold_numbers_text_and_padding(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "antwoorden"
    sheet.append([])  # a blank first row: the header is the first non-empty row
    sheet.append(["respondent_id", "groep", "organisatie", "gemeente_code", "transitie"])
    sheet["F2"] = "perspectief"
    sheet["G2"] = "item"
    sheet["H2"] = "antwoord"
    sheet.append([1001, " wijkteam ", "Org", "GM0766", "jeugd", "ambitie", "cc1", 4.0])
    sheet.append([1001, "wijkteam", "Org", "GM0766", "jeugd", "ambitie", "cc2", "4"])
    sheet.append([])
    sheet.append([1001, "wijkteam", "Org", "GM0766", None, None, "afs1", True])
    mechanisms = workbook.create_sheet("mechanismen")
    mechanisms.append(["gemeente_code", "naam", "type", "transities", "cc", "dc"])
    mechanisms.append(["GM0766", "Overleg", "eigen vorm", "jeugd", -0.25, 0.5])
    path = tmp_path / "scan.xlsx"
    workbook.save(path)
    dataset, _ = read_dataset([path])
    r = dataset.responses
    assert r.respondent_ids == ("1001",)
    assert r.axis_answers[0, :2].tolist() == [4.0, 4.0]
    assert r.gemeente_answers[0, r.gemeente_items.index("afs1")] == 1.0
    assert dataset.mechanismen is not None
    assert (dataset.mechanismen[0].cc, dataset.mechanismen[0].dc) == (-0.25, 0.5)


def test_messages_name_the_sheet_and_spreadsheet_row(tmp_path: Path) -> None:
    header, rows = _example_rows()
    path = tmp_path / "regio.xlsx"
    write_workbook(
        path,
        {
            "antwoorden": (header, rows),
            "contracten": (
                ["organisatie", "gemeente_code", "transitie"],
                [["Org", "GM0766", "jeugd"], ["Org", "GM0766", "zorg"]],
            ),
        },
    )
    with pytest.raises(ImportFailed) as caught:
        read_dataset([path])
    (message,) = caught.value.report.errors
    assert message.text().startswith(
        "regio.xlsx [blad contracten], rij 3, kolom transitie: 'zorg' is geen transitie"
    )
    assert message.text("en").startswith(
        "regio.xlsx [sheet contracten], row 3, column transitie: 'zorg' is not a transitie"
    )


def test_a_damaged_or_empty_workbook_is_an_error(tmp_path: Path) -> None:
    damaged = tmp_path / "kapot.xlsx"
    damaged.write_bytes(b"PK\x03\x04 dit is geen werkmap")
    empty = tmp_path / "leeg.xlsx"
    Workbook().save(empty)
    with pytest.raises(ImportFailed) as caught:
        read_dataset([damaged, empty])
    assert [(m.file, m.code) for m in caught.value.report.errors] == [
        ("kapot.xlsx", "bestand.xlsx_beschadigd"),
        ("leeg.xlsx", "bestand.leeg"),
    ]


def test_the_workbook_writer_keeps_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    write_workbook(
        path,
        {"tabel": (["tekst", "getal", "leeg"], [["=1+1", 0.5, math.nan], ["a\x01b", 3, None]])},
    )
    sheet = load_workbook(path).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    # Text is text, and text a spreadsheet would run is neutralised (product.md §6).
    assert values == [["tekst", "getal", "leeg"], ["'=1+1", 0.5, None], ["ab", 3, None]]
    assert sheet["A2"].data_type == "s"


def test_the_workbook_writer_refuses_a_sheet_name_excel_cannot_hold(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="sheet name"):
        write_workbook(tmp_path / "x.xlsx", {"x" * 32: (["a"], [])})
