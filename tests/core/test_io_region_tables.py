"""Reading a region's files on their own: no responses needed, and all-or-nothing as ever."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiekompas.core.io import ImportFailed, read_region_tables

GEMEENTEN = "gemeente_code,naam,regio\nGM0153,Enschede,Twente\nGM0164,Hengelo,Twente\n"
ORGANISATIES = "organisatie,type\nZorg Oost,aanbieder\nWijkteam Noord,wijkteam\n"
CONTRACTEN = "organisatie,gemeente_code,transitie\nZorg Oost,GM0153,jeugd\nZorg Oost,GM0164,wmo\n"
MECHANISMEN = (
    "gemeente_code,naam,type,transities,cc,dc\nGM0153,Regiotafel,overleg,jeugd;wmo,-0.5,0.2\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _failure(paths: list[Path], **kwargs: object) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        read_region_tables(paths, **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_it_reads_all_four_region_tables_without_a_responses_file(tmp_path: Path) -> None:
    paths = [
        _write(tmp_path, "g.csv", GEMEENTEN),
        _write(tmp_path, "o.csv", ORGANISATIES),
        _write(tmp_path, "c.csv", CONTRACTEN),
        _write(tmp_path, "m.csv", MECHANISMEN),
    ]
    tables, warnings = read_region_tables(paths)
    assert warnings == ()
    assert tables.gemeenten is not None
    assert [g.code for g in tables.gemeenten] == ["GM0153", "GM0164"]
    assert tables.organisaties is not None
    assert len(tables.organisaties) == 2
    assert tables.contracten is not None
    assert len(tables.contracten) == 2
    assert tables.mechanismen is not None
    assert tables.mechanismen[0].transities == ("jeugd", "wmo")
    assert tables.mechanismen[0].cc == -0.5
    assert tables.bronnen == ("g.csv", "o.csv", "c.csv", "m.csv")
    assert not tables.is_empty


def test_tables_not_given_stay_none(tmp_path: Path) -> None:
    tables, _ = read_region_tables([_write(tmp_path, "o.csv", ORGANISATIES)])
    assert tables.gemeenten is None
    assert tables.contracten is None
    assert tables.mechanismen is None


def test_it_rejects_a_contract_for_a_gemeente_outside_the_known_ones(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "c.csv", "organisatie,gemeente_code,transitie\nZorg Oost,GM0599,jeugd\n"
    )
    failure = _failure([path], gemeenten={"GM0153"}, gemeenten_label="Twente")
    (error,) = failure.report.errors
    assert (error.file, error.row, error.column, error.code) == (
        "c.csv",
        2,
        "gemeente_code",
        "cel.gemeente_onbekend",
    )
    assert "Twente" in error.text("en")


def test_a_gemeenten_file_adds_to_the_known_gemeenten(tmp_path: Path) -> None:
    gemeenten = _write(tmp_path, "g.csv", "gemeente_code,naam,regio\nGM0164,Hengelo,Twente\n")
    contracten = _write(
        tmp_path,
        "c.csv",
        "organisatie,gemeente_code,transitie\nZorg Oost,GM0153,jeugd\nZorg Oost,GM0164,wmo\n",
    )
    tables, _ = read_region_tables([contracten, gemeenten], gemeenten={"GM0153"})
    assert tables.contracten is not None
    assert len(tables.contracten) == 2


def test_it_checks_contract_organisaties_against_the_known_ones(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", "organisatie,gemeente_code,transitie\nOnbekend,GM0153,jeugd\n")
    failure = _failure([path], organisaties={"Zorg Oost"}, organisaties_label="de regio")
    assert [m.code for m in failure.report.errors] == ["cel.organisatie_onbekend"]


def test_it_reports_every_error_of_every_file(tmp_path: Path) -> None:
    gemeenten = _write(tmp_path, "g.csv", "gemeente_code,naam,regio\nGM153X,Enschede,Twente\n")
    mechanismen = _write(
        tmp_path, "m.csv", "gemeente_code,naam,type,transities\nGM0153,,overleg,onbekend\n"
    )
    failure = _failure([gemeenten, mechanismen])
    assert {(m.file, m.row, m.column) for m in failure.report.errors} >= {
        ("g.csv", 2, "gemeente_code"),
        ("m.csv", 2, "naam"),
        ("m.csv", 2, "transities"),
    }


def test_it_names_a_responses_file_without_reading_it(tmp_path: Path) -> None:
    responses = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"
    organisaties = _write(tmp_path, "o.csv", ORGANISATIES)
    tables, _ = read_region_tables([organisaties, responses / "antwoorden.csv"])
    assert tables.response_files == ("antwoorden.csv",)
    assert tables.organisaties is not None


def test_a_file_with_only_responses_gives_empty_tables(tmp_path: Path) -> None:
    responses = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"
    tables, _ = read_region_tables([responses / "antwoorden.csv"])
    assert tables.is_empty
