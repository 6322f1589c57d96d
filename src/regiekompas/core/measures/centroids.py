"""Centroids of the groups or rationaliteiten within a cell (docs/method.md, "Centroids").

The centroid of a unit u (a stakeholder group, or a rationaliteit: the groups that share a
way of reasoning) in a cell is the mean respondent position of the cell's respondents in u:

    c_u = (1 / n_u) Σ_{i ∈ u} (x_i, y_i).

Computed for every cell and unit at once with `bincount`; which of them may be shown is
decided separately by `anonymity`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from regiekompas.core.dataset import FloatArray, IntArray
from regiekompas.core.measures.positions import Cells


@dataclass(frozen=True, eq=False)
class Centroids:
    """Per cell × unit: the number of respondents and the mean position (NaN when empty)."""

    n: IntArray  # (cells, units)
    cc: FloatArray  # (cells, units)
    dc: FloatArray  # (cells, units)


def unit_centroids(cells: Cells, unit_of_row: IntArray, n_units: int) -> Centroids:
    """Centroids of `n_units` units per cell; `unit_of_row` gives each respondent row's unit."""
    index = cells.cell_of_row * n_units + np.asarray(unit_of_row, dtype=np.intp)
    size = len(cells) * n_units
    counts = np.bincount(index, minlength=size)
    with np.errstate(invalid="ignore", divide="ignore"):
        cc = np.bincount(index, weights=cells.x, minlength=size) / counts
        dc = np.bincount(index, weights=cells.y, minlength=size) / counts
    shape = (len(cells), n_units)
    return Centroids(
        n=counts.reshape(shape).astype(np.intp), cc=cc.reshape(shape), dc=dc.reshape(shape)
    )
