"""Who works on a region: its facilitators, and viewers of one gemeente each.

Accounts are created by an administrator (Django admin); here a facilitator only gives an
existing user a role in this region, or takes it away. The last facilitator cannot be
removed, so that a region never ends up without anyone able to manage it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regiekompas.web.accounts.access import facilitated_region
from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.regions.forms import AddMemberForm, Role
from regiekompas.web.regions.models import Region
from regiekompas.web.regions.pages import region_crumbs, signed_in
from regiekompas.web.throttle import hit, over, too_many


def _add(request: HttpRequest, region: Region, form: AddMemberForm) -> None:
    user = form.cleaned_data["user"]
    if form.cleaned_data["role"] == Role.FACILITATOR:
        _membership, created = Membership.objects.get_or_create(user=user, region=region)
        if created:
            messages.success(request, _("%(user)s is now a facilitator.") % {"user": user})
        else:
            messages.info(request, _("%(user)s already is a facilitator.") % {"user": user})
        return
    code = form.cleaned_data["gemeente"]
    naam = region.gemeente_names().get(code, code)
    _viewer, created = GemeenteViewer.objects.get_or_create(
        user=user, region=region, gemeente_code=code
    )
    if created:
        messages.success(
            request, _("%(user)s may now see %(gemeente)s.") % {"user": user, "gemeente": naam}
        )
    else:
        messages.info(
            request, _("%(user)s already may see %(gemeente)s.") % {"user": user, "gemeente": naam}
        )


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    region = facilitated_region(user, pk)
    form = AddMemberForm(request.POST or None, region=region)
    if request.method == "POST":
        # Failed look-ups are counted per facilitator, so the form cannot be used to test
        # many username/email pairs (docs/security.md).
        limit = {"limit": settings.MEMBER_LOOKUPS_PER_HOUR, "window": 3600}
        if over("member-lookup", str(user.pk), **limit):
            return too_many(request)
        if form.is_valid():
            _add(request, region, form)
            return redirect("regions:members", pk=region.pk)
        if form.has_error(NON_FIELD_ERRORS, "no_match"):
            hit("member-lookup", str(user.pk), **limit)
    names = region.gemeente_names()
    viewers = [
        (viewer, names.get(viewer.gemeente_code, viewer.gemeente_code))
        for viewer in region.viewers.select_related("user").order_by(
            "gemeente_code", "user__username"
        )
    ]
    context = {
        "region": region,
        "form": form,
        "facilitators": list(region.memberships.select_related("user").order_by("user__username")),
        "viewers": viewers,
        "crumbs": region_crumbs(region, _("Members")),
    }
    return render(request, "regions/members.html", context)


@login_required
@require_POST
def facilitator_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    user = signed_in(request)
    region = facilitated_region(user, pk)
    with transaction.atomic():
        membership = get_object_or_404(
            Membership.objects.select_for_update(), pk=membership_pk, region=region
        )
        if region.memberships.count() <= 1:
            messages.error(
                request,
                _(
                    "A region needs at least one facilitator; add another one before removing "
                    "this one."
                ),
            )
            return redirect("regions:members", pk=region.pk)
        membership.delete()
    messages.success(request, _("%(user)s is no longer a facilitator.") % {"user": membership.user})
    if membership.user_id == user.pk and not user.is_superuser:
        return redirect("regions:list")
    return redirect("regions:members", pk=region.pk)


@login_required
@require_POST
def viewer_remove(request: HttpRequest, pk: int, viewer_pk: int) -> HttpResponse:
    region = facilitated_region(signed_in(request), pk)
    viewer = get_object_or_404(GemeenteViewer, pk=viewer_pk, region=region)
    viewer.delete()
    messages.success(
        request,
        _("%(user)s no longer sees %(gemeente)s.")
        % {
            "user": viewer.user,
            "gemeente": region.gemeente_names().get(viewer.gemeente_code, viewer.gemeente_code),
        },
    )
    return redirect("regions:members", pk=region.pk)
