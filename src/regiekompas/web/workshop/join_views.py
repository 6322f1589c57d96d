"""The participant's side of a workshop, at /w/: no account, a signed cookie per session.

Every page works without JavaScript: choosing a group and placing a dot are plain form
posts (two sliders per dot); with JavaScript the dot can also be dragged on the quadrant
and is saved by htmx, and the page reloads itself when the facilitator locks the session or
starts round 2 (a poll that costs one primary-key query and answers 204 while nothing
changed).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from regiekompas.core.model import load_model
from regiekompas.core.vocabulary import PERSPECTIEVEN
from regiekompas.web.results.formatting import current_lang, number
from regiekompas.web.throttle import too_many
from regiekompas.web.workshop import guessing
from regiekompas.web.workshop.charts import drag_svg
from regiekompas.web.workshop.forms import SCALE, ChooseForm, JoinForm, PlaceForm
from regiekompas.web.workshop.models import (
    Ask,
    Participant,
    WorkshopSession,
    normalise_code,
)
from regiekompas.web.workshop.service import Refused, join, own_placements, place

COOKIE_SALT = "regiekompas.workshop.participant"
COOKIE_AGE = 24 * 3600


def cookie_name(session: WorkshopSession) -> str:
    return f"rk_w{session.pk}"


class _Unknown(Exception):
    pass


def _session(request: HttpRequest, code: str) -> WorkshopSession:
    """The session of a join code; unknown codes count as guesses (guessing.py)."""
    found = WorkshopSession.objects.filter(code=normalise_code(code)).first()
    if found is None:
        raise _Unknown
    return found


def _guarded(view: Any) -> Any:
    """Refuse throttled clients, answer unknown codes with 404 and count them."""

    def wrapped(request: HttpRequest, code: str, *args: Any, **kwargs: Any) -> HttpResponse:
        if guessing.refused(request):
            return too_many(request)
        try:
            return view(request, code, *args, **kwargs)  # type: ignore[no-any-return]
        except _Unknown:
            if guessing.missed(request):
                return too_many(request)
            return render(request, "workshop/join_unknown.html", {"form": JoinForm()}, status=404)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def participant_of(request: HttpRequest, session: WorkshopSession) -> Participant | None:
    key = request.get_signed_cookie(
        cookie_name(session), default=None, salt=COOKIE_SALT, max_age=COOKIE_AGE
    )
    if not key:
        return None
    return Participant.objects.filter(session=session, key=key).first()


@never_cache
def start(request: HttpRequest) -> HttpResponse:
    """Type the join code (or arrive from the QR code with ?code=)."""
    if guessing.refused(request):
        return too_many(request)
    form = JoinForm(request.POST or request.GET or None)
    if form.is_bound and form.is_valid():
        code = normalise_code(form.cleaned_data["code"])
        if WorkshopSession.objects.filter(code=code).exists():
            return redirect("workshop_join:session", code=code)
        if guessing.missed(request):
            return too_many(request)
        form.add_error("code", _("No session has this code. Check the code on the screen."))
    return render(request, "workshop/join.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@_guarded
def session_page(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code)
    participant = participant_of(request, session)
    if participant is None:
        return _choose(request, session)
    return render(
        request, "workshop/participate.html", _participate_context(request, session, participant)
    )


def _choose(request: HttpRequest, session: WorkshopSession) -> HttpResponse:
    form = ChooseForm(request.POST or None, ask=session.ask)
    status = 200
    if session.locked:
        return render(
            request,
            "workshop/locked.html",
            {"session": session},
            status=409 if request.method == "POST" else 200,
        )
    if request.method == "POST":
        if form.is_valid():
            choice = form.cleaned_data["choice"]
            if session.ask == Ask.RATIONALITEIT:
                groep, rationaliteit = "", choice
            else:
                groep, rationaliteit = choice, load_model().group(choice).rationaliteit
            try:
                participant = join(session, groep=groep, rationaliteit=rationaliteit)
            except Refused:
                return render(request, "workshop/locked.html", {"session": session}, status=409)
            response = HttpResponseRedirect(reverse("workshop_join:session", args=[session.code]))
            response.set_signed_cookie(
                cookie_name(session),
                participant.key,
                salt=COOKIE_SALT,
                max_age=COOKIE_AGE,
                path="/w/",
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
            return response
        status = 400
    return render(
        request, "workshop/choose.html", {"session": session, "form": form}, status=status
    )


def _participate_context(
    request: HttpRequest, session: WorkshopSession, participant: Participant
) -> dict[str, Any]:
    lang = current_lang()
    model = load_model()
    wanted = request.GET.get("transitie", "")
    transitie = (
        wanted
        if wanted in session.transities
        else (session.focus_transitie or session.transities[0])
    )
    placed = own_placements(participant)
    forms = []
    for perspectief in PERSPECTIEVEN:
        current = placed.get((session.round, transitie, perspectief))
        earlier = placed.get((1, transitie, perspectief)) if session.round == 2 else None
        start_at = current or earlier or (0.0, 0.0)
        forms.append(
            {
                "perspectief": perspectief,
                "label": _("Ambitie: as intended in policy")
                if perspectief == "ambitie"
                else _("Praktijk: as it works today"),
                "cc": round(start_at[0] * SCALE),
                "dc": round(start_at[1] * SCALE),
                "placed": current is not None,
                "status": _placed_text(current) if current else _("Not placed yet."),
                "svg": drag_svg(start_at if current or earlier else None, f"sleep-{perspectief}"),
            }
        )
    if participant.groep:
        who = model.group(participant.groep).name.get(lang)
    else:
        who = model.rationaliteit(participant.rationaliteit).name.get(lang)
    return {
        "session": session,
        "who": who,
        "transitie": transitie,
        "transitie_name": model.transitie(transitie).name.get(lang),
        "transities": [(t, model.transitie(t).name.get(lang)) for t in session.transities],
        "forms": forms,
        "saved": request.GET.get("geplaatst") in PERSPECTIEVEN,
    }


def _placed_text(position: tuple[float, float]) -> str:
    return _("Placed: cocreatie–controle %(cc)s, decentraal–centraal %(dc)s.") % {
        "cc": number(position[0]),
        "dc": number(position[1]),
    }


@never_cache
@require_POST
@_guarded
def place_view(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code)
    participant = participant_of(request, session)
    htmx = request.headers.get("HX-Request") == "true"
    if participant is None:
        if htmx:
            return HttpResponse(_("Choose your group first; reload the page."), status=409)
        return redirect("workshop_join:session", code=session.code)
    form = PlaceForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Not placed: the position was not understood."), status=400)
    data = form.cleaned_data
    cc, dc = data["cc"] / SCALE, data["dc"] / SCALE
    try:
        version = place(
            session,
            participant,
            transitie=data["transitie"],
            perspectief=data["perspectief"],
            cc=cc,
            dc=dc,
        )
    except Refused:
        message = (
            _("Not placed: the facilitator has locked the session.")
            if session.locked
            else _("Not placed: this transitie is not part of the session.")
        )
        if htmx:
            return HttpResponse(message, status=409)
        return render(
            request, "workshop/locked.html", {"session": session, "message": message}, status=409
        )
    if htmx:
        response = HttpResponse(_placed_text((cc, dc)))
    else:
        url = reverse("workshop_join:session", args=[session.code])
        response = HttpResponseRedirect(
            f"{url}?transitie={data['transitie']}&geplaatst={data['perspectief']}#{data['perspectief']}"
        )
    response["X-Workshop-Version"] = str(version)
    return response


def _control_version(code: str) -> int | None:
    q = connection.ops.quote_name
    sql = (
        f"SELECT {q('control_version')} FROM {q(WorkshopSession._meta.db_table)}"
        f" WHERE {q('code')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [code])
        row = cursor.fetchone()
    return None if row is None else int(row[0])


@require_GET
@_guarded
def poll(request: HttpRequest, code: str) -> HttpResponse:
    """204 while the session's controls are unchanged; else tell htmx to reload the page.

    Every phone asks every two seconds, so this is one indexed query (the unique join code)
    in plain SQL, which skips compiling an ORM query each time; no cookie is read.
    """
    found = _control_version(normalise_code(code))
    if found is None:
        raise _Unknown
    if str(found) == request.GET.get("v", ""):
        return HttpResponse(status=204)
    response = HttpResponse(status=200)
    response["HX-Refresh"] = "true"
    return response
