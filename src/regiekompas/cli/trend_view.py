"""Terminal view of the change between two scan rounds (docs/method.md, "Trend").

The terminal shows the largest changes, those beyond noise (`zeker`) first, with gemeente
and transitie names; every row is in the JSON (`--json`). Numbers go through
`summary.number`, so a change that rounds to zero is printed without a sign.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from regiekompas.cli.messages import message
from regiekompas.cli.summary import number
from regiekompas.core.model import Model
from regiekompas.core.results.tables import table as results_table

#: Rows shown in the terminal; the JSON has them all.
TOP = 15

#: Figures shown in the terminal (the rest are in the JSON).
SHOWN = (
    "cellen.cc",
    "cellen.dc",
    "kloof.waarde",
    "doelen.afstand",
    "spraakverwarring.waarde",
    "spraakverwarring_rationaliteiten.waarde",
    "condities.score",
)


def _maat_label(maat: str, lang: str) -> str:
    """The field's label ("Cocreatie–controle", "Kloof"), or the table's for a score."""
    name, field = maat.split(".", 1)
    t = results_table(name)
    return t.label.get(lang) if field == "score" else t.field(field).label.get(lang)


def describe_key(maat: str, sleutel: str, model: Model, names: Mapping[str, str], lang: str) -> str:
    """`GM0153|jeugd|praktijk` as "Enschede, Jeugd, praktijk" (the code only without a name)."""
    parts = sleutel.split("|")
    fields = list(results_table(maat.split(".", 1)[0]).key)
    out = []
    for part in parts:
        if part in names:
            out.append(names[part])
        elif part in model.transitie_codes:
            out.append(model.transitie(part).name.get(lang))
        elif "conditie" in fields and part in {c.code for c in model.conditions}:
            out.append(model.condition(part).name.get(lang))
        else:
            out.append(part)
    return ", ".join(out)


def _ranked(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    shown = [r for r in rows if r["maat"] in SHOWN and r["verschil"] is not None]
    return sorted(shown, key=lambda r: (not r["zeker"], -abs(r["verschil"])))


def render_trend(
    rows: Sequence[Mapping[str, Any]],
    model: Model,
    names: Mapping[str, str],
    lang: str,
    console: Console,
) -> None:
    ranked = _ranked(rows)
    if not ranked:
        console.print(message("no_changes", lang))
        return
    sure = sum(1 for r in rows if r["zeker"])
    with_ci = sum(1 for r in rows if r["zeker"] is not None)
    table = Table(
        title=message("trend_title", lang),
        title_justify="left",
        caption=message(
            "trend_caption", lang, sure=sure, total=with_ci, shown=min(TOP, len(ranked))
        ),
        caption_justify="left",
    )
    for header in message("trend_headers", lang).split("|"):
        table.add_column(header)
    for row in ranked[:TOP]:
        digits = 0 if row["maat"] == "condities.score" else 2
        ci = row["ci"]
        table.add_row(
            _maat_label(row["maat"], lang),
            describe_key(row["maat"], row["sleutel"], model, names, lang),
            number(row["oud"], lang, digits),
            number(row["nieuw"], lang, digits),
            number(row["verschil"], lang, digits),
            "—"
            if ci is None
            else f"[{number(ci[0], lang, digits)}; {number(ci[1], lang, digits)}]",
            {True: message("trend_sure", lang), False: "", None: "—"}[row["zeker"]],
        )
    console.print(table)
