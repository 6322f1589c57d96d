"""Facilitator login: lockout after repeated failures, password reset by mail, Argon2."""

from __future__ import annotations

import re

import pytest
from conftest import PASSWORD, make_user
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

LOGIN = "accounts:login"


def _login(client: Client, username: str, password: str) -> int:
    response = client.post(reverse(LOGIN), {"username": username, "password": password})
    return response.status_code


@pytest.mark.django_db
def test_a_facilitator_logs_in_and_lands_on_their_regions() -> None:
    make_user("fac")
    client = Client()
    response = client.post(reverse(LOGIN), {"username": "fac", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("regions:list")


@pytest.mark.django_db
def test_it_locks_an_account_after_five_failures_even_for_the_right_password() -> None:
    make_user("fac")
    client = Client()
    for _ in range(5):
        assert _login(client, "fac", "wrong-password") in (200, 429)
    response = client.post(reverse(LOGIN), {"username": "fac", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "geblokkeerd" in response.content.decode()


@pytest.mark.django_db
def test_four_failures_do_not_lock_and_a_success_resets_the_count() -> None:
    make_user("fac")
    client = Client()
    for _ in range(4):
        _login(client, "fac", "wrong-password")
    assert _login(client, "fac", PASSWORD) == 302


@pytest.mark.django_db
def test_a_password_reset_mail_carries_a_link_that_sets_a_new_password() -> None:
    make_user("fac")
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": "fac@example.nl"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body)
    assert link is not None
    form = client.get(link.group(1), follow=True)
    new = "een-heel-nieuw-wachtwoord-2026"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert done.status_code == 200
    assert _login(Client(), "fac", new) == 302


@pytest.mark.django_db
def test_a_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing() -> None:
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.nl"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_production_hashes_passwords_with_argon2() -> None:
    from regiekompas.web import settings as production

    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        assert make_password("x").startswith("argon2$")
