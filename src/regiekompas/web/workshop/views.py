"""The facilitator's side of a workshop, at /werksessie/ (docs/workshop.md).

The projector page polls `poll` every second with the version it shows; while nothing
changed the answer is an empty 204 after one query, otherwise the new room. Controls are
plain form posts that come back to the projector page, so everything works without
JavaScript (the page then has a refresh link instead of updating itself).
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from regiekompas.core.model import load_model
from regiekompas.core.vocabulary import PERSPECTIEVEN
from regiekompas.web.regions.models import RegionGemeente
from regiekompas.web.regions.pages import may_create_region, signed_in
from regiekompas.web.results.formatting import current_lang
from regiekompas.web.workshop import targets_bridge
from regiekompas.web.workshop.charts import (
    Plot,
    measured_marks,
    perspective_name,
    qr_svg,
    room_plot,
    round_name,
)
from regiekompas.web.workshop.forms import ControlForm, SaveForm, SessionForm, TargetForm
from regiekompas.web.workshop.models import Compare, WorkshopRound, WorkshopSession
from regiekompas.web.workshop.service import (
    create_session,
    facilitated_scans,
    room,
    save_round,
    session_for,
    visible_sessions,
)


@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    sessions = visible_sessions(user).select_related("scan", "scan__region")[:100]
    return render(
        request,
        "workshop/list.html",
        {"sessions": sessions, "may_create": may_create_region(user)},
    )


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    """Any facilitator may start a session: with one of their scans, or standalone."""
    user = signed_in(request)
    if not may_create_region(user):
        raise PermissionDenied
    scans = facilitated_scans(user)
    gemeenten = [
        (g.code, f"{g.naam} ({g.region.name})")
        for g in RegionGemeente.objects.filter(region__scans__in=scans)
        .select_related("region")
        .distinct()
        .order_by("naam")
    ]
    initial: dict[str, Any] = {"transities": [t.code for t in load_model().transities][:2]}
    chosen = scans.filter(pk=request.GET.get("scan") or 0).first()
    if chosen is not None:
        initial.update(scan=chosen, transities=list(chosen.transities), k=chosen.k)
    form = SessionForm(request.POST or None, initial=initial, scans=scans, gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        session = create_session(
            title=data["title"],
            scan=data["scan"],
            gemeente_code=data["gemeente_code"] or "",
            transities=data["transities"],
            k=data["k"],
            ask=data["ask"],
            created_by=user,
            focus_transitie=data["transities"][0],
        )
        return redirect("workshop:projector", pk=session.pk)
    return render(
        request, "workshop/create.html", {"form": form}, status=400 if form.errors else 200
    )


def _join_url(request: HttpRequest, session: WorkshopSession) -> str:
    path = reverse("workshop_join:session", args=[session.code])
    base = str(getattr(settings, "BASE_URL", "") or "").rstrip("/")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


def _results(session: WorkshopSession) -> Any:
    """The scan's published results, or None (no scan, nothing published yet)."""
    if session.scan is None or not session.show_measured:
        return None
    from regiekompas.web.results.service import NoAnswers, scan_results

    try:
        return scan_results(session.scan, current_lang())
    except NoAnswers:
        return None


def _room_context(session: WorkshopSession) -> dict[str, Any]:
    transitie = session.focus_transitie or session.transities[0]
    found = room(session, transitie)
    results = _results(session)
    target = targets_bridge.target_mark(session, transitie)
    if session.compare == Compare.RONDES:
        pairs = [(r, session.compare_perspectief) for r in (1, 2)]
    else:
        pairs = [(session.round, p) for p in PERSPECTIEVEN]
    plots: list[Plot] = []
    for rnd, perspectief in pairs:
        title = f"{perspective_name(perspectief)} — {round_name(rnd)}"
        plots.append(
            room_plot(
                cell=found.cells[(rnd, perspectief)],
                title=title,
                revealed=session.revealed,
                measured=measured_marks(results, transitie, perspectief, session.gemeente_code),
                target=target,
                id_prefix=f"kamer-{rnd}-{perspectief}",
            )
        )
    return {
        "session": session,
        "version": found.version,
        "participants": found.participants,
        "plots": plots,
        "transitie": transitie,
        "transitie_name": load_model().transitie(transitie).name.get(current_lang()),
        "measured_missing": session.show_measured and results is None,
    }


