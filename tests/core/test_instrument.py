"""Behaviour of the packaged instrument and of the validation that guards its data contract."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from regiekompas.core.instrument import (
    AxisItem,
    BinaryItem,
    Instrument,
    LikertItem,
    MechanismType,
    Scale,
    load_instrument,
)
from regiekompas.core.text import DataFileError, Text
from regiekompas.core.vocabulary import CONDITIONS, QUADRANTS, quadrant_of

PACKAGED = resources.files("regiekompas.core.instrument").joinpath("v1.toml").read_text("utf-8")


@pytest.fixture(scope="module")
def inst() -> Instrument:
    return load_instrument()


# --- fixed codes and keying ------------------------------------------------------------------


def test_axis_items_have_the_fixed_codes_in_order(inst: Instrument) -> None:
    expected = tuple(f"cc{i}" for i in range(1, 7)) + tuple(f"dc{i}" for i in range(1, 7))
    assert inst.versie == "1"
    assert inst.axis_item_codes == expected
    assert tuple(item.code for item in inst.axis_items) == expected
    assert all(isinstance(item, AxisItem) for item in inst.axis_items)
    assert inst.axis_codes("cc") == expected[:6]
    assert inst.axis_codes("dc") == expected[6:]
    assert all(item.axis == item.code[:2] for item in inst.axis_items)


def test_only_cc3_and_dc4_are_reverse_keyed(inst: Instrument) -> None:
    assert [item.code for item in inst.axis_items if item.reverse] == ["cc3", "dc4"]
    assert inst.axis_keying == (1, 1, -1, 1, 1, 1, 1, 1, 1, -1, 1, 1)


def test_unknown_axis_is_refused(inst: Instrument) -> None:
    with pytest.raises(ValueError, match="axis"):
        inst.axis_codes("xy")


def test_scales_cover_the_five_conditions_with_a_reversed_fourth_item(inst: Instrument) -> None:
    assert tuple(scale.code for scale in inst.scales) == CONDITIONS
    assert [scale.prefix for scale in inst.scales] == ["amb", "bel", "rel", "org", "pro"]
    for scale in inst.scales:
        assert isinstance(scale, Scale)
        assert all(isinstance(item, LikertItem) for item in scale.items)
        assert scale.item_codes == tuple(f"{scale.prefix}{n}" for n in range(1, 5))
        assert [item.reverse for item in scale.items] == [False, False, False, True]


def test_agreements_and_obstacles_have_fixed_codes(inst: Instrument) -> None:
    assert [item.code for item in inst.agreements] == ["afs1", "afs2", "afs3", "afs4"]
    assert [item.code for item in inst.obstacles] == ["obs1", "obs2", "obs3", "obs4", "obs5"]
    assert all(isinstance(item, BinaryItem) for item in (*inst.agreements, *inst.obstacles))
    assert [q.code for q in inst.open_questions] == ["open1", "open2"]


def test_gemeente_item_codes_are_conditions_then_agreements_then_obstacles(
    inst: Instrument,
) -> None:
    expected = (
        *(f"{prefix}{n}" for prefix in ("amb", "bel", "rel", "org", "pro") for n in range(1, 5)),
        *(f"afs{n}" for n in range(1, 5)),
        *(f"obs{n}" for n in range(1, 6)),
    )
    assert inst.gemeente_item_codes == expected


# --- answer ranges ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("cc1", (1, 5)),
        ("dc4", (1, 5)),
        ("amb1", (1, 5)),
        ("pro4", (1, 5)),
        ("afs1", (0, 1)),
        ("afs4", (0, 1)),
        ("obs1", (0, 1)),
        ("obs5", (0, 1)),
    ],
)
def test_answer_range(inst: Instrument, code: str, expected: tuple[int, int]) -> None:
    assert inst.answer_range(code) == expected
    assert inst.is_known_item(code)
    assert inst.is_axis_item(code) == (code[:2] in ("cc", "dc"))


@pytest.mark.parametrize("code", ["cc7", "dc0", "amb5", "afs5", "obs6", "open1", "", "CC1"])
def test_unknown_codes_have_no_answer_range(inst: Instrument, code: str) -> None:
    with pytest.raises(KeyError):
        inst.answer_range(code)
    assert not inst.is_known_item(code)
    assert not inst.is_axis_item(code)


def test_open_questions_are_text_only(inst: Instrument) -> None:
    assert inst.is_open_question("open1")
    assert not inst.is_open_question("cc1")


def test_answer_scales_label_every_valid_answer(inst: Instrument) -> None:
    for code in (*inst.axis_item_codes, *inst.gemeente_item_codes):
        low, high = inst.answer_range(code)
        scale = inst.answer_scale(code)
        assert {o.value for o in scale.options} - {None} == set(range(low, high + 1))
    assert inst.answer_scale("cc1").label(1).nl
    assert inst.answer_scale("amb1").label(1).nl == "Helemaal oneens"
    assert inst.answer_scale("amb1").label(5).nl == "Helemaal eens"
    assert inst.answer_scale("afs1").label(None).en  # weet niet
    assert inst.answer_scale("afs1").label(1).nl == "Ja"


# --- wording ---------------------------------------------------------------------------------


def _texts(value: object) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name))


def test_every_text_exists_in_dutch_and_english(inst: Instrument) -> None:
    texts = list(_texts(inst))
    assert len(texts) > 120
    for text in texts:
        assert text.nl.strip()
        assert text.en.strip()


@pytest.mark.parametrize("perspectief", ["ambitie", "praktijk"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axis_wording_for_both_perspectives(inst: Instrument, perspectief: str, lang: str) -> None:
    for item in inst.axis_items:
        question = item.question(perspectief).format(lang, gemeente="Tilburg", transitie="Wmo")
        assert "Tilburg" in question
        assert "Wmo" in question
        assert "{" not in item.pole_1.get(lang) + item.pole_5.get(lang) + item.topic.get(lang)
    intro = inst.texts.perspective(perspectief).format(lang, gemeente="Tilburg", transitie="Wmo")
    assert "Tilburg" in intro


def test_perspectives_are_worded_differently(inst: Instrument) -> None:
    for item in inst.axis_items:
        assert item.ambitie.nl != item.praktijk.nl
        assert item.ambitie.en != item.praktijk.en
        assert "bedoeld" in item.ambitie.nl
        assert "intended" in item.ambitie.en
        assert "nu" in item.praktijk.nl
        assert "today" in item.praktijk.en
    with pytest.raises(ValueError, match="perspectief"):
        inst.axis_items[0].question("wens")


def test_gemeente_level_texts_accept_only_the_gemeente_placeholder(inst: Instrument) -> None:
    texts = [item.text for item in (*inst.agreements, *inst.obstacles)]
    texts += [question.text for question in inst.open_questions]
    texts += [item.text for scale in inst.scales for item in scale.items]
    texts += [inst.texts.conditions, inst.texts.agreements, inst.texts.obstacles]
    for text in texts:
        for lang in ("nl", "en"):
            assert "{" not in text.format(lang, gemeente="Breda")


# --- mechanism catalogue ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Sociaal Wijkteam", "sociaal_wijkteam"),
        ("sociaal-wijkteam", "sociaal_wijkteam"),
        ("  SOCIAAL_WIJKTEAM ", "sociaal_wijkteam"),
        ("sociale wijkteams", "sociaal_wijkteam"),
        ("Social neighbourhood team", "sociaal_wijkteam"),
        ("SWT", "sociaal_wijkteam"),
        ("CJG", "cjg"),
        ("Centrum voor Jeugd en Gezin", "cjg"),
        ("centra voor jeugd en gezin", "cjg"),
        ("geintegreerde eerste lijn", "geintegreerde_eerste_lijn"),
        ("geïntegreerde eerste lijn", "geintegreerde_eerste_lijn"),
        ("Geïntegreerde Eerste-Lijn", "geintegreerde_eerste_lijn"),
        ("keukentafelgesprekken", "keukentafelgesprek"),
        ("Meldpunt zorg- en overlast", "meldpunt_zorg_overlast"),
        ("Zorg- en Veiligheidshuis", "zorg_veiligheidshuis"),
        ("coordinatie risicogezinnen", "coordinatie_risicogezinnen"),
        ("inkoopcombinatie", "regionaal_inkoopteam"),
    ],
)
def test_mechanism_types_match_tolerantly(inst: Instrument, typed: str, code: str) -> None:
    found = inst.match_mechanism_type(typed)
    assert isinstance(found, MechanismType)
    assert found.code == code


@pytest.mark.parametrize("typed", ["onbekend overleg", "", "   ", "-", "wijk"])
def test_unknown_mechanism_types_match_nothing(inst: Instrument, typed: str) -> None:
    assert inst.match_mechanism_type(typed) is None


def test_catalogue_holds_the_examples_of_the_model(inst: Instrument) -> None:
    expected = {
        "welzijns_zorgnetwerk": "Afspreken",
        "wijkschakelteam": "Afspreken",
        "wijkservice": "Afspreken",
        "meldpunt_dementie": "Afspreken",
        "loket_zorg_samenleving": "Afstemmen",
        "keukentafelgesprek": "Afstemmen",
        "meldpunt_kindermishandeling": "Afstemmen",
        "steunpunt_okc": "Coördineren",
        "geintegreerde_eerste_lijn": "Coördineren",
        "cjg": "Sturen",
        "coordinatie_risicogezinnen": "Sturen",
        "meldpunt_zorg_overlast": "Sturen",
        "sociaal_wijkteam": "Sturen",
    }
    quadrants = {m.code: m.quadrant for m in inst.mechanism_types}
    for code, quadrant in expected.items():
        assert quadrants[code] == quadrant
    assert set(quadrants.values()) == set(QUADRANTS)


def test_every_type_is_placed_in_its_quadrant_and_found_by_its_own_names(
    inst: Instrument,
) -> None:
    for mechanism in inst.mechanism_types:
        assert -1 <= mechanism.cc <= 1
        assert -1 <= mechanism.dc <= 1
        assert quadrant_of(mechanism.cc, mechanism.dc) == mechanism.quadrant
        for name in (mechanism.code, mechanism.name.nl, mechanism.name.en, *mechanism.aliases):
            assert inst.match_mechanism_type(name) is mechanism


# --- loading ---------------------------------------------------------------------------------


def test_packaged_versions_are_cached(inst: Instrument) -> None:
    assert load_instrument("1") is inst


def test_a_copy_loaded_by_path_equals_the_packaged_instrument(
    inst: Instrument, tmp_path: Path
) -> None:
    path = tmp_path / "kopie.toml"
    path.write_text(PACKAGED, encoding="utf-8")
    assert load_instrument(path=path) == inst


def test_unknown_packaged_version(inst: Instrument) -> None:
    with pytest.raises(DataFileError, match="versie"):
        load_instrument("99")


def _block(code: str) -> str:
    """The text of one `[[...]]` entry of the packaged file, found by its code."""
    start = PACKAGED.index(f'code = "{code}"')
    start = PACKAGED.rindex("[[", 0, start)
    end = PACKAGED.find("\n[[", start + 2)
    return PACKAGED[start:end]


def _with(code: str, old: str, new: str) -> tuple[str, str]:
    block = _block(code)
    assert old in block, (code, old)
    return block, block.replace(old, new, 1)


BROKEN = {
    "cc3 not reversed": (
        *_with("cc3", "omgekeerd = true", "omgekeerd = false"),
        "asvragen.cc3.omgekeerd",
        "fixed",
    ),
    "cc1 reversed": (
        *_with("cc1", "omgekeerd = false", "omgekeerd = true"),
        "asvragen.cc1.omgekeerd",
        "fixed",
    ),
    "axis item missing": (_block("dc6"), "", "asvragen", "missing dc6"),
    "duplicate axis code": (*_with("cc2", 'code = "cc2"', 'code = "cc1"'), "asvragen.cc1.code", ""),
    "axis of wrong axis": (*_with("dc2", 'as = "dc"', 'as = "cc"'), "asvragen.dc2.as", ""),
    "scale without a reversed item": (
        _block("amb4"),
        "",
        "condities.gedeelde_ambitie.items",
        "reverse-keyed",
    ),
    "fourth scale item not reversed": (
        *_with("pro4", "omgekeerd = true", "omgekeerd = false"),
        "condities.proces.items.pro4.omgekeerd",
        "reverse-keyed",
    ),
    "scale code outside the vocabulary": (
        *_with("vorm", 'code = "vorm"', 'code = "organisatie"'),
        "condities.organisatie.code",
        "unknown code",
    ),
    "mechanism default outside its quadrant": (
        *_with("sociaal_wijkteam", "cc = 0.5", "cc = -0.5"),
        "mechanismen.sociaal_wijkteam.cc",
        "Sturen",
    ),
    "mechanism default on the border": (
        *_with("wijkservice", "dc = -0.5", "dc = 0"),
        "mechanismen.wijkservice.dc",
        "Afspreken",
    ),
    "mechanism default beyond the plane": (
        *_with("cjg", "dc = 0.5", "dc = 1.5"),
        "mechanismen.cjg.dc",
        "outside",
    ),
    "unknown quadrant": (
        *_with("cjg", 'kwadrant = "Sturen"', 'kwadrant = "Regisseren"'),
        "mechanismen.cjg.kwadrant",
        "unknown quadrant",
    ),
    "duplicate alias": (
        *_with("integrale_toegang", '"toegangsteams"]', '"toegangsteams", "Sociale-Wijkteams"]'),
        "mechanismen.integrale_toegang.aliassen[6]",
        "duplicate alias",
    ),
    "name of another type": (
        *_with("cjg", 'en = "Youth and Family Centre"', 'en = "Wijkservice"'),
        "mechanismen.cjg.naam.en",
        "wijkservice",
    ),
    "missing English": (
        *_with("obs3", ', en = "Terms in the contracts"', ""),
        "belemmeringen.obs3.tekst.en",
        "missing",
    ),
    "unknown key in an item": (
        *_with("cc2", "omgekeerd = false", "omgekeerd = false\ngewicht = 2"),
        "asvragen.cc2.gewicht",
        "unknown field",
    ),
    "unknown placeholder": (
        *_with("rel1", "in {gemeente} weten", "in {gemeentee} weten"),
        "condities.relaties.items.rel1.tekst.nl",
        "placeholder",
    ),
    "gap in numbering": (
        *_with("obs5", 'code = "obs5"', 'code = "obs7"'),
        "belemmeringen.obs7.code",
        "unknown code",
    ),
    "bad TOML": ('versie = "1"', 'versie = "1', "(syntax)", "invalid TOML"),
    "unknown top-level key": ('versie = "1"', 'versie = "1"\nauteur = "x"', "auteur", "unknown"),
}


@pytest.mark.parametrize(("old", "new", "field", "reason"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_copies_are_refused_naming_file_and_field(
    tmp_path: Path, old: str, new: str, field: str, reason: str
) -> None:
    assert PACKAGED.count(old) == 1
    path = tmp_path / "kapot.toml"
    path.write_text(PACKAGED.replace(old, new), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_instrument(path=path)
    error = raised.value
    assert error.file == "kapot.toml"
    assert error.field == field
    assert reason in error.reason
    assert str(error).startswith(f"kapot.toml: {field}: ")
