"""The sections of a cell page that concern the whole gemeente: conditions and spaghetti.

Conditions are asked per gemeente (not per transitie) and the spaghetti of coordination
mechanisms is counted per gemeente (product.md §4.5–4.6), so these sections are the same on
every transitie page of a gemeente. Group rows are the document's (k-anonymity applied).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regiekompas.core.instrument import Instrument
from regiekompas.core.measures.spaghetti import mechanism_quadrant
from regiekompas.core.model import Model
from regiekompas.core.vocabulary import CONDITIONS
from regiekompas.web.results.charts import gemeente_conditions_svg, gemeente_spaghetti_svg
from regiekompas.web.results.formatting import (
    condition_name,
    group_name,
    number,
    quadrant_name,
    transitie_name,
)
from regiekompas.web.results.service import Results


def rows_for(rows: list[dict[str, Any]], **match: str) -> list[dict[str, Any]]:
    """The rows of a measure whose fields equal `match`."""
    return [r for r in rows if all(r.get(k) == v for k, v in match.items())]


def _group_key(code: str, order: dict[str, int]) -> tuple[int, str]:
    return (order.get(code, len(order)), code)


@dataclass(frozen=True)
class ConditionRow:
    name: str
    description: str
    score: str
    alpha: str
    n: int | None
    weakest: bool


@dataclass(frozen=True)
class ConditionGroupRow:
    name: str
    scores: list[str]


@dataclass(frozen=True)
class Spaghetti:
    n: int
    kwadranten: int
    entropie: str
    inconsistentie: int


@dataclass(frozen=True)
class MechanismRow:
    key: str
    name: str
    type: str
    transities: str
    cc: str
    dc: str
    quadrant: str
    placed: bool


def conditions_section(
    results: Results, gemeente: str, gemeente_name: str, model: Model, lang: str
) -> tuple[list[ConditionRow], list[ConditionGroupRow], SafeString | None]:
    rows = rows_for(results.rows("condities"), gemeente_code=gemeente)
    overall = {r["conditie"]: r for r in rows if r.get("groep") is None}
    scored = {c: r["score"] for c, r in overall.items() if r.get("score") is not None}
    weakest = min(scored, key=lambda c: (scored[c], c)) if scored else None
    conditions = []
    for code in CONDITIONS:
        row = overall.get(code)
        conditions.append(
            ConditionRow(
                name=condition_name(code, model, lang),
                description=model.condition(code).description.get(lang),
                score=number(row.get("score"), 0) if row else number(None),
                alpha=number(row.get("alpha")) if row else number(None),
                n=int(row["n"]) if row else None,
                weakest=code == weakest,
            )
        )
    by_group: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r.get("groep") is not None:
            by_group.setdefault(r["groep"], {})[r["conditie"]] = r
    group_order = {code: i for i, code in enumerate(model.group_codes)}
    condition_groups = [
        ConditionGroupRow(
            name=group_name(g, model, lang),
            scores=[
                _("%(score)s (n = %(n)s)")
                % {"score": number(scores[c].get("score"), 0), "n": scores[c]["n"]}
                if c in scores
                else number(None)
                for c in CONDITIONS
            ],
        )
        for g, scores in sorted(
            by_group.items(), key=lambda kv: (group_order.get(kv[0], 99), kv[0])
        )
    ]
    chart = None
    if overall:
        chart = mark_safe(  # built from escaped text by core.charts
            gemeente_conditions_svg(
                title=_("Conditions for collaboration in %(gemeente)s")
                % {"gemeente": gemeente_name},
                rows=[(condition_name(c, model, lang), overall.get(c)) for c in CONDITIONS],
                weakest=condition_name(weakest, model, lang) if weakest else None,
                id_prefix=f"condities-{gemeente}",
            )
        )
    return conditions if overall else [], condition_groups, chart


def spaghetti_section(
    results: Results,
    gemeente: str,
    gemeente_name: str,
    model: Model,
    instrument: Instrument,
    lang: str,
) -> tuple[Spaghetti | None, list[MechanismRow], SafeString | None]:
    spag_rows = rows_for(results.rows("spaghetti"), gemeente_code=gemeente)
    spaghetti = None
    if spag_rows:
        s = spag_rows[0]
        spaghetti = Spaghetti(
            n=int(s["n"]),
            kwadranten=int(s["kwadranten"]),
            entropie=number(s.get("entropie")),
            inconsistentie=int(s["transitie_inconsistentie"]),
        )
    catalogue = {m.code: m.name.get(lang) for m in instrument.mechanism_types}
    dutch = {m.code: m.name.nl for m in instrument.mechanism_types}
    mechanisms = sorted(
        (m for m in results.mechanismen if m.gemeente_code == gemeente),
        key=lambda m: (m.naam.casefold(), m.type),
    )
    rows = []
    placed = []
    for i, m in enumerate(mechanisms, 1):
        key = str(i)
        quadrant = mechanism_quadrant(m)
        is_placed = m.cc is not None and m.dc is not None
        name = m.naam
        if m.type in catalogue and m.naam in (m.type, dutch[m.type]):
            name = catalogue[m.type]  # a catalogue type reported by respondents
        rows.append(
            MechanismRow(
                key=key,
                name=name,
                type=catalogue.get(m.type, m.type),
                transities=", ".join(transitie_name(t, model, lang) for t in m.transities),
                cc=number(m.cc),
                dc=number(m.dc),
                quadrant=quadrant_name(quadrant, model, lang) if quadrant else _("not placed"),
                placed=is_placed,
            )
        )
        if is_placed and m.cc is not None and m.dc is not None:
            placed.append((key, name, float(m.cc), float(m.dc)))
    context = [
        (transitie_name(r["transitie"], model, lang), float(r["cc"]), float(r["dc"]))
        for r in rows_for(results.rows("cellen"), gemeente_code=gemeente, perspectief="praktijk")
        if r.get("cc") is not None and r.get("dc") is not None
    ]
    chart = None
    if placed:
        chart = mark_safe(  # built from escaped text by core.charts
            gemeente_spaghetti_svg(
                title=_("Coordination mechanisms in %(gemeente)s") % {"gemeente": gemeente_name},
                mechanisms=placed,
                context=context,
                model=model,
                lang=lang,
                id_prefix=f"spaghetti-{gemeente}",
            )
        )
    return spaghetti, rows, chart
