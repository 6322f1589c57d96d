"""What the PostgreSQL configuration promises, checked on a real server (the PostgreSQL run).

On SQLite these tests are skipped: they concern only the PostgreSQL connection settings.
"""

from __future__ import annotations

import pytest
from django.db import connection

from web.conftest import World

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL connection settings"
)


def test_a_respondents_repeated_lookup_is_planned_once_per_connection(world: World) -> None:
    from regiekompas.web.invitations.tokens import respondent_for_token

    for _ in range(6):
        assert respondent_for_token(world.token_a) == world.respondent_a

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("token_hash" in statement for statement in prepared), prepared
