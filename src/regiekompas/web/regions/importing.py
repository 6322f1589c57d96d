"""Importing a region's tables from uploaded files: all of them, or nothing at all.

Uploads are written to a temporary folder under their own names, because the import report
points at problems by file name, row and column — the names the facilitator knows. The
files are read by `core.io.read_region_tables`, checked against the region's gemeenten (and
organisaties, when it has some), and only stored when not a single error was found.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from regiekompas.core.io import (
    ImportFailed,
    ImportMessage,
    ImportReport,
    read_region_tables,
)
from regiekompas.core.io.messages import file_label
from regiekompas.web.limits import upload_limits
from regiekompas.web.regions.loading import destructive_changes, store_region_tables
from regiekompas.web.regions.models import Region

#: At most this many messages are listed on the page; the heading still counts them all.
MAX_SHOWN = 500


@dataclass(frozen=True)
class MessageRow:
    """One import message as a row of the report table."""

    file: str
    row: int | None
    column: str | None
    text: str


@dataclass
class ImportOutcome:
    """What an import did: `stored` counts per table, or why nothing was stored."""

    stored: dict[str, int] | None = None
    report: ImportReport | None = None
    #: What the import would remove or rename; nothing is stored until it is confirmed.
    pending: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    warnings: tuple[ImportMessage, ...] = ()

    @property
    def ok(self) -> bool:
        return self.stored is not None


def message_rows(messages: Sequence[ImportMessage], lang: str) -> list[MessageRow]:
    return [
        MessageRow(
            file=file_label(m.file, m.sheet, lang) if m.file else "",
            row=m.row,
            column=m.column,
            text=m.reason(lang),
        )
        for m in messages[:MAX_SHOWN]
    ]


def _save(uploads: Sequence[UploadedFile], folder: Path) -> list[Path]:
    paths = []
    for upload in uploads:
        # Django already strips directories from upload names; PurePath makes sure.
        path = folder / PurePath(upload.name or "upload").name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        paths.append(path)
    return paths


def import_region_files(
    region: Region, uploads: Sequence[UploadedFile], lang: str, *, confirmed: bool = False
) -> ImportOutcome:
    """Read, check and — only when everything is valid — store the uploaded region tables.

    An import that would remove or rename what the region holds is only stored when
    `confirmed`; otherwise the outcome lists those changes in `pending`.
    """
    region_label = _("of region %(name)s") % {"name": region.name}
    organisaties = set(region.organisaties.values_list("naam", flat=True))
    with tempfile.TemporaryDirectory(prefix="regiekompas-import-") as folder:
        paths = _save(uploads, Path(folder))
        try:
            tables, warnings = read_region_tables(
                paths,
                lang=lang,
                gemeenten=set(region.gemeenten.values_list("code", flat=True)),
                gemeenten_label=region_label,
                organisaties=organisaties or None,
                organisaties_label=region_label,
                limits=upload_limits(),
            )
        except ImportFailed as failed:
            return ImportOutcome(report=failed.report)
    refusals = [
        _(
            "%(name)s holds responses. Import responses on the page of a scan; this page "
            "takes only gemeenten, organisaties, contracten and mechanismen."
        )
        % {"name": name}
        for name in tables.response_files
    ]
    if not refusals and tables.is_empty:
        refusals.append(_("None of the files holds a region table."))
    if refusals:
        return ImportOutcome(refusals=refusals, warnings=warnings)
    changes = destructive_changes(region, tables)
    if changes and not confirmed:
        return ImportOutcome(pending=changes, warnings=warnings)
    stored = store_region_tables(region, tables)
    return ImportOutcome(stored=stored, warnings=warnings)
