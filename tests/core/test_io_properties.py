"""Properties of the reader: row order never matters, and no input makes it crash."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regiekompas.core.dataset import Dataset
from regiekompas.core.instrument import load_instrument
from regiekompas.core.io import (
    LONG_HEADER,
    ImportFailed,
    dataset_to_long_rows,
    read_dataset,
    write_table,
    write_workbook,
)
from regiekompas.core.model import load_model

MODEL = load_model()
INSTRUMENT = load_instrument()
AXIS = INSTRUMENT.axis_item_codes
GEMEENTE_ITEMS = INSTRUMENT.gemeente_item_codes
GEMEENTEN = ("GM0014", "GM0034", "GM0363")

Row = tuple[str, str, str, str, str, str, str, object]

_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _read(paths: list[Path]) -> Dataset:
    dataset, _ = read_dataset(paths, model=MODEL, instrument=INSTRUMENT)
    return dataset


@st.composite
def long_rows(draw: st.DrawFn) -> list[Row]:
    """A valid long responses table: a few respondents, gemeenten, cells and items."""
    rows: list[Row] = []
    for number in range(draw(st.integers(1, 5))):
        rid = f"R{number}"
        group = draw(st.sampled_from(MODEL.group_codes))
        org = draw(st.sampled_from(["Org A", "Org B", ""]))
        for gemeente in draw(st.sets(st.sampled_from(GEMEENTEN), min_size=1, max_size=2)):
            cells = draw(
                st.sets(
                    st.tuples(
                        st.sampled_from(MODEL.transitie_codes),
                        st.sampled_from(("ambitie", "praktijk")),
                    ),
                    max_size=3,
                )
            )
            for transitie, perspectief in sorted(cells):
                for item in draw(st.sets(st.sampled_from(AXIS), min_size=1)):
                    answer = draw(st.one_of(st.none(), st.integers(1, 5)))
                    rows.append((rid, group, org, gemeente, transitie, perspectief, item, answer))
            for item in draw(st.sets(st.sampled_from(GEMEENTE_ITEMS), max_size=4)):
                lo, hi = INSTRUMENT.answer_range(item)
                answer = draw(st.one_of(st.none(), st.integers(lo, hi)))
                rows.append((rid, group, org, gemeente, "", "", item, answer))
    if not rows:  # every respondent needs at least one answer for a non-empty file
        rows.append(("R0", MODEL.group_codes[0], "", GEMEENTEN[0], "", "", "amb1", 3))
    return rows


def _assert_identical(a: Dataset, b: Dataset) -> None:
    ra, rb = a.responses, b.responses
    assert ra.respondent_ids == rb.respondent_ids
    assert ra.respondent_org == rb.respondent_org
    assert ra.groups == rb.groups
    assert ra.gemeente_codes == rb.gemeente_codes
    for name in (
        "respondent_group",
        "obs_respondent",
        "obs_gemeente",
        "obs_transitie",
        "obs_perspectief",
        "axis_answers",
        "gem_respondent",
        "gem_gemeente",
        "gemeente_answers",
    ):
        np.testing.assert_array_equal(getattr(ra, name), getattr(rb, name))


@_SETTINGS
@given(rows=long_rows(), seed=st.randoms(use_true_random=False))
def test_shuffling_rows_gives_an_identical_dataset(rows: list[Row], seed: random.Random) -> None:
    shuffled = list(rows)
    seed.shuffle(shuffled)
    with _folder() as folder:
        write_table(folder / "a.csv", LONG_HEADER, rows)
        write_table(folder / "b.csv", LONG_HEADER, shuffled)
        _assert_identical(_read([folder / "a.csv"]), _read([folder / "b.csv"]))


@_SETTINGS
@given(rows=long_rows())
def test_the_long_rows_of_a_dataset_are_the_rows_it_was_read_from(rows: list[Row]) -> None:
    with _folder() as folder:
        write_table(folder / "a.csv", LONG_HEADER, rows)
        dataset = _read([folder / "a.csv"])
    written = {row[:7]: row[7] for row in rows}
    back = {row[:7]: row[7] for row in dataset_to_long_rows(dataset)}
    # The dataset adds unanswered slots (None) to every observation, and nothing else.
    assert {key: value for key, value in back.items() if key in written} == written
    assert all(value is None for key, value in back.items() if key not in written)


def _outcome(paths: list[Path]) -> Dataset | ImportFailed:
    """The dataset, or the failure — which must then list at least one error."""
    try:
        return _read(paths)
    except ImportFailed as caught:
        failure = caught
    assert failure.report.errors
    assert str(failure).strip()
    return failure


@_SETTINGS
@given(data=st.binary(max_size=2_000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes_never_crash_the_reader(data: bytes, suffix: str) -> None:
    with _folder() as folder:
        path = folder / f"bestand{suffix}"
        path.write_bytes(data)
        _outcome([path])


@_SETTINGS
@given(rows=long_rows(), cut=st.floats(0, 1), xlsx=st.booleans())
def test_a_truncated_file_never_crashes_the_reader(rows: list[Row], cut: float, xlsx: bool) -> None:
    with _folder() as folder:
        path = folder / ("a.xlsx" if xlsx else "a.csv")
        if xlsx:
            write_workbook(path, {"antwoorden": (LONG_HEADER, rows)})
        else:
            write_table(path, LONG_HEADER, rows)
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * cut)])
        _outcome([path])


_JUNK = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", '"', "4,5", "1e400", "nan", "GM12345", "\x00", ";", "\n", "−1"]),
)


@_SETTINGS
@given(
    rows=long_rows(),
    where=st.tuples(st.integers(0, 10_000), st.integers(0, len(LONG_HEADER) - 1)),
    junk=_JUNK,
    semicolon=st.booleans(),
)
def test_a_junk_cell_is_rejected_or_read_never_crashes(
    rows: list[Row], where: tuple[int, int], junk: str, semicolon: bool
) -> None:
    table: list[list[object]] = [list(row) for row in rows]
    row, column = where
    table[row % len(table)][column] = junk
    with _folder() as folder:
        path = folder / "a.csv"
        write_table(path, LONG_HEADER, table)
        if semicolon:
            path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
        outcome = _outcome([path])
    if isinstance(outcome, Dataset):
        assert len(outcome.responses.respondent_ids) >= 1


@_SETTINGS
@given(
    header=st.lists(
        st.sampled_from([*LONG_HEADER, "cc1", "amb1", "naam", "regio", ""]), max_size=9
    ),
    body=st.lists(st.lists(st.text(max_size=5), max_size=10), max_size=5),
)
def test_any_header_and_body_is_rejected_or_read_never_crashes(
    header: list[str], body: list[list[str]]
) -> None:
    with _folder() as folder:
        path = folder / "a.csv"
        write_table(path, header, body)
        _outcome([path])
