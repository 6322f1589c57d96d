"""How many gemeenten sit in each quadrant, per region × transitie × perspectief.

The count behind the source's headline finding ("ambitions all in Sturen, practice spread,
nobody in Afspreken"): for every region, transitie and perspectief, the number of gemeenten
whose shown cell lies in each quadrant or on the border (`grens`), plus `niet_helder`: how
many of those cells have no heldere positie (a CI of cc or dc contains 0). Those cells are
also counted in their quadrant (docs/method.md, "Quadrant counts"). Cells suppressed by the
small-cell rule are not counted anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from regiekompas.core.vocabulary import GRENS, QUADRANTS


@dataclass(frozen=True)
class Placed:
    regio: str | None
    transitie: str
    perspectief: str
    kwadrant: str
    helder: bool


@dataclass
class QuadrantCount:
    regio: str | None
    transitie: str
    perspectief: str
    per_kwadrant: dict[str, int] = field(default_factory=dict)
    niet_helder: int = 0


def quadrant_counts(
    cells: Iterable[Placed], order: tuple[tuple[str, ...], tuple[str, ...]]
) -> list[QuadrantCount]:
    """One count per (regio, transitie, perspectief) that has at least one cell.

    `order` gives the transities and perspectieven in the model's order for the output;
    regions come sorted, the region without a name (`None`) last.
    """
    transities, perspectieven = order
    found: dict[tuple[str | None, str, str], QuadrantCount] = {}
    for cell in cells:
        key = (cell.regio, cell.transitie, cell.perspectief)
        count = found.get(key)
        if count is None:
            count = QuadrantCount(*key, per_kwadrant=dict.fromkeys((*QUADRANTS, GRENS), 0))
            found[key] = count
        count.per_kwadrant[cell.kwadrant] += 1
        count.niet_helder += not cell.helder

    def sort_key(key: tuple[str | None, str, str]) -> tuple[bool, str, int, int]:
        regio, transitie, perspectief = key
        return (
            regio is None,
            regio or "",
            transities.index(transitie) if transitie in transities else len(transities),
            perspectieven.index(perspectief) if perspectief in perspectieven else 0,
        )

    return [found[key] for key in sorted(found, key=sort_key)]
