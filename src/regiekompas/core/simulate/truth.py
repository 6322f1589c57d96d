"""The planted truth of a simulated region, for checking that measures recover it.

`cells` and `condities` are the exact expected values of what the measures compute (cell
position; gemeente condition score on 0 … 100) under the generative model — not the noise-
free planted values — so a bootstrap interval's coverage can be checked against them. The
planted values themselves are in `latent` and `conditie_latent`. See `expectation` for the
formula and why it is exact.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from regiekompas.core.dataset import FloatArray, Gemeente, IntArray
from regiekompas.core.simulate.expectation import clipped_normal_means
from regiekompas.core.simulate.params import SimulationParams
from regiekompas.core.vocabulary import PERSPECTIEVEN, QUADRANTS

CellKey = tuple[str, str, str]
Point = tuple[float, float]


@dataclass(frozen=True, eq=False)
class PlantedTruth:
    """What the simulation planted, keyed by codes as the measures report them.

    cells[(gemeente_code, transitie, perspectief)]: expected measured cell position (cc, dc).
    groups[(gemeente_code, transitie, perspectief, groep)]: expected position of a group's
      respondents in that cell (every group, also those with share 0 there).
    cell_shares[(gemeente_code, transitie)][groep]: chance that a respondent of that cell
      belongs to the group (the same for both perspectieven).
    latent[(gemeente_code, transitie, perspectief)]: planted position, before group biases
      and noise. praktijk_regime[(gemeente_code, transitie)]: the planted practice quadrant.
    group_bias[(groep, perspectief)]: the (scaled) perception bias added to a group's view.
    condities[(gemeente_code, conditie)]: expected gemeente condition score, 0 … 100.
    condition_groups[(gemeente_code, conditie, groep)]: the same for one group.
    conditie_latent[(gemeente_code, conditie)]: planted level on the 0 … 100 scale.
    group_shares[gemeente_code][groep]: the gemeente's group shares among its respondents.
    item_offsets[item]: fixed item offsets (score units).
    """

    cells: dict[CellKey, Point]
    groups: dict[tuple[str, str, str, str], Point]
    cell_shares: dict[tuple[str, str], dict[str, float]]
    latent: dict[CellKey, Point]
    praktijk_regime: dict[tuple[str, str], str]
    group_bias: dict[tuple[str, str], Point]
    condities: dict[tuple[str, str], float]
    condition_groups: dict[tuple[str, str, str], float]
    conditie_latent: dict[tuple[str, str], float]
    group_shares: dict[str, dict[str, float]]
    item_offsets: dict[str, float]


def _group_means(mu: FloatArray, offsets: FloatArray, sigma: float) -> FloatArray:
    """Expected mean item score for every mean in `mu` (items along a new last axis)."""
    if len(offsets) == 0:
        return np.full(mu.shape, np.nan)
    means: FloatArray = clipped_normal_means(mu[..., None] + offsets, sigma).mean(axis=-1)
    return means


def axis_truth(
    params: SimulationParams,
    gemeenten: tuple[Gemeente, ...],
    points: FloatArray,
    regime: IntArray,
    biases: FloatArray,
    cell_shares: FloatArray,
    offsets: tuple[FloatArray, FloatArray],
) -> tuple[
    dict[CellKey, Point],
    dict[tuple[str, str, str, str], Point],
    dict[tuple[str, str], dict[str, float]],
    dict[CellKey, Point],
    dict[tuple[str, str], str],
]:
    """Expected group and cell positions; arrays are indexed [gemeente, transitie, p, ...]."""
    sigma = math.hypot(params.respondent_sd, params.noise)
    codes = [g.code for g in params.groups]
    # mu[g, t, p, j, axis]: the mean view of group j
    mu = points[:, :, :, None, :] + biases.transpose(1, 0, 2)[None, None, :, :, :]
    per_group = np.stack([_group_means(mu[..., a], offsets[a], sigma) for a in range(2)], axis=-1)
    totals = cell_shares.sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        mixed = np.einsum("gtj,gtpja->gtpa", cell_shares, per_group) / totals[:, :, None, None]

    cells: dict[CellKey, Point] = {}
    groups: dict[tuple[str, str, str, str], Point] = {}
    shares: dict[tuple[str, str], dict[str, float]] = {}
    latent: dict[CellKey, Point] = {}
    regimes: dict[tuple[str, str], str] = {}
    for g, gemeente in enumerate(gemeenten):
        for t, transitie in enumerate(params.transitie_order):
            shares[(gemeente.code, transitie)] = dict(
                zip(codes, cell_shares[g, t].tolist(), strict=True)
            )
            regimes[(gemeente.code, transitie)] = QUADRANTS[int(regime[g, t])]
            for p, perspectief in enumerate(PERSPECTIEVEN):
                key = (gemeente.code, transitie, perspectief)
                latent[key] = (float(points[g, t, p, 0]), float(points[g, t, p, 1]))
                cells[key] = (float(mixed[g, t, p, 0]), float(mixed[g, t, p, 1]))
                for j, groep in enumerate(codes):
                    groups[(*key, groep)] = (
                        float(per_group[g, t, p, j, 0]),
                        float(per_group[g, t, p, j, 1]),
                    )
    return cells, groups, shares, latent, regimes


def condition_truth(
    params: SimulationParams,
    gemeenten: tuple[Gemeente, ...],
    conditions: tuple[str, ...],
    levels: FloatArray,
    shifts: FloatArray,
    shares: FloatArray,
    offsets: list[FloatArray],
) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str, str], float]]:
    """Expected gemeente and group condition scores on 0 … 100 (= 50 + 50 · mean score)."""
    sigma = math.sqrt(
        params.condition_trait_sd**2 + params.condition_scale_sd**2 + params.condition_noise**2
    )
    codes = [g.code for g in params.groups]
    overall: dict[tuple[str, str], float] = {}
    by_group: dict[tuple[str, str, str], float] = {}
    weights = shares / shares.sum(axis=1, keepdims=True)
    for c, conditie in enumerate(conditions):
        per_group = _group_means(levels[:, c, None] + shifts[None, :], offsets[c], sigma)
        mixed = (weights * per_group).sum(axis=1)
        for g, gemeente in enumerate(gemeenten):
            overall[(gemeente.code, conditie)] = 50.0 + 50.0 * float(mixed[g])
            for j, groep in enumerate(codes):
                by_group[(gemeente.code, conditie, groep)] = 50.0 + 50.0 * float(per_group[g, j])
    return overall, by_group
