"""Atomic JSON and XLSX files of a results document."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from regiekompas.core.analysis import round_document
from regiekompas.core.export import workbook
from regiekompas.core.export.flatten import MEASURES
from regiekompas.core.export.safe import neutralise_row
from regiekompas.core.export.workbook import workbook_bytes
from regiekompas.core.results.tables import Table, table


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


def write_csv_folder(
    folder: Path,
    document: Mapping[str, Any],
    *,
    gemeenten: Mapping[str, str] | None = None,
    lang: str = "nl",
) -> list[Path]:
    """One UTF-8 CSV per measure (`cellen.csv`, …) in `folder`, each written atomically, with
    the name columns of `core.export.workbook` next to the codes."""
    rounded = round_document(dict(document))
    names = workbook.Names(gemeenten or {}, lang)
    paths = []
    for measure in MEASURES:
        path = Path(folder) / f"{measure}.csv"
        t = table(measure)

        def write(tmp: Path, t: Table = t) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as stream:
                out = csv.writer(stream)
                out.writerow(workbook.named_columns(t))
                out.writerows(neutralise_row(row) for row in workbook.named_rows(rounded, t, names))

        _atomic(path, write)
        paths.append(path)
    return paths


def write_xlsx(
    path: Path,
    document: Mapping[str, Any],
    *,
    gemeenten: Mapping[str, str] | None = None,
    lang: str = "nl",
) -> None:
    """The workbook of `core.export.workbook` (names next to codes, a "lees mij" sheet)."""
    data = workbook_bytes(document, gemeenten=gemeenten, lang=lang)
    _atomic(Path(path), lambda tmp: tmp.write_bytes(data))
