"""`regiekompas documenten evalueer LABELS.csv [--json OUT]` (product.md §7).

Reads a labelled file (``id, tekst, cc, dc``), classifies every text as a whole with a
placement method (never training on the file), and prints precision, recall and F1 per
label with 95 % bootstrap intervals over the texts. The figures come from
`regiekompas.core.documents.evaluate`; how the development set was labelled is in
docs/codebook.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
from rich.box import SIMPLE_HEAD
from rich.console import Console
from rich.table import Table

from regiekompas.cli.documents import register
from regiekompas.core.documents.classify import load_method_settings, method_names
from regiekompas.core.documents.evaluate import (
    AXES,
    Evaluation,
    LabelsError,
    evaluate,
    passage_classifier,
    read_labels,
)

__all__ = ["evalueer"]

EXIT_BAD_INPUT = 2

TEXTS: dict[str, tuple[str, str]] = {
    "title": (
        "Evaluatie van {n} teksten (methode: {method})",
        "Evaluation of {n} texts (method: {method})",
    ),
    "axis": ("as {axis} ({n} gelabelde teksten)", "axis {axis} ({n} labelled texts)"),
    "label": ("label", "label"),
    "n": ("n", "n"),
    "geen_ok": (
        "'geen' terecht niet geplaatst: {pct:.0f} % (95 %-BI {lo:.0f}–{hi:.0f} %)",
        "'geen' correctly not placed: {pct:.0f} % (95 % CI {lo:.0f}–{hi:.0f} %)",
    ),
    "written": ("Geschreven: {path}", "Written: {path}"),
    "cannot_write": (
        "Kan niet schrijven naar {path}: {reason}",
        "Cannot write to {path}: {reason}",
    ),
    "unknown_method": (
        "Onbekende methode '{method}' (beschikbaar: {available}).",
        "Unknown method '{method}' (available: {available}).",
    ),
}


def _t(key: str, lang: str, **kwargs: object) -> str:
    nl, en = TEXTS[key]
    return (en if lang == "en" else nl).format(**kwargs)


class _BadInput(click.ClickException):
    exit_code = EXIT_BAD_INPUT

    def show(self, file: object = None) -> None:
        Console(stderr=True).print(self.format_message(), style="red", markup=False)


def _fmt(value: float) -> str:
    return "–" if value != value else f"{value:.2f}"


def _ci(ci: tuple[float, float]) -> str:
    return f"{_fmt(ci[0])}–{_fmt(ci[1])}"


def render(result: Evaluation, method: str, lang: str, console: Console) -> None:
    total = len(result.voorspellingen)
    console.print(_t("title", lang, n=total, method=method), style="bold")
    for axis, labels in AXES.items():
        table = Table(title=_t("axis", lang, axis=axis, n=result.n.get(axis, 0)), box=SIMPLE_HEAD)
        table.add_column(_t("label", lang), no_wrap=True)
        for header in ("precision (95 %)", "recall (95 %)", "F1 (95 %)"):
            table.add_column(header, no_wrap=True)
        table.add_column(_t("n", lang), justify="right")
        for label in labels:
            s = result.labels[axis][label]
            table.add_row(
                label,
                f"{_fmt(s.precision)} ({_ci(s.precision_ci)})",
                f"{_fmt(s.recall)} ({_ci(s.recall_ci)})",
                f"{_fmt(s.f1)} ({_ci(s.f1_ci)})",
                str(s.n_gold),
            )
        console.print(table)
        geen = result.labels[axis]["geen"]
        if geen.n_gold:
            console.print(
                _t(
                    "geen_ok",
                    lang,
                    pct=100 * geen.recall,
                    lo=100 * geen.recall_ci[0],
                    hi=100 * geen.recall_ci[1],
                )
            )


@click.command("evalueer")
@click.argument("labels", type=click.Path(path_type=Path))
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Schrijf JSON naar OUT.")
@click.option(
    "--methode",
    default=None,
    help="Plaatsingsmethode (standaard: de ingestelde methode).",
)
@click.option("--bootstrap", default=1000, show_default=True, help="Aantal bootstraptrekkingen.")
@click.option("--seed", default=0, show_default=True, help="Startwaarde van de bootstrap.")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=lambda: os.environ.get("REGIEKOMPAS_LANG", "nl"),
    show_default="nl",
    help="Taal van de uitvoer / output language.",
)
def evalueer(
    labels: Path,
    json_out: Path | None,
    methode: str | None,
    bootstrap: int,
    seed: int,
    lang: str,
) -> None:
    """Evalueer een plaatsingsmethode op een gelabeld bestand (id, tekst, cc, dc)."""
    if bootstrap < 1:
        raise _BadInput("--bootstrap ≥ 1")
    name = methode or load_method_settings().default
    if name not in method_names():
        available = ", ".join(method_names())
        raise _BadInput(_t("unknown_method", lang, method=name, available=available))
    classifier = passage_classifier(name)
    try:
        texts = read_labels(labels)
    except LabelsError as exc:
        raise _BadInput(exc.text(lang)) from None
    result = evaluate(texts, classifier, replicates=bootstrap, seed=seed)
    render(result, name, lang, Console())
    if json_out is not None:
        try:
            json_out.write_text(
                json.dumps(result.as_json(), ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8",
            )
        except OSError as exc:
            raise _BadInput(_t("cannot_write", lang, path=json_out, reason=exc.strerror)) from None
        click.echo(_t("written", lang, path=json_out))


register(evalueer)
