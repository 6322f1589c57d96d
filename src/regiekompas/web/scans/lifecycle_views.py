"""The lifecycle buttons of a scan: open, close, publish and copy into a next round (POST).

Opening, closing and publishing lock the scan's row first, so two facilitators pressing "open"
at the same moment cannot both pass the draft check, nor publish the same snapshot number.
Closing publishes the final snapshot; publishing an interim snapshot is refused unless the
rule of product.md §6 allows it (`responses/snapshots.py`, docs/privacy.md) — checked here on
the server, whatever the page showed.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regiekompas.web.accounts.access import facilitated_scan
from regiekompas.web.regions.pages import signed_in
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.snapshots import PublishRefused, close_and_publish, publish
from regiekompas.web.scans.forms import CopyScanForm
from regiekompas.web.scans.models import Scan


def _refusal(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@require_POST
def scan_open(request: HttpRequest, pk: int) -> HttpResponse:
    allowed = facilitated_scan(signed_in(request), pk)
    with transaction.atomic():
        scan = Scan.objects.select_for_update().get(pk=allowed.pk)
        try:
            scan.open()
        except ValidationError as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(
                request,
                _(
                    "The scan is open. Its questionnaire is now fixed in instrument version "
                    "%(version)s."
                )
                % {"version": scan.instrument_version},
            )
    return redirect("scans:detail", pk=pk)


@login_required
@require_POST
def scan_close(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    allowed = facilitated_scan(user, pk)
    try:
        close_and_publish(allowed, user)
    except ValidationError as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(
            request,
            _("The scan is closed; answers can no longer change. Its final results are published."),
        )
    return redirect("scans:detail", pk=pk)


@login_required
@require_POST
def scan_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    allowed = facilitated_scan(user, pk)
    with transaction.atomic():
        scan = Scan.objects.select_for_update().get(pk=allowed.pk)
        if not scan.is_open:
            messages.error(
                request, _("Interim results can only be published while the scan is open.")
            )
            return redirect("scans:detail", pk=pk)
        try:
            snapshot = publish(scan, Snapshot.Kind.INTERIM, user)
        except PublishRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Interim results %(number)s are published.") % {"number": snapshot.number},
            )
    return redirect("scans:detail", pk=pk)


@login_required
@require_POST
def scan_copy(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(signed_in(request), pk)
    form = CopyScanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the next round a name (at most 200 characters)."))
        return redirect("scans:detail", pk=scan.pk)
    new = scan.copy_as_next_round(form.cleaned_data["name"])
    messages.success(
        request,
        _(
            "%(name)s was created as a draft with the same settings and respondents, "
            "without answers."
        )
        % {"name": new.name},
    )
    return redirect("scans:detail", pk=new.pk)
