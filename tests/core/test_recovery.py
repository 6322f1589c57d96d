"""Parameter recovery: on simulated regions the measures find what was planted.

The simulator plants, per cell, the exact expected value of the measured position; with at
least 25 respondents per cell the estimate should be close, and 95 % bootstrap intervals
should cover the planted value in roughly 95 % of cells.
"""

from __future__ import annotations

import numpy as np
import pytest

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.simulate import SimulationParams, simulate_region

pytestmark = pytest.mark.slow


def _recovery(seed: int) -> tuple[list[float], list[bool]]:
    region = simulate_region(
        SimulationParams(gemeenten=14, respondenten=40, seed=seed, all_cells=True)
    )
    document = analyse(region.dataset, settings=Settings(k=5, bootstrap=1000, seed=seed))
    errors, covered = [], []
    for cell in document["cellen"]:
        assert cell["n"] >= 25
        key = (cell["gemeente_code"], cell["transitie"], cell["perspectief"])
        cc, dc = region.truth.cells[key]
        errors.append(max(abs(cell["cc"] - cc), abs(cell["dc"] - dc)))
        covered.append(cell["cc_ci"][0] <= cc <= cell["cc_ci"][1])
        covered.append(cell["dc_ci"][0] <= dc <= cell["dc_ci"][1])
    return errors, covered


def test_cell_positions_recover_the_planted_ones_and_intervals_cover_them() -> None:
    errors: list[float] = []
    covered: list[bool] = []
    for seed in (11, 12, 13, 14, 15):
        e, c = _recovery(seed)
        errors += e
        covered += c
    within = np.mean(np.asarray(errors) <= 0.1)
    coverage = np.mean(covered)
    assert len(errors) == 5 * 14 * 4 * 2
    assert within >= 0.95, f"only {within:.1%} of cells within 0.1 of the planted position"
    assert 0.90 <= coverage <= 0.99, f"95 % intervals covered the planted value in {coverage:.1%}"
