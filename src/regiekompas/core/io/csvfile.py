"""Opening a CSV file as a `Table`, whichever way Excel or a survey tool saved it.

Dutch Excel saves "CSV" with semicolons (because the comma is the decimal separator), and
"CSV UTF-8" with a byte-order mark; survey tools write plain comma-separated UTF-8. The
delimiter is therefore read off the header line. The file is validated as UTF-8 before it is
parsed, so a file saved in the old Windows encoding is rejected with the line where the first
non-UTF-8 byte sits, instead of being read with garbled names.
"""

from __future__ import annotations

import codecs
import csv
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from regiekompas.core.io.collector import Collector, Source
from regiekompas.core.io.limits import Guard, without_nul
from regiekompas.core.io.table import Lines, Rows, Table

_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t")


def scan(path: Path) -> tuple[int | None, bool]:
    """The line (1-based) of the first byte that is not UTF-8 (or None), and whether the
    file contains a double quote anywhere."""
    bad, quoted, _ = scan_bytes(path)
    return bad, quoted


def scan_bytes(path: Path) -> tuple[int | None, bool, bool]:
    """`scan`, and whether the file holds a NUL byte (which no text column may contain)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    quoted = False
    nul = False
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            nul = nul or b"\x00" in chunk
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                # Positions count from the bytes of an incomplete character that the decoder
                # held back from the previous chunk (never a newline).
                return line + chunk.count(b"\n", 0, max(exc.start - pending, 0)), quoted, nul
            line += chunk.count(b"\n")
            quoted = quoted or b'"' in chunk
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return line, quoted, nul
    return None, quoted, nul


def sniff_delimiter(line: str) -> str:
    counts = [line.count(d) for d in _DELIMITERS]
    best = max(range(len(_DELIMITERS)), key=lambda i: (counts[i], -i))
    return _DELIMITERS[best] if counts[best] else ","


def open_csv(
    path: Path,
    source: Source,
    collector: Collector,
    stack: ExitStack,
    guard: Guard | None = None,
) -> Table | None:
    """The file as a table, or None after reporting why it cannot be one.

    With a `guard`, rows are counted and timed against its limits (core/io/limits.py). A
    file holding NUL bytes is read row by row, so each NUL is reported with its column.
    """
    bad_line, quoted, nul = scan_bytes(path)
    if bad_line is not None:
        collector.error(source, bad_line, None, "bestand.geen_utf8")
        return None
    stream: IO[str] = stack.enter_context(path.open(encoding="utf-8-sig", newline=""))
    first = stream.readline()
    while first and not first.strip():
        first = stream.readline()
    if not first:
        collector.error(source, None, None, "bestand.leeg")
        return None
    delimiter = sniff_delimiter(first)
    stream.seek(0)
    reader = csv.reader(stream, delimiter=delimiter)
    header: list[str] = []
    header_row = 0
    for header_row, record in enumerate(reader, start=1):  # noqa: B007 - used below
        header = [cell.strip() for cell in record]
        if any(header):
            break
    rows: Rows = enumerate(reader, start=header_row + 1)
    lines: Lines | None = None
    if nul:
        rows = without_nul(source, header, rows, collector)
    elif not quoted:
        lines = enumerate(stream, start=header_row + 1)
    if guard is not None and guard.streams:
        rows = guard.guard_rows(source, rows)
        if lines is not None:
            lines = guard.guard_lines(source, lines, delimiter)
    return Table(
        source=source,
        header=header,
        header_row=header_row,
        rows=rows,
        position=lambda: reader.line_num,
        lines=lines,
        delimiter=delimiter,
    )
