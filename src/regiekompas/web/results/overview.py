"""The region overview: gemeenten × transities with both quadrants per cell, and the region.

Only what the reader may see goes into the page: a gemeente viewer gets the rows of their
own gemeente(n) and the regional aggregates, a facilitator everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regiekompas.core.model import Model
from regiekompas.core.vocabulary import GRENS
from regiekompas.web.accounts.access import ResultsAccess
from regiekompas.web.results.advice import AdviceList, region_advice
from regiekompas.web.results.charts import praktijk_matrix_svg, region_arrows_svg
from regiekompas.web.results.formatting import (
    number,
    percent,
    quadrant_name,
    transitie_name,
)
from regiekompas.web.results.service import Results
from regiekompas.web.results.story import kwadranten_sentence


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
class PathRow:
    """A row of the table alternative of a region plot."""

    code: str
    name: str
    url: str
    ambitie: PositionSummary | None
    praktijk: PositionSummary | None
    kloof: str | None


@dataclass(frozen=True)
class TransitiePicture:
    """One transitie of the region: the arrows plot, its sentence and its table."""

    code: str
    name: str
    svg: SafeString
    sentence: str | None
    rows: list[PathRow]


@dataclass(frozen=True)
class ProviderLink:
    name: str
    url: str


@dataclass(frozen=True)
class Overview:
    transities: list[tuple[str, str]]
    rows: list[GemeenteRow]
    alpha: str | None
    fragmentation: list[FragmentationRow] = field(default_factory=list)
    providers: list[ProviderRow] = field(default_factory=list)
    advice: AdviceList = field(default_factory=AdviceList)
    pictures: list[TransitiePicture] = field(default_factory=list)
    matrix_svg: SafeString | None = None
    provider_links: list[ProviderLink] = field(default_factory=list)
    gemeente_links: list[tuple[str, str]] = field(default_factory=list)


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
    if row is None or not row.get("kwadrant"):
        return None  # no cell, or a small cell the document shows without a position
    return PositionSummary(
        quadrant=quadrant_name(row.get("kwadrant"), model, lang),
        n=int(row.get("n") or 0),
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
    """The region overview page of a reader: `overview_sections` with links."""
    scan = access.scan
    page = overview_sections(
        results,
        gemeenten,
        scan_transities(list(scan.transities), model),
        model,
        lang,
        facilitator=access.is_facilitator,
        scan_pk=scan.pk,
    )
    if access.is_facilitator:
        page = replace(page, provider_links=_provider_links(access, results))
    return page


def _url(name: str, scan_pk: int | None, *args: str) -> str:
    return reverse(name, args=[scan_pk, *args]) if scan_pk else ""


def overview_sections(
    results: Results,
    gemeenten: list[tuple[str, str]],
    transities: list[str],
    model: Model,
    lang: str,
    *,
    facilitator: bool,
    scan_pk: int | None = None,
) -> Overview:
    """The region's sections from the results document alone (no request, no queries).

    `gemeenten` are the (code, name) pairs the reader may see; `facilitator` adds what only
    facilitators see. `scan_pk` gives the links to the gemeente and cell pages; None leaves
    them out (PDF reports).
    """
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
                    url=_url("results:cell", scan_pk, code, t),
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
    if facilitator:
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
    advice = region_advice(results.advice, lang, facilitator=facilitator)
    pictures = _pictures(scan_pk, results, gemeenten, transities, cells, gaps, model, lang)
    matrix = None
    if gemeenten and cells:
        matrix = mark_safe(  # built from escaped text by core.charts
            praktijk_matrix_svg(
                title=_("Practice per gemeente and transitie"),
                description=_matrix_description(rows, model, lang),
                columns=[transitie_name(t, model, lang) for t in transities],
                rows=[
                    (name, [cells.get((code, t, "praktijk")) for t in transities])
                    for code, name in gemeenten
                ],
                model=model,
                lang=lang,
                id_prefix=f"matrix-{scan_pk or 0}",
            )
        )
    return Overview(
        transities=[(t, transitie_name(t, model, lang)) for t in transities],
        rows=rows,
        alpha=alpha,
        fragmentation=fragmentation,
        providers=providers,
        advice=advice,
        pictures=pictures,
        matrix_svg=matrix,
        gemeente_links=[
            (name, reverse("results:gemeente", args=[scan_pk, code])) for code, name in gemeenten
        ]
        if scan_pk
        else [],
    )


def _matrix_description(rows: list[GemeenteRow], model: Model, lang: str) -> str:
    parts = []
    for row in rows:
        cells = ", ".join(
            f"{c.transitie_name}: {c.praktijk.quadrant if c.praktijk else _('no data')}"
            for c in row.cells
        )
        parts.append(f"{row.name}: {cells}.")
    return " ".join(parts)


def _pictures(
    scan_pk: int | None,
    results: Results,
    gemeenten: list[tuple[str, str]],
    transities: list[str],
    cells: dict[tuple[str, str, str], dict[str, Any]],
    gaps: dict[tuple[str, str], dict[str, Any]],
    model: Model,
    lang: str,
) -> list[TransitiePicture]:
    counts: dict[str, dict[str, dict[str, Any]]] = {}
    for row in results.rows("kwadranten"):
        counts.setdefault(row["transitie"], {})[row["perspectief"]] = row
    pictures = []
    for t in transities:
        t_name = transitie_name(t, model, lang)
        paths = []
        table = []
        for code, name in gemeenten:
            amb, prak = cells.get((code, t, "ambitie")), cells.get((code, t, "praktijk"))
            if amb is None and prak is None:
                continue
            paths.append((name, amb, prak))
            gap = gaps.get((code, t))
            table.append(
                PathRow(
                    code=code,
                    name=name,
                    url=_url("results:cell", scan_pk, code, t),
                    ambitie=_summary(amb, model, lang),
                    praktijk=_summary(prak, model, lang),
                    kloof=number(gap["waarde"]) if gap and gap.get("waarde") is not None else None,
                )
            )
        if not paths:
            continue
        sentence = kwadranten_sentence(counts.get(t, {}), model, lang)
        description = sentence or _(
            "Ambition and practice of %(count)s gemeenten, with an arrow from ambition to practice."
        ) % {"count": len(paths)}
        svg = region_arrows_svg(
            title=_("%(transitie)s: ambition and practice per gemeente") % {"transitie": t_name},
            description=description,
            paths=paths,
            model=model,
            lang=lang,
            id_prefix=f"regio-{scan_pk or 0}-{t}",
        )
        pictures.append(
            TransitiePicture(
                code=t,
                name=t_name,
                svg=mark_safe(svg),  # built from escaped text by core.charts
                sentence=sentence,
                rows=table,
            )
        )
    return pictures


def _provider_links(access: ResultsAccess, results: Results) -> list[ProviderLink]:
    from regiekompas.web.results.providers import provider_names

    scan = access.scan
    return [
        ProviderLink(name, reverse("results:provider", args=[scan.pk, name]))
        for name in provider_names(scan, results)
    ]
