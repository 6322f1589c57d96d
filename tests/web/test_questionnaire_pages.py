"""The respondent's pages: intro, access by link, steps, progress, resume, review, submit.

The world's respondent answers for Almelo (GM0141), transities jeugd and wmo, both
perspectives: steps 1–4 axis pages (cc1–3, cc4–6, dc1–3, dc4–6; each statement once with
four rows: youth and social support, each as intended and as it works today), 5 and 6 the
condition scales (three, then two), 7 agreements and obstacles, 8 arrangements, 9 free text.
A row's field is `item:gemeente:transitie:perspectief`.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regiekompas.web.invitations.models import AccessToken
from regiekompas.web.questionnaire import planning
from regiekompas.web.responses.models import Answer
from web.conftest import World, make_respondent


@pytest.fixture(autouse=True)
def every_scale_for_every_gemeente(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the pages and saving, not the plan: every respondent answers
    every condition scale for each of their gemeenten. The planned subsets of scales and
    gemeente-level questions are tested in test_questionnaire_planning.py."""
    monkeypatch.setattr(planning, "SCALES_ASKED", 99)
    monkeypatch.setattr(planning, "BLOCK_GEMEENTEN", 99)


ALMELO = "GM0141"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def english(client: Client) -> None:
    """Pages are asserted in English (the source language and the instrument's `en` texts)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def url(name: str, token: str, *args: object) -> str:
    return reverse(f"questionnaire:{name}", args=[token, *args])


def h1(html: str) -> str:
    found = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert len(found) == 1, found
    return found[0].strip()


def answer_all_axis_items(
    world: World, transitie: str, perspectief: str, axes: str = "cc dc"
) -> None:
    Answer.objects.bulk_create(
        Answer(
            respondent=world.respondent_a,
            gemeente_code=ALMELO,
            transitie=transitie,
            perspectief=perspectief,
            item=item,
            value=3,
        )
        for axis in axes.split()
        for item in [f"{axis}{i}" for i in range(1, 7)]
    )


# --- the link ------------------------------------------------------------------------------


def test_the_intro_shows_the_privacy_statement_and_a_start_button(
    client: Client, world: World
) -> None:
    world.respondent_a.email = "secret.person@example.nl"
    world.respondent_a.save()

    response = client.get(url("start", world.token_a))

    assert response.status_code == 200
    html = response.content.decode()
    assert h1(html) == "Scan 2026"
    assert "groups of at least 3 people" in html  # the scan's k
    assert "never shown together with your name" in html
    assert "This link is your personal key" in html
    assert "Ask the person who sent you this link" in html
    # the rest of the promise is on the page, behind "More about your privacy"
    assert re.search(r"<details[^>]*>\s*<summary[^>]*>More about your privacy</summary>", html)
    assert "every such download is logged" in html
    assert "There are no right or wrong answers" in html  # instrument
    assert "This takes about" in html  # the time estimate
    assert "secret.person" not in html
    assert f'href="{url("step", world.token_a, 1)}"' in html
    assert "Start the questionnaire" in html


def test_the_intro_records_when_the_link_was_used(client: Client, world: World) -> None:
    client.get(url("start", world.token_a))

    assert AccessToken.objects.get(respondent=world.respondent_a).last_used_at is not None


def test_the_intro_is_in_dutch_by_default(world: World) -> None:
    response = Client().get(url("start", world.token_a))

    assert "Met deze vragenlijst brengen we in beeld" in response.content.decode()


@pytest.mark.parametrize("page", ["start", "review", "done"])
def test_an_unknown_token_gets_a_clear_page_without_any_data(
    client: Client, world: World, page: str
) -> None:
    response = client.get(url(page, "no-such-token-at-all"))

    assert response.status_code == 404
    html = response.content.decode()
    assert "This link does not work (anymore)" in html
    for secret in ("Twente", "Scan 2026", "Almelo", "Rijnmond"):
        assert secret not in html


def test_a_revoked_link_gets_the_same_clear_page(client: Client, world: World) -> None:
    client.post(url("step", world.token_a, 1), {"cc1": "2"})
    world.respondent_a.revoked_at = timezone.now()
    world.respondent_a.save()

    for response in (
        client.get(url("start", world.token_a)),
        client.get(url("step", world.token_a, 1)),
        client.get(url("review", world.token_a)),
    ):
        assert response.status_code == 404
        html = response.content.decode()
        assert "This link does not work (anymore)" in html
        assert "Twente" not in html
        assert "Almelo" not in html


def test_a_closed_scan_gets_a_clear_closed_page(client: Client, world: World) -> None:
    world.scan_a.close()

    for page in (url("start", world.token_a), url("step", world.token_a, 1)):
        response = client.get(page)
        assert response.status_code == 410
        assert "This questionnaire is closed" in response.content.decode()
        assert "can no longer be given or changed" in response.content.decode()


def test_a_scan_past_its_closing_date_is_closed_too(client: Client, world: World) -> None:
    world.scan_a.closes_on = timezone.localdate() - timezone.timedelta(days=1)
    world.scan_a.save()

    assert client.get(url("start", world.token_a)).status_code == 410


def test_a_scan_in_concept_says_it_is_not_open_yet(client: Client, world: World) -> None:
    from web.conftest import make_scan

    draft = make_scan(world.region_a, open_=False)
    _respondent, token = make_respondent(draft, "D001")

    response = client.get(url("start", token))

    assert response.status_code == 200
    assert "not open yet" in response.content.decode()
    assert "Start the questionnaire" not in response.content.decode()


# --- step pages ----------------------------------------------------------------------------


def test_every_step_has_its_own_heading_and_a_progress_indicator(
    client: Client, world: World
) -> None:
    headings = []
    for number in range(1, 10):
        html = client.get(url("step", world.token_a, number)).content.decode()
        headings.append(h1(html))
        assert f"Step {number} of 9" in html
        assert (
            f'<progress class="rk-q-progress__bar" id="rk-progress" max="9" value="{number}"'
            in html
        )
        assert 'for="rk-progress"' in html
        assert "You have answered 0 of 77 questions (0%)" in html

    assert headings[0] == "Who decides? (cocreatie or controle), part 1 of 2"
    assert headings[3] == "How is the work organised? (decentraal or centraal), part 2 of 2"
    assert headings[4] == "Working together, part 1 of 2"
    assert len(set(headings)) == 9


def test_the_route_follows_changes_to_the_respondent_and_the_region_at_once(
    client: Client, world: World
) -> None:
    """Routes are worked out once per shape; a change must still show on the next page."""
    assert "Step 1 of 9" in client.get(url("step", world.token_a, 1)).content.decode()

    # Two gemeenten × two transities = four cells, above the maximum of 3: a planned subset
    # of three cells, at least one for each gemeente, each as intended and today.
    world.respondent_a.gemeenten = ["GM0141", "GM0153"]
    world.respondent_a.save()
    html = client.get(url("step", world.token_a, 1)).content.decode()
    assert "Step 1 of 14" in html  # 2 statements a page: 6 axis pages; a page per scale
    legends = re.findall(r'rk-q__row-label">([^<]*)<', html)
    assert len(legends) == 2 * 3 * 2
    assert {legend.split(" · ")[0] for legend in legends} == {"Almelo", "Enschede"}

    world.region_a.gemeenten.filter(code="GM0153").update(naam="Enschede (hernoemd)")
    html = client.get(url("step", world.token_a, 1)).content.decode()
    assert "Enschede (hernoemd) · " in html

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nl"
    html = client.get(url("step", world.token_a, 1)).content.decode()
    assert "Stap 1 van 14" in html
    assert "Enschede (hernoemd) · Jeugd" in html or "Enschede (hernoemd) · Wmo" in html


def test_an_axis_page_asks_twelve_items_with_both_descriptions_and_weet_niet(
    client: Client, world: World
) -> None:
    html = client.get(url("step", world.token_a, 1)).content.decode()

    # three statements, each a fieldset with a fieldset per row
    assert html.count("<fieldset") == 3 * 5
    assert html.count('type="radio"') == 3 * 4 * 6
    assert "Who sets the goals and the direction?" in html
    for row in (
        "Youth: as intended",
        "Youth: as it works today",
        "Social support (Wmo): as intended",
        "Social support (Wmo): as it works today",
    ):
        assert f'rk-q__row-label">{row}<' in html
    assert "set the goals together" in html  # cc1, first description
    assert "sets the goals on its own" in html  # cc1, second description
    # the answers carry the poles' words
    assert ">Mostly together</label>" in html
    assert ">Entirely the gemeente alone</label>" in html
    assert "Don&#x27;t know" in html
    assert 'value="weet_niet"' in html
    assert "You give two answers to each question" in html  # the axis intro
    assert html.count('name="kopieer"') == 3 * 3  # "same as above" from the second row on
    assert 'Same as above<span class="rk-visually-hidden"> (Youth: as intended)</span>' in html


def test_the_pages_work_without_inline_scripts_or_styles(client: Client, world: World) -> None:
    for number in range(1, 10):
        html = client.get(url("step", world.token_a, number)).content.decode()
        assert re.search(r"<script(?![^>]*\bsrc=)", html) is None
        assert " style=" not in html
        assert re.search(r"\son[a-z]+=", html) is None
        assert "vendor/htmx.min.js" in html
        assert 'name="csrfmiddlewaretoken"' in html
        assert 'hx-headers=\'{"X-CSRFToken": "' in html


def test_each_question_has_a_live_region_for_its_saved_message(
    client: Client, world: World
) -> None:
    html = client.get(url("step", world.token_a, 5)).content.decode()

    assert html.count('aria-live="polite"') == 12
    assert 'hx-target="#status-q-amb1-GM0141"' in html
    assert 'id="status-q-amb1-GM0141" aria-live="polite"' in html


def test_saved_answers_are_prefilled_including_weet_niet(client: Client, world: World) -> None:
    client.post(
        url("step", world.token_a, 1),
        {"cc1:GM0141:jeugd:ambitie": "4", "cc2:GM0141:wmo:praktijk": "weet_niet"},
    )
    client.post(url("step", world.token_a, 9), {"open1": "Goede samenwerking"})

    axis = client.get(url("step", world.token_a, 1)).content.decode()
    text = client.get(url("step", world.token_a, 9)).content.decode()

    assert re.search(
        r'id="q-cc1-GM0141-jeugd-ambitie-4" name="cc1:GM0141:jeugd:ambitie" value="4" checked',
        axis,
    )
    assert re.search(
        r'id="q-cc2-GM0141-wmo-praktijk-weet-niet" name="cc2:GM0141:wmo:praktijk" '
        r'value="weet_niet" checked',
        axis,
    )
    assert axis.count(" checked") == 2
    assert ">Goede samenwerking</textarea>" in text


def test_the_open_questions_name_all_the_respondents_gemeenten(
    client: Client, world: World
) -> None:
    _respondent, token = make_respondent(world.scan_a, "R009", gemeenten=["GM0153", "GM0164"])

    html = client.get(url("step", token, 14)).content.decode()

    assert "What goes well in the collaboration in Enschede and Hengelo?" in html


def test_a_step_number_beyond_the_route_goes_back_to_the_intro(
    client: Client, world: World
) -> None:
    response = client.get(url("step", world.token_a, 99))

    assert response.status_code == 302
    assert response["Location"] == url("start", world.token_a)


def test_the_arrangements_page_lists_the_catalogue(client: Client, world: World) -> None:
    client.post(url("step", world.token_a, 8), {"mechanisme:GM0141": ["cjg"]})

    html = client.get(url("step", world.token_a, 8)).content.decode()

    catalogue = world.scan_a.instrument().mechanism_types
    assert html.count('name="mechanisme:GM0141"') == len(catalogue) > 10
    assert 'value="cjg" checked' in html
    assert "Youth and Family Centre" in html


# --- resume, review and submit -------------------------------------------------------------


def test_the_intro_resumes_at_the_first_step_with_unanswered_questions(
    client: Client, world: World
) -> None:
    for transitie in ("jeugd", "wmo"):
        for perspectief in ("ambitie", "praktijk"):
            answer_all_axis_items(world, transitie, perspectief, "cc")

    html = client.get(url("start", world.token_a)).content.decode()

    assert "Continue where you left off" in html
    # every cc statement is answered for all four rows; dc is next
    assert f'href="{url("step", world.token_a, 3)}"' in html
    assert "You have answered 24 of 77 questions (31%)" in html


def test_weet_niet_counts_as_answered_when_resuming(client: Client, world: World) -> None:
    client.post(
        url("step", world.token_a, 1),
        {
            f"cc{i}:GM0141:{t}:{p}": "weet_niet"
            for i in range(1, 4)
            for t in ("jeugd", "wmo")
            for p in ("ambitie", "praktijk")
        },
    )

    html = client.get(url("start", world.token_a)).content.decode()

    assert f'href="{url("step", world.token_a, 2)}"' in html


def test_the_review_page_counts_answers_per_step(client: Client, world: World) -> None:
    answer_all_axis_items(world, "jeugd", "ambitie")
    answer_all_axis_items(world, "wmo", "ambitie")
    client.post(url("step", world.token_a, 5), {"amb1:GM0141::": "4", "amb2:GM0141::": "weet_niet"})
    client.post(url("step", world.token_a, 8), {"mechanisme:GM0141": ["cjg", "wijkservice"]})

    html = client.get(url("review", world.token_a)).content.decode()

    rows = re.findall(r'rk-q-review__summary">([^<]*)<', html)
    assert rows == [
        "6 of 12 answered",
        "6 of 12 answered",
        "6 of 12 answered",
        "6 of 12 answered",
        "2 of 12 answered",
        "0 of 8 answered",
        "0 of 9 answered",
        "2 arrangements ticked",
        "0 of 2 filled in (optional)",
    ]
    assert f'href="{url("step", world.token_a, 5)}?van=overzicht"' in html
    assert "You can change your answers until the questionnaire closes" in html


def test_submitting_sets_submitted_at_and_answers_stay_changeable(
    client: Client, world: World
) -> None:
    response = client.post(url("submit", world.token_a))

    assert response["Location"] == url("done", world.token_a)
    world.respondent_a.refresh_from_db()
    assert world.respondent_a.submitted_at is not None
    thanks = client.get(url("done", world.token_a)).content.decode()
    assert "you can still change your answers" in thanks
    assert (
        "You have submitted your answers"
        in client.get(url("start", world.token_a)).content.decode()
    )
    response = client.post(url("step", world.token_a, 1), {"cc1:GM0141:jeugd:ambitie": "2"})
    assert response.status_code == 302


def test_submitting_is_refused_once_the_scan_is_closed(client: Client, world: World) -> None:
    world.scan_a.close()

    response = client.post(url("submit", world.token_a))

    assert response.status_code == 410
    world.respondent_a.refresh_from_db()
    assert world.respondent_a.submitted_at is None


def test_the_answer_endpoint_only_accepts_posts(client: Client, world: World) -> None:
    assert client.get(url("answer", world.token_a)).status_code == 405
