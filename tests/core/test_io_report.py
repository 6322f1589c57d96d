"""How import messages and the report of a rejected import read, in Dutch and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiekompas.core.io import ImportFailed, ImportMessage, ImportReport, Ref, read_dataset


def _message(**changes: object) -> ImportMessage:
    fields: dict[str, object] = {
        "file": "antwoorden.csv",
        "row": 17,
        "column": "antwoord",
        "code": "cel.buiten_bereik",
        "params": (("waarde", "7"), ("lo", 1), ("hi", 5)),
    }
    fields.update(changes)
    return ImportMessage(**fields)  # type: ignore[arg-type]


def test_a_message_names_file_row_and_column_in_either_language() -> None:
    message = _message()
    assert message.text() == "antwoorden.csv, rij 17, kolom antwoord: 7 ligt buiten 1–5"
    assert message.text("en") == "antwoorden.csv, row 17, column antwoord: 7 is outside 1–5"
    assert message.param_dict == {"waarde": "7", "lo": 1, "hi": 5}
    assert hash(message) == hash(_message())


def test_missing_parts_of_the_location_are_left_out() -> None:
    assert _message(row=None, column=None).text() == "antwoorden.csv: 7 ligt buiten 1–5"
    assert _message(file="", row=None, column=None).text() == "7 ligt buiten 1–5"
    sheet = _message(file="regio.xlsx", sheet="antwoorden", column=None)
    assert sheet.text() == "regio.xlsx [blad antwoorden], rij 17: 7 ligt buiten 1–5"
    assert sheet.text("en") == "regio.xlsx [sheet antwoorden], row 17: 7 is outside 1–5"


def test_a_reference_to_another_row_names_its_file_only_when_it_differs() -> None:
    params = (("respondent", "R1"), ("eerdere_waarde", "wijkteam"))
    same = _message(
        code="cel.groep_conflict", params=(*params, ("eerder", Ref("antwoorden.csv", None, 2)))
    )
    other = _message(code="cel.groep_conflict", params=(*params, ("eerder", Ref("b.xlsx", "x", 2))))
    assert same.text().endswith("respondent R1 heeft groep wijkteam in rij 2")
    assert other.text().endswith("respondent R1 heeft groep wijkteam in b.xlsx [blad x], rij 2")


def test_the_report_counts_errors_and_files_and_lists_errors_first() -> None:
    warning = _message(code="rij.contract_dubbel", params=(("eerder", Ref("c.csv", None, 2)),))
    report = ImportReport(
        errors=(_message(), _message(file="gemeenten.csv", row=3), _message(row=20)),
        warnings=(ImportMessage(**{**warning.__dict__, "severity": "warning"}),),
    )
    lines = report.text().splitlines()
    assert lines[0] == "3 fouten in 2 bestanden; er is niets ingelezen. Daarnaast 1 waarschuwing."
    assert lines[1].startswith("antwoorden.csv, rij 17")
    assert lines[-1].startswith("antwoorden.csv, rij 17, kolom antwoord: zelfde contract als")
    english = report.text("en").splitlines()[0]
    assert english == "3 errors in 2 files; nothing was imported. Also 1 warning."
    assert ImportReport(errors=(_message(),)).heading() == (
        "1 fout in 1 bestand; er is niets ingelezen."
    )


def test_import_failed_reads_as_the_report_in_the_chosen_language(tmp_path: Path) -> None:
    path = tmp_path / "antwoorden.csv"
    path.write_text(
        "respondent_id,groep,organisatie,gemeente_code,transitie,perspectief,item,antwoord\n"
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,7\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as dutch:
        read_dataset([path])
    assert str(dutch.value) == dutch.value.report.text("nl")
    with pytest.raises(ImportFailed) as english:
        read_dataset([path], lang="en")
    assert str(english.value).splitlines() == [
        "1 error in 1 file; nothing was imported.",
        "antwoorden.csv, row 2, column antwoord: 7 is outside 1–5",
    ]
