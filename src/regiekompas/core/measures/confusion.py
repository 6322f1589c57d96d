"""Spraakverwarring: how far apart the shown centroids of a cell lie (docs/method.md).

For the shown centroids c_1 … c_m of a cell (groups, or rationaliteiten), the index is

    S = max_{a < b} ‖c_a − c_b‖ / 2√2,

the largest pairwise Euclidean distance divided by the largest possible distance in the
[−1, 1]² plane, so 0 ≤ S ≤ 1, together with the pair (a, b) that attains it. With fewer
than two shown centroids S is undefined. Ties go to the pair that comes first in the units'
(alphabetical) order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regiekompas.core.dataset import FloatArray, IntArray
from regiekompas.core.vocabulary import MAX_DISTANCE


@dataclass(frozen=True, eq=False)
class Spread:
    """Per cell: S (NaN when fewer than two units are shown) and the pair's unit indexes."""

    value: FloatArray
    first: IntArray  # −1 when undefined
    second: IntArray


def largest_distance(cc: FloatArray, dc: FloatArray, shown: npt.NDArray[np.bool_]) -> Spread:
    """S per row of the (cells, units) centroid matrices, over the shown units only."""
    cells, units = np.shape(shown)
    if cells == 0 or units == 0:
        empty = np.empty(cells, dtype=np.intp)
        return Spread(np.full(cells, np.nan), np.full_like(empty, -1), np.full_like(empty, -1))
    z = np.where(shown, cc + 1j * dc, np.nan)
    dist = np.abs(z[:, :, None] - z[:, None, :]) / MAX_DISTANCE
    upper = np.triu(np.ones((units, units), dtype=bool), k=1)
    dist = np.where(upper[None] & ~np.isnan(dist), dist, -1.0)
    flat = dist.reshape(cells, -1)
    best = np.argmax(flat, axis=1)
    value = flat[np.arange(cells), best]
    defined = value >= 0
    first, second = np.divmod(best, units)
    return Spread(
        value=np.where(defined, value, np.nan),
        first=np.where(defined, first, -1).astype(np.intp),
        second=np.where(defined, second, -1).astype(np.intp),
    )


def bootstrap_largest_distance(
    x: FloatArray,
    y: FloatArray,
    starts: IntArray,
    unit_of_row: IntArray,
    shown: npt.NDArray[np.bool_],
    keys: list[str],
    *,
    replicates: int,
    seed: int,
    label: str,
) -> dict[str, FloatArray]:
    """Bootstrap replicates of S for every cell with at least two shown units.

    Stratified: within each shown unit of a cell its respondents are resampled with
    replacement (n_u draws), so every replicate has the same units as the estimate; S is then
    the largest distance between the replicated centroids (docs/method.md, "Trend"). Each
    unit of each cell has its own stream (`label|cell key|unit index`), so a cell's
    replicates do not depend on the other cells. `starts` gives each cell's first row in
    `x`, `y` (rows are cell-major, as in `positions.Cells`).
    """
    from regiekompas.core.measures.bootstrap import stream_for

    out: dict[str, FloatArray] = {}
    z = np.asarray(x) + 1j * np.asarray(y)
    for c in np.flatnonzero(shown.sum(axis=1) >= 2):
        rows = slice(int(starts[c]), int(starts[c + 1]))
        values, units = z[rows], unit_of_row[rows]
        centroids = []
        for u in np.flatnonzero(shown[c]):
            mine = values[units == u]
            draws = stream_for(seed, f"{label}|{keys[c]}|{u}").integers(
                0, len(mine), size=(replicates, len(mine))
            )
            centroids.append(mine.take(draws).mean(axis=1))
        stack = np.asarray(centroids)  # (units, B)
        distances = np.abs(stack[:, None, :] - stack[None, :, :]) / MAX_DISTANCE
        out[keys[c]] = distances.max(axis=(0, 1))
    return out
