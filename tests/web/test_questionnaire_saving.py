"""Saving answers in the questionnaire: by a whole page, by one htmx request, idempotently.

The world's respondent answers for Almelo (GM0141), transities jeugd and wmo, both
perspectives, so the route is: 1–4 axis pages (cc1–3, cc4–6, dc1–3, dc4–6, each statement
with four rows: jeugd and wmo, each ambitie and praktijk), 5–6 the condition scales,
7 agreements and obstacles, 8 arrangements, 9 free text. A row's field is named
`item:gemeente:transitie:perspectief` (`amb1:GM0141::` for the gemeente-level items).
"""

from __future__ import annotations

import itertools
import re

import pytest
from django.test import Client
from django.urls import reverse

from regiekompas.web.questionnaire import planning
from regiekompas.web.responses.models import Answer, MechanismUse, OpenAnswer
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
    """Messages are asserted in English, the source language, whatever catalogue exists."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def step_url(token: str, number: int) -> str:
    return reverse("questionnaire:step", args=[token, number])


def answer_url(token: str) -> str:
    return reverse("questionnaire:answer", args=[token])


def axis_answer(item: str, waarde: str, **cell: str) -> dict[str, str]:
    fields = {"gemeente": ALMELO, "transitie": "jeugd", "perspectief": "ambitie"}
    fields.update(cell)
    return {**fields, "item": item, "waarde": waarde}


def stored(world: World) -> dict[tuple[str, str, str, str], int | None]:
    rows = Answer.objects.filter(respondent=world.respondent_a).values_list(
        "gemeente_code", "transitie", "perspectief", "item", "value"
    )
    return {(g, t, p, i): v for g, t, p, i, v in rows}


# --- a whole page, posted without JavaScript ------------------------------------------------


def test_a_plain_post_of_a_step_saves_all_its_answers_and_goes_to_the_next_step(
    client: Client, world: World
) -> None:
    posted = {f"dc{i}:{ALMELO}:jeugd:ambitie": str(i % 5 + 1) for i in range(1, 4)}
    posted |= {f"dc{i}:{ALMELO}:jeugd:praktijk": str(i) for i in range(1, 4)}
    posted |= {f"dc{i}:{ALMELO}:wmo:ambitie": "weet_niet" if i == 2 else "5" for i in range(1, 4)}
    posted |= {f"dc{i}:{ALMELO}:wmo:praktijk": "1" for i in range(1, 4)}

    response = client.post(step_url(world.token_a, 3), posted | {"richting": "verder"})

    assert response.status_code == 302
    assert response["Location"] == step_url(world.token_a, 4)
    saved = stored(world)
    assert len(saved) == 12
    assert saved[(ALMELO, "jeugd", "ambitie", "dc3")] == 4
    assert saved[(ALMELO, "jeugd", "praktijk", "dc3")] == 3
    assert saved[(ALMELO, "wmo", "ambitie", "dc2")] is None
    assert saved[(ALMELO, "wmo", "praktijk", "dc1")] == 1


def test_weet_niet_is_stored_as_an_empty_value(client: Client, world: World) -> None:
    client.post(step_url(world.token_a, 5), {"amb1:GM0141::": "weet_niet", "amb2:GM0141::": "4"})

    answer = Answer.objects.get(respondent=world.respondent_a, item="amb1")
    assert answer.value is None
    assert (answer.gemeente_code, answer.transitie, answer.perspectief) == (ALMELO, "", "")


def test_unanswered_questions_on_a_posted_page_are_skipped_not_refused(
    client: Client, world: World
) -> None:
    response = client.post(
        step_url(world.token_a, 2),
        {"cc4:GM0141:wmo:praktijk": "2", "cc6:GM0141:jeugd:ambitie": "5"},
    )

    assert response.status_code == 302
    assert set(stored(world)) == {
        (ALMELO, "wmo", "praktijk", "cc4"),
        (ALMELO, "jeugd", "ambitie", "cc6"),
    }


def test_going_back_saves_the_page_too(client: Client, world: World) -> None:
    response = client.post(
        step_url(world.token_a, 3), {"dc1:GM0141:wmo:praktijk": "1", "richting": "terug"}
    )

    assert response["Location"] == step_url(world.token_a, 2)
    assert stored(world) == {(ALMELO, "wmo", "praktijk", "dc1"): 1}


def test_the_last_step_continues_to_the_review(client: Client, world: World) -> None:
    response = client.post(step_url(world.token_a, 9), {"open1": "", "open2": ""})

    assert response["Location"] == reverse("questionnaire:review", args=[world.token_a])


def test_a_page_opened_from_the_review_returns_there(client: Client, world: World) -> None:
    response = client.post(
        step_url(world.token_a, 2), {"cc4:GM0141:jeugd:ambitie": "3", "naar": "overzicht"}
    )

    assert response["Location"] == reverse("questionnaire:review", args=[world.token_a])


def test_a_tampered_value_on_a_page_saves_nothing_of_that_page(
    client: Client, world: World
) -> None:
    response = client.post(
        step_url(world.token_a, 1), {"cc1:GM0141:jeugd:ambitie": "2", "cc2:GM0141:wmo:ambitie": "9"}
    )

    assert response.status_code == 400
    assert "Choose one of the offered answers" in response.content.decode()
    assert stored(world) == {}


def test_the_obstacle_checklist_saves_ticked_as_yes_and_the_rest_as_no(
    client: Client, world: World
) -> None:
    client.post(
        step_url(world.token_a, 7),
        {
            "afs1:GM0141::": "1",
            "afs2:GM0141::": "0",
            "obs2:GM0141::": "1",
            "obs5:GM0141::": "1",
            "obs_anders:GM0141": " Wachtlijsten ",
        },
    )

    saved = stored(world)
    assert [saved[(ALMELO, "", "", f"obs{i}")] for i in range(1, 6)] == [0, 1, 0, 0, 1]
    assert saved[(ALMELO, "", "", "afs1")] == 1
    assert (ALMELO, "", "", "afs3") not in saved
    other = OpenAnswer.objects.get(respondent=world.respondent_a, question="obs_anders")
    assert (other.gemeente_code, other.text) == (ALMELO, "Wachtlijsten")


def test_free_text_is_stored_once_for_the_respondent_and_emptying_removes_it(
    client: Client, world: World
) -> None:
    client.post(step_url(world.token_a, 9), {"open1": "Korte lijnen", "open2": "Minder regels"})
    client.post(step_url(world.token_a, 9), {"open1": "Korte lijnen, goed overleg", "open2": ""})

    texts = OpenAnswer.objects.filter(respondent=world.respondent_a)
    assert list(texts.values_list("gemeente_code", "question", "text")) == [
        ("", "open1", "Korte lijnen, goed overleg")
    ]


def test_ticking_and_unticking_arrangements_creates_and_deletes_them(
    client: Client, world: World
) -> None:
    client.post(step_url(world.token_a, 8), {"mechanisme:GM0141": ["cjg", "sociaal_wijkteam"]})
    uses = MechanismUse.objects.filter(respondent=world.respondent_a)
    assert sorted(uses.values_list("type", flat=True)) == ["cjg", "sociaal_wijkteam"]
    assert uses.get(type="cjg").gemeente_code == ALMELO
    assert uses.get(type="cjg").transities == ["jeugd", "wmo"]

    client.post(
        step_url(world.token_a, 8), {"mechanisme:GM0141": ["sociaal_wijkteam", "casusoverleg"]}
    )

    assert sorted(uses.values_list("type", flat=True)) == ["casusoverleg", "sociaal_wijkteam"]


def test_an_unknown_arrangement_type_is_refused(client: Client, world: World) -> None:
    response = client.post(step_url(world.token_a, 8), {"mechanisme:GM0141": ["cjg", "kantine"]})

    assert response.status_code == 400
    assert not MechanismUse.objects.exists()


# --- one answer at a time (htmx) -----------------------------------------------------------


def test_the_answer_endpoint_saves_one_answer_and_returns_a_saved_fragment(
    client: Client, world: World
) -> None:
    response = client.post(answer_url(world.token_a), axis_answer("dc4", "2"), **HTMX)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Saved" in body
    assert "<html" not in body
    assert 'id="rk-answered" hx-swap-oob="true"' in body
    assert "1 of 77" in body  # 4 axis pages × 12 + 20 conditions + 4 agreements + 5 obstacles
    assert stored(world) == {(ALMELO, "jeugd", "ambitie", "dc4"): 2}


def test_the_count_after_each_htmx_save_is_the_number_of_answered_questions(
    client: Client, world: World
) -> None:
    """The endpoint counts from the keys read with the token plus the one just saved."""
    gemeente_level = {"gemeente": ALMELO, "transitie": "", "perspectief": ""}
    posts = [
        (axis_answer("cc1", "2"), 1),
        (axis_answer("cc1", "4"), 1),  # a changed answer is not a new one
        (axis_answer("cc1", "weet_niet", perspectief="praktijk"), 2),
        (gemeente_level | {"item": "obs3", "obs3": "1"}, 3),
        ({"gemeente": "", "item": "open2", "open2": "Eén loket"}, 3),  # text is not counted
        (axis_answer("dc2", "5", transitie="wmo"), 4),
    ]
    for fields, count in posts:
        body = client.post(answer_url(world.token_a), fields, **HTMX).content.decode()
        assert f"You have answered {count} of 77 questions" in body, fields
    assert len(stored(world)) == 4


def test_without_htmx_the_answer_endpoint_redirects_back_to_the_page(
    client: Client, world: World
) -> None:
    back = step_url(world.token_a, 1)
    response = client.post(answer_url(world.token_a), axis_answer("cc1", "5") | {"next": back})

    assert response.status_code == 302
    assert response["Location"] == back
    assert stored(world) == {(ALMELO, "jeugd", "ambitie", "cc1"): 5}


def test_the_answer_endpoint_never_redirects_outside_the_questionnaire(
    client: Client, world: World
) -> None:
    response = client.post(
        answer_url(world.token_a),
        axis_answer("cc1", "5") | {"next": "https://evil.example/phish"},
        HTTP_REFERER="/beheer/",
    )

    assert response["Location"] == reverse("questionnaire:start", args=[world.token_a])


def test_repeating_the_same_answer_leaves_one_row(client: Client, world: World) -> None:
    for _ in range(3):
        response = client.post(answer_url(world.token_a), axis_answer("cc2", "4"), **HTMX)
        assert response.status_code == 200

    assert Answer.objects.filter(respondent=world.respondent_a).count() == 1
    assert stored(world) == {(ALMELO, "jeugd", "ambitie", "cc2"): 4}


@pytest.mark.parametrize("order", list(itertools.permutations(["1", "weet_niet", "5"])))
def test_whatever_the_order_the_last_answer_wins_in_a_single_row(
    client: Client, world: World, order: tuple[str, ...]
) -> None:
    for waarde in order:
        client.post(answer_url(world.token_a), axis_answer("dc1", waarde), **HTMX)
        client.post(step_url(world.token_a, 1), {"dc1": waarde})

    rows = Answer.objects.filter(respondent=world.respondent_a, item="dc1")
    assert rows.count() == 1
    expected = None if order[-1] == "weet_niet" else int(order[-1])
    assert rows.get().value == expected


def test_htmx_reads_a_checkbox_from_the_surrounding_form(client: Client, world: World) -> None:
    cell = {"gemeente": ALMELO, "transitie": "", "perspectief": "", "item": "obs3"}
    client.post(answer_url(world.token_a), cell | {"obs3": "1"}, **HTMX)
    assert stored(world)[(ALMELO, "", "", "obs3")] == 1

    client.post(answer_url(world.token_a), cell, **HTMX)  # unticked: the box sends nothing

    assert stored(world)[(ALMELO, "", "", "obs3")] == 0


def test_htmx_ticks_and_unticks_one_arrangement(client: Client, world: World) -> None:
    fields = {"gemeente": ALMELO, "item": "mechanisme", "type": "wijkservice"}
    client.post(answer_url(world.token_a), fields | {"mechanisme": ["wijkservice", "cjg"]}, **HTMX)
    client.post(answer_url(world.token_a), fields | {"mechanisme": ["wijkservice"]}, **HTMX)
    uses = MechanismUse.objects.filter(respondent=world.respondent_a)
    assert list(uses.values_list("type", flat=True)) == ["wijkservice"]

    client.post(answer_url(world.token_a), fields | {"mechanisme": ["cjg"]}, **HTMX)

    assert not uses.exists()


def test_htmx_saves_free_text(client: Client, world: World) -> None:
    fields = {"gemeente": "", "item": "open2"}
    client.post(answer_url(world.token_a), fields | {"open2": "Eén loket"}, **HTMX)
    client.post(answer_url(world.token_a), fields | {"open2": "Eén loket voor alles"}, **HTMX)

    assert list(OpenAnswer.objects.values_list("question", "text")) == [
        ("open2", "Eén loket voor alles")
    ]


# --- what is refused -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        {"gemeente": "GM0153"},  # a gemeente of the region, but not this respondent's
        {"transitie": "participatie"},  # not asked in this scan
        {"perspectief": "toekomst"},
    ],
)
def test_an_answer_outside_the_respondents_cells_is_rejected_and_not_saved(
    client: Client, world: World, cell: dict[str, str]
) -> None:
    response = client.post(answer_url(world.token_a), axis_answer("cc1", "3", **cell), **HTMX)

    assert response.status_code == 400
    assert "Not saved" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_transitie_of_the_scan_the_respondent_does_not_answer_is_rejected(
    client: Client, world: World
) -> None:
    respondent, token = make_respondent(world.scan_a, "R002", transities=["jeugd"])

    response = client.post(answer_url(token), axis_answer("cc1", "3", transitie="wmo"), **HTMX)

    assert response.status_code == 400
    assert not Answer.objects.filter(respondent=respondent).exists()


@pytest.mark.parametrize("waarde", ["0", "6", "-1", "3.5", "", "x"])
def test_an_out_of_range_value_is_rejected(client: Client, world: World, waarde: str) -> None:
    response = client.post(answer_url(world.token_a), axis_answer("cc1", waarde), **HTMX)

    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_weet_niet_is_refused_where_the_scale_has_no_such_choice(
    client: Client, world: World
) -> None:
    fields = {"gemeente": ALMELO, "item": "obs1", "waarde": "weet_niet"}

    response = client.post(answer_url(world.token_a), fields, **HTMX)

    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_an_unknown_question_is_rejected(client: Client, world: World) -> None:
    response = client.post(answer_url(world.token_a), axis_answer("cc99", "3"), **HTMX)

    assert response.status_code == 400


def test_a_respondent_of_scan_a_cannot_make_answers_land_in_scan_b(
    client: Client, world: World
) -> None:
    rotterdam = axis_answer("cc1", "3", gemeente="GM0599")

    response = client.post(answer_url(world.token_a), rotterdam, **HTMX)

    assert response.status_code == 400
    assert not Answer.objects.filter(respondent__scan=world.scan_b).exists()
    assert not Answer.objects.exists()


def test_the_token_decides_whose_answer_it_is(client: Client, world: World) -> None:
    other, token = make_respondent(world.scan_b, "B001")

    client.post(answer_url(token), axis_answer("cc1", "2", gemeente=other.gemeenten[0]), **HTMX)

    answer = Answer.objects.get()
    assert answer.respondent == other
    assert answer.respondent.scan == world.scan_b


# --- changing answers until the scan closes ------------------------------------------------


def test_answers_can_change_while_open_and_are_refused_after_closing(
    client: Client, world: World
) -> None:
    client.post(answer_url(world.token_a), axis_answer("cc1", "2"), **HTMX)
    client.post(answer_url(world.token_a), axis_answer("cc1", "4"), **HTMX)
    assert stored(world) == {(ALMELO, "jeugd", "ambitie", "cc1"): 4}

    world.scan_a.close()

    refused = client.post(answer_url(world.token_a), axis_answer("cc1", "1"), **HTMX)
    assert refused.status_code == 409
    assert "no longer accepts answers" in refused.content.decode()
    page = client.post(step_url(world.token_a, 1), {"cc1": "1"})
    assert page.status_code == 410
    text = client.post(
        answer_url(world.token_a), {"gemeente": "", "item": "open1", "tekst": "Te laat"}, **HTMX
    )
    assert text.status_code == 409
    assert stored(world) == {(ALMELO, "jeugd", "ambitie", "cc1"): 4}
    assert not OpenAnswer.objects.exists()


def test_a_revoked_link_saves_nothing(client: Client, world: World) -> None:
    world.respondent_a.revoked_at = world.respondent_a.created_at
    world.respondent_a.save()

    fragment = client.post(answer_url(world.token_a), axis_answer("cc1", "2"), **HTMX)
    page = client.post(step_url(world.token_a, 1), {"cc1": "2"})

    assert fragment.status_code == 404
    assert page.status_code == 404
    assert not Answer.objects.exists()


def test_a_changed_answer_records_when_it_changed(client: Client, world: World) -> None:
    """The results cache is keyed on the latest change, so every save must move it on."""
    client.post(answer_url(world.token_a), axis_answer("cc1", "2"), **HTMX)
    first = Answer.objects.get(respondent=world.respondent_a, item="cc1").updated_at

    client.post(answer_url(world.token_a), axis_answer("cc1", "4"), **HTMX)

    again = Answer.objects.get(respondent=world.respondent_a, item="cc1")
    assert again.value == 4
    assert again.updated_at.tzinfo is not None
    assert again.updated_at > first


def test_saving_marks_the_respondent_as_started(client: Client, world: World) -> None:
    client.post(answer_url(world.token_a), axis_answer("cc1", "2"), **HTMX)

    world.respondent_a.refresh_from_db()
    assert world.respondent_a.started_at is not None


# --- "same as above" and planned subsets ----------------------------------------------------


def test_same_as_above_without_javascript_copies_the_row_above_and_comes_back_to_it(
    client: Client, world: World
) -> None:
    response = client.post(
        step_url(world.token_a, 1),
        {
            "cc1:GM0141:jeugd:ambitie": "2",
            "cc2:GM0141:jeugd:ambitie": "4",
            "kopieer": "cc1:GM0141:jeugd:praktijk|cc1:GM0141:jeugd:ambitie",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == step_url(world.token_a, 1) + "#q-cc1-GM0141-jeugd-praktijk"
    saved = stored(world)
    assert saved[(ALMELO, "jeugd", "praktijk", "cc1")] == 2
    assert saved[(ALMELO, "jeugd", "ambitie", "cc2")] == 4  # the rest of the page is kept
    assert (ALMELO, "jeugd", "praktijk", "cc2") not in saved


def test_same_as_above_with_nothing_above_copies_nothing(client: Client, world: World) -> None:
    response = client.post(
        step_url(world.token_a, 1),
        {"kopieer": "cc1:GM0141:jeugd:praktijk|cc1:GM0141:jeugd:ambitie"},
    )

    assert response.status_code == 302
    assert stored(world) == {}


def test_a_malformed_copy_request_is_refused_and_saves_nothing(
    client: Client, world: World
) -> None:
    response = client.post(
        step_url(world.token_a, 1), {"cc1:GM0141:jeugd:ambitie": "2", "kopieer": "x"}
    )

    assert response.status_code == 400
    assert stored(world) == {}


def test_a_respondent_with_many_gemeenten_answers_a_stable_planned_subset(
    client: Client, world: World
) -> None:
    many = ["GM0141", "GM0153", "GM0164", "GM0183", "GM0189"]
    respondent, token = make_respondent(world.scan_a, "R050", gemeenten=many)

    first = client.get(step_url(token, 7)).content.decode()  # after six axis pages
    respondent.refresh_from_db()
    plan = respondent.plan

    assert len(plan["gemeenten"]) == 3
    assert set(plan["gemeenten"]) <= set(many)
    assert len(plan["cellen"]) == 3
    assert {g for g, _t in plan["cellen"]} == set(plan["gemeenten"])
    assert len(set(re.findall(r'name="(amb1:[^"]*)"', first))) == 3
    # the same subset on every later visit
    client.get(step_url(token, 1))
    respondent.refresh_from_db()
    assert respondent.plan == plan


def test_planned_subsets_spread_respondents_evenly_over_gemeenten(
    client: Client, world: World
) -> None:
    many = ["GM0153", "GM0164", "GM0183", "GM0189", "GM0147", "GM0148"]
    counts: dict[str, int] = dict.fromkeys(many, 0)
    for i in range(6):
        respondent, token = make_respondent(
            world.scan_a, f"P{i:03d}", gemeenten=many, transities=["jeugd"]
        )
        client.get(step_url(token, 1))
        respondent.refresh_from_db()
        for g in respondent.plan["gemeenten"]:
            counts[g] += 1
    # 6 respondents × 3 gemeenten over 6 gemeenten: exactly 3 each
    assert sorted(counts.values()) == [3] * 6
