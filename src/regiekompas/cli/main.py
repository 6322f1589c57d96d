"""`regiekompas`: simulate, analyse and demo from the command line.

Bad input ends with a clear message and exit status 2; nothing here ever shows a traceback
to a user (set REGIEKOMPAS_DEBUG=1 to see one when reporting a bug).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from regiekompas import __version__
from regiekompas.cli.messages import message
from regiekompas.cli.summary import render
from regiekompas.core.analysis import Settings, round_document
from regiekompas.core.dataset import Dataset
from regiekompas.core.doelen import Doel, DoelenError, doelen_rows, read_doelen
from regiekompas.core.export import write_csv_folder, write_json, write_xlsx
from regiekompas.core.io import ImportFailed, read_dataset
from regiekompas.core.measures.trend import Replicates, trend_rows
from regiekompas.core.model import load_model
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.core.simulate import SimulationParams, simulate_region, write_region

EXIT_BAD_INPUT = 2
#: Warnings change nothing, so a long list of them is cut short (errors are always all shown).
MAX_WARNINGS_SHOWN = 10

lang_option = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=lambda: os.environ.get("REGIEKOMPAS_LANG", "nl"),
    show_default="nl",
    help="Taal van de uitvoer / output language.",
)


details_option = click.option(
    "--details",
    is_flag=True,
    help="Toon ook elke gemeente en regio afzonderlijk, met al haar adviezen.",
)


doelen_option = click.option(
    "--doelen",
    "doelen_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Doelposities (CSV/XLSX: gemeente_code, transitie, cc, dc of kwadrant, toelichting).",
)


class BadInput(click.ClickException):
    """A user error: printed without traceback, exit status 2."""

    exit_code = EXIT_BAD_INPUT

    def show(self, file: Any = None) -> None:
        Console(stderr=True).print(self.format_message(), style="red", markup=False)


@contextmanager
def progress_bar(description: str, enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while long work runs (only on a terminal)."""
    if not enabled:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@contextmanager
def status(text: str) -> Iterator[None]:
    """A spinner on stderr for work without countable steps (only on a terminal)."""
    if not _interactive():
        yield
        return
    with Console(stderr=True).status(text):
        yield


def _interactive() -> bool:
    return sys.stderr.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="regiekompas")
def cli() -> None:
    """Regiekompas: regie in het sociaal domein met het transitiemodel."""


@cli.command()
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--gemeenten", default=14, show_default=True, help="Aantal gemeenten (1–342).")
@click.option("--respondenten", default=40, show_default=True, help="Respondenten per gemeente.")
@click.option("--seed", default=2026, show_default=True, help="Startwaarde van het toeval.")
@click.option(
    "--transities",
    default="jeugd,wmo,participatie,eerste_lijn",
    show_default=True,
    help="Gesimuleerde transities, met komma's gescheiden.",
)
@click.option("--ruis", default=0.25, show_default=True, help="Ruis per vraag (sd, schaal −1…1).")
@click.option(
    "--bias", default=1.0, show_default=True, help="Sterkte van de groepsverschillen (0 = geen)."
)
@click.option("--xlsx", is_flag=True, help="Eén werkmap regio.xlsx in plaats van CSV-bestanden.")
@lang_option
def simulate(
    outdir: Path,
    gemeenten: int,
    respondenten: int,
    seed: int,
    transities: str,
    ruis: float,
    bias: float,
    xlsx: bool,
    lang: str,
) -> None:
    """Simuleer een regio en schrijf de importbestanden naar OUTDIR."""
    try:
        params = SimulationParams(
            gemeenten=gemeenten,
            respondenten=respondenten,
            seed=seed,
            transities=tuple(t.strip() for t in transities.split(",") if t.strip()),
            noise=ruis,
            bias=bias,
        )
    except ValueError as error:
        raise BadInput(message("bad_value", lang, reason=error)) from None
    try:
        with status(message("simulating", lang)):
            region = simulate_region(params)
            paths = write_region(region, outdir, xlsx=xlsx)
    except OSError as error:
        raise BadInput(message("cannot_write", lang, path=outdir, reason=error.strerror)) from None
    count = len(region.dataset.responses.respondent_ids)
    click.echo(message("simulated", lang, gemeenten=gemeenten, respondenten=count, dir=outdir))
    for path in paths:
        click.echo(f"  {path}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf de resultaten als JSON (docs/method.md).",
)
@click.option(
    "--xlsx",
    "xlsx_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf een Excel-werkmap met één blad per maat.",
)
@click.option(
    "--csv",
    "csv_out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Schrijf één CSV-bestand per maat in deze map.",
)
@click.option("--k", default=5, show_default=True, help="Minimale groepsgrootte (≥ 3).")
@click.option("--bootstrap", default=1000, show_default=True, help="Aantal bootstraptrekkingen.")
@click.option("--seed", default=0, show_default=True, help="Startwaarde van de bootstrap.")
@click.option("--stil", "quiet", is_flag=True, help="Geen samenvatting in de terminal.")
@doelen_option
@details_option
@lang_option
def analyse(
    paths: Sequence[Path],
    json_out: Path | None,
    xlsx_out: Path | None,
    csv_out: Path | None,
    k: int,
    bootstrap: int,
    seed: int,
    quiet: bool,
    doelen_file: Path | None,
    details: bool,
    lang: str,
) -> None:
    """Analyseer de antwoorden (en regiobestanden) in PATHS: bestanden of mappen."""
    settings = _settings(k, bootstrap, seed, lang)
    doelen = _read_doelen(doelen_file, lang)
    try:
        with status(message("reading", lang)):
            dataset, warnings = read_dataset(list(paths), lang=lang)
    except ImportFailed as failed:
        raise BadInput(failed.report.text(lang) + "\n" + message("import_failed", lang)) from None
    console = Console(stderr=True)
    if warnings:
        console.print(message("warnings", lang), style="yellow")
        for warning in warnings[:MAX_WARNINGS_SHOWN]:
            console.print(f"  {warning.text(lang)}", markup=False)
        if len(warnings) > MAX_WARNINGS_SHOWN:
            more = len(warnings) - MAX_WARNINGS_SHOWN
            console.print(f"  {message('more_warnings', lang, count=more)}", markup=False)
    reps: Replicates = {}
    with progress_bar(message("bootstrap", lang), _interactive()) as update:
        document, advice = analyse_with_advice(
            dataset,
            settings=settings,
            lang=lang,
            targets=_targets(doelen),
            progress=update,
            replicates=reps,
        )
    if doelen is not None:
        document["doelen"] = doelen_rows(document, doelen, reps)
    _write_outputs(document, json_out, xlsx_out, csv_out, lang, dataset.naam_of())
    if not quiet:
        render(document, advice, load_model(), dataset.naam_of(), lang, Console(), details=details)


