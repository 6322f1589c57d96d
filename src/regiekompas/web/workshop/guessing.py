"""Throttle guessing of join codes under /w/ (docs/workshop.md, docs/security.md).

Like the respondent links (web/throttle.py): a valid code costs nothing extra, an unknown
one counts against the client in the shared cache, and a client over the limit is refused
(429) by this process for the rest of the window — also for codes that exist, so a guesser
cannot tell a hit from a miss once refused. With W worker processes a guesser gets at most
limit + W unknown codes per window; a code has 24⁶ ≈ 191 million values.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpRequest

from regiekompas.web.throttle import client_ip, count

SCOPE = "workshop-code"

#: Client → monotonic time until which it is refused, in this process.
_blocked: dict[str, float] = {}


def refused(request: HttpRequest) -> bool:
    """Whether this client is refused for now (a dictionary look-up: free on the hot path)."""
    ip = client_ip(request)
    until = _blocked.get(ip)
    if until is None:
        return False
    if until > time.monotonic():
        return True
    del _blocked[ip]
    return False


def missed(request: HttpRequest) -> bool:
    """Count an unknown code for this client; True when it is now over the limit."""
    ip = client_ip(request)
    window = settings.THROTTLE_WINDOW_SECONDS
    if count(SCOPE, ip, window=window) >= settings.TOKEN_FAILURES_PER_WINDOW:
        if len(_blocked) > 100_000:
            _blocked.clear()
        _blocked[ip] = time.monotonic() + window
        return True
    return False


def forget() -> None:
    """Start afresh (tests)."""
    _blocked.clear()
