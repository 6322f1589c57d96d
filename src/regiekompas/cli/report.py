"""`regiekompas rapport`: the PDF report of a gemeente or a region from import files.

Reads the same files as `regiekompas analyse`, computes the same results document, and
renders it with the web app's report templates (`web/reports/build.py`) — without a
database: Django is configured for templates and translations only
(`web/reports/standalone.py`). See docs/reports.md.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console

from regiekompas.cli.main import BadInput, _read_round, _settings, status
from regiekompas.cli.messages import message


@click.command("rapport")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--gemeente", help="Rapport over deze gemeente (code, bijv. GM0153).")
@click.option("--regio", is_flag=True, help="Rapport over de hele regio, met elke gemeente.")
@click.option(
    "--pdf",
    "pdf_out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf het rapport naar dit PDF-bestand.",
)
@click.option("--naam", help="Naam van de scan op het voorblad (standaard: de eerste PATH).")
@click.option("--k", default=5, show_default=True, help="Minimale groepsgrootte (≥ 3).")
@click.option("--bootstrap", default=1000, show_default=True, help="Aantal bootstraptrekkingen.")
@click.option("--seed", default=0, show_default=True, help="Startwaarde van de bootstrap.")
@click.option(
    "--taal",
    "--lang",
    "lang",
    type=click.Choice(["nl", "en"]),
    default=lambda: os.environ.get("REGIEKOMPAS_LANG", "nl"),
    show_default="nl",
    help="Taal van het rapport / language of the report.",
)
def rapport(
    paths: Sequence[Path],
    gemeente: str | None,
    regio: bool,
    pdf_out: Path,
    naam: str | None,
    k: int,
    bootstrap: int,
    seed: int,
    lang: str,
) -> None:
    """Maak het PDF-rapport van een gemeente (--gemeente) of de regio (--regio) uit PATHS."""
    if bool(gemeente) == regio:
        raise BadInput(message("report_choose", lang))
    run = _settings(k, bootstrap, seed, lang)
    dataset = _read_round(paths, lang)

    from regiekompas.web.reports.standalone import configure

    configure()
    from regiekompas.core.instrument import load_instrument
    from regiekompas.core.model import load_model
    from regiekompas.web.reports.build import (
        ReportInput,
        gemeente_report_html,
        region_report_html,
        render_pdf,
    )
    from regiekompas.web.results.overview import scan_transities
    from regiekompas.web.results.service import dataset_results

    names = dataset.naam_of()
    if gemeente is not None and gemeente not in names:
        known = ", ".join(sorted(names))
        raise BadInput(message("report_unknown_gemeente", lang, gemeente=gemeente, known=known))
    with status(message("bootstrap", lang)):
        results = dataset_results(dataset, run, lang)
    regions = {r for r in dataset.regio_of().values() if r}
    region_name = regions.pop() if len(regions) == 1 else message("report_region", lang)
    inp = ReportInput(
        results=results,
        scan_name=naam or (paths[0].stem or str(paths[0])),
        region_name=region_name,
        gemeenten=sorted(names.items(), key=lambda item: (item[1].casefold(), item[0])),
        transities=scan_transities(list(dataset.responses.transities), load_model()),
        instrument=load_instrument(),
        k=run.k,
        facilitator=True,
        source=message("report_source", lang, files=", ".join(p.name for p in paths)),
    )
    with status(message("report_rendering", lang)):
        document = (
            gemeente_report_html(inp, gemeente, lang) if gemeente else region_report_html(inp, lang)
        )
        pdf = render_pdf(document)
    try:
        pdf_out.write_bytes(pdf)
    except OSError as error:
        raise BadInput(message("cannot_write", lang, path=pdf_out, reason=error.strerror)) from None
    Console(stderr=True).print(message("written", lang, path=pdf_out), markup=False)