@cli.command()
@click.option("--port", default=8000, show_default=True, help="Poort van de webapplicatie.")
@click.option(
    "--terminal",
    is_flag=True,
    help="Geen webapplicatie: simuleer Twente en toon de analyse in de terminal.",
)
@click.option("--bootstrap", default=1000, show_default=True, help="Aantal bootstraptrekkingen.")
@click.option(
    "--seed", default=2026, show_default=True, help="Startwaarde van simulatie en bootstrap."
)
@details_option
@lang_option
def demo(port: int, terminal: bool, bootstrap: int, seed: int, details: bool, lang: str) -> None:
    """Start de webapplicatie met de demoregio Twente (of toon de analyse met --terminal)."""
    if not terminal:
        from regiekompas.cli.web_commands import run_web_demo

        run_web_demo(port=port, seed=seed, lang=lang)
        return
    settings = _settings(5, bootstrap, seed, lang)
    click.echo(message("demo_intro", lang))
    region = simulate_region(SimulationParams(gemeenten=14, seed=seed))
    with progress_bar(message("bootstrap", lang), _interactive()) as update:
        document, advice = analyse_with_advice(
            region.dataset, settings=settings, lang=lang, progress=update
        )
    render(
        document, advice, load_model(), region.dataset.naam_of(), lang, Console(), details=details
    )


def _read_doelen(path: Path | None, lang: str) -> list[Doel] | None:
    if path is None:
        return None
    try:
        return read_doelen(path, load_model().transitie_codes)
    except DoelenError as error:
        raise BadInput(error.text(lang)) from None


def _targets(doelen: Sequence[Doel] | None) -> dict[tuple[str, str], str] | None:
    return None if doelen is None else {(d.gemeente_code, d.transitie): d.kwadrant for d in doelen}


@cli.command(
    name="trend",
    context_settings={"ignore_unknown_options": True, "allow_interspersed_args": True},
)
@click.argument("rest", nargs=-1, type=click.UNPROCESSED)
@doelen_option
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf alle veranderingen als JSON (`trend`-rijen, docs/method.md).",
)
@click.option("--k", default=5, show_default=True, help="Minimale groepsgrootte (≥ 3).")
@click.option("--bootstrap", default=1000, show_default=True, help="Aantal bootstraptrekkingen.")
@click.option("--seed", default=0, show_default=True, help="Startwaarde van de bootstrap.")
@lang_option
def trend_command(
    rest: Sequence[str],
    doelen_file: Path | None,
    json_out: Path | None,
    k: int,
    bootstrap: int,
    seed: int,
    lang: str,
) -> None:
    """Vergelijk twee rondes: --oud PAD… --nieuw PAD… (importbestanden of mappen, zoals
    `analyse`), of twee JSON-analyses (OUD NIEUW, zonder intervallen)."""
    rounds = _split_rounds(rest, lang)
    doelen = _read_doelen(doelen_file, lang)
    names: dict[str, str] = {}
    replicates: list[Replicates | None] = [None, None]
    if isinstance(rounds, tuple):
        settings = _settings(k, bootstrap, seed, lang)
        documents = []
        for index, paths in enumerate(rounds):
            dataset = _read_round(paths, lang)
            names.update(dataset.naam_of())
            reps: Replicates = {}
            # The rounds are independent samples: the new round draws from its own streams.
            round_settings = Settings(k=settings.k, bootstrap=settings.bootstrap, seed=seed + index)
            with progress_bar(message("bootstrap", lang), _interactive()) as update:
                document, _ = analyse_with_advice(
                    dataset,
                    settings=round_settings,
                    lang=lang,
                    targets=_targets(doelen),
                    progress=update,
                    replicates=reps,
                )
            if doelen is not None:
                document["doelen"] = doelen_rows(document, doelen, reps, reps)
            documents.append(document)
            replicates[index] = reps
    else:
        documents = [_read_document(path, lang) for path in rounds]
        if doelen is not None:
            for document in documents:
                document["doelen"] = doelen_rows(document, doelen)
    rows = trend_rows(documents[0], documents[1], replicates[0], replicates[1])
    if json_out is not None:
        out: dict[str, Any] = {"trend": rows}
        if doelen is not None:
            out["doelen"] = documents[1].get("doelen", [])
        _write(
            json_out,
            lang,
            lambda: json_out.write_text(
                json.dumps(round_document(out), ensure_ascii=False, indent=1), encoding="utf-8"
            ),
        )
    from regiekompas.cli.trend_view import render_trend

    render_trend(rows, load_model(), names, lang, Console())


