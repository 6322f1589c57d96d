"""A scan's answers and region as the import files of product.md §8, in one ZIP.

Built from `scan_dataset(scan)` — the very dataset the results pages analyse — and written
with core's writers, so `regiekompas analyse` on the unpacked files reproduces the figures of
the web app. Mechanisms are therefore the region's own plus those respondents reported, as
`scan_dataset` counts them. Free-text answers are not included: next to a respondent id
they could identify someone, and the files must stay readable by `regiekompas analyse`,
which accepts only the tables of §8.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from regiekompas.core.dataset import Dataset
from regiekompas.core.io import LONG_HEADER, dataset_to_long_rows, write_table
from regiekompas.core.io.headers import (
    CONTRACTEN,
    GEMEENTEN,
    MECHANISMEN,
    ORGANISATIES,
    REGION_KINDS,
)
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.scans.models import Scan

Table = tuple[Sequence[str], Iterable[Sequence[object]]]


def _header(kind: str) -> tuple[str, ...]:
    required, optional = REGION_KINDS[kind]
    return (*required, *optional)


def export_tables(dataset: Dataset, scan_transities: Sequence[str]) -> dict[str, Table]:
    """File name (without .csv) → (header, rows); a region table only when the dataset has it.

    A table the dataset lacks is left out rather than written empty, because "no contracts
    file" and "an empty contracts file" are different inputs to the analysis.
    """
    tables: dict[str, Table] = {"antwoorden": (LONG_HEADER, dataset_to_long_rows(dataset))}
    if dataset.gemeenten is not None:
        tables["gemeenten"] = (
            _header(GEMEENTEN),
            [(g.code, g.naam, g.regio) for g in dataset.gemeenten],
        )
    if dataset.organisaties is not None:
        tables["organisaties"] = (
            _header(ORGANISATIES),
            [(o.naam, o.type) for o in dataset.organisaties],
        )
    if dataset.contracten is not None:
        tables["contracten"] = (
            _header(CONTRACTEN),
            [(c.organisatie, c.gemeente_code, c.transitie) for c in dataset.contracten],
        )
    if dataset.mechanismen is not None:
        tables["mechanismen"] = (
            _header(MECHANISMEN),
            [
                # The file needs at least one transitie; a mechanism a respondent reported
                # without one concerns the gemeente's collaboration as a whole. Transities
                # do not enter any figure of a mechanism, so the figures stay the same.
                (
                    m.gemeente_code,
                    m.naam,
                    m.type,
                    ";".join(m.transities or scan_transities),
                    m.cc,
                    m.dc,
                )
                for m in dataset.mechanismen
            ],
        )
    return tables


def write_export(scan: Scan, folder: Path) -> list[Path]:
    """Write the scan's files into `folder`; raises `NoAnswers` when there is nothing to write."""
    dataset = scan_dataset(scan)
    paths = []
    for name, (header, rows) in export_tables(dataset, list(scan.transities)).items():
        path = folder / f"{name}.csv"
        write_table(path, header, rows)
        paths.append(path)
    return paths


def export_zip(scan: Scan) -> bytes:
    """The files of `write_export` in a ZIP (raises `NoAnswers` like it)."""
    with tempfile.TemporaryDirectory(prefix="regiekompas-export-") as folder:
        paths = write_export(scan, Path(folder))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                archive.write(path, arcname=path.name)
    return buffer.getvalue()
