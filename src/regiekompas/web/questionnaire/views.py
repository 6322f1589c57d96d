"""The respondent's pages: intro, one page per step, review, submit, thanks — and the
single-answer endpoint htmx posts to on every change.

Every page works without JavaScript: a step page is one form whose buttons save the whole
page and redirect (post/redirect/get). With htmx each change is also saved at once, so
closing the browser loses nothing. Pages are never cached: the URL is personal, and a
shared or back-buttoned device must not show stale or someone else's answers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regiekompas.web.invitations.models import AccessToken, Respondent
from regiekompas.web.invitations.tokens import hash_token, respondent_and_answered
from regiekompas.web.questionnaire import gate
from regiekompas.web.questionnaire.burden import burden
from regiekompas.web.questionnaire.pages import build_page, row_anchor
from regiekompas.web.questionnaire.review import progress, review_rows
from regiekompas.web.questionnaire.saving import COPY_FIELD, copy_row, save_one, save_step
from regiekompas.web.questionnaire.steps import Saved, build_route, load_saved
from regiekompas.web.responses.saving import AnswerRejected, ScanNotAccepting

#: `?van=overzicht` (and the hidden field `naar`) send a step back to the review page.
FROM_REVIEW = "overzicht"


def _step_url(token: str, number: int) -> str:
    return reverse("questionnaire:step", args=[token, number])


def _listed(names: list[str]) -> str:
    return str(get_text_list(names, _("and")))


_PERSPECTIEF_LABELS = {
    "ambitie": gettext_lazy("as intended in policy (ambitie)"),
    "praktijk": gettext_lazy("as it works today (praktijk)"),
}


@never_cache
@require_GET
def start(request: HttpRequest, token: str) -> HttpResponse:
    """Intro and privacy statement; offers to continue where the respondent left off."""
    respondent = gate.answering_respondent(request, token)
    if isinstance(respondent, HttpResponse):
        return respondent
    AccessToken.objects.filter(token_hash=hash_token(token)).update(last_used_at=timezone.now())
    route = build_route(respondent)
    saved = load_saved(respondent)
    started = bool(saved.values or saved.texts or saved.mechanisms)
    open_step = route.first_open_step(saved)
    review_url = reverse("questionnaire:review", args=[token])
    if not route.steps:
        resume_url = review_url
    elif not started:
        resume_url = _step_url(token, 1)
    else:
        resume_url = _step_url(token, open_step.number) if open_step else review_url
    scan = respondent.scan
    context = {
        "token": token,
        "scan": scan,
        "respondent": respondent,
        "route": route,
        "intro": route.instrument.texts.intro.get(route.lang),
        "gemeenten": _listed([route.gemeente_name(g) for g in route.gemeenten]),
        "transities": _listed(list(route.transitie_names.values())),
        "perspectieven": _listed([str(_PERSPECTIEF_LABELS[p]) for p in route.perspectieven]),
        "started": started,
        "resume_url": resume_url,
        "progress": progress(route, saved),
        "burden": burden(route),
        "planned": route.plan.gemeenten != tuple(route.all_gemeenten),
        "block_gemeenten": _listed([route.gemeente_name(g) for g in route.plan.block_gemeenten]),
        "all_gemeenten": _listed([route.gemeente_name(g) for g in route.all_gemeenten]),
    }
    return render(request, "questionnaire/start.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, token: str, number: int) -> HttpResponse:
    respondent = gate.answering_respondent(request, token)
    if isinstance(respondent, HttpResponse):
        return respondent
    route = build_route(respondent)
    current = route.step(number)
    if current is None:
        return redirect("questionnaire:start", token=token)
    from_review = request.GET.get("van") == FROM_REVIEW or request.POST.get("naar") == FROM_REVIEW
    error = ""
    if request.method == "POST":
        data: QueryDict = request.POST
        copied = ""
        try:
            if COPY_FIELD in data:
                data, copied = copy_row(data)
            save_step(route, current, data)
        except ScanNotAccepting:
            return gate.closed(request, respondent, token)
        except AnswerRejected as exc:
            error = str(exc)
        else:
            if copied:
                # Back to the same page, at the row that was just filled in.
                back = _step_url(token, number) + ("?van=overzicht" if from_review else "")
                return redirect(f"{back}#{row_anchor(copied)}")
            return redirect(_after_step(request, token, number, len(route.steps), from_review))
    saved = load_saved(respondent)
    context = {
        "token": token,
        "step": current,
        "total_steps": len(route.steps),
        "is_last": number == len(route.steps),
        "page": build_page(route, current, saved),
        "progress": progress(route, saved),
        "from_review": from_review,
        "error": error,
    }
    return render(request, "questionnaire/step.html", context, status=400 if error else 200)


def _after_step(request: HttpRequest, token: str, number: int, total: int, review: bool) -> str:
    if request.POST.get("richting") == "terug":
        if number > 1:
            return _step_url(token, number - 1)
        return reverse("questionnaire:start", args=[token])
    if review or number >= total:
        return reverse("questionnaire:review", args=[token])
    return _step_url(token, number + 1)


@never_cache
@require_POST
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """Save one answer. htmx gets a small status fragment; a bare form post is sent back."""
    htmx = request.headers.get("HX-Request") == "true"
    found = respondent_and_answered(token)
    if found is None:
        if htmx:
            return _status("invalid", status=404)
        return gate.invalid_link(request)
    respondent, answered = found
    if not respondent.scan.accepts_answers:
        return _refused(request, respondent, token, htmx)
    route = build_route(respondent, names=False, store=False)
    try:
        saved = save_one(route, request.POST)
    except ScanNotAccepting:
        return _refused(request, respondent, token, htmx)
    except AnswerRejected as exc:
        if htmx:
            return _status("rejected", message=str(exc), status=400)
        context = {"token": token, "error": str(exc), "back": _back(request, token)}
        return render(request, "questionnaire/answer_error.html", context, status=400)
    if htmx:
        # The keys read before the save, plus this one: the count after it, no extra query.
        keys = answered if saved is None else answered | {saved}
        return _status("saved", progress=progress(route, Saved.numeric_keys(keys)))
    return redirect(_back(request, token))


def _refused(request: HttpRequest, respondent: Respondent, token: str, htmx: bool) -> HttpResponse:
    concept = respondent.scan.is_concept
    if htmx:
        return _status("not_open" if concept else "closed", status=409)
    if concept:
        return gate.not_open(request, token)
    return gate.closed(request, respondent, token)


def _status(state: str, *, status: int = 200, **context: object) -> HttpResponse:
    # A fragment for htmx: no context processors (they are for whole pages), so it renders
    # without the request; the active language still applies.
    context["state"] = state
    return HttpResponse(render_to_string("questionnaire/_status.html", context), status=status)


def _back(request: HttpRequest, token: str) -> str:
    """The questionnaire page the post came from (`next` or Referer), else the intro."""
    home = reverse("questionnaire:start", args=[token])
    for candidate in (request.POST.get("next"), request.headers.get("Referer")):
        if not candidate or not url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            continue
        parts = urlsplit(candidate)
        if parts.path.startswith(home):
            return parts.path + (f"?{parts.query}" if parts.query else "")
    return home


@never_cache
@require_GET
def review(request: HttpRequest, token: str) -> HttpResponse:
    respondent = gate.answering_respondent(request, token)
    if isinstance(respondent, HttpResponse):
        return respondent
    route = build_route(respondent)
    saved = load_saved(respondent)
    context = {
        "token": token,
        "scan": respondent.scan,
        "respondent": respondent,
        "rows": review_rows(route, saved),
        "progress": progress(route, saved),
        "last_url": _step_url(token, len(route.steps)) if route.steps else None,
    }
    return render(request, "questionnaire/review.html", context)


@never_cache
@require_POST
def submit(request: HttpRequest, token: str) -> HttpResponse:
    """Mark the answers as submitted; they stay changeable until the scan closes."""
    respondent = gate.answering_respondent(request, token)
    if isinstance(respondent, HttpResponse):
        return respondent
    Respondent.objects.filter(pk=respondent.pk).update(submitted_at=timezone.now())
    return redirect("questionnaire:done", token=token)


@never_cache
@require_GET
def done(request: HttpRequest, token: str) -> HttpResponse:
    respondent = gate.answering_respondent(request, token)
    if isinstance(respondent, HttpResponse):
        return respondent
    context = {"token": token, "scan": respondent.scan, "respondent": respondent}
    return render(request, "questionnaire/done.html", context)
