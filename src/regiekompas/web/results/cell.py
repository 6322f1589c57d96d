"""The page of one gemeente × transitie: positions, kloof, groups, conditions, spaghetti, advice.

Everything shown is read from the results document; group rows are the document's, which
already left out every group below k (and the complementary suppression of product.md §6).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regiekompas.core.instrument import Instrument
from regiekompas.core.measures.spaghetti import mechanism_quadrant
from regiekompas.core.model import Model
from regiekompas.core.vocabulary import CONDITIONS, PERSPECTIEVEN
from regiekompas.web.results.advice import AdviceItem, cell_advice
from regiekompas.web.results.charts import (
    cell_quadrant_svg,
    gemeente_conditions_svg,
    gemeente_spaghetti_svg,
    perspective_label,
)
from regiekompas.web.results.formatting import (
    condition_name,
    group_name,
    interval,
    number,
    quadrant_name,
    transitie_name,
)
from regiekompas.web.results.service import Results


@dataclass(frozen=True)
class PositionRow:
    perspectief: str
    n: int
    cc: str
    cc_ci: str
    dc: str
    dc_ci: str
    quadrant: str
    clear: bool


@dataclass(frozen=True)
class Kloof:
    value: str
    ci: str
    van: str
    naar: str


@dataclass(frozen=True)
class GroupRow:
    key: str
    name: str
    perspectief: str
    n: int
    cc: str
    dc: str
    rwg_cc: str
    rwg_dc: str


@dataclass(frozen=True)
class ConfusionRow:
    perspectief: str
    value: str | None
    groups: list[str]
    rwg_cc: str
    rwg_dc: str


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


@dataclass(frozen=True)
class CellPage:
    gemeente_code: str
    gemeente_name: str
    transitie: str
    transitie_name: str
    positions: list[PositionRow]
    kloof: Kloof | None
    quadrant_svg: SafeString
    groups: list[GroupRow]
    confusion: list[ConfusionRow]
    conditions: list[ConditionRow]
    condition_names: list[str]
    condition_groups: list[ConditionGroupRow]
    conditions_svg: SafeString | None
    spaghetti: Spaghetti | None
    mechanisms: list[MechanismRow]
    spaghetti_svg: SafeString | None
    advice: list[AdviceItem] = field(default_factory=list)

    @property
    def has_positions(self) -> bool:
        return bool(self.positions)


def _keys(codes: list[str]) -> dict[str, str]:
    """A short letter per group for the chart and the table (A, B, …, then AA, AB, …)."""
    letters = string.ascii_uppercase
    out = {}
    for i, code in enumerate(codes):
        out[code] = letters[i] if i < len(letters) else letters[i // 26 - 1] + letters[i % 26]
    return out


def _group_key(code: str, order: dict[str, int]) -> tuple[int, str]:
    return (order.get(code, len(order)), code)


def _for(rows: list[dict[str, Any]], **match: str) -> list[dict[str, Any]]:
    return [r for r in rows if all(r.get(k) == v for k, v in match.items())]


def build_cell_page(
    results: Results,
    *,
    gemeente: str,
    gemeente_name: str,
    transitie: str,
    model: Model,
    instrument: Instrument,
    lang: str,
) -> CellPage:
    t_name = transitie_name(transitie, model, lang)
    order = {p: i for i, p in enumerate(PERSPECTIEVEN)}
    cells = sorted(
        _for(results.rows("cellen"), gemeente_code=gemeente, transitie=transitie),
        key=lambda r: order.get(r["perspectief"], 9),
    )
    positions = [
        PositionRow(
            perspectief=perspective_label(r["perspectief"]),
            n=int(r["n"]),
            cc=number(r.get("cc")),
            cc_ci=interval(r.get("cc_ci")),
            dc=number(r.get("dc")),
            dc_ci=interval(r.get("dc_ci")),
            quadrant=quadrant_name(r.get("kwadrant"), model, lang),
            clear=bool(r.get("helder")),
        )
        for r in cells
    ]
    gap_rows = _for(results.rows("kloof"), gemeente_code=gemeente, transitie=transitie)
    gap = gap_rows[0] if gap_rows else None
    kloof = None
    if gap is not None:
        kloof = Kloof(
            value=number(gap.get("waarde")),
            ci=interval(gap.get("ci")),
            van=quadrant_name(gap.get("van"), model, lang),
            naar=quadrant_name(gap.get("naar"), model, lang),
        )

    group_rows = _for(results.rows("groepen"), gemeente_code=gemeente, transitie=transitie)
    group_order = {code: i for i, code in enumerate(model.group_codes)}
    present = sorted({r["groep"] for r in group_rows}, key=lambda g: (group_order.get(g, 99), g))
    keys = _keys(present)
    group_rows.sort(key=lambda r: (group_order.get(r["groep"], 99), order.get(r["perspectief"], 9)))
    groups = [
        GroupRow(
            key=keys[r["groep"]],
            name=group_name(r["groep"], model, lang),
            perspectief=perspective_label(r["perspectief"]),
            n=int(r["n"]),
            cc=number(r.get("cc")),
            dc=number(r.get("dc")),
            rwg_cc=number((r.get("rwg") or {}).get("cc")),
            rwg_dc=number((r.get("rwg") or {}).get("dc")),
        )
        for r in group_rows
    ]
    title = f"{gemeente_name} — {t_name}"
    svg = cell_quadrant_svg(
        title=_("Quadrant plot: %(cell)s") % {"cell": title},
        cells=cells,
        groups=[(keys[r["groep"]], group_name(r["groep"], model, lang), r) for r in group_rows],
        kloof=gap,
        model=model,
        lang=lang,
        id_prefix=f"kwadrant-{gemeente}-{transitie}",
    )

    confusion = [
        ConfusionRow(
            perspectief=perspective_label(r["perspectief"]),
            value=number(r["waarde"]) if r.get("waarde") is not None else None,
            groups=[group_name(g, model, lang) for g in r.get("groepen") or []],
            rwg_cc=number((r.get("rwg") or {}).get("cc")),
            rwg_dc=number((r.get("rwg") or {}).get("dc")),
        )
        for r in sorted(
            _for(results.rows("spraakverwarring"), gemeente_code=gemeente, transitie=transitie),
            key=lambda r: order.get(r["perspectief"], 9),
        )
    ]

    conditions, condition_groups, conditions_chart = _conditions(
        results, gemeente, gemeente_name, model, lang
    )
    spaghetti, mechanisms, spaghetti_chart = _spaghetti(
        results, gemeente, gemeente_name, model, instrument, lang
    )
    return CellPage(
        gemeente_code=gemeente,
        gemeente_name=gemeente_name,
        transitie=transitie,
        transitie_name=t_name,
        positions=positions,
        kloof=kloof,
        quadrant_svg=mark_safe(svg),  # built from escaped text by core.charts
        groups=groups,
        confusion=confusion,
        conditions=conditions,
        condition_names=[condition_name(c, model, lang) for c in CONDITIONS],
        condition_groups=condition_groups,
        conditions_svg=conditions_chart,
        spaghetti=spaghetti,
        mechanisms=mechanisms,
        spaghetti_svg=spaghetti_chart,
        advice=cell_advice(results.advice, lang, gemeente, transitie),
    )


def _conditions(
    results: Results, gemeente: str, gemeente_name: str, model: Model, lang: str
) -> tuple[list[ConditionRow], list[ConditionGroupRow], SafeString | None]:
    rows = _for(results.rows("condities"), gemeente_code=gemeente)
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


def _spaghetti(
    results: Results,
    gemeente: str,
    gemeente_name: str,
    model: Model,
    instrument: Instrument,
    lang: str,
) -> tuple[Spaghetti | None, list[MechanismRow], SafeString | None]:
    spag_rows = _for(results.rows("spaghetti"), gemeente_code=gemeente)
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
        for r in _for(results.rows("cellen"), gemeente_code=gemeente, perspectief="praktijk")
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
