"""A job's state page (refreshes itself without JavaScript) and its file.

Only the user who asked for the work (or a superuser) sees a job; anyone else gets 404, as
for every object in this app (docs/security.md). Owning apps that need a wider audience show
the job on their own pages and check access there.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from regiekompas.web.jobs.models import Job
from regiekompas.web.jobs.queue import stale


def visible_job(request: HttpRequest, job_id: uuid.UUID) -> Job:
    """The job if this user asked for it (or is a superuser); else 404."""
    job = Job.objects.filter(pk=job_id).defer("result").first()
    user = request.user
    if job is None or not (
        user.is_authenticated and (user.is_superuser or job.created_by_id == user.pk)
    ):
        raise Http404
    return job


@never_cache
@login_required
def status(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = visible_job(request, job_id)
    return render(request, "jobs/status.html", {"job": job, "lost": stale(job)})


@never_cache
@login_required
def download(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = visible_job(request, job_id)
    if job.status != Job.Status.DONE or not job.result_name:
        raise Http404
    data = Job.objects.values_list("result", flat=True).get(pk=job.pk)
    response = HttpResponse(bytes(data or b""), content_type=job.result_type)
    response["Content-Disposition"] = f'attachment; filename="{job.result_name}"'
    return response
