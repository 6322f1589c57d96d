"""The Celery application that runs background jobs in production (docs/deployment.md).

With `REGIEKOMPAS_JOBS=celery`, `queue.submit` sends only the job's id to the queue
`settings.CELERY_QUEUE` on the Redis broker `settings.CELERY_BROKER_URL`; a worker started by
`regiekompas worker` (or `celery -A regiekompas.web.jobs.celery_app worker`) takes it and
runs `queue.run`, which claims the `Job` row, calls the registered task and writes the
outcome. Everything a page shows comes from that row, so Celery keeps no results itself.

A worker takes one job at a time per process and acknowledges it when it starts: a job whose
worker dies is not started twice, and shows as failed once `queue.STALE_AFTER` has passed
(`queue.stale`).
"""

from __future__ import annotations

import os

import django
from celery import Celery  # type: ignore[import-untyped]
from django.apps import apps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiekompas.web.settings")
if not apps.ready:  # a worker process; inside the app, Django is already set up
    django.setup()

from django.conf import settings
from django.db import close_old_connections

from regiekompas.web.jobs import queue

__all__ = ["app", "run_job"]

app = Celery("regiekompas")
app.conf.update(
    broker_url=settings.CELERY_BROKER_URL or "redis://127.0.0.1:6379/0",
    broker_connection_retry_on_startup=True,
    task_default_queue=settings.CELERY_QUEUE,
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,
    # Jobs are long and few: no prefetching of further jobs behind a running one.
    worker_prefetch_multiplier=1,
    task_acks_late=False,
    # An app process must not hang on a broker that is down: a few quick tries, then the
    # job is marked failed with a sentence for the user (`queue._send_to_celery`).
    task_publish_retry_policy={
        "max_retries": 2,
        "interval_start": 0.2,
        "interval_step": 0.5,
        "interval_max": 1,
    },
    broker_transport_options={"socket_connect_timeout": 3, "socket_timeout": 10},
    worker_hijack_root_logger=False,
)


@app.task(name="regiekompas.run_job", ignore_result=True)  # type: ignore[untyped-decorator]
def run_job(job_id: str) -> None:
    """Run one `Job` row to its end (never raises: failures are written to the row)."""
    close_old_connections()
    try:
        queue.run(job_id)
    finally:
        close_old_connections()
