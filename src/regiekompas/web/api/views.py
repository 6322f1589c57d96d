"""The endpoints of the read-only JSON API (docs/api.md): thin readers of the results service.

Every figure comes from `web/results/service.py::scan_results`, the same cached document of
the latest published snapshot that the results pages show, so the API shows exactly what the
pages show (product.md §6, §10). A token reads its own region only; everything else —
another region's id, its scans, a scan in draft — is answered with the same 404 as an id
that does not exist, so a token cannot even learn what exists elsewhere.
"""

from __future__ import annotations

from typing import Any, Final

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from regiekompas.core.results import TABLE_NAMES, table
from regiekompas.web.api.http import (
    ProblemError,
    json_response,
    not_found,
    problem,
    public_endpoint,
)
from regiekompas.web.api.http import endpoint as token_endpoint
from regiekompas.web.api.models import ApiToken
from regiekompas.web.api.openapi import openapi_document
from regiekompas.web.api.pagination import no_params, page_request, paginated
from regiekompas.web.regions.models import Region
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.snapshots import latest_snapshot
from regiekompas.web.results.formatting import current_lang
from regiekompas.web.results.service import NoAnswers, Results, ResultsPending, scan_results
from regiekompas.web.scans.models import Scan, Status

#: Largest id the database can hold; a larger one in a URL is simply not found.
MAX_ID: Final = 2**63 - 1
#: URL segment of each results table: its name in kebab case (NL API Design Rules).
TABLE_SLUGS: Final = {name.replace("_", "-"): name for name in TABLE_NAMES}


def _url(request: HttpRequest, name: str, *args: object) -> dict[str, str]:
    return {"href": request.build_absolute_uri(reverse(name, args=args))}


def _region_json(request: HttpRequest, region: Region) -> dict[str, Any]:
    gemeenten = [
        {"gemeente_code": code, "naam": naam}
        for code, naam in region.gemeenten.order_by("code").values_list("code", "naam")
    ]
    return {
        "id": region.pk,
        "naam": region.name,
        "gemeenten": gemeenten,
        "_links": {
            "self": _url(request, "api:region", region.pk),
            "scans": _url(request, "api:region_scans", region.pk),
        },
    }


def _publication(snapshot: Snapshot | None) -> dict[str, Any] | None:
    if snapshot is None:
        return None
    return {
        "nummer": snapshot.number,
        "soort": snapshot.kind,
        "gepubliceerd_op": snapshot.published_at.isoformat(),
    }


def _scan_json(request: HttpRequest, scan: Scan) -> dict[str, Any]:
    snapshot = latest_snapshot(scan)
    links = {
        "self": _url(request, "api:scan", scan.pk),
        "regio": _url(request, "api:region", scan.region_id),
    }
    if snapshot is not None:
        links["resultaten"] = _url(request, "api:results", scan.pk)
    return {
        "id": scan.pk,
        "naam": scan.name,
        "regio_id": scan.region_id,
        "status": scan.status,
        "transities": list(scan.transities),
        "perspectieven": list(scan.perspectieven),
        "k": scan.k,
        "opent_op": scan.opens_on.isoformat() if scan.opens_on else None,
        "sluit_op": scan.closes_on.isoformat() if scan.closes_on else None,
        "publicatie": _publication(snapshot),
        "_links": links,
    }


def _own_region(token: ApiToken, regio_id: int) -> Region:
    """The token's region if that is `regio_id`; else the plain 404 (raised as Http404)."""
    if regio_id != token.region_id:
        raise Http404
    return token.region


def _scans(token: ApiToken) -> QuerySet[Scan]:
    return Scan.objects.filter(region_id=token.region_id).exclude(status=Status.CONCEPT)


#: Seconds a client should wait before asking again for results being computed.
RETRY_AFTER_SECONDS: Final = 10


def _own_scan(token: ApiToken, scan_id: int) -> Scan:
    scan = _scans(token).filter(pk=scan_id).first() if scan_id <= MAX_ID else None
    if scan is None:
        raise Http404
    return scan


def _results(request: HttpRequest, scan: Scan) -> Results:
    try:
        return scan_results(scan, current_lang())
    except ResultsPending:
        # Published, but the background job is still computing: come back shortly.
        raise ProblemError(
            problem(
                503,
                "resultaten-worden-berekend",
                _("Results are being computed"),
                _(
                    "The latest published results of this scan are being computed. Try again "
                    "after the number of seconds in Retry-After."
                ),
                request=request,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        ) from None
    except NoAnswers:
        raise ProblemError(
            problem(
                404,
                "geen-gepubliceerde-resultaten",
                _("No published results"),
                _(
                    "This scan has no published results yet. Results appear here once a "
                    "facilitator publishes them or the scan closes."
                ),
                request=request,
            )
        ) from None


# --- endpoints ------------------------------------------------------------------------------


@public_endpoint
def openapi(request: HttpRequest) -> HttpResponse:
    response = json_response(openapi_document())
    # The description of the API is public and holds no data: any site may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@public_endpoint
def unknown(request: HttpRequest, rest: str = "") -> HttpResponse:
    return not_found(request)


@token_endpoint
def regions(request: HttpRequest, token: ApiToken) -> HttpResponse:
    asked = page_request(request)
    body, headers = paginated(request, "regios", [_region_json(request, token.region)], asked)
    return json_response(body, headers=headers)


@token_endpoint
def region(request: HttpRequest, token: ApiToken, regio_id: int) -> HttpResponse:
    no_params(request)
    return json_response(_region_json(request, _own_region(token, regio_id)))


@token_endpoint
def region_scans(request: HttpRequest, token: ApiToken, regio_id: int) -> HttpResponse:
    _own_region(token, regio_id)
    asked = page_request(request)
    scans = [_scan_json(request, scan) for scan in _scans(token).order_by("pk")]
    body, headers = paginated(request, "scans", scans, asked)
    return json_response(body, headers=headers)


@token_endpoint
def scan(request: HttpRequest, token: ApiToken, scan_id: int) -> HttpResponse:
    no_params(request)
    return json_response(_scan_json(request, _own_scan(token, scan_id)))


def full_document(results: Results) -> dict[str, Any]:
    """The whole results document as §10 names it: every table (empty when the scan has
    none of it), then `meta`."""
    document: dict[str, Any] = {name: results.rows(name) for name in TABLE_NAMES}
    document["meta"] = results.document.get("meta") or {}
    return document


@token_endpoint
def results(request: HttpRequest, token: ApiToken, scan_id: int) -> HttpResponse:
    no_params(request)
    found = _results(request, _own_scan(token, scan_id))
    return json_response(full_document(found))


@token_endpoint
def meta(request: HttpRequest, token: ApiToken, scan_id: int) -> HttpResponse:
    no_params(request)
    found = _results(request, _own_scan(token, scan_id))
    return json_response(found.document.get("meta") or {})


@token_endpoint
def results_table(request: HttpRequest, token: ApiToken, scan_id: int, tabel: str) -> HttpResponse:
    name = TABLE_SLUGS.get(tabel)
    if name is None:
        return not_found(request)
    has_gemeente = "gemeente_code" in table(name).field_names
    scan_found = _own_scan(token, scan_id)
    asked = page_request(request, filter_gemeente=has_gemeente)
    rows = _results(request, scan_found).rows(name)
    if asked.gemeente is not None:
        rows = [row for row in rows if row.get("gemeente_code") == asked.gemeente]
    body, headers = paginated(request, name, rows, asked)
    return json_response(body, headers=headers)
