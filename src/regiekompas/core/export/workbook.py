"""The results as a workbook and CSV files that a person can read and a BI tool can load.

Every table of the document (`core.results.tables`) becomes a sheet and a CSV file with the
registry's columns, and next to each code column a column with its name in the chosen
language: the gemeente's name, and the names of transities, conditions, groups and
rationaliteiten from the model (`core/model`). A "lees mij" sheet (the first) explains every
column with the label and description of `core/results/tabellen.toml` and, for banded
measures, the cut-offs and band words of `core/model/banden.toml`.

Sheets have a frozen header row, an autofilter over the data, column widths fitted to the
contents (within limits) and numbers stored as numbers. Every text cell passes through
`core.export.safe` (formula neutralising, product.md §6). The document given is written as it
is: it holds only what passed the k-rules, and the web app filters rows a reader may not see
before calling these functions.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from collections.abc import Iterator, Mapping
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from regiekompas.core.analysis import round_document
from regiekompas.core.export.safe import csv_row, xlsx_cell
from regiekompas.core.model import load_model
from regiekompas.core.model.bands import load_bands
from regiekompas.core.results.tables import Table, meta_fields, tables
from regiekompas.core.text import Text

__all__ = ["NAME_COLUMNS", "Names", "csv_zip", "named_columns", "named_rows", "workbook_bytes"]

#: Code columns that get a name column right after them: code column → (name column, kind).
NAME_COLUMNS: Final[dict[str, tuple[str, str]]] = {
    "gemeente_code": ("gemeente", "gemeente"),
    "transitie": ("transitie_naam", "transitie"),
    "conditie": ("conditie_naam", "conditie"),
    "groep": ("groep_naam", "groep"),
    "groep_a": ("groep_a_naam", "groep"),
    "groep_b": ("groep_b_naam", "groep"),
    "rationaliteit": ("rationaliteit_naam", "rationaliteit"),
    "rationaliteit_a": ("rationaliteit_a_naam", "rationaliteit"),
    "rationaliteit_b": ("rationaliteit_b_naam", "rationaliteit"),
}
_NAME_TEXT: Final = {
    "gemeente": Text("Naam van de gemeente.", "Name of the municipality."),
    "transitie": Text("Naam van de transitie.", "Name of the transition."),
    "conditie": Text("Naam van de conditie.", "Name of the condition."),
    "groep": Text("Naam van de groep belanghebbenden.", "Name of the stakeholder group."),
    "rationaliteit": Text("Naam van de rationaliteit.", "Name of the rationality."),
}
_README_SHEET: Final = "lees_mij"
_MIN_WIDTH: Final = 8
_MAX_WIDTH: Final = 60
#: Rows looked at to fit a column's width (enough to see typical values, cheap on a
#: national document).
_WIDTH_SAMPLE: Final = 300


class Names:
    """Names of codes in one language: gemeenten as given, the rest from the model."""

    def __init__(self, gemeenten: Mapping[str, str], lang: str) -> None:
        model = load_model()
        self.lang = lang
        self.by_kind: dict[str, dict[str, str]] = {
            "gemeente": dict(gemeenten),
            "transitie": {t.code: t.name.get(lang) for t in model.transities},
            "conditie": {c.code: c.name.get(lang) for c in model.conditions},
            "groep": {g.code: g.name.get(lang) for g in model.groups},
            "rationaliteit": {r.code: r.name.get(lang) for r in model.rationaliteiten},
        }

    def of(self, kind: str, code: Any) -> Any:
        if code is None or code == "":
            return None
        return self.by_kind[kind].get(str(code), code)


def named_columns(t: Table) -> tuple[str, ...]:
    """The table's columns with a name column after each code column."""
    out: list[str] = []
    for column in t.columns():
        out.append(column)
        if column in NAME_COLUMNS:
            out.append(NAME_COLUMNS[column][0])
    return tuple(out)


def named_rows(document: Mapping[str, Any], t: Table, names: Names) -> Iterator[list[Any]]:
    """The table's rows in the order of `named_columns(t)`."""
    plain = t.columns()
    kinds = [NAME_COLUMNS[c][1] if c in NAME_COLUMNS else None for c in plain]
    for row in t.flat_rows(document):
        out: list[Any] = []
        for value, kind in zip(row, kinds, strict=True):
            out.append(value)
            if kind is not None:
                out.append(names.of(kind, value))
        yield out


