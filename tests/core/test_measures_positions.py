"""Respondent and cell positions: hand-checked fixtures and properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.dataset import Dataset, build_responses
from regiekompas.core.instrument import load_instrument
from regiekompas.core.measures.positions import respondent_positions

INSTRUMENT = load_instrument()
TRANSITIES = ("jeugd", "wmo", "participatie", "eerste_lijn")


def dataset_of(
    axis_answers: np.ndarray,
    groups: list[str] | None = None,
    perspectief: np.ndarray | None = None,
    ids: list[str] | None = None,
) -> Dataset:
    """One gemeente, transitie jeugd; one observation per respondent unless told otherwise."""
    n = len(axis_answers)
    groups = groups or ["gemeente_beleid"] * n
    ids = ids or [f"R{i:03d}" for i in range(n)]
    return Dataset(
        responses=build_responses(
            respondent_ids=ids,
            respondent_group=groups,
            respondent_org=["Org"] * n,
            transities=TRANSITIES,
            axis_items=INSTRUMENT.axis_item_codes,
            gemeente_items=INSTRUMENT.gemeente_item_codes,
            gemeente_codes=["GM0153"],
            obs_respondent=np.arange(n),
            obs_gemeente=np.zeros(n, dtype=np.intp),
            obs_transitie=np.zeros(n, dtype=np.intp),
            obs_perspectief=np.zeros(n, dtype=np.intp) if perspectief is None else perspectief,
            axis_answers=axis_answers,
            gem_respondent=np.zeros(0, dtype=np.intp),
            gem_gemeente=np.zeros(0, dtype=np.intp),
            gemeente_answers=np.zeros((0, len(INSTRUMENT.gemeente_item_codes))),
        )
    )


def test_position_is_the_mean_of_keyed_item_scores() -> None:
    # cc answers 5,5,1(reverse → controle),5,5,5 → all +1; dc answers 1,1,1,5(reverse),1,1 → −1
    answers = np.array([[5, 5, 1, 5, 5, 5, 1, 1, 1, 5, 1, 1]], dtype=float)
    pos = respondent_positions(dataset_of(answers).responses, INSTRUMENT)
    assert (pos.x[0], pos.y[0]) == (1.0, -1.0)


def test_weet_niet_answers_are_left_out_of_the_mean() -> None:
    # cc: 4, 4, 3 (reverse → 0), 5, —, — : scores 0.5, 0.5, 0, 1 → 0.5
    answers = np.array([[4, 4, 3, 5, np.nan, np.nan, 3, 3, 3, 3, 3, 3]], dtype=float)
    pos = respondent_positions(dataset_of(answers).responses, INSTRUMENT)
    assert pos.x[0] == pytest.approx(0.5)
    assert pos.y[0] == 0.0


def test_fewer_than_half_the_items_of_an_axis_means_no_position() -> None:
    answers = np.array([[4, 4, np.nan, np.nan, np.nan, np.nan, 3, 3, 3, 3, 3, 3]], dtype=float)
    pos = respondent_positions(dataset_of(answers).responses, INSTRUMENT)
    assert np.isnan(pos.x[0])
    assert not pos.valid[0]


def test_cell_quadrant_and_clear_position() -> None:
    rng = np.random.default_rng(5)
    # 40 respondents clearly in Sturen: controle (cc answers high) and centraal (dc high).
    answers = rng.integers(4, 6, size=(40, 12)).astype(float)
    answers[:, [2, 9]] = 6 - answers[:, [2, 9]]  # reverse-keyed items cc3 and dc4
    (cell,) = analyse(dataset_of(answers), settings=Settings(k=3, bootstrap=300))["cellen"]
    assert cell["kwadrant"] == "Sturen"
    assert cell["helder"] is True
    assert cell["cc_ci"][0] > 0
    assert cell["dc_ci"][0] > 0


def test_a_cell_around_zero_is_not_clear() -> None:
    rng = np.random.default_rng(6)
    answers = rng.integers(1, 6, size=(30, 12)).astype(float)
    (cell,) = analyse(dataset_of(answers), settings=Settings(k=3, bootstrap=300))["cellen"]
    assert cell["helder"] is False


answer_matrices = arrays(
    np.float64,
    st.tuples(st.integers(1, 25), st.just(12)),
    elements=st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0, np.nan]),
)


@settings(max_examples=60, deadline=None)
@given(answer_matrices)
def test_positions_and_intervals_stay_within_minus_one_and_one(answers: np.ndarray) -> None:
    document = analyse(dataset_of(answers), settings=Settings(k=3, bootstrap=50))
    for cell in document["cellen"]:
        for value in (cell["cc"], cell["dc"], *cell["cc_ci"], *cell["dc_ci"]):
            assert -1.0 <= value <= 1.0


@settings(max_examples=40, deadline=None)
@given(answer_matrices, st.randoms(use_true_random=False))
def test_reordering_respondents_changes_nothing(answers: np.ndarray, random) -> None:
    n = len(answers)
    groups = [random.choice(["wijkteam", "gemeente_beleid", "aanbieder_bestuur"]) for _ in range(n)]
    order = list(range(n))
    random.shuffle(order)
    ids = [f"R{i:03d}" for i in range(n)]
    first = _analyse(answers, groups, ids)
    second = _analyse(answers[order], [groups[i] for i in order], [ids[i] for i in order])
    assert first == second


def _analyse(answers: np.ndarray, groups: list[str], ids: list[str]) -> dict[str, object]:
    dataset = dataset_of(answers, groups, ids=ids)
    return analyse(dataset, settings=Settings(k=3, bootstrap=50, seed=4))


def test_a_mean_of_exactly_zero_is_on_the_border_despite_rounding_noise() -> None:
    # cc over five answered items: 0.1, 0.2 and −0.3 — a sum that floating point misses by 1e-17
    answers = np.array(
        [
            [4, 3, 3, 3, 3, np.nan, 5, 5, 5, 1, 5, 5],
            [4, 4, 3, 3, 3, np.nan, 5, 5, 5, 1, 5, 5],
            [2, 2, 3, 2, 3, np.nan, 5, 5, 5, 1, 5, 5],
        ],
        dtype=float,
    )
    (cell,) = analyse(dataset_of(answers), settings=Settings(k=3, bootstrap=50))["cellen"]
    assert cell["cc"] == 0.0
    assert cell["kwadrant"] == "grens"
