"""Results are computed once per published snapshot, when it is published (not on a page
visit): stored until a new snapshot is published or the region changes; new answers alone
never change them (product.md §6)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import make_respondent, make_user
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from regiekompas.core import pipeline
from regiekompas.web.responses.models import Answer
from regiekompas.web.responses.saving import AnswerIn, save_answers
from regiekompas.web.responses.snapshots import close_and_publish
from regiekompas.web.results import service
from regiekompas.web.scans.models import Scan


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the analyses run by the results service."""
    seen: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append(1)
        return pipeline.analyse_with_advice(*args, **kwargs)

    monkeypatch.setattr(service, "analyse_with_advice", counting)
    return seen


@pytest.fixture
def scan(simulated_scan: Callable[..., Scan], calls: list[int]) -> Scan:
    """A published scan; its results were computed on publishing (counted in `calls`)."""
    return simulated_scan(gemeenten=2, respondenten=8, seed=3)


@pytest.fixture
def client_in(client: Client, scan: Scan) -> Client:
    user = make_user("fac_cache")
    scan.region.memberships.create(user=user)
    client.force_login(user)
    return client


def _overview(client: Client, scan: Scan) -> str:
    """The page's content below the header (which carries a per-request CSRF token)."""
    response = client.get(reverse("results:overview", args=[scan.pk]))
    assert response.status_code == 200
    body = str(response.content.decode()).split("<h1", 1)[1]
    # Forms on the page (the PDF button) carry a per-request CSRF token too.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)


def _answer_cell(scan: Scan, respondent_id: str, value: int) -> None:
    code = sorted(scan.region.gemeente_names())[0]
    transitie = scan.transities[0]
    respondent, _ = make_respondent(
        scan, respondent_id, groep="wijkteam", gemeenten=[code], transities=[transitie]
    )
    items = scan.instrument().axis_item_codes
    save_answers(respondent, [AnswerIn(code, transitie, "praktijk", item, value) for item in items])


def test_a_second_visit_is_served_from_the_cache(
    client_in: Client, scan: Scan, calls: list[int]
) -> None:
    first = _overview(client_in, scan)
    second = _overview(client_in, scan)
    code = sorted(scan.region.gemeente_names())[0]
    client_in.get(reverse("results:cell", args=[scan.pk, code, scan.transities[0]]))
    assert len(calls) == 1
    assert first == second


def test_dutch_and_english_pages_share_one_analysis(
    client_in: Client, scan: Scan, calls: list[int]
) -> None:
    _overview(client_in, scan)
    client_in.cookies["django_language"] = "en"
    english = _overview(client_in, scan)
    assert len(calls) == 1
    assert "Results of" in english


def test_a_new_answer_leaves_the_published_results_as_they_are(
    client_in: Client, scan: Scan, calls: list[int]
) -> None:
    before = _overview(client_in, scan)
    _answer_cell(scan, "NEW-1", 1)
    after = _overview(client_in, scan)
    assert len(calls) == 1
    assert before == after


def test_closing_the_scan_publishes_new_results(
    client_in: Client, scan: Scan, calls: list[int]
) -> None:
    before = _overview(client_in, scan)
    _answer_cell(scan, "NEW-1", 1)
    respondent = scan.respondents.get(external_id="NEW-1")
    answer = Answer.objects.filter(respondent=respondent).first()
    assert answer is not None
    save_answers(
        respondent,
        [AnswerIn(answer.gemeente_code, answer.transitie, answer.perspectief, answer.item, 5)],
    )
    close_and_publish(scan)
    after = _overview(client_in, scan)
    assert len(calls) == 2
    assert before != after


def test_a_change_of_the_region_gives_new_results(
    client_in: Client, scan: Scan, calls: list[int]
) -> None:
    _overview(client_in, scan)
    scan.region.touch()
    _overview(client_in, scan)
    assert len(calls) == 2


def test_another_group_for_a_respondent_waits_for_the_next_snapshot(
    client_in: Client, scan: Scan, calls: list[int]
) -> None:
    _overview(client_in, scan)
    respondent = scan.respondents.order_by("pk").first()
    assert respondent is not None
    respondent.groep = "overig"
    respondent.save(update_fields=["groep"])
    _overview(client_in, scan)
    assert len(calls) == 1
    close_and_publish(scan)
    _overview(client_in, scan)
    assert len(calls) == 2
