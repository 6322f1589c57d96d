"""`regiekompas documenten PATH…`: policy documents placed in the transitiemodel (§7).

`documenten` is a group: `regiekompas documenten PATH…` runs the placement (the hidden default
subcommand `plaats`), `regiekompas documenten evalueer LABELS.csv` runs the held-out evaluation.
Another subcommand is added by calling `register(command)` from its own module and importing
that module in `cli/main.py` (see `register`). A first argument that names no subcommand is
taken as a path, so a file literally called "evalueer" must be given as "./evalueer".

Bad files never stop the batch: every good file is placed and summarised, the bad ones are
listed with their reason, and the command then exits with status 2 (docs/documents.md).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from regiekompas.core.documents import analyse_paths, valid_gemeente_code
from regiekompas.core.documents.batch import Failure, default_workers
from regiekompas.core.documents.classify import method_names

EXIT_BAD_INPUT: Final = 2
#: Evidence sentences shown per pole in the terminal (the JSON has all of `bewijs`).
SHOWN_PER_POLE: Final = 2
SENTENCE_CHARS: Final = 160

TEXTS: Final[dict[str, tuple[str, str]]] = {
    "reading": ("Documenten lezen", "Reading documents"),
    "none_found": (
        "Geen documenten gevonden (PDF, DOCX, ODT, HTML of TXT) in: {paths}",
        "No documents found (PDF, DOCX, ODT, HTML or TXT) in: {paths}",
    ),
    "bad_gemeente": (
        "Ongeldige gemeentecode {code!r}: verwacht GM gevolgd door vier cijfers (GM0153).",
        "Invalid gemeente code {code!r}: expected GM followed by four digits (GM0153).",
    ),
    "bad_workers": ("--workers moet minstens 1 zijn.", "--workers must be at least 1."),
    "bad_method": (
        "Onbekende methode {name!r}; bekend: {known}.",
        "Unknown method {name!r}; known: {known}.",
    ),
    "failed_title": ("Niet verwerkt:", "Not processed:"),
    "failed_exit": (
        "{count} van de {total} bestanden zijn niet verwerkt (zie hierboven); de andere wel.",
        "{count} of {total} files were not processed (see above); the others were.",
    ),
    "written": ("Geschreven: {path}", "Written: {path}"),
    "cannot_write": (
        "Kan niet schrijven naar {path}: {reason}",
        "Cannot write to {path}: {reason}",
    ),
    "gemeenten": ("Gemeenten (alle documenten samen)", "Gemeenten (all documents together)"),
    "documenten": ("Documenten", "Documents"),
    "gemeente": ("Gemeente", "Gemeente"),
    "size": ("Omvang", "Size"),
    "doc_size": ("Gemeente, omvang", "Gemeente, size"),
    "bestand": ("Bestand", "File"),
    "kwadrant": ("Kwadrant", "Quadrant"),
    "te_weinig": ("te weinig signaal", "too little signal"),
    "grens": ("op de grens", "on the border"),
    "star": (
        "Omvang: bestanden · pagina's · zinnen. cc, dc: score met 95 %-interval;"
        " * = te weinig signaal op die as (docs/documents.md).",
        "Size: files · pages · sentences. cc, dc: score with 95 % interval;"
        " * = too little signal on that axis (docs/documents.md).",
    ),
    "evidence_for": ("Sterkste zinnen — {name}", "Strongest sentences — {name}"),
    "page": ("p.", "p."),
    "no_evidence": ("geen zinnen op deze as geplaatst", "no sentences placed on this axis"),
    "method": ("Methode: {name} ({version}).", "Method: {name} ({version})."),
    "no_gemeente": (
        "Geen gemeentecode gevonden voor {count} document(en): geef --gemeente of zet GMxxxx in"
        " de bestands- of mapnaam.",
        "No gemeente code found for {count} document(s): pass --gemeente or put GMxxxx in the"
        " file or folder name.",
    ),
}
POLE_LABELS: Final[dict[str, tuple[str, str]]] = {
    "cocreatie": ("cocreatie", "co-creation"),
    "controle": ("controle", "control"),
    "decentraal": ("decentraal", "decentralised"),
    "centraal": ("centraal", "centralised"),
}


def t(key: str, lang: str, **values: Any) -> str:
    nl, en = TEXTS[key]
    return (en if lang == "en" else nl).format(**values)


class _BadInput(click.ClickException):
    """A user error: printed without traceback, exit status 2 (as `cli.main.BadInput`)."""

    exit_code = EXIT_BAD_INPUT

    def show(self, file: Any = None) -> None:
        Console(stderr=True).print(self.format_message(), style="red", markup=False)


class DocumentsGroup(click.Group):
    """A group whose first argument, when it names no subcommand, is a path to place."""

    default_command: Final = "plaats"

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The placement's usage and options, then the other subcommands."""
        default = self.commands[self.default_command]
        with click.Context(default, info_name=ctx.info_name, parent=ctx.parent) as sub:
            default.format_help(sub, formatter)
        others = [
            (name, command.get_short_help_str())
            for name, command in self.commands.items()
            if name != self.default_command and not command.hidden
        ]
        if others:
            with formatter.section("Subcommando's / subcommands"):
                formatter.write_dl(others)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(cls=DocumentsGroup, name="documenten")
