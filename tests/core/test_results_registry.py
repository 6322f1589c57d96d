"""The typed results document: every output takes its tables and fields from one registry."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from regiekompas.core.analysis import Settings
from regiekompas.core.export import write_csv_folder, write_json, write_xlsx
from regiekompas.core.export.workbook import NAME_COLUMNS
from regiekompas.core.measures.trend import TREND_FIELDS
from regiekompas.core.model import load_model
from regiekompas.core.pipeline import run_analysis
from regiekompas.core.results.tables import TABLE_NAMES, meta_fields, table, tables
from regiekompas.core.simulate import SimulationParams, simulate_region


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    sim = simulate_region(SimulationParams(gemeenten=3, respondenten=20, seed=3))
    return run_analysis(sim.dataset, settings=Settings(bootstrap=50))


def test_the_document_has_every_table_in_registry_order_then_meta(
    document: dict[str, Any],
) -> None:
    assert list(document) == [*TABLE_NAMES, "meta"]
    assert list(document["meta"]) == [f.name for f in meta_fields()]


def test_every_row_has_the_fields_of_its_type_in_order(document: dict[str, Any]) -> None:
    for t in tables():
        optional = t.row.__optional_keys__
        for row in document[t.name]:
            expected = [name for name in t.field_names if name in row or name not in optional]
            assert list(row) == expected, t.name
    for name in ("rationaliteiten", "kwadranten", "afspraken", "obstakels", "aanbieders"):
        assert document[name], f"the simulated region should give {name} rows"


def test_every_field_has_a_label_and_description_in_both_languages() -> None:
    for t in tables():
        assert all((t.label.nl, t.label.en, t.description.nl, t.description.en))
        for f in t.fields:
            assert all((f.label.nl, f.label.en, f.description.nl, f.description.en)), f.name
        assert set(t.key) <= set(t.field_names), t.name


def test_tables_with_a_band_have_a_band_field() -> None:
    banded = {t.name for t in tables() if t.band}
    assert banded == {"kloof", "spraakverwarring", "condities", "spraakverwarring_rationaliteiten"}
    for name in banded:
        assert "band" in table(name).field_names


def test_xlsx_and_csv_have_a_sheet_and_a_file_per_table_with_the_registry_columns(
    document: dict[str, Any], tmp_path: Path
) -> None:
    write_xlsx(tmp_path / "uit.xlsx", document)
    write_csv_folder(tmp_path / "csv", document)
    write_json(tmp_path / "uit.json", document)
    book = load_workbook(tmp_path / "uit.xlsx", read_only=True)
    assert book.sheetnames == ["lees_mij", *(t.sheet for t in tables()), "meta", "banden"]
    bands = {r[0]: r for r in book["banden"].iter_rows(min_row=2, values_only=True)}
    assert bands["kloof"][1:3] == ("0.1 | 0.25", "laag | midden | hoog")
    assert "LeBreton" in bands["rwg"][4]
    for t in tables():
        rows = list(book[t.sheet].iter_rows(values_only=True))
        # the registry's columns in order, each code column followed by its name column
        assert [c for c in rows[0] if c not in NAME_COLUMN_NAMES] == list(t.columns())
        assert len(rows) - 1 == len(document[t.name])
        with (tmp_path / "csv" / f"{t.name}.csv").open(encoding="utf-8") as stream:
            lines = list(csv.reader(stream))
        assert tuple(lines[0]) == rows[0]
        assert len(lines) - 1 == len(document[t.name])
    provider = next(iter(book["aanbieders"].iter_rows(min_row=2, values_only=True)))
    assert "=" in provider[-1]  # per_gemeente as "GM…=Kwadrant; …"
    readme = {(r[0], r[1]): r for r in book["lees_mij"].iter_rows(min_row=2, values_only=True)}
    assert ("kloof", "band") in readme
    assert ("cellen", "cc_ci_laag") in readme
    assert ("cellen", "gemeente") in readme
    assert "0.1 | 0.25" in readme[("kloof", "band")][4]
    published = json.loads((tmp_path / "uit.json").read_text(encoding="utf-8"))
    assert list(published) == list(document)


NAME_COLUMN_NAMES = {name for name, _kind in NAME_COLUMNS.values()}


def test_the_workbook_names_codes_freezes_filters_and_fits_its_columns(
    document: dict[str, Any], tmp_path: Path
) -> None:
    names = {code: f"Gemeente {code}" for code in {r["gemeente_code"] for r in document["cellen"]}}
    write_xlsx(tmp_path / "uit.xlsx", document, gemeenten=names, lang="en")
    book = load_workbook(tmp_path / "uit.xlsx")
    sheet = book["cellen"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["gemeente_code", "gemeente", "transitie", "transitie_naam"]
    first = [c.value for c in sheet[2]]
    assert first[1] == names[first[0]]
    assert first[3] == load_model().transitie(first[2]).name.get("en")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{sheet.max_row}"
    assert all(isinstance(c.value, float) for c in sheet["G"][1:])  # cc: a number, not text
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert min(widths.values()) >= 8
    assert max(widths.values()) <= 62
    assert widths["B"] >= len(max(names.values(), key=len))
    conditions = book["condities"]
    row = [c.value for c in conditions[2]]
    column = [c.value for c in conditions[1]].index("conditie_naam")
    assert row[column] == load_model().condition(row[column - 1]).name.get("en")
    readme = [c.value for c in book["lees_mij"][1]]
    assert readme[:4] == ["table", "column", "label", "meaning"]


def test_the_trend_compares_the_registry_fields() -> None:
    assert TREND_FIELDS["cellen"] == (("gemeente_code", "transitie", "perspectief"),
                                      ("n", "cc", "dc"))  # fmt: skip
    assert TREND_FIELDS["kloof"] == (("gemeente_code", "transitie"), ("waarde",))
    assert "rationaliteiten" in TREND_FIELDS
    assert "onderdrukt" not in TREND_FIELDS


def test_text_that_a_spreadsheet_would_run_is_neutralised_in_csv_and_xlsx(
    document: dict[str, Any], tmp_path: Path
) -> None:
    doc = dict(document)
    doc["aanbieders"] = [
        {**document["aanbieders"][0], "organisatie": '=HYPERLINK("http://x")'},
        {**document["aanbieders"][0], "organisatie": "-1+2"},
    ]
    write_xlsx(tmp_path / "uit.xlsx", doc)
    write_csv_folder(tmp_path / "csv", doc)
    book = load_workbook(tmp_path / "uit.xlsx")
    names = [row[0].value for row in book["aanbieders"].iter_rows(min_row=2)]
    assert names == ['\'=HYPERLINK("http://x")', "'-1+2"]
    assert all(row[0].data_type == "s" for row in book["aanbieders"].iter_rows(min_row=2))
    with (tmp_path / "csv" / "aanbieders.csv").open(encoding="utf-8") as stream:
        lines = list(csv.reader(stream))
    assert [line[0] for line in lines[1:]] == names
    # numbers stay numbers, also negative ones
    cells = list(book["cellen"].iter_rows(values_only=True))
    cc = cells[0].index("cc")
    assert all(isinstance(row[cc], float) for row in cells[1:])
