"""Providers and their contracts: who works where, for which transitie.

Regional fragmentation (docs/method.md, "Versnippering") only shows when providers work for
several gemeenten that organise regie differently, so the network follows the field's shape
(docs/method.md, "Simulated regions"): per region a few regional aanbieders contracted by
most gemeenten, many local ones contracted by their home gemeente and up to two neighbours,
a welfare organisation rooted in (about) every gemeente, and one health insurer per region. Every
gemeente is guaranteed an aanbieder for every simulated transitie and a welfare
organisation, so each stakeholder group can always be sampled.

Names are Dutch-sounding but fictitious ("Jeugdzorg Twente-Noord", "Stichting Welzijn
Losser"); a simulated provider must never be mistaken for a real one's figures.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np

from regiekompas.core.dataset import Contract, Gemeente, Organisatie
from regiekompas.core.simulate.params import SimulationParams
from regiekompas.core.simulate.places import REGION_SIZE, regions_of

#: Provider name templates per primary transitie and for welfare organisations.
NAME_TEMPLATES: dict[str, tuple[str, ...]] = {
    "jeugd": (
        "Jeugdzorg {p}",
        "Jeugdhulp {p}",
        "Stichting Gezinsbegeleiding {p}",
        "Kinder- en Jeugdpraktijk {p}",
        "Jeugd en Gezin {p}",
        "Pleegzorg {p}",
        "Opvoedpoli {p}",
    ),
    "wmo": (
        "Thuiszorg {p}",
        "Dagbesteding {p}",
        "Stichting Begeleid Wonen {p}",
        "Huishoudelijke Hulp {p}",
        "Zorggroep {p}",
        "Ambulante Begeleiding {p}",
        "Steunpunt Mantelzorg {p}",
    ),
    "participatie": (
        "Werkbedrijf {p}",
        "Re-integratie {p}",
        "Leerwerkcentrum {p}",
        "Sociale Firma {p}",
        "Jobcoaching {p}",
    ),
    "eerste_lijn": (
        "Huisartsencoöperatie {p}",
        "Wijkverpleging {p}",
        "Gezondheidscentrum {p}",
        "Fysiotherapie {p}",
        "Eerstelijnszorg {p}",
    ),
    "welzijn": (
        "Stichting Welzijn {p}",
        "Welzijnswerk {p}",
        "Buurtwerk {p}",
        "Sociaal Werk {p}",
    ),
}
INSURER_NAMES: tuple[str, ...] = (
    "Zorgverzekeraar Noordoost",
    "Zorgverzekeraar Zuidwest",
    "Zorgverzekeraar Midden",
    "Zorgverzekeraar Randstad",
)
PARTS: tuple[str, ...] = ("", "-Noord", "-Zuid", "-Oost", "-West", "-Midden")

#: Relative number of local aanbieders per transitie (youth care and Wmo have the most).
LOCAL_WEIGHTS: dict[str, float] = {
    "jeugd": 0.35,
    "wmo": 0.35,
    "participatie": 0.12,
    "eerste_lijn": 0.18,
}
#: Chance that a local provider is also contracted by 0, 1 or 2 neighbouring gemeenten.
LOCAL_REACH: tuple[float, float, float] = (0.5, 0.3, 0.2)
WELZIJN_REACH: tuple[float, float, float] = (0.7, 0.25, 0.05)
#: Chance that a provider serves a second transitie.
SECOND_TRANSITIE_REGIONAL = 0.3
SECOND_TRANSITIE_LOCAL = 0.15
#: The transities an insurer and a welfare organisation take part in, when simulated.
INSURER_TRANSITIES: frozenset[str] = frozenset({"wmo", "eerste_lijn"})
WELZIJN_TRANSITIES: frozenset[str] = frozenset({"jeugd", "wmo", "participatie"})
#: Providers per gemeente in the default region (80 for Twente's 14).
PROVIDERS_PER_GEMEENTE = 80 / REGION_SIZE


@dataclass
class Provider:
    """A provider with the transities it serves and the gemeenten that contract it."""

    naam: str
    type: str
    transities: set[int]
    gemeenten: set[int] = field(default_factory=set)


@dataclass(frozen=True, eq=False)
class Network:
    providers: tuple[Provider, ...]
    transities: tuple[str, ...]

    def organisaties(self) -> tuple[Organisatie, ...]:
        return tuple(Organisatie(p.naam, p.type) for p in self.providers)

    def contracten(self, gemeenten: tuple[Gemeente, ...]) -> tuple[Contract, ...]:
        return tuple(
            Contract(p.naam, gemeenten[g].code, self.transities[t])
            for p in self.providers
            for g in sorted(p.gemeenten)
            for t in sorted(p.transities)
        )

    @functools.cached_property
    def _by_gemeente(self) -> dict[tuple[int, str], list[int]]:
        index: dict[tuple[int, str], list[int]] = {}
        for i in sorted(range(len(self.providers)), key=lambda i: self.providers[i].naam):
            provider = self.providers[i]
            for g in provider.gemeenten:
                index.setdefault((g, provider.type), []).append(i)
        return index

    def contracted(self, gemeente: int, kind: str) -> list[int]:
        """Indices of the providers of type `kind` a gemeente contracts, in name order."""
        return list(self._by_gemeente.get((gemeente, kind), []))


def default_aanbieders(n_gemeenten: int) -> int:
    return max(2, round(PROVIDERS_PER_GEMEENTE * n_gemeenten))


class _Namer:
    """Hands out unique provider names, trying templates and places in a random order."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def name(self, kind: str, places: list[str]) -> str:
        templates = NAME_TEMPLATES[kind]
        order = self.rng.permutation(len(templates))
        for place in places:
            for i in order:
                candidate = templates[int(i)].format(p=place)
                if candidate not in self.used:
                    self.used.add(candidate)
                    return candidate
        number = 2
        while True:
            candidate = f"{templates[int(order[0])].format(p=places[0])} {number}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
            number += 1


