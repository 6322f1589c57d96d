"""Background jobs: a task's outcome, its failure message and who may see its file."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from regiekompas.web.jobs.models import Job
from regiekompas.web.jobs.queue import JobError, attach, job_progress, submit, task

pytestmark = pytest.mark.django_db


@task("test.echo")
def _echo(job: Job, *, text: str) -> None:
    job_progress(job, 0.5, "half")
    attach(job, "echo.txt", "text/plain", text.encode())


@task("test.refuse")
def _refuse(job: Job) -> None:
    raise JobError("Het bestand is leeg.")


@task("test.crash")
def _crash(job: Job) -> None:
    raise RuntimeError("secret internals /etc/passwd")


def test_a_task_runs_and_its_file_is_served_to_its_owner(world) -> None:
    job = submit("test.echo", scope="scan:1", user=world.facilitator_a, text="hallo")
    assert job.status == Job.Status.DONE
    client = Client()
    client.force_login(world.facilitator_a)
    response = client.get(f"/taken/{job.pk}/bestand/")
    assert response.status_code == 200
    assert response.content == b"hallo"
    assert 'filename="echo.txt"' in response["Content-Disposition"]
    other = Client()
    other.force_login(world.facilitator_b)
    assert other.get(f"/taken/{job.pk}/bestand/").status_code == 404
    assert other.get(f"/taken/{job.pk}/").status_code == 404


def test_a_refusal_is_shown_in_the_users_words_and_a_crash_reveals_nothing(world) -> None:
    refused = submit("test.refuse", user=world.facilitator_a)
    assert refused.status == Job.Status.FAILED
    assert refused.message == "Het bestand is leeg."
    crashed = submit("test.crash", user=world.facilitator_a)
    assert crashed.status == Job.Status.FAILED
    client = Client()
    client.force_login(world.facilitator_a)
    page = client.get(f"/taken/{crashed.pk}/").content.decode()
    assert "passwd" not in page
    assert "RuntimeError" not in page
    assert crashed.message in page


@pytest.mark.django_db(transaction=True)
@override_settings(JOBS_BACKEND="thread")
def test_the_in_process_runner_finishes_the_job_after_commit(world) -> None:
    import time

    job = submit("test.echo", user=world.facilitator_a, text="draad")
    for _ in range(100):
        job.refresh_from_db()
        if job.finished:
            break
        time.sleep(0.05)
    assert job.status == Job.Status.DONE
    assert bytes(Job.objects.get(pk=job.pk).result) == b"draad"


def test_an_unknown_task_cannot_be_submitted() -> None:
    with pytest.raises(KeyError):
        submit("test.unknown")
