"""The five conditions for promising collaboration (docs/method.md, "Conditions and Cronbach's α").

A respondent's scale score is the mean of their answered items after reverse-keying
(a' = 6 − a), missing when fewer than half the items are answered. A gemeente's or group's
score is the mean over respondents, mapped to 0 … 100 by (m − 1) / 4 × 100.

Cronbach's α (Cronbach 1951) per scale, over the respondents who answered every item:

    α = J / (J − 1) · (1 − Σ_j s_j² / s_T²),

with item variances s_j² and the variance s_T² of the sum score (all ddof = 1), computed on
the reverse-keyed answers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regiekompas.core.dataset import FloatArray, IntArray, Responses
from regiekompas.core.instrument import Instrument
from regiekompas.core.measures.anonymity import shown_groups
from regiekompas.core.measures.positions import mean_if_half


@dataclass(frozen=True, eq=False)
class ScaleScores:
    """Per gemeente observation (respondent × gemeente): score per scale, 1..5 or NaN."""

    codes: tuple[str, ...]
    scores: FloatArray  # (gem rows, scales)
    complete: tuple[FloatArray, ...]  # per scale: reverse-keyed answers (rows, items)


def scale_scores(responses: Responses, instrument: Instrument) -> ScaleScores:
    codes: list[str] = []
    scores: list[FloatArray] = []
    keyed: list[FloatArray] = []
    for scale in instrument.scales:
        cols = [responses.gemeente_items.index(item.code) for item in scale.items]
        raw = responses.gemeente_answers[:, cols]
        reverse = np.asarray([item.reverse for item in scale.items])
        answers = np.where(reverse[None, :], 6.0 - raw, raw)
        codes.append(scale.code)
        scores.append(mean_if_half(answers))
        keyed.append(answers)
    matrix = np.column_stack(scores) if scores else np.empty((len(responses.gem_respondent), 0))
    return ScaleScores(codes=tuple(codes), scores=matrix, complete=tuple(keyed))


def to_percent(mean_score: FloatArray) -> FloatArray:
    return (mean_score - 1.0) / 4.0 * 100.0


def grouped_mean(values: FloatArray, group: IntArray, n_groups: int) -> tuple[FloatArray, IntArray]:
    """Mean and count of the non-missing values per group."""
    present = ~np.isnan(values)
    count = np.bincount(group[present], minlength=n_groups)
    total = np.bincount(group[present], weights=values[present], minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        return total / count, count.astype(np.intp)


def grouped_cronbach_alpha(keyed: FloatArray, group: IntArray, n_groups: int) -> FloatArray:
    """Cronbach's α of the item columns within every group (complete rows only)."""
    complete = ~np.isnan(keyed).any(axis=1)
    items = keyed[complete] - 3.0
    g = group[complete]
    n_items = items.shape[1]
    count = np.bincount(g, minlength=n_groups).astype(np.float64)

    def variance(column: FloatArray) -> FloatArray:
        s1 = np.bincount(g, weights=column, minlength=n_groups)
        s2 = np.bincount(g, weights=column**2, minlength=n_groups)
        with np.errstate(invalid="ignore", divide="ignore"):
            return (s2 - s1**2 / count) / (count - 1.0)

    item_var = sum((variance(items[:, j]) for j in range(n_items)), np.zeros(n_groups))
    total_var = variance(items.sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = n_items / (n_items - 1.0) * (1.0 - item_var / total_var)
    return np.where((count >= 2) & (total_var > 0), alpha, np.nan)


@dataclass(frozen=True, eq=False)
class ConditionScores:
    """Per gemeente (and per gemeente × group) and scale: score 0 … 100, α and n.

    `group_shown` applies k-anonymity with complementary suppression to each scale's group
    breakdown on that scale's own counts (a group's n can differ per scale through missing
    answers). Whether the gemeente's own score may be shown (n ≥ k) is left to the caller.
    """

    codes: tuple[str, ...]
    gemeente_score: FloatArray  # (gemeenten, scales)
    gemeente_alpha: FloatArray
    gemeente_n: IntArray
    group_score: FloatArray  # (gemeenten, groups, scales)
    group_alpha: FloatArray
    group_n: IntArray
    group_shown: npt.NDArray[np.bool_]


def condition_scores(responses: Responses, instrument: Instrument, k: int) -> ConditionScores:
    """Scores of every scale per gemeente and per gemeente × group (docs/method.md)."""
    scores = scale_scores(responses, instrument)
    n_gem, n_groups = len(responses.gemeente_codes), len(responses.groups)
    gem = responses.gem_gemeente
    gem_group = gem * n_groups + responses.gem_group
    size = n_gem * n_groups
    n_scales = len(scores.codes)
    g_score = np.full((n_gem, n_scales), np.nan)
    g_alpha = np.full((n_gem, n_scales), np.nan)
    g_n = np.zeros((n_gem, n_scales), dtype=np.intp)
    gg_score = np.full((n_gem, n_groups, n_scales), np.nan)
    gg_alpha = np.full((n_gem, n_groups, n_scales), np.nan)
    gg_n = np.zeros((n_gem, n_groups, n_scales), dtype=np.intp)
    shown = np.zeros((n_gem, n_groups, n_scales), dtype=bool)
    for s in range(n_scales):
        mean, n = grouped_mean(scores.scores[:, s], gem, n_gem)
        g_score[:, s], g_n[:, s] = to_percent(mean), n
        g_alpha[:, s] = grouped_cronbach_alpha(scores.complete[s], gem, n_gem)
        mean, n = grouped_mean(scores.scores[:, s], gem_group, size)
        gg_score[:, :, s] = to_percent(mean).reshape(n_gem, n_groups)
        gg_n[:, :, s] = n.reshape(n_gem, n_groups)
        gg_alpha[:, :, s] = grouped_cronbach_alpha(scores.complete[s], gem_group, size).reshape(
            n_gem, n_groups
        )
        shown[:, :, s] = shown_groups(gg_n[:, :, s], k)
    return ConditionScores(
        codes=scores.codes,
        gemeente_score=g_score,
        gemeente_alpha=g_alpha,
        gemeente_n=g_n,
        group_score=gg_score,
        group_alpha=gg_alpha,
        group_n=gg_n,
        group_shown=shown,
    )


def bootstrap_condition_scores(
    responses: Responses,
    instrument: Instrument,
    shown: npt.NDArray[np.bool_],
    *,
    replicates: int,
    seed: int,
) -> dict[str, FloatArray]:
    """Bootstrap replicates of every shown gemeente score (0 … 100), keyed `GM…|conditie`.

    The respondents of the gemeente with a score on the scale are resampled with
    replacement; the replicate is their mean mapped to 0 … 100 (docs/method.md, "Trend").
    `shown` is (gemeenten, scales): the scores in the document (n ≥ k).
    """
    from regiekompas.core.measures.bootstrap import stream_for

    scores = scale_scores(responses, instrument)
    out: dict[str, FloatArray] = {}
    for g, s in zip(*np.nonzero(shown), strict=True):
        column = scores.scores[responses.gem_gemeente == g, s]
        values = column[~np.isnan(column)]
        key = f"{responses.gemeente_codes[g]}|{scores.codes[s]}"
        draws = stream_for(seed, f"condities|{key}").integers(
            0, len(values), size=(replicates, len(values))
        )
        out[key] = to_percent(values.take(draws).mean(axis=1))
    return out
