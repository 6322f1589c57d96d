"""`regiekompas demo`: the demo region is made once; a restart reuses it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from regiekompas.web.demo import setup_demo
from regiekompas.web.invitations.tokens import respondent_for_token
from regiekompas.web.regions.models import Region


def _token(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.django_db
def test_the_demo_has_an_open_answered_scan_a_facilitator_and_a_working_link() -> None:
    info = setup_demo(password="demo-wachtwoord-2026", respondenten=3)

    assert info.created
    assert info.scan.is_open
    assert info.scan.respondents.filter(answers__isnull=False).distinct().count() == 14 * 3
    assert User.objects.get(username="demo").check_password("demo-wachtwoord-2026")
    respondent = respondent_for_token(_token(info.respondent_link))
    assert respondent is not None
    assert respondent.scan == info.scan
    assert Client().get(info.respondent_link.replace("http://testserver", "")).status_code == 200


@pytest.mark.django_db
def test_a_second_start_reuses_the_region_and_keeps_the_password_unless_one_is_given() -> None:
    first = setup_demo(password=None, respondenten=3)
    assert first.password is not None  # random, printed once

    again = setup_demo(password=None, respondenten=3)

    assert not again.created
    assert again.password is None
    assert Region.objects.count() == 1
    assert User.objects.get(username="demo").check_password(first.password)
    assert respondent_for_token(_token(again.respondent_link)) is not None
