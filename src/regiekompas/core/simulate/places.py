"""Which gemeenten a simulated region holds, and in which (synthetic) regions they lie.

Twente comes first because a demo should show real names and real CBS codes that a Dutch
viewer recognises. Beyond its 14 gemeenten the simulation needs more places (up to all 342
for the national benchmark); those get codes from GM9001 up, which no real gemeente has, and
names that say they are simulated, so synthetic data can never be mistaken for real data.
"""

from __future__ import annotations

from typing import Final

from regiekompas.core.dataset import Gemeente

#: The 14 gemeenten of Twente with their CBS codes and names (as in the CBS list).
TWENTE: Final[tuple[tuple[str, str], ...]] = (
    ("GM0141", "Almelo"),
    ("GM0147", "Borne"),
    ("GM1774", "Dinkelland"),
    ("GM0153", "Enschede"),
    ("GM0158", "Haaksbergen"),
    ("GM0163", "Hellendoorn"),
    ("GM0164", "Hengelo (O.)"),
    ("GM1735", "Hof van Twente"),
    ("GM0168", "Losser"),
    ("GM0173", "Oldenzaal"),
    ("GM1742", "Rijssen-Holten"),
    ("GM0183", "Tubbergen"),
    ("GM1700", "Twenterand"),
    ("GM0189", "Wierden"),
)
TWENTE_REGIO: Final = "Twente"

#: Target size of a synthetic region (a typical youth-care purchasing region).
REGION_SIZE: Final = 14


def simulated_gemeenten(n: int) -> tuple[Gemeente, ...]:
    """The first `n` gemeenten: Twente, then synthetic ones in regions of about 14.

    The synthetic gemeenten are split over ceil((n − 14) / 14) regions as evenly as possible,
    named "Simulatieregio 2", "Simulatieregio 3", … (Twente is region 1).
    """
    twente = tuple(Gemeente(code, naam, TWENTE_REGIO) for code, naam in TWENTE[:n])
    rest = n - len(twente)
    if rest <= 0:
        return twente
    regions = -(-rest // REGION_SIZE)
    base, extra = divmod(rest, regions)
    out = list(twente)
    number = 0
    for r in range(regions):
        for _ in range(base + (1 if r < extra else 0)):
            number += 1
            out.append(
                Gemeente(
                    code=f"GM{9000 + number:04d}",
                    naam=f"Simulatiegemeente {number}",
                    regio=f"Simulatieregio {r + 2}",
                )
            )
    return tuple(out)


def region_count(n: int) -> int:
    """Number of regions `simulated_gemeenten(n)` spreads its gemeenten over."""
    return 1 + max(0, -(-(n - len(TWENTE)) // REGION_SIZE))


def regions_of(gemeenten: tuple[Gemeente, ...]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Regions in order of appearance, each with the indices of its gemeenten."""
    members: dict[str, list[int]] = {}
    for i, g in enumerate(gemeenten):
        members.setdefault(g.regio or "", []).append(i)
    return tuple((name, tuple(idx)) for name, idx in members.items())