def _split(total: int, sizes: list[int]) -> list[int]:
    """Split `total` proportionally to `sizes` (largest remainder), at least 2 per part."""
    n = sum(sizes)
    raw = [total * s / n for s in sizes]
    parts = [max(2, int(r)) for r in raw]
    remainders = sorted(range(len(sizes)), key=lambda i: (int(raw[i]) - raw[i], i))
    i = 0
    while sum(parts) < total:
        parts[remainders[i % len(parts)]] += 1
        i += 1
    while sum(parts) > total:  # the floor of 2 overshot: take from the largest part
        parts[parts.index(max(parts))] -= 1
    return parts


def build_network(
    params: SimulationParams, gemeenten: tuple[Gemeente, ...], rng: np.random.Generator
) -> Network:
    transities = params.transitie_order
    n_t = len(transities)
    regions = regions_of(gemeenten)
    total = params.aanbieders or default_aanbieders(len(gemeenten))
    budgets = _split(total, [len(members) for _, members in regions])
    namer = _Namer(rng)
    providers: list[Provider] = []

    welzijn_t = {i for i, t in enumerate(transities) if t in WELZIJN_TRANSITIES} or set(range(n_t))
    local_w = np.asarray([LOCAL_WEIGHTS[t] for t in transities])
    local_w = local_w / local_w.sum()

    def ring(members: tuple[int, ...], home: int, extra: int) -> set[int]:
        pos = members.index(home)
        return {members[(pos + k) % len(members)] for k in range(extra + 1)}

    def with_second(first: int, chance: float) -> set[int]:
        served = {first}
        if n_t > 1 and rng.random() < chance:
            others = [t for t in range(n_t) if t != first]
            served.add(others[int(rng.integers(len(others)))])
        return served

    for (regio, members), budget in zip(regions, budgets, strict=True):
        n_welzijn = min(budget - 1, max(1, round(params.welzijn_share * budget)))
        n_regional = min(budget - n_welzijn, max(1, round(params.regional_share * budget)))
        n_local = budget - n_welzijn - n_regional
        region_providers: list[Provider] = []

        for w in range(n_welzijn):
            home = members[w % len(members)]
            extra = int(rng.choice(3, p=WELZIJN_REACH))
            place = gemeenten[home].naam
            region_providers.append(
                Provider(
                    namer.name("welzijn", [place, *(place + s for s in PARTS[1:])]),
                    "welzijn",
                    set(welzijn_t),
                    ring(members, home, extra),
                )
            )
        for r in range(n_regional):
            first = r % n_t
            contracted = {g for g in members if rng.random() < params.regional_reach}
            if len(contracted) < min(2, len(members)):
                picks = rng.choice(len(members), size=min(2, len(members)), replace=False)
                contracted |= {members[int(i)] for i in picks}
            region_providers.append(
                Provider(
                    namer.name(transities[first], [regio + s for s in PARTS]),
                    "aanbieder",
                    with_second(first, SECOND_TRANSITIE_REGIONAL),
                    contracted,
                )
            )
        for _ in range(n_local):
            home = members[int(rng.integers(len(members)))]
            first = int(rng.choice(n_t, p=local_w))
            extra = int(rng.choice(3, p=LOCAL_REACH))
            place = gemeenten[home].naam
            region_providers.append(
                Provider(
                    namer.name(transities[first], [place, *(place + s for s in PARTS[1:])]),
                    "aanbieder",
                    with_second(first, SECOND_TRANSITIE_LOCAL),
                    ring(members, home, extra),
                )
            )
        _cover(region_providers, members, n_t)
        providers.extend(region_providers)

    providers.extend(_insurers(params, gemeenten, regions))
    return Network(tuple(providers), transities)


def _cover(providers: list[Provider], members: tuple[int, ...], n_t: int) -> None:
    """Give every gemeente an aanbieder per transitie and a welfare organisation."""
    aanbieders = [p for p in providers if p.type == "aanbieder"]
    welzijn = [p for p in providers if p.type == "welzijn"]
    for pos, g in enumerate(members):
        for t in range(n_t):
            if any(g in p.gemeenten and t in p.transities for p in aanbieders):
                continue
            serving = [p for p in aanbieders if t in p.transities]
            if serving:
                # the one that already works for most gemeenten: a regional provider
                best = max(serving, key=lambda p: (len(p.gemeenten), p.naam))
            else:
                best = aanbieders[0]
                best.transities.add(t)
            best.gemeenten.add(g)
        if welzijn and not any(g in p.gemeenten for p in welzijn):
            welzijn[pos % len(welzijn)].gemeenten.add(g)


def _insurers(
    params: SimulationParams,
    gemeenten: tuple[Gemeente, ...],
    regions: tuple[tuple[str, tuple[int, ...]], ...],
) -> list[Provider]:
    transities = params.transitie_order
    served = {i for i, t in enumerate(transities) if t in INSURER_TRANSITIES} or set(
        range(len(transities))
    )
    count = params.zorgverzekeraars or min(len(INSURER_NAMES), len(regions))
    insurers = [
        Provider(
            INSURER_NAMES[i] if i < len(INSURER_NAMES) else f"Zorgverzekeraar {i + 1}",
            "zorgverzekeraar",
            set(served),
        )
        for i in range(count)
    ]
    if count <= len(regions):  # one insurer per region, as with a preferred insurer
        for r, (_, members) in enumerate(regions):
            insurers[r % count].gemeenten.update(members)
    else:
        for g in range(len(gemeenten)):
            insurers[g % count].gemeenten.add(g)
    return insurers
