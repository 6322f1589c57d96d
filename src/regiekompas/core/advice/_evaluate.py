"""Applying the rules to a results document: one truth per rule and gemeente, ranked
(product.md §5; docs/method.md, "Advice").

Merging (product.md §5). A rule fires per entry of its scope — a cell, a gemeente ×
transitie, a region × transitie — but a reader should meet each rule once per gemeente (or
region). The firings of one rule for one gemeente are therefore one `Advice`: its text is the
rule's `tekst` with `{transities}` (the transities involved) and `{details}` (each firing's
`detail`, most severe first), and `transities` lists them.

Ranking. A firing scores `prioriteit x ernst`: the base priority of the rule times its
severity, an expression over the entry's figures in the rules file (typically how far past
its threshold the figure lies, e.g. `waarde / kloof_groot`). The severity is clamped to
1 … `max_ernst`, so a rule barely past its threshold keeps its base priority and an extreme
figure cannot push every other advice off the page. A merged advice scores its most severe
firing. The list is sorted by score (highest first), then by the number of transities
involved, gemeente code, rule code and text; `prioriteit` numbers the whole list 1 … N, and
`rang` numbers it within each scope — one gemeente, or one region for region-level advice —
so a gemeente page starts at 1. The same results always give the same ranking.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from regiekompas.core.advice import _scopes_cells as cells
from regiekompas.core.advice import _scopes_other as other
from regiekompas.core.advice._bands import band_label
from regiekompas.core.advice._catalogue import SCOPES
from regiekompas.core.advice._context import Context, Entry, ModelLike, Names
from regiekompas.core.advice._format import format_banded, format_threshold, format_value
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


_NO_STEP: Final = Text("", "")


@dataclass(frozen=True)
class Advice:
    """One piece of advice; `bron` is the model reference its text ends with.

    `transitie` is set when the advice is about exactly one transitie; `transities` lists
    every transitie it covers (empty for advice about a gemeente or region as a whole).
    """

    gemeente_code: str | None
    transitie: str | None
    regel: str
    prioriteit: int
    score: float
    tekst: Text
    bron: str
    #: The region a region-level advice is about (None for gemeente advice, or no regions).
    regio: str | None = None
    #: Rank within the scope (1 = most urgent for this gemeente, or this region).
    rang: int = 0
    #: The concrete first step: who does what first.
    eerste_stap: Text = _NO_STEP
    transities: tuple[str, ...] = ()

    @property
    def scope(self) -> tuple[str, str | None]:
        """("gemeente", code) or ("regio", name): the scope `rang` counts within."""
        if self.gemeente_code is not None:
            return ("gemeente", self.gemeente_code)
        return ("regio", self.regio)


@dataclass(frozen=True)
class _Firing:
    """One rule on one entry, before firings of the same rule and gemeente are merged."""

    rule: Rule
    entry: Entry
    score: float
    values: Mapping[str, Mapping[str, str]]
    bron: str


def evaluate(
    results: Mapping[str, Any],
    *,
    rules: Rules | None = None,
    model: ModelLike | None = None,
    names: Mapping[str, str] | None = None,
    regio_of: Mapping[str, str | None] | None = None,
    targets: Mapping[tuple[str, str], str] | None = None,
) -> list[Advice]:
    """Every rule on every entry of its scope; the advice that fires, merged and ranked.

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
        transitie_order=model.transitie_codes,
    )
    entries: dict[str, list[Entry]] = {}
    groups: dict[tuple[str | None, str | None, str], list[_Firing]] = {}
    thresholds = {
        lang: {name: format_threshold(value, lang) for name, value in rules.drempels.items()}
        for lang in LANGUAGES
    }
    for rule in rules.regels:
        if rule.scope not in entries:
            entries[rule.scope] = _BUILDERS[rule.scope](ctx)
        for entry in entries[rule.scope]:
            firing = _fire(rule, entry, rules, thresholds)
            if firing is not None:
                key = (entry.gemeente_code, entry.regio, rule.code)
                groups.setdefault(key, []).append(firing)
    found = [_merge(firings, ctx, model) for firings in groups.values()]
    found.sort(key=_rank_key)
    ranks: dict[tuple[str, str | None], int] = {}
    ranked = []
    for number, item in enumerate(found, 1):
        ranks[item.scope] = ranks.get(item.scope, 0) + 1
        ranked.append(dataclasses.replace(item, prioriteit=number, rang=ranks[item.scope]))
    return ranked


