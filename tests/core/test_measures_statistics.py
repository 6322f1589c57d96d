"""The statistics agree with hand calculations and with independent implementations."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pingouin
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from regiekompas.core.measures.agreement import (
    grouped_item_variance,
    grouped_rwg,
    krippendorff_alpha_interval,
    rwg_j,
)
from regiekompas.core.measures.conditions import grouped_cronbach_alpha


def test_rwg_matches_a_hand_calculation() -> None:
    # item variances 1 and 1/3 → s̄² = 2/3, ratio 1/3, J = 2: 2·(2/3) / (2·(2/3) + 1/3) = 0.8
    answers = np.array([[2.0, 3.0], [3.0, 3.0], [4.0, 4.0]])
    assert grouped_rwg(answers, np.zeros(3, dtype=np.intp), 1)[0] == pytest.approx(0.8)


def test_rwg_is_zero_when_disagreement_reaches_random_answering() -> None:
    # item variances 4 and 0 → s̄² = 2 = σ² for five options
    answers = np.array([[1.0, 2.0], [3.0, 2.0], [5.0, 2.0]])
    assert grouped_rwg(answers, np.zeros(3, dtype=np.intp), 1)[0] == 0.0
    assert rwg_j(3.0, 6) == 0.0


def test_rwg_ignores_weet_niet_answers_per_item() -> None:
    answers = np.array([[2.0, np.nan], [3.0, 3.0], [4.0, 4.0], [3.0, np.nan]])
    var = grouped_item_variance(answers, np.zeros(4, dtype=np.intp), 1)[0]
    assert var[0] == pytest.approx(np.var([2, 3, 4, 3], ddof=1))
    assert var[1] == pytest.approx(np.var([3, 4], ddof=1))


def test_rwg_is_undefined_for_a_single_respondent() -> None:
    assert np.isnan(grouped_rwg(np.array([[3.0, 4.0]]), np.zeros(1, dtype=np.intp), 1)[0])


def test_item_variances_are_computed_per_group() -> None:
    answers = np.array([[1.0], [5.0], [2.0], [2.0], [3.0]])
    group = np.array([0, 0, 1, 1, 1])
    var = grouped_item_variance(answers, group, 2)
    assert var[0, 0] == pytest.approx(8.0)
    assert var[1, 0] == pytest.approx(np.var([2, 2, 3], ddof=1))


matrices = st.integers(min_value=0, max_value=10_000).map(
    lambda seed: _random_reliability_matrix(np.random.default_rng(seed))
)


def _random_reliability_matrix(rng: np.random.Generator) -> np.ndarray:
    coders = int(rng.integers(2, 7))
    units = int(rng.integers(2, 30))
    values = rng.normal(size=(units, coders)) + rng.normal(size=(units, 1)) * rng.uniform(0, 3)
    values[rng.uniform(size=values.shape) < rng.uniform(0, 0.4)] = np.nan
    return values


@settings(max_examples=60, deadline=None)
@given(matrices)
def test_krippendorff_alpha_matches_the_krippendorff_package(values: np.ndarray) -> None:
    pairable = (~np.isnan(values)).sum(axis=1) >= 2
    assume(pairable.sum() >= 1 and np.nanstd(values[pairable]) > 0)
    ours = krippendorff_alpha_interval(values)
    # The package takes coders × units.
    theirs = krippendorff.alpha(reliability_data=values.T, level_of_measurement="interval")
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_krippendorff_alpha_is_one_for_perfect_agreement_and_nan_without_pairs() -> None:
    assert krippendorff_alpha_interval([[0.1, 0.1], [0.5, 0.5], [-0.3, -0.3]]) == pytest.approx(1)
    assert np.isnan(krippendorff_alpha_interval([[0.1, np.nan], [np.nan, 0.4]]))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_cronbach_alpha_matches_pingouin(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, items = int(rng.integers(5, 60)), int(rng.integers(2, 6))
    trait = rng.normal(size=(n, 1))
    answers = np.clip(np.round(3 + trait + rng.normal(size=(n, items))), 1, 5)
    assume(np.var(answers.sum(axis=1)) > 0)
    ours = grouped_cronbach_alpha(answers, np.zeros(n, dtype=np.intp), 1)[0]
    theirs, _ = pingouin.cronbach_alpha(data=pd.DataFrame(answers))
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_cronbach_alpha_uses_only_respondents_who_answered_every_item() -> None:
    rng = np.random.default_rng(3)
    answers = np.clip(np.round(3 + rng.normal(size=(30, 4)) + rng.normal(size=(30, 1))), 1, 5)
    with_gaps = answers.copy()
    with_gaps[[2, 7], 1] = np.nan
    complete = np.delete(answers, [2, 7], axis=0)
    ours = grouped_cronbach_alpha(with_gaps, np.zeros(30, dtype=np.intp), 1)[0]
    theirs, _ = pingouin.cronbach_alpha(data=pd.DataFrame(complete))
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_cronbach_alpha_per_group_equals_alpha_of_each_group_alone() -> None:
    rng = np.random.default_rng(11)
    answers = np.clip(np.round(3 + rng.normal(size=(40, 4)) + rng.normal(size=(40, 1))), 1, 5)
    group = np.repeat([0, 1], 20)
    both = grouped_cronbach_alpha(answers, group, 2)
    for g in (0, 1):
        alone = grouped_cronbach_alpha(answers[group == g], np.zeros(20, dtype=np.intp), 1)[0]
        assert both[g] == pytest.approx(alone, abs=1e-12)
