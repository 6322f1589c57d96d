"""The start page (regions the user can see), creating a region and a region's overview.

Every region is fetched through `accounts.access`, so a facilitator of another region, or a
viewer on a management page, gets a 404 that reveals nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from regiekompas.web.accounts.access import (
    facilitated_region,
    facilitated_regions,
    visible_regions,
)
from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.regions.forms import RegionForm
from regiekompas.web.regions.models import Region
from regiekompas.web.regions.pages import Crumb, may_create_region, region_crumbs, signed_in
from regiekompas.web.scans.models import Scan, Status


@dataclass
class RegionEntry:
    """A region on the start page, with what this user may do there."""

    region: Region
    is_facilitator: bool
    scans: list[Scan]
    #: Names of the gemeenten a viewer may see individually (empty for facilitators).
    viewer_gemeenten: list[str] = field(default_factory=list)


@login_required
def region_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    regions = list(visible_regions(user).prefetch_related("scans", "gemeenten"))
    facilitated = set(facilitated_regions(user).values_list("pk", flat=True))
    viewed: dict[int, set[str]] = defaultdict(set)
    for region_id, code in GemeenteViewer.objects.filter(user=user).values_list(
        "region_id", "gemeente_code"
    ):
        viewed[region_id].add(code)
    entries = []
    for region in regions:
        is_facilitator = region.pk in facilitated
        scans = list(region.scans.all())
        if not is_facilitator:
            # A draft has no results yet; viewers only see scans that have opened.
            scans = [scan for scan in scans if scan.status != Status.CONCEPT]
        names = region.gemeente_names()
        entries.append(
            RegionEntry(
                region=region,
                is_facilitator=is_facilitator,
                scans=scans,
                viewer_gemeenten=sorted(names.get(code, code) for code in viewed[region.pk])
                if not is_facilitator
                else [],
            )
        )
    return render(
        request,
        "regions/list.html",
        {"entries": entries, "may_create": may_create_region(user)},
    )


@login_required
def region_create(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if not may_create_region(user):
        raise PermissionDenied
    form = RegionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            region = form.save(commit=False)
            region.created_by = user
            region.save()
            Membership.objects.create(user=user, region=region)
        messages.success(
            request, _("Region %(name)s was created; add its gemeenten next.") % {"name": region}
        )
        return redirect("regions:detail", pk=region.pk)
    crumbs = [Crumb(_("Regions"), reverse("regions:list")), Crumb(_("New region"))]
    return render(request, "regions/create.html", {"form": form, "crumbs": crumbs})


@login_required
def region_detail(request: HttpRequest, pk: int) -> HttpResponse:
    region = facilitated_region(signed_in(request), pk)
    context = {
        "region": region,
        "gemeenten": list(region.gemeenten.all()),
        "counts": {
            "organisaties": region.organisaties.count(),
            "contracten": region.contracten.count(),
            "mechanismen": region.mechanismen.count(),
        },
        "scans": list(region.scans.all()),
        "crumbs": region_crumbs(region),
    }
    return render(request, "regions/detail.html", context)
