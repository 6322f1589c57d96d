"""Importing answers gathered elsewhere into a scan, and exporting a scan's answers.

Every page belongs to the facilitator of the scan's region (`facilitated_scan`: 404 for
anyone else). The work is done in `importing` and `export`; these views only move files
between the browser and a private temporary folder. The default export is pseudonymised;
the export with respondent ids is a POST with a stated reason, logged in `ExportAudit` before
the file is handed out (product.md §6, docs/privacy.md).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from regiekompas.web.accounts.access import facilitated_scan
from regiekompas.web.invitations.forms import check_extension, check_upload_size
from regiekompas.web.invitations.labels import current_lang
from regiekompas.web.invitations.uploads import save_uploads
from regiekompas.web.regions.pages import signed_in
from regiekompas.web.responses.dataset import NoAnswers
from regiekompas.web.responses.export import export_zip, identified_export_zip
from regiekompas.web.responses.importing import (
    AnswersRejected,
    Imported,
    NeedsConfirmation,
    import_answers,
)
from regiekompas.web.responses.models import ExportAudit
from regiekompas.web.scans.models import Scan

#: More files than this in one import is almost certainly a mistake (a whole folder).
MAX_FILES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is validated like a single file."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".csv,.xlsx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        items = data if isinstance(data, (list, tuple)) else [data]
        if len(items) > MAX_FILES:
            raise forms.ValidationError(
                _("Choose at most %(n)s files at a time.") % {"n": MAX_FILES}
            )
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class AnswersUploadForm(forms.Form):
    uploads = MultipleFileField(
        label=gettext_lazy("Files with answers (CSV or XLSX), and optionally region files"),
    )

    def clean_uploads(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["uploads"]
        for upload in files:
            check_extension(upload)
            check_upload_size(upload)
        return files


@login_required
@require_http_methods(["GET", "POST"])
def import_view(request: HttpRequest, pk: int) -> HttpResponse:
    scan = facilitated_scan(request.user, pk)
    form = AnswersUploadForm(request.POST or None, request.FILES or None)
    rejected: AnswersRejected | None = None
    imported: Imported | None = None
    pending: list[str] = []
    if request.method == "POST" and form.is_valid() and not scan.is_closed:
        confirmed = request.POST.get("confirm_changes") == "1"
        with tempfile.TemporaryDirectory(prefix="regiekompas-answers-") as folder:
            paths = save_uploads(form.cleaned_data["uploads"], Path(folder))
            try:
                imported = import_answers(scan, paths, current_lang(), confirmed=confirmed)
            except AnswersRejected as problem:
                rejected = problem
            except NeedsConfirmation as needed:
                pending = needed.changes
    context = {
        "scan": scan,
        "form": form,
        "rejected": rejected,
        "imported": imported,
        "pending": pending,
    }
    return render(request, "responses/import.html", context)


def _download(content: bytes, scan: Scan, prefix: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/zip")
    name = f"{prefix}-{slugify(scan.name) or scan.pk}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def export_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The pseudonymised answers of the latest published snapshot."""
    scan = facilitated_scan(request.user, pk)
    try:
        content = export_zip(scan)
    except NoAnswers:
        return render(request, "responses/export_empty.html", {"scan": scan})
    return _download(content, scan, "antwoorden")


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why do you need the answers with respondent ids and organisations?"),
        help_text=gettext_lazy(
            "For example: correcting a respondent's group, or a request of a respondent to "
            "see or delete their answers. Your name, the time and this reason are shown to "
            "every facilitator of the region."
        ),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@login_required
@require_http_methods(["GET", "POST"])
def export_identified(request: HttpRequest, pk: int) -> HttpResponse:
    """The live answers with identities: a stated reason, an audit entry, then the file."""
    user = signed_in(request)
    scan = facilitated_scan(user, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                content = identified_export_zip(scan)
                respondents = scan.respondents.filter(answers__isnull=False).distinct().count()
                ExportAudit.objects.create(
                    region=scan.region,
                    scan=scan,
                    scan_name=scan.name,
                    user=user,
                    username=user.get_username(),
                    reason=form.cleaned_data["reason"],
                    what=(
                        f"answers with respondent ids and organisations ({respondents} respondents)"
                    ),
                )
        except NoAnswers:
            return render(request, "responses/export_empty.html", {"scan": scan})
        return _download(content, scan, "antwoorden-met-identiteit")
    log = ExportAudit.objects.filter(region=scan.region)[:100]
    return render(
        request, "responses/export_identified.html", {"scan": scan, "form": form, "log": log}
    )
