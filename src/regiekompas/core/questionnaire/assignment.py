"""Planned subsets: who answers for which gemeenten, rows and condition scales.

A respondent who works for more gemeenten than the scan's maximum answers about a subset:
at most `cap` gemeenten and, for the axis statements, at most `cap` gemeente × transitie
rows. The questions about the collaboration in a gemeente as a whole (conditions,
agreements, obstacles, arrangements) are asked for at most `BLOCK_GEMEENTEN` of those
gemeenten, and of the five condition scales each respondent answers `SCALES_ASKED`, whole
scales (so every scale's reliability can still be computed from complete answers).

Each subset is chosen so the answers stay balanced over respondents: each pick takes the
candidate with the fewest respondents assigned so far (`load`), ties broken by a random draw
seeded by the scan and the respondent, so the same respondent always gets the same subset.
Which cells go unanswered then depends only on the order of arrival and the seed, never on
what anyone answers: the missing answers are missing completely at random by design, and
means over a group's respondents in a cell stay unbiased. How this shifts the mix of groups
within a cell, and why the recovery test allows for it, is in `docs/questionnaire.md`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

#: (gemeente_code, transitie)
Cell = tuple[str, str]

#: Gemeenten a respondent answers the gemeente-level questions for (docs/questionnaire.md).
BLOCK_GEMEENTEN = 1
#: Condition scales a respondent answers, whole scales, of the instrument's five.
SCALES_ASKED = 3


@dataclass(frozen=True)
class Plan:
    """The gemeenten and rows of the axis statements, the gemeenten of the gemeente-level
    questions (`block`) and the condition scales asked (`scales`, None: all).

    `complete` is True when nothing was left out, so nothing needs to be stored.
    """

    gemeenten: tuple[str, ...]
    cells: tuple[Cell, ...]
    complete: bool
    block: tuple[str, ...] | None = None
    scales: tuple[str, ...] | None = None

    @property
    def block_gemeenten(self) -> tuple[str, ...]:
        """The gemeenten of the gemeente-level questions (all planned ones unless limited)."""
        return self.gemeenten if self.block is None else self.block


def _rng(seed: str) -> np.random.Generator:
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def plan_for(
    gemeenten: Sequence[str],
    transities: Sequence[str],
    cap: int,
    *,
    gemeente_load: Mapping[str, int],
    cell_load: Mapping[Cell, int],
    seed: str,
    block_cap: int | None = None,
    block_load: Mapping[str, int] | None = None,
    scales: Sequence[str] = (),
    scales_asked: int | None = None,
    scale_load: Mapping[str, int] | None = None,
) -> Plan:
    """The planned subset of one respondent; `gemeenten` and `transities` in display order.

    `gemeente_load` and `cell_load` count the respondents already assigned to each gemeente
    and cell (a missing key counts 0). The returned gemeenten and cells keep the display
    order of the input, whatever order they were picked in.

    With `block_cap`, the gemeente-level questions are asked for at most that many of the
    chosen gemeenten, the least assigned first (`block_load`); with `scales_asked` below the
    number of `scales`, that many whole condition scales are asked, the least assigned
    first (`scale_load`). Without them (the default) every chosen gemeente gets the
    gemeente-level questions and every scale is asked.
    """
    if cap < 1:
        raise ValueError(f"the maximum must be at least 1, got {cap}")
    axis = _axis_plan(gemeenten, transities, cap, gemeente_load, cell_load, seed)
    rng = _rng(f"{seed}|block")
    block: tuple[str, ...] | None = None
    if block_cap is not None and len(axis.gemeenten) > block_cap:
        if block_cap < 1:
            raise ValueError(f"the gemeente-level maximum must be at least 1, got {block_cap}")
        load = block_load or {}
        tie = dict(zip(axis.gemeenten, rng.random(len(axis.gemeenten)).tolist(), strict=True))
        ranked = sorted(axis.gemeenten, key=lambda g: (load.get(g, 0), tie[g]))
        chosen = set(ranked[:block_cap])
        block = tuple(g for g in axis.gemeenten if g in chosen)
    asked: tuple[str, ...] | None = None
    if scales_asked is not None and 0 < scales_asked < len(scales):
        load = scale_load or {}
        tie = dict(zip(scales, rng.random(len(scales)).tolist(), strict=True))
        ranked = sorted(scales, key=lambda code: (load.get(code, 0), tie[code]))
        chosen = set(ranked[:scales_asked])
        asked = tuple(code for code in scales if code in chosen)
    if block is None and asked is None:
        return axis
    return Plan(axis.gemeenten, axis.cells, complete=False, block=block, scales=asked)


def _axis_plan(
    gemeenten: Sequence[str],
    transities: Sequence[str],
    cap: int,
    gemeente_load: Mapping[str, int],
    cell_load: Mapping[Cell, int],
    seed: str,
) -> Plan:
    all_cells = [(g, t) for g in gemeenten for t in transities]
    if len(gemeenten) <= cap and len(all_cells) <= cap:
        return Plan(tuple(gemeenten), tuple(all_cells), complete=True)
    rng = _rng(seed)
    tie = {g: float(x) for g, x in zip(gemeenten, rng.random(len(gemeenten)), strict=True)}
    chosen_g = set(gemeenten)
    if len(gemeenten) > cap:
        ranked = sorted(gemeenten, key=lambda g: (gemeente_load.get(g, 0), tie[g]))
        chosen_g = set(ranked[:cap])
    candidates = [c for c in all_cells if c[0] in chosen_g]
    cell_tie = {c: float(x) for c, x in zip(candidates, rng.random(len(candidates)), strict=True)}

    def rank(cell: Cell) -> tuple[int, float]:
        return (cell_load.get(cell, 0), cell_tie[cell])

    picked: list[Cell] = []
    if len(candidates) > cap:
        # First one row for each chosen gemeente (its least-answered transitie), so every
        # gemeente whose collaboration the respondent rates also gets a position; then the
        # least-answered cells that remain.
        for g in sorted(chosen_g, key=lambda g: (gemeente_load.get(g, 0), tie[g])):
            own = [c for c in candidates if c[0] == g]
            picked.append(min(own, key=rank))
        rest = sorted((c for c in candidates if c not in picked), key=rank)
        picked += rest[: cap - len(picked)]
    else:
        picked = candidates
    chosen_cells = set(picked)
    return Plan(
        tuple(g for g in gemeenten if g in chosen_g),
        tuple(c for c in all_cells if c in chosen_cells),
        complete=False,
    )
