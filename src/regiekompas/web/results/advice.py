"""Which advice a reader sees, and where.

Advice comes ranked over the whole scan (1 = most urgent). A page shows the advice about
what it is about, with the rank from that one ranking, so "#3" means the same everywhere.
Region-level advice on fragmentation lists the praktijk quadrant of every gemeente, which is
more than a gemeente viewer may see (their own gemeente plus regional aggregates), so only
facilitators see it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from regiekompas.core.advice import Advice, load_rules

#: Scopes whose region-level texts name the positions of individual gemeenten.
_PER_GEMEENTE_SCOPES: Final = frozenset({"versnippering"})


@dataclass(frozen=True)
class AdviceItem:
    rank: int
    text: str
    gemeente_code: str | None
    transitie: str | None


@functools.cache
def _scope_of() -> dict[str, str]:
    return {rule.code: rule.scope for rule in load_rules().regels}


def _item(advice: Advice, lang: str) -> AdviceItem:
    return AdviceItem(
        advice.prioriteit, advice.tekst.get(lang), advice.gemeente_code, advice.transitie
    )


def region_advice(advice: Iterable[Advice], lang: str, *, facilitator: bool) -> list[AdviceItem]:
    """Advice about the region as a whole, by rank."""
    scopes = _scope_of()
    return [
        _item(a, lang)
        for a in sorted(advice, key=lambda a: a.prioriteit)
        if a.gemeente_code is None
        and (facilitator or scopes.get(a.regel) not in _PER_GEMEENTE_SCOPES)
    ]


def cell_advice(
    advice: Iterable[Advice], lang: str, gemeente: str, transitie: str
) -> list[AdviceItem]:
    """Advice about this gemeente: for this transitie, or for the gemeente as a whole."""
    return [
        _item(a, lang)
        for a in sorted(advice, key=lambda a: a.prioriteit)
        if a.gemeente_code == gemeente and a.transitie in (transitie, None)
    ]
