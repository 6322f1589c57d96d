"""Submit background work and run it: in-process in the embedded default, Celery in production.

Apps register task functions with `@task("app.name")` in their own `tasks.py` (found by
`JobsConfig.ready`) and start one with `submit("app.name", scope=..., **params)`. A task gets
its `Job` row as first argument and its JSON params as keywords; it may call
`job_progress(job, 0.5)` and `attach(job, name, content_type, data)`, and raise `JobError`
with a sentence for users. Any other exception fails the job with a generic message and is
logged (with its traceback) for the operators.

Runners, chosen by `settings.JOBS_BACKEND` (`REGIEKOMPAS_JOBS`):

- `thread` (default): one background thread per app process, started after the submitting
  transaction commits. Needs nothing else, so `make demo` works; a job of a process that
  stops is lost and shows as failed when looked at again (`stale`).
- `eager`: the task runs inside `submit` (tests, the command line).
- `celery`: the job id is sent to the Celery worker (`jobs/celery_app.py`); when the broker
  cannot be reached, the job fails at once with a sentence saying so.

Code that must not do heavy work inside a request (results of a large scan) asks `in_job()`:
true while a task runs, whatever the runner.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from datetime import timedelta
from typing import Any, Final

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regiekompas.web.jobs.models import Job

__all__ = ["JobError", "attach", "in_job", "job_progress", "run", "submit", "task"]

log = logging.getLogger(__name__)

TaskFunction = Callable[..., None]
_TASKS: dict[str, TaskFunction] = {}
_EXECUTOR: ThreadPoolExecutor | None = None
#: A running in-process job not finished after this long is taken to be lost.
STALE_AFTER: Final = timedelta(hours=2)
_IN_JOB: ContextVar[bool] = ContextVar("regiekompas_in_job", default=False)


class JobError(Exception):
    """A failure to tell the user in their words (the message is shown as is)."""


def task(name: str) -> Callable[[TaskFunction], TaskFunction]:
    """Register `fn(job, **params)` under `name`."""

    def register(fn: TaskFunction) -> TaskFunction:
        if name in _TASKS and _TASKS[name] is not fn:
            raise ValueError(f"task {name!r} registered twice")
        _TASKS[name] = fn
        return fn

    return register


def registered() -> frozenset[str]:
    return frozenset(_TASKS)


def submit(
    kind: str,
    *,
    scope: str = "",
    user: User | AnonymousUser | None = None,
    **params: Any,
) -> Job:
    """Create the job and hand it to the configured runner; returns the (queued) row."""
    if kind not in _TASKS:
        raise KeyError(f"no task registered as {kind!r}")
    owner = user if isinstance(user, User) and user.is_authenticated else None
    job = Job.objects.create(kind=kind, scope=scope, params=params, created_by=owner)
    backend = getattr(settings, "JOBS_BACKEND", "thread")
    if backend == "eager":
        run(job.pk)
        job.refresh_from_db()
    elif backend == "celery":
        job_id = str(job.pk)
        transaction.on_commit(lambda: _send_to_celery(job_id))
    else:
        job_id = str(job.pk)
        transaction.on_commit(lambda: _executor().submit(_run_in_thread, job_id))
    return job


def _send_to_celery(job_id: str) -> None:
    """Hand the job to the Celery worker (wired in `jobs/celery_app.py`); if the broker cannot
    be reached, fail the job with a sentence for the user instead of failing the request."""
    import importlib

    try:
        importlib.import_module("regiekompas.web.jobs.celery_app").run_job.delay(job_id)
    except Exception:
        log.exception("could not hand background job %s to the Celery broker", job_id)
        Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
            status=Job.Status.FAILED,
            message=_("The background worker could not be reached. Please try again later."),
            finished_at=timezone.now(),
        )


def _executor() -> ThreadPoolExecutor:
    global _EXECUTOR
    if _EXECUTOR is None:
        _EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="regiekompas-job")
    return _EXECUTOR


def _run_in_thread(job_id: str) -> None:
    close_old_connections()
    try:
        run(job_id)
    finally:
        connection.close()


def run(job_id: uuid.UUID | str) -> None:
    """Run one queued job to its end; never raises (a failure is written to the row)."""
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return  # already taken by another runner, or gone
    job = Job.objects.get(pk=job_id)
    fn = _TASKS.get(job.kind)
    token = _IN_JOB.set(True)
    try:
        if fn is None:
            raise JobError(_("This kind of work is not known to this installation."))
        fn(job, **job.params)
    except JobError as error:
        _finish(job, Job.Status.FAILED, str(error))
    except Exception:
        log.exception("background job %s (%s) failed", job.pk, job.kind)
        _finish(job, Job.Status.FAILED, _("The work failed. The administrators can see why."))
    else:
        _finish(job, Job.Status.DONE, job.message)
    finally:
        _IN_JOB.reset(token)


def in_job() -> bool:
    """Whether the caller runs inside a background job (of any runner)."""
    return _IN_JOB.get()


def _finish(job: Job, status: str, message: str) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=status, message=message, finished_at=timezone.now(), progress=None
    )


def job_progress(job: Job, fraction: float, message: str | None = None) -> None:
    """Report progress (0..1) and optionally a sentence; cheap enough to call per item."""
    fields: dict[str, Any] = {"progress": max(0.0, min(1.0, float(fraction)))}
    if message is not None:
        fields["message"] = message
        job.message = message
    Job.objects.filter(pk=job.pk).update(**fields)


def attach(job: Job, name: str, content_type: str, data: bytes) -> None:
    """Store the file the job produced (served by `jobs:download` to whoever may see it)."""
    Job.objects.filter(pk=job.pk).update(result_name=name, result_type=content_type, result=data)


def stale(job: Job) -> bool:
    """Whether a job was lost with the process running it (shown as failed): an in-process
    job or a Celery worker's that has not finished `STALE_AFTER` after it started."""
    if job.finished or getattr(settings, "JOBS_BACKEND", "thread") == "eager":
        return False
    since = job.started_at or job.created_at
    return timezone.now() - since > STALE_AFTER
