"""Wide files, as survey tools export them, read into the same dataset as long files."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from regiekompas.core.io import ImportFailed, dataset_to_long_rows, read_dataset

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"
LEAD = ["respondent_id", "groep", "organisatie", "gemeente_code", "transitie", "perspectief"]
AXIS = [f"cc{i}" for i in range(1, 7)] + [f"dc{i}" for i in range(1, 7)]
CONDITIONS = [f"{scale}{i}" for scale in ("amb", "bel", "rel", "org", "pro") for i in range(1, 5)]


def _example() -> tuple[
    dict[tuple[str, ...], dict[str, str]], dict[tuple[str, ...], dict[str, str]]
]:
    """Axis answers per (lead with cell) and gemeente answers per (lead without cell)."""
    axis: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
    gem: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
    with (EXAMPLE / "antwoorden.csv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            lead = tuple(row[name] for name in LEAD)
            (axis if row["transitie"] else gem)[lead][row["item"]] = row["antwoord"]
    return axis, gem


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _long() -> list[tuple[object, ...]]:
    dataset, _ = read_dataset([EXAMPLE / "antwoorden.csv"])
    return list(dataset_to_long_rows(dataset))


@pytest.mark.parametrize("placement", ["repeated", "first_row_only", "own_row"])
def test_wide_reads_like_long(tmp_path: Path, placement: str) -> None:
    axis, gem = _example()
    rows: list[list[str]] = []
    done: set[tuple[str, ...]] = set()
    for lead, answers in axis.items():
        person = (*lead[:4], "", "")
        conditions = gem[person]
        if placement == "repeated" or (placement == "first_row_only" and person not in done):
            extra = [conditions.get(item, "") for item in CONDITIONS]
        else:
            extra = [""] * len(CONDITIONS)
        done.add(person)
        rows.append([*lead, *(answers.get(item, "") for item in AXIS), *extra])
    if placement == "own_row":
        for person, conditions in gem.items():
            row = [*person, *([""] * len(AXIS)), *(conditions.get(i, "") for i in CONDITIONS)]
            rows.append(row)
    path = _write(tmp_path / "export.csv", [*LEAD, *AXIS, *CONDITIONS], rows)
    dataset, warnings = read_dataset([path])
    assert warnings == ()
    assert list(dataset_to_long_rows(dataset)) == _long()


def test_wide_items_may_be_any_subset_in_any_order(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "export.csv",
        ["dc1", *LEAD, "CC2"],
        [["3", "R1", "wijkteam", "Org", "GM0766", "jeugd", "ambitie", "5"]],
    )
    dataset, _ = read_dataset([path])
    r = dataset.responses
    answered = {
        item: value
        for item, value in zip(r.axis_items, r.axis_answers[0].tolist(), strict=True)
        if value == value
    }
    assert answered == {"cc2": 5.0, "dc1": 3.0}
    assert len(r.gem_respondent) == 0


def _failure_texts(path: Path) -> list[str]:
    with pytest.raises(ImportFailed) as caught:
        read_dataset([path])
    return [message.text() for message in caught.value.report.errors]


def test_a_column_that_is_no_item_code_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path / "export.csv", [*LEAD, "cc1", "email"], [])
    assert _failure_texts(path) == [
        "export.csv, rij 1, kolom email: 'email' is geen itemcode van instrument 1"
    ]


def test_wide_rows_are_validated(tmp_path: Path) -> None:
    header = [*LEAD, "cc1", "amb1", "afs1"]
    rows = [
        ["R1", "wijkteam", "Org", "GM0766", "jeugd", "ambitie", "4", "3", "1"],
        ["R1", "wijkteam", "Org", "GM0766", "jeugd", "praktijk", "6", "3", ""],
        ["R1", "wijkteam", "Org", "GM0766", "", "", "2", "4", "0"],
        ["R1", "wijkteam", "Org", "GM0766", "jeugd", "ambitie", "4", "", ""],
        ["R1", "wijkteam", "Org", "GM0766", "wmo", "", "", "", ""],
    ]
    assert _failure_texts(_write(tmp_path / "export.csv", header, rows)) == [
        "export.csv, rij 3, kolom cc1: 6 ligt buiten 1–5",
        "export.csv, rij 4, kolom cc1: item cc1 hoort bij een transitie en perspectief; vul "
        "beide in",
        "export.csv, rij 4, kolom amb1: 4 wijkt af van 3 voor respondent R1 in GM0766 in rij 2",
        "export.csv, rij 4, kolom afs1: 0 wijkt af van 1 voor respondent R1 in GM0766 in rij 2",
        "export.csv, rij 5: respondent R1 heeft al een rij voor GM0766 jeugd ambitie in rij 2",
        "export.csv, rij 6, kolom perspectief: vul transitie en perspectief allebei in of laat "
        "ze allebei leeg",
    ]


def test_long_and_wide_answers_to_the_same_question_conflict(tmp_path: Path) -> None:
    wide = _write(
        tmp_path / "breed.csv",
        [*LEAD, "cc1", "amb1"],
        [["R1", "wijkteam", "Org", "GM0766", "jeugd", "ambitie", "4", "3"]],
    )
    long = tmp_path / "lang.csv"
    long.write_text(
        ",".join([*LEAD, "item", "antwoord"]) + "\n"
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,4\n"
        "R1,wijkteam,Org,GM0766,,,amb1,3\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as caught:
        read_dataset([wide, long])
    assert [m.text() for m in caught.value.report.errors] == [
        "lang.csv, rij 2: tweede antwoord op cc1 van respondent R1 voor GM0766 jeugd ambitie; "
        "het eerste staat in breed.csv, rij 2",
        "lang.csv, rij 3: tweede antwoord op amb1 van respondent R1 voor GM0766; het eerste "
        "staat in breed.csv, rij 2",
    ]
