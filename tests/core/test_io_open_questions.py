"""Free-text answers (open questions) are accepted in responses files but never imported.

Product.md §3 makes the open questions part of the instrument and §8 the import files; this
version analyses only the numbers, so a file holding free text must read exactly as the same
file without it, with one warning per file saying so.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pytest

from regiekompas.core.dataset import Dataset, Responses
from regiekompas.core.instrument import load_instrument
from regiekompas.core.io import (
    ImportFailed,
    ImportMessage,
    read_dataset,
    write_table,
    write_workbook,
)
from regiekompas.core.io.responses import ResponsesReader

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"
INSTRUMENT = load_instrument()
LEAD = ["respondent_id", "groep", "organisatie", "gemeente_code", "transitie", "perspectief"]
AXIS = list(INSTRUMENT.axis_item_codes)
GEMEENTE_ITEMS = list(INSTRUMENT.gemeente_item_codes)
WARNING = "antwoorden.vrije_tekst"
PLAIN = "Goed samenwerken en 3 keer per jaar overleg"
QUOTED = 'Goed, "echt" samen'

Row = list[object]


def _example() -> tuple[list[str], list[Row]]:
    with (EXAMPLE / "antwoorden.csv").open(encoding="utf-8", newline="") as stream:
        header, *rows = list(csv.reader(stream))
    return header, [list(row) for row in rows]


def _with_open_rows(rows: list[Row], text: str) -> list[Row]:
    """`rows` with free-text rows in all the places and forms a survey tool may put them.

    R1 starts with one (before any of its numbers); every respondent ends with open1 and
    open2, with the cell left empty, copied from a number row, or only half filled in; some
    answers are empty or look like numbers (even out of range), which must not matter.
    """
    out: list[Row] = []
    for i, row in enumerate(rows):
        rid = row[0]
        if i == 0:
            out.append([*row[:4], "", "", "open1", text])
        out.append(row)
        last = i + 1 == len(rows) or rows[i + 1][0] != rid
        if last:
            n = len(out)
            cell = [["", ""], [row[4], row[5]], ["jeugd", ""]][n % 3]
            out.append([*row[:4], *cell, "open1", [text, "", "99", "3"][n % 4]])
            out.append([*row[:4], "", "", "OPEN2 ", text])
    # A respondent who only wrote free text does not appear in the dataset.
    out.append(["R99", "wijkteam", "Org", "GM0766", "", "", "open2", text])
    return out


def _wide(rows: list[Row], with_open: bool) -> tuple[list[str], list[Row]]:
    """The long rows as one wide row per observation, optionally with free-text columns."""
    by_lead: dict[tuple[object, ...], dict[str, object]] = {}
    for row in rows:
        by_lead.setdefault(tuple(row[:6]), {})[str(row[6])] = row[7]
    header = [*LEAD, *AXIS[:6], "open1", *AXIS[6:], *GEMEENTE_ITEMS, "Open2"]
    wide: list[Row] = []
    for n, (lead, answers) in enumerate(by_lead.items()):
        free = [QUOTED, "", "4", PLAIN][n % 4]
        cells = {"open1": free, "Open2": PLAIN if lead[4] == "" else ""}
        wide.append([*lead, *(answers.get(name, cells.get(name, "")) for name in header[6:])])
    if not with_open:
        keep = [i for i, name in enumerate(header) if not name.lower().startswith("open")]
        header = [header[i] for i in keep]
        wide = [[row[i] for i in keep] for row in wide]
    return header, wide


def _as_numbers(rows: list[Row]) -> list[Row]:
    """Number answers as numbers (as Excel holds them); free text stays text."""
    typed: list[Row] = []
    for row in rows:
        cells = [None if cell == "" else cell for cell in row]
        for i, cell in enumerate(cells):
            if isinstance(cell, str) and cell.isdigit() and i >= 6:
                cells[i] = float(cell)
        typed.append(cells)
    return typed


def _write(path: Path, header: Sequence[str], rows: list[Row]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".csv":
        write_table(path, header, rows)
    else:
        write_workbook(path, {"antwoorden": (header, _as_numbers(rows))})
    return path


def _assert_same(got: Dataset, want: Dataset) -> None:
    for field in dataclasses.fields(Responses):
        a, b = getattr(got.responses, field.name), getattr(want.responses, field.name)
        np.testing.assert_array_equal(a, b, err_msg=field.name)
        if isinstance(b, np.ndarray):
            assert a.dtype == b.dtype, field.name
    assert got.gemeenten == want.gemeenten
    assert got.organisaties == want.organisaties
    assert got.contracten == want.contracten
    assert got.mechanismen == want.mechanismen
    assert got.bronnen == want.bronnen


def _open_warnings(warnings: Sequence[ImportMessage]) -> list[ImportMessage]:
    return [w for w in warnings if w.code == WARNING]


def _read_pair(
    tmp_path: Path, name: str, header: Sequence[str], with_open: list[Row], without: list[Row]
) -> tuple[Dataset, tuple[ImportMessage, ...], Dataset, tuple[ImportMessage, ...]]:
    got, got_warnings = read_dataset([_write(tmp_path / "met" / name, header, with_open)])
    want, want_warnings = read_dataset([_write(tmp_path / "zonder" / name, header, without)])
    return got, got_warnings, want, want_warnings


@pytest.fixture
def fast_path(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how often the csv-module-free reader of long files is used."""
    calls: list[int] = []
    original: Callable[..., None] = ResponsesReader._read_long_lines

    def spy(self: ResponsesReader, *args: object) -> None:
        calls.append(1)
        original(self, *args)

    monkeypatch.setattr(ResponsesReader, "_read_long_lines", spy)
    return calls


