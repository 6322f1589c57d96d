"""Limits that keep an import file from hurting the process that reads it.

An upload is read by a web worker with a fixed memory and time allowance. Without limits a
1 MiB workbook holding one compressed gigabyte-long shared string takes the worker to
gigabytes of memory, and a million compressed rows keep it busy past the server's timeout.
So every file is checked *before* it is parsed — its size; for XLSX the sizes and compression
ratios its zip directory declares, the number and size of its shared strings, any DTD — and
while it streams: rows, cells, line length and a time budget, each aborting at once with a
message naming the file (and row). Declared zip sizes can be trusted here, because Python's
`zipfile` never returns more bytes than an entry declares (and fails on the checksum).

The values themselves are checked during validation: no NUL character (PostgreSQL refuses
it in text) and no text longer than the column it is stored in (`TEXT_LIMITS`, which the web
models declare as their `max_length`). The limits are described in docs/security.md.

One `Limits` serves every upload path (region tables, respondent lists, answers, and later
documents); `Guard` applies it to one import, whatever number of files it has.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from regiekompas.core.io.collector import Collector, Source
from regiekompas.core.io.messages import Param
from regiekompas.core.io.table import Lines, Rows

MIB: Final = 1024 * 1024

#: Longest text accepted per (kind of table, column). The web models store these columns in
#: fields of exactly these lengths, so an import can never exceed them (tests/web checks
#: the two agree).
TEXT_LIMITS: Final[dict[tuple[str, str], int]] = {
    ("antwoorden", "respondent_id"): 64,
    ("antwoorden", "organisatie"): 200,
    ("gemeenten", "naam"): 100,
    ("gemeenten", "regio"): 100,
    ("organisaties", "organisatie"): 200,
    ("organisaties", "type"): 100,
    ("contracten", "organisatie"): 200,
    ("mechanismen", "naam"): 200,
    ("mechanismen", "type"): 100,
}

#: How often (in rows) the clock is read while streaming.
_CLOCK_EVERY = 1024
#: Entries smaller than this are not judged by their compression ratio.
_RATIO_FROM = MIB
#: Bytes of each XML part looked at for a DTD.
_DTD_PROBE = 4096
#: The worksheet's root element, whose namespace prefix (usually none) rows and cells share.
_ROOT: Final = re.compile(rb"<(\w+:)?worksheet[\s>]")


def _count_tags(data: bytes, prefix: bytes, name: bytes) -> int:
    """Start tags `<name` followed by a space, `>` or `/` (bytes.count: zlib's speed)."""
    tag = b"<" + prefix + name
    return data.count(tag + b" ") + data.count(tag + b">") + data.count(tag + b"/")


@dataclass(frozen=True)
class Limits:
    """What one import may contain; None switches a limit off.

    The defaults are those of the web app (docs/security.md explains each number); the
    command line uses `COMMAND_LINE`, which keeps only the protection against zip bombs.
    """

    #: Size of one uploaded file.
    file_bytes: int | None = 20 * MIB
    #: Sum of the uncompressed sizes of an XLSX file's parts.
    xlsx_unpacked_bytes: int | None = 200 * MIB
    #: Uncompressed ÷ compressed size of one part (from 1 MiB uncompressed on).
    xlsx_ratio: float | None = 250.0
    #: Number of parts in an XLSX file.
    xlsx_parts: int | None = 1000
    #: Uncompressed size of any other XML part that openpyxl reads whole (styles, workbook,
    #: relationships); worksheets are streamed and only count towards the total.
    xlsx_part_bytes: int | None = 8 * MIB
    #: Uncompressed size of the shared strings part, and the number of strings in it.
    shared_strings_bytes: int | None = 32 * MIB
    shared_strings: int | None = 500_000
    #: Data rows and cells of all tables of one import together.
    rows: int | None = 1_000_000
    cells: int | None = 20_000_000
    #: Characters in one CSV line (or row).
    line_chars: int | None = 100_000
    #: Distinct (respondent, groep, organisatie, gemeente, transitie, perspectief) prefixes
    #: of answer rows; each is remembered for the rest of the import (about 1.5 kB).
    prefixes: int | None = 100_000
    #: Seconds the reading may take, from the first file checked.
    seconds: float | None = 15.0


#: The web app's limits (the file size follows REGIEKOMPAS_MAX_UPLOAD_MB there).
WEB: Final = Limits()
#: The command line reads national files of hundreds of megabytes on purpose; only zip
#: bombs and DTDs are refused there.
COMMAND_LINE: Final = Limits(
    file_bytes=None,
    xlsx_unpacked_bytes=16 * 1024 * MIB,
    xlsx_ratio=1000.0,
    xlsx_parts=10_000,
    xlsx_part_bytes=256 * MIB,
    shared_strings_bytes=1024 * MIB,
    shared_strings=None,
    rows=None,
    cells=None,
    line_chars=None,
    prefixes=None,
    seconds=None,
)


class LimitExceeded(Exception):
    """An import went beyond a limit; reading stops at once and nothing is imported."""

    def __init__(self, source: Source, row: int | None, code: str, **params: Param) -> None:
        super().__init__(code)
        self.source = source
        self.row = row
        self.code = code
        self.params = params

    def report(self, collector: Collector) -> None:
        collector.error(self.source, self.row, None, self.code, **self.params)


def size_text(n: float) -> str:
    """A byte count as people read it: "1.5 MB" (decimal point, as in both languages' UI)."""
    if n >= MIB:
        return f"{n / MIB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} kB"
    return f"{int(n)} B"


def text_problem(text: str, limit: int | None) -> tuple[str, dict[str, Param]] | None:
    """Why a cell's (trimmed) text cannot be stored: a NUL character, or too long."""
    if "\x00" in text:
        return "cel.nul", {}
    if limit is not None and len(text) > limit:
        return "cel.te_lang", {"n": len(text), "max": limit}
    return None


class Guard:
    """Applies `Limits` to one import: files before parsing, rows while streaming."""

    def __init__(self, limits: Limits, clock: float | None = None) -> None:
        self.limits = limits
        self.started = time.monotonic() if clock is None else clock
        self.rows = 0
        self.cells = 0

    @property
    def streams(self) -> bool:
        """Whether rows need counting (the command line's limits need not)."""
        lim = self.limits
        return any(x is not None for x in (lim.rows, lim.cells, lim.line_chars, lim.seconds))

    # -- before parsing -------------------------------------------------------------------

    def check_file(self, path: Path, source: Source) -> None:
        """Raise `LimitExceeded` when the file is too big, or a workbook too big unpacked."""
        lim = self.limits
        size = path.stat().st_size
        if lim.file_bytes is not None and size > lim.file_bytes:
            raise LimitExceeded(
                source,
                None,
                "grens.bestand",
                grootte=size_text(size),
                max=size_text(lim.file_bytes),
            )
        if path.suffix.lower() == ".xlsx":
            self._check_xlsx(path, source)
        self.check_clock(source, None)

    def _check_xlsx(self, path: Path, source: Source) -> None:
        lim = self.limits
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError):
            return  # not a zip at all: openpyxl reports it as a damaged workbook
        with archive:
            parts = archive.infolist()
            if lim.xlsx_parts is not None and len(parts) > lim.xlsx_parts:
                raise LimitExceeded(
                    source, None, "grens.xlsx_delen", n=len(parts), max=lim.xlsx_parts
                )
            total = sum(part.file_size for part in parts)
            if lim.xlsx_unpacked_bytes is not None and total > lim.xlsx_unpacked_bytes:
                raise LimitExceeded(
                    source,
                    None,
                    "grens.xlsx_uitgepakt",
                    grootte=size_text(total),
                    max=size_text(lim.xlsx_unpacked_bytes),
                )
            for part in parts:
                ratio = part.file_size / max(part.compress_size, 1)
                if (
                    lim.xlsx_ratio is not None
                    and part.file_size >= _RATIO_FROM
                    and ratio > lim.xlsx_ratio
                ):
                    raise LimitExceeded(
                        source,
                        None,
                        "grens.xlsx_verhouding",
                        deel=part.filename,
                        factor=int(ratio),
                        max=int(lim.xlsx_ratio),
                    )
            for part in parts:
                name = part.filename.lower()
                if not name.endswith((".xml", ".rels")):
                    continue
                whole_read = "worksheets/" not in name and not name.endswith("sharedstrings.xml")
                if (
                    whole_read
                    and lim.xlsx_part_bytes is not None
                    and part.file_size > lim.xlsx_part_bytes
                ):
                    raise LimitExceeded(
                        source,
                        None,
                        "grens.xlsx_deel",
                        deel=part.filename,
                        grootte=size_text(part.file_size),
                        max=size_text(lim.xlsx_part_bytes),
                    )
                self._check_dtd(archive, part, source)
            for part in parts:
                if part.filename.lower().endswith("sharedstrings.xml"):
                    self._check_shared_strings(archive, part, source)
            if lim.rows is not None or lim.cells is not None:
                rows = cells = 0
                for part in parts:
                    if "worksheets/" in part.filename.lower():
                        more_rows, more_cells = self._count_sheet(archive, part, source)
                        rows += more_rows
                        cells += more_cells
                        self._check_counts(source, rows, cells)

    def _count_sheet(
        self, archive: zipfile.ZipFile, part: zipfile.ZipInfo, source: Source
    ) -> tuple[int, int]:
        """Rows and cells of a worksheet, counted from its unpacked bytes without parsing.

        A byte scan runs at the speed of zlib, so a sheet of a million rows is counted (and
        refused) in about a second — long before openpyxl would have parsed it.
        """
        rows = cells = 0
        tail = b""
        prefix: bytes | None = None
        try:
            with archive.open(part) as stream:
                while chunk := stream.read(MIB):
                    data = tail + chunk
                    if prefix is None:
                        found = _ROOT.search(data)
                        prefix = (found.group(1) if found else None) or b""
                    # The last bytes of the previous chunk come along, so a tag cut in two is
                    # seen; tags lying wholly in them were counted before and are taken off.
                    rows += _count_tags(data, prefix, b"row") - _count_tags(tail, prefix, b"row")
                    cells += _count_tags(data, prefix, b"c") - _count_tags(tail, prefix, b"c")
                    tail = data[-16:]
                    self._check_counts(source, rows, cells)
                    self.check_clock(source, None)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
            pass  # openpyxl reports the damage
        return rows, cells

    def _check_counts(self, source: Source, rows: int, cells: int) -> None:
        lim = self.limits
        if lim.rows is not None and rows > lim.rows + 1:  # + the header row
            raise LimitExceeded(source, None, "grens.rijen", max=lim.rows)
        if lim.cells is not None and cells > lim.cells:
            raise LimitExceeded(source, None, "grens.cellen", max=lim.cells)

    def _check_dtd(self, archive: zipfile.ZipFile, part: zipfile.ZipInfo, source: Source) -> None:
        """No XML part may declare a DTD: entities are how XML bombs expand."""
        try:
            with archive.open(part) as stream:
                head = stream.read(_DTD_PROBE)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
            return  # openpyxl reports the damage
        if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
            raise LimitExceeded(source, None, "grens.xlsx_dtd", deel=part.filename)

    def _check_shared_strings(
        self, archive: zipfile.ZipFile, part: zipfile.ZipInfo, source: Source
    ) -> None:
        lim = self.limits
        if lim.shared_strings_bytes is not None and part.file_size > lim.shared_strings_bytes:
            raise LimitExceeded(
                source,
                None,
                "grens.gedeelde_teksten_groot",
                grootte=size_text(part.file_size),
                max=size_text(lim.shared_strings_bytes),
            )
        if lim.shared_strings is None:
            return
        count = 0
        try:
            with archive.open(part) as stream:
                for _, element in ET.iterparse(stream, events=("end",)):
                    if element.tag.endswith("}si") or element.tag == "si":
                        count += 1
                        element.clear()
                        if count > lim.shared_strings:
                            raise LimitExceeded(
                                source, None, "grens.gedeelde_teksten", max=lim.shared_strings
                            )
        except (ET.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError):
            return  # openpyxl reports the damage

    # -- while streaming ------------------------------------------------------------------

    def check_clock(self, source: Source, row: int | None) -> None:
        seconds = self.limits.seconds
        if seconds is not None and time.monotonic() - self.started > seconds:
            raise LimitExceeded(source, row, "grens.tijd", max=f"{seconds:g}")

    def count(self, source: Source, row: int, width: int) -> None:
        """Count one data row of `width` cells; raise when a limit is passed."""
        lim = self.limits
        self.rows += 1
        self.cells += width
        if lim.rows is not None and self.rows > lim.rows:
            raise LimitExceeded(source, row, "grens.rijen", max=lim.rows)
        if lim.cells is not None and self.cells > lim.cells:
            raise LimitExceeded(source, row, "grens.cellen", max=lim.cells)
        if self.rows % _CLOCK_EVERY == 0:
            self.check_clock(source, row)

    def guard_rows(self, source: Source, rows: Rows) -> Rows:
        """`rows`, counted and timed; a row longer than `line_chars` stops the import."""
        line_chars = self.limits.line_chars
        for number, cells in rows:
            self.count(source, number, len(cells))
            if line_chars is not None:
                length = sum(map(len, cells))
                if length > line_chars:
                    raise LimitExceeded(source, number, "grens.regel", n=length, max=line_chars)
            yield number, cells

    def guard_lines(self, source: Source, lines: Lines, delimiter: str) -> Lines:
        """CSV lines (the fast path of a file without quotes), counted and timed."""
        line_chars = self.limits.line_chars
        for number, line in lines:
            self.count(source, number, line.count(delimiter) + 1)
            if line_chars is not None and len(line) > line_chars:
                raise LimitExceeded(source, number, "grens.regel", n=len(line), max=line_chars)
            yield number, line


def without_nul(source: Source, header: list[str], rows: Rows, collector: Collector) -> Rows:
    """Rows with every NUL character reported (file, row, column) and then removed.

    Used for tables known to hold NUL characters (and for every XLSX sheet), so validation
    goes on and names every bad cell; the import fails on the reported errors.
    """
    for number, cells in rows:
        if any("\x00" in cell for cell in cells):
            for position, cell in enumerate(cells):
                if "\x00" in cell:
                    column = header[position] if position < len(header) else None
                    collector.error(source, number, column or None, "cel.nul")
            cells = [cell.replace("\x00", "") for cell in cells]
        yield number, cells
