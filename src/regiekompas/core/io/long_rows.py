"""Turning a `Dataset` back into rows of the long responses format.

This is the inverse of reading a long file: exports offer the answers in the format they can
be imported from, and tests check the round trip file → dataset → file → dataset.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from regiekompas.core.dataset import Dataset
from regiekompas.core.io.headers import LONG_COLUMNS

LONG_HEADER: Final[tuple[str, ...]] = LONG_COLUMNS

LongRow = tuple[str, str, str, str, str, str, str, int | float | None]


def _answer(value: float) -> int | float | None:
    if value != value:
        return None
    return int(value) if value.is_integer() else value


def dataset_to_long_rows(dataset: Dataset) -> Iterator[LongRow]:
    """One row per answer slot, "weet niet" as None, in the dataset's canonical order.

    Every slot is written, answered or not, so each observation survives the round trip
    even when all its answers are "weet niet". A respondent without any observation has
    no row and is lost.
    """
    r = dataset.responses
    groups = [r.groups[g] for g in r.respondent_group.tolist()]
    axis = r.axis_answers.tolist()
    for i, (resp, gem, trans, persp) in enumerate(
        zip(
            r.obs_respondent.tolist(),
            r.obs_gemeente.tolist(),
            r.obs_transitie.tolist(),
            r.obs_perspectief.tolist(),
            strict=True,
        )
    ):
        lead = (
            r.respondent_ids[resp],
            groups[resp],
            r.respondent_org[resp],
            r.gemeente_codes[gem],
            r.transities[trans],
            r.perspectieven[persp],
        )
        for item, value in zip(r.axis_items, axis[i], strict=True):
            yield (*lead, item, _answer(value))
    gem_answers = r.gemeente_answers.tolist()
    for i, (resp, gem) in enumerate(
        zip(r.gem_respondent.tolist(), r.gem_gemeente.tolist(), strict=True)
    ):
        lead = (
            r.respondent_ids[resp],
            groups[resp],
            r.respondent_org[resp],
            r.gemeente_codes[gem],
            "",
            "",
        )
        for item, value in zip(r.gemeente_items, gem_answers[i], strict=True):
            yield (*lead, item, _answer(value))
