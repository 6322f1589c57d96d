"""Ambitie–praktijkkloof of a gemeente × transitie (docs/method.md, "Kloof").

With the ambitie cell position a = (cc_a, dc_a) and the praktijk cell position
p = (cc_p, dc_p):

    kloof = ‖a − p‖ / 2√2 ∈ [0, 1].

Its 95 % interval is the percentile interval of the same distance over paired bootstrap
replicates (replicate b of the ambitie cell with replicate b of the praktijk cell), and the
quadrant shift is quadrant(a) → quadrant(p).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regiekompas.core.dataset import FloatArray, IntArray
from regiekompas.core.measures.bootstrap import percentile_ci
from regiekompas.core.measures.positions import Cells
from regiekompas.core.vocabulary import MAX_DISTANCE


@dataclass(frozen=True, eq=False)
class Gaps:
    """One entry per (gemeente, transitie) with both cells: their cell indexes and the gap."""

    ambitie: IntArray
    praktijk: IntArray
    value: FloatArray
    low: FloatArray
    high: FloatArray
    #: The gap of every bootstrap replicate, shape (pairs, B): the trend between rounds
    #: takes its interval from these (docs/method.md, "Trend").
    replicates: FloatArray


def gap_pairs(
    cells: Cells, ambitie: int, praktijk: int, visible: npt.NDArray[np.bool_]
) -> tuple[IntArray, IntArray]:
    """Index pairs (ambitie cell, praktijk cell) of the same gemeente × transitie.

    Only visible cells take part (small-cell rule): a gap needs both positions shown.
    """
    index = {
        (int(g), int(t), int(p)): c
        for c, (g, t, p) in enumerate(
            zip(cells.gemeente, cells.transitie, cells.perspectief, strict=True)
        )
        if visible[c]
    }
    pairs = [
        (a, index[(g, t, praktijk)])
        for (g, t, p), a in index.items()
        if p == ambitie and (g, t, praktijk) in index
    ]
    return (
        np.asarray([a for a, _ in pairs], dtype=np.intp),
        np.asarray([b for _, b in pairs], dtype=np.intp),
    )


def gaps(cells: Cells, replicates: npt.NDArray[np.complex128], a: IntArray, b: IntArray) -> Gaps:
    """The gap of each pair (a[i], b[i]) with its paired-bootstrap percentile interval."""
    value = np.abs((cells.cc[a] - cells.cc[b]) + 1j * (cells.dc[a] - cells.dc[b])) / MAX_DISTANCE
    reps = np.abs(replicates[a] - replicates[b]) / MAX_DISTANCE
    if len(a):
        low, high = percentile_ci(reps)
    else:
        low = high = np.empty(0)
    return Gaps(ambitie=a, praktijk=b, value=value, low=low, high=high, replicates=reps)
