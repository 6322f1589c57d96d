"""Regionale versnippering: how many regimes a provider meets (docs/method.md, "Versnippering").

For each provider and transitie, the number of distinct praktijk quadrants over the
gemeenten it has contracts with that have a praktijk cell (`grens` not counted). A region's
figure is the mean over its providers weighted by their number of such contracts, plus the
unweighted share of providers that face three or more regimes. A provider working in
several regions is counted in each with the contracts it has there.

The dispersion per region and transitie is the mean distance of the gemeenten's praktijk
positions to their centroid, divided by 2√2.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from regiekompas.core.dataset import Contract
from regiekompas.core.measures.spaghetti import distinct_quadrants
from regiekompas.core.vocabulary import MAX_DISTANCE


@dataclass(frozen=True)
class ProviderRegimes:
    organisatie: str
    transitie: str
    gemeenten: int
    regimes: int
    #: The praktijk quadrant of each counted gemeente (code → kwadrant), in code order.
    per_gemeente: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Fragmentation:
    regio: str | None
    transitie: str
    gewogen_gemiddelde: float | None
    aandeel_3_of_meer: float | None
    spreiding: float | None


def provider_regimes(
    contracten: Sequence[Contract],
    praktijk: Mapping[tuple[str, str], str],
    gemeenten: set[str] | None = None,
) -> list[ProviderRegimes]:
    """Regimes per provider and transitie; `praktijk` maps (gemeente, transitie) → quadrant.

    When `gemeenten` is given only contracts with those gemeenten count (one region).
    """
    reached: dict[tuple[str, str], set[str]] = {}
    for c in contracten:
        if gemeenten is not None and c.gemeente_code not in gemeenten:
            continue
        if (c.gemeente_code, c.transitie) in praktijk:
            reached.setdefault((c.organisatie, c.transitie), set()).add(c.gemeente_code)
    rows = []
    for (org, transitie), codes in sorted(reached.items()):
        per_gemeente = tuple((code, praktijk[(code, transitie)]) for code in sorted(codes))
        rows.append(
            ProviderRegimes(
                org,
                transitie,
                len(codes),
                distinct_quadrants(q for _, q in per_gemeente),
                per_gemeente,
            )
        )
    return rows


def dispersion(points: Sequence[tuple[float, float]]) -> float | None:
    if not points:
        return None
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    mean = sum(math.hypot(p[0] - cx, p[1] - cy) for p in points) / len(points)
    return mean / MAX_DISTANCE


def fragmentation(
    regio: str | None,
    transitie: str,
    providers: Sequence[ProviderRegimes],
    praktijk_positions: Sequence[tuple[float, float]],
) -> Fragmentation:
    """The region figure for one transitie from its providers' regimes (that transitie)."""
    weighted = share = None
    relevant = [p for p in providers if p.transitie == transitie and p.gemeenten > 0]
    if relevant:
        weight = sum(p.gemeenten for p in relevant)
        weighted = sum(p.regimes * p.gemeenten for p in relevant) / weight
        share = sum(p.regimes >= 3 for p in relevant) / len(relevant)
    return Fragmentation(regio, transitie, weighted, share, dispersion(praktijk_positions))
