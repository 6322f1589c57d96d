"""The planted regie positions: per gemeente × transitie an ambitie and a praktijk point.

Why this shape (docs/method.md, "Simulated regions"): the source found every gemeente's
ambition in Sturen, practice far more cocreatief and/or decentraal, nobody in Afspreken, and
different quadrants per transitie and between neighbours. So

- ambitie = `ambitie_center` + a gemeente offset + a transitie offset (normal); for a share
  1 − `ambitie_sturen` of gemeenten one axis is mirrored (an ambition in Coördineren or
  Afstemmen), so "most", not all, aim for Sturen;
- praktijk lies in a regime (quadrant) drawn from `praktijk_quadrants`: each gemeente has
  a main regime that a transitie follows with chance `transitie_samenhang`, otherwise the
  transitie draws its own. Gemeenten draw independently, so neighbours differ. Within its
  quadrant the point lies `praktijk_magnitude` (± sd) from each axis.

Both are clipped to ±`position_limit`, keeping room for respondents' spread inside −1 … 1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regiekompas.core.dataset import FloatArray, IntArray
from regiekompas.core.simulate.params import SimulationParams
from regiekompas.core.vocabulary import QUADRANTS

#: Signs (cc, dc) of each quadrant, in QUADRANTS order.
QUADRANT_SIGNS: dict[str, tuple[float, float]] = {
    "Afspreken": (-1.0, -1.0),
    "Afstemmen": (1.0, -1.0),
    "Coördineren": (-1.0, 1.0),
    "Sturen": (1.0, 1.0),
}

#: Smallest distance of a planted practice point from an axis.
MIN_MAGNITUDE = 0.05


@dataclass(frozen=True, eq=False)
class PlantedPositions:
    """`points[g, t, p]` = (cc, dc) for gemeente g, transitie t, perspectief p (ambitie=0)."""

    points: FloatArray
    praktijk_regime: IntArray

    def inconsistency(self) -> npt.NDArray[np.intp]:
        """Distinct planted practice quadrants per gemeente (the source of spaghetti)."""
        return np.asarray([len(set(row.tolist())) for row in self.praktijk_regime], dtype=np.intp)


def plant_positions(
    params: SimulationParams, n_gemeenten: int, rng: np.random.Generator
) -> PlantedPositions:
    n_t = len(params.transitie_order)
    limit = params.position_limit
    center = np.asarray(params.ambitie_center, dtype=np.float64)

    ambitie = (
        center
        + rng.normal(0.0, params.ambitie_gemeente_sd, size=(n_gemeenten, 1, 2))
        + rng.normal(0.0, params.ambitie_transitie_sd, size=(n_gemeenten, n_t, 2))
    )
    mirrored = rng.random(n_gemeenten) >= params.ambitie_sturen
    mirror_axis = rng.integers(0, 2, size=n_gemeenten)
    for g in np.flatnonzero(mirrored):
        ambitie[g, :, mirror_axis[g]] *= -1.0
    ambitie = np.clip(ambitie, -limit, limit)

    weights = np.asarray(params.praktijk_quadrants, dtype=np.float64)
    weights = weights / weights.sum()
    main = rng.choice(len(QUADRANTS), size=n_gemeenten, p=weights)
    own = rng.choice(len(QUADRANTS), size=(n_gemeenten, n_t), p=weights)
    follows = rng.random((n_gemeenten, n_t)) < params.transitie_samenhang
    regime = np.where(follows, main[:, None], own).astype(np.intp)
    signs = np.asarray([QUADRANT_SIGNS[q] for q in QUADRANTS], dtype=np.float64)
    magnitude = np.abs(
        rng.normal(
            params.praktijk_magnitude, params.praktijk_magnitude_sd, size=(n_gemeenten, n_t, 2)
        )
    )
    magnitude = np.clip(magnitude, min(MIN_MAGNITUDE, limit), limit)
    praktijk = signs[regime] * magnitude

    points = np.stack([ambitie, praktijk], axis=2)
    return PlantedPositions(points=points, praktijk_regime=regime)
