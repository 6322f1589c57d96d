"""Advice from the diagnosis: the rules of product.md §5 as data, applied to the results.

The rules — their conditions, thresholds, priorities, Dutch and English texts and the part
of the transitiemodel each rests on — live in `regels.toml`, so a domain expert can tune a
threshold or reword an advice without touching code; `load_rules` checks such a file
completely before use. `evaluate` applies the rules to the results document of §10 and
returns the advice — one item per rule and gemeente (or region), listing its transities,
ranked over the scan (`prioriteit`) and within its gemeente or region (`rang`), each with a
concrete first step; `advice_rows` gives its `advies` entries and `top_advice` the three
items a page, report or terminal shows first.

    rules = load_rules()
    advice = evaluate(results, names={"GM0766": "Dongen"})
    rows = advice_rows(advice, lang="nl")
    first = top_advice(advice, gemeente_scope("GM0766"))
"""

from regiekompas.core.advice._context import ModelLike
from regiekompas.core.advice._evaluate import Advice, advice_rows, evaluate
from regiekompas.core.advice._rules import Rule, Rules, load_rules, parse_rules
from regiekompas.core.advice._select import (
    TOP,
    Scope,
    gemeente_scope,
    in_scope,
    most_urgent,
    regio_scope,
    split_top,
    top_advice,
)

__all__ = [
    "TOP",
    "Advice",
    "ModelLike",
    "Rule",
    "Rules",
    "Scope",
    "advice_rows",
    "evaluate",
    "gemeente_scope",
    "in_scope",
    "load_rules",
    "most_urgent",
    "parse_rules",
    "regio_scope",
    "split_top",
    "top_advice",
]
