"""Importing answers gathered elsewhere (a survey tool, paper forms) into a scan.

The files are read by `core.io.read_dataset` — the same validation as `regiekompas
analyse` — against the scan's own instrument. Unless the upload has a gemeenten file of its
own, the region's gemeenten are added as one, so that every gemeente code in the answers,
contracts and mechanisms is checked with its file, row and column. Then the dataset must
fit the scan (its transities, perspectieven and region); only then is anything written,
answers and region tables in one transaction.

A closed scan takes no imports: its results are final. Late paper forms are imported before
the scan is closed.
"""

from __future__ import annotations

import csv
import dataclasses
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.db import transaction
from django.utils.translation import gettext as _

from regiekompas.core.dataset import Dataset
from regiekompas.core.instrument import Instrument
from regiekompas.core.io import ImportFailed, ImportMessage, read_dataset, write_table
from regiekompas.core.io.collector import Collector, Source
from regiekompas.core.io.csvfile import open_csv
from regiekompas.core.io.headers import GEMEENTEN, REGION_KINDS, classify
from regiekompas.core.io.limits import Guard, LimitExceeded
from regiekompas.core.io.xlsxfile import open_xlsx
from regiekompas.web.invitations.uploads import safe_name
from regiekompas.web.limits import upload_limits
from regiekompas.web.regions.loading import destructive_changes, store_region_tables
from regiekompas.web.responses.loading import ImportConflict, store_dataset
from regiekompas.web.scans.models import Scan

#: Messages listed on the page at most; the heading still says how many there are.
MAX_SHOWN = 500


class AnswersRejected(ValueError):
    """Nothing was imported; `heading` says why and `lines` list every problem."""

    def __init__(self, heading: str, lines: list[str] | None = None, more: int = 0) -> None:
        super().__init__(heading)
        self.heading = heading
        self.lines = lines or []
        self.more = more


class NeedsConfirmation(ValueError):
    """The files are valid, but storing them would remove or rename region data (`changes`).

    Nothing was stored; the page lists the changes and asks to import again, confirmed.
    """

    def __init__(self, changes: list[str]) -> None:
        super().__init__("; ".join(changes))
        self.changes = changes


@dataclass(frozen=True)
class Imported:
    respondents: int
    answers: int
    warnings: list[str]
    more_warnings: int
    #: Rows stored per region table that came with the answers (organisaties, …).
    region_tables: dict[str, int]


def import_answers(
    scan: Scan, paths: list[Path], lang: str, *, confirmed: bool = False
) -> Imported:
    """Validate and store the answers in `paths`; raises `AnswersRejected` on any problem.

    Region tables that come with the answers replace the region's; when that would remove
    or rename something, `NeedsConfirmation` is raised unless `confirmed`.
    """
    if scan.is_closed:
        raise AnswersRejected(_("This scan is closed; its answers can no longer change."))
    instrument = scan.instrument()
    paths = list(paths)
    with tempfile.TemporaryDirectory(prefix="regiekompas-region-") as folder:
        if paths and not _brings_gemeenten(paths, instrument):
            paths.append(_region_gemeenten_file(scan, Path(folder)))
        dataset, warnings = _read(paths, instrument, lang)
    problems = _misfits(scan, dataset)
    if problems:
        raise AnswersRejected(
            _("The answers do not fit this scan; nothing was imported."), problems
        )
    region_part = dataclasses.replace(dataset, gemeenten=None)
    changes = destructive_changes(scan.region, region_part)
    if changes and not confirmed:
        raise NeedsConfirmation(changes)
    with transaction.atomic():
        try:
            answers = store_dataset(scan, dataset)
        except ImportConflict as conflict:
            raise AnswersRejected(str(conflict)) from None
        stored: dict[str, int] = {}
        if any(
            t is not None for t in (dataset.organisaties, dataset.contracten, dataset.mechanismen)
        ):
            stored = store_region_tables(scan.region, region_part)
    shown = [w.text(lang) for w in warnings[:MAX_SHOWN]]
    return Imported(
        respondents=len(dataset.responses.respondent_ids),
        answers=answers,
        warnings=shown,
        more_warnings=len(warnings) - len(shown),
        region_tables=stored,
    )


def _region_gemeenten_file(scan: Scan, folder: Path) -> Path:
    """The region's gemeenten written as a gemeenten file in `folder`."""
    name = safe_name(_("gemeenten of %(region)s") % {"region": scan.region.name}, "gemeenten")
    path = folder / f"{name}.csv"
    required, optional = REGION_KINDS[GEMEENTEN]
    rows = [
        (code, naam, scan.region.name)
        for code, naam in scan.region.gemeenten.order_by("code").values_list("code", "naam")
    ]
    write_table(path, (*required, *optional), rows)
    return path


def _brings_gemeenten(paths: list[Path], instrument: Instrument) -> bool:
    """Whether one of the uploaded tables is a gemeenten table (judged by its header)."""
    collector = Collector()
    item_codes = frozenset((*instrument.axis_item_codes, *instrument.gemeente_item_codes))
    with ExitStack() as stack:
        for index, path in enumerate(paths):
            source = Source(path.name, None, (index, -1))
            # Only the header is read, but a hostile workbook may hurt on opening already:
            # its zip is checked (rows are counted once, by read_dataset).
            guard = Guard(dataclasses.replace(upload_limits(), rows=None, cells=None))
            try:
                guard.check_file(path, source)
                if path.suffix.lower() == ".xlsx":
                    tables = list(open_xlsx(path, index, collector, stack, guard))
                else:
                    table = open_csv(path, source, collector, stack, guard)
                    tables = [table] if table is not None else []
            except (OSError, csv.Error, ValueError, LimitExceeded):
                continue  # read_dataset reports it
            for table in tables:
                layout = classify(table, item_codes, str(instrument.versie), collector)
                if layout is not None and layout.kind == GEMEENTEN:
                    return True
    return False


def _read(
    paths: list[Path], instrument: Instrument, lang: str
) -> tuple[Dataset, tuple[ImportMessage, ...]]:
    try:
        return read_dataset(paths, instrument=instrument, lang=lang, limits=upload_limits())
    except ImportFailed as failed:
        report = failed.report
        lines = [message.text(lang) for message in report.errors[:MAX_SHOWN]]
        raise AnswersRejected(
            report.heading(lang), lines, report.error_count - len(lines)
        ) from None


def _misfits(scan: Scan, dataset: Dataset) -> list[str]:
    """Why the dataset does not fit the scan: gemeenten outside the region, other perspectives."""
    problems: list[str] = []
    region_codes = set(scan.region.gemeenten.values_list("code", flat=True))
    r = dataset.responses
    used: set[str] = set(r.gemeente_codes)
    used |= {g.code for g in dataset.gemeenten or ()}
    used |= {c.gemeente_code for c in dataset.contracten or ()}
    used |= {m.gemeente_code for m in dataset.mechanismen or ()}
    for code in sorted(used - region_codes):
        problems.append(
            _("Gemeente %(code)s is not part of the region %(region)s.")
            % {"code": code, "region": scan.region.name}
        )
    perspectives = {r.perspectieven[p] for p in np.unique(r.obs_perspectief).tolist()}
    for name in sorted(perspectives - set(scan.perspectieven)):
        problems.append(
            _("This scan does not ask the perspective “%(name)s”, but the file has answers for it.")
            % {"name": name}
        )
    return problems
