"""The room's figures in a live workshop (docs/workshop.md): dots, centroids, spraakverwarring.

Each participant places one dot per round × transitie × perspectief. A *room cell* is one
such (round, transitie, perspectief); within it, the dots play the role of respondent
positions and the formulas are exactly those of the scan (docs/method.md):

- a centroid of a group or rationaliteit is the mean of its dots (`unit_centroids`);
- which centroids may be shown follows the nested k-rule with complementary suppression
  (`nested_shown`), so a group with fewer than k dots is never shown and cannot be
  recovered by subtracting the shown ones from the total;
- spraakverwarring is the largest distance between shown centroids / 2√2
  (`largest_distance`), naming the pair.

A dot may carry the colour of its rationaliteit only when that rationaliteit is shown (the
hidden ones together then hold 0 or ≥ k dots), and never the colour of its group. When a
session asks participants for their rationaliteit only, there are no groups and only the
rationaliteiten are analysed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from regiekompas.core.measures.anonymity import check_k, nested_shown, shown_groups
from regiekompas.core.measures.centroids import unit_centroids
from regiekompas.core.measures.confusion import largest_distance
from regiekompas.core.measures.positions import Cells


@dataclass(frozen=True)
class Dot:
    """One placed dot: its position, the participant's group ("" if not asked) and
    rationaliteit."""

    cc: float
    dc: float
    groep: str
    rationaliteit: str


@dataclass(frozen=True)
class ShownDot:
    """A dot as the room may see it: the rationaliteit only when it is shown, else None."""

    cc: float
    dc: float
    rationaliteit: str | None


@dataclass(frozen=True)
class Centroid:
    code: str
    n: int
    cc: float
    dc: float


@dataclass(frozen=True)
class Spread:
    """Spraakverwarring over shown centroids: the value 0 … 1 and the pair (codes)."""

    value: float
    first: str
    second: str


@dataclass(frozen=True)
class RoomCell:
    """What the projector may show of one round × transitie × perspectief."""

    n: int
    dots: tuple[ShownDot, ...]
    groups: tuple[Centroid, ...]
    rationaliteiten: tuple[Centroid, ...]
    spread_groups: Spread | None
    spread_rationaliteiten: Spread | None
    #: Mean of all dots; None with fewer than k dots (small-cell rule).
    mean: tuple[float, float] | None


def room_cell(dots: Sequence[Dot], *, k: int, rationaliteit_of: Mapping[str, str]) -> RoomCell:
    """The shown figures of one room cell under the k-rules of docs/method.md.

    `rationaliteit_of` maps every group code to its rationaliteit (the model's fixed
    mapping); a dot's own `rationaliteit` is used when its group is empty. Dots come back
    sorted by position, so their order says nothing about who placed which dot or when.
    """
    k = check_k(k)
    n = len(dots)
    ordered = sorted(dots, key=lambda d: (round(d.cc, 6), round(d.dc, 6), d.rationaliteit))
    if n == 0:
        return RoomCell(0, (), (), (), None, None, None)
    rats = sorted({d.rationaliteit or rationaliteit_of.get(d.groep, "") for d in ordered})
    rats = [r for r in rats if r]
    groups = sorted({d.groep for d in ordered if d.groep})
    rat_index = {code: i for i, code in enumerate(rats)}
    x = np.array([d.cc for d in ordered], dtype=float)
    y = np.array([d.dc for d in ordered], dtype=float)
    rat_of_row = np.array(
        [rat_index.get(d.rationaliteit or rationaliteit_of.get(d.groep, ""), -1) for d in ordered],
        dtype=np.intp,
    )
    known = rat_of_row >= 0
    cells = _one_cell(x[known], y[known])
    rat_centroids = unit_centroids(cells, rat_of_row[known], len(rats))
    if groups:
        group_index = {code: i for i, code in enumerate(groups)}
        group_of_row = np.array([group_index[d.groep] for d in ordered], dtype=np.intp)
        parent = np.array([rat_index[rationaliteit_of[g]] for g in groups], dtype=np.intp)
        group_centroids = unit_centroids(_one_cell(x, y), group_of_row, len(groups))
        rat_shown, group_shown = nested_shown(group_centroids.n, parent, len(rats), k)
    else:
        rat_shown = shown_groups(rat_centroids.n, k)
        group_shown = np.zeros((1, 0), dtype=bool)
        group_centroids = None
    shown_rats = {rats[i] for i in np.flatnonzero(rat_shown[0])}
    shown_dots = tuple(
        ShownDot(
            float(d.cc),
            float(d.dc),
            r
            if (r := d.rationaliteit or rationaliteit_of.get(d.groep, "")) in shown_rats
            else None,
        )
        for d in ordered
    )
    rat_list = _centroids(
        rats, rat_centroids.n[0], rat_centroids.cc[0], rat_centroids.dc[0], rat_shown[0]
    )
    group_list: tuple[Centroid, ...] = ()
    spread_groups = None
    if group_centroids is not None:
        group_list = _centroids(
            groups,
            group_centroids.n[0],
            group_centroids.cc[0],
            group_centroids.dc[0],
            group_shown[0],
        )
        spread_groups = _spread(groups, group_centroids.cc, group_centroids.dc, group_shown)
    spread_rats = _spread(rats, rat_centroids.cc, rat_centroids.dc, rat_shown)
    mean = (float(np.mean(x)), float(np.mean(y))) if n >= k else None
    return RoomCell(n, shown_dots, group_list, rat_list, spread_groups, spread_rats, mean)


def _one_cell(x: np.ndarray, y: np.ndarray) -> Cells:
    """All dots as the rows of a single cell, the shape `unit_centroids` reads."""
    m = len(x)
    zero = np.zeros(1, dtype=np.intp)
    return Cells(
        gemeente=zero,
        transitie=zero,
        perspectief=zero,
        n=np.array([m], dtype=np.intp),
        cc=np.array([np.mean(x) if m else np.nan]),
        dc=np.array([np.mean(y) if m else np.nan]),
        rows=np.arange(m, dtype=np.intp),
        cell_of_row=np.zeros(m, dtype=np.intp),
        x=x,
        y=y,
        group_of_row=np.zeros(m, dtype=np.intp),
    )


def _centroids(
    codes: Sequence[str], n: np.ndarray, cc: np.ndarray, dc: np.ndarray, shown: np.ndarray
) -> tuple[Centroid, ...]:
    return tuple(
        Centroid(code, int(n[i]), float(cc[i]), float(dc[i]))
        for i, code in enumerate(codes)
        if shown[i]
    )


def _spread(
    codes: Sequence[str], cc: np.ndarray, dc: np.ndarray, shown: np.ndarray
) -> Spread | None:
    if len(codes) < 2:
        return None
    found = largest_distance(cc, dc, shown)
    if not np.isfinite(found.value[0]):
        return None
    return Spread(float(found.value[0]), codes[int(found.first[0])], codes[int(found.second[0])])
