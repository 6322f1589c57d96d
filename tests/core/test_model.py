"""The transitiemodel data file loads into a consistent, immutable model, and a broken copy
is rejected with a message that tells its editor which file and which field to fix."""

from __future__ import annotations

import dataclasses
import re
from importlib import resources
from pathlib import Path

import pytest

from regiekompas.core.model import GROUP_KINDS, Model, ModelError, load_model
from regiekompas.core.text import DataFileError
from regiekompas.core.vocabulary import AXES, CONDITIONS, QUADRANTS, quadrant_of

FILE = "transitiemodel.toml"
SOURCE = resources.files("regiekompas.core.model").joinpath(FILE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def model() -> Model:
    return load_model()


def write_variant(tmp_path: Path, old: str | re.Pattern[str], new: str) -> Path:
    """A copy of the packaged file with one edit; fails loudly if the edit no longer applies."""
    if isinstance(old, re.Pattern):
        text, count = old.subn(new, SOURCE, count=1)
    else:
        count = SOURCE.count(old)
        text = SOURCE.replace(old, new, 1)
    assert count >= 1, f"variant no longer applies: {old!r}"
    path = tmp_path / FILE
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        load_model(path)
    return info.value


# --- the packaged model ------------------------------------------------------------------


def test_packaged_model_loads_and_is_cached(model: Model) -> None:
    assert model.versie == "1.0"
    assert model.bron.nl
    assert model.bron.en
    assert "kwadrant" in model.caveat.nl
    assert load_model() is load_model()


def test_model_error_is_the_data_file_error() -> None:
    assert ModelError is DataFileError


def test_axes_are_cc_and_dc_with_cocreatie_and_decentraal_as_negative_poles(model: Model) -> None:
    assert tuple(axis.code for axis in model.axes) == AXES
    assert model.axis("cc").negative_pole.nl == "Cocreatie"
    assert model.axis("cc").positive_pole.nl == "Controle"
    assert model.axis("dc").negative_pole.nl == "Decentraal"
    assert model.axis("dc").positive_pole.nl == "Centraal"


def test_quadrant_signs_agree_with_vocabulary(model: Model) -> None:
    assert tuple(q.code for q in model.quadrants) == QUADRANTS
    for quadrant in model.quadrants:
        assert quadrant_of(quadrant.cc_sign, quadrant.dc_sign) == quadrant.code
    assert (model.quadrant("Sturen").cc_sign, model.quadrant("Sturen").dc_sign) == (1, 1)
    assert (model.quadrant("Afspreken").cc_sign, model.quadrant("Afspreken").dc_sign) == (-1, -1)


def test_every_quadrant_describes_roles_and_has_examples(model: Model) -> None:
    for quadrant in model.quadrants:
        for text in (quadrant.frameworks, quadrant.gemeente_role, quadrant.aanbieder_role):
            assert text.nl
            assert text.en
        assert len(quadrant.examples) >= 3
    examples = {example.nl for example in model.quadrant("Sturen").examples}
    assert "Sociale wijkteams" in examples


def test_conditions_problems_and_rationaliteiten(model: Model) -> None:
    assert tuple(c.code for c in model.conditions) == CONDITIONS
    assert tuple(p.code for p in model.problems) == ("spraakverwarring", "kloof", "spaghetti")
    assert all(p.consequences.nl and p.consequences.en for p in model.problems)
    assert {r.code for r in model.rationaliteiten} == {
        "politiek",
        "juridisch_financieel",
        "professioneel",
        "leefwereld",
    }


def test_every_group_maps_to_a_defined_rationaliteit(model: Model) -> None:
    defined = {r.code for r in model.rationaliteiten}
    for group in model.groups:
        assert group.rationaliteit in defined
        assert model.rationaliteit(group.rationaliteit).code == group.rationaliteit
        assert group.kind in GROUP_KINDS


def test_groups_follow_the_spec_mapping(model: Model) -> None:
    expected = {
        "gemeente_bestuur": ("politiek", "gemeente"),
        "gemeente_beleid": ("politiek", "gemeente"),
        "gemeente_inkoop": ("politiek", "gemeente"),
        "zorgverzekeraar": ("juridisch_financieel", "financier"),
        "aanbieder_bestuur": ("professioneel", "aanbieder"),
        "aanbieder_professional": ("professioneel", "aanbieder"),
        "wijkteam": ("professioneel", "aanbieder"),
        "welzijn": ("professioneel", "aanbieder"),
        "clientvertegenwoordiging": ("leefwereld", "inwoner"),
        "overig": ("leefwereld", "inwoner"),
    }
    assert model.group_codes == tuple(expected)
    for code, (rationaliteit, kind) in expected.items():
        assert (model.group(code).rationaliteit, model.group(code).kind) == (rationaliteit, kind)


def test_transities_in_order_and_name_their_law(model: Model) -> None:
    assert model.transitie_codes == ("jeugd", "wmo", "participatie", "eerste_lijn")
    laws = {"jeugd": "Jeugdwet", "wmo": "Wmo 2015", "participatie": "Participatiewet"}
    laws["eerste_lijn"] = "Zvw"
    for code, law in laws.items():
        assert law in model.transitie(code).description.nl


def test_regie_nemen_has_three_steps(model: Model) -> None:
    assert len(model.regie_nemen.steps) == 3


def test_lookups_of_unknown_codes_raise_a_clear_key_error(model: Model) -> None:
    with pytest.raises(KeyError, match="unknown group 'bestuur'"):
        model.group("bestuur")
    with pytest.raises(KeyError, match="unknown quadrant 'sturen'"):
        model.quadrant("sturen")
    for lookup in (model.condition, model.transitie, model.problem):
        with pytest.raises(KeyError, match="unknown"):
            lookup("nope")


# --- references ---------------------------------------------------------------------------


def test_reference_example_from_the_brief(model: Model) -> None:
    assert (
        model.reference("condities.relaties")
        == "Transitiemodel, vijf condities: Goede persoonlijke relaties"
    )
    assert (
        model.reference("condities.relaties", "en")
        == "Transition model, five conditions: Good personal relationships"
    )


def test_all_references_resolve_in_both_languages(model: Model) -> None:
    refs = [f"assen.{code}" for code in AXES]
    refs += [f"kwadranten.{code}" for code in QUADRANTS]
    refs += [f"condities.{code}" for code in CONDITIONS]
    refs += [f"problemen.{p.code}" for p in model.problems]
    refs.append("regie_nemen")
    for ref in refs:
        assert model.has_reference(ref)
        nl, en = model.reference(ref), model.reference(ref, "en")
        assert nl.startswith("Transitiemodel, ")
        assert en.startswith("Transition model, ")
    assert model.reference("kwadranten.Coördineren").endswith(": Coördineren")


@pytest.mark.parametrize(
    "ref", ["", "regie", "assen", "assen.xx", "kwadranten.sturen", "groepen.wijkteam", "x.y.z"]
)
def test_unknown_reference(model: Model, ref: str) -> None:
    assert not model.has_reference(ref)
    with pytest.raises(KeyError, match="unknown model reference"):
        model.reference(ref)


# --- immutability -------------------------------------------------------------------------


def test_objects_are_immutable(model: Model) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.versie = "2.0"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.quadrants[0].cc_sign = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.groups[0].rationaliteit = "leefwereld"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.conditions[0].name.nl = "x"  # type: ignore[misc]
    assert isinstance(model.quadrants, tuple)
    assert isinstance(model.quadrants[0].examples, tuple)


# --- broken copies ------------------------------------------------------------------------


def test_a_faithful_copy_loads_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "kopie.toml"
    path.write_text(SOURCE, encoding="utf-8")
    assert load_model(path) == load_model()


def test_missing_field(tmp_path: Path) -> None:
    error = load_error(write_variant(tmp_path, re.compile(r"\nvisie = [^\n]*"), ""))
    assert str(error) == f"{FILE}: kwadranten.Afspreken.visie: missing field"


def test_unknown_rationaliteit(tmp_path: Path) -> None:
    path = write_variant(
        tmp_path,
        re.compile(r'(code = "wijkteam"\n[^\n]*\n)rationaliteit = "professioneel"'),
        r'\1rationaliteit = "x"',
    )
    assert str(load_error(path)) == (
        f"{FILE}: groepen.wijkteam.rationaliteit: unknown rationaliteit 'x'"
    )


def test_duplicate_code(tmp_path: Path) -> None:
    error = load_error(write_variant(tmp_path, 'code = "welzijn"', 'code = "wijkteam"'))
    assert error.file == FILE
    assert error.field == "groepen.wijkteam"
    assert "duplicate code" in str(error)


def test_bad_toml(tmp_path: Path) -> None:
    error = load_error(write_variant(tmp_path, 'versie = "1.0"', 'versie = "1.0'))
    assert str(error).startswith(f"{FILE}: ")
    assert "invalid TOML" in error.reason
    assert "line 7" in error.reason


def test_missing_english(tmp_path: Path) -> None:
    path = write_variant(
        tmp_path,
        '{ nl = "Goede persoonlijke relaties", en = "Good personal relationships" }',
        '{ nl = "Goede persoonlijke relaties" }',
    )
    assert str(load_error(path)) == f"{FILE}: condities.relaties.naam.en: missing or empty text"


@pytest.mark.parametrize(
    ("old", "new", "field", "reason"),
    [
        (
            'kind = "inwoner"',
            'kind = "inwoner"\nkleur = "rood"',
            "groepen.clientvertegenwoordiging.kleur",
            "unknown field",
        ),
        ('versie = "1.0"', 'versie = "1.0"\nauteur = "x"', "auteur", "unknown field"),
        (
            'kind = "financier"',
            'kind = "verzekeraar"',
            "groepen.zorgverzekeraar.kind",
            "unknown kind",
        ),
        ("cc_sign = -1", 'cc_sign = "min"', "kwadranten.Afspreken.cc_sign", "expected -1 or 1"),
        ("cc_sign = -1", "cc_sign = true", "kwadranten.Afspreken.cc_sign", "expected -1 or 1"),
        ("cc_sign = -1", "cc_sign = -0.5", "kwadranten.Afspreken.cc_sign", "expected -1 or 1"),
        ('versie = "1.0"', "versie = 1.0", "versie", "expected a non-empty string"),
        (
            'code = "Sturen"\ncc_sign = 1\ndc_sign = 1',
            'code = "Sturen"\ncc_sign = 1\ndc_sign = -1',
            "kwadranten.Sturen.dc_sign",
            "Sturen lies at",
        ),
        ('code = "Sturen"', 'code = "Leiden"', "kwadranten.Leiden.code", "unknown quadrant"),
        ('code = "proces"', 'code = "tempo"', "condities.tempo.code", "unknown condition"),
        ('code = "dc"', 'code = "xy"', "assen.xy.code", "unknown axis"),
        ('code = "wmo"', 'code = "w m o"', "transities[1].code", "must not contain spaces"),
        (
            re.compile(r'\[\[condities\]\]\ncode = "proces"\n(?:[^\n]+\n)+'),
            "",
            "condities",
            "missing 'proces'",
        ),
        (re.compile(r'\[\[assen\]\]\ncode = "cc"\n(?:[^\n]+\n)+'), "", "assen", "missing 'cc'"),
        (
            re.compile(r"(\[\[regie_nemen\.stappen\]\]\n)naam = [^\n]*\n"),
            r"\1",
            "regie_nemen.stappen[0].naam",
            "missing field",
        ),
        (
            '{ nl = "Sociale wijkteams", en = "Social neighbourhood teams" }',
            '"Sociale wijkteams"',
            "kwadranten.Sturen.voorbeelden[3]",
            "expected a table",
        ),
        (re.compile(r"\[titels\]\n"), "[titels]\nextra = 1\n", "titels.extra", "unknown field"),
    ],
)
def test_schema_errors_name_file_and_field(
    tmp_path: Path, old: str | re.Pattern[str], new: str, field: str, reason: str
) -> None:
    error = load_error(write_variant(tmp_path, old, new))
    assert error.file == FILE
    assert error.field == field
    assert reason in error.reason
    assert str(error).startswith(f"{FILE}: {field}: ")
