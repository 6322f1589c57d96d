"""A full disk or an unreachable database answers with a clear page, not a stack trace.

When SQLite reports "database or disk is full", or PostgreSQL runs out of space (SQLSTATE
53100, disk_full), the transaction of the request has already been rolled back — nothing is
half-written — so the only job left is to tell the person: 503 with Retry-After, a page
saying nothing was saved, and one log line for the operator (docs/security.md). Saving
works again as soon as space is freed; no restart is needed. The same holds for a database
that is briefly unreachable (a PostgreSQL restart: bench/faults.py measures it): 503, "try
again", and the next request opens a fresh connection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

log = logging.getLogger("regiekompas.storage")

_FULL_TEXTS = ("database or disk is full", "no space left on device", "disk full")


def is_storage_full(exc: BaseException) -> bool:
    """Whether a database error means the storage is full (SQLite or PostgreSQL)."""
    if not isinstance(exc, DatabaseError):
        return False
    cause = exc.__cause__ or exc
    if getattr(cause, "sqlstate", None) == "53100":
        return True
    text = str(exc).lower()
    return any(phrase in text for phrase in _FULL_TEXTS)


class OutageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_storage_full(exception):
            log.error("storage full at %s %s: %s", request.method, request.path, exception)
            template, retry = "storage_full.html", "60"
        elif isinstance(exception, (OperationalError, InterfaceError)):
            log.error("database unavailable at %s %s: %s", request.method, request.path, exception)
            template, retry = "unavailable.html", "5"
        else:
            return None
        # Rendered without touching the database again: no user or messages from the session.
        context = {"user": AnonymousUser(), "messages": ()}
        response = render(request, template, context, status=503)
        response["Retry-After"] = retry
        return response
