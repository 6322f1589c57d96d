"""The answer upsert as one SQL statement, run in autocommit.

Every click of a respondent ends here. `bulk_create(update_conflicts=True)` produces the
same `INSERT … ON CONFLICT (key) DO UPDATE` but wraps it in a transaction of its own and
compiles it anew each time: on PostgreSQL that is three round trips instead of one, and
together it made a save cost several times the bare insert of bench/web_load.py. The
statement is built from the model's metadata, so a renamed column cannot go unnoticed, and
its values go through the fields' own database preparation.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Protocol

from django.db import connection
from django.utils import timezone

from regiekompas.web.plainsql import field, quoted
from regiekompas.web.responses.models import Answer

#: The unique key of an answer, then the columns an upsert overwrites.
KEY = ("respondent", "gemeente_code", "transitie", "perspectief", "item")
UPDATED = ("value", "updated_at")


class AnswerValue(Protocol):
    @property
    def gemeente_code(self) -> str: ...
    @property
    def transitie(self) -> str: ...
    @property
    def perspectief(self) -> str: ...
    @property
    def item(self) -> str: ...
    @property
    def value(self) -> int | None: ...


def upsert_answers(respondent_id: int, answers: Sequence[AnswerValue]) -> None:
    """Insert or overwrite one row per answer; keys must be distinct within one call."""
    if not answers:
        return
    now = field(Answer, "updated_at").get_db_prep_value(timezone.now(), connection)
    params: list[Any] = []
    for a in answers:
        params += [respondent_id, a.gemeente_code, a.transitie, a.perspectief, a.item, a.value, now]
    with connection.cursor() as cursor:
        cursor.execute(_statement(len(answers)), params)


@functools.lru_cache(maxsize=64)
def _statement(rows: int) -> str:
    key = [quoted(Answer, name) for name in KEY]
    updated = [quoted(Answer, name) for name in UPDATED]
    row = "(" + ", ".join(["%s"] * (len(key) + len(updated))) + ")"
    into = connection.ops.quote_name(Answer._meta.db_table)
    return (
        f"INSERT INTO {into} ({', '.join(key + updated)})"
        f" VALUES {', '.join([row] * rows)}"
        f" ON CONFLICT ({', '.join(key)})"
        f" DO UPDATE SET {', '.join(f'{c} = EXCLUDED.{c}' for c in updated)}"
    )