def _rank_key(advice: Advice) -> tuple[float, int, str, str, str, str]:
    return (
        -advice.score,
        -len(advice.transities),
        advice.gemeente_code or "",
        advice.regio or "",
        advice.regel,
        advice.tekst.nl,
    )


def _fire(
    rule: Rule,
    entry: Entry,
    rules: Rules,
    thresholds: Mapping[str, Mapping[str, str]],
) -> _Firing | None:
    if rule.als.evaluate(entry.figures) is not True:
        return None
    placeholders = {lang: _placeholders(rule, entry, thresholds[lang], lang) for lang in LANGUAGES}
    values = {lang: v for lang, v in placeholders.items() if v is not None}
    if len(values) != len(LANGUAGES):
        return None  # a figure the text needs is missing: say nothing rather than "?"
    severity = rule.ernst.evaluate(entry.figures) if rule.ernst is not None else None
    ernst = severity if isinstance(severity, float) else 1.0
    ernst = min(max(ernst, 1.0), rules.max_ernst)
    bron = rule.bron.format(
        **{name: entry.figures[name] for name in rule.needs if name in SCOPES[rule.scope].figures}
    )
    return _Firing(rule, entry, round(rule.prioriteit * ernst, 4), values, bron)


_AND: Final = {"nl": " en ", "en": " and "}


def _join(names: Sequence[str], lang: str) -> str:
    """'Jeugd', 'Jeugd en Wmo', 'Jeugd, Wmo en Participatie'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + _AND[lang] + names[-1]


def _merge(firings: list[_Firing], ctx: Context, model: ModelLike) -> Advice:
    """One advice from the firings of one rule for one gemeente (or region)."""
    order = {t: i for i, t in enumerate(ctx.transitie_order)}
    firings = sorted(
        firings,
        key=lambda f: (
            -f.score,
            order.get(f.entry.transitie or "", len(order)),
            f.entry.transitie or "",
        ),
    )
    head, rule = firings[0], firings[0].rule
    transities = tuple(dict.fromkeys(f.entry.transitie for f in firings if f.entry.transitie))
    texts: dict[str, str] = {}
    steps: dict[str, str] = {}
    for lang in LANGUAGES:
        values = dict(head.values[lang])
        if rule.detail is not None:
            names = [ctx.names.transitie(t).get(lang) for t in transities]
            values["transities"] = _join(names, lang)
            values["details"] = "; ".join(
                rule.detail.format(lang, **f.values[lang]) for f in firings
            )
        texts[lang] = f"{rule.tekst.format(lang, **values)} ({model.reference(head.bron, lang)})"
        steps[lang] = rule.eerste_stap.format(lang, **values)
    return Advice(
        gemeente_code=head.entry.gemeente_code,
        transitie=transities[0] if len(transities) == 1 else None,
        regel=rule.code,
        prioriteit=0,
        score=head.score,
        tekst=Text(nl=texts["nl"], en=texts["en"]),
        bron=head.bron,
        regio=head.entry.regio,
        eerste_stap=Text(nl=steps["nl"], en=steps["en"]),
        transities=transities,
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
        elif value is None or name not in scope.figures:
            return None
        else:
            figure = scope.figures[name]
            if figure.band is not None and isinstance(value, float):
                values[name] = format_banded(
                    value, figure.kind, lang, functools.partial(band_label, figure.band)
                )
            else:
                values[name] = format_value(value, figure.kind, lang)
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
            "rang": item.rang,
            "eerste_stap": item.eerste_stap.get(lang),
            "transities": list(item.transities),
        }
        for item in advice
    ]
