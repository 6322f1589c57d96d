"""Acceptance of the trend's `zeker` (issue 10, docs/method.md "Trend"): two simulated rounds
of the demo region, once with the praktijk positions moved by 0.3 and once unchanged. A
planted move must be marked `zeker` in at least 90 % of the praktijk cells' figures (cc and
dc); no move in at most 10 %.

Both rounds are the same population (gemeenten, network, the groups' shares and the planted
positions of one seed); the second round draws every answer afresh — each respondent's own
deviation and the item noise — from its own stream. (Drawing new group shares per round
would change the true cell means themselves, which is a real change, not noise.)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.measures.trend import Replicates, trend_rows
from regiekompas.core.simulate import SimulationParams, region, simulate_region
from regiekompas.core.simulate.positions import PlantedPositions

#: The demo region and response (14 gemeenten, 40 respondents each, four transities).
PARAMS = SimulationParams(gemeenten=14, respondenten=40, seed=11)
SHIFT = 0.3
B = 300


def _round(
    monkeypatch: pytest.MonkeyPatch, seed: int, shift: float, index: int
) -> tuple[dict[str, Any], Replicates]:
    """A round of PARAMS' population whose answers come from the stream `seed`.

    The praktijk position of every gemeente × transitie moves by `shift` on each axis towards
    the centre, so no move is cut off by the edge of the scale.
    """
    plant, answers = region.plant_positions, region.axis_answers

    def planted(params: SimulationParams, n: int, rng: np.random.Generator) -> PlantedPositions:
        base = plant(params, n, rng)
        points = base.points.copy()
        praktijk = points[:, :, 1, :]
        points[:, :, 1, :] = praktijk - shift * np.sign(praktijk)
        return PlantedPositions(points=points, praktijk_regime=base.praktijk_regime)

    def fresh_answers(*args: Any) -> Any:
        return answers(*args[:-1], np.random.default_rng(seed))

    monkeypatch.setattr(region, "plant_positions", planted)
    monkeypatch.setattr(region, "axis_answers", fresh_answers)
    sim = simulate_region(PARAMS)
    monkeypatch.undo()
    reps: Replicates = {}
    document = analyse(sim.dataset, settings=Settings(bootstrap=B, seed=index), replicates=reps)
    return document, reps


@pytest.fixture(scope="module")
def rounds() -> dict[float, list[Any]]:
    """Per planted shift (0.3 and 0): the trend rows of two rounds, computed once."""
    monkeypatch = pytest.MonkeyPatch()
    out = {}
    for shift, seeds in ((SHIFT, (101, 202)), (0.0, (303, 404))):
        old, old_reps = _round(monkeypatch, seeds[0], 0.0, 0)
        new, new_reps = _round(monkeypatch, seeds[1], shift, 1)
        out[shift] = list(trend_rows(old, new, old_reps, new_reps))
    return out


def _share_zeker(rows: list[Any], maten: tuple[str, ...], suffix: str = "") -> tuple[float, int]:
    chosen = [r for r in rows if r["maat"] in maten and r["sleutel"].endswith(suffix) and r["ci"]]
    return sum(bool(r["zeker"]) for r in chosen) / len(chosen), len(chosen)


def test_a_planted_shift_of_0_3_is_zeker_in_at_least_90_percent_of_cells(
    rounds: dict[float, list[Any]],
) -> None:
    # Measured (B = 300): 111 of 112 praktijk cc and dc figures (99 %).
    share, cells = _share_zeker(rounds[SHIFT], ("cellen.cc", "cellen.dc"), "|praktijk")
    assert cells >= 80
    assert share >= 0.90, f"{share:.0%} of {cells} praktijk cells zeker"


def test_no_shift_is_zeker_in_at_most_10_percent_of_cells(
    rounds: dict[float, list[Any]],
) -> None:
    # Measured: 7 of 112 (6 %).
    share, cells = _share_zeker(rounds[0.0], ("cellen.cc", "cellen.dc"), "|praktijk")
    assert cells >= 80
    assert share <= 0.10, f"{share:.0%} of {cells} praktijk cells zeker"


def test_without_a_shift_no_figure_with_an_interval_is_zeker_in_more_than_10_percent(
    rounds: dict[float, list[Any]],
) -> None:
    """The intervals the trend adds beyond positions (kloof, spraakverwarring between groups
    and between rationaliteiten, condition scores) do not cry wolf either."""
    maten = sorted({r["maat"] for r in rounds[0.0] if r["ci"]})
    assert {"kloof.waarde", "spraakverwarring_rationaliteiten.waarde", "condities.score"} <= set(
        maten
    )
    share, figures = _share_zeker(rounds[0.0], tuple(maten))
    assert figures >= 300
    assert share <= 0.10, f"{share:.0%} of {figures} figures zeker"


def test_the_agenda_stays_out_of_the_trend(rounds: dict[float, list[Any]]) -> None:
    assert not any(r["maat"].startswith("agenda.") for r in rounds[SHIFT])
