"""Which advice a reader sees first: the top of each scope (product.md §5; docs/method.md,
"Advice").

Pages, reports and the terminal show the three most urgent items per scope by default and
the rest on request. A scope is one gemeente (its advice, `rang` 1 … n) or one region (the
region-level advice). These functions are the one place that choice is made, so the web
page, the terminal and a report show the same three.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from regiekompas.core.advice._evaluate import Advice

#: How many items a scope shows before "alle adviezen".
TOP: Final = 3

#: ("gemeente", code) or ("regio", name-or-None); see `Advice.scope`.
Scope = tuple[str, str | None]


def gemeente_scope(code: str) -> Scope:
    return ("gemeente", code)


def regio_scope(name: str | None) -> Scope:
    """The scope of a region's advice; None is the one unnamed region of a scan without one."""
    return ("regio", name)


def in_scope(
    advice: Iterable[Advice], scope: Scope, *, transitie: str | None = None
) -> list[Advice]:
    """Every item of `scope` by `rang`; with `transitie`, only the items about that transitie
    or about the gemeente as a whole (each keeps its `rang` within the gemeente)."""
    items = [a for a in advice if a.scope == scope]
    if transitie is not None:
        items = [a for a in items if not a.transities or transitie in a.transities]
    return sorted(items, key=lambda a: a.rang)


def top_advice(
    advice: Iterable[Advice], scope: Scope, n: int | None = TOP, *, transitie: str | None = None
) -> list[Advice]:
    """The `n` most urgent items of one scope (all with `n=None`), most urgent first."""
    items = in_scope(advice, scope, transitie=transitie)
    return items if n is None else items[:n]


def split_top(
    advice: Iterable[Advice], scope: Scope, n: int = TOP, *, transitie: str | None = None
) -> tuple[list[Advice], list[Advice]]:
    """(the top `n`, the rest) of one scope: what is shown, and what is behind "alle"."""
    items = in_scope(advice, scope, transitie=transitie)
    return items[:n], items[n:]


def most_urgent(advice: Sequence[Advice], *, regional: bool, n: int) -> list[Advice]:
    """The `n` most urgent items over all gemeenten (or all regions), at most one per rule,
    for an overview of a large scan that cannot list every gemeente's top 3."""
    seen: set[str] = set()
    out = []
    for item in sorted(advice, key=lambda a: a.prioriteit):
        if (item.gemeente_code is None) != regional or item.regel in seen:
            continue
        seen.add(item.regel)
        out.append(item)
        if len(out) == n:
            break
    return out
