"""Downloads of a scan's published results: the workbook (XLSX), the same tables as CSV files
(zip), and every chart of the results pages as SVG or PNG.

Figures come from `results.service.scan_results` (the latest published snapshot, k-rules
applied when the document was built) and the files from `core.export.workbook`, which
neutralises formulas. A reader gets what the results pages show them (`accounts.access`):
a facilitator the whole document; a gemeente viewer the rows of their own gemeenten and the
regional aggregates, without the per-provider table and without region advice that names
other gemeenten' positions (as on the pages).

A chart is cut out of the results page it appears on, rendered by that page's own view for
this user: so a chart download shows exactly the picture on the page, with the page's access
rules, and no chart is built a second way. PNG is rendered from that SVG by resvg.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.text import slugify
from django.views.decorators.cache import never_cache

from regiekompas.core.export.workbook import csv_zip, workbook_bytes
from regiekompas.core.results.tables import tables
from regiekompas.web.accounts.access import ResultsAccess, results_access
from regiekompas.web.results.advice import hidden_from_viewers
from regiekompas.web.results.formatting import current_lang
from regiekompas.web.results.service import NoAnswers, Results, ResultsPending, scan_results

#: Results pages whose charts can be downloaded (URL names in the `results` namespace).
CHART_PAGES: Final = frozenset({"overview", "gemeente", "cell", "provider"})
_CHART_ID: Final = re.compile(r"[A-Za-z0-9_.:-]{1,150}")
#: PNG size: twice the SVG's own size, sharp enough for slides.
PNG_ZOOM: Final = 2.0


def visible_document(
    results: Results, access: ResultsAccess
) -> tuple[dict[str, Any], dict[str, str]]:
    """The results document and gemeente names as far as this reader may see them."""
    document = dict(results.document)
    every = dict(results.names)
    every.update(access.scan.region.gemeente_names())  # the names as the pages show them
    names = {code: name for code, name in every.items() if access.may_see_gemeente(code)}
    if access.is_facilitator:
        return document, names
    for t in tables():
        rows = document.get(t.name) or []
        if "gemeente_code" in t.field_names:
            rows = [
                r
                for r in rows
                if not r.get("gemeente_code") or access.may_see_gemeente(r["gemeente_code"])
            ]
        document[t.name] = rows
    document["aanbieders"] = []  # per provider: facilitators only, as on the pages
    document["advies"] = [
        r
        for r in document.get("advies") or []
        if r.get("gemeente_code") or not hidden_from_viewers(str(r.get("regel", "")))
    ]
    return document, names


def _visible_row(row: Mapping[str, Any], access: ResultsAccess) -> bool:
    code = row.get("gemeente_code")
    return not code or access.may_see_gemeente(str(code))


def _results_or_none(request: HttpRequest, scan_pk: int) -> tuple[ResultsAccess, Results | None]:
    access = results_access(request.user, scan_pk)
    try:
        return access, scan_results(access.scan, current_lang())
    except ResultsPending:
        return access, None
    except NoAnswers:
        raise Http404 from None


def _attachment(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(results: Results, access: ResultsAccess, extension: str) -> str:
    number = results.snapshot.number if results.snapshot is not None else 0
    base = slugify(access.scan.name) or "scan"
    return f"resultaten-{base}-{number}.{extension}"


@never_cache
@login_required
def results_xlsx(request: HttpRequest, scan_pk: int) -> HttpResponse:
    """The published results as a workbook (names, "lees mij", filters, frozen headers)."""
    access, results = _results_or_none(request, scan_pk)
    if results is None:  # being computed: the results page says so and refreshes
        return redirect("results:overview", scan_pk)
    document, names = visible_document(results, access)
    data = workbook_bytes(document, gemeenten=names, lang=current_lang())
    return _attachment(
        data,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _filename(results, access, "xlsx"),
    )


@never_cache
@login_required
def results_csv(request: HttpRequest, scan_pk: int) -> HttpResponse:
    """The same tables as UTF-8 CSV files in a zip, with `lees_mij.csv`."""
    access, results = _results_or_none(request, scan_pk)
    if results is None:
        return redirect("results:overview", scan_pk)
    document, names = visible_document(results, access)
    data = csv_zip(document, gemeenten=names, lang=current_lang())
    return _attachment(data, "application/zip", _filename(results, access, "csv.zip"))


def cut_chart(html: str, chart_id: str) -> str | None:
    """The SVG element on a page whose accessible name has the id `<chart_id>-title`."""
    marker = f'aria-labelledby="{chart_id}-title {chart_id}-desc"'
    at = html.find(marker)
    if at < 0:
        return None
    start = html.rfind("<svg", 0, at)
    end = html.find("</svg>", at)
    if start < 0 or end < 0:
        return None
    return html[start : end + len("</svg>")]


def chart_id_of(svg: str) -> str | None:
    """The id prefix of a chart made by `core.charts` (see `cut_chart`)."""
    found = re.search(r'aria-labelledby="([^" ]+)-title ', svg[:2000])
    return found.group(1) if found else None


@never_cache
@login_required
def chart(request: HttpRequest, scan_pk: int, fmt: str) -> HttpResponse:
    """One chart of a results page of the scan as SVG or PNG: `?pagina=` the page's path below
    the scan's results (empty for the overview), `&grafiek=` the chart's id."""
    page = request.GET.get("pagina", "")
    chart_id = request.GET.get("grafiek", "")
    if fmt not in ("svg", "png") or not _CHART_ID.fullmatch(chart_id) or "?" in page:
        raise Http404
    try:
        match = resolve(reverse("results:overview", args=[scan_pk]) + page)
    except Resolver404:
        raise Http404 from None
    if (
        match.namespace != "results"
        or match.url_name not in CHART_PAGES
        or match.kwargs.get("scan_pk") != scan_pk
    ):
        raise Http404
    # The page's own view, for this user: its access checks decide (404 for anyone else).
    response = match.func(request, *match.args, **match.kwargs)
    if response.status_code != 200:
        raise Http404
    svg = cut_chart(response.content.decode(), chart_id)
    if svg is None:
        raise Http404
    if fmt == "svg":
        data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg).encode()
        return _attachment(data, "image/svg+xml", f"{chart_id}.svg")
    return _attachment(png(svg), "image/png", f"{chart_id}.png")


def png(svg: str) -> bytes:
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, zoom=PNG_ZOOM, background="#ffffff"))


def chart_links(request: HttpRequest | None, svg: Any) -> Mapping[str, str] | None:
    """The SVG and PNG download URLs of a chart on the current results page (None outside
    one, e.g. in a PDF report, which renders the same section templates)."""
    if request is None or not svg:
        return None
    match = getattr(request, "resolver_match", None)
    if match is None or match.namespace != "results" or match.url_name not in CHART_PAGES:
        return None
    chart_id = chart_id_of(str(svg))
    scan_pk = match.kwargs.get("scan_pk")
    if chart_id is None or not _CHART_ID.fullmatch(chart_id) or not isinstance(scan_pk, int):
        return None
    base = reverse("results:overview", args=[scan_pk])
    page = request.path[len(base) :] if request.path.startswith(base) else ""
    query = urlencode({"pagina": page, "grafiek": chart_id})
    return {
        fmt: f"{reverse('reports:chart', args=[scan_pk, fmt])}?{query}" for fmt in ("svg", "png")
    }