def _split_rounds(rest: Sequence[str], lang: str) -> tuple[list[Path], list[Path]] | list[Path]:
    """`--oud A B --nieuw C D` as the two rounds' paths, or two JSON documents (the old form)."""
    plain: list[Path] = []
    rounds: dict[str, list[Path]] = {"--oud": [], "--nieuw": []}
    current: list[Path] | None = None
    for arg in rest:
        flag, _, value = arg.partition("=")
        if flag in rounds:
            current = rounds[flag]
            if value:
                current.append(Path(value))
        elif arg.startswith("--"):
            raise BadInput(
                message("bad_value", lang, reason=f"{arg}: " + message("trend_usage", lang))
            )
        else:
            (plain if current is None else current).append(Path(arg))
    if rounds["--oud"] or rounds["--nieuw"]:
        if plain or not rounds["--oud"] or not rounds["--nieuw"]:
            raise BadInput(message("trend_usage", lang))
        return rounds["--oud"], rounds["--nieuw"]
    if len(plain) != 2:
        raise BadInput(message("trend_usage", lang))
    return plain


def _read_round(paths: Sequence[Path], lang: str) -> Dataset:
    try:
        with status(message("reading", lang)):
            dataset, _ = read_dataset(list(paths), lang=lang)
    except ImportFailed as failed:
        raise BadInput(failed.report.text(lang) + "\n" + message("import_failed", lang)) from None
    return dataset


def _read_document(path: Path, lang: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadInput(message("bad_value", lang, reason=f"{path.name}: {error}")) from None
    if not isinstance(data, dict) or "cellen" not in data:
        raise BadInput(message("bad_value", lang, reason=f"{path.name}: geen Regiekompas-analyse"))
    return data


def _settings(k: int, bootstrap: int, seed: int, lang: str) -> Settings:
    if k < 3:
        raise BadInput(
            message(
                "bad_value",
                lang,
                reason="--k moet minstens 3 zijn" if lang != "en" else "--k must be at least 3",
            )
        )
    if bootstrap < 1:
        raise BadInput(message("bad_value", lang, reason="--bootstrap ≥ 1"))
    return Settings(k=k, bootstrap=bootstrap, seed=seed)


def _write(path: Path, lang: str, write: Callable[[], object]) -> None:
    try:
        write()
    except OSError as error:
        raise BadInput(message("cannot_write", lang, path=path, reason=error.strerror)) from None
    Console(stderr=True).print(message("written", lang, path=path), markup=False)


def _write_outputs(
    document: dict[str, Any],
    json_out: Path | None,
    xlsx_out: Path | None,
    csv_out: Path | None,
    lang: str,
    gemeenten: dict[str, str] | None = None,
) -> None:
    if json_out is not None:
        _write(json_out, lang, lambda: write_json(json_out, document))
    if xlsx_out is not None:
        _write(
            xlsx_out, lang, lambda: write_xlsx(xlsx_out, document, gemeenten=gemeenten, lang=lang)
        )
    if csv_out is not None:
        _write(
            csv_out,
            lang,
            lambda: write_csv_folder(csv_out, document, gemeenten=gemeenten, lang=lang),
        )


from regiekompas.cli.documents import documenten  # noqa: E402
from regiekompas.cli.documents_evaluate import evalueer  # noqa: E402, F401 (registers itself)
from regiekompas.cli.report import rapport  # noqa: E402
from regiekompas.cli.web_commands import manage, serve, worker  # noqa: E402

cli.add_command(serve)
cli.add_command(worker)
cli.add_command(manage)
cli.add_command(documenten)
cli.add_command(rapport)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: runs the command and turns any failure into a message, not a traceback."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="regiekompas",
            standalone_mode=False,
        )
    except click.exceptions.Abort:
        return 130
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except Exception as error:
        if os.environ.get("REGIEKOMPAS_DEBUG"):
            raise
        lang = os.environ.get("REGIEKOMPAS_LANG", "nl")
        Console(stderr=True).print(message("internal_error", lang, reason=error), markup=False)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
