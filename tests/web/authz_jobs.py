"""Authorization rows of the jobs app: a job is seen only by whoever asked for it."""

from __future__ import annotations

from collections.abc import Sequence

from authz_matrix import NOT_FOUND, OK, Row, per_role
from conftest import World

from regiekompas.web.jobs.models import Job

#: Asked for by facilitator A; the superuser sees every job.
OWN_JOB = per_role(
    anonymous="login",
    respondent="login",
    facilitator_a=OK,
    facilitator_b=NOT_FOUND,
    viewer_x=NOT_FOUND,
    superuser=OK,
)


def job_of_a(world: World) -> Sequence[object]:
    job = Job.objects.create(
        kind="test.nothing",
        scope=f"scan:{world.scan_a.pk}",
        created_by=world.facilitator_a,
        status=Job.Status.DONE,
        result_name="rapport.pdf",
        result_type="application/pdf",
        result=b"%PDF-1.7 test",
    )
    return [job.pk]


ROWS = {
    "jobs:status": Row(job_of_a, get=OWN_JOB),
    "jobs:download": Row(job_of_a, get=OWN_JOB),
}
