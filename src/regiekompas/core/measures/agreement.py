"""Agreement statistics: r_wg(J) within a cell and Krippendorff's α between groups.

r_wg(J) — James, Demaree & Wolf (1984), for J parallel items answered on A options:

    r_wg(J) = J (1 − s̄²/σ²) / (J (1 − s̄²/σ²) + s̄²/σ²),   σ² = (A² − 1) / 12,

with s̄² the mean of the items' sample variances (ddof = 1). Set to 0 when s̄² ≥ σ² (more
disagreement than random answering), as docs/method.md ("r_wg") prescribes.

Krippendorff's α, interval metric (Krippendorff 2011, "Computing Krippendorff's alpha
reliability"): α = 1 − D_o / D_e, with the observed disagreement D_o over the pairable values
within units and the expected disagreement D_e over all pairable values pooled. For squared
differences, Σ_{i≠j} (v_i − v_j)² = 2 (m Σv² − (Σv)²), which lets both be computed from
per-unit sums without forming pairs.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from regiekompas.core.dataset import FloatArray, IntArray


def null_variance(options: int = 5) -> float:
    """Variance of a uniform ("random answering") distribution over A options."""
    return (options**2 - 1) / 12.0


def rwg_j(mean_item_variance: npt.ArrayLike, n_items: int, options: int = 5) -> FloatArray:
    """r_wg(J) from the mean item variance s̄² (vectorised; NaN stays NaN)."""
    ratio = np.asarray(mean_item_variance, dtype=np.float64) / null_variance(options)
    agreement = 1.0 - ratio
    with np.errstate(invalid="ignore", divide="ignore"):
        value = n_items * agreement / (n_items * agreement + ratio)
    return np.where(ratio >= 1.0, 0.0, value)


def grouped_item_variance(values: FloatArray, group: IntArray, n_groups: int) -> FloatArray:
    """Sample variance (ddof = 1) of every column within every group, ignoring NaN.

    Returns shape (n_groups, columns); NaN where a group has fewer than two answers.
    Uses shifted sums so the one-pass formula stays exact for answers on a 1..5 scale.
    """
    answered = ~np.isnan(values)
    shifted = np.where(answered, values - 3.0, 0.0)
    cols = values.shape[1]
    flat = (group[:, None] * cols + np.arange(cols)[None, :]).ravel()
    size = n_groups * cols
    count = np.bincount(flat, weights=answered.ravel(), minlength=size).reshape(n_groups, cols)
    total = np.bincount(flat, weights=shifted.ravel(), minlength=size).reshape(n_groups, cols)
    squares = np.bincount(flat, weights=(shifted**2).ravel(), minlength=size).reshape(
        n_groups, cols
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        var = (squares - total**2 / count) / (count - 1)
    return np.where(count >= 2, np.maximum(var, 0.0), np.nan)


def grouped_rwg(
    answers: FloatArray, group: IntArray, n_groups: int, options: int = 5
) -> FloatArray:
    """r_wg(J) of the columns of `answers` (one axis' raw answers) within every group."""
    var = grouped_item_variance(answers, group, n_groups)
    defined = (~np.isnan(var)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_var = np.nansum(var, axis=1) / defined
    return rwg_j(np.where(defined > 0, mean_var, np.nan), answers.shape[1], options)


def krippendorff_alpha_interval(values: npt.ArrayLike) -> float:
    """Krippendorff's α (interval) for a units × coders matrix with NaN for missing values.

    Only units with at least two values are pairable. Returns NaN when there is no variation
    at all to compare against (D_e = 0) or fewer than two pairable values.
    """
    v = np.asarray(values, dtype=np.float64)
    present = ~np.isnan(v)
    m = present.sum(axis=1)
    pairable = m >= 2
    if not pairable.any():
        return float("nan")
    v = np.where(present, v, 0.0)[pairable]
    m = m[pairable].astype(np.float64)
    s1 = v.sum(axis=1)
    s2 = (v**2).sum(axis=1)
    n = m.sum()
    within = (2.0 * (m * s2 - s1**2) / (m - 1.0)).sum()
    pooled = 2.0 * (n * s2.sum() - s1.sum() ** 2)
    if pooled <= 0:
        return float("nan")
    return float(1.0 - (n - 1.0) * within / pooled)


def groups_alpha(cc: FloatArray, dc: FloatArray, shown: npt.NDArray[np.bool_]) -> float:
    """Krippendorff's α (interval) of a region: do the groups see the same landscape?

    Units are (cell, axis), coders the stakeholder groups, values the shown group centroids
    (`cc`, `dc` of shape (cells, groups)); a group that is absent or suppressed in a cell is
    a missing value there (docs/method.md, "Krippendorff's α").
    """
    units = np.concatenate([np.where(shown, cc, np.nan), np.where(shown, dc, np.nan)])
    return krippendorff_alpha_interval(units)
