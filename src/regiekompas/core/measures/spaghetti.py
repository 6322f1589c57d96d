"""The spaghetti of coordination arrangements and transitie-inconsistentie.

See docs/method.md, "Spaghetti".

Per gemeente: the number of mechanisms N, the number of distinct quadrants Q they sit in and
the Shannon entropy (bits) of their quadrant shares — 0 when all sit in one quadrant, 2 when
they are spread evenly over all four. Mechanisms that are unplaced or lie on an axis count
in N but not in Q or the entropy.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from regiekompas.core.dataset import Mechanisme
from regiekompas.core.vocabulary import GRENS, quadrant_of


def mechanism_quadrant(mechanism: Mechanisme) -> str | None:
    """Quadrant of a placed mechanism; None when it has no placement."""
    if mechanism.cc is None or mechanism.dc is None:
        return None
    return quadrant_of(mechanism.cc, mechanism.dc)


def entropy_bits(counts: Iterable[int]) -> float:
    values = [c for c in counts if c > 0]
    total = sum(values)
    if total == 0:
        return 0.0
    return max(0.0, -sum(c / total * math.log2(c / total) for c in values))


def distinct_quadrants(quadrants: Iterable[str | None]) -> int:
    """Number of distinct quadrants, not counting `grens` or missing."""
    return len({q for q in quadrants if q is not None and q != GRENS})


@dataclass(frozen=True)
class Spaghetti:
    gemeente_code: str
    n: int
    kwadranten: int
    entropie: float
    transitie_inconsistentie: int


def spaghetti(
    gemeenten: Sequence[str],
    mechanismen: Sequence[Mechanisme],
    praktijk_quadrants: Mapping[str, Sequence[str]],
) -> list[Spaghetti]:
    """One row per gemeente (those given plus any that only appear among the mechanisms).

    `praktijk_quadrants` maps a gemeente code to the praktijk quadrants of its transities.
    """
    by_gemeente: dict[str, list[str | None]] = {}
    for m in mechanismen:
        by_gemeente.setdefault(m.gemeente_code, []).append(mechanism_quadrant(m))
    rows = []
    for code in sorted(set(gemeenten) | set(by_gemeente)):
        quadrants = by_gemeente.get(code, [])
        placed = Counter(q for q in quadrants if q is not None and q != GRENS)
        rows.append(
            Spaghetti(
                gemeente_code=code,
                n=len(quadrants),
                kwadranten=len(placed),
                entropie=entropy_bits(placed.values()),
                transitie_inconsistentie=distinct_quadrants(praktijk_quadrants.get(code, ())),
            )
        )
    return rows
