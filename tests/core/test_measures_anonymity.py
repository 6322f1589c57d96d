"""k-anonymity: no group below k, and none recoverable from the cell total."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from regiekompas.core.measures.anonymity import shown_groups


def test_worked_example_leaves_out_the_small_group_and_its_complement() -> None:
    # aanbieder_professional 5, gemeente_beleid 4, wijkteam 4, zorgverzekeraar 2 (k = 3):
    # zorgverzekeraar goes, 2 < k remain hidden, so gemeente_beleid goes too (tie → alphabet).
    assert shown_groups([5, 4, 4, 2], 3).tolist() == [True, False, True, False]


def test_all_groups_shown_when_every_group_reaches_k() -> None:
    assert shown_groups([[5, 6, 7]], 5).tolist() == [[True, True, True]]


def test_no_complementary_suppression_when_hidden_groups_already_hold_k() -> None:
    assert shown_groups([8, 2, 2, 1, 9], 5).tolist() == [True, False, False, False, True]


def test_absent_groups_do_not_trigger_suppression() -> None:
    assert shown_groups([0, 6, 0, 7], 5).tolist() == [False, True, False, True]


def test_k_below_three_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 3"):
        shown_groups([5, 5], 2)


@given(
    st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=10),
    st.integers(min_value=3, max_value=8),
)
def test_no_shown_group_is_small_and_hidden_total_is_never_between_zero_and_k(
    counts: list[int], k: int
) -> None:
    shown = shown_groups(counts, k)
    c = np.asarray(counts)
    assert (c[shown] >= k).all()
    hidden = c[~shown].sum()
    assert hidden == 0 or hidden >= k or not shown.any()
