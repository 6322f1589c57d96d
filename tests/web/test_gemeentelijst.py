"""The built-in gemeente list: all of 1 January 2026, spelled as CBS spells it, checked at load."""

import re

import pytest

from regiekompas.core.simulate import TWENTE
from regiekompas.web.regions.gemeentelijst import (
    PROVINCIES,
    REFERENCE_DATE,
    SOURCE,
    GemeenteInfo,
    GemeentelijstError,
    all_gemeenten,
    gemeente_by_code,
    parse_gemeenten,
)

HEADER = "gemeente_code,naam,provincie\n"


def test_it_lists_all_342_gemeenten_of_2026() -> None:
    assert len(all_gemeenten()) == 342
    assert REFERENCE_DATE.isoformat() == "2026-01-01"
    assert "2026" in SOURCE


def test_every_code_is_unique_and_gm_plus_four_digits() -> None:
    codes = [gemeente.code for gemeente in all_gemeenten()]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"GM[0-9]{4}", code) for code in codes)


def test_every_gemeente_has_a_name_and_a_real_provincie() -> None:
    for gemeente in all_gemeenten():
        assert gemeente.naam.strip() == gemeente.naam != ""
        assert gemeente.provincie in PROVINCIES


def test_no_two_gemeenten_share_a_name() -> None:
    names = [gemeente.naam for gemeente in all_gemeenten()]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(
    ("code", "naam", "provincie"),
    [
        ("GM0153", "Enschede", "Overijssel"),
        ("GM0363", "Amsterdam", "Noord-Holland"),
        ("GM0599", "Rotterdam", "Zuid-Holland"),
        ("GM0344", "Utrecht", "Utrecht"),
        ("GM0014", "Groningen", "Groningen"),
        ("GM0518", "'s-Gravenhage", "Zuid-Holland"),
        ("GM0796", "'s-Hertogenbosch", "Noord-Brabant"),
        ("GM1900", "Súdwest-Fryslân", "Fryslân"),
        ("GM1970", "Noardeast-Fryslân", "Fryslân"),
        ("GM1992", "Voorne aan Zee", "Zuid-Holland"),
        ("GM1980", "Dijk en Waard", "Noord-Holland"),
        ("GM1991", "Maashorst", "Noord-Brabant"),
        ("GM1982", "Land van Cuijk", "Noord-Brabant"),
        ("GM0317", "Eemnes", "Utrecht"),
        ("GM0820", "Nuenen, Gerwen en Nederwetten", "Noord-Brabant"),
    ],
)
def test_it_knows_the_gemeente_behind_a_code(code: str, naam: str, provincie: str) -> None:
    assert gemeente_by_code(code) == GemeenteInfo(code=code, naam=naam, provincie=provincie)


@pytest.mark.parametrize("code", ["GM0501", "GM0457", "GM0398", "GM1685"])
def test_gemeenten_merged_away_before_2026_are_gone(code: str) -> None:
    # Brielle (into Voorne aan Zee, 2023), Weesp (into Amsterdam, 2022),
    # Heerhugowaard (into Dijk en Waard, 2022), Landerd (into Maashorst, 2022).
    assert gemeente_by_code(code) is None


def test_it_forgives_case_and_spaces_in_a_code_but_not_a_wrong_code() -> None:
    assert gemeente_by_code(" gm0153 ") == gemeente_by_code("GM0153")
    assert gemeente_by_code("GM9999") is None
    assert gemeente_by_code("0153") is None


def test_every_twente_gemeente_of_the_simulation_has_its_cbs_code_and_name() -> None:
    """The demo region is simulated; its gemeenten must read exactly as in the CBS list."""
    for code, naam in TWENTE:
        gemeente = gemeente_by_code(code)
        assert gemeente is not None, code
        assert gemeente.provincie == "Overijssel"
        assert gemeente.naam == naam


def test_the_list_is_sorted_by_name_ignoring_a_leading_s_and_accents() -> None:
    names = [gemeente.naam for gemeente in all_gemeenten()]
    assert names[0] == "Aa en Hunze"
    assert names[-1] == "Zwolle"
    assert names.index("Gouda") < names.index("'s-Gravenhage") < names.index("Groningen")
    assert names.index("Hengelo (O.)") < names.index("'s-Hertogenbosch") < names.index("Heusden")
    assert names.index("Stichtse Vecht") < names.index("Súdwest-Fryslân") < names.index("Teylingen")


def test_it_reads_the_list_only_once() -> None:
    assert all_gemeenten() is all_gemeenten()


def test_it_accepts_a_minimal_valid_file_and_sorts_it() -> None:
    parsed = parse_gemeenten(
        HEADER + "GM0014,Groningen,Groningen\nGM0034,Almere,Flevoland\n", source="t.csv"
    )
    assert [gemeente.naam for gemeente in parsed] == ["Almere", "Groningen"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "t.csv: the file is empty"),
        ("code,naam,provincie\nGM0014,Groningen,Groningen\n", "t.csv, line 1: the header"),
        (HEADER, "t.csv: the file has a header but no gemeenten"),
        (HEADER + "GM14,Groningen,Groningen\n", "t.csv, line 2: gemeente code 'GM14'"),
        (HEADER + "GM00١4,Groningen,Groningen\n", "t.csv, line 2: gemeente code"),
        (
            HEADER + "GM0014,Groningen,Groningen\nGM0014,Stad,Groningen\n",
            "t.csv, line 3: gemeente code GM0014 already appears on line 2",
        ),
        (HEADER + "GM0014, ,Groningen\n", "t.csv, line 2: gemeente GM0014 has no name"),
        (HEADER + "GM0014,Groningen,Ommeland\n", "t.csv, line 2: 'Ommeland' is not one"),
        (HEADER + "GM0014,Groningen\n", "t.csv, line 2: expected 3 fields, found 2"),
    ],
)
def test_it_refuses_a_broken_file_and_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(GemeentelijstError) as excinfo:
        parse_gemeenten(text, source="t.csv")
    assert str(excinfo.value).startswith(message)
