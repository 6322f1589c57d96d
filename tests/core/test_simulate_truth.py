"""The planted truth is the exact expected value of what the measures compute.

Checked against large Monte-Carlo samples of the simulation itself, so a recovery or
coverage test that compares measures with `truth` compares like with like.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from regiekompas.core.instrument import load_instrument
from regiekompas.core.simulate import SimulatedRegion, SimulationParams, simulate_region
from regiekompas.core.simulate.expectation import clipped_normal_mean, clipped_normal_means


def measured_cells(region: SimulatedRegion) -> dict[tuple[str, str, str], tuple[float, float, int]]:
    """Mean respondent position per cell, computed independently of the measures."""
    instrument = load_instrument()
    r = region.dataset.responses
    scores = (r.axis_answers - 3.0) / 2.0 * np.asarray(instrument.axis_keying, dtype=float)
    axes = []
    for axis in ("cc", "dc"):
        cols = [r.axis_items.index(code) for code in instrument.axis_codes(axis)]
        values = scores[:, cols]
        answered = (~np.isnan(values)).sum(axis=1)
        mean = np.nansum(values, axis=1) / np.maximum(answered, 1)
        axes.append(np.where(2 * answered >= len(cols), mean, np.nan))
    cc, dc = axes
    out = {}
    keys = np.stack([r.obs_gemeente, r.obs_transitie, r.obs_perspectief], axis=1)
    for g, t, p in np.unique(keys, axis=0).tolist():
        rows = (r.obs_gemeente == g) & (r.obs_transitie == t) & (r.obs_perspectief == p)
        rows &= ~np.isnan(cc) & ~np.isnan(dc)
        key = (r.gemeente_codes[g], r.transities[t], r.perspectieven[p])
        out[key] = (float(cc[rows].mean()), float(dc[rows].mean()), int(rows.sum()))
    return out


@pytest.mark.parametrize("mu", [-1.4, -0.9, -0.3, 0.0, 0.45, 0.95, 1.6])
@pytest.mark.parametrize("sigma", [0.0, 0.1, 0.35, 0.8])
def test_clipped_normal_mean_matches_sampling(mu: float, sigma: float) -> None:
    rng = np.random.default_rng(7)
    sample = np.clip(rng.normal(mu, sigma, size=400_000), -1.0, 1.0)
    assert clipped_normal_mean(mu, sigma) == pytest.approx(sample.mean(), abs=0.004)
    assert float(clipped_normal_means(np.asarray([mu]), sigma)[0]) == pytest.approx(
        clipped_normal_mean(mu, sigma), abs=1e-12
    )


def test_clipped_normal_mean_is_symmetric_and_bounded() -> None:
    for mu in np.linspace(-2, 2, 21):
        value = clipped_normal_mean(float(mu), 0.5)
        assert -1.0 <= value <= 1.0
        assert value == pytest.approx(-clipped_normal_mean(float(-mu), 0.5), abs=1e-12)
    assert math.isclose(clipped_normal_mean(0.3, 1e-9), 0.3, abs_tol=1e-9)


@pytest.mark.slow
@pytest.mark.parametrize(
    "params",
    [
        SimulationParams(gemeenten=1, respondenten=20_000, transities=("jeugd",), all_cells=True),
        # provider respondents answer only their contracts' transities: the group mix differs
        SimulationParams(gemeenten=2, respondenten=20_000, seed=5),
        # heavy clipping: strong biases and noise push many answers against 1 and 5
        SimulationParams(
            gemeenten=1, respondenten=20_000, seed=3, noise=0.6, respondent_sd=0.4, bias=2.5
        ),
    ],
)
def test_truth_equals_large_sample_mean_of_measured_cells(params: SimulationParams) -> None:
    region = simulate_region(params)
    measured = measured_cells(region)
    assert measured
    for key, (cc, dc, n) in measured.items():
        assert n > 5_000
        expected = region.truth.cells[key]
        assert cc == pytest.approx(expected[0], abs=0.01), key
        assert dc == pytest.approx(expected[1], abs=0.01), key


@pytest.mark.slow
def test_truth_of_groups_and_conditions_equals_large_sample_means() -> None:
    region = simulate_region(SimulationParams(gemeenten=1, respondenten=20_000, all_cells=True))
    r = region.dataset.responses
    instrument = load_instrument()
    code = r.gemeente_codes[0]
    for scale in instrument.scales:
        cols = [r.gemeente_items.index(item.code) for item in scale.items]
        values = r.gemeente_answers[:, cols].copy()
        for k, item in enumerate(scale.items):
            if item.reverse:
                values[:, k] = 6.0 - values[:, k]
        respondent = np.nanmean(values, axis=1)
        score = (np.nanmean(respondent) - 1.0) / 4.0 * 100.0
        assert score == pytest.approx(region.truth.condities[(code, scale.code)], abs=0.5)

    scores = (r.axis_answers - 3.0) / 2.0 * np.asarray(instrument.axis_keying, dtype=float)
    cc = np.nanmean(scores[:, [r.axis_items.index(c) for c in instrument.axis_codes("cc")]], axis=1)
    group = np.asarray(r.groups)[r.obs_group]
    for groep in ("gemeente_beleid", "aanbieder_professional"):
        rows = (group == groep) & (r.obs_perspectief == 1) & (r.obs_transitie == 0)
        expected = region.truth.groups[(code, r.transities[0], "praktijk", groep)][0]
        assert float(cc[rows].mean()) == pytest.approx(expected, abs=0.015)


def test_cell_shares_sum_to_one_and_follow_contracts() -> None:
    region = simulate_region(SimulationParams(respondenten=10))
    for shares in region.truth.cell_shares.values():
        assert sum(shares.values()) == pytest.approx(1.0)
    for code, shares in region.truth.group_shares.items():
        assert sum(shares.values()) == pytest.approx(1.0), code


def test_latent_positions_stay_inside_the_limit() -> None:
    region = simulate_region(SimulationParams(gemeenten=60, respondenten=2))
    values = np.asarray(list(region.truth.latent.values()))
    assert np.abs(values).max() <= 0.8 + 1e-12
