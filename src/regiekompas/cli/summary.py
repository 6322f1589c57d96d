"""A readable terminal summary of a results document (rich tables).

It shows only what the document holds, so k-anonymity decided upstream also holds here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from regiekompas.core.advice import Advice
from regiekompas.core.model import Model

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Regiekompas — analyse", "Regiekompas — analysis"),
    "meta": (
        "k = {k} · bootstrap B = {bootstrap} · seed {seed} · instrument v{instrument}",
        "k = {k} · bootstrap B = {bootstrap} · seed {seed} · instrument v{instrument}",
    ),
    "transitie": ("Transitie", "Transition"),
    "ambitie": ("Ambitie (bedoeld)", "Ambition (intended)"),
    "praktijk": ("Praktijk (nu)", "Practice (now)"),
    "kloof": ("Kloof", "Gap"),
    "spraak": ("Spraakverw. (praktijk)", "Confusion (practice)"),
    "worst": (
        "Grootste spraakverwarring: {transitie} {value}, tussen {a} en {b}",
        "Largest confusion of tongues: {transitie} {value}, between {a} and {b}",
    ),
    "weakest": ("Laagste conditiescore", "Lowest condition score"),
    "advice": ("Advies", "Advice"),
    "region": ("Regio {regio}", "Region {regio}"),
    "all": ("alle gemeenten", "all gemeenten"),
    "versnippering": ("Versnippering voor aanbieders", "Fragmentation for providers"),
    "gewogen": ("regimes per aanbieder (gewogen)", "regimes per provider (weighted)"),
    "aandeel": ("aandeel ≥ 3 regimes", "share facing ≥ 3"),
    "spreiding": ("spreiding", "dispersion"),
    "alpha": (
        "Zien de groepen hetzelfde landschap? Krippendorffs α = {alpha}",
        "Do the groups see the same landscape? Krippendorff's α = {alpha}",
    ),
    "helder": ("helder", "clear"),
    "unclear": ("niet helder", "not clear"),
    "none": ("—", "—"),
}


def label(key: str, lang: str, **values: Any) -> str:
    nl, en = LABELS[key]
    return (en if lang == "en" else nl).format(**values)


def number(value: float | None, lang: str, digits: int = 2) -> str:
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang != "en" else text


def _position(cell: Mapping[str, Any] | None, model: Model, lang: str) -> Text:
    if cell is None:
        return Text("—")
    name = cell["kwadrant"]
    if name in {q.code for q in model.quadrants}:
        name = model.quadrant(name).name.get(lang)
    clear = label("helder" if cell["helder"] else "unclear", lang)
    text = Text(name, style="bold")
    text.append(f"\n{number(cell['cc'], lang)}; {number(cell['dc'], lang)}\n")
    text.append(f"n={cell['n']}, {clear}", style="dim")
    return text


def _distinct_rules(items: Sequence[Advice], limit: int) -> list[Advice]:
    """The most urgent advice, one per rule, so the summary does not repeat itself."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.regel not in seen:
            seen.add(item.regel)
            out.append(item)
    return out[:limit]


