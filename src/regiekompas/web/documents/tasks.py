"""The background task that reads and places uploaded policy documents (docs/documents.md)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from regiekompas.web.documents.processing import process_documents
from regiekompas.web.jobs.models import Job
from regiekompas.web.jobs.queue import job_progress, task


@task("documents.process")
def process(job: Job, document_ids: list[int]) -> None:
    """Read and place the documents of one upload; each file gets its own outcome."""

    def progress(done: int, total: int) -> None:
        job_progress(
            job,
            done / total if total else 1.0,
            _("%(done)s of %(total)s documents read.") % {"done": done, "total": total},
        )

    placed, failed = process_documents(document_ids, progress)
    job.message = _("%(placed)s documents placed, %(failed)s could not be read.") % {
        "placed": placed,
        "failed": failed,
    }
