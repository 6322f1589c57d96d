"""Terminal view of the change between two scan rounds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.table import Table

from regiekompas.cli.messages import message
from regiekompas.cli.summary import number
from regiekompas.core.model import Model
from regiekompas.core.results.tables import table as results_table


def _headers(
    measure: str, fields: tuple[str, ...], deltas: tuple[str, ...], lang: str
) -> list[str]:
    """Column labels from the results registry, so the terminal names fields as the files do."""
    t = results_table(measure)
    return [t.field(name).label.get(lang) for name in fields] + [f"Δ {name}" for name in deltas]


def render_trend(changes: Mapping[str, Any], model: Model, lang: str, console: Console) -> None:
    table = Table(title=message("trend_title", lang), title_justify="left")
    for header in _headers(
        "cellen", ("gemeente_code", "transitie", "perspectief", "kwadrant"), ("cc", "dc"), lang
    ):
        table.add_column(header)
    for row in changes.get("cellen", []):
        table.add_row(
            row["gemeente_code"],
            model.transitie(row["transitie"]).name.get(lang)
            if row["transitie"] in model.transitie_codes
            else str(row["transitie"]),
            str(row["perspectief"]),
            f"{row['kwadrant_oud'] or '—'} → {row['kwadrant_nieuw'] or '—'}",
            number(row["delta_cc"], lang),
            number(row["delta_dc"], lang),
        )
    if not changes.get("cellen"):
        console.print(message("no_changes", lang))
        return
    console.print(table)
    conditions = Table()
    for header in _headers("condities", ("gemeente_code", "conditie", "score"), ("score",), lang):
        conditions.add_column(header)
    for row in changes.get("condities", []):
        if row["groep"] is not None:
            continue
        conditions.add_row(
            row["gemeente_code"],
            model.condition(row["conditie"]).name.get(lang),
            number(row["score_nieuw"], lang, 0),
            number(row["delta_score"], lang, 0),
        )
    console.print(conditions)
