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


def _share_zeker(
    monkeypatch: pytest.MonkeyPatch, shift: float, seeds: tuple[int, int]
) -> tuple[float, int]:
    old, old_reps = _round(monkeypatch, seeds[0], 0.0, 0)
    new, new_reps = _round(monkeypatch, seeds[1], shift, 1)
    rows = [
        r
        for r in trend_rows(old, new, old_reps, new_reps)
        if r["maat"] in ("cellen.cc", "cellen.dc")
        and r["sleutel"].endswith("|praktijk")
        and r["ci"]
    ]
    return sum(bool(r["zeker"]) for r in rows) / len(rows), len(rows)


def test_a_planted_shift_of_0_3_is_zeker_in_at_least_90_percent_of_cells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    share, cells = _share_zeker(monkeypatch, SHIFT, (101, 202))
    assert cells >= 80
    assert share >= 0.90, f"{share:.0%} of {cells} praktijk cells zeker"


def test_no_shift_is_zeker_in_at_most_10_percent_of_cells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    share, cells = _share_zeker(monkeypatch, 0.0, (303, 404))
    assert cells >= 80
    assert share <= 0.10, f"{share:.0%} of {cells} praktijk cells zeker"
