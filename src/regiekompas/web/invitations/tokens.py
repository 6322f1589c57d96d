"""Issue and resolve respondent tokens: 256 random bits out, only their hash kept."""

from __future__ import annotations

import functools
import hashlib
import secrets

from django.conf import settings
from django.db import connection
from django.urls import reverse

from regiekompas.web.invitations.models import AccessToken, Respondent
from regiekompas.web.plainsql import Columns, column, table
from regiekompas.web.scans.models import Scan

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
    """The respondent a token belongs to (with its scan), or None for an unknown or revoked
    token.

    Every click of a respondent comes through here, so this is one plain-SQL join (see
    `plainsql`) rather than a select_related queryset that Django would compile per request.
    The scan's frozen instrument (tens of kB) stays deferred: it is read only when not yet
    cached in memory.
    """
    if not token or len(token) > 100:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_lookup_sql(), [hash_token(token)])
        row = cursor.fetchone()
    if row is None:
        return None
    respondent = _RESPONDENT.build(row[: len(_RESPONDENT)])
    if respondent.is_revoked:
        return None
    respondent.scan = _SCAN.build(row[len(_RESPONDENT) :])
    return respondent


_RESPONDENT = Columns(Respondent)
_SCAN = Columns(Scan, defer=["instrument_toml"])


@functools.cache
def _lookup_sql() -> str:
    return (
        f"SELECT {_RESPONDENT.select('r')}, {_SCAN.select('s')}"
        f" FROM {table(AccessToken, 't')}"
        f" JOIN {table(Respondent, 'r')}"
        f" ON {column(Respondent, 'r', 'id')} = {column(AccessToken, 't', 'respondent')}"
        f" JOIN {table(Scan, 's')} ON {column(Scan, 's', 'id')} = {column(Respondent, 'r', 'scan')}"
        f" WHERE {column(AccessToken, 't', 'token_hash')} = %s"
    )


def link_for(token: str) -> str:
    """The absolute personal link, for mails and the download of links."""
    return settings.BASE_URL + reverse("questionnaire:start", args=[token])
