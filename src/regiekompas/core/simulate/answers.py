"""Turning planted positions and conditions into raw answers, as whole numpy arrays.

Axis items: a respondent's view of a cell is the planted position plus their group's bias
plus N(0, respondent_sd) (one draw per axis, shared by its items, which is what makes items
of one axis agree). Item i then scores clip(view + o_i + N(0, noise), −1, 1), with fixed
item offsets o_i that sum to zero per axis. The answer a = 3 + 2·score is rounded
stochastically — floor plus Bernoulli(fraction) — so E[a] = 3 + 2·score exactly and the
planted truth stays exact. Reverse-keyed items are stored mirrored (6 − a), as a respondent
reading the mirrored wording would answer. "Weet niet" is missing completely at random.

Condition items work the same way on the agreement scale: the gemeente's level for the
condition plus the group's shift plus a respondent trait shared by all five scales (a
general mood about the collaboration, which gives realistic, positive Cronbach's α) plus a
respondent deviation per scale, per item an offset and noise; item 4 of each scale is
negatively worded and stored mirrored. Agreements (ja/nee) and obstacles (aangevinkt of
niet) are Bernoulli draws on the logit scale that follow the same trait: who sees the
collaboration as good reports more agreements and fewer obstacles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from regiekompas.core.dataset import FloatArray, IntArray
from regiekompas.core.instrument import Instrument
from regiekompas.core.simulate.params import SimulationParams

#: Logit weight of a respondent's condition view on agreements and obstacles.
TRAIT_LOGIT = 1.5
#: Sd of a gemeente's logit offset for agreements and obstacles.
GEMEENTE_LOGIT_SD = 0.4


def centred_offsets(size: int, spread: float, rng: np.random.Generator) -> FloatArray:
    """Item offsets N(0, spread), shifted to sum to exactly zero."""
    offsets: FloatArray = rng.normal(0.0, spread, size=size)
    centred: FloatArray = offsets - offsets.mean()
    return centred


def stochastic_answers(scores: FloatArray, rng: np.random.Generator) -> FloatArray:
    """Answers 1 … 5 with E[a] = 3 + 2·score: floor plus a Bernoulli of the fraction."""
    a = 3.0 + 2.0 * scores
    low = np.floor(a)
    return low + (rng.random(a.shape) < a - low)


@dataclass(frozen=True, eq=False)
class AxisAnswers:
    """One row per (respondent, transitie, perspectief) with the raw stored answers."""

    respondent: IntArray
    transitie: IntArray
    perspectief: IntArray
    answers: FloatArray


def axis_answers(
    params: SimulationParams,
    instrument: Instrument,
    points: FloatArray,
    biases: FloatArray,
    respondent_gemeente: IntArray,
    respondent_group: IntArray,
    answers_transitie: np.ndarray,
    offsets: FloatArray,
    rng: np.random.Generator,
) -> AxisAnswers:
    """`points[g, t, p, axis]` planted; `biases[j, p, axis]` per group (already scaled)."""
    r, t = np.nonzero(answers_transitie)
    n_obs = 2 * len(r)
    respondent = np.repeat(r.astype(np.intp), 2)
    transitie = np.repeat(t.astype(np.intp), 2)
    perspectief = np.tile(np.arange(2, dtype=np.intp), len(r))

    view = (
        points[respondent_gemeente[respondent], transitie, perspectief]
        + biases[respondent_group[respondent], perspectief]
        + rng.normal(0.0, params.respondent_sd, size=(n_obs, 2))
    )
    item_axis = np.asarray(
        [0 if code.startswith("cc") else 1 for code in instrument.axis_item_codes], dtype=np.intp
    )
    latent = (
        view[:, item_axis] + offsets + rng.normal(0.0, params.noise, size=(n_obs, len(item_axis)))
    )
    raw = stochastic_answers(np.clip(latent, -1.0, 1.0), rng)
    keying = np.asarray(instrument.axis_keying)
    stored = np.where(keying < 0, 6.0 - raw, raw)
    stored[rng.random(stored.shape) < params.missing] = np.nan
    return AxisAnswers(respondent, transitie, perspectief, stored)


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def gemeente_answers(
    params: SimulationParams,
    instrument: Instrument,
    levels: FloatArray,
    shifts: FloatArray,
    respondent_gemeente: IntArray,
    respondent_group: IntArray,
    offsets: FloatArray,
    rng: np.random.Generator,
) -> FloatArray:
    """One row per respondent (for their gemeente), columns `instrument.gemeente_item_codes`.

    `levels[g, c]` is gemeente g's planted level of condition c (instrument scale order),
    `shifts[j]` group j's shift (scaled), `offsets` one per Likert item in scale order.
    """
    n_r = len(respondent_gemeente)
    codes = instrument.gemeente_item_codes
    out = np.full((n_r, len(codes)), np.nan)
    column = {code: i for i, code in enumerate(codes)}

    trait = rng.normal(0.0, params.condition_trait_sd, size=n_r)
    view = levels[respondent_gemeente] + shifts[respondent_group][:, None] + trait[:, None]
    view = view + rng.normal(0.0, params.condition_scale_sd, size=view.shape)
    k = 0
    for c, scale in enumerate(instrument.scales):
        for item in scale.items:
            latent = view[:, c] + offsets[k] + rng.normal(0.0, params.condition_noise, size=n_r)
            raw = stochastic_answers(np.clip(latent, -1.0, 1.0), rng)
            stored = 6.0 - raw if item.reverse else raw
            stored[rng.random(n_r) < params.missing] = np.nan
            out[:, column[item.code]] = stored
            k += 1

    mood = trait + shifts[respondent_group]
    climate = levels.mean(axis=1) - float(np.mean(params.condition_levels))
    gem_agree = rng.normal(0.0, GEMEENTE_LOGIT_SD, size=levels.shape[0]) + 2.0 * climate
    for agreement, rate in zip(instrument.agreements, params.agreement_rates, strict=False):
        logit = _logit(rate) + gem_agree[respondent_gemeente] + TRAIT_LOGIT * mood
        value = (rng.random(n_r) < 1.0 / (1.0 + np.exp(-logit))).astype(np.float64)
        value[rng.random(n_r) < params.missing_afspraken] = np.nan
        out[:, column[agreement.code]] = value
    gem_obstacle = rng.normal(0.0, GEMEENTE_LOGIT_SD, size=levels.shape[0]) - 2.0 * climate
    for obstacle, rate in zip(instrument.obstacles, params.obstacle_rates, strict=False):
        logit = _logit(rate) + gem_obstacle[respondent_gemeente] - TRAIT_LOGIT * mood
        ticked = rng.random(n_r) < 1.0 / (1.0 + np.exp(-logit))
        out[:, column[obstacle.code]] = ticked.astype(np.float64)
    return out
