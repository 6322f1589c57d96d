"""A results page and `regiekompas analyse` on an export of the same answers agree.

The answers of the scan are written as import files with core's writers, the command line
analyses them with the settings the page uses, and the page's document must equal the JSON
figure for figure (both rounded to 4 decimals, as product.md §10 publishes them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.cache import cache

from regiekompas.cli.main import cli
from regiekompas.core.dataset import Dataset
from regiekompas.core.io import LONG_HEADER, dataset_to_long_rows, write_table
from regiekompas.core.io.headers import REGION_KINDS
from regiekompas.core.simulate import SimulationParams, simulate_region
from regiekompas.web.regions.loading import store_region_tables
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.results.service import results_settings, scan_results
from regiekompas.web.scans.models import Scan

#: The measures compared; `advies` is compared separately (it is text in one language).
MEASURES = (
    "cellen",
    "groepen",
    "kloof",
    "spraakverwarring",
    "regio",
    "condities",
    "spaghetti",
    "versnippering",
    "aanbieders",
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _header(kind: str) -> tuple[str, ...]:
    required, optional = REGION_KINDS[kind]
    return (*required, *optional)


def _write_files(dataset: Dataset, transities: list[str], folder: Path) -> list[Path]:
    tables: dict[str, tuple[tuple[str, ...], Any]] = {
        "antwoorden": (LONG_HEADER, dataset_to_long_rows(dataset))
    }
    if dataset.gemeenten is not None:
        tables["gemeenten"] = (
            _header("gemeenten"),
            [(g.code, g.naam, g.regio) for g in dataset.gemeenten],
        )
    if dataset.contracten is not None:
        tables["contracten"] = (
            _header("contracten"),
            [(c.organisatie, c.gemeente_code, c.transitie) for c in dataset.contracten],
        )
    if dataset.mechanismen is not None:
        tables["mechanismen"] = (
            _header("mechanismen"),
            [
                (m.gemeente_code, m.naam, m.type, ";".join(m.transities or transities), m.cc, m.dc)
                for m in dataset.mechanismen
            ],
        )
    paths = []
    for name, (header, rows) in tables.items():
        path = folder / f"{name}.csv"
        write_table(path, header, rows)
        paths.append(path)
    return paths


def test_the_page_shows_what_the_command_line_computes_on_an_export(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    # The command line reads answers with instrument v1 (an export does not name its
    # version); v2 has the same items, codes and keying, so only `meta.instrument` differs.
    scan = simulated_scan(gemeenten=3, respondenten=16, seed=5, instrument_version="1")
    sim = simulate_region(SimulationParams(gemeenten=3, respondenten=16, seed=5))
    store_region_tables(scan.region, sim.dataset)
    run = results_settings(scan)
    paths = _write_files(scan_dataset(scan), list(scan.transities), tmp_path)
    out = tmp_path / "uit.json"

    result = CliRunner().invoke(
        cli,
        [
            "analyse",
            *map(str, paths),
            "--json",
            str(out),
            "--k",
            str(run.k),
            "--bootstrap",
            str(run.bootstrap),
            "--seed",
            str(run.seed),
            "--stil",
        ],
    )
    assert result.exit_code == 0, result.output
    expected = json.loads(out.read_text(encoding="utf-8"))
    page = scan_results(scan, "nl").document

    assert expected["cellen"], "the comparison needs cells"
    assert expected["groepen"]
    assert expected["spaghetti"]
    assert expected["versnippering"]
    for measure in MEASURES:
        assert page[measure] == expected[measure], measure
    assert page["advies"] == expected["advies"]
    assert page["meta"] == expected["meta"]
