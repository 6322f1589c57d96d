"""Issue and resolve respondent tokens: 256 random bits out, only their hash kept."""

from __future__ import annotations

import functools

from django.conf import settings
from django.db import connection
from django.urls import reverse

from regiekompas.web.invitations.models import AccessToken, Respondent
from regiekompas.web.plainsql import Columns, column, table
from regiekompas.web.responses.models import Answer
from regiekompas.web.scans.models import Scan

# One way to make and hash every kind of token (web/token_hashing.py); re-exported for `links.py`
# and the questionnaire.
from regiekompas.web.token_hashing import TOKEN_BYTES as TOKEN_BYTES
from regiekompas.web.token_hashing import hash_token as hash_token
from regiekompas.web.token_hashing import new_token


def issue_token(respondent: Respondent) -> str:
    """A new personal token for `respondent`; the caller shows or sends it once."""
    token = new_token()
    AccessToken.objects.create(respondent=respondent, token_hash=hash_token(token))
    return token


#: (gemeente, transitie, perspectief, item) of a saved numeric answer.
AnswerKey = tuple[str, str, str, str]


def respondent_for_token(token: str) -> Respondent | None:
    """The respondent a token belongs to (with its scan), or None for an unknown or revoked
    token.

    Every click of a respondent comes through here, so this is one plain-SQL join (see
    `plainsql`) rather than a select_related queryset that Django would compile per request.
    The scan's frozen instrument (tens of kB) stays deferred: it is read only when not yet
    cached in memory.
    """
    found = _lookup(token, answered=False)
    return None if found is None else found[0]


def respondent_and_answered(token: str) -> tuple[Respondent, set[AnswerKey]] | None:
    """`respondent_for_token` plus the keys of the numeric answers saved so far, in the same
    statement: the answer endpoint reports progress after every click."""
    return _lookup(token, answered=True)


def _lookup(token: str, *, answered: bool) -> tuple[Respondent, set[AnswerKey]] | None:
    if not token or len(token) > 100:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_lookup_sql(answered), [hash_token(token)])
        row = cursor.fetchone()
    if row is None:
        return None
    respondent = _RESPONDENT.build(row[: len(_RESPONDENT)])
    if respondent.is_revoked:
        return None
    respondent.scan = _SCAN.build(row[len(_RESPONDENT) : len(_RESPONDENT) + len(_SCAN)])
    keys: set[AnswerKey] = set()
    if answered and row[-1]:
        for packed in row[-1].split(_ROW_SEP):
            g, t, p, item = packed.split(_KEY_SEP)
            keys.add((g, t, p, item))
    return respondent, keys


_RESPONDENT = Columns(Respondent)
_SCAN = Columns(Scan, defer=["instrument_toml"])
#: Separators of the packed answer keys: control characters no code can contain.
_KEY_SEP, _ROW_SEP = "\x1f", "\x1e"


@functools.cache
def _lookup_sql(answered: bool) -> str:
    keys = ""
    if answered:
        fields = f" || '{_KEY_SEP}' || ".join(
            column(Answer, "a", name)
            for name in ("gemeente_code", "transitie", "perspectief", "item")
        )
        aggregate = "string_agg" if connection.vendor == "postgresql" else "group_concat"
        keys = (
            f", (SELECT {aggregate}({fields}, '{_ROW_SEP}') FROM {table(Answer, 'a')}"
            f" WHERE {column(Answer, 'a', 'respondent')} = {column(Respondent, 'r', 'id')})"
        )
    return (
        f"SELECT {_RESPONDENT.select('r')}, {_SCAN.select('s')}{keys}"
        f" FROM {table(AccessToken, 't')}"
        f" JOIN {table(Respondent, 'r')}"
        f" ON {column(Respondent, 'r', 'id')} = {column(AccessToken, 't', 'respondent')}"
        f" JOIN {table(Scan, 's')} ON {column(Scan, 's', 'id')} = {column(Respondent, 'r', 'scan')}"
        f" WHERE {column(AccessToken, 't', 'token_hash')} = %s"
    )


def link_for(token: str) -> str:
    """The absolute personal link, for mails and the download of links."""
    return settings.BASE_URL + reverse("questionnaire:start", args=[token])
