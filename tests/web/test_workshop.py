"""The live workshop (docs/workshop.md): joining, placing, the projector under the k-rules,
hide/reveal, lock, rounds, polling, saving with a scan and guessing join codes."""

from __future__ import annotations

import json
import re

import pytest
from conftest import World, make_user
from django.test import Client
from django.urls import reverse

from regiekompas.web.workshop import guessing
from regiekompas.web.workshop.models import Participant, Placement, WorkshopRound, WorkshopSession
from regiekompas.web.workshop.service import create_session

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _no_guessers() -> None:
    guessing.forget()


@pytest.fixture
def session(world: World) -> WorkshopSession:
    return create_session(
        title="Werksessie Twente",
        scan=world.scan_a,
        transities=["jeugd", "wmo"],
        k=3,
        created_by=world.facilitator_a,
        focus_transitie="jeugd",
    )


def phone(session: WorkshopSession, groep: str = "gemeente_beleid") -> Client:
    """A participant's browser that joined the session with this group."""
    client = Client()
    response = client.post(reverse("workshop_join:session", args=[session.code]), {"choice": groep})
    assert response.status_code == 302
    return client


def place(
    client: Client,
    session: WorkshopSession,
    cc: int,
    dc: int,
    *,
    perspectief: str = "praktijk",
    transitie: str = "jeugd",
    htmx: bool = True,
) -> int:
    response = client.post(
        reverse("workshop_join:place", args=[session.code]),
        {"transitie": transitie, "perspectief": perspectief, "cc": cc, "dc": dc},
        **(HTMX if htmx else {}),
    )
    return response.status_code


def projector(world: World, session: WorkshopSession) -> str:
    client = Client()
    client.force_login(world.facilitator_a)
    response = client.get(reverse("workshop:projector", args=[session.pk]))
    assert response.status_code == 200
    return response.content.decode()


def control(world: World, session: WorkshopSession, action: str, **extra: str) -> None:
    client = Client()
    client.force_login(world.facilitator_a)
    response = client.post(
        reverse("workshop:control", args=[session.pk]), {"action": action, **extra}
    )
    assert response.status_code == 302


def dots_of(page: str) -> list[str]:
    """The marks of every dot drawn in the room's plots, in order."""
    groups = re.findall(r'<g class="rk-room__dots">((?:<g transform="[^"]*">.*?</g>)*)</g>', page)
    return [
        mark for group in groups for mark in re.findall(r'<g transform="[^"]*">(.*?)</g>', group)
    ]


def is_grey_ring(mark: str) -> bool:
    return 'fill="#ffffff" stroke="#5c5c5c"' in mark


# --- joining ------------------------------------------------------------------------------


