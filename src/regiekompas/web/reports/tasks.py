"""The background task that renders a PDF report (`reports.pdf`).

The view checked access when the job was submitted; the task checks it again for the job's
owner when it runs (a membership may have ended in between) and reports the owner's view:
a gemeente viewer's region report holds only their own gemeenten.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from regiekompas.web.accounts.access import results_access
from regiekompas.web.jobs.models import Job
from regiekompas.web.jobs.queue import JobError, attach, job_progress, task
from regiekompas.web.reports.build import gemeente_report_html, region_report_html, render_pdf
from regiekompas.web.reports.service import report_input
from regiekompas.web.results.service import NoAnswers


@task("reports.pdf")
def pdf_report(job: Job, *, scan: int, lang: str, gemeente: str | None = None, **_: Any) -> None:
    with translation.override(lang):
        _render(job, scan, lang, gemeente)


def _render(job: Job, scan_pk: int, lang: str, gemeente: str | None) -> None:
    user = job.created_by
    if user is None:
        raise JobError(_("The report can no longer be made: its requester is gone."))
    try:
        access = results_access(user, scan_pk)
    except Http404:
        raise JobError(_("You may no longer see these results.")) from None
    if gemeente is not None and not access.may_see_gemeente(gemeente):
        raise JobError(_("You may no longer see these results."))
    job_progress(job, 0.1, _("Reading the published results…"))
    try:
        inp = report_input(access, lang, gemeente=gemeente)
    except NoAnswers:
        raise JobError(_("No results have been published yet.")) from None
    names = dict(inp.gemeenten)
    if gemeente is not None and gemeente not in names:
        raise JobError(_("This gemeente has no results in this scan."))
    job_progress(job, 0.3, _("Laying out the report…"))
    if gemeente is not None:
        document = gemeente_report_html(inp, gemeente, lang)
        stem = names[gemeente]
    else:
        document = region_report_html(inp, lang)
        stem = inp.region_name
    data = render_pdf(document)
    name = f"regiekompas-{slugify(stem) or 'rapport'}-{slugify(inp.scan_name) or scan_pk}.pdf"
    attach(job, name, "application/pdf", data)
    job.message = _("The report has %(pages)s pages.") % {"pages": _page_count(data)}


def _page_count(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()
