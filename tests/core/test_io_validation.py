"""Every bad cell is reported with file, row, column and reason; nothing is half-imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiekompas.core.io import ImportFailed, ImportMessage, read_dataset

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"
HEADER = "respondent_id,groep,organisatie,gemeente_code,transitie,perspectief,item,antwoord"


def _write(folder: Path, name: str, *lines: str) -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _answers(folder: Path, *rows: str) -> Path:
    return _write(folder, "antwoorden.csv", HEADER, *rows)


def _errors(*paths: Path) -> tuple[ImportMessage, ...]:
    with pytest.raises(ImportFailed) as caught:
        read_dataset(list(paths))
    return caught.value.report.errors


def _texts(*paths: Path) -> list[str]:
    return [message.text() for message in _errors(*paths)]


def test_the_example_message_of_the_brief_appears_verbatim(tmp_path: Path) -> None:
    lines = (EXAMPLE / "antwoorden.csv").read_text(encoding="utf-8").splitlines()
    cells = lines[16].split(",")
    cells[-1] = "7"
    lines[16] = ",".join(cells)
    path = _write(tmp_path, "antwoorden.csv", *lines)
    with pytest.raises(ImportFailed) as caught:
        read_dataset([path])
    report = str(caught.value)
    assert "antwoorden.csv, rij 17, kolom antwoord: 7 ligt buiten 1–5" in report
    assert report.splitlines()[0] == "1 fout in 1 bestand; er is niets ingelezen."
    english = caught.value.report.text("en")
    assert "antwoorden.csv, row 17, column antwoord: 7 is outside 1–5" in english


def test_answers_must_be_whole_numbers_in_range(tmp_path: Path) -> None:
    path = _answers(
        tmp_path,
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,4.0",
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc2,4,5",
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc3,abc",
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc4,0",
        "R1,wijkteam,Org,GM0766,,,afs1,2",
        "R1,wijkteam,Org,GM0766,,,afs2,0",
    )
    assert _texts(path) == [
        "antwoorden.csv, rij 3: de rij heeft 9 velden, de kopregel 8",
        "antwoorden.csv, rij 4, kolom antwoord: 'abc' is geen getal",
        "antwoorden.csv, rij 5, kolom antwoord: 0 ligt buiten 1–5",
        "antwoorden.csv, rij 6, kolom antwoord: 2 ligt buiten 0–1",
    ]
    quoted = _answers(tmp_path, 'R1,wijkteam,Org,GM0766,jeugd,ambitie,cc2,"4,5"')
    assert _texts(quoted) == ["antwoorden.csv, rij 2, kolom antwoord: 4,5 is geen geheel getal"]


def test_codes_are_checked_against_model_and_instrument(tmp_path: Path) -> None:
    path = _answers(
        tmp_path,
        "R1,wethouder,Org,GM0766,jeugd,ambitie,cc1,4",
        "R2,wijkteam,Org,0766,jeugd,ambitie,cc1,4",
        "R3,wijkteam,Org,GM0766,jeugdzorg,ambitie,cc1,4",
        "R4,wijkteam,Org,GM0766,jeugd,wens,cc1,4",
        "R5,wijkteam,Org,GM0766,jeugd,ambitie,cc9,4",
        ",wijkteam,Org,GM0766,jeugd,ambitie,cc1,4",
    )
    errors = _errors(path)
    assert [(m.row, m.column, m.code) for m in errors] == [
        (2, "groep", "cel.groep"),
        (3, "gemeente_code", "cel.gemeentecode"),
        (4, "transitie", "cel.transitie"),
        (5, "perspectief", "cel.perspectief"),
        (6, "item", "cel.item"),
        (7, "respondent_id", "cel.leeg"),
    ]
    assert (
        errors[0]
        .text()
        .startswith(
            "antwoorden.csv, rij 2, kolom groep: 'wethouder' is geen groep; kies uit "
            "gemeente_bestuur, "
        )
    )
    assert errors[1].text() == (
        "antwoorden.csv, rij 3, kolom gemeente_code: '0766' is geen gemeentecode "
        "(GM en 4 cijfers, zoals GM0153)"
    )


def test_codes_are_read_leniently_in_case_and_spacing(tmp_path: Path) -> None:
    path = _answers(tmp_path, " R1 , Wijkteam ,Org, gm0766 ,Jeugd,AMBITIE, CC1 , 4 ")
    dataset, _ = read_dataset([path])
    r = dataset.responses
    assert (r.respondent_ids, r.groups, r.gemeente_codes) == (("R1",), ("wijkteam",), ("GM0766",))
    assert r.axis_answers[0, 0] == 4.0


def test_items_must_sit_in_the_right_kind_of_cell(tmp_path: Path) -> None:
    path = _answers(
        tmp_path,
        "R1,wijkteam,Org,GM0766,,,cc1,4",
        "R1,wijkteam,Org,GM0766,jeugd,,cc2,4",
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,amb1,4",
        "R1,wijkteam,Org,GM0766,,praktijk,amb2,4",
    )
    assert _texts(path) == [
        "antwoorden.csv, rij 2, kolom transitie: item cc1 hoort bij een transitie en "
        "perspectief; vul beide in",
        "antwoorden.csv, rij 3, kolom perspectief: item cc2 hoort bij een transitie en "
        "perspectief; vul beide in",
        "antwoorden.csv, rij 4, kolom transitie: item amb1 geldt voor de hele gemeente; laat "
        "transitie en perspectief leeg",
        "antwoorden.csv, rij 5, kolom perspectief: item amb2 geldt voor de hele gemeente; laat "
        "transitie en perspectief leeg",
    ]


def test_a_duplicate_answer_names_both_rows_even_when_equal(tmp_path: Path) -> None:
    path = _answers(
        tmp_path,
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,4",
        "R1,wijkteam,Org,GM0766,,,amb1,2",
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,4",
        "R1,wijkteam,Org,GM0766,,,amb1,3",
    )
    assert _texts(path) == [
        "antwoorden.csv, rij 4: tweede antwoord op cc1 van respondent R1 voor GM0766 jeugd "
        "ambitie; het eerste staat in rij 2",
        "antwoorden.csv, rij 5: tweede antwoord op amb1 van respondent R1 voor GM0766; het "
        "eerste staat in rij 3",
    ]


def test_a_respondent_keeps_one_group_and_organisation_across_files(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.csv", HEADER, "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,4")
    second = _write(
        tmp_path,
        "b.csv",
        HEADER,
        "R1,wijkteam,Org,GM0766,jeugd,praktijk,cc1,4",
        "R1,welzijn,Org,GM0766,jeugd,praktijk,cc2,4",
        "R1,welzijn,Org,GM0766,jeugd,praktijk,cc3,4",
        "R1,wijkteam,Andere org,GM0766,jeugd,praktijk,cc4,4",
    )
    assert _texts(first, second) == [
        "b.csv, rij 3, kolom groep: respondent R1 heeft groep wijkteam in a.csv, rij 2",
        "b.csv, rij 4, kolom groep: respondent R1 heeft groep wijkteam in a.csv, rij 2",
        "b.csv, rij 5, kolom organisatie: respondent R1 heeft organisatie 'Org' in a.csv, rij 2",
    ]


def test_every_error_in_every_file_is_listed(tmp_path: Path) -> None:
    answers = _answers(
        tmp_path,
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,9",
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc2,4",
        "R2,wijkteam,Org,GM0766,wmo,ambitie,cc1,x",
    )
    contracts = _write(
        tmp_path,
        "contracten.csv",
        "organisatie,gemeente_code,transitie",
        "Org,GM0766,jeugd",
        ",GM0766,jeugd",
        "Org,GM766,wmo",
        "Org,GM0766,ouderen",
    )
    failure_text = _texts(answers, contracts)
    assert failure_text == [
        "antwoorden.csv, rij 2, kolom antwoord: 9 ligt buiten 1–5",
        "antwoorden.csv, rij 4, kolom antwoord: 'x' is geen getal",
        "contracten.csv, rij 3, kolom organisatie: mag niet leeg zijn",
        "contracten.csv, rij 4, kolom gemeente_code: 'GM766' is geen gemeentecode "
        "(GM en 4 cijfers, zoals GM0153)",
        "contracten.csv, rij 5, kolom transitie: 'ouderen' is geen transitie; kies uit "
        "jeugd, wmo, participatie, eerste_lijn",
    ]
    with pytest.raises(ImportFailed) as caught:
        read_dataset([answers, contracts])
    assert str(caught.value).splitlines()[0] == "5 fouten in 2 bestanden; er is niets ingelezen."


def test_gemeente_codes_must_appear_in_the_gemeenten_file(tmp_path: Path) -> None:
    answers = _answers(
        tmp_path,
        "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,4",
        "R1,wijkteam,Org,GM0784,jeugd,ambitie,cc1,4",
        "R1,wijkteam,Org,GM0784,jeugd,ambitie,cc2,4",
    )
    gemeenten = _write(
        tmp_path, "gemeenten.csv", "gemeente_code,naam,regio", "GM0766,Tilburg,Hart van Brabant"
    )
    contracts = _write(
        tmp_path, "contracten.csv", "organisatie,gemeente_code,transitie", "Org,GM0855,jeugd"
    )
    mechanisms = _write(
        tmp_path, "mechanismen.csv", "gemeente_code,naam,type,transities", "GM0855,X,cjg,jeugd"
    )
    errors = _errors(answers, gemeenten, contracts, mechanisms)
    assert [(m.file, m.row, m.column) for m in errors] == [
        ("antwoorden.csv", 3, "gemeente_code"),
        ("antwoorden.csv", 4, "gemeente_code"),
        ("contracten.csv", 2, "gemeente_code"),
        ("mechanismen.csv", 2, "gemeente_code"),
    ]
    assert errors[0].text() == (
        "antwoorden.csv, rij 3, kolom gemeente_code: GM0784 staat niet in het "
        "gemeentenbestand gemeenten.csv"
    )


def test_gemeenten_file_rules(tmp_path: Path) -> None:
    answers = _answers(tmp_path, "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,4")
    gemeenten = _write(
        tmp_path,
        "gemeenten.csv",
        "gemeente_code,naam,regio",
        "GM0766,Tilburg,",
        "GM0766,Tilburg,Hart van Brabant",
        "GM0784,,Hart van Brabant",
    )
    assert _texts(answers, gemeenten) == [
        "gemeenten.csv, rij 3, kolom gemeente_code: gemeentecode GM0766 staat er al in rij 2",
        "gemeenten.csv, rij 4, kolom naam: mag niet leeg zijn",
    ]
    gemeenten.write_text("gemeente_code,naam,regio\nGM0766,Tilburg,\n", encoding="utf-8")
    dataset, _ = read_dataset([answers, gemeenten])
    assert dataset.gemeenten is not None
    assert dataset.gemeenten[0].regio is None


def test_organisaties_are_checked_in_contracts_and_warned_in_responses(tmp_path: Path) -> None:
    answers = _answers(
        tmp_path,
        "R1,wijkteam,Onbekend,GM0766,jeugd,ambitie,cc1,4",
        "R2,wijkteam,Onbekend,GM0766,jeugd,ambitie,cc1,4",
        "R3,wijkteam,Bekend,GM0766,jeugd,ambitie,cc1,4",
    )
    organisations = _write(
        tmp_path, "organisaties.csv", "organisatie,type", "Bekend,aanbieder", "Bekend,aanbieder"
    )
    contracts = _write(
        tmp_path, "contracten.csv", "organisatie,gemeente_code,transitie", "Vreemd,GM0766,jeugd"
    )
    assert _texts(answers, organisations, contracts) == [
        "organisaties.csv, rij 3, kolom organisatie: organisatie 'Bekend' staat er al in rij 2",
        "contracten.csv, rij 2, kolom organisatie: 'Vreemd' staat niet in het "
        "organisatiebestand organisaties.csv",
    ]
    organisations.write_text("organisatie,type\nBekend,aanbieder\n", encoding="utf-8")
    contracts.write_text(
        "organisatie,gemeente_code,transitie\nBekend,GM0766,jeugd\nBekend,gm0766,Jeugd\n",
        encoding="utf-8",
    )
    dataset, warnings = read_dataset([answers, organisations, contracts])
    assert [(w.file, w.row, w.code) for w in warnings] == [
        ("antwoorden.csv", 2, "cel.organisatie_onbekend_antwoorden"),
        ("contracten.csv", 3, "rij.contract_dubbel"),
    ]
    assert dataset.contracten is not None
    assert len(dataset.contracten) == 1
    assert dataset.organisaties is not None
    assert dataset.organisaties[0].type == "aanbieder"


def test_mechanisms_are_matched_placed_or_warned(tmp_path: Path) -> None:
    answers = _answers(tmp_path, "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,4")
    mechanisms = _write(
        tmp_path,
        "mechanismen.csv",
        "gemeente_code;naam;type;transities;cc;dc",
        'GM0766;Wijkteam Noord;Sociaal wijkteam;"jeugd; wmo";;',
        "GM0766;Eigen overleg;regiotafel;jeugd;-0,5;0,25",
        "GM0766;Los zand;iets anders;wmo;;",
        'GM0766;Team;sociaal wijkteam;"wmo;jeugd;wmo";0,1;0,2',
    )
    dataset, warnings = read_dataset([answers, mechanisms])
    assert [w.text() for w in warnings] == [
        "mechanismen.csv, rij 4, kolom type: mechanisme 'Los zand': type 'iets anders' staat "
        "niet in de catalogus en cc en dc zijn leeg; niet geplaatst"
    ]
    assert dataset.mechanismen is not None
    by_name = {m.naam: m for m in dataset.mechanismen}
    wijkteam = by_name["Wijkteam Noord"]
    assert wijkteam.type == "sociaal_wijkteam"
    assert wijkteam.transities == ("jeugd", "wmo")
    assert wijkteam.cc is not None
    assert wijkteam.cc > 0
    assert wijkteam.dc is not None
    assert (by_name["Eigen overleg"].type, by_name["Eigen overleg"].cc) == ("regiotafel", -0.5)
    assert by_name["Eigen overleg"].dc == 0.25
    assert (by_name["Los zand"].cc, by_name["Los zand"].dc) == (None, None)
    assert by_name["Team"].transities == ("wmo", "jeugd")
    assert (by_name["Team"].cc, by_name["Team"].dc) == (0.1, 0.2)


def test_mechanism_rows_are_validated(tmp_path: Path) -> None:
    answers = _answers(tmp_path, "R1,wijkteam,Org,GM0766,jeugd,ambitie,cc1,4")
    mechanisms = _write(
        tmp_path,
        "mechanismen.csv",
        "gemeente_code,naam,type,transities,cc,dc",
        "GM0766,A,cjg,,,",
        "GM0766,B,cjg,jeugd;ouderen,,",
        "GM0766,C,cjg,jeugd,0.5,",
        "GM0766,D,cjg,jeugd,1.5,veel",
        "GM0766,,cjg,jeugd,,",
    )
    assert _texts(answers, mechanisms) == [
        "mechanismen.csv, rij 2, kolom transities: mag niet leeg zijn",
        "mechanismen.csv, rij 3, kolom transities: 'ouderen' is geen transitie; kies uit "
        "jeugd, wmo, participatie, eerste_lijn",
        "mechanismen.csv, rij 4, kolom dc: vul cc en dc allebei in of laat ze allebei leeg",
        "mechanismen.csv, rij 5, kolom cc: 1.5 ligt niet tussen −1 en 1",
        "mechanismen.csv, rij 5, kolom dc: 'veel' is geen getal",
        "mechanismen.csv, rij 6, kolom naam: mag niet leeg zijn",
    ]


def test_responses_are_required_and_must_hold_rows(tmp_path: Path) -> None:
    gemeenten = _write(tmp_path, "gemeenten.csv", "gemeente_code,naam,regio", "GM0766,T,")
    assert [m.text() for m in _errors(gemeenten)] == [
        "er is geen antwoordenbestand; dat is verplicht"
    ]
    empty = _answers(tmp_path, ",,,,,,,")
    assert [m.text() for m in _errors(empty)] == [
        "antwoorden.csv: het antwoordenbestand bevat geen antwoorden"
    ]


def test_errors_are_capped_but_counted(tmp_path: Path) -> None:
    rows = [f"R{i},wijkteam,Org,GM0766,jeugd,ambitie,cc1,{9}" for i in range(10_050)]
    path = _answers(tmp_path, *rows)
    with pytest.raises(ImportFailed) as caught:
        read_dataset([path])
    report = caught.value.report
    assert len(report.errors) == 10_000
    assert report.error_count == 10_050
    lines = report.text().splitlines()
    assert lines[0] == "10050 fouten in 1 bestand; er is niets ingelezen."
    assert lines[-1] == "… en nog 50 fouten; alleen de eerste 10000 zijn bewaard."
