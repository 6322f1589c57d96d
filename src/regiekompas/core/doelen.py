"""Target positions (doelposities) from a file, and their distance rows (docs/method.md, "Trend").

A doelen file (CSV or XLSX, first sheet) has the columns `gemeente_code`, `transitie` and
either `cc` and `dc` (a point, −1 … 1) or `kwadrant` (the centre (±0.5, ±0.5) of that
quadrant), plus an optional `toelichting`. A bad file is refused as a whole with a message
naming file, row and column, in Dutch and English, so nothing is computed from half a file.

`doelen_rows` gives per target the distance between the praktijk cell position and the
target / 2√2, with the 95 % interval of the same distance over the praktijk cell's bootstrap
replicates (the target is fixed). Cells below k are not in `cellen` and so get no row.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from regiekompas.core.dataset import FloatArray
from regiekompas.core.measures.bootstrap import percentile_ci
from regiekompas.core.measures.trend import QUADRANT_CENTRES, distance_to_target
from regiekompas.core.results.rows import DoelRow
from regiekompas.core.vocabulary import MAX_DISTANCE, QUADRANTS, quadrant_of

#: Largest doelen file read (a region has at most a few hundred gemeente × transitie).
MAX_ROWS = 20_000


@dataclass(frozen=True)
class Doel:
    gemeente_code: str
    transitie: str
    cc: float
    dc: float
    kwadrant: str
    toelichting: str


class DoelenError(Exception):
    """A doelen file that cannot be used; `text(lang)` names file, row and column."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(en)
        self.nl, self.en = nl, en

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(row number as a spreadsheet shows it, cells) for every non-empty row."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        from regiekompas.core.io.xlsxfile import cell_text

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [cell_text(v) for v in values]
                if any(cells):
                    yield number, cells
        finally:
            book.close()
        return
    from regiekompas.core.io.csvfile import sniff_delimiter

    with path.open(encoding="utf-8-sig", newline="") as stream:
        first = stream.readline()
        stream.seek(0)
        reader = csv.reader(stream, delimiter=sniff_delimiter(first))
        for number, cells in enumerate(reader, start=1):
            cells = [c.strip() for c in cells]
            if any(cells):
                yield number, cells


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_doelen(path: Path, transities: Sequence[str]) -> list[Doel]:
    """Every target of the file, or `DoelenError` for the first problem found."""
    name = path.name

    def fail(row: int | None, column: str | None, nl: str, en: str) -> DoelenError:
        where_nl = ", ".join(
            [name] + ([f"rij {row}"] if row else []) + ([f"kolom {column}"] if column else [])
        )
        where_en = ", ".join(
            [name] + ([f"row {row}"] if row else []) + ([f"column {column}"] if column else [])
        )
        return DoelenError(f"{where_nl}: {nl}", f"{where_en}: {en}")

    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise fail(None, None, "een doelenbestand is CSV of XLSX", "a doelen file is CSV or XLSX")
    try:
        rows = _rows(path)
        header_row = next(rows, None)
        if header_row is None:
            raise fail(None, None, "het bestand is leeg", "the file is empty")
        columns = [c.strip().lower() for c in header_row[1]]
        for required in ("gemeente_code", "transitie"):
            if required not in columns:
                raise fail(
                    header_row[0], required, "deze kolom ontbreekt", "this column is missing"
                )
        has_point = "cc" in columns and "dc" in columns
        if not has_point and "kwadrant" not in columns:
            raise fail(
                header_row[0],
                "kwadrant",
                "geef kolommen cc en dc, of kwadrant",
                "give columns cc and dc, or kwadrant",
            )
        doelen: list[Doel] = []
        seen: dict[tuple[str, str], int] = {}
        for number, cells in rows:
            if len(doelen) >= MAX_ROWS:
                raise fail(number, None, f"meer dan {MAX_ROWS} rijen", f"more than {MAX_ROWS} rows")
            value = dict(zip(columns, [*cells, *[""] * len(columns)], strict=False))
            doelen.append(_doel(value, number, transities, seen, fail))
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as error:
        if isinstance(error, DoelenError):
            raise
        raise fail(None, None, f"niet te lezen ({error})", f"cannot be read ({error})") from None
    return doelen


