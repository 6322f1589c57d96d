"""Setting up a scan and its overview page.

Settings can only change while the scan is a draft: once it opens, respondents answer the
questions of the frozen instrument for the chosen transities, and changing those afterwards
would change what the answers mean.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from regiekompas.core.instrument import QUESTIONNAIRE_VERSION
from regiekompas.core.vocabulary import DEFAULT_K, PERSPECTIEVEN
from regiekompas.web.accounts.access import facilitated_region, facilitated_scan
from regiekompas.web.regions.pages import Crumb, region_crumbs, signed_in
from regiekompas.web.responses.snapshots import PublishState, latest_snapshot, publish_state
from regiekompas.web.scans.forms import (
    PERSPECTIEF_LABELS,
    CopyScanForm,
    ScanForm,
    transitie_choices,
)
from regiekompas.web.scans.models import Scan

#: The actions whose confirmation the detail page can show (?bevestigen=...).
CONFIRMABLE = {"openen": "is_concept", "sluiten": "is_open"}


def scan_crumbs(scan: Scan, *further: Crumb | str) -> list[Crumb]:
    return region_crumbs(
        scan.region, Crumb(scan.name, reverse("scans:detail", args=[scan.pk])), *further
    )


def next_round_name(name: str) -> str:
    """ "Regiescan 2026" becomes "Regiescan 2027"; any other name gets "(next round)"."""
    match = re.search(r"(19|20)\d\d(?!.*\d)", name)
    if match:
        year = int(match.group()) + 1
        return f"{name[: match.start()]}{year}{name[match.end() :]}"
    return _("%(name)s (next round)") % {"name": name}


@login_required
def scan_create(request: HttpRequest, pk: int) -> HttpResponse:
    region = facilitated_region(signed_in(request), pk)
    initial = {
        "transities": [code for code, _label in transitie_choices()],
        "perspectieven": list(PERSPECTIEVEN),
        "instrument_version": QUESTIONNAIRE_VERSION,
        "k": DEFAULT_K,
    }
    form = ScanForm(request.POST or None, instance=Scan(region=region), initial=initial)
    if request.method == "POST" and form.is_valid():
        scan = form.save()
        messages.success(request, _("Scan %(name)s was created as a draft.") % {"name": scan.name})
        return redirect("scans:detail", pk=scan.pk)
    context = {
        "form": form,
        "region": region,
        "title": _("New scan"),
        "crumbs": region_crumbs(region, _("New scan")),
        "cancel_url": reverse("regions:detail", args=[region.pk]),
    }
    return render(request, "scans/form.html", context)


@login_required
def scan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(signed_in(request), pk)
    if not scan.is_concept:
        messages.error(request, _("Only a draft scan can be changed; this scan has opened."))
        return redirect("scans:detail", pk=scan.pk)
    form = ScanForm(request.POST or None, instance=scan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The settings were saved."))
        return redirect("scans:detail", pk=scan.pk)
    context = {
        "form": form,
        "region": scan.region,
        "title": _("Settings of %(name)s") % {"name": scan.name},
        "crumbs": scan_crumbs(scan, _("Settings")),
        "cancel_url": reverse("scans:detail", args=[scan.pk]),
    }
    return render(request, "scans/form.html", context)


#: At most this many held cells are listed on the scan page.
HELD_SHOWN = 20


def _held_cells(scan: Scan, state: PublishState) -> list[dict[str, object]]:
    """The cells that keep an interim snapshot back, fewest respondents still needed first."""
    gemeenten = scan.region.gemeente_names()
    transities = dict(transitie_choices())
    rows = []
    for held in sorted(state.held, key=lambda c: (c.needed, c.cell))[:HELD_SHOWN]:
        code, transitie, perspectief = held.cell
        rows.append(
            {
                "gemeente": gemeenten.get(code, code),
                "what": (
                    f"{transities.get(transitie, transitie)} — {perspectief}"
                    if transitie
                    else _("collaboration in the gemeente")
                ),
                "gain": held.gain,
                "needed": held.needed,
            }
        )
    return rows


@login_required
def scan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(signed_in(request), pk)
    names = dict(transitie_choices())
    confirm = request.GET.get("bevestigen", "")
    if confirm not in CONFIRMABLE or not getattr(scan, CONFIRMABLE[confirm]):
        confirm = ""
    counts = scan.respondents.filter(revoked_at__isnull=True).aggregate(
        total=Count("pk"),
        started=Count("pk", filter=Q(started_at__isnull=False)),
        submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
    )
    publishing = publish_state(scan) if scan.is_open else None
    context = {
        "scan": scan,
        "region": scan.region,
        "transities": [names.get(code, code) for code in scan.transities],
        "perspectieven": [PERSPECTIEF_LABELS.get(code, code) for code in scan.perspectieven],
        "counts": counts,
        "latest_snapshot": latest_snapshot(scan),
        "publishing": publishing,
        "held_cells": _held_cells(scan, publishing) if publishing else [],
        "confirm": confirm,
        "copy_form": CopyScanForm(initial={"name": next_round_name(scan.name)}),
        "next_rounds": list(scan.next_rounds.all()),
        "crumbs": scan_crumbs(scan),
    }
    return render(request, "scans/detail.html", context)
