"""API tokens: made by a facilitator, shown once, kept as a hash, revocable, one region each.

The authorization matrix (authz_api.py) covers sessions; here every API URL is read with a
bearer token of each kind: none, a wrong one, a revoked one of region A, one of region B and
a valid one of region A. Region B's token gets exactly the 404 of an id that does not exist.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import pytest
from conftest import World
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from test_authorization import _answers_in_scan_a

from regiekompas.web import token_hashing as shared_secrets
from regiekompas.web.api.models import ApiToken
from regiekompas.web.api.tokens import authenticate, issue, revoke

TOKEN = re.compile(r"rk_[A-Za-z0-9_-]{43}")


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def body(response: Any) -> dict[str, Any]:
    return json.loads(response.content)


def _all_database_text() -> str:
    """Every value of every row of the token table, as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ApiToken._meta.db_table}")
        return repr(cursor.fetchall())


# --- making, showing once, storing a hash ---------------------------------------------------


def test_a_new_token_is_shown_once_and_only_its_hash_is_stored(
    world: World, client: Client
) -> None:
    client.force_login(world.facilitator_a)
    url = reverse("api_tokens:list", args=[world.region_a.pk])
    made = client.post(url, {"name": "Power BI jeugd"})
    assert made.status_code == 200
    found = TOKEN.findall(made.content.decode())
    assert len(set(found)) == 1, "the new token is on the page"
    secret = found[0]
    assert "no-store" in made["Cache-Control"]

    token = ApiToken.objects.get()
    assert token.name == "Power BI jeugd"
    assert token.region == world.region_a
    assert token.created_by == world.facilitator_a
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in _all_database_text()
    assert secret[12:] not in _all_database_text(), "no more than the shown prefix is kept"

    again = client.get(url).content.decode()
    assert secret not in again
    assert token.prefix in again, "the list shows how the token starts"
    assert "Power BI jeugd" in again


def test_a_token_without_a_name_is_refused_and_nothing_is_made(
    world: World, client: Client
) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(reverse("api_tokens:list", args=[world.region_a.pk]), {"name": " "})
    assert response.status_code == 400
    assert not TOKEN.search(response.content.decode())
    assert not ApiToken.objects.exists()


def test_using_a_token_records_when_it_was_last_used(world: World, client: Client) -> None:
    token, secret = issue(world.region_a, "Excel", world.facilitator_a)
    assert token.last_used_at is None
    assert client.get(reverse("api:regions"), **bearer(secret)).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    client.force_login(world.facilitator_a)
    page = client.get(reverse("api_tokens:list", args=[world.region_a.pk])).content.decode()
    assert "nooit" not in page
    assert "never" not in page


