"""The time estimate: shown on the start page and in the invitation mail, and honest about
what the route's pages contain (docs/questionnaire.md, "Honest time")."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from regiekompas.core.questionnaire.timing import words
from regiekompas.web.invitations.emails import send_invitations
from regiekompas.web.questionnaire.burden import REVIEW_WORDS, START_WORDS, burden
from regiekompas.web.questionnaire.steps import build_route
from web.conftest import World, make_respondent


def main_text(page: str) -> str:
    main = re.search(r"<main[^>]*>(.*)</main>", page, re.S)
    assert main is not None
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main.group(1), flags=re.S)
    # A closed <details> shows only its summary; what it holds is read on demand.
    text = re.sub(r"(</summary>).*?</details>", r"\1", text, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_start_page_promises_the_estimated_minutes_of_this_respondents_route(
    client: Client, world: World, lang: str
) -> None:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = lang
    page = client.get(reverse("questionnaire:start", args=[world.token_a])).content.decode()

    estimate = burden(build_route(world.respondent_a, lang, names=False))
    if lang == "nl":
        assert f"Dit duurt ongeveer {estimate.minutes} minuten." in page
    else:
        assert f"This takes about {estimate.minutes} minutes." in page
    assert f"{estimate.questions}" in page
    # one gemeente, two transities, both perspectieven: 77 answers in about a quarter of an
    # hour (15.4 min in Dutch since the start page's privacy text grew; bench/burden.py)
    assert 5 <= estimate.minutes <= 16


def test_the_fixed_words_of_the_start_page_are_what_the_estimate_counts(
    client: Client, world: World
) -> None:
    """START_WORDS stands for the start page without the instrument's intro: it must stay
    within 15 % of the real (Dutch) page, or the estimate misses reading."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nl"
    page = client.get(reverse("questionnaire:start", args=[world.token_a])).content.decode()
    intro = world.scan_a.instrument().texts.intro.get("nl")

    counted = words(main_text(page)) - words(intro)

    print(f"start page: {counted} fixed words")
    assert abs(counted - START_WORDS) <= 0.15 * START_WORDS, counted


def test_the_fixed_words_of_the_review_page_are_what_the_estimate_counts(
    client: Client, world: World
) -> None:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nl"
    page = client.get(reverse("questionnaire:review", args=[world.token_a])).content.decode()
    route = build_route(world.respondent_a, "nl", names=False)
    # every title twice (visible, and hidden in its "Wijzigen" link for screen readers),
    # which a sighted reader reads once; the model counts the titles itself
    titles = 2 * sum(words(step.title) for step in route.steps)

    counted = words(main_text(page)) - titles

    assert abs(counted - REVIEW_WORDS) <= 0.25 * REVIEW_WORDS, counted


def test_a_longer_route_gets_a_longer_estimate_up_to_the_planned_maximum(world: World) -> None:
    one, _ = make_respondent(world.scan_a, "T1", gemeenten=["GM0141"], transities=["jeugd"])
    two, _ = make_respondent(world.scan_a, "T2", gemeenten=["GM0141"], transities=["jeugd", "wmo"])
    many, _ = make_respondent(
        world.scan_a, "T3", gemeenten=["GM0141", "GM0153", "GM0164"], transities=["jeugd", "wmo"]
    )
    more, _ = make_respondent(
        world.scan_a,
        "T4",
        gemeenten=["GM0141", "GM0153", "GM0164", "GM0183", "GM0189"],
        transities=["jeugd", "wmo"],
    )
    times = [burden(build_route(r, "nl", names=False)).seconds for r in (one, two, many, more)]

    assert times[0] < times[1] < times[2]
    assert times[3] == pytest.approx(times[2], rel=0.02)  # the maximum of 3 caps the route


def test_the_invitation_mail_states_the_estimated_minutes(world: World) -> None:
    world.respondent_a.email = "a@example.nl"
    world.respondent_a.save()

    with translation.override("nl"):  # the mail is written in the active language
        send_invitations(world.scan_a)

    estimate = burden(build_route(world.respondent_a, "nl", names=False))
    assert len(mail.outbox) == 1
    assert re.search(rf"\b{estimate.minutes} minuten\b", mail.outbox[0].body)


def test_each_invitation_states_the_minutes_of_its_own_respondents_route(world: World) -> None:
    short, _ = make_respondent(
        world.scan_a, "KORT", gemeenten=["GM0141"], transities=["jeugd"], email="k@example.nl"
    )
    long, _ = make_respondent(
        world.scan_a,
        "LANG",
        gemeenten=["GM0141", "GM0153", "GM0164"],
        transities=["jeugd", "wmo"],
        email="l@example.nl",
    )

    with translation.override("nl"):  # the mail is written in the active language
        send_invitations(world.scan_a)

    body = {message.to[0]: message.body for message in mail.outbox}
    minutes = {
        person.email: burden(build_route(person, "nl", names=False)).minutes
        for person in (short, long)
    }
    assert minutes["k@example.nl"] < minutes["l@example.nl"] <= 15
    for email, expected in minutes.items():
        assert re.search(rf"\b{expected} minuten\b", body[email]), body[email]
