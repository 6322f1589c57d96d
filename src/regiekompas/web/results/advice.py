"""Which advice a reader sees, and where (product.md §5).

Interface for the results pages (and later the PDF report):

- `cell_advice(advice, lang, gemeente, transitie)` — the advice of one gemeente that concerns
  this transitie or the gemeente as a whole;
- `gemeente_advice(advice, lang, gemeente)` — all advice of one gemeente;
- `region_advice(advice, lang, facilitator=…, regio=…)` — the region-level advice.

Each returns an `AdviceList`: a list of `AdviceItem` in order of urgency, whose `.top` are the
three items a page shows by default and `.rest` the others, for an "alle adviezen" list
behind `<details>` (works without JavaScript). `item.rank` is the advice's `rang`: 1 = most
urgent within the gemeente (or within the region for region advice), so a gemeente page
starts at 1 and "#2" on the cell page is the same item as "#2" on the gemeente page. The
three are chosen by `core.advice.top_advice`, the same function the terminal uses.

Region-level advice on fragmentation lists the praktijk quadrant of every gemeente, which is
more than a gemeente viewer may see (their own gemeente plus regional aggregates), so only
facilitators see it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from regiekompas.core.advice import (
    TOP,
    Advice,
    Scope,
    gemeente_scope,
    in_scope,
    load_rules,
    regio_scope,
)

#: Scopes whose region-level texts name the positions of individual gemeenten.
_PER_GEMEENTE_SCOPES: Final = frozenset({"versnippering"})


@dataclass(frozen=True)
class AdviceItem:
    """One advice as a page shows it: rank within its scope, text and first step."""

    rank: int
    text: str
    gemeente_code: str | None
    transitie: str | None
    first_step: str = ""
    transities: tuple[str, ...] = field(default=())
    #: Among the top three of its list (shown without opening "alle adviezen").
    shown: bool = True
    regel: str = ""


class AdviceList(list[AdviceItem]):
    """The advice of one scope, most urgent first; `.top` is shown, `.rest` on request."""

    @property
    def top(self) -> list[AdviceItem]:
        return [item for item in self if item.shown]

    @property
    def rest(self) -> list[AdviceItem]:
        return [item for item in self if not item.shown]


@functools.cache
def _scope_of() -> dict[str, str]:
    return {rule.code: rule.scope for rule in load_rules().regels}


def _listed(items: Iterable[Advice], lang: str, n: int) -> AdviceList:
    return AdviceList(
        AdviceItem(
            rank=a.rang,
            text=a.tekst.get(lang),
            gemeente_code=a.gemeente_code,
            transitie=a.transitie,
            first_step=a.eerste_stap.get(lang),
            transities=a.transities,
            shown=index < n,
            regel=a.regel,
        )
        for index, a in enumerate(items)
    )


def region_advice(
    advice: Iterable[Advice],
    lang: str,
    *,
    facilitator: bool,
    regio: str | None = None,
    n: int = TOP,
) -> AdviceList:
    """Advice about the region as a whole, by rank within the region.

    Without `regio`, every region-level item (a scan covers one region).
    """
    scopes = _scope_of()
    items = [a for a in advice if a.gemeente_code is None]
    if regio is not None:
        items = in_scope(items, regio_scope(regio))
    else:
        items = sorted(items, key=lambda a: (a.rang, a.prioriteit))
    visible = [a for a in items if facilitator or scopes.get(a.regel) not in _PER_GEMEENTE_SCOPES]
    return _listed(visible, lang, n)


def hidden_from_viewers(regel: str) -> bool:
    """Whether a region-level advice rule names other gemeenten' positions (shown to
    facilitators only, on pages and in downloads)."""
    return _scope_of().get(regel) in _PER_GEMEENTE_SCOPES


def gemeente_advice(
    advice: Iterable[Advice], lang: str, gemeente: str, *, n: int = TOP
) -> AdviceList:
    """All advice of one gemeente, by rank within the gemeente."""
    scope: Scope = gemeente_scope(gemeente)
    return _listed(in_scope(advice, scope), lang, n)


def cell_advice(
    advice: Iterable[Advice], lang: str, gemeente: str, transitie: str, *, n: int = TOP
) -> AdviceList:
    """Advice about this gemeente: for this transitie, or for the gemeente as a whole."""
    return _listed(in_scope(advice, gemeente_scope(gemeente), transitie=transitie), lang, n)
