"""The region overview: gemeenten × transities with both quadrants per cell, and the region.

Only what the reader may see goes into the page: a gemeente viewer gets the rows of their
own gemeente(n) and the regional aggregates, a facilitator everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from regiekompas.core.model import Model
from regiekompas.core.vocabulary import GRENS
from regiekompas.web.accounts.access import ResultsAccess
from regiekompas.web.results.advice import AdviceItem, region_advice
from regiekompas.web.results.formatting import (
    number,
    percent,
    quadrant_name,
    transitie_name,
)
from regiekompas.web.results.service import Results


@dataclass(frozen=True)
class PositionSummary:
    quadrant: str
    n: int
    clear: bool
    on_border: bool


@dataclass(frozen=True)
class CellSummary:
    transitie: str
    transitie_name: str
    url: str
    ambitie: PositionSummary | None
    praktijk: PositionSummary | None
    kloof: str | None


@dataclass(frozen=True)
class GemeenteRow:
    code: str
    name: str
    respondents: int
    cells: list[CellSummary]
    inconsistentie: int | None


@dataclass(frozen=True)
class FragmentationRow:
    transitie: str
    gewogen: str
    aandeel: str
    spreiding: str


@dataclass(frozen=True)
class ProviderRow:
    organisatie: str
    transitie: str
    gemeenten: int
    regimes: int


@dataclass(frozen=True)
class Overview:
    transities: list[tuple[str, str]]
    rows: list[GemeenteRow]
    alpha: str | None
    fragmentation: list[FragmentationRow] = field(default_factory=list)
    providers: list[ProviderRow] = field(default_factory=list)
    advice: list[AdviceItem] = field(default_factory=list)


def scan_transities(transities: list[str], model: Model) -> list[str]:
    """The scan's transities in the model's order (unknown ones last)."""
    order = list(model.transitie_codes)
    return sorted(transities, key=lambda t: (order.index(t) if t in order else len(order), t))


def visible_gemeenten(
    access: ResultsAccess, region_names: dict[str, str], results: Results | None
) -> list[tuple[str, str]]:
    """(code, name) of the gemeenten the reader may see, by name."""
    names = dict(results.names) if results else {}
    names.update(region_names)
    return sorted(
        ((code, name) for code, name in names.items() if access.may_see_gemeente(code)),
        key=lambda item: (item[1].casefold(), item[0]),
    )


def _summary(row: dict[str, Any] | None, model: Model, lang: str) -> PositionSummary | None:
    if row is None:
        return None
    return PositionSummary(
        quadrant=quadrant_name(row.get("kwadrant"), model, lang),
        n=int(row["n"]),
        clear=bool(row.get("helder")),
        on_border=row.get("kwadrant") == GRENS,
    )


def build_overview(
    access: ResultsAccess,
    results: Results,
    gemeenten: list[tuple[str, str]],
    model: Model,
    lang: str,
) -> Overview:
    scan = access.scan
    transities = scan_transities(list(scan.transities), model)
    cells = {
        (c["gemeente_code"], c["transitie"], c["perspectief"]): c for c in results.rows("cellen")
    }
    gaps = {(g["gemeente_code"], g["transitie"]): g for g in results.rows("kloof")}
    spaghetti = {s["gemeente_code"]: s for s in results.rows("spaghetti")}
    rows = []
    for code, name in gemeenten:
        summaries = []
        for t in transities:
            gap = gaps.get((code, t))
            summaries.append(
                CellSummary(
                    transitie=t,
                    transitie_name=transitie_name(t, model, lang),
                    url=reverse("results:cell", args=[scan.pk, code, t]),
                    ambitie=_summary(cells.get((code, t, "ambitie")), model, lang),
                    praktijk=_summary(cells.get((code, t, "praktijk")), model, lang),
                    kloof=number(gap["waarde"]) if gap and gap.get("waarde") is not None else None,
                )
            )
        spag = spaghetti.get(code)
        rows.append(
            GemeenteRow(
                code=code,
                name=name,
                respondents=results.respondents.get(code, 0),
                cells=summaries,
                inconsistentie=spag.get("transitie_inconsistentie") if spag else None,
            )
        )
    alphas = [r.get("alpha_groepen") for r in results.rows("regio")]
    alpha = number(alphas[0]) if alphas and alphas[0] is not None else None
    fragmentation = [
        FragmentationRow(
            transitie=transitie_name(r["transitie"], model, lang),
            gewogen=number(r.get("gewogen_gemiddelde")),
            aandeel=percent(r.get("aandeel_3_of_meer")),
            spreiding=number(r.get("spreiding")),
        )
        for r in results.rows("versnippering")
    ]
    providers = []
    if access.is_facilitator:
        providers = [
            ProviderRow(
                organisatie=str(p["organisatie"]),
                transitie=transitie_name(p["transitie"], model, lang),
                gemeenten=int(p["gemeenten"]),
                regimes=int(p["regimes"]),
            )
            for p in sorted(
                results.rows("aanbieders"), key=lambda p: (-p["regimes"], p["organisatie"])
            )
        ]
    return Overview(
        transities=[(t, transitie_name(t, model, lang)) for t in transities],
        rows=rows,
        alpha=alpha,
        fragmentation=fragmentation,
        providers=providers,
        advice=region_advice(results.advice, lang, facilitator=access.is_facilitator),
    )
