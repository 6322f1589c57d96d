"""Advice rules fire when their figure passes the threshold and stay silent when it does not;
the texts name the gemeente, transitie, groups and figures in Dutch and English, end with the
part of the model they rest on, and the list is ranked deterministically by score."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from typing import Any

import pytest

from regiekompas.core.advice import (
    Advice,
    advice_rows,
    evaluate,
    gemeente_scope,
    load_rules,
    most_urgent,
    regio_scope,
    split_top,
    top_advice,
)
from regiekompas.core.model import Model, load_model
from regiekompas.core.vocabulary import CONDITIONS, quadrant_of

G1, G2, G3 = "GM0001", "GM0002", "GM0003"
NAMES = {G1: "Aardam", G2: "Beekdorp", G3: "Cranendal"}


@pytest.fixture(scope="module")
def model() -> Model:
    return load_model()


def cell(
    g: str, t: str, p: str, cc: float, dc: float, *, helder: bool = True, n: int = 20
) -> dict[str, Any]:
    return {
        "gemeente_code": g,
        "transitie": t,
        "perspectief": p,
        "n": n,
        "cc": cc,
        "dc": dc,
        "cc_ci": [cc - 0.1, cc + 0.1],
        "dc_ci": [dc - 0.1, dc + 0.1],
        "kwadrant": quadrant_of(cc, dc),
        "helder": helder,
    }


def kloof(g: str, t: str, amb: tuple[float, float], prak: tuple[float, float]) -> dict[str, Any]:
    """Cells for both perspectives plus the kloof row computed from them as §4.3 says."""
    waarde = round(math.dist(amb, prak) / (2 * math.sqrt(2)), 4)
    return {
        "cellen": [cell(g, t, "ambitie", *amb), cell(g, t, "praktijk", *prak)],
        "kloof": [
            {
                "gemeente_code": g,
                "transitie": t,
                "waarde": waarde,
                "ci": [waarde - 0.05, waarde + 0.05],
                "van": quadrant_of(*amb),
                "naar": quadrant_of(*prak),
            }
        ],
    }


def conditions(
    g: str, scores: Mapping[str, float], groep: str | None = None
) -> list[dict[str, Any]]:
    return [
        {"gemeente_code": g, "groep": groep, "conditie": c, "score": s, "alpha": 0.8, "n": 30}
        for c, s in scores.items()
    ]


def run(results: dict[str, Any], **kwargs: Any) -> list[Advice]:
    return evaluate(results, names=NAMES, **kwargs)


def codes(advice: list[Advice]) -> list[str]:
    return [a.regel for a in advice]


def only(advice: list[Advice], regel: str) -> Advice:
    found = [a for a in advice if a.regel == regel]
    assert len(found) == 1, codes(advice)
    return found[0]


# --- 1. no clear position ------------------------------------------------------------------


def test_it_advises_on_an_unclear_ambition_and_practice_with_different_texts() -> None:
    results = {
        "cellen": [
            cell(G1, "jeugd", "ambitie", 0.05, 0.4, helder=False, n=12),
            cell(G1, "jeugd", "praktijk", -0.3, 0.02, helder=False, n=12),
        ]
    }
    advice = run(results)
    ambitie = only(advice, "geen_heldere_positie_ambitie")
    praktijk = only(advice, "geen_heldere_positie_praktijk")
    assert ambitie.tekst.nl != praktijk.tekst.nl
    assert "beoogde positie" in ambitie.tekst.nl
    assert "+0,05" in ambitie.tekst.nl
    assert "+0.05" in ambitie.tekst.en
    assert "feitelijk" in praktijk.tekst.nl
    assert (ambitie.gemeente_code, ambitie.transitie) == (G1, "jeugd")


def test_it_stays_silent_on_a_clear_position() -> None:
    results = {"cellen": [cell(G1, "jeugd", "ambitie", 0.5, 0.4, helder=True)]}
    assert run(results) == []


# --- 2. ambitie–praktijkkloof ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("amb", "prak", "regel", "nl", "en"),
    [
        ((0.6, 0.5), (-0.3, 0.4), "kloof_meer_cocreatie", "richting cocreatie", "co-creation"),
        ((-0.5, -0.2), (0.4, -0.1), "kloof_meer_controle", "richting controle", "control"),
        ((0.5, 0.5), (0.4, -0.4), "kloof_meer_decentraal", "richting decentraal", "decentral"),
        ((-0.5, -0.5), (-0.4, 0.4), "kloof_meer_centraal", "richting centraal", "centralised"),
    ],
)
def test_a_large_gap_gets_the_text_of_its_direction(
    model: Model,
    amb: tuple[float, float],
    prak: tuple[float, float],
    regel: str,
    nl: str,
    en: str,
) -> None:
    results = kloof(G1, "wmo", amb, prak)
    advice = only(run(results), regel)
    assert [a.regel for a in run(results) if a.regel.startswith("kloof")] == [regel]
    waarde = results["kloof"][0]["waarde"]
    assert f"{waarde:.2f}".replace(".", ",") in advice.tekst.nl
    assert f"{waarde:.2f}" in advice.tekst.en
    assert nl in advice.tekst.nl
    assert en in advice.tekst.en
    van, naar = model.quadrant(quadrant_of(*amb)).name, model.quadrant(quadrant_of(*prak)).name
    assert f"ambitie {van.nl} → praktijk {naar.nl}" in advice.tekst.nl
    assert f"ambition {van.en} → practice {naar.en}" in advice.tekst.en
    band = "hoog" if waarde >= 0.25 else "midden"
    assert f"{waarde:.2f} ({band})".replace(".", ",") in advice.tekst.nl
    assert advice.transities == ("wmo",)
    assert advice.eerste_stap.nl
    assert advice.eerste_stap.en
    assert "Aardam" in advice.eerste_stap.nl
    assert "Aardam" in advice.tekst.nl
    assert model.transitie("wmo").name.nl in advice.tekst.nl
    assert advice.bron == "problemen.kloof"


def test_the_gap_text_gives_the_shift_on_the_dominant_axis() -> None:
    advice = only(run(kloof(G1, "jeugd", (0.6, 0.5), (-0.3, 0.4))), "kloof_meer_cocreatie")
    assert "0,90 verder richting cocreatie" in advice.tekst.nl
    assert "andere as -0,10" in advice.tekst.nl


def test_a_small_gap_gives_no_gap_advice() -> None:
    advice = run(kloof(G1, "jeugd", (0.5, 0.5), (0.3, 0.45)))
    assert not [a for a in advice if a.regel.startswith("kloof")]


def test_a_gap_without_its_cells_does_not_fire() -> None:
    results = kloof(G1, "jeugd", (0.6, 0.5), (-0.3, 0.4))
    del results["cellen"]
    assert run(results) == []


# --- 3. spraakverwarring and agreement ------------------------------------------------------


def confusion(waarde: float | None, rwg: float = 0.9, p: str = "ambitie") -> dict[str, Any]:
    return {
        "spraakverwarring": [
            {
                "gemeente_code": G2,
                "transitie": "jeugd",
                "perspectief": p,
                "waarde": waarde,
                "groepen": ["gemeente_beleid", "aanbieder_professional"] if waarde else [],
                "rwg": {"cc": rwg, "dc": 0.95},
            }
        ]
    }


def test_high_confusion_names_both_groups_and_the_value(model: Model) -> None:
    advice = only(run(confusion(0.22)), "spraakverwarring_ambitie")
    for group in ("gemeente_beleid", "aanbieder_professional"):
        assert model.group(group).name.nl in advice.tekst.nl
        assert model.group(group).name.en in advice.tekst.en
    assert "0,22" in advice.tekst.nl
    assert "0.22" in advice.tekst.en
    assert "Beekdorp" in advice.tekst.nl


def test_confusion_in_practice_has_its_own_text() -> None:
    ambitie = only(run(confusion(0.22)), "spraakverwarring_ambitie")
    praktijk = only(run(confusion(0.22, p="praktijk")), "spraakverwarring_praktijk")
    assert ambitie.tekst.nl != praktijk.tekst.nl


def test_low_confusion_or_fewer_than_two_groups_gives_no_confusion_advice() -> None:
    assert run(confusion(0.1)) == []
    assert run(confusion(None)) == []


def test_low_agreement_within_the_cell_fires_below_the_threshold(model: Model) -> None:
    advice = only(run(confusion(None, rwg=0.3)), "lage_overeenstemming")
    assert "0,30" in advice.tekst.nl
    assert model.axis("cc").name.nl in advice.tekst.nl
    assert run(confusion(None, rwg=0.6)) == []


def test_low_alpha_between_groups_names_the_region() -> None:
    advice = only(
        run({"regio": [{"regio": "Regio Noord", "alpha_groepen": 0.41}]}), "lage_alpha_groepen"
    )
    assert "Regio Noord" in advice.tekst.nl
    assert "0,41" in advice.tekst.nl
    assert "0.41" in advice.tekst.en
    assert advice.gemeente_code is None
    assert run({"regio": [{"regio": "Regio Noord", "alpha_groepen": 0.8}]}) == []
    assert run({"regio": [{"regio": None, "alpha_groepen": None}]}) == []


# --- 4, 5, 6. spaghetti, inconsistency, fragmentation ---------------------------------------


@pytest.mark.parametrize(
    ("n", "kwadranten", "entropie", "fires"),
    [
        (9, 2, 0.9, True),
        (4, 3, 1.2, True),
        (5, 2, 1.6, True),
        (5, 2, 0.9, False),
    ],
)
def test_spaghetti_fires_on_many_arrangements_quadrants_or_entropy(
    n: int, kwadranten: int, entropie: float, fires: bool
) -> None:
    results = {
        "spaghetti": [
            {
                "gemeente_code": G1,
                "n": n,
                "kwadranten": kwadranten,
                "entropie": entropie,
                "transitie_inconsistentie": 1,
            }
        ]
    }
    advice = run(results)
    assert codes(advice) == (["spaghetti"] if fires else [])
    if fires:
        assert f"{n} verschillende" in advice[0].tekst.nl


def test_transitie_inconsistency_is_computed_from_the_cells(model: Model) -> None:
    results = {
        "cellen": [
            cell(G1, "jeugd", "praktijk", 0.5, 0.5),
            cell(G1, "wmo", "praktijk", 0.5, -0.5),
            cell(G1, "participatie", "praktijk", 0.0, 0.5),  # op de grens: not counted
        ]
    }
    advice = only(run(results, regio_of={G1: "Regio Noord"}), "transitie_inconsistentie")
    assert "in 2 verschillende regievormen" in advice.tekst.nl
    assert "Afstemmen (Wmo); Sturen (Jeugd)" in advice.tekst.nl
    assert model.transitie("participatie").name.nl not in advice.tekst.nl
    assert "Regio Noord" in advice.tekst.nl
    assert advice.transitie is None


def test_one_praktijk_quadrant_over_all_transities_is_consistent() -> None:
    results = {
        "cellen": [
            cell(G1, "jeugd", "praktijk", 0.5, 0.5),
            cell(G1, "wmo", "praktijk", 0.3, 0.2),
        ]
    }
    assert run(results) == []


def fragmentation(gemiddelde: float, aandeel: float, spreiding: float) -> dict[str, Any]:
    return {
        "cellen": [
            cell(G1, "jeugd", "praktijk", 0.5, 0.5),
            cell(G2, "jeugd", "praktijk", -0.5, 0.5),
            cell(G3, "jeugd", "praktijk", -0.5, 0.5),
        ],
        "versnippering": [
            {
                "regio": "Regio Noord",
                "transitie": "jeugd",
                "gewogen_gemiddelde": gemiddelde,
                "aandeel_3_of_meer": aandeel,
                "spreiding": spreiding,
            }
        ],
    }


def test_regional_fragmentation_names_region_transitie_and_regimes() -> None:
    regio_of = {G1: "Regio Noord", G2: "Regio Noord", G3: "Regio Zuid"}
    results = fragmentation(2.1, 0.35, 0.1)
    advice = only(run(results, regio_of=regio_of), "versnippering_aanbieders")
    assert "Regio Noord" in advice.tekst.nl
    assert "Jeugd" in advice.tekst.nl
    assert "2,10" in advice.tekst.nl
    assert "35%" in advice.tekst.nl
    assert "35%" in advice.tekst.en
    assert "Coördineren (Beekdorp); Sturen (Aardam)" in advice.tekst.nl
    assert "Cranendal" not in advice.tekst.nl  # another region
    assert (advice.gemeente_code, advice.transitie) == (None, "jeugd")


def test_fragmentation_below_both_thresholds_is_silent() -> None:
    assert run(fragmentation(1.2, 0.1, 0.1)) == []


def test_regional_dispersion_fires_on_its_own_threshold() -> None:
    assert codes(run(fragmentation(1.2, 0.1, 0.31))) == ["regionale_spreiding"]


# --- 7. the lowest condition and the one that matters most for the form of regie ----------

#: Relaties is the raw lowest; vorm is close behind and weighs double under Sturen.
SCORES = {"gedeelde_ambitie": 70, "belangen": 72, "relaties": 50, "vorm": 55, "proces": 71}


def condition_advice(results: dict[str, Any], **kwargs: Any) -> list[str]:
    return sorted(a.regel for a in run(results, **kwargs) if "_conditie_" in a.regel)


def test_the_lowest_is_always_the_lowest_score_and_the_weights_pick_the_most_decisive() -> None:
    afspreken = {
        "cellen": [cell(G1, "jeugd", "ambitie", -0.4, -0.4)],
        "condities": conditions(G1, SCORES),
    }
    sturen = {
        "cellen": [cell(G1, "jeugd", "ambitie", 0.4, 0.4)],
        "condities": conditions(G1, SCORES),
    }
    # Afspreken leans on relaties, which is also the lowest: one advice, called the lowest.
    assert condition_advice(afspreken) == ["laagste_conditie_relaties"]
    # Sturen leans on vorm: both appear, each named for what it is.
    assert condition_advice(sturen) == ["bepalend_conditie_vorm", "laagste_conditie_relaties"]


def test_the_texts_call_the_lowest_lowest_and_the_weighted_one_most_decisive(model: Model) -> None:
    results = {
        "cellen": [cell(G1, "jeugd", "ambitie", 0.4, 0.4)],
        "condities": conditions(G1, SCORES),
    }
    advice = run(results)
    lowest = only(advice, "laagste_conditie_relaties").tekst
    decisive = only(advice, "bepalend_conditie_vorm").tekst
    relaties, vorm = model.condition("relaties").name, model.condition("vorm").name
    assert f"‘{relaties.nl}’ het laagst" in lowest.nl
    assert "50 van 100 (matig" in lowest.nl
    assert f"‘{relaties.en}’ scores lowest" in lowest.en
    assert f"‘{vorm.nl}’ de meest bepalende voorwaarde" in decisive.nl
    assert "zwakst" not in decisive.nl
    assert "zwakst" not in lowest.nl
    assert f"De laagste score heeft ‘{relaties.nl}’ (50)" in decisive.nl
    assert f"‘{vorm.en}’ is the condition that matters most" in decisive.en


def test_a_chosen_target_position_overrides_the_ambitie_for_the_weights(model: Model) -> None:
    results = {
        "cellen": [cell(G1, "jeugd", "ambitie", -0.4, -0.4)],
        "condities": conditions(G1, SCORES),
    }
    advice = [
        a
        for a in run(results, targets={(G1, "jeugd"): "Sturen"})
        if a.regel == "bepalend_conditie_vorm"
    ]
    assert len(advice) == 1
    text = advice[0].tekst
    assert model.condition("vorm").name.nl in text.nl
    assert "scoort 55 van 100 (matig)" in text.nl
    assert "gekozen doelposities: Sturen (Jeugd)" in text.nl
    assert "scores 55 out of 100 (moderate)" in text.en
    assert text.nl.endswith(f"({model.reference('condities.vorm', 'nl')})")
    assert advice[0].bron == "condities.vorm"


def test_without_any_position_only_the_lowest_condition_is_advised() -> None:
    assert condition_advice({"condities": conditions(G1, SCORES)}) == ["laagste_conditie_relaties"]


def test_weights_are_averaged_over_the_transities_of_the_gemeente() -> None:
    # Sturen twice, Afspreken once: vorm weighs (2+2+0.75)/3, relaties (0.75+0.75+2)/3.
    results = {
        "cellen": [
            cell(G1, "jeugd", "ambitie", 0.4, 0.4),
            cell(G1, "wmo", "ambitie", 0.4, 0.4),
            cell(G1, "participatie", "ambitie", -0.4, -0.4),
        ],
        "condities": conditions(G1, SCORES),
    }
    assert "bepalend_conditie_vorm" in condition_advice(results)


def test_conditions_above_the_threshold_give_no_weakest_condition_advice() -> None:
    good = dict.fromkeys(SCORES, 80.0)
    assert run({"condities": conditions(G1, good)}) == []


def test_a_large_gap_between_groups_on_a_condition_names_both_groups(model: Model) -> None:
    rows = conditions(G1, dict.fromkeys(SCORES, 80.0))
    rows += conditions(G1, {"relaties": 82.0}, groep="gemeente_beleid")
    rows += conditions(G1, {"relaties": 51.0}, groep="aanbieder_professional")
    rows += conditions(G1, {"relaties": 70.0}, groep="wijkteam")
    advice = only(run({"condities": rows}), "conditie_verschil_groepen")
    assert model.group("gemeente_beleid").name.nl in advice.tekst.nl
    assert model.group("aanbieder_professional").name.en in advice.tekst.en
    assert "een verschil van 31 punten" in advice.tekst.nl
    assert "82 (goed)" in advice.tekst.nl
    assert "51 (matig)" in advice.tekst.nl
    assert advice.bron == "condities.relaties"
    assert advice.tekst.en.endswith(f"({model.reference('condities.relaties', 'en')})")


def test_a_small_gap_between_groups_is_silent() -> None:
    rows = conditions(G1, {"relaties": 82.0}, groep="gemeente_beleid")
    rows += conditions(G1, {"relaties": 70.0}, groep="aanbieder_professional")
    assert run({"condities": rows}) == []


# --- 8. control plus centralisation with weak conditions ------------------------------------


def test_steering_with_weak_conditions_warns_of_bureaucracy() -> None:
    weak = dict.fromkeys(SCORES, 45.0)
    results = {
        "cellen": [cell(G1, "jeugd", "ambitie", 0.6, 0.5), cell(G1, "jeugd", "praktijk", 0.5, 0.4)],
        "condities": conditions(G1, weak),
    }
    advice = only(run(results), "risico_bureaucratie")
    assert "Aardam" in advice.tekst.nl
    assert "45 van 100 (matig)" in advice.tekst.nl
    assert advice.transities == ("jeugd",)
    assert "Sturen (cc +0,60; dc +0,50)" in advice.tekst.nl
    assert "Steering (cc +0.50; dc +0.40)" in advice.tekst.en


def test_bureaucracy_fires_on_the_ambition_alone_when_practice_is_not_measured() -> None:
    results = {
        "cellen": [cell(G1, "jeugd", "ambitie", 0.6, 0.5)],
        "condities": conditions(G1, {"vorm": 40.0}),
    }
    advice = only(run(results), "risico_bureaucratie")
    assert "praktijk niet gemeten" in advice.tekst.nl


@pytest.mark.parametrize(
    ("position", "score"),
    [((0.6, 0.5), 70.0), ((0.6, -0.5), 40.0), ((0.1, 0.5), 40.0)],
)
def test_no_bureaucracy_warning_with_good_conditions_or_outside_clear_steering(
    position: tuple[float, float], score: float
) -> None:
    results = {
        "cellen": [cell(G1, "jeugd", "praktijk", *position)],
        "condities": conditions(G1, {"vorm": score}),
    }
    assert "risico_bureaucratie" not in codes(run(results))


# --- target position ------------------------------------------------------------------------


def test_a_practice_outside_the_chosen_target_gets_advice(model: Model) -> None:
    results = {"cellen": [cell(G1, "jeugd", "praktijk", 0.5, 0.5)]}
    advice = only(run(results, targets={(G1, "jeugd"): "Coördineren"}), "doel_niet_bereikt")
    assert model.quadrant("Coördineren").name.en in advice.tekst.en
    assert run(results, targets={(G1, "jeugd"): "Sturen"}) == []
    assert run(results, targets={(G1, "jeugd"): "nergens"}) == []


# --- texts, ranking and robustness ----------------------------------------------------------


def everything() -> dict[str, Any]:
    """A results document on which every rule fires at least once."""
    results = kloof(G1, "jeugd", (0.6, 0.5), (-0.3, 0.4))
    results["cellen"] += [
        cell(G1, "wmo", "ambitie", 0.6, 0.5, helder=False),
        cell(G1, "wmo", "praktijk", 0.5, 0.45, helder=False),
        cell(G2, "jeugd", "praktijk", 0.5, -0.5),
    ]
    results["condities"] = conditions(G1, dict.fromkeys(SCORES, 45.0))
    results["condities"] += conditions(G1, {"proces": 80.0}, groep="gemeente_beleid")
    results["condities"] += conditions(G1, {"proces": 40.0}, groep="wijkteam")
    results["spraakverwarring"] = confusion(0.25, rwg=0.2)["spraakverwarring"]
    results["spaghetti"] = [
        {
            "gemeente_code": G1,
            "n": 12,
            "kwadranten": 4,
            "entropie": 1.9,
            "transitie_inconsistentie": 2,
        }
    ]
    results["versnippering"] = fragmentation(2.4, 0.5, 0.3)["versnippering"]
    results["regio"] = [{"regio": "Regio Noord", "alpha_groepen": 0.3}]
    return results


def test_every_rule_can_fire_and_every_text_is_bilingual_and_cites_the_model(model: Model) -> None:
    advice = run(everything(), targets={(G2, "jeugd"): "Afspreken"})
    fired = set(codes(advice))
    expected = (
        {r.code for r in load_rules().regels}
        - {
            "kloof_meer_controle",
            "kloof_meer_decentraal",
            "kloof_meer_centraal",
            "spraakverwarring_praktijk",
        }
        - {f"laagste_conditie_{c}" for c in CONDITIONS if c != "gedeelde_ambitie"}
        - {f"bepalend_conditie_{c}" for c in CONDITIONS}
    )
    assert expected <= fired
    for item in advice:
        for lang in ("nl", "en"):
            text = item.tekst.get(lang)
            assert text.endswith(f" ({model.reference(item.bron, lang)})")
            assert "{" not in text
            assert "None" not in text
        assert item.tekst.nl != item.tekst.en
        if item.gemeente_code is not None:
            assert NAMES[item.gemeente_code] in item.tekst.nl
            assert NAMES[item.gemeente_code] in item.tekst.en


def test_the_ranking_is_by_score_and_numbered_from_one() -> None:
    advice = run(everything())
    assert [a.prioriteit for a in advice] == list(range(1, len(advice) + 1))
    scores = [a.score for a in advice]
    assert scores == sorted(scores, reverse=True)
    rules = {r.code: r for r in load_rules().regels}
    for item in advice:
        base = rules[item.regel].prioriteit
        assert base <= item.score <= base * load_rules().max_ernst


def test_the_ranking_does_not_depend_on_the_order_of_the_rows() -> None:
    results = everything()
    shuffled = {key: list(value) for key, value in results.items()}
    for rows in shuffled.values():
        random.Random(7).shuffle(rows)
    assert run(shuffled) == run(results)
    assert run(results) == run(results)


def test_a_more_severe_figure_ranks_higher_within_a_rule() -> None:
    results = kloof(G1, "jeugd", (0.6, 0.5), (0.1, 0.45))
    more = kloof(G2, "jeugd", (0.6, 0.5), (-0.6, 0.4))
    combined = {key: results[key] + more[key] for key in results}
    advice = run(combined)
    assert [a.gemeente_code for a in advice] == [G2, G1]
    assert advice[0].score > advice[1].score


def test_without_names_the_gemeente_code_is_shown() -> None:
    advice = evaluate({"cellen": [cell(G1, "jeugd", "ambitie", 0.05, 0.4, helder=False)]})
    assert advice[0].tekst.nl.startswith(G1)


@pytest.mark.parametrize(
    "results",
    [
        {},
        {
            key: []
            for key in ("cellen", "groepen", "kloof", "spraakverwarring", "regio", "condities")
        }
        | {"spaghetti": [], "versnippering": [], "aanbieders": [], "meta": {}},
        {"cellen": None, "kloof": "x", "condities": [None, 3, "x"], "meta": None},
        {"cellen": [{"gemeente_code": G1}], "kloof": [{"gemeente_code": G1, "transitie": "jeugd"}]},
        {
            "spraakverwarring": [
                {"gemeente_code": G1, "transitie": "jeugd", "perspectief": "ambitie"}
            ]
        },
        {"versnippering": [{"regio": None, "transitie": "jeugd", "gewogen_gemiddelde": None}]},
        {"condities": [{"gemeente_code": G1, "groep": None, "conditie": "vorm", "score": None}]},
        {"spaghetti": [{"gemeente_code": G1, "n": "veel"}], "regio": [{"alpha_groepen": "laag"}]},
        {"cellen": [cell(G1, "jeugd", "praktijk", 0.5, 0.5) | {"helder": None, "kwadrant": "x"}]},
    ],
)
def test_missing_or_malformed_results_give_no_crash_and_no_advice(results: dict[str, Any]) -> None:
    assert run(results) == []


def test_advice_rows_have_exactly_the_keys_of_the_results_document() -> None:
    advice = run(everything())
    rows = advice_rows(advice)
    assert rows
    for row, item in zip(rows, advice, strict=True):
        assert set(row) == {
            "gemeente_code",
            "transitie",
            "regel",
            "prioriteit",
            "tekst",
            "rang",
            "eerste_stap",
            "transities",
        }
        assert row["tekst"] == item.tekst.nl
        assert row["eerste_stap"] == item.eerste_stap.nl
        assert row["transities"] == list(item.transities)
    assert advice_rows(advice, lang="en")[0]["tekst"] == advice[0].tekst.en


# --- one truth per rule and gemeente; rank within scope; the top 3 ---------------------------


def two_gaps() -> dict[str, Any]:
    results = kloof(G1, "jeugd", (0.6, 0.5), (-0.3, 0.4))
    more = kloof(G1, "wmo", (0.6, 0.5), (-0.6, 0.45))
    return {key: results[key] + more[key] for key in results}


def test_the_same_rule_for_the_same_gemeente_is_one_advice_listing_its_transities(
    model: Model,
) -> None:
    advice = run(two_gaps())
    gap = only(advice, "kloof_meer_cocreatie")
    # the larger gap (Wmo) first, in the list and in the text
    assert gap.transities == ("wmo", "jeugd")
    assert gap.transitie is None
    wmo, jeugd = model.transitie("wmo").name, model.transitie("jeugd").name
    assert f"bij {wmo.nl} en {jeugd.nl} duidelijk meer in cocreatie" in gap.tekst.nl
    assert gap.tekst.nl.index(f"{wmo.nl} — kloof") < gap.tekst.nl.index(f"{jeugd.nl} — kloof")
    assert gap.tekst.nl.count("Het beleid onderschat") == 1
    assert f"{wmo.nl} en {jeugd.nl}" in gap.eerste_stap.nl or "Aardam" in gap.eerste_stap.nl
    row = advice_rows([gap])[0]
    assert row["transities"] == ["wmo", "jeugd"]


def test_rang_counts_within_each_gemeente_and_each_region() -> None:
    results = everything()
    results["cellen"] += [cell(G3, "jeugd", "ambitie", 0.05, 0.4, helder=False)]
    advice = run(results, regio_of={G1: "Regio Noord", G2: "Regio Noord", G3: "Regio Noord"})
    scopes: dict[tuple[str, str | None], list[int]] = {}
    for item in advice:  # in order of the ranking over the whole scan
        scopes.setdefault(item.scope, []).append(item.rang)
    assert ("gemeente", G3) in scopes
    assert ("regio", "Regio Noord") in scopes
    for ranks in scopes.values():
        assert ranks == list(range(1, len(ranks) + 1))
    assert all(a.regio is None for a in advice if a.gemeente_code is not None)


def test_top_advice_gives_the_three_most_urgent_of_a_scope_and_the_rest_on_request() -> None:
    advice = run(everything(), regio_of={G1: "Regio Noord", G2: "Regio Noord"})
    mine = [a for a in advice if a.gemeente_code == G1]
    assert len(mine) > 3
    top = top_advice(advice, gemeente_scope(G1))
    assert [a.rang for a in top] == [1, 2, 3]
    assert top == sorted(mine, key=lambda a: a.prioriteit)[:3]
    shown, rest = split_top(advice, gemeente_scope(G1))
    assert shown == top
    assert len(shown) + len(rest) == len(mine)
    assert top_advice(advice, gemeente_scope(G1), None) == shown + rest
    for item in top_advice(advice, gemeente_scope(G1), None, transitie="wmo"):
        assert not item.transities or "wmo" in item.transities
    region = top_advice(advice, regio_scope("Regio Noord"))
    assert region
    assert all(a.gemeente_code is None for a in region)
    assert top_advice(advice, regio_scope("Elders")) == []
    national = most_urgent(advice, regional=False, n=2)
    assert [a.prioriteit for a in national] == sorted(a.prioriteit for a in national)
    assert len({a.regel for a in national}) == 2


def test_a_number_is_never_rounded_across_its_band() -> None:
    # 0.2497 is `midden`; written as 0,25 next to "midden" it would contradict the cut-off.
    results = kloof(G1, "jeugd", (0.6, 0.5), (0.3, 0.5))
    results["kloof"][0]["waarde"] = 0.2497
    gap = only(run(results), "kloof_meer_cocreatie")
    assert "0,2497 (midden)" in gap.tekst.nl
    assert "0.2497 (medium)" in gap.tekst.en
