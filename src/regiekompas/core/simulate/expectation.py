"""Exact expected scores under the generative model, so tests can check recovery.

An item score is clip(X, −1, 1) with X ~ N(μ, σ²): the clipping keeps answers on the
1 … 5 scale, and it bends the mean towards 0 near the ends. The answer a = 3 + 2·score is
rounded stochastically (floor plus a Bernoulli of the fraction), so E[a] = 3 + 2·E[score]
and the rounding adds no bias; "weet niet" is missing completely at random and exchangeable
over items, so a respondent's mean over the answered items has the same expectation as the
mean over all items. Hence the expected measured position of a cell is

    Σ_g p_g · (1/J) Σ_i E[clip(N(μ_g + o_i, σ²), −1, 1)]

with p_g the chance that a respondent in the cell belongs to group g. For the clipped normal,
with α = (−1 − μ)/σ, β = (1 − μ)/σ, Φ and φ the standard normal cdf and pdf:

    E[clip(X, −1, 1)] = −Φ(α) + (1 − Φ(β)) + μ·(Φ(β) − Φ(α)) + σ·(φ(α) − φ(β)).
"""

from __future__ import annotations

import math

import numpy as np

from regiekompas.core.dataset import FloatArray

_SQRT2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


def _cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / _SQRT2))


def _pdf(z: float) -> float:
    return _INV_SQRT_2PI * math.exp(-0.5 * z * z)


def clipped_normal_mean(mu: float, sigma: float) -> float:
    """E[clip(X, −1, 1)] for X ~ N(mu, sigma²); sigma = 0 gives clip(mu)."""
    if sigma <= 0.0:
        return min(1.0, max(-1.0, mu))
    alpha = (-1.0 - mu) / sigma
    beta = (1.0 - mu) / sigma
    below, above = _cdf(alpha), 1.0 - _cdf(beta)
    inside = mu * (1.0 - below - above) + sigma * (_pdf(alpha) - _pdf(beta))
    return -below + above + inside


_erf_object = np.frompyfunc(math.erf, 1, 1)


def _erf(x: FloatArray) -> FloatArray:
    """math.erf elementwise (numpy has no erf, and scipy is not a dependency)."""
    return np.asarray(_erf_object(x), dtype=np.float64)


def clipped_normal_means(mu: FloatArray, sigma: float) -> FloatArray:
    """`clipped_normal_mean` elementwise over an array of means (same formula)."""
    mu = np.asarray(mu, dtype=np.float64)
    if sigma <= 0.0:
        return np.clip(mu, -1.0, 1.0)
    alpha = (-1.0 - mu) / sigma
    beta = (1.0 - mu) / sigma
    below = 0.5 * (1.0 + _erf(alpha / _SQRT2))
    above = 0.5 * (1.0 - _erf(beta / _SQRT2))
    pdf_a = _INV_SQRT_2PI * np.exp(-0.5 * alpha * alpha)
    pdf_b = _INV_SQRT_2PI * np.exp(-0.5 * beta * beta)
    result: FloatArray = -below + above + mu * (1.0 - below - above) + sigma * (pdf_a - pdf_b)
    return result


def mean_item_score(mu: float, offsets: FloatArray, sigma: float) -> float:
    """Expected mean over items of clip(N(mu + o_i, sigma²)), one offset per item."""
    values = [clipped_normal_mean(mu + float(o), sigma) for o in offsets]
    return float(np.mean(values)) if values else float("nan")


def mixture_mean(mus: FloatArray, shares: FloatArray, offsets: FloatArray, sigma: float) -> float:
    """Share-weighted expected mean item score over groups with means `mus`."""
    total = float(shares.sum())
    if total <= 0.0:
        return float("nan")
    return (
        sum(
            float(share) * mean_item_score(float(mu), offsets, sigma)
            for mu, share in zip(mus, shares, strict=True)
            if share > 0.0
        )
        / total
    )
