"""Atomic JSON and XLSX files of a results document."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from regiekompas.core.analysis import round_document
from regiekompas.core.export.flatten import MEASURES, columns, flat_rows
from regiekompas.core.export.safe import neutralise_row, xlsx_cell
from regiekompas.core.model.bands import load_bands
from regiekompas.core.results.tables import definitions, meta_fields, table


def _atomic(path: Path, write: Callable[[Path], object]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(name))
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def document_json(document: Mapping[str, Any]) -> str:
    """The published JSON text: floats rounded to 4 decimals, UTF-8, keys in document order."""
    return json.dumps(round_document(dict(document)), ensure_ascii=False, indent=1) + "\n"


def write_json(path: Path, document: Mapping[str, Any]) -> None:
    text = document_json(document)
    _atomic(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_csv_folder(folder: Path, document: Mapping[str, Any]) -> list[Path]:
    """One UTF-8 CSV per measure (`cellen.csv`, …) in `folder`, each written atomically."""
    rounded = round_document(dict(document))
    paths = []
    for measure in MEASURES:
        path = Path(folder) / f"{measure}.csv"

        def write(tmp: Path, measure: str = measure) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as stream:
                out = csv.writer(stream)
                out.writerow(columns(measure))
                out.writerows(neutralise_row(row) for row in flat_rows(rounded, measure))

        _atomic(path, write)
        paths.append(path)
    return paths


def write_xlsx(path: Path, document: Mapping[str, Any]) -> None:
    rounded = round_document(dict(document))

    def write(tmp: Path) -> None:
        book = Workbook(write_only=True)
        for measure in MEASURES:
            sheet = book.create_sheet(table(measure).sheet)
            sheet.append(list(columns(measure)))
            for row in flat_rows(rounded, measure):
                sheet.append([xlsx_cell(sheet, value) for value in row])
        meta = book.create_sheet("meta")
        meta.append(["sleutel", "waarde"])
        for key, value in (rounded.get("meta") or {}).items():
            meta.append([xlsx_cell(meta, key), xlsx_cell(meta, value)])
        bands = book.create_sheet("banden")
        bands.append(["maat", "grenzen", "banden", "bron", "source"])
        for band in load_bands().measures:
            bands.append(
                [
                    xlsx_cell(bands, text)
                    for text in (
                        band.code,
                        " | ".join(f"{b:g}" for b in band.bounds),
                        " | ".join(band.bands),
                        band.source.nl,
                        band.source.en,
                    )
                ]
            )
        readme = book.create_sheet("lees_mij")
        readme.append(["tabel", "kolom", "label", "betekenis", "label (en)", "meaning (en)"])
        for d in definitions():
            readme.append(
                [
                    xlsx_cell(readme, text)
                    for text in (
                        d.table, d.column, d.label.nl, d.description.nl, d.label.en,
                        d.description.en,
                    )
                ]
            )  # fmt: skip
        for f in meta_fields():
            readme.append(
                [
                    xlsx_cell(readme, text)
                    for text in (
                        "meta", f.name, f.label.nl, f.description.nl, f.label.en,
                        f.description.en,
                    )
                ]
            )  # fmt: skip
        book.save(tmp)

    _atomic(Path(path), write)
