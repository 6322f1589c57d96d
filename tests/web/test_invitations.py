"""Respondents, personal links, invitation mails and revoking (the invitations app)."""

from __future__ import annotations

import csv
import io
import re
import smtplib
from datetime import date
from unittest.mock import patch

import pytest
from conftest import World, make_respondent
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from regiekompas.web.invitations.models import AccessToken, Respondent
from regiekompas.web.invitations.tokens import hash_token, issue_token, respondent_for_token
from regiekompas.web.scans.models import Scan

LINK = re.compile(r"http://testserver/r/([A-Za-z0-9_-]+)/")


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def _token(link: str) -> str:
    found = LINK.fullmatch(link)
    assert found is not None, link
    return found.group(1)


# --- tokens ------------------------------------------------------------------------------


def test_a_token_has_at_least_128_random_bits_and_only_its_hash_is_stored(world: World) -> None:
    token = issue_token(world.respondent_a)
    assert len(token) >= 22
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
    stored = set(AccessToken.objects.values_list("token_hash", flat=True))
    assert token not in stored
    assert hash_token(token) in stored
    assert respondent_for_token(token) == world.respondent_a


def test_the_link_finds_its_respondent_and_scan_exactly_as_stored(world: World) -> None:
    """The lookup is plain SQL for speed; what it gives must equal what the ORM loads."""
    now = timezone.now()
    person, token = make_respondent(
        world.scan_a,
        "R010",
        gemeenten=["GM0164", "GM0141"],
        email="lid@example.nl",
        invited_at=now,
        started_at=now,
    )
    world.scan_a.closes_on = date(2026, 12, 31)
    world.scan_a.save()

    found = respondent_for_token(token)

    assert found is not None
    stored = Respondent.objects.select_related("scan").get(pk=person.pk)
    for field in Respondent._meta.concrete_fields:
        assert getattr(found, field.attname) == getattr(stored, field.attname), field.name
    for field in Scan._meta.concrete_fields:
        assert getattr(found.scan, field.attname) == getattr(stored.scan, field.attname), field.name
    assert found.started_at is not None
    assert found.started_at.tzinfo is not None
    assert found.scan.accepts_answers
    assert found.scan.instrument().versie == stored.scan.instrument().versie


def test_with_the_respondent_come_the_keys_of_its_numeric_answers(world: World) -> None:
    from regiekompas.web.invitations.tokens import respondent_and_answered
    from regiekompas.web.responses.models import Answer

    assert respondent_and_answered(world.token_a) == (world.respondent_a, set())
    rows = [("GM0141", "jeugd", "ambitie", "cc1", 3), ("GM0141", "", "", "obs2", None)]
    for g, t, p, item, value in rows:
        Answer.objects.create(
            respondent=world.respondent_a,
            gemeente_code=g,
            transitie=t,
            perspectief=p,
            item=item,
            value=value,
        )

    found = respondent_and_answered(world.token_a)

    assert found is not None
    assert found[0] == world.respondent_a
    assert found[1] == {row[:4] for row in rows}


def test_unknown_revoked_and_oversized_tokens_find_nobody(world: World) -> None:
    _person, token = make_respondent(world.scan_a, "R011", revoked_at=timezone.now())

    assert respondent_for_token(token) is None
    assert respondent_for_token(world.token_a[:-1] + "x") is None
    assert respondent_for_token("") is None
    assert respondent_for_token("a" * 101) is None


def test_two_tokens_of_one_respondent_differ(world: World) -> None:
    assert issue_token(world.respondent_a) != issue_token(world.respondent_a)


# --- download of links -------------------------------------------------------------------