def _gemeenten(session: WorkshopSession) -> list[tuple[str, str]]:
    if session.scan is None:
        return []
    return list(session.scan.region.gemeenten.order_by("naam").values_list("code", "naam"))


@never_cache
@login_required
def projector(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    session = session_for(user, pk)
    lang = current_lang()
    model = load_model()
    context = _room_context(session)
    context.update(
        join_url=_join_url(request, session),
        transities=[(t, model.transitie(t).name.get(lang)) for t in session.transities],
        target_form=TargetForm(
            initial={"transitie": context["transitie"], "gemeente": session.gemeente_code},
            gemeenten=_gemeenten(session),
        ),
        save_form=SaveForm(scans=facilitated_scans(user), initial={"scan": session.scan}),
        saved_rounds=WorkshopRound.objects.filter(session=session),
        target=targets_bridge.target_text(session, context["transitie"]),
    )
    return render(request, "workshop/projector.html", context)


@never_cache
@login_required
@require_GET
def poll(request: HttpRequest, pk: int) -> HttpResponse:
    """204 when the room is still at the version the page shows (one query); else the room."""
    user = signed_in(request)
    version = visible_sessions(user).filter(pk=pk).values_list("version", flat=True).first()
    if version is None:
        raise Http404
    if str(version) == request.GET.get("v", ""):
        return HttpResponse(status=204)
    session = session_for(user, pk)
    return render(request, "workshop/_room.html", _room_context(session))


@login_required
def qr(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_for(signed_in(request), pk)
    response = HttpResponse(qr_svg(_join_url(request, session)), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_POST
def control(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_for(signed_in(request), pk)
    form = ControlForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Unknown action."), status=400)
    data = form.cleaned_data
    action = data["action"]
    control_changed = action in ("lock", "unlock", "round1", "round2")
    if action in ("reveal", "hide"):
        session.revealed = action == "reveal"
    elif action in ("lock", "unlock"):
        session.locked = action == "lock"
    elif action in ("round1", "round2"):
        session.round = 1 if action == "round1" else 2
        if session.round == 2:
            session.compare = Compare.RONDES
    elif action in ("measured_on", "measured_off"):
        session.show_measured = action == "measured_on"
    elif action == "view":
        if data.get("transitie") in session.transities:
            control_changed = control_changed or data["transitie"] != session.focus_transitie
            session.focus_transitie = data["transitie"]
        if data.get("compare"):
            session.compare = data["compare"]
        if data.get("perspectief"):
            session.compare_perspectief = data["perspectief"]
    session.save(
        update_fields=[
            "revealed",
            "locked",
            "round",
            "compare",
            "compare_perspectief",
            "show_measured",
            "focus_transitie",
        ]
    )
    session.bump(control=control_changed)
    return redirect("workshop:projector", pk=session.pk)


@login_required
@require_POST
def target(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the room's chosen target for one transitie (product.md §13)."""
    user = signed_in(request)
    session = session_for(user, pk)
    form = TargetForm(request.POST, gemeenten=_gemeenten(session))
    if not form.is_valid() or form.cleaned_data["transitie"] not in session.transities:
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, _("The target was not recorded: %(why)s") % {"why": errors or "?"})
        return redirect("workshop:projector", pk=session.pk)
    stored, message = targets_bridge.record(session, form.cleaned_data, user)
    if stored:
        session.bump()
        messages.success(request, message)
    else:
        messages.error(request, message)
    return redirect("workshop:projector", pk=session.pk)


@login_required
@require_POST
def save(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the session's dots with a scan as a workshop round (docs/workshop.md)."""
    user = signed_in(request)
    session = session_for(user, pk)
    form = SaveForm(request.POST, scans=facilitated_scans(user))
    if not form.is_valid():
        messages.error(request, _("Choose one of your scans to save the session with."))
        return redirect("workshop:projector", pk=session.pk)
    saved = save_round(session, form.cleaned_data["scan"], user)
    messages.success(
        request,
        _("The session was saved with %(scan)s as a workshop round.") % {"scan": saved.scan.name},
    )
    return redirect("workshop:projector", pk=session.pk)


@login_required
def saved_round(request: HttpRequest, pk: int) -> HttpResponse:
    """A saved round's document as JSON, for facilitators of its scan's region."""
    user = signed_in(request)
    found = WorkshopRound.objects.filter(pk=pk, scan__in=facilitated_scans(user)).first()
    if found is None:
        raise Http404
    body = json.dumps(found.data, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="werksessie-{found.pk}.json"'
    return response