@pytest.mark.parametrize(("suffix", "text"), [(".csv", PLAIN), (".csv", QUOTED), (".xlsx", PLAIN)])
def test_long_free_text_rows_are_accepted_and_not_imported(
    tmp_path: Path, suffix: str, text: str, fast_path: list[int]
) -> None:
    header, rows = _example()
    got, got_warnings, want, want_warnings = _read_pair(
        tmp_path, f"antwoorden{suffix}", header, _with_open_rows(rows, text), rows
    )
    _assert_same(got, want)
    assert "R99" not in got.responses.respondent_ids
    assert want_warnings == ()
    assert list(got_warnings) == _open_warnings(got_warnings)
    (warning,) = got_warnings
    assert warning.file == f"antwoorden{suffix}"
    assert warning.param_dict == {"items": "open1, open2"}
    assert warning.text("nl").endswith(
        "vrije-tekstantwoorden (open1, open2) worden niet ingelezen; "
        "Regiekompas analyseert alleen de getallen"
    )
    assert warning.text("en").endswith(
        "free-text answers (open1, open2) are not imported; Regiekompas analyses only the numbers"
    )
    # Without quotes both CSV files take the fast path; with them the free-text file cannot.
    if suffix == ".csv":
        assert len(fast_path) == (2 if text == PLAIN else 1)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_wide_free_text_columns_are_accepted_and_not_imported(tmp_path: Path, suffix: str) -> None:
    _, rows = _example()
    header, with_open = _wide(rows, with_open=True)
    plain_header, without = _wide(rows, with_open=False)
    got, got_warnings = read_dataset([_write(tmp_path / "met" / f"e{suffix}", header, with_open)])
    want, want_warnings = read_dataset(
        [_write(tmp_path / "zonder" / f"e{suffix}", plain_header, without)]
    )
    _assert_same(got, want)
    long, _ = read_dataset([EXAMPLE / "antwoorden.csv"])
    np.testing.assert_array_equal(got.responses.axis_answers, long.responses.axis_answers)
    np.testing.assert_array_equal(got.responses.gemeente_answers, long.responses.gemeente_answers)
    assert want_warnings == ()
    (warning,) = got_warnings
    assert (warning.code, warning.file, warning.row) == (WARNING, f"e{suffix}", 1)
    assert warning.param_dict == {"items": "open1, open2"}


