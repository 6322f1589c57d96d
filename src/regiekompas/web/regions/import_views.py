"""The region import page: upload files, then see either what was stored or every problem.

A rejected import answers 400 with the full report on the page (file, row, column and
reason of every problem), and nothing is stored; an accepted one shows the counts and any
warnings straight away rather than after a redirect, because warnings can be many.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from regiekompas.web.accounts.access import facilitated_region
from regiekompas.web.regions.forms import RegionImportForm
from regiekompas.web.regions.importing import (
    MAX_SHOWN,
    ImportOutcome,
    import_region_files,
    message_rows,
)
from regiekompas.web.regions.language import current_lang
from regiekompas.web.regions.pages import region_crumbs, signed_in


@login_required
def region_import(request: HttpRequest, pk: int) -> HttpResponse:
    region = facilitated_region(signed_in(request), pk)
    lang = current_lang()
    outcome: ImportOutcome | None = None
    status = 200
    if request.method == "POST":
        form = RegionImportForm(request.POST, request.FILES)
        if form.is_valid():
            confirmed = request.POST.get("confirm_changes") == "1"
            outcome = import_region_files(
                region, form.cleaned_data["uploads"], lang, confirmed=confirmed
            )
            if outcome.ok:
                messages.success(request, _("The files were imported."))
                form = RegionImportForm()
            elif not outcome.pending:
                status = 400
        else:
            status = 400
    else:
        form = RegionImportForm()
    report = outcome.report if outcome else None
    context = {
        "region": region,
        "form": form,
        "outcome": outcome,
        "report": report,
        "heading": report.heading(lang) if report else "",
        "errors": message_rows(report.errors, lang) if report else [],
        "warnings": message_rows(
            report.warnings if report else (outcome.warnings if outcome else ()), lang
        ),
        "stored": sorted((outcome.stored or {}).items()) if outcome else [],
        "max_shown": MAX_SHOWN,
        "crumbs": region_crumbs(region, _("Import")),
    }
    return render(request, "regions/import.html", context, status=status)
