"""A real Celery worker on the local Redis runs what the app submits (REGIEKOMPAS_JOBS=celery).

The worker runs in a thread of the test process (so it reaches the test database) and takes
jobs from a queue of its own on `REGIEKOMPAS_TEST_REDIS_URL` (default: database 15 of the
local Redis, which `.ci/run` starts). Without a reachable Redis these tests are skipped
locally and fail in CI, like the browser tests without Chromium.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from regiekompas.web.jobs.models import Job
from regiekompas.web.jobs.queue import submit
from regiekompas.web.results.models import ComputedResults
from regiekompas.web.scans.models import Scan

REDIS_URL = os.environ.get("REGIEKOMPAS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def worker() -> Iterator[Any]:
    if not _redis_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    from celery.contrib.testing.worker import start_worker

    from regiekompas.web.jobs.celery_app import app

    queue_name = f"rk-test-{uuid.uuid4().hex}"
    saved = (app.conf.broker_url, app.conf.task_default_queue)
    app.conf.broker_url = REDIS_URL
    app.conf.task_default_queue = queue_name
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, queues=[queue_name], shutdown_timeout=10
        ):
            yield app
    finally:
        app.conf.broker_url, app.conf.task_default_queue = saved
        import redis

        redis.Redis.from_url(REDIS_URL).delete(queue_name)


def _wait(job: Job, seconds: float = 30) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.finished:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job.kind} still {job.status} after {seconds} s")


@pytest.mark.django_db(transaction=True)
@override_settings(JOBS_BACKEND="celery")
def test_publishing_hands_the_results_to_the_celery_worker(
    worker: Any, simulated_scan: Callable[..., Scan], client: Client
) -> None:
    from conftest import make_user

    scan = simulated_scan(gemeenten=2, respondenten=8, seed=4)
    job = _wait(Job.objects.get(kind="results.compute", scope=f"scan:{scan.pk}"))
    assert job.status == Job.Status.DONE, job.message
    assert job.started_at is not None
    assert ComputedResults.objects.filter(scan=scan).exists()
    user = make_user("fac_celery")
    scan.region.memberships.create(user=user)
    client.force_login(user)
    page = client.get(reverse("results:overview", args=[scan.pk])).content.decode()
    assert 'id="beeld-kop"' in page


@pytest.mark.django_db(transaction=True)
@override_settings(JOBS_BACKEND="celery")
def test_an_unreachable_broker_fails_the_job_with_a_sentence(world: Any) -> None:
    from regiekompas.web.jobs.celery_app import app

    def new_pool() -> None:  # connections are pooled per broker address
        app._after_fork()

    saved = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    new_pool()
    try:
        started = time.monotonic()
        job = submit("results.compute", scope="scan:0", scan=0)
        assert time.monotonic() - started < 10  # the request does not hang on it
    finally:
        app.conf.broker_url = saved
        new_pool()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert any(word in job.message for word in ("reached", "bereikbaar"))
