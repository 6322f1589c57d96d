"""The advice rules file loads into checked rules, and a broken copy is refused at load with
a message naming the file and the field; the expression language only does what it says."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from regiekompas.core.advice import Rules, load_rules
from regiekompas.core.advice._catalogue import SCOPES
from regiekompas.core.advice._context import Context, Names
from regiekompas.core.advice._evaluate import _BUILDERS
from regiekompas.core.advice._expr import ExprError, FigureType, compile_expr
from regiekompas.core.advice._format import format_threshold, format_value
from regiekompas.core.model import load_model
from regiekompas.core.text import DataFileError
from regiekompas.core.vocabulary import CONDITIONS, QUADRANTS

FILE = "regels.toml"
SOURCE = resources.files("regiekompas.core.advice").joinpath(FILE).read_text(encoding="utf-8")


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the packaged rules with one edit; fails loudly if the edit no longer applies."""
    assert old in SOURCE, f"variant no longer applies: {old!r}"
    path = tmp_path / FILE
    path.write_text(SOURCE.replace(old, new, 1), encoding="utf-8")
    return path


def load_error(path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        load_rules(path)
    return info.value


# --- the packaged rules --------------------------------------------------------------------


def test_packaged_rules_load_are_versioned_and_cached() -> None:
    rules = load_rules()
    assert isinstance(rules, Rules)
    assert rules.versie == "1"
    assert load_rules() is rules
    assert len({r.code for r in rules.regels}) == len(rules.regels)


def test_packaged_rules_cover_every_problem_of_the_product_spec() -> None:
    scopes = {r.scope for r in load_rules().regels}
    assert set(SCOPES) <= scopes
    codes = {r.code for r in load_rules().regels}
    assert {f"laagste_conditie_{c}" for c in CONDITIONS} <= codes
    assert {f"bepalend_conditie_{c}" for c in CONDITIONS} <= codes
    assert not any("zwakste" in code for code in codes)


def test_every_quadrant_weighs_every_condition() -> None:
    gewichten = load_rules().gewichten
    assert set(gewichten) == set(QUADRANTS)
    for weights in gewichten.values():
        assert set(weights) == set(CONDITIONS)
    assert max(gewichten["Sturen"], key=gewichten["Sturen"].__getitem__) == "vorm"
    assert max(gewichten["Afspreken"], key=gewichten["Afspreken"].__getitem__) == "relaties"


def test_a_rules_file_elsewhere_loads_and_is_reread_after_an_edit(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "kloof_groot = 0.15", "kloof_groot = 0.25")
    assert load_rules(path).drempels["kloof_groot"] == 0.25
    path.write_text(SOURCE.replace("kloof_groot = 0.15", "kloof_groot = 0.3   "), encoding="utf-8")
    assert load_rules(path).drempels["kloof_groot"] == 0.3


def test_the_builders_fill_exactly_the_figures_of_the_catalogue() -> None:
    assert set(_BUILDERS) == set(SCOPES)
    # An entry per scope, built from a minimal but complete document.
    results = {
        "cellen": [
            {"gemeente_code": "G", "transitie": "jeugd", "perspectief": p, "n": 9, "cc": 0.5}
            | {"dc": 0.5, "kwadrant": "Sturen", "helder": True}
            for p in ("ambitie", "praktijk")
        ],
        "kloof": [{"gemeente_code": "G", "transitie": "jeugd", "waarde": 0.2, "ci": [0.1, 0.3]}],
        "spraakverwarring": [
            {"gemeente_code": "G", "transitie": "jeugd", "perspectief": "ambitie", "waarde": 0.2}
            | {"groepen": ["wijkteam", "overig"], "rwg": {"cc": 0.5, "dc": 0.4}}
        ],
        "condities": [
            {"gemeente_code": "G", "groep": g, "conditie": "vorm", "score": 50.0}
            for g in (None, "wijkteam", "overig")
        ],
        "spaghetti": [{"gemeente_code": "G", "n": 3, "kwadranten": 2, "entropie": 1.0}],
        "versnippering": [{"regio": "R", "transitie": "jeugd", "gewogen_gemiddelde": 2.0}],
        "regio": [{"regio": "R", "alpha_groepen": 0.5}],
    }
    model = load_model()
    ctx = Context(
        results, Names(model, None), load_rules().gewichten, {("G", "jeugd"): "Sturen"}, None
    )
    for scope, build in _BUILDERS.items():
        entries = build(ctx)
        assert entries, scope
        for entry in entries:
            assert set(entry.figures) == set(SCOPES[scope].figures), scope
            assert SCOPES[scope].labels <= set(entry.labels), scope


# --- broken copies are refused with file and field ------------------------------------------

KLOOF_ALS = 'als = "waarde >= kloof_groot and dcc < 0 and abs_dcc >= abs_ddc"'


@pytest.mark.parametrize(
    ("old", "new", "field", "reason"),
    [
        (KLOOF_ALS, 'als = "waardee >= kloof_groot"', "regels.kloof_meer_cocreatie.als", "waardee"),
        (
            KLOOF_ALS,
            "als = \"__import__('os').system('true') == 0\"",
            "regels.kloof_meer_cocreatie.als",
            "not allowed",
        ),
        (KLOOF_ALS, 'als = "waarde.real > 0"', "regels.kloof_meer_cocreatie.als", "Attribute"),
        (KLOOF_ALS, 'als = "waarde"', "regels.kloof_meer_cocreatie.als", "expected a waarheid"),
        (KLOOF_ALS, 'als = "waarde >= "', "regels.kloof_meer_cocreatie.als", "invalid expression"),
        (KLOOF_ALS, 'als = "van == 1"', "regels.kloof_meer_cocreatie.als", "cannot compare"),
        (KLOOF_ALS, 'als = "van == \\"Coordineren\\""', "regels.kloof_meer_cocreatie.als", "never"),
        (KLOOF_ALS, 'als = "van < \\"Sturen\\""', "regels.kloof_meer_cocreatie.als", "== or !="),
        (
            'ernst = "waarde / kloof_groot"',
            'ernst = "waarde > kloof_groot"',
            "regels.kloof_meer_cocreatie.ernst",
            "expected a getal",
        ),
        (
            'bron = "condities.relaties"',
            'bron = "condities.vertrouwen"',
            "regels.laagste_conditie_relaties.bron",
            "condities.vertrouwen",
        ),
        (
            'bron = "condities.{conditie}"',
            'bron = "kwadranten.{conditie}"',
            "regels.conditie_verschil_groepen.bron",
            "kwadranten.belangen",
        ),
        (
            'scope = "spaghetti"',
            'scope = "lasagne"',
            "regels.spaghetti.scope",
            "unknown scope",
        ),
        (
            'tekst.nl = "{gemeente} gebruikt {n}',
            'tekst.nl = "{gemeente} gebruikt {groep_a} {n}',
            "regels.spaghetti.tekst.nl",
            "{groep_a}",
        ),
        (
            'tekst.nl = "{gemeente} gebruikt {n}',
            'tekst.nl = "{gemeente} gebruikt {n:.3f}',
            "regels.spaghetti.tekst.nl",
            "plain",
        ),
        (
            'prioriteit = 60\nbron = "problemen.spaghetti"',
            'prioriteit = "hoog"\nbron = "problemen.spaghetti"',
            "regels.spaghetti.prioriteit",
            "number",
        ),
        (
            'tekst.nl = "In {gemeente} werkt de praktijk bij {transities}',
            'tekst.nl = "In {gemeente} ({waarde}) werkt de praktijk bij {transities}',
            "regels.kloof_meer_cocreatie.tekst.nl",
            "{waarde}",
        ),
        (
            "duidelijk meer in cocreatie dan de ambitie zegt: {details}.",
            "duidelijk meer in cocreatie dan de ambitie zegt.",
            "regels.kloof_meer_cocreatie.tekst.nl",
            "{details}",
        ),
        (
            'code = "spaghetti"',
            'code = "spaghetti"\ndetail = { nl = "x", en = "x" }',
            "regels.spaghetti.detail",
            "several entries",
        ),
        (
            'eerste_stap.nl = "De beleidsadviseur van {gemeente} maakt met twee',
            'eerste_stap.nl = "{gemeente} {transities} maakt met twee',
            "regels.spaghetti.eerste_stap.nl",
            "{transities}",
        ),
        ('versie = "1"', 'versie = "2"', "versie", "unsupported"),
        ("relaties = 2.0", "relaties = 0", "gewichten.Afspreken.relaties", "positive"),
        ("relaties = 2.0\n", "", "gewichten.Afspreken.relaties", "missing"),
        ("kloof_groot = 0.15", "kloof_groot = 0.15\nwaarde = 1", "drempels.waarde", "figure"),
        (
            'code = "spaghetti"',
            'code = "spaghetti"\nals_ = "x"',
            "regels.spaghetti.als_",
            "unknown",
        ),
        (
            'code = "spaghetti"',
            'code = "lage_alpha_groepen"',
            "regels.lage_alpha_groepen",
            "duplicate",
        ),
    ],
)
def test_a_broken_rules_file_names_file_and_field(
    tmp_path: Path, old: str, new: str, field: str, reason: str
) -> None:
    path = write_variant(tmp_path, old, new)
    error = load_error(path)
    assert error.file == str(path)
    assert error.field == field
    assert reason in error.reason
    assert str(path) in str(error)


def test_a_missing_english_text_is_refused(tmp_path: Path) -> None:
    start = SOURCE.index("tekst.en = ", SOURCE.index('code = "regionale_spreiding"'))
    end = SOURCE.index("\n", start)
    path = tmp_path / FILE
    path.write_text(SOURCE[:start] + SOURCE[end + 1 :], encoding="utf-8")
    error = load_error(path)
    assert error.field == "regels.regionale_spreiding.tekst.en"


def test_invalid_toml_is_refused_with_the_file_name(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "[drempels]", "[drempels")
    assert load_error(path).field == "(syntax)"


# --- the expression language ----------------------------------------------------------------

FIGURES = {
    "a": FigureType("getal"),
    "b": FigureType("getal"),
    "ok": FigureType("waarheid"),
    "q": FigureType("tekst", frozenset({"Sturen", "Afstemmen"})),
}


def value(source: str, **figures: float | bool | str | None) -> object:
    expr = compile_expr(source, figures=FIGURES, constants={"t": 0.5}, want="waarheid")
    return expr.evaluate(figures)


def number(source: str, **figures: float | None) -> object:
    expr = compile_expr(source, figures=FIGURES, constants={"t": 0.5}, want="getal")
    return expr.evaluate(figures)


def test_comparisons_and_logic_on_known_figures() -> None:
    assert value("a >= t and not ok", a=0.6, ok=False) is True
    assert value("a >= t and not ok", a=0.4, ok=False) is False
    assert value('q == "Sturen" or a < -1', q="Sturen", a=0.0) is True
    assert value("0 < a < 1", a=0.5) is True
    assert value("0 < a < 1", a=1.5) is False


def test_missing_figures_are_unknown_not_false() -> None:
    assert value("a > t", a=None) is None
    assert value("not (a > t)", a=None) is None
    assert value("a > t or b > t", a=None, b=0.9) is True
    assert value("a > t and b > t", a=None, b=0.1) is False
    assert value("a > t and b > t", a=None, b=0.9) is None
    assert value("not ok") is None


def test_arithmetic_skips_missing_only_in_min_and_max() -> None:
    assert number("max(a, b) / t", a=None, b=1.0) == 2.0
    assert number("min(a, b)") is None
    assert number("a / b", a=1.0, b=0.0) is None
    assert number("abs(a - b)", a=0.2, b=0.5) == pytest.approx(0.3)
    assert number("a + b", a=None, b=1.0) is None


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os')",
        "open('x')",
        "a.real",
        "[a][0]",
        "a if ok else b",
        "lambda: 1",
        "a ** 2",
        "a in (1, 2)",
        "True",
        "max(*[a])",
        "f'{a}'",
        "unknown > 1",
    ],
)
def test_anything_outside_the_language_is_refused(source: str) -> None:
    with pytest.raises(ExprError):
        compile_expr(f"({source}) == 1", figures=FIGURES, constants={}, want="waarheid")


# --- formatting -----------------------------------------------------------------------------


def test_figures_are_written_dutch_or_english_style() -> None:
    assert format_value(0.3125, "getal", "nl") == "0,31"
    assert format_value(0.3125, "getal", "en") == "0.31"
    assert format_value(-0.2, "verschil", "nl") == "-0,20"
    assert format_value(0.2, "verschil", "en") == "+0.20"
    assert format_value(-0.001, "verschil", "nl") == "+0,00"
    assert format_value(0.42, "procent", "nl") == "42%"
    assert format_value(57.6, "score", "nl") == "58"
    assert format_value(True, "bool", "nl") == "ja"
    assert format_threshold(65.0, "nl") == "65"
    assert format_threshold(0.667, "nl") == "0,667"


def test_a_rule_without_a_first_step_is_refused(tmp_path: Path) -> None:
    start = SOURCE.index("eerste_stap.nl = ", SOURCE.index('code = "spaghetti"'))
    end = SOURCE.index("\n", start)
    path = tmp_path / FILE
    path.write_text(SOURCE[:start] + SOURCE[end + 1 :], encoding="utf-8")
    assert load_error(path).field == "regels.spaghetti.eerste_stap.nl"
