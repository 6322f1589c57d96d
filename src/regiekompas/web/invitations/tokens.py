"""Issue and resolve respondent tokens: 256 random bits out, only their hash kept."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.urls import reverse

from regiekompas.web.invitations.models import AccessToken, Respondent

#: Bytes of randomness per token (256 bits; the issue asks for at least 128).
TOKEN_BYTES = 32


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(respondent: Respondent) -> str:
    """A new personal token for `respondent`; the caller shows or sends it once."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    AccessToken.objects.create(respondent=respondent, token_hash=hash_token(token))
    return token


def respondent_for_token(token: str) -> Respondent | None:
    """The respondent a token belongs to, or None for an unknown or revoked token."""
    if not token or len(token) > 100:
        return None
    found = (
        AccessToken.objects.select_related("respondent__scan")
        # The frozen instrument (tens of kB) is read only when not yet cached in memory.
        .defer("respondent__scan__instrument_toml")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if found is None or found.respondent.is_revoked:
        return None
    return found.respondent


def link_for(token: str) -> str:
    """The absolute personal link, for mails and the download of links."""
    return settings.BASE_URL + reverse("questionnaire:start", args=[token])