def test_one_warning_per_file_naming_the_questions_found(tmp_path: Path) -> None:
    header, rows = _example()
    first = [row for row in rows if row[0] in {"R1", "R2", "R3"}]
    second = [row for row in rows if row[0] in {"R4", "R5"}]
    third = [row for row in rows if row[0] in {"R6", "R7"}]
    fourth = [row for row in rows if row[0] in {"R8", "R9"}]
    rest = [row for row in rows if row not in first + second + third + fourth]

    def only(code: str, part: list[Row]) -> list[Row]:
        """`part` with free text for open question `code` only (and without R99)."""
        with_open = _with_open_rows(part, PLAIN)[:-1]
        keep = {*AXIS, *GEMEENTE_ITEMS, code}
        return [row for row in with_open if str(row[6]).strip().lower() in keep]

    long_csv = _write(tmp_path / "a.csv", header, only("open1", first))
    plain_csv = _write(tmp_path / "b.csv", header, second)
    workbook = tmp_path / "c.xlsx"
    write_workbook(
        workbook,
        {
            "deel1": (header, _as_numbers(only("open1", third))),
            "deel2": (header, _as_numbers(only("open2", fourth))),
        },
    )
    wide_header, wide_rows = _wide(rest, with_open=True)
    wide_csv = _write(tmp_path / "d.csv", wide_header, wide_rows)
    dataset, warnings = read_dataset([long_csv, plain_csv, workbook, wide_csv])
    found = [(w.file, w.sheet, w.param_dict["items"]) for w in _open_warnings(warnings)]
    assert found == [
        ("a.csv", None, "open1"),
        ("c.xlsx", "deel1", "open1, open2"),
        ("d.csv", None, "open1, open2"),
    ]
    assert len(warnings) == len(found)
    want, _ = read_dataset([EXAMPLE / "antwoorden.csv"])
    np.testing.assert_array_equal(dataset.responses.axis_answers, want.responses.axis_answers)
    np.testing.assert_array_equal(
        dataset.responses.gemeente_answers, want.responses.gemeente_answers
    )


def test_a_wide_file_with_an_empty_free_text_column_still_warns(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "e.csv",
        [*LEAD, "cc1", "open2"],
        [["R1", "wijkteam", "Org", "GM0766", "jeugd", "ambitie", "4", ""]],
    )
    dataset, warnings = read_dataset([path])
    assert [(w.code, w.param_dict["items"]) for w in warnings] == [(WARNING, "open2")]
    assert dataset.responses.axis_answers[0, 0] == 4


def _failure(path: Path) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(ImportFailed) as caught:
        read_dataset([path])
    return [(m.row, m.column, m.code) for m in caught.value.report.errors]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_free_text_rows_still_need_a_valid_respondent_groep_and_gemeente(
    tmp_path: Path, suffix: str
) -> None:
    lead = ["R1", "wijkteam", "Org", "GM0766"]
    rows: list[Row] = [
        [*lead, "jeugd", "ambitie", "cc1", "4"],
        ["", "wijkteam", "Org", "GM0766", "", "", "open1", "tekst"],  # 3
        ["R2", "geen_groep", "Org", "GM0766", "", "", "open1", "tekst"],  # 4
        ["R2", "wijkteam", "Org", "GM766", "", "", "open2", "tekst"],  # 5
        ["R1", "wijkteam", "Org", "GM0766", "geen", "nu", "open1", "tekst"],  # 6
        ["R3", "wijkteam", "Org", "GM0766", "", "", "open1", "tekst"],  # 7: before its numbers
        ["R3", "aanbieder_professional", "Org", "GM0766", "jeugd", "ambitie", "cc1", "2"],
        ["R1", "wijkteam", "Org", "GM0766", "", "", "open3", "tekst"],  # 9: no open question
    ]
    header = [*LEAD, "item", "antwoord"]
    problems = _failure(_write(tmp_path / f"a{suffix}", header, rows))
    assert problems == [
        (3, "respondent_id", "cel.leeg"),
        (4, "groep", "cel.groep"),
        (5, "groep", "cel.groep_conflict"),
        (5, "gemeente_code", "cel.gemeentecode"),
        (6, "transitie", "cel.transitie"),
        (6, "perspectief", "cel.perspectief"),
        (7, "groep", "cel.groep_conflict"),
        (9, "item", "cel.item"),
        (9, "antwoord", "cel.geen_getal"),
    ]


def test_an_unknown_wide_column_is_still_an_error(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "e.csv",
        [*LEAD, "cc1", "open1", "open3"],
        [["R1", "wijkteam", "Org", "GM0766", "jeugd", "ambitie", "4", "tekst", "tekst"]],
    )
    assert _failure(path) == [(1, "open3", "kop.geen_item")]