def test_a_participant_joins_with_the_code_and_a_group_and_nothing_else_is_stored(
    session: WorkshopSession,
) -> None:
    client = Client()
    typed = session.code.lower()[:3] + "-" + session.code.lower()[3:]
    response = client.post(reverse("workshop_join:start"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("workshop_join:session", args=[session.code])
    page = client.get(response["Location"]).content.decode()
    assert "Gemeente – beleid" in page or "beleid" in page.lower()
    client.post(response["Location"], {"choice": "zorgverzekeraar"})
    participant = Participant.objects.get(session=session)
    assert (participant.groep, participant.rationaliteit) == (
        "zorgverzekeraar",
        "juridisch_financieel",
    )
    cookie = client.cookies[f"rk_w{session.pk}"]
    assert cookie["httponly"]
    assert cookie["path"] == "/w/"
    assert participant.key in cookie.value  # signed, not secret from its owner
    page = client.get(reverse("workshop_join:session", args=[session.code])).content.decode()
    assert 'type="range"' in page
    assert "Plaats" in page


def test_a_wrong_code_says_so_and_creates_nothing(session: WorkshopSession) -> None:
    response = Client().post(reverse("workshop_join:start"), {"code": "QQQQQQ"})
    assert response.status_code == 400
    assert "Geen sessie heeft deze code" in response.content.decode()
    assert Participant.objects.count() == 0


def test_guessing_codes_is_throttled_and_then_even_a_right_code_is_refused(
    session: WorkshopSession, settings: object
) -> None:
    client = Client()
    statuses = [
        client.get(reverse("workshop_join:session", args=[f"QQQQ{i:02d}"])).status_code
        for i in range(25)
    ]
    assert statuses[:19] == [404] * 19
    assert statuses[-1] == 429
    assert client.get(reverse("workshop_join:session", args=[session.code])).status_code == 429


def test_a_cookie_from_another_session_or_a_forged_one_is_not_a_participant(
    session: WorkshopSession, world: World
) -> None:
    other = create_session(title="Andere", transities=["jeugd"], created_by=world.facilitator_a)
    client = phone(other)
    client.cookies[f"rk_w{session.pk}"] = client.cookies[f"rk_w{other.pk}"].value
    assert place(client, session, 10, 10, htmx=False) == 302  # back to choosing a group
    client.cookies[f"rk_w{session.pk}"] = "forged:value"
    assert place(client, session, 10, 10) == 409
    assert Placement.objects.filter(session=session).count() == 0


# --- placing ------------------------------------------------------------------------------


def test_placing_again_moves_the_dot_one_per_participant_round_transitie_perspectief(
    session: WorkshopSession,
) -> None:
    client = phone(session)
    assert place(client, session, 50, -50) == 200
    assert place(client, session, -25, 75) == 200
    assert place(client, session, 0, 0, perspectief="ambitie") == 200
    assert place(client, session, 0, 0, transitie="wmo", htmx=False) == 302
    rows = {
        (p.round, p.transitie, p.perspectief): (p.cc, p.dc)
        for p in Placement.objects.filter(session=session)
    }
    assert rows == {
        (1, "jeugd", "praktijk"): (-0.25, 0.75),
        (1, "jeugd", "ambitie"): (0.0, 0.0),
        (1, "wmo", "praktijk"): (0.0, 0.0),
    }


@pytest.mark.parametrize(
    "form",
    [
        {"transitie": "jeugd", "perspectief": "praktijk", "cc": "101", "dc": "0"},
        {"transitie": "participatie", "perspectief": "praktijk", "cc": "0", "dc": "0"},
        {"transitie": "jeugd", "perspectief": "beide", "cc": "0", "dc": "0"},
        {"transitie": "jeugd", "perspectief": "praktijk", "cc": "x", "dc": "0"},
    ],
)
def test_a_bad_placement_is_refused_with_a_sentence_and_stores_nothing(
    session: WorkshopSession, form: dict[str, str]
) -> None:
    client = phone(session)
    response = client.post(reverse("workshop_join:place", args=[session.code]), form, **HTMX)
    assert response.status_code in (400, 409)
    assert "Niet geplaatst" in response.content.decode()
    assert not Placement.objects.exists()


def test_a_locked_session_takes_no_dots_and_no_new_participants(
    session: WorkshopSession, world: World
) -> None:
    client = phone(session)
    assert place(client, session, 20, 20) == 200
    control(world, session, "lock")
    assert place(client, session, -80, -80) == 409
    assert Placement.objects.get(session=session).cc == 0.2
    newcomer = Client()
    response = newcomer.post(
        reverse("workshop_join:session", args=[session.code]), {"choice": "wijkteam"}
    )
    assert response.status_code == 409
    assert Participant.objects.filter(session=session).count() == 1
    control(world, session, "unlock")
    assert place(client, session, -80, -80) == 200


def test_round_two_keeps_round_one_and_the_projector_shows_both_side_by_side(
    session: WorkshopSession, world: World
) -> None:
    phones = [phone(session) for _ in range(3)]
    for client in phones:
        place(client, session, -60, -60)
    control(world, session, "round2")
    for client in phones:
        place(client, session, 60, 60)
    rounds = sorted(Placement.objects.values_list("round", "cc"))
    assert rounds == [(1, -0.6)] * 3 + [(2, 0.6)] * 3
    control(world, session, "reveal")
    page = projector(world, session)
    assert "ronde 1 (voor het gesprek)" in page
    assert "ronde 2 (na het gesprek)" in page
    assert page.count("· 3 stippen") == 2


# --- the projector: hide/reveal and the k-rule ---------------------------------------------


def test_hidden_dots_show_only_how_many_were_placed(session: WorkshopSession, world: World) -> None:
    for _ in range(3):
        place(phone(session, "wijkteam"), session, 40, 40)
    page = projector(world, session)
    assert "3 stippen" in page
    assert dots_of(page) == []
    assert "Sociaal wijkteam" not in page
    assert "(n =" not in page
    control(world, session, "reveal")
    page = projector(world, session)
    assert len(dots_of(page)) == 3
    assert "Sociaal wijkteam (n = 3)" in page


def _revealed_page(world: World, session: WorkshopSession) -> str:
    control(world, session, "reveal")
    return projector(world, session).split('id="kamer"')[1]


def test_a_lone_participant_of_a_group_cannot_be_singled_out_on_the_projector(
    session: WorkshopSession, world: World
) -> None:
    """An attacker knows who the one zorgverzekeraar is and tries to find their dot."""
    for _ in range(3):
        place(phone(session, "gemeente_beleid"), session, -50, -50)
    place(phone(session, "zorgverzekeraar"), session, 90, 90)
    page = _revealed_page(world, session)
    marks = dots_of(page)
    assert len(marks) == 4
    # The lone group's rationaliteit is hidden, and with it (complementary suppression)
    # politiek: otherwise "the dot that is not politiek" would be the insurer's.
    assert all(is_grey_ring(mark) for mark in marks)
    for name in ("Zorgverzekeraar", "Juridisch", "Politiek", "Gemeente: beleid", "(n ="):
        assert name not in page
    assert "Nog geen groep bereikt k" in page


def test_groups_that_reach_k_are_shown_and_their_dots_carry_only_the_rationaliteit(
    session: WorkshopSession, world: World
) -> None:
    for _ in range(3):
        place(phone(session, "gemeente_beleid"), session, -50, -50)
    for _ in range(3):
        place(phone(session, "wijkteam"), session, 50, 50)
    place(phone(session, "aanbieder_bestuur"), session, 90, -90)
    page = _revealed_page(world, session)
    lines = page.split("rk-ws__lines")[1]
    assert "Politiek (n = 3)" in lines
    assert "Gemeente: beleid (n = 3)" in lines
    # professioneel holds wijkteam (3) and the lone aanbieder (1): the rationaliteit is
    # shown (n = 4), but within it the lone group is hidden, and so is wijkteam (the hidden
    # rest of professioneel would otherwise be the lone one).
    assert "Professioneel (n = 4)" in lines
    assert "wijkteam" not in lines.lower()
    assert "Aanbieder" not in lines
    # By hand: politiek at (−0.5, −0.5), professioneel at ((3 × 0.5 + 0.9) / 4,
    # (3 × 0.5 − 0.9) / 4) = (0.6, 0.15); distance √(1.1² + 0.65²) = 1.2777 / 2√2 = 0.4517.
    assert "Spraakverwarring tussen rationaliteiten: 0,45 (hoog)" in lines
    marks = dots_of(page)
    assert len(marks) == 7
    assert not any(is_grey_ring(mark) for mark in marks)


def test_the_unchanged_poll_is_an_empty_204_and_a_new_dot_changes_it(
    session: WorkshopSession, world: World
) -> None:
    client = Client()
    client.force_login(world.facilitator_a)
    url = reverse("workshop:poll", args=[session.pk])
    first = client.get(url, {"v": "0"})
    assert first.status_code == 200
    version = re.search(r'data-version="(\d+)"', first.content.decode()).group(1)  # type: ignore[union-attr]
    assert client.get(url, {"v": version}).status_code == 204
    participant = phone(session)
    response = participant.post(
        reverse("workshop_join:place", args=[session.code]),
        {"transitie": "wmo", "perspectief": "ambitie", "cc": "5", "dc": "5"},
        **HTMX,
    )
    assert int(response["X-Workshop-Version"]) > int(version)
    assert client.get(url, {"v": version}).status_code == 200


def test_phones_reload_when_the_facilitator_locks_or_starts_round_two(
    session: WorkshopSession, world: World
) -> None:
    url = reverse("workshop_join:poll", args=[session.code])
    client = phone(session)
    v = str(WorkshopSession.objects.get(pk=session.pk).control_version)
    assert client.get(url, {"v": v}).status_code == 204
    place(client, session, 0, 0)
    assert client.get(url, {"v": v}).status_code == 204  # a dot is not a control
    control(world, session, "round2")
    response = client.get(url, {"v": v})
    assert response["HX-Refresh"] == "true"


def test_a_standalone_session_belongs_to_whoever_started_it(world: World) -> None:
    client = Client()
    client.force_login(world.facilitator_b)
    response = client.post(
        reverse("workshop:create"),
        {"title": "Adviesbureau", "transities": ["jeugd", "wmo"], "k": "4", "ask": "rationaliteit"},
    )
    assert response.status_code == 302
    session = WorkshopSession.objects.get(title="Adviesbureau")
    assert session.scan is None
    assert session.ask == "rationaliteit"
    assert client.get(reverse("workshop:projector", args=[session.pk])).status_code == 200
    other = Client()
    other.force_login(world.facilitator_a)
    assert other.get(reverse("workshop:projector", args=[session.pk])).status_code == 404
    assert other.get(reverse("workshop:poll", args=[session.pk])).status_code == 404
    fresh = Client()
    fresh.force_login(make_user("nieuw"))
    assert fresh.get(reverse("workshop:create")).status_code == 403


def test_the_qr_code_is_an_svg_of_the_join_link(session: WorkshopSession, world: World) -> None:
    client = Client()
    client.force_login(world.facilitator_a)
    response = client.get(reverse("workshop:qr", args=[session.pk]))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


# --- the chosen target and saving with the scan --------------------------------------------


def test_the_chosen_target_is_recorded_and_drawn(session: WorkshopSession, world: World) -> None:
    client = Client()
    client.force_login(world.facilitator_a)
    client.post(
        reverse("workshop:target", args=[session.pk]),
        {"transitie": "jeugd", "kwadrant": "Afstemmen", "toelichting": "Samen", "akkoord": "Allen"},
    )
    session.refresh_from_db()
    assert session.targets["jeugd"]["cc"] == 0.5
    assert session.targets["jeugd"]["dc"] == -0.5
    assert "rk-room__target" in projector(world, session)


def test_a_saved_round_is_anonymous_and_keeps_groups_only_where_they_reach_k(
    session: WorkshopSession, world: World
) -> None:
    for _ in range(3):
        place(phone(session, "gemeente_beleid"), session, -50, -50)
    place(phone(session, "zorgverzekeraar"), session, 90, 90)
    for _ in range(3):
        place(phone(session, "wijkteam"), session, 50, 50)
    client = Client()
    client.force_login(world.facilitator_a)
    client.post(reverse("workshop:save", args=[session.pk]), {"scan": world.scan_a.pk})
    saved = WorkshopRound.objects.get(scan=world.scan_a)
    text = json.dumps(saved.data)
    for participant in Participant.objects.all():
        assert participant.key not in text
    # juridisch_financieel (1) is below k; politiek is left out with it (complementary
    # suppression, tie with professioneel broken alphabetically), so only professioneel
    # and its wijkteam remain.
    for code in ("zorgverzekeraar", "juridisch_financieel", "gemeente_beleid", "politiek"):
        assert code not in text
    points = [p for p in saved.data["punten"] if p["perspectief"] == "praktijk"]
    assert len(points) == 7
    assert [(p["cc"], p["dc"]) for p in points] == sorted((p["cc"], p["dc"]) for p in points)
    assert {c["code"] for c in saved.data["centroiden"]} == {"wijkteam", "professioneel"}
    download = client.get(reverse("workshop:saved_round", args=[saved.pk]))
    assert json.loads(download.content)["punten"] == points


def test_a_target_for_a_gemeente_becomes_its_doelpositie_in_the_targets_app(
    session: WorkshopSession, world: World
) -> None:
    from regiekompas.web.targets.models import Target

    client = Client()
    client.force_login(world.facilitator_a)
    client.post(
        reverse("workshop:target", args=[session.pk]),
        {
            "transitie": "jeugd",
            "gemeente": "GM0153",
            "cc": "-0.4",
            "dc": "0.6",
            "toelichting": "Samen sturen op één toegang",
            "akkoord": "Wethouders en aanbieders",
        },
    )
    target = Target.objects.get(scan=world.scan_a, gemeente_code="GM0153", transitie="jeugd")
    assert (target.cc, target.dc, target.source) == (-0.4, 0.6, "workshop")
    assert target.agreed_by == "Wethouders en aanbieders"
    session.refresh_from_db()
    assert session.targets["jeugd"]["gemeente_code"] == "GM0153"
