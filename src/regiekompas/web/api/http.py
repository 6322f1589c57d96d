"""The HTTP conventions of the API, the NL API Design Rules as docs/api.md lists them.

Every response under /api/v1 — data, errors and unknown paths alike — carries the
`API-Version` header and the security headers of the rules' transport module, and is never
cached. Errors are problem details (RFC 9457, `application/problem+json`) with a title in the
request's language and no internals. Only GET (and HEAD) exist; other methods get 405 with
`Allow`, a client that accepts no JSON gets 406. Authentication is `Authorization: Bearer
<token>`; too many unknown tokens from one client get 429 for a while (`web/throttle.py`).
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from regiekompas.web.api.models import ApiToken
from regiekompas.web.api.tokens import authenticate
from regiekompas.web.throttle import client_ip, count, over

#: The full version of this API (major in the path, semver here and in the OpenAPI document).
API_VERSION: Final = "1.0.0"
JSON: Final = "application/json"
PROBLEM_JSON: Final = "application/problem+json"
#: Base of the `type` URIs of the problems (documented in docs/api.md, "Errors").
PROBLEM_BASE: Final = "https://regiekompas.nl/api/problemen/"
ALLOWED_METHODS: Final = ("GET", "HEAD")
#: The throttle scope of failed token checks (web/throttle.py).
THROTTLE_SCOPE: Final = "api-token"

log = logging.getLogger(__name__)


def _headers(response: HttpResponse) -> HttpResponse:
    response["API-Version"] = API_VERSION
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Frame-Options"] = "DENY"
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
    return response


def json_response(
    data: Any, *, status: int = 200, content_type: str = JSON, headers: dict[str, str] | None = None
) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    response = HttpResponse(body, status=status, content_type=f"{content_type}; charset=utf-8")
    for name, value in (headers or {}).items():
        response[name] = value
    return _headers(response)


@dataclass(frozen=True)
class InvalidParam:
    name: str
    reason: str


def problem(
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    *,
    request: HttpRequest | None = None,
    invalid: Sequence[InvalidParam] = (),
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """A problem details response; `code` names the problem's `type` URI."""
    body: dict[str, Any] = {"type": PROBLEM_BASE + code, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if request is not None:
        body["instance"] = request.path
    if invalid:
        body["invalidParams"] = [{"name": p.name, "reason": p.reason} for p in invalid]
    return json_response(body, status=status, content_type=PROBLEM_JSON, headers=headers)


def not_found(request: HttpRequest, detail: str | None = None) -> HttpResponse:
    return problem(
        404,
        "niet-gevonden",
        _("Not found"),
        detail or _("There is no resource at this address, or this token may not read it."),
        request=request,
    )


class ProblemError(Exception):
    """Raised inside a view to answer with a problem (bad parameters, no results)."""

    def __init__(self, response: HttpResponse) -> None:
        super().__init__(response.status_code)
        self.response = response


def _bearer(request: HttpRequest) -> str | None:
    header = str(request.META.get("HTTP_AUTHORIZATION", ""))
    scheme, _sep, value = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _unauthorized(request: HttpRequest, *, invalid: bool) -> HttpResponse:
    challenge = 'Bearer realm="regiekompas"'
    if invalid:
        challenge += ', error="invalid_token"'
        detail = _("The token is unknown or was revoked.")
    else:
        detail = _("Send an API token in the header: Authorization: Bearer <token>.")
    return problem(
        401,
        "niet-geauthenticeerd",
        _("Authentication needed"),
        detail,
        request=request,
        headers={"WWW-Authenticate": challenge},
    )


def _too_many(request: HttpRequest) -> HttpResponse:
    window = int(settings.THROTTLE_WINDOW_SECONDS)
    return problem(
        429,
        "te-veel-verzoeken",
        _("Too many requests"),
        _("Too many unknown tokens were tried from this address; wait and try again."),
        request=request,
        headers={"Retry-After": str(window)},
    )


def _guard(request: HttpRequest) -> HttpResponse | None:
    """The response for a request that may not go on (method, Accept), else None."""
    if request.method not in ALLOWED_METHODS:
        return problem(
            405,
            "methode-niet-toegestaan",
            _("Method not allowed"),
            _("This API only reads: use GET."),
            request=request,
            headers={"Allow": ", ".join(ALLOWED_METHODS)},
        )
    if not (request.accepts(JSON) or request.accepts(PROBLEM_JSON)):
        return problem(
            406,
            "niet-acceptabel",
            _("Not acceptable"),
            _("This API answers in JSON only (Accept: application/json)."),
            request=request,
        )
    return None


def _token(request: HttpRequest) -> ApiToken | HttpResponse:
    ip = client_ip(request)
    window = int(settings.THROTTLE_WINDOW_SECONDS)
    limit = int(settings.TOKEN_FAILURES_PER_WINDOW)
    if over(THROTTLE_SCOPE, ip, limit=limit, window=window):
        return _too_many(request)
    secret = _bearer(request)
    if secret is None:
        return _unauthorized(request, invalid=False)
    token = authenticate(secret)
    if token is None:
        count(THROTTLE_SCOPE, ip, window=window)
        return _unauthorized(request, invalid=True)
    return token


def _safely(view: Callable[[], HttpResponse], request: HttpRequest) -> HttpResponse:
    try:
        return view()
    except ProblemError as error:
        return error.response
    except Http404:
        return not_found(request)
    except Exception:
        log.exception("API error on %s", request.path)
        return problem(
            500,
            "serverfout",
            _("Server error"),
            _("Something went wrong on our side; the error was logged."),
            request=request,
        )


def _no_csrf(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The API never changes anything and ignores cookies, so Django's CSRF check has nothing
    to protect; without this, a POST would get its HTML 403 instead of our problem+json 405."""
    return csrf_exempt(view)


def public_endpoint(
    view: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """An endpoint without a token (the OpenAPI document, unknown paths)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refused = _guard(request)
        if refused is not None:
            return refused
        return _safely(lambda: view(request, *args, **kwargs), request)

    return _no_csrf(wrapped)


def endpoint(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """An endpoint that needs a valid token; the view gets it as its second argument."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refused = _guard(request)
        if refused is not None:
            return refused
        token = _token(request)
        if isinstance(token, HttpResponse):
            return token
        return _safely(lambda: view(request, token, *args, **kwargs), request)

    return _no_csrf(wrapped)
