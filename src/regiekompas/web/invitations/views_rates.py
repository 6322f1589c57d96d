"""The response rates page: who was invited, started and submitted, per gemeente and group."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regiekompas.web.accounts.access import facilitated_scan
from regiekompas.web.invitations.rates import response_rates


@login_required
def rates(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(request.user, pk)
    return render(request, "invitations/rates.html", {"scan": scan, "table": response_rates(scan)})
