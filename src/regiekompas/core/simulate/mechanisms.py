"""The coordination arrangements per gemeente (the "spaghetti", docs/method.md).

The source ties spaghetti to regie that differs per transitie, so the number of mechanisms
grows with the number of distinct planted practice quadrants of the gemeente: between
`mechanisms_min` and `mechanisms_max`, `mechanisms_per_regime` more per extra quadrant, plus
Poisson(`mechanisms_extra`). A mechanism serves one transitie (sometimes two, now and then
all) and its type usually fits that transitie's practice quadrant.

Import files are messy, and the importer must cope (docs/method.md, "Import files"), so the
rows vary the way real inventories do: most give a catalogue type only (placed by the type's
default), a share gives an explicit cc, dc, some use a type outside the catalogue with an explicit
placement, and now and then one has an unknown type and no placement at all (unplaced).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from regiekompas.core.dataset import Gemeente, Mechanisme
from regiekompas.core.instrument import Instrument, MechanismType
from regiekompas.core.simulate.network import PARTS
from regiekompas.core.simulate.params import SimulationParams
from regiekompas.core.simulate.positions import QUADRANT_SIGNS, PlantedPositions
from regiekompas.core.vocabulary import QUADRANTS

#: Arrangements outside the catalogue, as people name them in an inventory.
UNKNOWN_TYPES: tuple[str, ...] = (
    "Regiotafel",
    "Stuurgroep sociaal domein",
    "Kwartaalgesprek aanbieders",
    "Werkgroep toegang",
    "Convenant vroegsignalering",
    "Expertteam complexe zorg",
    "Platform eerstelijnszorg",
    "Ronde tafel armoede",
)
#: Chance that the mechanism's type follows its transitie's practice quadrant.
FITS_PRACTICE = 0.65
#: Sd of an explicit placement around the type's default.
PLACEMENT_JITTER = 0.12


@dataclass(frozen=True)
class MechanismRow:
    """A row of the `mechanismen` file: `cc`/`dc` None when the file leaves them empty."""

    gemeente_code: str
    naam: str
    type: str
    transities: tuple[str, ...]
    cc: float | None
    dc: float | None


def _placement(
    quadrant: str, center: tuple[float, float], rng: np.random.Generator
) -> tuple[float, float]:
    """A point near `center` that stays inside `quadrant`, rounded as a person would."""
    signs = QUADRANT_SIGNS[quadrant]
    out = []
    for sign, value in zip(signs, center, strict=True):
        jittered = abs(value + rng.normal(0.0, PLACEMENT_JITTER))
        out.append(round(sign * min(0.95, max(0.1, jittered)), 2))
    return out[0], out[1]


def _unique(name: str, used: set[str]) -> str:
    """`name`, or a neighbourhood variant of it ("… -Noord") when the gemeente has it already."""
    candidates = [name, *(name + part for part in PARTS[1:])]
    number = 2
    while True:
        for candidate in candidates:
            if candidate not in used:
                used.add(candidate)
                return candidate
        candidates = [f"{name} {number}"]
        number += 1


def draw_mechanisms(
    params: SimulationParams,
    instrument: Instrument,
    gemeenten: tuple[Gemeente, ...],
    positions: PlantedPositions,
    rng: np.random.Generator,
) -> tuple[MechanismRow, ...]:
    catalogue = instrument.mechanism_types
    by_quadrant: dict[str, list[MechanismType]] = {
        q: [m for m in catalogue if m.quadrant == q] for q in QUADRANTS
    }
    unknown = [t for t in UNKNOWN_TYPES if instrument.match_mechanism_type(t) is None]
    transities = params.transitie_order
    n_t = len(transities)
    inconsistency = positions.inconsistency()
    rows: list[MechanismRow] = []

    for g, gemeente in enumerate(gemeenten):
        count = (
            params.mechanisms_min
            + params.mechanisms_per_regime * (int(inconsistency[g]) - 1)
            + rng.poisson(params.mechanisms_extra)
        )
        count = int(min(params.mechanisms_max, max(params.mechanisms_min, round(count))))
        names: set[str] = set()
        for _ in range(count):
            size = int(rng.choice([1, 2, n_t], p=[0.6, 0.3, 0.1])) if n_t > 1 else 1
            chosen = sorted(rng.choice(n_t, size=min(size, n_t), replace=False).tolist())
            served = tuple(transities[t] for t in chosen)
            quadrant = QUADRANTS[int(positions.praktijk_regime[g, chosen[0]])]
            if rng.random() >= FITS_PRACTICE or not by_quadrant[quadrant] or not catalogue:
                quadrant = QUADRANTS[int(rng.integers(len(QUADRANTS)))]
            pool: list[MechanismType] = by_quadrant[quadrant] or list(catalogue)

            u = rng.random()
            cc: float | None = None
            dc: float | None = None
            outside = params.mechanism_unplaced + params.mechanism_unknown
            if unknown and (not pool or u < outside):
                kind = label = unknown[int(rng.integers(len(unknown)))]
                if u >= params.mechanism_unplaced:
                    cc, dc = _placement(quadrant, (0.5, 0.5), rng)
            else:
                mtype = pool[int(rng.integers(len(pool)))]
                kind, label = mtype.code, mtype.name.nl
                if u < outside + params.mechanism_explicit:
                    cc, dc = _placement(mtype.quadrant, (mtype.cc, mtype.dc), rng)
            name = _unique(f"{label} {gemeente.naam}", names)
            rows.append(MechanismRow(gemeente.code, name, kind, served, cc, dc))
    return tuple(rows)


def as_mechanismen(
    rows: tuple[MechanismRow, ...], instrument: Instrument
) -> tuple[Mechanisme, ...]:
    """The `Dataset` form: catalogue types placed by their default when no cc, dc is given."""
    out = []
    for row in rows:
        mtype = instrument.match_mechanism_type(row.type)
        cc, dc = row.cc, row.dc
        if cc is None and mtype is not None:
            cc, dc = mtype.cc, mtype.dc
        out.append(
            Mechanisme(
                gemeente_code=row.gemeente_code,
                naam=row.naam,
                type=mtype.code if mtype is not None else row.type,
                transities=row.transities,
                cc=cc,
                dc=dc,
            )
        )
    return tuple(out)
