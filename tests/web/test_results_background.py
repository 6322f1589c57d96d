"""Results are computed in the background when a snapshot is published, stored for every app
process, and never computed inside a page request (product.md §14; docs/deployment.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import make_user
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from regiekompas.core import pipeline
from regiekompas.web.jobs import queue
from regiekompas.web.jobs.models import Job
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.snapshots import publish
from regiekompas.web.results import service
from regiekompas.web.results.models import ComputedResults
from regiekompas.web.scans.models import Scan


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append(1)
        return pipeline.analyse_with_advice(*args, **kwargs)

    monkeypatch.setattr(service, "analyse_with_advice", counting)
    return seen


def _facilitator(client: Client, scan: Scan) -> Client:
    user = make_user("fac_bg")
    scan.region.memberships.create(user=user)
    client.force_login(user)
    return client


def _pages(scan: Scan) -> list[str]:
    code = sorted(scan.region.gemeente_names())[0]
    return [
        reverse("results:overview", args=[scan.pk]),
        reverse("results:gemeente", args=[scan.pk, code]),
        reverse("results:cell", args=[scan.pk, code, scan.transities[0]]),
        reverse("results:providers", args=[scan.pk]),
    ]


def test_publishing_stores_the_results_and_no_page_visit_computes_them(
    client: Client, simulated_scan: Callable[..., Scan], calls: list[int]
) -> None:
    scan = simulated_scan(gemeenten=2, respondenten=8, seed=5)
    assert len(calls) == 1  # on publishing, by the job `results.compute`
    job = Job.objects.get(kind="results.compute", scope=f"scan:{scan.pk}")
    assert job.status == Job.Status.DONE
    assert ComputedResults.objects.filter(scan=scan).count() == 1
    _facilitator(client, scan)
    for url in _pages(scan):
        cache.clear()  # as in a restarted or another app process: the database serves
        service._MEMO.clear()
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'id="results-pending"' not in response.content.decode()
    assert len(calls) == 1


@override_settings(JOBS_BACKEND="thread")
def test_a_page_visit_while_computing_says_so_and_refreshes(
    client: Client, simulated_scan: Callable[..., Scan], calls: list[int]
) -> None:
    # Inside the test's transaction the thread runner never starts: the job stays queued.
    scan = simulated_scan(gemeenten=2, respondenten=8, seed=5)
    job = Job.objects.get(kind="results.compute", scope=f"scan:{scan.pk}")
    assert job.status == Job.Status.QUEUED
    _facilitator(client, scan)
    for url in _pages(scan):
        page = client.get(url).content.decode()
        assert 'id="results-pending"' in page, url
        assert '<meta http-equiv="refresh"' in page
    assert calls == []  # nothing computed in a request
    # Visits never pile up jobs while one is under way.
    assert Job.objects.filter(kind="results.compute").count() == 1
    queue.run(job.pk)
    page = client.get(_pages(scan)[0]).content.decode()
    assert 'id="results-pending"' not in page
    assert 'id="beeld-kop"' in page
    assert len(calls) == 1


@override_settings(JOBS_BACKEND="thread")
def test_a_failed_computation_is_shown_and_retried_later(
    client: Client,
    simulated_scan: Callable[..., Scan],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scan = simulated_scan(gemeenten=2, respondenten=8, seed=5)
    job = Job.objects.get(kind="results.compute")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("internal detail")

    monkeypatch.setattr(service, "analyse_with_advice", broken)
    queue.run(job.pk)
    _facilitator(client, scan)
    page = client.get(_pages(scan)[0]).content.decode()
    assert "internal detail" not in page
    assert 'id="results-pending"' in page
    assert '<meta http-equiv="refresh"' not in page  # no endless refreshing of a failure
    assert Job.objects.filter(kind="results.compute").count() == 1
    monkeypatch.undo()
    Job.objects.filter(pk=job.pk).update(finished_at=job.created_at - service.RETRY_FAILED_AFTER)
    client.get(_pages(scan)[0])
    assert Job.objects.filter(kind="results.compute").count() == 2


def test_a_new_snapshot_and_an_erasure_replace_the_stored_results(
    client: Client, simulated_scan: Callable[..., Scan], calls: list[int]
) -> None:
    scan = simulated_scan(gemeenten=2, respondenten=8, seed=5)
    first = ComputedResults.objects.get(scan=scan)
    publish(scan, Snapshot.Kind.FINAL)
    assert len(calls) == 2
    second = ComputedResults.objects.get(scan=scan)  # the older one is gone
    assert second.key != first.key
    # Erasing a respondent removes every stored figure that may hold their answers.
    person = scan.respondents.order_by("pk").first()
    assert person is not None
    person.delete()
    assert not ComputedResults.objects.filter(scan=scan).exists()
    _facilitator(client, scan)
    assert client.get(_pages(scan)[0]).status_code == 200
    assert len(calls) == 3


def test_stored_results_read_back_equal_to_the_computed_ones(
    simulated_scan: Callable[..., Scan],
) -> None:
    scan = simulated_scan(gemeenten=3, respondenten=8, seed=9)
    snapshot = Snapshot.objects.get(scan=scan)
    computed = service._compute(scan, snapshot)
    assert service.loads(service.dumps(computed)) == computed
    stored = service.scan_results(scan, "en")
    assert stored.document["cellen"] == computed.document["cellen"]
    assert stored.advice == computed.advice
