"""Planned subsets: who answers for which gemeenten when they work for many.

A respondent who works for more gemeenten than the scan's maximum answers about a subset:
at most `cap` gemeenten and, for the axis statements, at most `cap` gemeente × transitie
rows. The subset is chosen so the answers per cell stay balanced over respondents: each
pick takes the candidate with the fewest respondents assigned so far (`load`), ties broken
by a random draw seeded by the scan and the respondent, so the same respondent always gets
the same subset. Which cells go unanswered then depends only on the order of arrival and
the seed, never on what anyone answers: the missing answers are missing completely at
random by design, and means over a group's respondents in a cell stay unbiased. How this
shifts the mix of groups within a cell, and why the recovery test allows for it, is in
`docs/questionnaire.md`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

#: (gemeente_code, transitie)
Cell = tuple[str, str]


@dataclass(frozen=True)
class Plan:
    """The gemeenten (for the gemeente-level questions) and the rows of the axis statements.

    `complete` is True when nothing was left out (the respondent works for no more than the
    maximum), so nothing needs to be stored.
    """

    gemeenten: tuple[str, ...]
    cells: tuple[Cell, ...]
    complete: bool


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
) -> Plan:
    """The planned subset of one respondent; `gemeenten` and `transities` in display order.

    `gemeente_load` and `cell_load` count the respondents already assigned to each gemeente
    and cell (a missing key counts 0). The returned gemeenten and cells keep the display
    order of the input, whatever order they were picked in.
    """
    if cap < 1:
        raise ValueError(f"the maximum must be at least 1, got {cap}")
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