def documenten() -> None:
    """Plaats beleidsdocumenten in het transitiemodel: `documenten PAD…` (of een subcommando)."""


def register(command: click.Command) -> None:
    """Add a subcommand to `documenten` (e.g. `evalueer` from cli/documents_evaluate.py).

    The module defining the command calls this at import time; `cli/main.py` imports it.
    """
    documenten.add_command(command)


lang_option = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=lambda: os.environ.get("REGIEKOMPAS_LANG", "nl"),
    show_default="nl",
    help="Taal van de uitvoer / output language.",
)


@documenten.command(name="plaats", hidden=True)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--gemeente",
    help="CBS-code (GM0153) voor alle documenten; anders uit de bestands- of mapnaam.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf documenten en gemeenten als JSON (product.md §7).",
)
@click.option(
    "--workers",
    type=int,
    default=None,
    help="Aantal parallelle processen (standaard: aantal kernen, max. 8).",
)
@click.option("--methode", "method", default=None, help="Plaatsingsmethode (standaard: zie data).")
@click.option("--stil", "quiet", is_flag=True, help="Geen samenvatting in de terminal.")
@lang_option
def plaats(
    paths: Sequence[Path],
    gemeente: str | None,
    json_out: Path | None,
    workers: int | None,
    method: str | None,
    quiet: bool,
    lang: str,
) -> None:
    """Plaats de documenten in PATHS (bestanden of mappen) op de twee assen."""
    code = None
    if gemeente is not None:
        code = valid_gemeente_code(gemeente)
        if code is None:
            raise _BadInput(t("bad_gemeente", lang, code=gemeente))
    if workers is not None and workers < 1:
        raise _BadInput(t("bad_workers", lang))
    if method is not None and method not in method_names():
        raise _BadInput(t("bad_method", lang, name=method, known=", ".join(method_names())))
    with _progress(t("reading", lang)) as update:
        document, failures = analyse_paths(
            list(paths),
            gemeente=code,
            workers=workers or default_workers(),
            method=method,
            lang=lang,
            progress=update,
        )
    total = len(document["documenten"]) + len(failures)
    if total == 0:
        raise _BadInput(t("none_found", lang, paths=", ".join(str(p) for p in paths)))
    if json_out is not None:
        _write_json(json_out, document, lang)
    if not quiet:
        render(document, lang, Console())
    if failures:
        _show_failures(failures, lang)
        raise _BadInput(t("failed_exit", lang, count=len(failures), total=total))


