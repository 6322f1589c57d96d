"""Who is asking, and may they answer now? The one check in front of every questionnaire page.

The token in the URL is the respondent's only identity. An unknown or withdrawn token gets
the same plain page as a mistyped one — status 404, no detail — so a link that stopped
working reveals nothing about the scan or whether the respondent ever existed. A valid link
to a scan that is not open yet, or no longer accepts answers, gets a page saying so: 200 for
"not open yet" (the link will work later), 410 Gone for a closed scan.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regiekompas.web.invitations.models import Respondent
from regiekompas.web.invitations.tokens import respondent_for_token

#: Status of the page shown for a closed scan (answers can no longer change).
CLOSED_STATUS = 410


def invalid_link(request: HttpRequest) -> HttpResponse:
    return render(request, "questionnaire/invalid_link.html", status=404)


def not_open(request: HttpRequest, token: str) -> HttpResponse:
    return render(request, "questionnaire/not_open.html", {"token": token})


def closed(request: HttpRequest, respondent: Respondent, token: str) -> HttpResponse:
    context = {"token": token, "submitted": respondent.submitted_at is not None}
    return render(request, "questionnaire/closed.html", context, status=CLOSED_STATUS)


def answering_respondent(request: HttpRequest, token: str) -> Respondent | HttpResponse:
    """The respondent of `token` if the scan accepts answers; else the page to show instead."""
    respondent = respondent_for_token(token)
    if respondent is None:
        return invalid_link(request)
    scan = respondent.scan
    if scan.is_concept:
        return not_open(request, token)
    if not scan.accepts_answers:
        return closed(request, respondent, token)
    return respondent