def _doel(
    value: Mapping[str, str],
    number: int,
    transities: Sequence[str],
    seen: dict[tuple[str, str], int],
    fail: Any,
) -> Doel:
    gemeente = value.get("gemeente_code", "")
    if not gemeente:
        raise fail(number, "gemeente_code", "leeg", "empty")
    transitie = value.get("transitie", "")
    if transitie not in transities:
        raise fail(
            number,
            "transitie",
            f"{transitie!r} is geen transitie ({', '.join(transities)})",
            f"{transitie!r} is not a transitie ({', '.join(transities)})",
        )
    if (gemeente, transitie) in seen:
        raise fail(
            number,
            "transitie",
            f"dubbel: ook in rij {seen[(gemeente, transitie)]}",
            f"duplicate: also in row {seen[(gemeente, transitie)]}",
        )
    seen[(gemeente, transitie)] = number
    cc_text, dc_text = value.get("cc", ""), value.get("dc", "")
    kwadrant_text = value.get("kwadrant", "")
    if cc_text or dc_text:
        point = []
        for column, text in (("cc", cc_text), ("dc", dc_text)):
            x = _number(text)
            if x is None or not -1.0 <= x <= 1.0:
                raise fail(
                    number,
                    column,
                    f"{text!r} is geen getal van −1 tot 1",
                    f"{text!r} is not a number from −1 to 1",
                )
            point.append(x)
        cc, dc = point
        kwadrant = quadrant_of(cc, dc)
    elif kwadrant_text:
        match = [q for q in QUADRANTS if q.lower() == kwadrant_text.lower()]
        if not match:
            raise fail(
                number,
                "kwadrant",
                f"{kwadrant_text!r} is geen kwadrant ({', '.join(QUADRANTS)})",
                f"{kwadrant_text!r} is not a quadrant ({', '.join(QUADRANTS)})",
            )
        kwadrant = match[0]
        cc, dc = QUADRANT_CENTRES[kwadrant]
    else:
        raise fail(
            number, "kwadrant", "geef cc en dc, of een kwadrant", "give cc and dc, or a quadrant"
        )
    return Doel(gemeente, transitie, cc, dc, kwadrant, value.get("toelichting", ""))


def doelen_rows(
    document: Mapping[str, Any],
    doelen: Sequence[Doel],
    replicates: Mapping[str, Mapping[str, FloatArray]] | None = None,
    replicates_out: dict[str, dict[str, FloatArray]] | None = None,
) -> list[DoelRow]:
    """One row per target whose praktijk cell is shown (n ≥ k), with afstand and its CI."""
    praktijk = {
        (row["gemeente_code"], row["transitie"]): row
        for row in document.get("cellen") or []
        if row["perspectief"] == "praktijk"
    }
    reps = replicates or {}
    out: list[DoelRow] = []
    for doel in doelen:
        cell = praktijk.get((doel.gemeente_code, doel.transitie))
        if cell is None:
            continue
        key = f"{doel.gemeente_code}|{doel.transitie}|praktijk"
        cc_reps = reps.get("cellen.cc", {}).get(key)
        dc_reps = reps.get("cellen.dc", {}).get(key)
        ci: list[float] | None = None
        if cc_reps is not None and dc_reps is not None:
            distances = np.hypot(cc_reps - doel.cc, dc_reps - doel.dc) / MAX_DISTANCE
            low, high = percentile_ci(distances)
            ci = [float(low), float(high)]
            if replicates_out is not None:
                replicates_out.setdefault("doelen.afstand", {})[
                    f"{doel.gemeente_code}|{doel.transitie}"
                ] = distances
        out.append(
            DoelRow(
                gemeente_code=doel.gemeente_code,
                transitie=doel.transitie,
                cc=doel.cc,
                dc=doel.dc,
                kwadrant=doel.kwadrant,
                afstand=distance_to_target((cell["cc"], cell["dc"]), (doel.cc, doel.dc)),
                afstand_ci=ci,
            )
        )
    return out
