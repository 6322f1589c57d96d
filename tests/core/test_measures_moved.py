"""The measures moved out of the orchestrator, each against an independent implementation.

Centroids, the largest pairwise distance (spraakverwarring), the kloof with its paired
bootstrap interval and the regional Krippendorff's α are recomputed here with plain Python
loops, pandas or the `krippendorff` package, on random data.
"""

from __future__ import annotations

import itertools
import math

import krippendorff
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regiekompas.core.measures.agreement import groups_alpha
from regiekompas.core.measures.centroids import unit_centroids
from regiekompas.core.measures.confusion import largest_distance
from regiekompas.core.measures.gap import gap_pairs, gaps
from regiekompas.core.measures.positions import Cells

D = 2 * math.sqrt(2)


def _cells(rng: np.random.Generator, n_cells: int, n_units: int, per_cell: int) -> Cells:
    """Random cells (one gemeente, transitie t, perspectief p) with random respondents."""
    cell_of_row = np.repeat(np.arange(n_cells), per_cell)
    rows = len(cell_of_row)
    x = rng.uniform(-1, 1, rows)
    y = rng.uniform(-1, 1, rows)
    n = np.bincount(cell_of_row, minlength=n_cells)
    return Cells(
        gemeente=np.zeros(n_cells, dtype=np.intp),
        transitie=np.arange(n_cells, dtype=np.intp) // 2,
        perspectief=np.arange(n_cells, dtype=np.intp) % 2,
        n=n,
        cc=np.bincount(cell_of_row, weights=x) / n,
        dc=np.bincount(cell_of_row, weights=y) / n,
        rows=np.arange(rows, dtype=np.intp),
        cell_of_row=cell_of_row.astype(np.intp),
        x=x,
        y=y,
        group_of_row=rng.integers(0, n_units, rows).astype(np.intp),
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_unit_centroids_match_a_pandas_groupby(seed: int) -> None:
    rng = np.random.default_rng(seed)
    cells = _cells(rng, 6, 4, 12)
    got = unit_centroids(cells, cells.group_of_row, 4)
    frame = pd.DataFrame({"c": cells.cell_of_row, "u": cells.group_of_row, "x": cells.x,
                          "y": cells.y})  # fmt: skip
    expected = frame.groupby(["c", "u"]).agg(n=("x", "size"), x=("x", "mean"), y=("y", "mean"))
    for (c, u), row in expected.iterrows():
        assert got.n[c, u] == row["n"]
        assert got.cc[c, u] == pytest.approx(row["x"])
        assert got.dc[c, u] == pytest.approx(row["y"])
    assert got.n.sum() == len(cells.x)


@settings(max_examples=100, deadline=None)
@given(
    points=st.lists(
        st.tuples(st.floats(-1, 1), st.floats(-1, 1), st.booleans()), min_size=1, max_size=6
    )
)
def test_largest_distance_matches_a_loop_over_pairs(
    points: list[tuple[float, float, bool]],
) -> None:
    cc = np.array([[p[0] for p in points]])
    dc = np.array([[p[1] for p in points]])
    shown = np.array([[p[2] for p in points]])
    spread = largest_distance(cc, dc, shown)
    best, pair = -1.0, None
    for a, b in itertools.combinations(range(len(points)), 2):
        if shown[0, a] and shown[0, b]:
            d = math.hypot(cc[0, a] - cc[0, b], dc[0, a] - dc[0, b]) / D
            if d > best:  # strict: ties keep the first pair in order
                best, pair = d, (a, b)
    if pair is None:
        assert math.isnan(spread.value[0])
        assert spread.first[0] == -1
    else:
        assert spread.value[0] == pytest.approx(best)
        assert math.hypot(
            cc[0, spread.first[0]] - cc[0, spread.second[0]],
            dc[0, spread.first[0]] - dc[0, spread.second[0]],
        ) / D == pytest.approx(best)


def test_largest_distance_by_hand() -> None:
    # (0, 0), (1, 1) and (−1, −1) hidden: the only shown pair is 0–1 at √2 / 2√2 = 0.5.
    spread = largest_distance(
        np.array([[0.0, 1.0, -1.0]]), np.array([[0.0, 1.0, -1.0]]), np.array([[True, True, False]])
    )
    assert (spread.value[0], spread.first[0], spread.second[0]) == (0.5, 0, 1)


def test_gap_and_its_paired_interval_match_a_direct_computation() -> None:
    rng = np.random.default_rng(7)
    cells = _cells(rng, 4, 2, 10)  # cells 0/1: transitie 0 ambitie/praktijk; 2/3: transitie 1
    replicates = rng.normal(size=(4, 200)) + 1j * rng.normal(size=(4, 200))
    visible = np.array([True, True, True, False])  # the second praktijk cell is small
    a, b = gap_pairs(cells, 0, 1, visible)
    assert (a.tolist(), b.tolist()) == ([0], [1])
    found = gaps(cells, replicates, a, b)
    assert found.value[0] == pytest.approx(
        math.hypot(cells.cc[0] - cells.cc[1], cells.dc[0] - cells.dc[1]) / D
    )
    distances = sorted(abs(replicates[0, i] - replicates[1, i]) / D for i in range(200))
    assert found.low[0] == pytest.approx(np.percentile(distances, 2.5))
    assert found.high[0] == pytest.approx(np.percentile(distances, 97.5))


@pytest.mark.parametrize("seed", [11, 12])
def test_groups_alpha_matches_the_krippendorff_package(seed: int) -> None:
    rng = np.random.default_rng(seed)
    cc = rng.uniform(-1, 1, (8, 5))
    dc = rng.uniform(-1, 1, (8, 5))
    shown = rng.random((8, 5)) > 0.3
    # the package wants coders × units; units are (cell, axis)
    units = np.concatenate([np.where(shown, cc, np.nan), np.where(shown, dc, np.nan)])
    expected = krippendorff.alpha(reliability_data=units.T, level_of_measurement="interval")
    assert groups_alpha(cc, dc, shown) == pytest.approx(expected)
