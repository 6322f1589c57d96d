"""The page of one gemeente × transitie: positions, kloof, groups, conditions, spaghetti, advice.

Everything shown is read from the results document; group rows are the document's, which
already left out every group below k (and the complementary suppression of product.md §6).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regiekompas.core.instrument import Instrument
from regiekompas.core.model import Model
from regiekompas.core.vocabulary import CONDITIONS, PERSPECTIEVEN
from regiekompas.web.results.advice import AdviceItem, cell_advice
from regiekompas.web.results.charts import cell_quadrant_svg, perspective_label
from regiekompas.web.results.formatting import (
    condition_name,
    group_name,
    interval,
    number,
    quadrant_name,
    transitie_name,
)
from regiekompas.web.results.gemeente_sections import (
    ConditionGroupRow,
    ConditionRow,
    MechanismRow,
    Spaghetti,
    conditions_section,
    rows_for,
    spaghetti_section,
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


def _keys(codes: list[str]) -> dict[str, str]:
    """A short letter per group for the chart and the table (A, B, …, then AA, AB, …)."""
    letters = string.ascii_uppercase
    out = {}
    for i, code in enumerate(codes):
        out[code] = letters[i] if i < len(letters) else letters[i // 26 - 1] + letters[i % 26]
    return out


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
        rows_for(results.rows("cellen"), gemeente_code=gemeente, transitie=transitie),
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
    gap_rows = rows_for(results.rows("kloof"), gemeente_code=gemeente, transitie=transitie)
    gap = gap_rows[0] if gap_rows else None
    kloof = None
    if gap is not None:
        kloof = Kloof(
            value=number(gap.get("waarde")),
            ci=interval(gap.get("ci")),
            van=quadrant_name(gap.get("van"), model, lang),
            naar=quadrant_name(gap.get("naar"), model, lang),
        )

    group_rows = rows_for(results.rows("groepen"), gemeente_code=gemeente, transitie=transitie)
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
            rows_for(results.rows("spraakverwarring"), gemeente_code=gemeente, transitie=transitie),
            key=lambda r: order.get(r["perspectief"], 9),
        )
    ]

    conditions, condition_groups, conditions_chart = conditions_section(
        results, gemeente, gemeente_name, model, lang
    )
    spaghetti, mechanisms, spaghetti_chart = spaghetti_section(
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
