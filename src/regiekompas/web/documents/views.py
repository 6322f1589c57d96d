"""Facilitator pages: a region's gemeenten with their documents; upload, list and delete.

Documents belong to a region × gemeente (a beleidsplan does not change with the scan), so
access is the region's: `facilitated_region` answers 404 to anyone who does not facilitate
it, and a document is only ever looked up within its region and gemeente
(docs/security.md). Each uploaded file is judged on its own: a refused file gets its own
message and the others are still read (docs/documents.md, "Limits").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from regiekompas.core.documents.errors import DocumentError
from regiekompas.core.documents.extract import MIB, SUFFIXES
from regiekompas.core.model import load_model
from regiekompas.web.accounts.access import facilitated_region
from regiekompas.web.documents.forms import DocumentUploadForm
from regiekompas.web.documents.models import GemeenteDocuments, PolicyDocument
from regiekompas.web.documents.processing import (
    document_limits,
    outdated,
    refresh_gemeente,
    safe_name,
)
from regiekompas.web.documents.summary import Ambition, ambition, failure_text
from regiekompas.web.jobs.models import Job
from regiekompas.web.jobs.queue import stale, submit
from regiekompas.web.regions.models import Region
from regiekompas.web.regions.pages import Crumb, region_crumbs, signed_in


def current_lang() -> str:
    language = translation.get_language() or "nl"
    return "en" if language.lower().startswith("en") else "nl"


def _gemeente_name(region: Region, code: str) -> str:
    name = region.gemeenten.filter(code=code).values_list("naam", flat=True).first()
    if name is None:
        raise Http404
    return name


def _mib(size: int) -> str:
    return f"{size / MIB:.1f} MiB"


@dataclass(frozen=True)
class Refusal:
    name: str
    reason: str


def accept_uploads(
    region: Region, code: str, files: list[UploadedFile], user: User, lang: str
) -> tuple[list[PolicyDocument], list[Refusal]]:
    """Store each acceptable file as a waiting document; the others with their reason."""
    limit = document_limits().max_bytes
    existing = dict(
        PolicyDocument.objects.filter(region=region, gemeente_code=code).values_list(
            "sha256", "file_name"
        )
    )
    names = {name.casefold() for name in existing.values()}
    accepted: list[PolicyDocument] = []
    refused: list[Refusal] = []
    for upload in files:
        name = safe_name(upload.name or "")
        suffix = PurePath(name).suffix.lower()
        size = int(upload.size or 0)
        if size > limit:
            detail = f"{_mib(size)} > {_mib(limit)}"
            refused.append(Refusal(name, DocumentError("too_large", detail).text(lang)))
            continue
        if size == 0:
            refused.append(Refusal(name, DocumentError("empty").text(lang)))
            continue
        data = upload.read(limit + 1)
        if suffix not in SUFFIXES and not data.startswith(b"%PDF-"):
            detail = f": {suffix}" if suffix else ""
            refused.append(Refusal(name, DocumentError("unsupported", detail).text(lang)))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in existing:
            reason = _("this file was uploaded for this gemeente before (as %(name)s)") % {
                "name": existing[digest]
            }
            refused.append(Refusal(name, reason))
            continue
        if name.casefold() in names:
            reason = _("a document with this name is already there; delete that one first")
            refused.append(Refusal(name, reason))
            continue
        try:
            with transaction.atomic():
                document = PolicyDocument.objects.create(
                    region=region,
                    gemeente_code=code,
                    file_name=name,
                    size=len(data),
                    sha256=digest,
                    content=data,
                    uploaded_by=user,
                )
        except IntegrityError:  # the same file uploaded at the same moment
            refused.append(Refusal(name, _("this file was uploaded for this gemeente before")))
            continue
        existing[digest] = name
        names.add(name.casefold())
        accepted.append(document)
    return accepted, refused


@dataclass(frozen=True)
class DocumentRow:
    document: PolicyDocument
    outcome: Ambition | None
    reason: str
    #: Waiting for a job that ended or was lost with its process: it must be read again.
    lost: bool = False
    #: Placed by an earlier method or method version: reading it again may change it.
    outdated: bool = False


def _lost(document: PolicyDocument) -> bool:
    if document.status not in (document.Status.QUEUED, document.Status.PROCESSING):
        return False
    job: Job | None = document.job
    return job is None or job.finished or stale(job)


def _read(region: Region, documents: list[PolicyDocument], user: User) -> None:
    """Queue the documents and start one background job that reads them."""
    ids = [d.pk for d in documents]
    PolicyDocument.objects.filter(pk__in=ids).update(status=PolicyDocument.Status.QUEUED)
    job = submit("documents.process", scope=f"region:{region.pk}", user=user, document_ids=ids)
    PolicyDocument.objects.filter(pk__in=ids).update(job=job)


@dataclass(frozen=True)
class GemeenteRow:
    code: str
    name: str
    url: str
    documents: int
    waiting: int
    failed: int
    quadrant: str


@never_cache
@login_required
def region_documents(request: HttpRequest, pk: int) -> HttpResponse:
    region = facilitated_region(signed_in(request), pk)
    lang = current_lang()
    model = load_model()
    counts = {
        row["gemeente_code"]: row
        for row in PolicyDocument.objects.filter(region=region)
        .values("gemeente_code")
        .annotate(
            n=Count("pk"),
            waiting=Count(
                "pk",
                filter=Q(
                    status__in=[PolicyDocument.Status.QUEUED, PolicyDocument.Status.PROCESSING]
                ),
            ),
            failed=Count("pk", filter=Q(status=PolicyDocument.Status.FAILED)),
        )
    }
    pooled = dict(
        GemeenteDocuments.objects.filter(region=region).values_list("gemeente_code", "result")
    )
    rows = []
    for code, name in sorted(region.gemeente_names().items(), key=lambda kv: kv[1]):
        count = counts.get(code, {})
        outcome = ambition(pooled.get(code), model, lang)
        rows.append(
            GemeenteRow(
                code=code,
                name=name,
                url=reverse("documents:gemeente", args=[region.pk, code]),
                documents=int(count.get("n", 0)),
                waiting=int(count.get("waiting", 0)),
                failed=int(count.get("failed", 0)),
                quadrant=outcome.quadrant if outcome else "—",
            )
        )
    return render(
        request,
        "documents/region.html",
        {"region": region, "rows": rows, "crumbs": region_crumbs(region, _("Policy documents"))},
    )


@never_cache
@login_required
def gemeente_documents(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    user = signed_in(request)
    region = facilitated_region(user, pk)
    name = _gemeente_name(region, code)
    lang = current_lang()
    here = reverse("documents:gemeente", args=[region.pk, code])
    status = 200
    if request.method == "POST":
        form = DocumentUploadForm(request.POST, request.FILES)
        if form.is_valid():
            accepted, refused = accept_uploads(
                region, code, form.cleaned_data["uploads"], user, lang
            )
            for refusal in refused:
                messages.error(
                    request,
                    _("%(name)s was not stored: %(reason)s.")
                    % {"name": refusal.name, "reason": refusal.reason},
                )
            if accepted:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s document received; it is read in the background.",
                        "%(count)s documents received; they are read in the background.",
                        len(accepted),
                    )
                    % {"count": len(accepted)},
                )
                _read(region, accepted, user)
            return redirect(here + "#documenten")
        status = 400
    else:
        form = DocumentUploadForm()
    model = load_model()
    documents = list(
        PolicyDocument.objects.filter(region=region, gemeente_code=code)
        .defer("content", "placed", "job__result")
        .select_related("uploaded_by", "job")
    )
    rows = []
    for d in documents:
        lost = _lost(d)
        reason = ""
        if d.status == d.Status.FAILED:
            reason = failure_text(d.error_code, d.error_detail, lang)
        elif lost:
            reason = failure_text("crashed", "", lang)
        rows.append(
            DocumentRow(
                document=d,
                outcome=ambition(d.result, model, lang) if d.status == d.Status.DONE else None,
                reason=reason,
                lost=lost,
                outdated=d.status == d.Status.DONE and outdated(d.result),
            )
        )
    pooled = (
        GemeenteDocuments.objects.filter(region=region, gemeente_code=code)
        .values_list("result", flat=True)
        .first()
    )
    waiting = any(
        row.document.status in (PolicyDocument.Status.QUEUED, PolicyDocument.Status.PROCESSING)
        and not row.lost
        for row in rows
    )
    return render(
        request,
        "documents/gemeente.html",
        {
            "region": region,
            "code": code,
            "gemeente_name": name,
            "form": form,
            "rows": rows,
            "pooled": ambition(pooled, model, lang) if documents else None,
            "waiting": waiting,
            "here": here,
            "max_mb": f"{document_limits().max_bytes / MIB:.0f}",
            "crumbs": region_crumbs(
                region,
                Crumb(_("Policy documents"), reverse("documents:region", args=[region.pk])),
                name,
            ),
        },
        status=status,
    )


@login_required
@require_POST
def delete_document(request: HttpRequest, pk: int, code: str, document_pk: int) -> HttpResponse:
    region = facilitated_region(signed_in(request), pk)
    document = (
        PolicyDocument.objects.filter(region=region, gemeente_code=code, pk=document_pk)
        .defer("content", "placed")
        .first()
    )
    if document is None:
        raise Http404
    name = document.file_name
    document.delete()
    refresh_gemeente(region.pk, code)
    messages.success(request, _("%(name)s was deleted.") % {"name": name})
    return redirect(reverse("documents:gemeente", args=[region.pk, code]) + "#documenten")


@login_required
@require_POST
def read_again(request: HttpRequest, pk: int, code: str, document_pk: int) -> HttpResponse:
    """Read a document again: after a failure, a lost job or a new version of the method."""
    user = signed_in(request)
    region = facilitated_region(user, pk)
    document = (
        PolicyDocument.objects.filter(region=region, gemeente_code=code, pk=document_pk)
        .defer("content", "placed")
        .first()
    )
    if document is None:
        raise Http404
    _read(region, [document], user)
    messages.success(
        request, _("%(name)s is read again in the background.") % {"name": document.file_name}
    )
    return redirect(reverse("documents:gemeente", args=[region.pk, code]) + "#documenten")
