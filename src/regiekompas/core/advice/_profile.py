"""Which condition matters most for a gemeente, given the regie it has chosen, and which
is simply the lowest (docs/method.md, "Advice").

Each form of regie leans on some of the five conditions more than on others (Afspreken on
relationships and a shared ambition, Sturen on a fitting organisational and legal form, and
so on); the rules file holds a weight per quadrant and condition. A condition's weakness is
its shortfall from the maximum score times its weight:

    zwakte(c) = (100 - score(c)) * w(c)

The most decisive condition (`Profile.weakest`) is the one with the largest weighted
shortfall (ties: the order of the five conditions in the model); the lowest
(`Profile.lowest`) is the argmin of the scores. Texts name them differently. For a
gemeente with several transities, w(c) is the mean of the weights of the quadrants of its
transities — each transitie counts once — where a transitie's quadrant is the target
position the partners chose, else its ambitie quadrant; transities on the border or without
either are left out, and with none left every condition weighs 1. So the most decisive
condition is not always the lowest: a gemeente that chose Sturen hears that its
organisational form matters most, next to the slightly lower score on relationships, each
named for what it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from regiekompas.core.vocabulary import CONDITIONS


@dataclass(frozen=True)
class Position:
    """The quadrant a transitie's conditions are weighted by, and where it came from."""

    transitie: str
    kwadrant: str
    is_target: bool


@dataclass(frozen=True)
class Profile:
    scores: Mapping[str, float]
    weights: Mapping[str, float]
    positions: tuple[Position, ...]
    weakest: str
    lowest: str

    @property
    def mean(self) -> float:
        return sum(self.scores.values()) / len(self.scores)

    def weakness(self, condition: str) -> float:
        return (100.0 - self.scores[condition]) * self.weights[condition]


def condition_profile(
    scores: Mapping[str, float],
    positions: Sequence[Position],
    gewichten: Mapping[str, Mapping[str, float]],
) -> Profile | None:
    """The weighted weakest and raw lowest condition; None without any condition score."""
    known = [c for c in CONDITIONS if c in scores]
    if not known:
        return None
    used = [p for p in positions if p.kwadrant in gewichten]
    weights = {
        c: (sum(gewichten[p.kwadrant][c] for p in used) / len(used) if used else 1.0)
        for c in CONDITIONS
    }
    order = {c: i for i, c in enumerate(CONDITIONS)}
    weakest = max(known, key=lambda c: ((100.0 - scores[c]) * weights[c], -order[c]))
    lowest = min(known, key=lambda c: (scores[c], order[c]))
    return Profile(
        scores={c: scores[c] for c in known},
        weights=weights,
        positions=tuple(used),
        weakest=weakest,
        lowest=lowest,
    )
