"""Abuse limits: who the client is behind a proxy, and counters in the shared cache.

Three things are throttled (docs/security.md): guessing respondent tokens (failed look-ups
under /r/, per client), password-reset mails (per address and per client) and look-ups of
accounts in the membership form (per facilitator). Counters live in Django's cache — Redis
when REDIS_URL is set, so all processes count together — in fixed windows.

The answer-saving hot path must not pay for this (README: a click is two SQL statements).
So the token middleware never asks the cache on a request: a process keeps the clients it
found over the limit in memory, and only a *failed* look-up (404) touches the shared counter.
With W worker processes a guesser gets at most limit + W failures per window.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    """The client's address, trusting exactly REGIEKOMPAS_TRUSTED_PROXIES proxies.

    Each trusted reverse proxy appends the address it saw to X-Forwarded-For, so with N of
    them the client is the N-th entry from the right; entries further left are whatever the
    client sent and are ignored. With N = 0 (no proxy) the header is ignored altogether, so a
    client cannot choose its own address. Also used by django-axes (AXES_CLIENT_IP_CALLABLE),
    so lockouts are per client behind a proxy, not per proxy.
    """
    remote = str(request.META.get("REMOTE_ADDR") or "")
    proxies: int = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
    ]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _key(scope: str, subject: str, window: int) -> str:
    digest = hashlib.sha256(subject.strip().lower().encode()).hexdigest()[:32]
    return f"rk-throttle:{scope}:{digest}:{int(time.time()) // window}"


def hit(scope: str, subject: str, *, limit: int, window: int) -> bool:
    """Count one event for `subject` in the current window; True once it is over `limit`."""
    return count(scope, subject, window=window) > limit


def count(scope: str, subject: str, *, window: int) -> int:
    """Count one event for `subject` in the current window; the events so far, this one too.

    Subjects (addresses, usernames) are stored hashed, so the cache holds no personal data.
    """
    key = _key(scope, subject, window)
    cache.add(key, 0, timeout=window + 1)
    try:
        found = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        return 1
    return int(found)


def over(scope: str, subject: str, *, limit: int, window: int) -> bool:
    """Whether `subject` is already over `limit` in the current window (counts nothing)."""
    return int(cache.get(_key(scope, subject, window)) or 0) >= limit


def too_many(request: HttpRequest) -> HttpResponse:
    """The page for a client that went over a limit: 429 with Retry-After."""
    response = render(request, "throttled.html", status=429)
    response["Retry-After"] = str(settings.THROTTLE_WINDOW_SECONDS)
    return response


class TokenGuessingMiddleware:
    """Refuse a client with too many unknown respondent tokens (404s under /r/) for a while.

    Valid links work as always and cost nothing extra; only unknown tokens are counted.
    """

    PREFIX = "/r/"
    SCOPE = "token"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        #: Client → time (monotonic) until which it is refused, in this process.
        self.blocked: dict[str, float] = {}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(self.PREFIX):
            return self.get_response(request)
        ip = client_ip(request)
        until = self.blocked.get(ip)
        if until is not None:
            if until > time.monotonic():
                return too_many(request)
            del self.blocked[ip]
        response = self.get_response(request)
        if response.status_code == 404:
            window = settings.THROTTLE_WINDOW_SECONDS
            if count(self.SCOPE, ip, window=window) >= settings.TOKEN_FAILURES_PER_WINDOW:
                if len(self.blocked) > 100_000:  # a flood of addresses: start afresh
                    self.blocked.clear()
                self.blocked[ip] = time.monotonic() + window
        return response
