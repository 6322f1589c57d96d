"""Advice from the diagnosis: the rules of product.md §5 as data, applied to the results.

The rules — their conditions, thresholds, priorities, Dutch and English texts and the part
of the transitiemodel each rests on — live in `regels.toml`, so a domain expert can tune a
threshold or reword an advice without touching code; `load_rules` checks such a file
completely before use. `evaluate` applies the rules to the results document of §10 and
returns ranked advice; `advice_rows` gives its `advies` entries.

    rules = load_rules()
    advice = evaluate(results, names={"GM0766": "Dongen"})
    rows = advice_rows(advice, lang="nl")
"""

from regiekompas.core.advice._context import ModelLike
from regiekompas.core.advice._evaluate import Advice, advice_rows, evaluate
from regiekompas.core.advice._rules import Rule, Rules, load_rules, parse_rules

__all__ = [
    "Advice",
    "ModelLike",
    "Rule",
    "Rules",
    "advice_rows",
    "evaluate",
    "load_rules",
    "parse_rules",
]