def render(
    document: Mapping[str, Any],
    advice_list: Sequence[Advice],
    model: Model,
    names: Mapping[str, str],
    lang: str,
    console: Console,
) -> None:
    """The summary of a document; advice comes as objects because they carry their region."""
    meta = document.get("meta", {})
    console.print(Panel(label("meta", lang, **meta), title=label("title", lang)))
    cells = {
        (c["gemeente_code"], c["transitie"], c["perspectief"]): c
        for c in document.get("cellen", [])
    }
    gaps = {(g["gemeente_code"], g["transitie"]): g for g in document.get("kloof", [])}
    confusion = {
        (s["gemeente_code"], s["transitie"], s["perspectief"]): s
        for s in document.get("spraakverwarring", [])
    }
    weakest: dict[str, tuple[str, float]] = {}
    for row in document.get("condities", []):
        if row["groep"] is None and row["score"] is not None:
            best = weakest.get(row["gemeente_code"])
            if best is None or row["score"] < best[1]:
                weakest[row["gemeente_code"]] = (row["conditie"], row["score"])
    advice: dict[str | None, list[Advice]] = defaultdict(list)
    regional: dict[str | None, list[Advice]] = defaultdict(list)
    for item in sorted(advice_list, key=lambda a: a.prioriteit):
        if item.gemeente_code is None:
            regional[item.regio].append(item)
        else:
            advice[item.gemeente_code].append(item)

    gemeenten = sorted({key[0] for key in cells}, key=lambda code: names.get(code, code))
    for code in gemeenten:
        table = Table(title=f"{names.get(code, code)} ({code})", title_justify="left", expand=True)
        worst: tuple[str, Mapping[str, Any]] | None = None
        for column in ("transitie", "ambitie", "praktijk", "kloof", "spraak"):
            table.add_column(label(column, lang))
        for t in model.transities:
            amb, prak = cells.get((code, t.code, "ambitie")), cells.get((code, t.code, "praktijk"))
            if amb is None and prak is None:
                continue
            gap = gaps.get((code, t.code))
            gap_text = "—" if gap is None else f"{number(gap['waarde'], lang)}"
            conf = confusion.get((code, t.code, "praktijk"))
            conf_text = "—"
            if conf is not None and conf["waarde"] is not None:
                conf_text = number(conf["waarde"], lang)
                if worst is None or conf["waarde"] > worst[1]["waarde"]:
                    worst = (t.name.get(lang), conf)
            table.add_row(
                t.name.get(lang),
                _position(amb, model, lang),
                _position(prak, model, lang),
                gap_text,
                conf_text,
            )
        parts: list[Any] = [table]
        if worst is not None:
            pair = [model.group(g).name.get(lang) for g in worst[1]["groepen"]]
            parts.append(
                Text(
                    label(
                        "worst",
                        lang,
                        transitie=worst[0],
                        value=number(worst[1]["waarde"], lang),
                        a=pair[0],
                        b=pair[1],
                    )
                )
            )
        if code in weakest:
            cond, score = weakest[code]
            parts.append(
                Text(
                    f"{label('weakest', lang)}: {model.condition(cond).name.get(lang)} "
                    f"({number(score, lang, 0)})"
                )
            )
        for item in _distinct_rules(advice.get(code, []), 2):
            parts.append(
                Text(f"{label('advice', lang)} #{item.prioriteit}: {item.tekst.get(lang)}")
            )
        console.print(Group(*parts))
        console.print()

    alphas = {r["regio"]: r["alpha_groepen"] for r in document.get("regio", [])}
    by_region: dict[str | None, list[Mapping[str, Any]]] = defaultdict(list)
    for row in document.get("versnippering", []):
        by_region[row["regio"]].append(row)
    for regio in sorted(set(alphas) | set(by_region), key=lambda v: (v is None, v or "")):
        title = label("region", lang, regio=regio or label("all", lang))
        parts = []
        if alphas.get(regio) is not None:
            parts.append(Text(label("alpha", lang, alpha=number(alphas[regio], lang))))
        if by_region.get(regio):
            table = Table(title=label("versnippering", lang), title_justify="left")
            for column in ("transitie", "gewogen", "aandeel", "spreiding"):
                table.add_column(label(column, lang))
            for row in by_region[regio]:
                share = row["aandeel_3_of_meer"]
                table.add_row(
                    model.transitie(row["transitie"]).name.get(lang),
                    number(row["gewogen_gemiddelde"], lang),
                    "—" if share is None else f"{round(100 * share)}%",
                    number(row["spreiding"], lang),
                )
            parts.append(table)
        for item in _distinct_rules(regional.get(regio, []), 3):
            parts.append(
                Text(f"{label('advice', lang)} #{item.prioriteit}: {item.tekst.get(lang)}")
            )
        console.print(Panel(Group(*parts), title=title))
