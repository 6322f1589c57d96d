"""Codes (docs/method.md, "Notation") that data files, import files and results share.

These are identifiers of the data contract, not texts: labels and descriptions live in the
model data file (`core/model/transitiemodel.toml`).
"""

from __future__ import annotations

from typing import Final, Literal

Axis = Literal["cc", "dc"]
AXES: Final[tuple[Axis, Axis]] = ("cc", "dc")

PERSPECTIEVEN: Final[tuple[str, str]] = ("ambitie", "praktijk")

QUADRANTS: Final[tuple[str, ...]] = ("Afspreken", "Afstemmen", "Coördineren", "Sturen")
GRENS: Final = "grens"

CONDITIONS: Final[tuple[str, ...]] = (
    "gedeelde_ambitie",
    "belangen",
    "relaties",
    "vorm",
    "proces",
)

#: Largest distance in the [-1, 1]² plane; distances are divided by it to give 0 … 1.
MAX_DISTANCE: Final[float] = 2.0 * 2.0**0.5

#: Smallest k a scan may use (docs/method.md, "k-rules").
MIN_K: Final[int] = 3
DEFAULT_K: Final[int] = 5


def quadrant_of(cc: float, dc: float) -> str:
    """Quadrant from the signs of a position; exactly 0 on either axis is "op de grens"."""
    if cc != cc or dc != dc:  # NaN: no position
        return GRENS
    if cc == 0 or dc == 0:
        return GRENS
    if cc < 0:
        return "Afspreken" if dc < 0 else "Coördineren"
    return "Afstemmen" if dc < 0 else "Sturen"
