"""A scan's answers and region as the import files of product.md §8, in one ZIP.

Two exports, as product.md §6 and docs/privacy.md require:

* **Pseudonymised (the default).** The answers of the latest *published snapshot* — the very
  answers the results pages analyse — with a new random pseudonym per respondent in every
  export, an empty organisation, and the stakeholder group only where every gemeente the
  respondent answered about has at least k respondents of that group (else `overig`).
  Pseudonyms are drawn at random and then sorted, and handed out in the snapshot's order of
  respondents, so `regiekompas analyse` on the files resamples respondents in the same order
  and reproduces the pages' positions and intervals exactly. Figures per group (groepen,
  spraakverwarring, condities per group, α between groups) equal the pages' only where no
  group had to become `overig`.
* **Identified.** The live answers with respondent ids and organisations, for a facilitator
  who states why; every such export is written to the audit log (`ExportAudit`).

Mechanisms are the region's own plus those respondents reported, as `scan_dataset` counts
them. Free-text answers are in neither export: next to a respondent id or group they could
identify someone, and the files must stay readable by `regiekompas analyse`, which accepts
only the tables of §8. The `organisatie` column stays (empty) because that format requires it.
"""

from __future__ import annotations

import dataclasses
import io
import secrets
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from regiekompas.core.dataset import Dataset, Responses
from regiekompas.core.io import LONG_HEADER, dataset_to_long_rows, write_table
from regiekompas.core.io.headers import (
    CONTRACTEN,
    GEMEENTEN,
    INSTRUMENT,
    MECHANISMEN,
    ORGANISATIES,
    REGION_KINDS,
)
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.responses.snapshots import snapshot_dataset
from regiekompas.web.scans.models import Scan

#: The group of a respondent whose own group is too small in one of their gemeenten.
OTHER_GROUP = "overig"

Table = tuple[Sequence[str], Iterable[Sequence[object]]]


def _header(kind: str) -> tuple[str, ...]:
    required, optional = REGION_KINDS[kind]
    return (*required, *optional)


def export_tables(
    dataset: Dataset, scan_transities: Sequence[str], instrument_version: str | None = None
) -> dict[str, Table]:
    """File name (without .csv) → (header, rows); a region table only when the dataset has it.

    A table the dataset lacks is left out rather than written empty, because "no contracts
    file" and "an empty contracts file" are different inputs to the analysis. The
    instrument version (`instrument.csv`) tells `regiekompas analyse` which version of the
    questionnaire the answers were given with.
    """
    tables: dict[str, Table] = {"antwoorden": (LONG_HEADER, dataset_to_long_rows(dataset))}
    if instrument_version is not None:
        tables["instrument"] = (_header(INSTRUMENT), [(instrument_version,)])
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


def pseudonymise(responses: Responses, k: int) -> Responses:
    """New random pseudonyms (sorted, in the given order), no organisations, and small groups
    as `overig` (see the module docstring)."""
    count = len(responses.respondent_ids)
    pseudonyms: set[str] = set()
    while len(pseudonyms) < count:
        pseudonyms.add(f"P-{secrets.token_hex(6)}")
    # Distinct respondents per (gemeente, group) over both kinds of answers.
    pairs = {
        (int(g), int(r))
        for g, r in zip(
            np.concatenate([responses.obs_gemeente, responses.gem_gemeente]).tolist(),
            np.concatenate([responses.obs_respondent, responses.gem_respondent]).tolist(),
            strict=True,
        )
    }
    group_of = responses.respondent_group.tolist()
    size: dict[tuple[int, int], int] = {}
    for g, r in pairs:
        size[(g, group_of[r])] = size.get((g, group_of[r]), 0) + 1
    kept = [True] * count
    for g, r in pairs:
        if size[(g, group_of[r])] < k:
            kept[r] = False
    labels = [responses.groups[group_of[r]] if kept[r] else OTHER_GROUP for r in range(count)]
    groups = tuple(sorted(set(labels)))
    index = {name: i for i, name in enumerate(groups)}
    return dataclasses.replace(
        responses,
        respondent_ids=tuple(sorted(pseudonyms)),
        respondent_org=("",) * count,
        groups=groups,
        respondent_group=np.asarray([index[name] for name in labels], dtype=np.intp),
    )


def _write(dataset: Dataset, scan: Scan, folder: Path) -> list[Path]:
    paths = []
    tables = export_tables(dataset, list(scan.transities), scan.instrument().versie)
    for name, (header, rows) in tables.items():
        path = folder / f"{name}.csv"
        write_table(path, header, rows)
        paths.append(path)
    return paths


def write_export(scan: Scan, folder: Path) -> list[Path]:
    """Write the pseudonymised files of the latest published snapshot into `folder`; raises
    `NotPublished` (a `NoAnswers`) when no snapshot was published."""
    dataset = snapshot_dataset(scan)
    dataset = dataclasses.replace(dataset, responses=pseudonymise(dataset.responses, scan.k))
    return _write(dataset, scan, folder)


def write_identified_export(scan: Scan, folder: Path) -> list[Path]:
    """Write the live answers with respondent ids and organisations (raises `NoAnswers`).
    Only for `views.export_identified`, which writes the audit log first."""
    return _write(scan_dataset(scan), scan, folder)


def _zip(paths: list[Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            archive.write(path, arcname=path.name)
    return buffer.getvalue()


def export_zip(scan: Scan) -> bytes:
    """The pseudonymised files of `write_export` in a ZIP (raises like it)."""
    with tempfile.TemporaryDirectory(prefix="regiekompas-export-") as folder:
        return _zip(write_export(scan, Path(folder)))


def identified_export_zip(scan: Scan) -> bytes:
    """The identified files of `write_identified_export` in a ZIP (raises like it)."""
    with tempfile.TemporaryDirectory(prefix="regiekompas-export-") as folder:
        return _zip(write_identified_export(scan, Path(folder)))