def _band_text(t: Table, lang: str) -> str:
    if t.band is None:
        return ""
    band = load_bands()[t.band]
    cuts = " | ".join(f"{b:g}" for b in band.bounds)
    words = " | ".join(band.label(code, lang) for code in band.bands)
    return f"{cuts} → {words} ({band.source.get(lang)})"


def _readme_rows(lang: str) -> Iterator[list[str]]:
    """(table, column, label, meaning, band) for every column of every table, and meta."""
    for t in tables():
        band = _band_text(t, lang)
        for f in t.fields:
            for column in f.columns():
                shown_band = band if f.name in ("band", "waarde", "score") else ""
                yield [t.name, column, f.label.get(lang), f.description.get(lang), shown_band]
                if column in NAME_COLUMNS:
                    name_column, kind = NAME_COLUMNS[column]
                    text = _NAME_TEXT[kind]
                    yield [t.name, name_column, text.get(lang), text.get(lang), ""]
    for f in meta_fields():
        yield ["meta", f.name, f.label.get(lang), f.description.get(lang), ""]


_README_HEAD: Final = {
    "nl": ["tabel", "kolom", "label", "betekenis", "banden (grenzen → woorden, bron)"],
    "en": ["table", "column", "label", "meaning", "bands (cut-offs → words, source)"],
}
_META_HEAD: Final = {"nl": ["sleutel", "waarde"], "en": ["key", "value"]}
_BANDS_HEAD: Final = {
    "nl": ["maat", "grenzen", "banden", "woorden", "bron"],
    "en": ["measure", "cut-offs", "bands", "words", "source"],
}


def _band_rows(lang: str) -> Iterator[list[str]]:
    for band in load_bands().measures:
        yield [
            band.code,
            " | ".join(f"{b:g}" for b in band.bounds),
            " | ".join(band.bands),
            " | ".join(label.get(lang) for label in band.labels),
            band.source.get(lang),
        ]


def workbook_bytes(
    document: Mapping[str, Any], *, gemeenten: Mapping[str, str] | None = None, lang: str = "nl"
) -> bytes:
    """The XLSX workbook of a results document (see the module docstring)."""
    rounded = round_document(dict(document))
    names = Names(gemeenten or {}, lang)
    book = Workbook(write_only=True)
    _fill(book.create_sheet(_README_SHEET), _README_HEAD[lang], _readme_rows(lang))
    for t in tables():
        _fill(book.create_sheet(t.sheet), list(named_columns(t)), named_rows(rounded, t, names))
    meta = rounded.get("meta") or {}
    _fill(book.create_sheet("meta"), _META_HEAD[lang], ([k, v] for k, v in meta.items()))
    _fill(book.create_sheet("banden"), _BANDS_HEAD[lang], _band_rows(lang))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(sheet: Any, header: list[str], rows: Iterator[list[Any]]) -> None:
    """Write a sheet of a write-only workbook: widths from the first rows (they must be set
    before any row is written), a bold frozen header, an autofilter over the data."""
    widths = [len(str(h)) for h in header]
    first = list(itertools.islice(rows, _WIDTH_SAMPLE))
    for row in first:
        for i, value in enumerate(row):
            shown = f"{value:.4f}" if isinstance(value, float) else str(value or "")
            widths[i] = max(widths[i], len(shown))
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(
            _MIN_WIDTH, min(_MAX_WIDTH, width + 2)
        )
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = [xlsx_cell(sheet, h) for h in header]
    for cell in cells:
        cell.font = bold
    sheet.append(cells)
    count = 0
    for row in itertools.chain(first, rows):
        sheet.append([xlsx_cell(sheet, _plain(v)) for v in row])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, list | tuple | dict) else value


def csv_zip(
    document: Mapping[str, Any], *, gemeenten: Mapping[str, str] | None = None, lang: str = "nl"
) -> bytes:
    """A zip of UTF-8 CSV files: one per table (with name columns) and `lees_mij.csv`."""
    rounded = round_document(dict(document))
    names = Names(gemeenten or {}, lang)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{_README_SHEET}.csv", _csv(_README_HEAD[lang], _readme_rows(lang)))
        for t in tables():
            archive.writestr(
                f"{t.name}.csv", _csv(list(named_columns(t)), named_rows(rounded, t, names))
            )
    return buffer.getvalue()


def _csv(header: list[str], rows: Iterator[list[Any]]) -> str:
    stream = io.StringIO()
    out = csv.writer(stream, lineterminator="\n")
    out.writerow(csv_row(header))
    for row in rows:
        out.writerow(csv_row(row))
    return stream.getvalue()
