"""Issuing, checking and revoking API tokens.

A token is `rk_` followed by 256 random bits (`web/token_hashing.py`, the same approach as the
respondents' links); only its SHA-256 hash is stored. Checking a token looks its hash up
through the unique index and compares the found hash in constant time, so neither the
database nor the response time tells how much of a guess was right.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from django.contrib.auth.models import User
from django.utils import timezone

from regiekompas.web.api.models import ApiToken
from regiekompas.web.regions.models import Region
from regiekompas.web.token_hashing import hash_token, new_token, same_hash

#: Visible start of every token, so that secret scanners and people recognise one.
TOKEN_PREFIX: Final = "rk_"
#: Characters of a token kept readable (with the prefix) to tell tokens apart.
SHOWN_CHARS: Final = 8
#: Longest token header worth hashing; anything longer is no token of ours.
MAX_TOKEN_LENGTH: Final = 100
#: `last_used_at` is written at most this often per token (a BI refresh makes many calls).
LAST_USED_RESOLUTION: Final = timedelta(minutes=1)


def issue(region: Region, name: str, user: User | None) -> tuple[ApiToken, str]:
    """A new token for `region`; the caller shows the returned secret once."""
    secret = new_token(TOKEN_PREFIX)
    token = ApiToken.objects.create(
        region=region,
        name=name,
        token_hash=hash_token(secret),
        prefix=secret[: len(TOKEN_PREFIX) + SHOWN_CHARS],
        created_by=user,
    )
    return token, secret


def authenticate(secret: str) -> ApiToken | None:
    """The valid (not revoked) token with this secret, or None."""
    if not secret or len(secret) > MAX_TOKEN_LENGTH:
        return None
    wanted = hash_token(secret)
    token = ApiToken.objects.select_related("region").filter(token_hash=wanted).first()
    if token is None or not same_hash(token.token_hash, wanted) or token.is_revoked:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def revoke(token: ApiToken, user: User | None) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = user
        token.save(update_fields=["revoked_at", "revoked_by"])
