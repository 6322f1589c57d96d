"""Compact storage of millions of answers while files are read, and the final answer matrices.

Per answer only two int64 are appended: a key and the row it came from. The key packs the
observation, the item and the answer into one number (axis answers non-negative, gemeente
answers negative), so the per-row work of the reader is a single addition. Because the
prefix part and the (item, answer) part are precomputed per distinct text, the key of a row
is `prefix_value + cell_value`, and the sign of each part says whether they belong together.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]

#: Rows are located by (table index << 32 | row number) in one int64.
ROW_BITS = 32
ROW_MASK = (1 << ROW_BITS) - 1


@dataclass(frozen=True)
class Entries:
    """The decoded answers of one kind: slot = observation × n_items + item."""

    slots: IntArray
    values: npt.NDArray[np.float64]
    locs: IntArray


class AnswerStore:
    def __init__(self, ranges: Iterable[tuple[int, int]], n_axis: int, n_gem: int) -> None:
        bounds = list(ranges) or [(0, 0)]
        self.vmin = min(lo for lo, _ in bounds)
        span = max(hi for _, hi in bounds) - self.vmin + 1
        self.nan_code = span
        self.bits = span.bit_length()
        self.n_axis = n_axis
        self.n_gem = n_gem
        self.keys = array("q")
        self.locs = array("q")

    def value_code(self, value: float) -> int:
        """The answer's code; the caller has checked that it is NaN or within the ranges."""
        return self.nan_code if value != value else int(value) - self.vmin

    def axis_prefix(self, obs: int) -> int:
        return (obs * self.n_axis) << self.bits

    def axis_cell(self, column: int, value: float) -> int:
        return (column << self.bits) | self.value_code(value)

    def gem_prefix(self, gem: int) -> int:
        return ~((gem * self.n_gem) << self.bits)

    def gem_cell(self, column: int, value: float) -> int:
        return ~((column << self.bits) | self.value_code(value))

    def entries(self) -> tuple[Entries, Entries]:
        """Axis and gemeente answers, each in the order they were read."""
        keys = np.frombuffer(self.keys, dtype=np.int64)
        locs = np.frombuffer(self.locs, dtype=np.int64)
        axis = keys >= 0
        return (
            self._decode(keys[axis], locs[axis]),
            self._decode(-keys[~axis] - 2, locs[~axis]),
        )

    def _decode(self, packed: IntArray, locs: IntArray) -> Entries:
        codes = packed & ((1 << self.bits) - 1)
        values = np.where(codes == self.nan_code, np.nan, (codes + self.vmin).astype(np.float64))
        return Entries(slots=packed >> self.bits, values=values, locs=locs)


def matrix(entries: Entries, n_rows: int, n_items: int) -> npt.NDArray[np.float64]:
    """The answers as an (observation × item) matrix; unanswered slots are NaN."""
    flat = np.full(n_rows * n_items, np.nan)
    flat[entries.slots] = entries.values
    return flat.reshape(n_rows, n_items)


def repeats(entries: Entries) -> list[tuple[int, int]]:
    """Pairs (first, later) of entry indexes that fill the same slot, in reading order."""
    if len(entries.slots) < 2:
        return []
    order = np.argsort(entries.slots, kind="stable")
    ordered = entries.slots[order]
    later = np.flatnonzero(ordered[1:] == ordered[:-1]) + 1
    if not len(later):
        return []
    first = np.searchsorted(ordered, ordered[later], side="left")
    return list(zip(order[first].tolist(), order[later].tolist(), strict=True))
