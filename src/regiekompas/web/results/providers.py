"""The provider lens: which regime of regie an organisation meets in each of its gemeenten.

A provider working for eight gemeenten may meet four ways of being directed for the same
transitie (product.md §4.7, versnippering). Its page lists its gemeenten with their
praktijk quadrant per transitie, and its number of regimes next to the regional mean.

Which gemeenten are "its" gemeenten: the region's `contracten` import when the region has
one (the document's `aanbieders` rows, product.md §10), or else the gemeenten each of the
organisation's respondents answered for — the page says which. In the second case the
document has no `aanbieders` rows, so the regimes are counted by the same core functions
that build them (`core.measures.fragmentation`) on those derived contracts and the
document's praktijk quadrants; nothing is counted in this module itself.

Facilitators only: the page names the position of every gemeente of the region.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regiekompas.core.dataset import Contract
from regiekompas.core.measures.fragmentation import fragmentation, provider_regimes
from regiekompas.core.model import Model
from regiekompas.core.vocabulary import GRENS
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.results.charts import praktijk_matrix_svg
from regiekompas.web.results.formatting import MISSING, number, quadrant_name, transitie_name
from regiekompas.web.results.service import Results
from regiekompas.web.scans.models import Scan

Source = Literal["contracten", "respondenten"]

#: Groups that speak for a gemeente, not for an organisation that is directed by one.
_GEMEENTE_GROUPS = frozenset({"gemeente_bestuur", "gemeente_beleid", "gemeente_inkoop"})


@dataclass(frozen=True)
class ProviderCell:
    quadrant: str
    clear: bool


@dataclass(frozen=True)
class ProviderGemeente:
    code: str
    name: str
    cells: list[ProviderCell | None]


@dataclass(frozen=True)
class RegimeRow:
    transitie: str
    gemeenten: int
    regimes: int
    mean: str


@dataclass(frozen=True)
class ProviderPage:
    organisatie: str
    source: Source
    transities: list[tuple[str, str]]
    gemeenten: list[ProviderGemeente]
    regimes: list[RegimeRow] = field(default_factory=list)
    matrix_svg: SafeString | None = None


@dataclass(frozen=True)
class ProviderSummary:
    organisatie: str
    gemeenten: int
    regimes: dict[str, int]


def _source(scan: Scan) -> Source:
    return "contracten" if scan.region.contracten.exists() else "respondenten"


def _contracts(scan: Scan, source: Source) -> list[Contract]:
    """The contracts of the page's source: imported, or derived from the respondents."""
    if source == "contracten":
        return [
            Contract(o, g, t)
            for o, g, t in scan.region.contracten.values_list(
                "organisatie", "gemeente_code", "transitie"
            )
        ]
    derived: set[tuple[str, str, str]] = set()
    rows = (
        Respondent.objects.filter(scan=scan, revoked_at__isnull=True)
        .exclude(organisatie="")
        .exclude(groep__in=_GEMEENTE_GROUPS)
        .values_list("organisatie", "gemeenten", "transities")
    )
    for organisatie, gemeenten, transities in rows:
        for g in gemeenten or ():
            for t in transities or scan.transities:
                derived.add((organisatie, g, t))
    return [Contract(o, g, t) for o, g, t in sorted(derived)]


def _praktijk(results: Results) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (c["gemeente_code"], c["transitie"]): c
        for c in results.rows("cellen")
        if c["perspectief"] == "praktijk" and c.get("kwadrant")
    }


def provider_names(scan: Scan, results: Results) -> list[str]:
    """The organisations that get a provider page, by name."""
    names = {c.organisatie for c in _contracts(scan, _source(scan))}
    return sorted(names, key=lambda n: (n.casefold(), n))


def provider_summaries(scan: Scan, results: Results) -> tuple[Source, list[ProviderSummary]]:
    """Per organisation: its gemeenten with a practice position and regimes per transitie."""
    source = _source(scan)
    contracts = _contracts(scan, source)
    rows = _regime_rows(results, contracts, source)
    by_org: dict[str, dict[str, int]] = {}
    reach: dict[str, set[str]] = {}
    for r in rows:
        by_org.setdefault(r["organisatie"], {})[r["transitie"]] = int(r["regimes"])
    praktijk = _praktijk(results)
    for c in contracts:
        if (c.gemeente_code, c.transitie) in praktijk:
            reach.setdefault(c.organisatie, set()).add(c.gemeente_code)
    names = sorted({c.organisatie for c in contracts}, key=lambda n: (n.casefold(), n))
    return source, [
        ProviderSummary(name, len(reach.get(name, ())), by_org.get(name, {})) for name in names
    ]


