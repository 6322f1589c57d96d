"""Measures checked against values worked out by hand on tiny fixtures."""

from __future__ import annotations

import math

import numpy as np
import pytest

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.dataset import Contract, Dataset, Gemeente, Mechanisme, build_responses
from regiekompas.core.instrument import load_instrument
from regiekompas.core.measures.fragmentation import dispersion, fragmentation, provider_regimes
from regiekompas.core.measures.spaghetti import entropy_bits, spaghetti
from regiekompas.core.measures.trend import distance_to_target, trend

INSTRUMENT = load_instrument()
TRANSITIES = ("jeugd", "wmo", "participatie", "eerste_lijn")


def _mechanism(gemeente: str, cc: float | None, dc: float | None) -> Mechanisme:
    return Mechanisme(gemeente, "m", "overleg", ("jeugd",), cc, dc)


def test_spaghetti_counts_quadrants_and_entropy() -> None:
    mechanisms = [
        _mechanism("GM0001", 0.5, 0.5),  # Sturen
        _mechanism("GM0001", 0.4, 0.2),  # Sturen
        _mechanism("GM0001", -0.5, 0.5),  # Coördineren
        _mechanism("GM0001", 0.5, -0.5),  # Afstemmen
        _mechanism("GM0001", None, None),  # unplaced: counts in N only
        _mechanism("GM0001", 0.0, 0.3),  # on the border: counts in N only
    ]
    (row,) = spaghetti(["GM0001"], mechanisms, {"GM0001": ["Sturen", "Sturen", "grens"]})
    assert row.n == 6
    assert row.kwadranten == 3
    # shares 2/4, 1/4, 1/4 → 0.5·1 + 2·0.25·2 = 1.5 bits
    assert row.entropie == pytest.approx(1.5)
    assert row.transitie_inconsistentie == 1


def test_entropy_is_two_bits_for_an_even_spread_and_zero_for_one_quadrant() -> None:
    assert entropy_bits([3, 3, 3, 3]) == pytest.approx(2.0)
    assert entropy_bits([5]) == 0.0
    assert entropy_bits([]) == 0.0


def test_regimes_per_provider_and_the_weighted_region_figure() -> None:
    praktijk = {
        ("GM0001", "jeugd"): "Sturen",
        ("GM0002", "jeugd"): "Coördineren",
        ("GM0003", "jeugd"): "Afstemmen",
        ("GM0004", "jeugd"): "grens",
    }
    contracts = [
        Contract("A", "GM0001", "jeugd"),
        Contract("A", "GM0002", "jeugd"),
        Contract("A", "GM0003", "jeugd"),
        Contract("A", "GM0004", "jeugd"),  # grens: counts as a gemeente, not as a regime
        Contract("B", "GM0001", "jeugd"),
        Contract("C", "GM0009", "jeugd"),  # no praktijk cell: not counted
    ]
    rows = provider_regimes(contracts, praktijk)
    assert [(r.organisatie, r.gemeenten, r.regimes) for r in rows] == [("A", 4, 3), ("B", 1, 1)]
    figure = fragmentation("Twente", "jeugd", rows, [(0.5, 0.5), (-0.5, 0.5)])
    # weighted by contracts: (3·4 + 1·1) / 5 = 2.6; share facing ≥ 3: 1 of 2
    assert figure.gewogen_gemiddelde == pytest.approx(2.6)
    assert figure.aandeel_3_of_meer == pytest.approx(0.5)
    # centroid (0, 0.5); both points 0.5 away → 0.5 / 2√2
    assert figure.spreiding == pytest.approx(0.5 / (2 * math.sqrt(2)))


def test_a_provider_is_counted_per_region_with_its_contracts_there() -> None:
    praktijk = {("GM0001", "wmo"): "Sturen", ("GM0002", "wmo"): "Afspreken"}
    contracts = [Contract("A", "GM0001", "wmo"), Contract("A", "GM0002", "wmo")]
    (only_first,) = provider_regimes(contracts, praktijk, {"GM0001"})
    assert (only_first.gemeenten, only_first.regimes) == (1, 1)


def test_dispersion_of_one_point_is_zero_and_of_none_is_undefined() -> None:
    assert dispersion([(0.3, -0.2)]) == 0.0
    assert dispersion([]) is None


