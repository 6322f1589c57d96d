"""Reading CSV files as Excel and survey tools write them, and refusing broken ones clearly."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from regiekompas.core.io import ImportFailed, dataset_to_long_rows, read_dataset

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"
ANSWERS = EXAMPLE / "antwoorden.csv"


def _example_lines() -> list[str]:
    return ANSWERS.read_text(encoding="utf-8").splitlines()


def _failure(paths: list[Path]) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        read_dataset(paths)
    return caught.value


def _codes(failure: ImportFailed) -> list[str]:
    return [message.code for message in failure.report.errors]


def test_it_reads_the_worked_example() -> None:
    dataset, warnings = read_dataset([ANSWERS])
    responses = dataset.responses
    assert warnings == ()
    assert len(responses.respondent_ids) == 16
    assert "R3" in responses.respondent_ids
    assert responses.gemeente_codes == ("GM0766",)
    assert len(responses.obs_respondent) == 32
    assert responses.axis_answers.shape == (32, 12)
    assert len(responses.gem_respondent) == 16
    assert dataset.bronnen == ("antwoorden.csv",)
    assert dataset.gemeenten is None
    assert dataset.contracten is None
    assert dataset.mechanismen is None


def test_weet_niet_is_nan_and_answers_are_kept() -> None:
    dataset, _ = read_dataset([ANSWERS])
    r = dataset.responses
    r3 = r.respondent_ids.index("R3")
    ambitie = r.perspectieven.index("ambitie")
    row = [
        i
        for i in range(len(r.obs_respondent))
        if r.obs_respondent[i] == r3 and r.obs_perspectief[i] == ambitie
    ]
    (index,) = row
    cc = dict(zip(r.axis_items, r.axis_answers[index].tolist(), strict=True))
    assert math.isnan(cc["cc1"])
    assert math.isnan(cc["cc2"])
    assert cc["cc3"] == 1.0
    assert cc["cc6"] == 4.0


def test_header_is_case_insensitive_trimmed_and_in_any_order(tmp_path: Path) -> None:
    lines = _example_lines()
    rows = [line.split(",") for line in lines[1:]]
    order = [7, 6, 5, 4, 3, 2, 1, 0]
    header = [" Antwoord ", "ITEM", "Perspectief", "transitie", "Gemeente_Code", "organisatie"]
    header += ["GROEP", "respondent_id"]
    path = tmp_path / "antwoorden.csv"
    text = ",".join(header) + "\n" + "\n".join(",".join(r[i] for i in order) for r in rows)
    path.write_text(text, encoding="utf-8")
    original, _ = read_dataset([ANSWERS])
    shuffled, _ = read_dataset([path])
    assert list(dataset_to_long_rows(shuffled)) == list(dataset_to_long_rows(original))


def test_crlf_blank_lines_and_quotes_read_the_same(tmp_path: Path) -> None:
    lines = _example_lines()
    quoted = [",".join(f'"{cell}"' for cell in line.split(",")) for line in lines]
    path = tmp_path / "antwoorden.csv"
    path.write_bytes(("\r\n".join(["", quoted[0], "", *quoted[1:], "", ""])).encode())
    original, _ = read_dataset([ANSWERS])
    variant, _ = read_dataset([path])
    assert list(dataset_to_long_rows(variant)) == list(dataset_to_long_rows(original))


def test_a_file_that_is_not_utf8_is_refused_naming_the_line(tmp_path: Path) -> None:
    lines = _example_lines()
    lines[4] = lines[4].replace("Org", "Zorggroep Noordoost Cura\xe7ao")
    path = tmp_path / "antwoorden.csv"
    path.write_bytes("\n".join(lines).encode("cp1252"))
    failure = _failure([path])
    (message,) = failure.report.errors
    assert message.code == "bestand.geen_utf8"
    assert message.row == 5
    assert "antwoorden.csv, rij 5: het bestand is geen UTF-8; sla het op als 'CSV UTF-8'" in str(
        failure
    )


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "antwoorden.csv"
    path.write_bytes(b"\xef\xbb\xbf \n\n")
    assert _codes(_failure([path])) == ["bestand.leeg"]


@pytest.mark.parametrize("quote", [False, True])
def test_ragged_rows_are_errors_naming_the_row(tmp_path: Path, quote: bool) -> None:
    lines = _example_lines()
    lines[3] += ",extra"
    lines[6] = lines[6].rsplit(",", 1)[0]
    if quote:  # quoted files take the csv module's path, unquoted ones a faster one
        lines[1] = lines[1].replace("Org", '"Org"')
    path = tmp_path / "antwoorden.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    errors = _failure([path]).report.errors
    assert [(m.code, m.row) for m in errors] == [("rij.velden", 4), ("rij.velden", 7)]
    assert errors[0].text() == "antwoorden.csv, rij 4: de rij heeft 9 velden, de kopregel 8"


def test_a_folder_reads_its_csv_and_xlsx_files_only(tmp_path: Path) -> None:
    (tmp_path / "antwoorden.csv").write_bytes(ANSWERS.read_bytes())
    (tmp_path / ".verborgen.csv").write_text("onzin", encoding="utf-8")
    (tmp_path / "~$regio.xlsx").write_bytes(b"lock")
    (tmp_path / "leesmij.txt").write_text("niet lezen", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "antwoorden.csv").write_text("niet recursief", encoding="utf-8")
    (tmp_path / "gemeenten.csv").write_text(
        "gemeente_code,naam,regio\nGM0766,Tilburg,Hart van Brabant\n", encoding="utf-8"
    )
    dataset, _ = read_dataset([tmp_path])
    assert dataset.bronnen == ("antwoorden.csv", "gemeenten.csv")
    assert dataset.naam_of() == {"GM0766": "Tilburg"}
    assert dataset.regio_of() == {"GM0766": "Hart van Brabant"}


def test_the_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "antwoorden.csv").write_bytes(ANSWERS.read_bytes())
    dataset, _ = read_dataset([tmp_path, tmp_path / "antwoorden.csv"])
    assert dataset.bronnen == ("antwoorden.csv",)


def test_paths_that_cannot_be_read_are_reported(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    (tmp_path / "notities.txt").write_text("x", encoding="utf-8")
    failure = _failure([tmp_path / "weg.csv", tmp_path / "leeg", tmp_path / "notities.txt"])
    assert _codes(failure) == ["bestand.bestaat_niet", "bestand.map_leeg", "bestand.extensie"]
    assert "notities.txt: bestandstype '.txt' wordt niet ondersteund" in str(failure)


def test_no_paths_at_all_is_an_error() -> None:
    assert _codes(_failure([])) == ["bestand.geen_bestanden"]


def test_an_unknown_header_lists_what_is_expected(tmp_path: Path) -> None:
    path = tmp_path / "iets.csv"
    path.write_text("naam,adres\nA,B\n", encoding="utf-8")
    failure = _failure([path])
    assert _codes(failure) == ["kop.onbekend"]
    text = failure.report.errors[0].text()
    assert text.startswith("iets.csv, rij 1: de kopregel past bij geen enkel soort bestand")
    assert "gemeente_code, naam, regio" in text


def test_missing_and_duplicate_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "antwoorden.csv"
    path.write_text(
        "respondent_id,groep,groep,gemeente_code,transitie,perspectief,item,antwoord\n"
        "R1,wijkteam,wijkteam,GM0766,,,amb1,3\n",
        encoding="utf-8",
    )
    errors = _failure([path]).report.errors
    assert [(m.code, m.column) for m in errors] == [
        ("kop.kolom_dubbel", "groep"),
        ("kop.kolom_ontbreekt", "organisatie"),
    ]
    assert errors[1].text() == (
        "antwoorden.csv, rij 1, kolom organisatie: verplichte kolom ontbreekt "
        "(dit lijkt een antwoorden (lang)-bestand)"
    )


def test_an_extra_column_is_ignored_with_a_warning(tmp_path: Path) -> None:
    lines = _example_lines()
    path = tmp_path / "antwoorden.csv"
    path.write_text(
        "\n".join([lines[0] + ",opmerking", *(line + "," for line in lines[1:])]),
        encoding="utf-8",
    )
    _, warnings = read_dataset([path])
    assert [(w.code, w.column, w.severity) for w in warnings] == [
        ("kop.kolom_genegeerd", "opmerking", "warning")
    ]


def test_two_files_of_the_same_region_kind_are_an_error(tmp_path: Path) -> None:
    for name in ("gemeenten.csv", "gemeenten2.csv"):
        (tmp_path / name).write_text("gemeente_code,naam,regio\nGM0766,Tilburg,\n", "utf-8")
    failure = _failure([ANSWERS, tmp_path])
    assert _codes(failure) == ["kop.soort_dubbel"]
    assert str(failure).splitlines()[1] == (
        "gemeenten2.csv: er is al een gemeenten-bestand (gemeenten.csv); geef er maar één"
    )


def test_several_response_files_are_concatenated(tmp_path: Path) -> None:
    lines = _example_lines()
    half = len(lines) // 2
    (tmp_path / "a.csv").write_text("\n".join(lines[:half]), encoding="utf-8")
    (tmp_path / "b.csv").write_text("\n".join([lines[0], *lines[half:]]), encoding="utf-8")
    whole, _ = read_dataset([ANSWERS])
    parts, _ = read_dataset([tmp_path])
    assert list(dataset_to_long_rows(parts)) == list(dataset_to_long_rows(whole))
    assert parts.bronnen == ("a.csv", "b.csv")