@contextmanager
def _progress(description: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while files are read (only on a terminal)."""
    if not sys.stderr.isatty():
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _write_json(path: Path, document: dict[str, Any], lang: str) -> None:
    try:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as error:
        raise _BadInput(t("cannot_write", lang, path=path, reason=error.strerror)) from None
    Console(stderr=True).print(t("written", lang, path=path), markup=False)


def _show_failures(failures: Sequence[Failure], lang: str) -> None:
    console = Console(stderr=True)
    console.print(t("failed_title", lang), style="red")
    for failure in failures:
        console.print(f"  {failure.bestand}: {failure.text(lang)}", markup=False)


# --- the readable summary ------------------------------------------------------------------


def _position(row: dict[str, Any], axis: str) -> str:
    """ "+0.45 [+0.03, +0.83]"; a "*" marks an axis with too little signal."""
    value = row[axis]
    if value is None:
        return "—"
    low, high = row[f"{axis}_ci"]
    text = f"{value:+.2f}\n[{low:+.2f}, {high:+.2f}]".replace("-", "−")
    if row[f"{axis}_signaal"] != "voldoende":
        text += " *"
    return text


def _quadrant(row: dict[str, Any], lang: str) -> str:
    quadrant = str(row["kwadrant"])
    if quadrant in ("te_weinig", "grens"):
        return t(quadrant, lang)
    return quadrant


def render(document: dict[str, Any], lang: str, console: Console) -> None:
    """Tables per gemeente and per document, then the strongest evidence per pole."""
    meta = document["meta"]
    console.print(t("method", lang, name=meta["methode"], version=meta["methode_versie"]))
    gemeenten = document["gemeenten"]
    if gemeenten:
        table = Table(title=t("gemeenten", lang), title_justify="left")
        table.add_column(t("gemeente", lang), no_wrap=True)
        table.add_column(t("size", lang), no_wrap=True)
        table.add_column("cc", no_wrap=True)
        table.add_column("dc", no_wrap=True)
        table.add_column(t("kwadrant", lang))
        for row in gemeenten:
            table.add_row(
                row["gemeente_code"],
                f"{len(row['bestanden'])} · {row['paginas']} · {row['zinnen']}",
                _position(row, "cc"),
                _position(row, "dc"),
                _quadrant(row, lang),
            )
        console.print(table)
    documents = document["documenten"]
    if documents:
        table = Table(title=t("documenten", lang), title_justify="left")
        table.add_column(t("bestand", lang), overflow="fold")
        table.add_column(t("doc_size", lang), no_wrap=True)
        table.add_column("cc", no_wrap=True)
        table.add_column("dc", no_wrap=True)
        table.add_column(t("kwadrant", lang))
        for row in documents:
            table.add_row(
                escape(Path(row["bestand"]).name),
                f"{row['gemeente_code'] or '—'} · {row['paginas']} · {row['zinnen']}",
                _position(row, "cc"),
                _position(row, "dc"),
                _quadrant(row, lang),
            )
        console.print(table)
    if documents:
        console.print(t("star", lang), markup=False)
    # Evidence per gemeente; documents without a gemeente get their own.
    for row in gemeenten:
        _render_evidence(row["gemeente_code"], row["bewijs"], lang, console)
    loose = [row for row in documents if not row["gemeente_code"]]
    for row in loose:
        _render_evidence(Path(row["bestand"]).name, row["bewijs"], lang, console)
    if loose:
        console.print(t("no_gemeente", lang, count=len(loose)), style="yellow")


def _render_evidence(
    name: str, evidence: list[dict[str, Any]], lang: str, console: Console
) -> None:
    console.print()
    console.print(t("evidence_for", lang, name=name), style="bold", markup=False)
    for pole, (nl, en) in POLE_LABELS.items():
        rows = [e for e in evidence if e["pool"] == pole][:SHOWN_PER_POLE]
        label = en if lang == "en" else nl
        if not rows:
            continue
        console.print(f"  {label}:", style="bold", markup=False)
        for row in rows:
            sentence = row["zin"]
            if len(sentence) > SENTENCE_CHARS:
                sentence = sentence[: SENTENCE_CHARS - 1] + "…"
            where = f"{t('page', lang)} {row['pagina']}"
            if row.get("bestand"):
                where = f"{Path(row['bestand']).name}, {where}"
            console.print(f"    ({where}, {row['gewicht']:.2f}) {sentence}", markup=False)
