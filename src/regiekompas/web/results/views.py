"""Results pages: thin views over `service.scan_results` and the page builders.

Access goes through `results_access` (404 for a scan the user may not see at all) and
`may_see_gemeente` (404 for another gemeente's page), so a gemeente viewer can neither read
nor detect the cells of other gemeenten. Pages are marked not to be cached by browsers or
proxies, as they show survey results.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from regiekompas.core.model import load_model
from regiekompas.web.accounts.access import results_access
from regiekompas.web.results.cell import build_cell_page
from regiekompas.web.results.formatting import current_lang, transitie_name
from regiekompas.web.results.overview import build_overview, visible_gemeenten
from regiekompas.web.results.service import NoAnswers, Results, scan_results
from regiekompas.web.scans.models import Scan


def _results(scan: Scan, lang: str) -> Results | None:
    try:
        return scan_results(scan, lang)
    except NoAnswers:
        return None


@never_cache
@login_required
def overview(request: HttpRequest, scan_pk: int) -> HttpResponse:
    access = results_access(request.user, scan_pk)
    scan = access.scan
    lang = current_lang()
    model = load_model()
    results = _results(scan, lang)
    gemeenten = visible_gemeenten(access, scan.region.gemeente_names(), results)
    page = build_overview(access, results, gemeenten, model, lang) if results else None
    return render(
        request,
        "results/overview.html",
        {
            "scan": scan,
            "region": scan.region,
            "access": access,
            "page": page,
            "settings_used": results.settings if results else None,
            "snapshot": results.snapshot if results else None,
        },
    )


@never_cache
@login_required
def cell(request: HttpRequest, scan_pk: int, gemeente: str, transitie: str) -> HttpResponse:
    access = results_access(request.user, scan_pk)
    scan = access.scan
    if not access.may_see_gemeente(gemeente) or transitie not in scan.transities:
        raise Http404
    lang = current_lang()
    model = load_model()
    results = _results(scan, lang)
    names = dict(results.names) if results else {}
    names.update(scan.region.gemeente_names())
    if gemeente not in names:
        raise Http404
    page = None
    if results is not None:
        page = build_cell_page(
            results,
            gemeente=gemeente,
            gemeente_name=names[gemeente],
            transitie=transitie,
            model=model,
            instrument=scan.instrument(),
            lang=lang,
        )
    return render(
        request,
        "results/cell.html",
        {
            "scan": scan,
            "region": scan.region,
            "access": access,
            "page": page,
            "gemeente_name": names[gemeente],
            "transitie_name": transitie_name(transitie, model, lang),
            "k": scan.k,
            "snapshot": results.snapshot if results else None,
        },
    )