def _regime_rows(
    results: Results, contracts: Iterable[Contract], source: Source
) -> list[dict[str, Any]]:
    if source == "contracten":
        return results.rows("aanbieders")
    quadrants = {key: row["kwadrant"] for key, row in _praktijk(results).items()}
    return [
        {"organisatie": p.organisatie, "transitie": p.transitie, "regimes": p.regimes,
         "gemeenten": p.gemeenten}
        for p in provider_regimes(list(contracts), quadrants)
    ]  # fmt: skip


def _regional_means(
    results: Results, contracts: list[Contract], source: Source, transities: list[str]
) -> dict[str, float | None]:
    if source == "contracten":
        return {r["transitie"]: r.get("gewogen_gemiddelde") for r in results.rows("versnippering")}
    praktijk = _praktijk(results)
    quadrants = {key: row["kwadrant"] for key, row in praktijk.items()}
    regimes = provider_regimes(contracts, quadrants)
    return {t: fragmentation(None, t, regimes, []).gewogen_gemiddelde for t in transities}


def build_provider_page(
    scan: Scan,
    results: Results,
    organisatie: str,
    transities: list[str],
    names: dict[str, str],
    model: Model,
    lang: str,
) -> ProviderPage | None:
    """The page of one organisation; None when it has no gemeenten in this scan."""
    source = _source(scan)
    contracts = _contracts(scan, source)
    own = [c for c in contracts if c.organisatie == organisatie]
    if not own:
        return None
    cells = {
        (c["gemeente_code"], c["transitie"]): c
        for c in results.rows("cellen")
        if c["perspectief"] == "praktijk"
    }
    if source == "contracten":
        # The document's own list of this provider's gemeenten and quadrants (§10
        # `aanbieders.per_gemeente`); a cell it leaves out (small cell) is not shown.
        listed = {
            (g, r["transitie"])
            for r in results.rows("aanbieders")
            if r["organisatie"] == organisatie
            for g in (r.get("per_gemeente") or {})
        }
        cells = {key: cell for key, cell in cells.items() if key in listed}
    per_transitie: dict[str, set[str]] = {}
    for c in own:
        per_transitie.setdefault(c.transitie, set()).add(c.gemeente_code)
    # Only the transities it works in: a column of dashes says nothing.
    transities = [t for t in transities if t in per_transitie] or transities
    codes = sorted(
        {c.gemeente_code for c in own}, key=lambda g: (str(names.get(g, g)).casefold(), g)
    )
    gemeenten = []
    matrix_rows = []
    for code in codes:
        row_cells: list[ProviderCell | None] = []
        raw: list[dict[str, Any] | None] = []
        for t in transities:
            cell = cells.get((code, t)) if code in per_transitie.get(t, ()) else None
            if cell is not None and cell.get("kwadrant"):
                row_cells.append(
                    ProviderCell(
                        quadrant_name(cell["kwadrant"], model, lang),
                        bool(cell.get("helder")) or cell["kwadrant"] == GRENS,
                    )
                )
                raw.append(cell)
            else:
                row_cells.append(None)
                raw.append(None)
        gemeenten.append(ProviderGemeente(code, names.get(code, code), row_cells))
        matrix_rows.append((names.get(code, code), raw))

    regime_rows = {
        r["transitie"]: r
        for r in _regime_rows(results, contracts, source)
        if r["organisatie"] == organisatie
    }
    means = _regional_means(results, contracts, source, transities)
    regimes = [
        RegimeRow(
            transitie=transitie_name(t, model, lang),
            gemeenten=int(regime_rows[t]["gemeenten"]),
            regimes=int(regime_rows[t]["regimes"]),
            mean=number(means.get(t)) if means.get(t) is not None else MISSING,
        )
        for t in transities
        if t in regime_rows
    ]
    columns = [transitie_name(t, model, lang) for t in transities]
    matrix = mark_safe(  # built from escaped text by core.charts
        praktijk_matrix_svg(
            title=_("Practice quadrant per gemeente of %(organisation)s")
            % {"organisation": organisatie},
            description=" ".join(
                f"{g.name}: "
                + ", ".join(
                    f"{col}: {cell.quadrant if cell else _('not contracted or no data')}"
                    for col, cell in zip(columns, g.cells, strict=True)
                )
                + "."
                for g in gemeenten
            ),
            columns=columns,
            rows=matrix_rows,
            model=model,
            lang=lang,
            id_prefix="aanbieder-matrix",
        )
    )
    return ProviderPage(
        organisatie=organisatie,
        source=source,
        transities=[(t, transitie_name(t, model, lang)) for t in transities],
        gemeenten=gemeenten,
        regimes=regimes,
        matrix_svg=matrix,
    )
