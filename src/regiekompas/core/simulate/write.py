"""Writing a simulated region as import files, all or nothing.

A demo or a benchmark that reads a half-written set would silently analyse a different
region, so the files are first written next to their destination under temporary names and
only then moved into place with `os.replace` (atomic per file on one file system). If
anything fails while writing, the temporary files are removed and no destination file has
been touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from regiekompas.core.io import write_table, write_workbook
from regiekompas.core.simulate.region import SimulatedRegion

#: Name of the workbook written with `xlsx=True`.
WORKBOOK = "regio.xlsx"


def write_region(region: SimulatedRegion, outdir: Path, *, xlsx: bool = False) -> list[Path]:
    """Write `antwoorden.csv`, `gemeenten.csv`, `organisaties.csv`, `contracten.csv` and
    `mechanismen.csv` into `outdir` (created if needed), or with `xlsx=True` one
    `regio.xlsx` with a sheet per table. Returns the written paths.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    tables = region.iter_tables()
    staging = Path(tempfile.mkdtemp(prefix=".regiekompas-", dir=outdir))
    try:
        if xlsx:
            names = [WORKBOOK]
            write_workbook(staging / WORKBOOK, tables)
        else:
            names = [f"{name}.csv" for name in tables]
            for name, (header, rows) in tables.items():
                write_table(staging / f"{name}.csv", header, rows)
        targets = [outdir / name for name in names]
        for name, target in zip(names, targets, strict=True):
            os.replace(staging / name, target)
        return targets
    finally:
        shutil.rmtree(staging, ignore_errors=True)
