"""Applying the rules to a results document: ranked advice in Dutch and English.

Ranking. A rule that fires scores `prioriteit x ernst`: the base priority of the rule times
its severity, an expression over the entry's figures in the rules file (typically how far
past its threshold the figure lies, e.g. `waarde / kloof_groot`). The severity is clamped to
1 … `max_ernst`, so a rule barely past its threshold keeps its base priority and an extreme
figure cannot push every other advice off the page. The list is sorted by score (highest
first), ties by gemeente code, transitie, rule code and text, and numbered 1 … N: the same
results always give the same ranking.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from regiekompas.core.advice import _scopes_cells as cells
from regiekompas.core.advice import _scopes_other as other
from regiekompas.core.advice._catalogue import SCOPES
from regiekompas.core.advice._context import Context, Entry, ModelLike, Names
from regiekompas.core.advice._format import format_threshold, format_value
from regiekompas.core.advice._rules import Rule, Rules, load_rules
from regiekompas.core.text import DEFAULT_LANGUAGE, LANGUAGES, Text

_BUILDERS: Final[Mapping[str, Callable[[Context], list[Entry]]]] = {
    "cel": cells.cel,
    "kloof": cells.kloof,
    "spraakverwarring": cells.spraakverwarring,
    "bureaucratie": cells.bureaucratie,
    "inconsistentie": cells.inconsistentie,
    "doel": cells.doel,
    "gemeente_condities": other.gemeente_condities,
    "conditie_groepen": other.conditie_groepen,
    "spaghetti": other.spaghetti,
    "versnippering": other.versnippering,
    "regio": other.regio,
}


@dataclass(frozen=True)
class Advice:
    """One piece of advice; `bron` is the model reference its text ends with."""

    gemeente_code: str | None
    transitie: str | None
    regel: str
    prioriteit: int
    score: float
    tekst: Text
    bron: str
    #: The region a region-level advice is about (None for gemeente advice, or no regions).
    regio: str | None = None


def evaluate(
    results: Mapping[str, Any],
    *,
    rules: Rules | None = None,
    model: ModelLike | None = None,
    names: Mapping[str, str] | None = None,
    regio_of: Mapping[str, str | None] | None = None,
    targets: Mapping[tuple[str, str], str] | None = None,
) -> list[Advice]:
    """Every rule on every entry of its scope; the advice that fires, ranked (1 = first).

    `names` maps gemeente codes to display names (default: the code); `regio_of` maps them to
    their region (default: all gemeenten in the results form one region); `targets` holds the
    target quadrant the partners chose per (gemeente, transitie), which weighs the conditions
    and feeds the `doel` rules.
    """
    if model is None:
        from regiekompas.core.model import load_model

        model = load_model()
    rules = rules or load_rules()
    ctx = Context(
        results=results if isinstance(results, Mapping) else {},
        names=Names(model, names),
        gewichten=rules.gewichten,
        targets=dict(targets or {}),
        regio_of=regio_of,
    )
    entries: dict[str, list[Entry]] = {}
    found: list[Advice] = []
    thresholds = {
        lang: {name: format_threshold(value, lang) for name, value in rules.drempels.items()}
        for lang in LANGUAGES
    }
    for rule in rules.regels:
        if rule.scope not in entries:
            entries[rule.scope] = _BUILDERS[rule.scope](ctx)
        for entry in entries[rule.scope]:
            advice = _apply(rule, entry, rules, model, thresholds)
            if advice is not None:
                found.append(advice)
    found.sort(key=_rank_key)
    return [dataclasses.replace(item, prioriteit=rank) for rank, item in enumerate(found, 1)]


def _rank_key(advice: Advice) -> tuple[float, str, str, str, str]:
    return (
        -advice.score,
        advice.gemeente_code or "",
        advice.transitie or "",
        advice.regel,
        advice.tekst.nl,
    )


def _apply(
    rule: Rule,
    entry: Entry,
    rules: Rules,
    model: ModelLike,
    thresholds: Mapping[str, Mapping[str, str]],
) -> Advice | None:
    if rule.als.evaluate(entry.figures) is not True:
        return None
    placeholders = {lang: _placeholders(rule, entry, thresholds[lang], lang) for lang in LANGUAGES}
    if any(values is None for values in placeholders.values()):
        return None  # a figure the text needs is missing: say nothing rather than "?"
    severity = rule.ernst.evaluate(entry.figures) if rule.ernst is not None else None
    ernst = severity if isinstance(severity, float) else 1.0
    ernst = min(max(ernst, 1.0), rules.max_ernst)
    bron = rule.bron.format(
        **{name: entry.figures[name] for name in rule.needs if name in SCOPES[rule.scope].figures}
    )
    texts = {
        lang: f"{rule.tekst.format(lang, **values)} ({model.reference(bron, lang)})"
        for lang, values in placeholders.items()
        if values is not None
    }
    return Advice(
        gemeente_code=entry.gemeente_code,
        transitie=entry.transitie,
        regel=rule.code,
        prioriteit=0,
        score=round(rule.prioriteit * ernst, 4),
        tekst=Text(nl=texts["nl"], en=texts["en"]),
        bron=bron,
        regio=entry.regio,
    )


def _placeholders(
    rule: Rule, entry: Entry, thresholds: Mapping[str, str], lang: str
) -> dict[str, str] | None:
    """The texts for the rule's placeholders, or None when one of them is missing."""
    scope = SCOPES[rule.scope]
    values = dict(thresholds)
    for name in rule.needs:
        value = entry.figures.get(name)
        if name in entry.labels:
            values[name] = entry.labels[name].get(lang)
        elif value is None:
            return None
        else:
            values[name] = format_value(value, scope.figures[name].kind, lang)
    return values


def advice_rows(advice: Sequence[Advice], lang: str = DEFAULT_LANGUAGE) -> list[dict[str, Any]]:
    """The `advies` entries of the results document (product.md §10), in one language."""
    return [
        {
            "gemeente_code": item.gemeente_code,
            "transitie": item.transitie,
            "regel": item.regel,
            "prioriteit": item.prioriteit,
            "tekst": item.tekst.get(lang),
        }
        for item in advice
    ]
