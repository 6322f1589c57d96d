"""Background work of the results app: computing a scan's results once it is published."""

from __future__ import annotations

from django.utils.translation import gettext as _

from regiekompas.web.jobs.models import Job
from regiekompas.web.jobs.queue import job_progress, task
from regiekompas.web.results.service import COMPUTE_TASK, compute_results
from regiekompas.web.scans.models import Scan


@task(COMPUTE_TASK)
def compute(job: Job, *, scan: int) -> None:
    """Compute and store the results of the scan's latest published snapshot."""
    found = Scan.objects.filter(pk=scan).first()
    if found is None:
        return  # deleted meanwhile
    job_progress(job, 0.0, _("Computing the results."))
    if compute_results(found):
        job_progress(job, 1.0, _("The results are computed."))
