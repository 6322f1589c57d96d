"""Respondent and cell positions on the two axes (docs/method.md, "Positions").

A respondent's position is the mean of their item scores per axis; a cell's position is the
mean over its respondents that have a position on both axes. Everything is vectorised over
all observations of a scan at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regiekompas.core.dataset import FloatArray, IntArray, Responses
from regiekompas.core.instrument import Instrument


def axis_scores(responses: Responses, instrument: Instrument) -> dict[str, FloatArray]:
    """Scale scores s = (a − 3) / 2 per axis item, negated for reverse-keyed items."""
    keying = np.asarray(instrument.axis_keying, dtype=np.float64)
    scores = (responses.axis_answers - 3.0) / 2.0 * keying
    out: dict[str, FloatArray] = {}
    for axis in ("cc", "dc"):
        cols = [responses.axis_items.index(code) for code in instrument.axis_codes(axis)]
        out[axis] = scores[:, cols]
    return out


def mean_if_half(values: FloatArray) -> FloatArray:
    """Row means over answered columns; NaN when fewer than half the columns are answered."""
    answered = (~np.isnan(values)).sum(axis=1)
    total = np.nansum(values, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / answered
    return np.where(2 * answered >= values.shape[1], mean, np.nan)


@dataclass(frozen=True, eq=False)
class RespondentPositions:
    """Per axis observation: x (cc), y (dc) and whether both exist."""

    x: FloatArray
    y: FloatArray
    valid: npt.NDArray[np.bool_]


def respondent_positions(responses: Responses, instrument: Instrument) -> RespondentPositions:
    scores = axis_scores(responses, instrument)
    x = mean_if_half(scores["cc"])
    y = mean_if_half(scores["dc"])
    return RespondentPositions(x=x, y=y, valid=~np.isnan(x) & ~np.isnan(y))


@dataclass(frozen=True, eq=False)
class Cells:
    """The cells (gemeente, transitie, perspectief) that have respondents with a position.

    `rows` are the axis observations with a position, in canonical order; `cell_of_row` maps
    each to its cell. Cells are ordered by (gemeente, transitie, perspectief) index.
    """

    gemeente: IntArray
    transitie: IntArray
    perspectief: IntArray
    n: IntArray
    cc: FloatArray
    dc: FloatArray
    rows: IntArray
    cell_of_row: IntArray
    x: FloatArray
    y: FloatArray
    group_of_row: IntArray

    def __len__(self) -> int:
        return len(self.n)


#: Decimals kept of a mean before its sign is read. Positions are ratios of small integers;
#: rounding removes the 1e-17 noise of floating-point sums, so a mean that is exactly 0 is
#: "op de grens" rather than a quadrant picked by rounding error.
EXACT_DECIMALS = 12


def exact(values: FloatArray) -> FloatArray:
    return np.round(values, EXACT_DECIMALS) + 0.0  # + 0.0 turns −0.0 into 0.0


def cell_positions(responses: Responses, positions: RespondentPositions) -> Cells:
    rows = np.flatnonzero(positions.valid)
    n_t = len(responses.transities)
    n_p = len(responses.perspectieven)
    cell_id = (
        responses.obs_gemeente[rows] * n_t + responses.obs_transitie[rows]
    ) * n_p + responses.obs_perspectief[rows]
    ids, cell_of_row = np.unique(cell_id, return_inverse=True)
    n = np.bincount(cell_of_row, minlength=len(ids))
    x = positions.x[rows]
    y = positions.y[rows]
    return Cells(
        gemeente=(ids // (n_t * n_p)).astype(np.intp),
        transitie=((ids // n_p) % n_t).astype(np.intp),
        perspectief=(ids % n_p).astype(np.intp),
        n=n.astype(np.intp),
        cc=exact(np.bincount(cell_of_row, weights=x, minlength=len(ids)) / n),
        dc=exact(np.bincount(cell_of_row, weights=y, minlength=len(ids)) / n),
        rows=rows.astype(np.intp),
        cell_of_row=cell_of_row.astype(np.intp),
        x=x,
        y=y,
        group_of_row=responses.obs_group[rows],
    )
