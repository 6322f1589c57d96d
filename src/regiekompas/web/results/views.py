"""Results pages: thin views over `service.scan_results` and the page builders.

Access goes through `results_access` (404 for a scan the user may not see at all) and
`may_see_gemeente` (404 for another gemeente's page), so a gemeente viewer can neither read
nor detect the cells of other gemeenten. Pages are marked not to be cached by browsers or
proxies, as they show survey results. While the results of a new snapshot are computed in the
background (`service.ResultsPending`), every results page says so and refreshes itself.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from regiekompas.core.model import load_model
from regiekompas.web.accounts.access import ResultsAccess, results_access
from regiekompas.web.documents.summary import gemeente_ambition
from regiekompas.web.results.advice import gemeente_advice
from regiekompas.web.results.cell import build_cell_page
from regiekompas.web.results.cycle_sections import gemeente_cycle, region_movement
from regiekompas.web.results.formatting import current_lang, transitie_name
from regiekompas.web.results.gemeente import build_gemeente_page
from regiekompas.web.results.overview import build_overview, scan_transities, visible_gemeenten
from regiekompas.web.results.providers import build_provider_page, provider_summaries
from regiekompas.web.results.quotes import Quotes, gemeente_quotes
from regiekompas.web.results.quotes import hide_quote as hide
from regiekompas.web.results.service import NoAnswers, Results, ResultsPending, scan_results
from regiekompas.web.scans.models import Scan


def _results(scan: Scan, lang: str) -> Results | None:
    """The published results; None when nothing is published (`ResultsPending` passes)."""
    try:
        return scan_results(scan, lang)
    except ResultsPending:
        raise
    except NoAnswers:
        return None


def _pending_page(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Show "being computed" (refreshing itself) instead of the page while results are
    computed in the background; access was checked by the view before it asked."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, scan_pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, scan_pk, *args, **kwargs)
        except ResultsPending as pending:
            access = results_access(request.user, scan_pk)
            return render(
                request,
                "results/pending.html",
                {
                    "scan": access.scan,
                    "region": access.scan.region,
                    "access": access,
                    "job": pending.job,
                },
            )

    return wrapper


@never_cache
@login_required
@_pending_page
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
            "movement": region_movement(
                scan, results.document if results else None, gemeenten, model, lang
            ),
        },
    )


@never_cache
@login_required
@_pending_page
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


@never_cache
@login_required
@_pending_page
def gemeente(request: HttpRequest, scan_pk: int, gemeente: str) -> HttpResponse:
    access = results_access(request.user, scan_pk)
    scan = access.scan
    if not access.may_see_gemeente(gemeente):
        raise Http404
    lang = current_lang()
    model = load_model()
    results = _results(scan, lang)
    names = dict(results.names) if results else {}
    names.update(scan.region.gemeente_names())
    if gemeente not in names:
        raise Http404
    # Policy documents are the region's, shown to whoever may see this gemeente's page.
    documents = gemeente_ambition(scan.region_id, gemeente, model, lang)
    page = None
    if results is not None:
        instrument = scan.instrument()
        quotes = Quotes()
        if results is not None:
            quotes = gemeente_quotes(
                scan,
                gemeente,
                names[gemeente],
                instrument,
                lang,
                snapshot=getattr(results, "snapshot", None),
            )
        page = build_gemeente_page(
            results,
            scan_pk=scan.pk,
            gemeente=gemeente,
            gemeente_name=names[gemeente],
            transities=scan_transities(list(scan.transities), model),
            model=model,
            instrument=instrument,
            lang=lang,
            quotes=quotes,
            advice=gemeente_advice(results.advice, lang, gemeente),
            documents=documents.ambition if documents else None,
        )
    return render(
        request,
        "results/gemeente.html",
        {
            "scan": scan,
            "region": scan.region,
            "access": access,
            "page": page,
            "gemeente_name": names[gemeente],
            "k": scan.k,
            "cycle": gemeente_cycle(
                scan, gemeente, results.document if results else None, model, lang
            ),
            "documents": documents,
            "gemeente_code": gemeente,
        },
    )


def _facilitator_access(request: HttpRequest, scan_pk: int) -> ResultsAccess:
    """Results access of a facilitator; 404 for anyone else (the per-provider pages name
    every gemeente's position, which a gemeente viewer may not see)."""
    access = results_access(request.user, scan_pk)
    if not access.is_facilitator:
        raise Http404
    return access


@never_cache
@login_required
@_pending_page
def providers(request: HttpRequest, scan_pk: int) -> HttpResponse:
    access = _facilitator_access(request, scan_pk)
    scan = access.scan
    lang = current_lang()
    model = load_model()
    results = _results(scan, lang)
    transities = scan_transities(list(scan.transities), model)
    source, rows = provider_summaries(scan, results) if results else ("contracten", [])
    return render(
        request,
        "results/providers.html",
        {
            "scan": scan,
            "region": scan.region,
            "access": access,
            "has_results": results is not None,
            "source": source,
            "transities": [(t, transitie_name(t, model, lang)) for t in transities],
            "rows": [
                (
                    row,
                    reverse("results:provider", args=[scan.pk, row.organisatie]),
                    [row.regimes.get(t) for t in transities],
                )
                for row in rows
            ],
        },
    )


@never_cache
@login_required
@_pending_page
def provider(request: HttpRequest, scan_pk: int, organisatie: str) -> HttpResponse:
    access = _facilitator_access(request, scan_pk)
    scan = access.scan
    lang = current_lang()
    model = load_model()
    results = _results(scan, lang)
    names = dict(results.names) if results else {}
    names.update(scan.region.gemeente_names())
    page = None
    if results is not None:
        page = build_provider_page(
            scan,
            results,
            organisatie,
            scan_transities(list(scan.transities), model),
            names,
            model,
            lang,
        )
        if page is None:
            raise Http404
    return render(
        request,
        "results/provider.html",
        {
            "scan": scan,
            "region": scan.region,
            "access": access,
            "page": page,
            "organisatie": organisatie,
        },
    )


@login_required
@require_POST
def hide_quote(request: HttpRequest, scan_pk: int, quote_pk: int) -> HttpResponse:
    """Hide a free-text answer for every reader (facilitators of the scan's region only)."""
    access = _facilitator_access(request, scan_pk)
    gemeente = request.POST.get("gemeente", "")
    if not hide(access.scan, quote_pk):
        raise Http404
    messages.success(request, _("The quote is hidden; no reader sees it any more."))
    if gemeente and gemeente.isalnum():
        return redirect(reverse("results:gemeente", args=[scan_pk, gemeente]) + "#citaten")
    return redirect("results:overview", scan_pk)