def test_it_downloads_working_links_for_respondents_without_one(world: World) -> None:
    new, _ = make_respondent(world.scan_a, "R002", email="anna@example.nl")
    AccessToken.objects.filter(respondent=new).delete()
    client = _client(world.facilitator_a)

    response = client.post(reverse("invitations:links", args=[world.scan_a.pk]), {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    rows = _csv_rows(response.content)
    assert [row["respondent_id"] for row in rows] == ["R002"]
    assert list(rows[0]) == [
        "respondent_id",
        "groep",
        "organisatie",
        "gemeenten",
        "transities",
        "email",
        "link",
    ]
    assert rows[0]["email"] == "anna@example.nl"
    assert respondent_for_token(_token(rows[0]["link"])) == new


def test_a_second_default_download_leaves_out_respondents_that_have_a_link(world: World) -> None:
    new, _ = make_respondent(world.scan_a, "R002")
    AccessToken.objects.filter(respondent=new).delete()
    client = _client(world.facilitator_a)
    url = reverse("invitations:links", args=[world.scan_a.pk])
    client.post(url, {"format": "csv"})

    again = client.post(url, {"format": "csv"})

    assert again.status_code == 302
    assert AccessToken.objects.filter(respondent=new).count() == 1


def test_new_links_for_everyone_keep_the_earlier_links_working(world: World) -> None:
    client = _client(world.facilitator_a)
    response = client.post(
        reverse("invitations:links", args=[world.scan_a.pk]), {"format": "xlsx", "scope": "all"}
    )

    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert header[0] == "respondent_id"
    assert header[-1] == "link"
    assert [row[0] for row in rows] == ["R001"]
    assert respondent_for_token(_token(rows[0][-1])) == world.respondent_a
    assert respondent_for_token(world.token_a) == world.respondent_a


def test_links_are_not_handed_out_for_a_closed_scan(world: World) -> None:
    world.scan_a.close()
    client = _client(world.facilitator_a)
    before = AccessToken.objects.count()

    response = client.post(
        reverse("invitations:links", args=[world.scan_a.pk]), {"format": "csv", "scope": "all"}
    )

    assert response.status_code == 302
    assert AccessToken.objects.count() == before


# --- mail --------------------------------------------------------------------------------


def test_it_sends_one_invitation_with_a_working_link_per_respondent_with_email(
    world: World,
) -> None:
    world.scan_a.closes_on = date(2099, 6, 30)
    world.scan_a.save()
    anna, _ = make_respondent(world.scan_a, "R002", email="anna@example.nl")
    bert, _ = make_respondent(world.scan_a, "R003", email="bert@example.nl")
    client = _client(world.facilitator_a)

    response = client.post(reverse("invitations:send", args=[world.scan_a.pk]))

    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.nl", "bert@example.nl"]
    for message in mail.outbox:
        person = anna if message.to == ["anna@example.nl"] else bert
        found = LINK.search(message.body)
        assert found is not None
        assert respondent_for_token(found.group(1)) == person
        assert "2099" in message.body
        assert world.scan_a.name in message.subject
    assert Respondent.objects.filter(invited_at__isnull=False).count() == 2


def test_invitations_are_not_sent_twice(world: World) -> None:
    make_respondent(world.scan_a, "R002", email="anna@example.nl")
    client = _client(world.facilitator_a)
    url = reverse("invitations:send", args=[world.scan_a.pk])
    client.post(url)
    client.post(url)
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_leaves_the_rest_to_be_sent_later(world: World) -> None:
    for i in range(3):
        make_respondent(world.scan_a, f"M{i}", email=f"m{i}@example.nl")
    real_send = EmailMessage.send
    calls = {"n": 0}

    def flaky(message: EmailMessage, fail_silently: bool = False) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise smtplib.SMTPServerDisconnected("connection lost")
        return real_send(message, fail_silently)

    client = _client(world.facilitator_a)
    url = reverse("invitations:send", args=[world.scan_a.pk])
    with patch.object(EmailMessage, "send", flaky):
        page = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "connection lost" in page
    assert [m.to for m in mail.outbox] == [["m0@example.nl"]]
    unsent = Respondent.objects.get(external_id="M1")
    assert unsent.invited_at is None
    assert unsent.tokens.count() == 1  # only the fixture's link; the mail's token was undone

    client.post(url)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "m0@example.nl",
        "m1@example.nl",
        "m2@example.nl",
    ]


def test_mail_follows_the_active_language(world: World) -> None:
    make_respondent(world.scan_a, "R002", email="anna@example.nl")
    client = _client(world.facilitator_a)
    client.post(reverse("invitations:send", args=[world.scan_a.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "personal link" in mail.outbox[0].body


def test_it_refuses_to_send_mail_for_a_draft_scan(world: World) -> None:
    draft = Scan.objects.create(
        region=world.region_a, name="Concept", transities=["jeugd"], perspectieven=["ambitie"]
    )
    make_respondent(draft, "R002", email="anna@example.nl")
    client = _client(world.facilitator_a)

    response = client.post(
        reverse("invitations:send", args=[draft.pk]), follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert mail.outbox == []
    assert "still a draft" in response.content.decode()
    assert not Respondent.objects.filter(scan=draft, invited_at__isnull=False).exists()


def test_reminders_go_only_to_invited_respondents_who_have_not_submitted(world: World) -> None:
    now = timezone.now()
    make_respondent(world.scan_a, "R002", email="done@example.nl", invited_at=now, submitted_at=now)
    waiting, _ = make_respondent(world.scan_a, "R003", email="wait@example.nl", invited_at=now)
    make_respondent(world.scan_a, "R004", email="new@example.nl")
    make_respondent(world.scan_a, "R005", email="gone@example.nl", invited_at=now, revoked_at=now)
    client = _client(world.facilitator_a)

    client.post(reverse("invitations:remind", args=[world.scan_a.pk]))

    assert [m.to for m in mail.outbox] == [["wait@example.nl"]]
    found = LINK.search(mail.outbox[0].body)
    assert found is not None
    assert respondent_for_token(found.group(1)) == waiting
    waiting.refresh_from_db()
    assert waiting.reminded_at is not None


# --- revoking ----------------------------------------------------------------------------


def test_revoking_a_respondent_stops_every_one_of_their_links(world: World) -> None:
    second = issue_token(world.respondent_a)
    client = _client(world.facilitator_a)

    response = client.post(
        reverse("invitations:revoke", args=[world.scan_a.pk, world.respondent_a.pk])
    )

    assert response.status_code == 302
    assert respondent_for_token(world.token_a) is None
    assert respondent_for_token(second) is None


def test_revoke_is_post_only(world: World) -> None:
    client = _client(world.facilitator_a)
    response = client.get(
        reverse("invitations:revoke", args=[world.scan_a.pk, world.respondent_a.pk])
    )
    assert response.status_code == 405
    assert respondent_for_token(world.token_a) == world.respondent_a


def test_a_respondent_of_another_scan_cannot_be_revoked_through_this_one(world: World) -> None:
    other, token = make_respondent(world.scan_b, "B001")
    client = _client(world.facilitator_a)
    response = client.post(reverse("invitations:revoke", args=[world.scan_a.pk, other.pk]))
    assert response.status_code == 404
    assert respondent_for_token(token) == other


# --- list and add ------------------------------------------------------------------------


def test_the_list_shows_status_and_email_to_the_facilitator(world: World) -> None:
    make_respondent(world.scan_a, "R002", email="anna@example.nl", invited_at=timezone.now())
    client = _client(world.facilitator_a)
    response = client.get(reverse("invitations:list", args=[world.scan_a.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "R001" in page
    assert "R002" in page
    assert "anna@example.nl" in page


def test_the_list_is_paginated(world: World) -> None:
    Respondent.objects.bulk_create(
        Respondent(
            scan=world.scan_a, external_id=f"X{i:03d}", groep="wijkteam", gemeenten=["GM0153"]
        )
        for i in range(60)
    )
    client = _client(world.facilitator_a)
    url = reverse("invitations:list", args=[world.scan_a.pk])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    # 50 per page, by id: R001 and X000…X048 first, then X049…X059.
    assert "X048" in first
    assert "X049" not in first
    assert "X049" in second
    assert "X059" in second
    assert "X048" not in second


def test_it_adds_a_respondent_with_the_next_free_id(world: World) -> None:
    client = _client(world.facilitator_a)
    response = client.post(
        reverse("invitations:add", args=[world.scan_a.pk]),
        {
            "respondent_id": "",
            "groep": "wijkteam",
            "organisatie": "Wijkteam Oost",
            "gemeenten": ["GM0153", "GM0164"],
            "transities": ["jeugd"],
            "email": "",
        },
    )
    assert response.status_code == 302
    added = Respondent.objects.get(scan=world.scan_a, organisatie="Wijkteam Oost")
    assert added.external_id == "R0002"  # R001 of the fixture counts as number 1
    assert added.gemeenten == ["GM0153", "GM0164"]
    assert added.transities == ["jeugd"]


def test_it_refuses_a_gemeente_outside_the_region(world: World) -> None:
    client = _client(world.facilitator_a)
    response = client.post(
        reverse("invitations:add", args=[world.scan_a.pk]),
        {"groep": "wijkteam", "gemeenten": ["GM0599"], "transities": ["jeugd"]},
    )
    assert response.status_code == 200
    assert not Respondent.objects.filter(scan=world.scan_a, groep="wijkteam").exists()


# --- access ------------------------------------------------------------------------------

GET_URLS = ["invitations:list", "invitations:add", "invitations:import", "invitations:rates"]
POST_URLS = ["invitations:send", "invitations:remind", "invitations:links"]


@pytest.mark.parametrize("name", GET_URLS + POST_URLS)
def test_a_facilitator_of_another_region_gets_404(world: World, name: str) -> None:
    client = _client(world.facilitator_b)
    url = reverse(name, args=[world.scan_a.pk])
    response = client.post(url) if name in POST_URLS else client.get(url)
    assert response.status_code == 404


def test_revoke_by_a_facilitator_of_another_region_gets_404(world: World) -> None:
    client = _client(world.facilitator_b)
    response = client.post(
        reverse("invitations:revoke", args=[world.scan_a.pk, world.respondent_a.pk])
    )
    assert response.status_code == 404
    assert respondent_for_token(world.token_a) == world.respondent_a


def test_a_gemeente_viewer_gets_404(world: World) -> None:
    client = _client(world.viewer_x)
    assert client.get(reverse("invitations:list", args=[world.scan_a.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(world: World) -> None:
    response = Client().get(reverse("invitations:list", args=[world.scan_a.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
