"""Record and change a gemeente's doelposities and verbeteragenda (facilitators only).

Gemeente viewers read both on the gemeente's results page; these forms are for the
facilitators of the scan's region. Access goes through `web/accounts/access.py`: anyone else
gets 404, so the pages reveal neither the scan nor the gemeente. After saving, the user goes
back to the gemeente's results page (by URL name; this app imports nothing of `results`).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from regiekompas.core.model import load_model
from regiekompas.web.accounts.access import ResultsAccess, results_access
from regiekompas.web.regions.language import pick
from regiekompas.web.targets.forms import ActionForm, TargetForm
from regiekompas.web.targets.models import Action, Target
from regiekompas.web.targets.services import (
    TargetError,
    record_action,
    record_target,
    remove_target,
)


def _access(request: HttpRequest, scan_pk: int, gemeente: str) -> tuple[ResultsAccess, str]:
    """The facilitator's access to this gemeente of the scan, and the gemeente's name."""
    access = results_access(request.user, scan_pk)
    if not access.is_facilitator:
        raise Http404
    name = access.scan.region.gemeenten.filter(code=gemeente).values_list("naam", flat=True)
    if not name:
        raise Http404
    return access, name[0]


def _back(scan_pk: int, gemeente: str, anchor: str) -> str:
    return reverse("results:gemeente", args=[scan_pk, gemeente]) + anchor


def _transitie_name(code: str) -> str:
    model = load_model()
    return pick(model.transitie(code).name) if code in model.transitie_codes else code


@never_cache
@login_required
def target(request: HttpRequest, scan_pk: int, gemeente: str, transitie: str) -> HttpResponse:
    access, name = _access(request, scan_pk, gemeente)
    scan = access.scan
    if transitie not in scan.transities:
        raise Http404
    current = Target.objects.filter(scan=scan, gemeente_code=gemeente, transitie=transitie).first()
    if request.method == "POST":
        form = TargetForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                record_target(
                    scan,
                    gemeente,
                    transitie,
                    data["cc_value"],
                    data["dc_value"],
                    data["kwadrant"] or None,
                    data["toelichting"],
                    data["agreed_by"],
                    source="page",
                    user=request.user,
                    agreed_on=data["agreed_on"],
                )
            except TargetError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The target position is saved."))
                return redirect(_back(scan.pk, gemeente, "#doelen"))
    else:
        initial = {}
        if current is not None:
            initial = {
                "kwadrant": current.kwadrant,
                "cc": "" if current.kwadrant else f"{current.cc:g}",
                "dc": "" if current.kwadrant else f"{current.dc:g}",
                "toelichting": current.toelichting,
                "agreed_by": current.agreed_by,
                "agreed_on": current.agreed_on,
            }
        form = TargetForm(initial=initial)
    return render(
        request,
        "targets/target_form.html",
        {
            "scan": scan,
            "region": scan.region,
            "access": access,
            "form": form,
            "current": current,
            "gemeente": gemeente,
            "gemeente_name": name,
            "transitie_name": _transitie_name(transitie),
            "transitie": transitie,
            "back_url": _back(scan.pk, gemeente, "#doelen"),
        },
    )


@login_required
@require_POST
def target_delete(
    request: HttpRequest, scan_pk: int, gemeente: str, transitie: str
) -> HttpResponse:
    access, _name = _access(request, scan_pk, gemeente)
    if not remove_target(access.scan, gemeente, transitie):
        raise Http404
    messages.success(request, _("The target position is removed."))
    return redirect(_back(scan_pk, gemeente, "#doelen"))


@never_cache
@login_required
def action(
    request: HttpRequest, scan_pk: int, gemeente: str, pk: int | None = None
) -> HttpResponse:
    access, name = _access(request, scan_pk, gemeente)
    scan = access.scan
    existing = None
    if pk is not None:
        existing = get_object_or_404(Action, pk=pk, scan=scan, gemeente_code=gemeente)
    transities = list(scan.transities)
    if request.method == "POST":
        form = ActionForm(request.POST, transities=transities)
        if form.is_valid():
            data = form.cleaned_data
            try:
                record_action(
                    scan,
                    gemeente,
                    onderwerp=data["onderwerp"],
                    actie=data["actie"],
                    eigenaar=data["eigenaar"],
                    transitie=data["transitie"],
                    deadline=data["deadline"],
                    status=data["status"],
                    user=request.user,
                    action=existing,
                )
            except TargetError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The action is saved."))
                return redirect(_back(scan.pk, gemeente, "#agenda"))
    else:
        initial = {}
        if existing is not None:
            initial = {
                "onderwerp": existing.onderwerp,
                "transitie": existing.transitie,
                "actie": existing.actie,
                "eigenaar": existing.eigenaar,
                "deadline": existing.deadline,
                "status": existing.status,
            }
        form = ActionForm(initial=initial, transities=transities)
    return render(
        request,
        "targets/action_form.html",
        {
            "scan": scan,
            "region": scan.region,
            "access": access,
            "form": form,
            "existing": existing,
            "gemeente": gemeente,
            "gemeente_name": name,
            "back_url": _back(scan.pk, gemeente, "#agenda"),
        },
    )
