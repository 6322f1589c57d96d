"""Publishing results: interim only when every changed cell gained k respondents; closing
publishes the final snapshot, holding back cells that gained fewer (docs/privacy.md)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import make_region, make_respondent, make_scan, make_user
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.saving import AnswerIn, save_answers
from regiekompas.web.results.service import scan_results
from regiekompas.web.scans.models import Scan

GEMEENTEN = {"GM0153": "Enschede", "GM0164": "Hengelo (O.)"}


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def scan(db: None) -> Scan:
    region = make_region("Twente", GEMEENTEN, make_user("fac_snap"))
    return make_scan(region, transities=["jeugd"], k=3)


@pytest.fixture
def facilitator(scan: Scan) -> Client:
    client = Client()
    client.force_login(scan.region.memberships.get().user)
    return client


def _respond(scan: Scan, name: str, code: str, value: int, *, submit: bool = True) -> Respondent:
    person, _token = make_respondent(
        scan, name, groep="wijkteam", gemeenten=[code], transities=["jeugd"]
    )
    items = scan.instrument().axis_item_codes
    save_answers(person, [AnswerIn(code, "jeugd", "praktijk", item, value) for item in items])
    if submit:
        Respondent.objects.filter(pk=person.pk).update(submitted_at=timezone.now())
    return person


def _n(scan: Scan, code: str) -> int | None:
    rows = scan_results(scan, "nl").rows("cellen")
    found = [r["n"] for r in rows if r["gemeente_code"] == code and r["perspectief"] == "praktijk"]
    return found[0] if found else None


def _publish(client: Client, scan: Scan) -> str:
    response = client.post(reverse("scans:publish", args=[scan.pk]), follow=True)
    return str(response.content.decode())


def test_interim_results_wait_for_k_new_respondents_in_every_changed_cell(
    scan: Scan, facilitator: Client
) -> None:
    for i in range(3):
        _respond(scan, f"A{i}", "GM0153", 2)
    _publish(facilitator, scan)
    assert _n(scan, "GM0153") == 3
    _respond(scan, "A3", "GM0153", 5)
    page = _publish(facilitator, scan)
    assert "Nog niet" in page
    assert Snapshot.objects.filter(scan=scan).count() == 1
    detail = facilitator.get(reverse("scans:detail", args=[scan.pk])).content.decode()
    assert 'id="held-cells"' in detail
    assert "Daar zijn nog minstens 2 respondenten met ingediende antwoorden nodig" in detail
    assert _n(scan, "GM0153") == 3
    _respond(scan, "A4", "GM0153", 5)
    _respond(scan, "A5", "GM0153", 5)
    _publish(facilitator, scan)
    assert Snapshot.objects.filter(scan=scan).count() == 2
    assert _n(scan, "GM0153") == 6


def test_a_changed_answer_alone_never_publishes(scan: Scan, facilitator: Client) -> None:
    people = [_respond(scan, f"B{i}", "GM0153", 2) for i in range(3)]
    _publish(facilitator, scan)
    items = scan.instrument().axis_item_codes
    save_answers(people[0], [AnswerIn("GM0153", "jeugd", "praktijk", items[0], 5)])
    assert "Nog niet" in _publish(facilitator, scan)
    assert Snapshot.objects.filter(scan=scan).count() == 1


def test_answers_not_yet_submitted_do_not_count_for_interim_results(
    scan: Scan, facilitator: Client
) -> None:
    for i in range(3):
        _respond(scan, f"C{i}", "GM0153", 2, submit=False)
    page = _publish(facilitator, scan)
    assert "nog geen ingediende antwoorden" in page
    assert not Snapshot.objects.filter(scan=scan).exists()


def test_closing_publishes_the_final_results_but_holds_back_a_cell_with_too_few_new(
    scan: Scan, facilitator: Client
) -> None:
    for i in range(3):
        _respond(scan, f"D{i}", "GM0153", 2)
        _respond(scan, f"E{i}", "GM0164", 2)
    _publish(facilitator, scan)
    _respond(scan, "D3", "GM0153", 5)  # one new: held back
    for i in range(3, 6):
        _respond(scan, f"E{i}", "GM0164", 5)  # three new: released
    facilitator.post(reverse("scans:close", args=[scan.pk]))
    latest = Snapshot.objects.filter(scan=scan).order_by("-number").first()
    assert latest is not None
    assert latest.kind == Snapshot.Kind.FINAL
    assert latest.held_back == 1
    assert _n(scan, "GM0153") == 3
    assert _n(scan, "GM0164") == 6


def test_publishing_is_refused_once_the_scan_is_closed(scan: Scan, facilitator: Client) -> None:
    for i in range(3):
        _respond(scan, f"F{i}", "GM0153", 2)
    facilitator.post(reverse("scans:close", args=[scan.pk]))
    assert Snapshot.objects.filter(scan=scan).count() == 1
    page = _publish(facilitator, scan)
    assert "alleen zolang de scan open is" in page
    assert Snapshot.objects.filter(scan=scan).count() == 1
