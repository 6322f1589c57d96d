"""The respondents of a scan: the list, adding one, and importing a roster file.

Every view starts with `facilitated_scan`, so a facilitator of another region gets a 404 for
the scan and everything below it. Actions that issue links or send mail are in
`views_actions`, the response rates in `views_rates`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from regiekompas.web.accounts.access import facilitated_scan
from regiekompas.web.invitations.emails import invitation_recipients, reminder_recipients
from regiekompas.web.invitations.forms import RespondentForm, RosterUploadForm
from regiekompas.web.invitations.labels import group_choices, transitie_choices
from regiekompas.web.invitations.links import linkable
from regiekompas.web.invitations.models import AccessToken, Respondent
from regiekompas.web.invitations.roster import (
    COLUMNS,
    RosterRejected,
    RosterRow,
    next_ids,
    read_roster,
    store_roster,
)
from regiekompas.web.invitations.uploads import save_uploads
from regiekompas.web.scans.models import Scan

PER_PAGE = 50


def status_of(person: Respondent, has_link: bool) -> tuple[str, str]:
    """(code, label) of where a respondent stands, the most advanced state first."""
    if person.revoked_at:
        return "revoked", _("revoked")
    if person.submitted_at:
        return "submitted", _("submitted")
    if person.started_at:
        return "started", _("started")
    if person.source == Respondent.Source.IMPORT:
        return "imported", _("answers imported")
    if person.invited_at:
        return "invited", _("invited")
    if has_link:
        return "link", _("link issued")
    return "new", _("not invited")


def _respondents(scan: Scan, query: str) -> QuerySet[Respondent]:
    people = Respondent.objects.filter(scan=scan).annotate(
        has_link=Exists(AccessToken.objects.filter(respondent=OuterRef("pk")))
    )
    if query:
        people = people.filter(
            Q(external_id__icontains=query)
            | Q(organisatie__icontains=query)
            | Q(email__icontains=query)
        )
    return people.order_by("external_id")


@login_required
def respondent_list(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(request.user, pk)
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(_respondents(scan, query), PER_PAGE).get_page(request.GET.get("page"))
    labels = dict(group_choices())
    names = scan.region.gemeente_names()
    transities = dict(transitie_choices(scan))
    rows = []
    for person in page.object_list:
        code, label = status_of(person, person.has_link)
        rows.append(
            {
                "respondent": person,
                "groep": labels.get(person.groep, person.groep),
                "gemeenten": [names.get(c, c) for c in person.gemeenten],
                "transities": [transities.get(t, t) for t in person.transities],
                "status": code,
                "status_label": label,
            }
        )
    context = {
        "scan": scan,
        "page": page,
        "rows": rows,
        "query": query,
        "total": Respondent.objects.filter(scan=scan).count(),
        "without_link": linkable(scan, everyone=False).count(),
        "to_invite": invitation_recipients(scan).count(),
        "to_remind": reminder_recipients(scan).count(),
        "may_change": not scan.is_closed,
        "may_send": scan.accepts_answers,
    }
    return render(request, "invitations/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def add_respondent(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(request.user, pk)
    if scan.is_closed:
        messages.error(request, _("This scan is closed; no respondents can be added."))
        return redirect("invitations:list", pk=scan.pk)
    form = RespondentForm(request.POST or None, scan=scan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        row = RosterRow(
            respondent_id=data["respondent_id"],
            groep=data["groep"],
            organisatie=data["organisatie"].strip(),
            gemeenten=tuple(data["gemeenten"]),
            transities=tuple(data["transities"]),
            email=data["email"],
        )
        (added,) = store_roster(scan, [row])
        messages.success(request, _("Respondent %(id)s was added.") % {"id": added})
        if "another" in request.POST:
            return redirect("invitations:add", pk=scan.pk)
        return redirect("invitations:list", pk=scan.pk)
    taken = Respondent.objects.filter(scan=scan).values_list("external_id", flat=True)
    context = {"scan": scan, "form": form, "next_id": next_ids(taken, 1)[0]}
    return render(request, "invitations/add.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def import_roster(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(request.user, pk)
    if scan.is_closed:
        messages.error(request, _("This scan is closed; no respondents can be added."))
        return redirect("invitations:list", pk=scan.pk)
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        with tempfile.TemporaryDirectory(prefix="regiekompas-roster-") as folder:
            (path,) = save_uploads([form.cleaned_data["file"]], Path(folder))
            try:
                rows = read_roster(path, scan)
            except RosterRejected as rejected:
                errors = [error.text() for error in rejected.errors]
        if not errors:
            count = len(store_roster(scan, rows))
            messages.success(
                request,
                ngettext(
                    "%(count)s respondent was added.", "%(count)s respondents were added.", count
                )
                % {"count": count},
            )
            return redirect("invitations:list", pk=scan.pk)
    context = {"scan": scan, "form": form, "errors": errors, "columns": COLUMNS}
    return render(request, "invitations/import.html", context)