def test_the_stored_hash_is_compared_in_constant_time(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    _token, secret = issue(world.region_a, "Excel", None)
    compared: list[tuple[bytes, bytes]] = []
    real = shared_secrets.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(shared_secrets.hmac, "compare_digest", spy)
    assert authenticate(secret) is not None
    assert compared, "the hash check went through hmac.compare_digest"
    assert all(secret.encode() not in pair for pair in compared), "secrets are never compared"


# --- revoking -------------------------------------------------------------------------------


def test_a_facilitator_revokes_a_token_and_it_stops_working_at_once(
    world: World, client: Client
) -> None:
    token, secret = issue(world.region_a, "Power BI", world.facilitator_a)
    api = Client()
    assert api.get(reverse("api:regions"), **bearer(secret)).status_code == 200

    client.force_login(world.facilitator_a)
    revoked = client.post(reverse("api_tokens:revoke", args=[world.region_a.pk, token.pk]))
    assert revoked.status_code == 302

    refused = api.get(reverse("api:regions"), **bearer(secret))
    assert refused.status_code == 401
    assert 'error="invalid_token"' in refused["WWW-Authenticate"]
    assert refused["Content-Type"].startswith("application/problem+json")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token.revoked_by == world.facilitator_a
    page = client.get(reverse("api_tokens:list", args=[world.region_a.pk])).content.decode()
    assert "ingetrokken" in page or "revoked" in page


def test_facilitator_b_cannot_revoke_a_token_of_region_a_through_region_b(
    world: World, client: Client
) -> None:
    token, secret = issue(world.region_a, "Power BI", world.facilitator_a)
    client.force_login(world.facilitator_b)
    url = reverse("api_tokens:revoke", args=[world.region_b.pk, token.pk])
    assert client.post(url).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert Client().get(reverse("api:regions"), **bearer(secret)).status_code == 200


# --- every API URL with every kind of token -------------------------------------------------

KINDS = ("none", "wrong", "revoked_a", "token_b", "token_a")


def _secrets(world: World) -> dict[str, str | None]:
    revoked, revoked_secret = issue(world.region_a, "oud", None)
    revoke(revoked, None)
    return {
        "none": None,
        "wrong": "rk_" + "x" * 43,
        "revoked_a": revoked_secret,
        "token_b": issue(world.region_b, "B", None)[1],
        "token_a": issue(world.region_a, "A", None)[1],
    }


def _urls(world: World) -> dict[str, str]:
    scan = world.scan_a.pk
    return {
        "api:region": reverse("api:region", args=[world.region_a.pk]),
        "api:region_scans": reverse("api:region_scans", args=[world.region_a.pk]),
        "api:scan": reverse("api:scan", args=[scan]),
        "api:results": reverse("api:results", args=[scan]),
        "api:meta": reverse("api:meta", args=[scan]),
        "api:table": reverse("api:table", args=[scan, "cellen"]),
    }


#: What each kind of token gets on a URL of region A.
EXPECTED = {"none": 401, "wrong": 401, "revoked_a": 401, "token_b": 404, "token_a": 200}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_token_gets_exactly_its_access_to_region_a(
    kind: str, world: World, client: Client
) -> None:
    _answers_in_scan_a(world)
    secret = _secrets(world)[kind]
    headers = bearer(secret) if secret else {}
    for name, url in _urls(world).items():
        response = client.get(url, **headers)
        assert response.status_code == EXPECTED[kind], (name, response.content[:200])
        assert response["API-Version"] == "1.0.0"
        if EXPECTED[kind] != 200:
            text = response.content.decode()
            assert response["Content-Type"].startswith("application/problem+json")
            assert world.region_a.name not in text
            assert "GM0153" not in text


@pytest.mark.parametrize("kind", KINDS)
def test_the_list_of_regions_holds_the_tokens_own_region_only(
    kind: str, world: World, client: Client
) -> None:
    secret = _secrets(world)[kind]
    response = client.get(reverse("api:regions"), **(bearer(secret) if secret else {}))
    if kind in ("none", "wrong", "revoked_a"):
        assert response.status_code == 401
        return
    assert response.status_code == 200
    names = [region["naam"] for region in body(response)["regios"]]
    assert names == [world.region_b.name if kind == "token_b" else world.region_a.name]


def test_region_bs_token_gets_the_same_404_as_for_an_id_that_does_not_exist(
    world: World, client: Client
) -> None:
    """404, not 403: the answer must not tell that scan A exists."""
    _answers_in_scan_a(world)
    _token, secret = issue(world.region_b, "B", None)
    missing = 10**9
    pairs = [
        (reverse("api:scan", args=[world.scan_a.pk]), reverse("api:scan", args=[missing])),
        (reverse("api:results", args=[world.scan_a.pk]), reverse("api:results", args=[missing])),
        (
            reverse("api:region", args=[world.region_a.pk]),
            reverse("api:region", args=[missing]),
        ),
    ]
    for existing, absent in pairs:
        seen = client.get(existing, **bearer(secret))
        unseen = client.get(absent, **bearer(secret))
        assert seen.status_code == unseen.status_code == 404
        strip = lambda r: {k: v for k, v in body(r).items() if k != "instance"}  # noqa: E731
        assert strip(seen) == strip(unseen)
        assert sorted(seen.headers) == sorted(unseen.headers)


def test_region_bs_token_does_not_list_region_as_scans(world: World, client: Client) -> None:
    _answers_in_scan_a(world)
    _token, secret = issue(world.region_b, "B", None)
    response = client.get(reverse("api:region_scans", args=[world.region_b.pk]), **bearer(secret))
    assert [scan["id"] for scan in body(response)["scans"]] == [world.scan_b.pk]


# --- guessing tokens ------------------------------------------------------------------------


@override_settings(TOKEN_FAILURES_PER_WINDOW=3)
def test_a_client_guessing_tokens_is_refused_for_a_while(world: World) -> None:
    _token, secret = issue(world.region_a, "A", None)
    guesser = Client(REMOTE_ADDR="203.0.113.7")
    other = Client(REMOTE_ADDR="203.0.113.8")
    for attempt in range(3):
        wrong = guesser.get(reverse("api:regions"), **bearer(f"rk_guess{attempt}"))
        assert wrong.status_code == 401
    refused = guesser.get(reverse("api:regions"), **bearer(secret))
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused["Content-Type"].startswith("application/problem+json")
    assert other.get(reverse("api:regions"), **bearer(secret)).status_code == 200


@override_settings(TOKEN_FAILURES_PER_WINDOW=3)
def test_requests_with_a_valid_token_are_never_counted_as_guesses(world: World) -> None:
    _token, secret = issue(world.region_a, "A", None)
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(10):
        assert client.get(reverse("api:regions"), **bearer(secret)).status_code == 200
