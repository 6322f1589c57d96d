"""Reading a list of respondents (CSV or XLSX) and adding it to a scan — all or nothing.

The file is opened with the same readers as the answer imports (`core.io`: UTF-8 with or
without byte-order mark, comma or semicolon, or the first sheet of a workbook), so a file
that one import accepts the other accepts too. Every row is checked before anything is
saved, and every problem is reported by file, row and column, because a facilitator fixes
a roster of hundreds of people in a spreadsheet, not one error at a time.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from regiekompas.core.io.collector import Collector, Source
from regiekompas.core.io.csvfile import open_csv
from regiekompas.core.io.headers import normalise
from regiekompas.core.io.limits import Guard, LimitExceeded
from regiekompas.core.io.table import Table, UnreadableError
from regiekompas.core.io.values import gemeente_code
from regiekompas.core.io.xlsxfile import open_xlsx
from regiekompas.core.model import load_model
from regiekompas.web.invitations.labels import current_lang
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.limits import upload_limits
from regiekompas.web.scans.models import Scan

#: The columns of a roster file; only `groep` and `gemeenten` must be present.
COLUMNS = ("respondent_id", "groep", "organisatie", "gemeenten", "transities", "email")
REQUIRED = ("groep", "gemeenten")
#: Columns accepted and ignored, so that a downloaded list of links can be read back.
IGNORED = ("link",)
MAX_ID = 64
MAX_ORGANISATIE = 200
#: The declared length of `Respondent.email` (Django's EmailField default).
MAX_EMAIL = 254
_GENERATED = re.compile(r"R(\d+)")

_Fail = Callable[[str], None]


@dataclass(frozen=True)
class RosterRow:
    """One valid row; `respondent_id` is empty when the file left it to be generated."""

    respondent_id: str
    groep: str
    organisatie: str
    gemeenten: tuple[str, ...]
    transities: tuple[str, ...]
    email: str


@dataclass(frozen=True)
class RosterError:
    file: str
    row: int | None
    column: str | None
    message: str

    def text(self) -> str:
        values = {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }
        if self.row is not None and self.column is not None:
            return _("%(file)s, row %(row)s, column %(column)s: %(message)s") % values
        if self.row is not None:
            return _("%(file)s, row %(row)s: %(message)s") % values
        if self.column is not None:
            return _("%(file)s, column %(column)s: %(message)s") % values
        return _("%(file)s: %(message)s") % values


class RosterRejected(ValueError):
    """The file was not imported; `errors` lists every problem found."""

    def __init__(self, errors: list[RosterError]) -> None:
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = errors


# --- reading -----------------------------------------------------------------------------


def read_roster(path: Path, scan: Scan) -> list[RosterRow]:
    """The valid rows of a roster file, or `RosterRejected` with every problem in it."""
    checker = _Checker(scan, path.name)
    collector = Collector()
    rows: list[RosterRow] = []
    with ExitStack() as stack:
        try:
            table = _open(path, collector, stack, Guard(upload_limits()))
            if table is not None:
                rows = _read_table(checker, table, collector)
        except LimitExceeded as exceeded:
            exceeded.report(collector)
            rows = []
    lang = current_lang()
    errors = [
        RosterError(m.file or path.name, m.row, m.column, m.reason(lang))
        for m in collector.messages("error")
    ]
    errors += checker.errors
    if not errors and not rows:
        errors.append(RosterError(path.name, None, None, _("The file lists no respondents.")))
    if errors:
        raise RosterRejected(errors)
    return rows


def _read_table(checker: _Checker, table: Table, collector: Collector) -> list[RosterRow]:
    try:
        return checker.read(table)
    except UnreadableError as exc:
        collector.error(table.source, exc.row, None, exc.code, reden=exc.reason)
    except (csv.Error, UnicodeDecodeError) as exc:
        collector.error(table.source, table.position(), None, "bestand.csv_fout", reden=str(exc))
    return []


def _open(path: Path, collector: Collector, stack: ExitStack, guard: Guard) -> Table | None:
    """The file's table (the first sheet of a workbook), or None with the reason collected.

    The upload limits (core/io/limits.py) apply as to every other upload; passing one
    raises `LimitExceeded`.
    """
    source = Source(path.name, None, (0, -1))
    try:
        guard.check_file(path, source)
        if path.suffix.lower() == ".xlsx":
            tables = list(open_xlsx(path, 0, collector, stack, guard))
            return tables[0] if tables else None
        return open_csv(path, source, collector, stack, guard)
    except OSError as exc:
        collector.error(
            Source(path.name, None, (0, -1)),
            None,
            None,
            "bestand.onleesbaar",
            reden=exc.strerror or type(exc).__name__,
        )
    except (csv.Error, ValueError) as exc:
        collector.error(
            Source(path.name, None, (0, -1)), None, None, "bestand.csv_fout", reden=str(exc)
        )
    return None


class _Checker:
    """Validates rows against the model's groups, the region's gemeenten and the scan."""

    def __init__(self, scan: Scan, file: str) -> None:
        self.file = file
        self.errors: list[RosterError] = []
        lang = current_lang()
        model = load_model()
        self.groups: dict[str, str] = {}
        for g in model.groups:
            for name in (g.code, g.name.nl, g.name.en):
                self.groups.setdefault(name.casefold(), g.code)
        self.group_codes = ", ".join(model.group_codes)
        self.gemeenten: dict[str, str] = {}
        for code, naam in scan.region.gemeenten.values_list("code", "naam"):
            self.gemeenten[code.casefold()] = code
            self.gemeenten.setdefault(naam.casefold(), code)
        self.transities: dict[str, str] = {}
        names = {t.code: t.name for t in model.transities}
        for code in scan.transities:
            self.transities[code.casefold()] = code
            if code in names:
                self.transities.setdefault(names[code].get(lang).casefold(), code)
        self.scan_transities = tuple(scan.transities)
        self.taken = set(Respondent.objects.filter(scan=scan).values_list("external_id", flat=True))
        self.seen_ids: dict[str, int] = {}

    def error(self, row: int | None, column: str | None, message: str) -> None:
        self.errors.append(RosterError(self.file, row, column, message))

    def read(self, table: Table) -> list[RosterRow]:
        columns = self._columns(table)
        if columns is None:
            return []
        rows: list[RosterRow] = []
        width = len(table.header)
        for number, raw in table.rows:
            cells = [cell.strip() for cell in raw]
            if not any(cells):
                continue
            if len(cells) > width and any(cells[width:]):
                self.error(
                    number,
                    None,
                    _("the row has %(n)s cells but the header has %(m)s")
                    % {"n": len(cells), "m": width},
                )
                continue
            cells += [""] * (width - len(cells))
            values = {name: cells[pos] for name, pos in columns.items()}
            row = self._row(
                number, values, {name: table.header[pos] for name, pos in columns.items()}
            )
            if row is not None:
                rows.append(row)
        return rows

    def _columns(self, table: Table) -> dict[str, int] | None:
        """Column name → position; None (with errors) when the header is unusable."""
        positions: dict[str, int] = {}
        ok = True
        for position, name in enumerate(table.header):
            key = normalise(name)
            if not key:
                continue
            if key in positions:
                self.error(table.header_row, name, _("this column appears twice"))
                ok = False
            elif key in COLUMNS:
                positions[key] = position
            elif key not in IGNORED:
                self.error(
                    table.header_row,
                    name,
                    _("unknown column; the columns are: %(columns)s")
                    % {"columns": ", ".join(COLUMNS)},
                )
                ok = False
        for name in REQUIRED:
            if name not in positions:
                self.error(table.header_row, name, _("this column is missing"))
                ok = False
        return positions if ok else None

    def _row(self, number: int, cells: dict[str, str], header: dict[str, str]) -> RosterRow | None:
        before = len(self.errors)

        def fail(column: str, message: str) -> None:
            self.error(number, header.get(column, column), message)

        rid = cells.get("respondent_id", "")
        if len(rid) > MAX_ID:
            fail("respondent_id", _("longer than %(n)s characters") % {"n": MAX_ID})
        elif rid and rid in self.seen_ids:
            fail(
                "respondent_id",
                _("“%(value)s” appears twice in this file (first in row %(row)s)")
                % {"value": rid, "row": self.seen_ids[rid]},
            )
        elif rid and rid in self.taken:
            fail(
                "respondent_id",
                _("“%(value)s” is already a respondent of this scan") % {"value": rid},
            )
        if rid:
            self.seen_ids.setdefault(rid, number)

        groep_text = cells.get("groep", "")
        groep = self.groups.get(groep_text.casefold())
        if not groep_text:
            fail("groep", _("this cell may not be empty"))
        elif groep is None:
            fail(
                "groep",
                _("unknown stakeholder group “%(value)s”; choose from: %(choices)s")
                % {"value": groep_text, "choices": self.group_codes},
            )

        organisatie = cells.get("organisatie", "")
        if len(organisatie) > MAX_ORGANISATIE:
            fail("organisatie", _("longer than %(n)s characters") % {"n": MAX_ORGANISATIE})

        gemeenten = self._gemeenten(cells.get("gemeenten", ""), lambda m: fail("gemeenten", m))
        transities = self._transities(cells.get("transities", ""), lambda m: fail("transities", m))

        email = cells.get("email", "")
        if len(email) > MAX_EMAIL:
            fail("email", _("longer than %(n)s characters") % {"n": MAX_EMAIL})
        elif email:
            try:
                validate_email(email)
            except ValidationError:
                fail("email", _("“%(value)s” is not a valid email address") % {"value": email})

        if len(self.errors) > before or groep is None:
            return None
        return RosterRow(rid, groep, organisatie, gemeenten, transities, email)

    def _gemeenten(self, text: str, fail: _Fail) -> tuple[str, ...]:
        found: list[str] = []
        parts = [part.strip() for part in text.split(";") if part.strip()]
        if not parts:
            fail(_("name at least one gemeente (codes or names, separated by “;”)"))
        for part in parts:
            code = self.gemeenten.get((gemeente_code(part) or part).casefold())
            if code is None:
                fail(_("“%(value)s” is not a gemeente of this region") % {"value": part})
            elif code not in found:
                found.append(code)
        return tuple(found)

    def _transities(self, text: str, fail: _Fail) -> tuple[str, ...]:
        """The transities named; an empty cell stands for every transitie of the scan."""
        parts = [part.strip() for part in text.split(";") if part.strip()]
        if not parts:
            return self.scan_transities
        found: list[str] = []
        for part in parts:
            code = self.transities.get(part.casefold())
            if code is None:
                fail(
                    _("“%(value)s” is not a transitie of this scan; choose from: %(choices)s")
                    % {"value": part, "choices": ", ".join(self.scan_transities)}
                )
            elif code not in found:
                found.append(code)
        return tuple(found)


# --- saving ------------------------------------------------------------------------------


def next_ids(taken: Iterable[str], count: int) -> list[str]:
    """`count` new ids "R0001", "R0002", … after the highest such id already taken."""
    used = set(taken)
    numbers = [int(m.group(1)) for rid in used if (m := _GENERATED.fullmatch(rid))]
    return list(_free_ids(used, max(numbers, default=0) + 1, count))


def _free_ids(used: set[str], start: int, count: int) -> Iterator[str]:
    number = start
    while count > 0:
        rid = f"R{number:04d}"
        number += 1
        if rid not in used:
            count -= 1
            yield rid


def store_roster(scan: Scan, rows: list[RosterRow]) -> list[str]:
    """Create a respondent per row, generating the ids left empty; returns their ids."""
    with transaction.atomic():
        taken = set(Respondent.objects.filter(scan=scan).values_list("external_id", flat=True))
        taken |= {row.respondent_id for row in rows if row.respondent_id}
        fresh = iter(next_ids(taken, sum(1 for row in rows if not row.respondent_id)))
        ids = [row.respondent_id or next(fresh) for row in rows]
        Respondent.objects.bulk_create(
            Respondent(
                scan=scan,
                external_id=rid,
                groep=row.groep,
                organisatie=row.organisatie,
                gemeenten=list(row.gemeenten),
                transities=list(row.transities),
                email=row.email,
            )
            for rid, row in zip(ids, rows, strict=True)
        )
    return ids