def _two_cell_dataset() -> Dataset:
    """Three respondents, ambitie and praktijk, with fixed answers (one gemeente, jeugd)."""
    ambitie = [5, 5, 1, 5, 5, 5, 5, 5, 5, 1, 5, 5]  # cc +1, dc +1 (Sturen)
    praktijk = [1, 1, 5, 1, 1, 1, 3, 3, 3, 3, 3, 4]  # cc −1, dc 1/12
    answers = np.array([ambitie, praktijk] * 3, dtype=float)
    conditions = np.full((3, len(INSTRUMENT.gemeente_item_codes)), np.nan)
    # respondent 1: amb1..amb4 = 4, 4, 4, 2 (amb4 reversed → 4): score 4 → 75
    # respondent 2: amb1..amb4 = 2, 2, —, — : score 2 → 25
    # respondent 3: amb1..amb4 = 3, 3, 3, 3 : score 3 → 50 ; mean 3 → 50
    conditions[0, :4] = [4, 4, 4, 2]
    conditions[1, :4] = [2, 2, np.nan, np.nan]
    conditions[2, :4] = [3, 3, 3, 3]
    responses = build_responses(
        respondent_ids=["a", "b", "c"],
        respondent_group=["wijkteam", "wijkteam", "gemeente_beleid"],
        respondent_org=["X", "Y", "Z"],
        transities=TRANSITIES,
        axis_items=INSTRUMENT.axis_item_codes,
        gemeente_items=INSTRUMENT.gemeente_item_codes,
        gemeente_codes=["GM0001"],
        obs_respondent=np.array([0, 0, 1, 1, 2, 2]),
        obs_gemeente=np.zeros(6, dtype=np.intp),
        obs_transitie=np.zeros(6, dtype=np.intp),
        obs_perspectief=np.array([0, 1, 0, 1, 0, 1]),
        axis_answers=answers,
        gem_respondent=np.array([0, 1, 2]),
        gem_gemeente=np.zeros(3, dtype=np.intp),
        gemeente_answers=conditions,
    )
    return Dataset(responses=responses, gemeenten=(Gemeente("GM0001", "Ergens", "Regio"),))


def test_gap_condition_score_and_quadrant_shift_by_hand() -> None:
    document = analyse(_two_cell_dataset(), settings=Settings(k=3, bootstrap=100))
    (gap,) = document["kloof"]
    # from (1, 1) to (−1, 1/12): distance √(4 + (11/12)²) / 2√2
    assert gap["waarde"] == pytest.approx(math.hypot(2, 11 / 12) / (2 * math.sqrt(2)))
    assert (gap["van"], gap["naar"]) == ("Sturen", "Coördineren")
    assert gap["band"] == "hoog"  # ≈ 0.78 ≥ 0.25
    # identical respondents: every bootstrap replicate equals the estimate
    assert gap["ci"] == pytest.approx([gap["waarde"], gap["waarde"]])
    ambition = next(r for r in document["condities"] if r["conditie"] == "gedeelde_ambitie")
    assert (ambition["score"], ambition["n"], ambition["band"]) == (pytest.approx(50.0), 3, "matig")
    assert all(r["groep"] is None for r in document["condities"])  # groups 2 and 1 < k
    assert document["onderdrukt"] == []


def test_a_small_cell_shows_nothing_and_enters_no_derived_figure() -> None:
    # k = 4 with 3 respondents: both cells are small.
    document = analyse(_two_cell_dataset(), settings=Settings(k=4, bootstrap=100))
    for table in ("cellen", "groepen", "rationaliteiten", "kloof", "spraakverwarring",
                  "spraakverwarring_rationaliteiten", "kwadranten", "condities"):  # fmt: skip
        assert document[table] == [], table
    assert document["onderdrukt"] == [
        {"gemeente_code": "GM0001", "transitie": "jeugd", "perspectief": p, "reden": "kleine_cel"}
        for p in ("ambitie", "praktijk")
    ] + [{"gemeente_code": "GM0001", "transitie": None, "perspectief": None, "reden": "condities"}]
    assert '"n"' not in str(document["onderdrukt"])


def test_trend_reports_changes_and_rows_present_in_one_round_only() -> None:
    def cell(gemeente: str, transitie: str, n: int, cc: float, dc: float, kwadrant: str) -> dict:
        return {"gemeente_code": gemeente, "transitie": transitie, "perspectief": "praktijk",
                "n": n, "cc": cc, "dc": dc, "kwadrant": kwadrant, "helder": True}  # fmt: skip

    old = {"cellen": [cell("G", "jeugd", 10, 0.1, 0.2, "Sturen")]}
    new = {"cellen": [cell("G", "jeugd", 12, -0.2, 0.25, "Coördineren"),
                      cell("H", "wmo", 5, 0.3, 0.3, "Sturen")]}  # fmt: skip
    rows = trend(old, new)["cellen"]
    assert rows[0]["delta_cc"] == pytest.approx(-0.3)
    assert rows[0]["delta_n"] == 2
    assert (rows[0]["kwadrant_oud"], rows[0]["kwadrant_nieuw"]) == ("Sturen", "Coördineren")
    assert rows[1]["cc_oud"] is None
    assert rows[1]["delta_cc"] is None


def test_distance_to_a_chosen_target() -> None:
    assert distance_to_target((0.5, 0.5), "Sturen") == 0.0
    assert distance_to_target((-1.0, -1.0), (1.0, 1.0)) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="unknown quadrant"):
        distance_to_target((0, 0), "Midden")
