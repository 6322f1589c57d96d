"""One row per piece of background work, so a page can show its state and serve its result.

The row is the contract between the app that asks for the work and the process that does it:
`queue.submit` writes it, a runner (a thread in the embedded default, a Celery worker in
production) moves it through queued → running → done or failed, and the asking app reads
it back. No traceback is ever stored here: `message` is shown to users (docs/security.md).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    #: The registered task name (see `queue.task`).
    kind = models.CharField(max_length=100)
    #: Keyword arguments of the task: JSON only, so any runner can carry them.
    params = models.JSONField(default=dict, blank=True)
    #: What the job belongs to, e.g. "scan:12" or "region:3"; the owning app checks access.
    scope = models.CharField(max_length=100, blank=True, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    #: A sentence for users: what failed, or what was done. Never a traceback.
    message = models.TextField(blank=True)
    #: 0..1 while running, when the task reports it.
    progress = models.FloatField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    #: A file the job produced (a PDF, a workbook), served by `jobs:download`.
    result_name = models.CharField(max_length=200, blank=True)
    result_type = models.CharField(max_length=100, blank=True)
    result = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "scope", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.scope} {self.status}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
