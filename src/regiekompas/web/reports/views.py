"""Start a PDF report of the results in the background and show its job page.

A POST (never a GET: it starts work) from the gemeente page or the region overview. Access is
the results pages' own: 404 for a scan or gemeente the user may not see. The job page
(`jobs:status`) refreshes itself and offers the PDF when it is ready; only the requester
sees it.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from regiekompas.web.accounts.access import results_access
from regiekompas.web.jobs.queue import submit
from regiekompas.web.results.formatting import current_lang


@login_required
@require_POST
def region_pdf(request: HttpRequest, scan_pk: int) -> HttpResponse:
    access = results_access(request.user, scan_pk)
    job = submit(
        "reports.pdf",
        scope=f"scan:{access.scan.pk}",
        user=request.user,
        scan=access.scan.pk,
        lang=current_lang(),
    )
    return redirect("jobs:status", job.pk)


@login_required
@require_POST
def gemeente_pdf(request: HttpRequest, scan_pk: int, gemeente: str) -> HttpResponse:
    access = results_access(request.user, scan_pk)
    if not access.may_see_gemeente(gemeente):
        raise Http404
    job = submit(
        "reports.pdf",
        scope=f"scan:{access.scan.pk}",
        user=request.user,
        scan=access.scan.pk,
        gemeente=gemeente,
        lang=current_lang(),
    )
    return redirect("jobs:status", job.pk)
