"""A terminal summary of a results document that stays readable from 1 to 342 gemeenten.

By default every section fits on one screen (at most `SECTION_LINES` lines, about 50):

1. the scan in numbers (gemeenten, regions, cells, advice);
2. the picture: how many gemeenten sit in each quadrant per transitie and perspectief;
3. the gemeenten with the largest ambitie–praktijkkloof;
4. the cells with the largest spraakverwarring, and who is furthest apart;
5. the most urgent advice, each with its first step.

`--details` adds the full story per gemeente (positions, kloof, spraakverwarring, the lowest
and the most decisive condition, all advice by `rang`) and per region; the JSON, XLSX and CSV
files always hold everything. The summary shows only what the document holds, so the
k-anonymity decided upstream also holds here. Numbers carry their band (docs/method.md,
"Bands"), gemeenten their name, and a value that rounds to zero is printed without a sign.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, Final

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from regiekompas.core.advice import Advice, gemeente_scope, in_scope, most_urgent, regio_scope
from regiekompas.core.advice._bands import band_label
from regiekompas.core.model import Model
from regiekompas.core.vocabulary import CONDITIONS, GRENS, QUADRANTS

#: A screen: no default section prints more lines than this.
SECTION_LINES: Final = 50
#: Rows in the "largest kloof" and "largest spraakverwarring" tables.
TOP_ROWS: Final = 10

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Regiekompas — analyse", "Regiekompas — analysis"),
    "meta": (
        "k = {k} · bootstrap B = {bootstrap} · seed {seed} · instrument v{instrument}",
        "k = {k} · bootstrap B = {bootstrap} · seed {seed} · instrument v{instrument}",
    ),
    "counts_title": ("De scan in getallen", "The scan in numbers"),
    "counts": (
        "{gemeenten} in {regios} · {transities} · {cellen} met antwoorden, waarvan {helder} "
        "met een heldere positie · {advies} ({gemeente_advies} over een gemeente, "
        "{regio_advies} over een regio)",
        "{gemeenten} in {regios} · {transities} · {cellen} with answers, {helder} of them with "
        "a clear position · {advies} ({gemeente_advies} about a municipality, {regio_advies} "
        "about a region)",
    ),
    "suppressed": (
        "{count} cellen of gemeenten zonder cijfers: minder dan k respondenten (zie onderdrukt).",
        "{count} cells or municipalities without figures: fewer than k respondents (see "
        "onderdrukt).",
    ),
    "picture_title": (
        "Het beeld: aantal gemeenten per regievorm",
        "The picture: number of municipalities per form of regie",
    ),
    "picture_note": (
        "Grens: precies op een as. Niet helder: het 95%-interval loopt over een as; zulke "
        "cellen tellen ook mee in hun kwadrant.",
        "Border: exactly on an axis. Not clear: the 95% interval crosses an axis; such cells "
        "also count in their quadrant.",
    ),
    "gap_title": (
        "Grootste kloof tussen ambitie en praktijk",
        "Largest gap between ambition and practice",
    ),
    "confusion_title": ("Grootste spraakverwarring", "Largest confusion of tongues"),
    "no_confusion": (
        "Geen cel met twee of meer groepen (of rationaliteiten) van minstens k respondenten.",
        "No cell with two or more groups (or rationalities) of at least k respondents.",
    ),
    "advice_title": ("Meest urgente adviezen", "Most urgent advice"),
    "advice_more": (
        "… en {count} adviezen meer: per gemeente met --details, alle in --json/--xlsx/--csv.",
        "… and {count} more: per municipality with --details, all in --json/--xlsx/--csv.",
    ),
    "bands_note": (
        "Banden: kloof en spraakverwarring laag < 0,10 ≤ midden < 0,25 ≤ hoog (schaal 0–1).",
        "Bands: gap and confusion low < 0.10 ≤ medium < 0.25 ≤ high (scale 0–1).",
    ),
    "details_hint": (
        "Per gemeente en per regio: regiekompas analyse … --details",
        "Per municipality and per region: regiekompas analyse … --details",
    ),
    "first_step": ("Eerste stap", "First step"),
    "gemeente": ("Gemeente", "Municipality"),
    "transitie": ("Transitie", "Transition"),
    "perspectief": ("Perspectief", "Perspective"),
    "ambitie": ("Ambitie (bedoeld)", "Ambition (intended)"),
    "praktijk": ("Praktijk (nu)", "Practice (now)"),
    "ambitie_kort": ("ambitie", "ambition"),
    "praktijk_kort": ("praktijk", "practice"),
    "kloof": ("Kloof", "Gap"),
    "verschuiving": ("Ambitie → praktijk", "Ambition → practice"),
    "spraak": ("Spraakverw. (praktijk)", "Confusion (practice)"),
    "spraak_kort": ("Spraakverwarring", "Confusion"),
    "tussen": ("Het verst uiteen", "Furthest apart"),
    "grens": ("op de grens", "on the border"),
    "niet_helder": ("niet helder", "not clear"),
    "grens_kort": ("grens", "border"),
    "niet_helder_kort": ("niet\nhelder", "not\nclear"),
    "worst": (
        "Grootste spraakverwarring: {transitie} {value}, tussen {a} en {b}",
        "Largest confusion of tongues: {transitie} {value}, between {a} and {b}",
    ),
    "weakest": ("Laagste conditiescore", "Lowest condition score"),
    "decisive": (
        "Meest bepalend voor de regievorm (gewogen)",
        "Matters most for the form of regie (weighted)",
    ),
    "advice": ("Advies", "Advice"),
    "region": ("Regio {regio}", "Region {regio}"),
    "all": ("alle gemeenten", "all gemeenten"),
    "versnippering": ("Versnippering voor aanbieders", "Fragmentation for providers"),
    "gewogen": ("regimes per aanbieder (gewogen)", "regimes per provider (weighted)"),
    "aandeel": ("aandeel ≥ 3 regimes", "share facing ≥ 3"),
    "spreiding": ("spreiding", "dispersion"),
    "alpha": (
        "Zien de groepen hetzelfde landschap? Krippendorffs α = {alpha} ({band})",
        "Do the groups see the same landscape? Krippendorff's α = {alpha} ({band})",
    ),
    "helder": ("helder", "clear"),
    "unclear": ("niet helder", "not clear"),
    "none": ("—", "—"),
}


#: Singular and plural of the nouns the counts line uses, per language.
_NOUNS: Final[dict[str, tuple[tuple[str, str], tuple[str, str]]]] = {
    "gemeenten": (("gemeente", "gemeenten"), ("municipality", "municipalities")),
    "regios": (("regio", "regio's"), ("region", "regions")),
    "transities": (("transitie", "transities"), ("transition", "transitions")),
    "cellen": (("cel", "cellen"), ("cell", "cells")),
    "advies": (("advies", "adviezen"), ("piece of advice", "pieces of advice")),
}


def counted(noun: str, count: int, lang: str) -> str:
    """'1 gemeente', '342 gemeenten'."""
    one, many = _NOUNS[noun][lang == "en"]
    return f"{count} {one if count == 1 else many}"


def label(key: str, lang: str, **values: Any) -> str:
    nl, en = LABELS[key]
    return (en if lang == "en" else nl).format(**values)


def number(value: float | None, lang: str, digits: int = 2) -> str:
    """0,31 (nl) / 0.31 (en); a value that rounds to zero has no sign ("0,00", not "-0,00")."""
    if value is None:
        return "—"
    rounded = round(value, digits)
    text = f"{0.0 if rounded == 0 else rounded:.{digits}f}"
    return text.replace(".", ",") if lang != "en" else text


def banded(value: float | None, measure: str, lang: str, digits: int = 2) -> str:
    """A number with the word of its band: "0,51 (hoog)"."""
    word = band_label(measure, value)
    if value is None or word is None:
        return "—"
    return f"{number(value, lang, digits)} ({word.get(lang)})"


class _Reader:
    """The document's rows indexed once, with display names."""

    def __init__(
        self, document: Mapping[str, Any], model: Model, names: Mapping[str, str], lang: str
    ) -> None:
        self.document, self.model, self.names, self.lang = document, model, names, lang
        self.cells = {
            (c["gemeente_code"], c["transitie"], c["perspectief"]): c
            for c in document.get("cellen", [])
        }
        self.gaps = {(g["gemeente_code"], g["transitie"]): g for g in document.get("kloof", [])}
        self.confusion = {
            (s["gemeente_code"], s["transitie"], s["perspectief"]): s
            for s in document.get("spraakverwarring", [])
        }
        self.rationaliteiten = {
            (s["gemeente_code"], s["transitie"], s["perspectief"]): s
            for s in document.get("spraakverwarring_rationaliteiten", [])
        }
        self.scores: dict[str, dict[str, float]] = defaultdict(dict)
        for row in document.get("condities", []):
            if row["groep"] is None and row["score"] is not None:
                self.scores[row["gemeente_code"]][row["conditie"]] = row["score"]

    def gemeente(self, code: str) -> str:
        return self.names.get(code, code)

    def transitie(self, code: str | None) -> str:
        if code is None:
            return "—"
        try:
            return self.model.transitie(code).name.get(self.lang)
        except KeyError:
            return code

    def quadrant(self, code: str | None) -> str:
        if code is None:
            return "—"
        if code == GRENS:
            return label("grens", self.lang)
        return self.model.quadrant(code).name.get(self.lang)

    def perspectief(self, code: str) -> str:
        return label(f"{code}_kort", self.lang)

    def group(self, code: str) -> str:
        return self.model.group(code).name.get(self.lang)

    def rationaliteit(self, code: str) -> str:
        return self.model.rationaliteit(code).name.get(self.lang)

    def transities(self) -> list[str]:
        present = {t for (_, t, _) in self.cells}
        ordered = [t.code for t in self.model.transities if t.code in present]
        return ordered + sorted(present - set(ordered))


def _lines(console: Console, renderable: RenderableType) -> int:
    """How many terminal lines a renderable takes at the console's width."""
    return len(console.render_lines(renderable, console.options, pad=False))


def _counts(r: _Reader, advice: Sequence[Advice]) -> RenderableType:
    gemeenten = {g for (g, _, _) in r.cells}
    regios = {row.get("regio") for row in r.document.get("regio", [])} or {None}
    helder = sum(1 for c in r.cells.values() if c.get("helder"))
    regional = sum(1 for a in advice if a.gemeente_code is None)
    suppressed = len(r.document.get("onderdrukt", []))
    text = Text(
        label(
            "counts",
            r.lang,
            gemeenten=counted("gemeenten", len(gemeenten), r.lang),
            regios=counted("regios", len(regios), r.lang),
            transities=counted("transities", len(r.transities()), r.lang),
            cellen=counted("cellen", len(r.cells), r.lang),
            helder=helder,
            advies=counted("advies", len(advice), r.lang),
            gemeente_advies=len(advice) - regional,
            regio_advies=regional,
        )
    )
    if suppressed:
        text.append("\n" + label("suppressed", r.lang, count=suppressed), style="dim")
    return text


def _picture(r: _Reader) -> RenderableType:
    """Quadrant counts per transitie × perspectief over every gemeente of the document."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True)
    table.add_column(label("transitie", r.lang), no_wrap=True)
    table.add_column("", no_wrap=True)
    columns = [*QUADRANTS, GRENS]
    for code in QUADRANTS:
        table.add_column(r.quadrant(code), justify="right", no_wrap=True)
    table.add_column(label("grens_kort", r.lang), justify="right", no_wrap=True)
    table.add_column(label("niet_helder_kort", r.lang), justify="right", no_wrap=True)
    for t in r.transities():
        for p in ("ambitie", "praktijk"):
            cells = [c for (_, ct, cp), c in r.cells.items() if (ct, cp) == (t, p)]
            if not cells:
                continue
            counts = Counter(c["kwadrant"] for c in cells)
            most = max(QUADRANTS, key=lambda q: counts[q])
            row = [
                Text(str(counts[q]), style="bold" if q == most and counts[q] else "")
                for q in columns
            ]
            unclear = sum(1 for c in cells if not c.get("helder"))
            name = r.transitie(t) if p == "ambitie" else ""
            table.add_row(name, r.perspectief(p), *row, Text(str(unclear)))
    return Group(table, Text(label("picture_note", r.lang), style="dim"))


def _largest_gaps(r: _Reader) -> RenderableType:
    rows = sorted(
        (g for g in r.gaps.values() if g.get("waarde") is not None),
        key=lambda g: (-g["waarde"], r.gemeente(g["gemeente_code"]), g["transitie"]),
    )[:TOP_ROWS]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for key in ("gemeente", "transitie", "kloof", "verschuiving"):
        table.add_column(label(key, r.lang), justify="right" if key == "kloof" else "left")
    for g in rows:
        table.add_row(
            r.gemeente(g["gemeente_code"]),
            r.transitie(g["transitie"]),
            banded(g["waarde"], "kloof", r.lang),
            f"{r.quadrant(g.get('van'))} → {r.quadrant(g.get('naar'))}",
        )
    return Group(table, Text(label("bands_note", r.lang), style="dim"))


def _largest_confusion(r: _Reader) -> RenderableType:
    """Per cell the larger of the rationaliteiten and group values, naming that pair."""
    candidates: list[tuple[float, tuple[str, str, str], str]] = []
    for key in set(r.confusion) | set(r.rationaliteiten):
        options = []
        rat = r.rationaliteiten.get(key)
        if rat and rat.get("waarde") is not None and len(rat.get("rationaliteiten") or []) == 2:
            a, b = (r.rationaliteit(x) for x in rat["rationaliteiten"])
            options.append((rat["waarde"], f"{a} ↔ {b}"))
        grp = r.confusion.get(key)
        if grp and grp.get("waarde") is not None and len(grp.get("groepen") or []) == 2:
            a, b = (r.group(x) for x in grp["groepen"])
            options.append((grp["waarde"], f"{a} ↔ {b}"))
        if options:
            value, pair = max(options, key=lambda o: o[0])
            candidates.append((value, key, pair))
    candidates.sort(key=lambda c: (-c[0], r.gemeente(c[1][0]), c[1][1], c[1][2]))
    lines: list[RenderableType] = []
    for value, (g, t, p), pair in candidates[:TOP_ROWS]:
        line = Text(f"{banded(value, 'spraakverwarring', r.lang):>14}  ", style="bold")
        line.append(f"{r.gemeente(g)} · {r.transitie(t)} ({r.perspectief(p)}): ")
        line.append(pair, style="italic")
        lines.append(line)
    if not lines:
        lines.append(Text(label("no_confusion", r.lang), style="dim"))
    return Group(*lines)


def _advice_item(item: Advice, r: _Reader, *, number_by: str = "rang") -> RenderableType:
    where = r.gemeente(item.gemeente_code) if item.gemeente_code else (item.regio or "—")
    if item.transities:
        where += " · " + ", ".join(r.transitie(t) for t in item.transities)
    rank = item.rang if number_by == "rang" else item.prioriteit
    text = Text(f"{rank}. ", style="bold")
    text.append(f"[{where}] ", style="bold")
    text.append(item.tekst.get(r.lang))
    step = Text(f"   {label('first_step', r.lang)}: ", style="italic")
    step.append(item.eerste_stap.get(r.lang))
    return Group(text, step)


def _urgent_advice(
    r: _Reader, advice: Sequence[Advice], console: Console, budget: int
) -> RenderableType:
    """The most urgent advice (one per rule), as many as fit the section's screen."""
    candidates = most_urgent(advice, regional=True, n=1) + most_urgent(advice, regional=False, n=3)
    candidates.sort(key=lambda a: a.prioriteit)
    parts: list[RenderableType] = []
    used = 2  # the closing line
    for item in candidates:
        rendered = _advice_item(item, r, number_by="prioriteit")
        height = _lines(console, rendered)
        if parts and used + height > budget:
            break
        parts.append(rendered)
        used += height
    more = len(advice) - len(parts)
    if more > 0:
        parts.append(Text(label("advice_more", r.lang, count=more), style="dim"))
    return Group(*parts)


def _section(console: Console, title: str, body: RenderableType) -> None:
    console.print(Rule(title, align="left"))
    console.print(body)
    console.print()


def render(
    document: Mapping[str, Any],
    advice_list: Sequence[Advice],
    model: Model,
    names: Mapping[str, str],
    lang: str,
    console: Console,
    *,
    details: bool = False,
) -> None:
    """The summary of a document (module docstring); `details` adds every gemeente and region."""
    r = _Reader(document, model, names, lang)
    meta = document.get("meta", {})
    console.print(Panel(label("meta", lang, **meta), title=label("title", lang)))
    _section(console, label("counts_title", lang), _counts(r, advice_list))
    _section(console, label("picture_title", lang), _picture(r))
    _section(console, label("gap_title", lang), _largest_gaps(r))
    _section(console, label("confusion_title", lang), _largest_confusion(r))
    budget = SECTION_LINES - 2
    _section(console, label("advice_title", lang), _urgent_advice(r, advice_list, console, budget))
    if not details:
        console.print(Text(label("details_hint", lang), style="dim"))
        return
    by_gemeente: dict[str | None, list[Advice]] = defaultdict(list)
    for item in advice_list:
        by_gemeente[item.gemeente_code].append(item)
    width = console.width
    for code in sorted({g for (g, _, _) in r.cells}, key=r.gemeente):
        _print_plain(console, [*_gemeente_details(r, code, by_gemeente[code], width), ""])
    _region_details(r, advice_list, console)


def _wrap(text: str, width: int, indent: str, hang: str = "   ") -> list[str]:
    """Greedy word wrap (never inside a word or at a hyphen): `textwrap` is several times
    slower, which a national scan's thousands of advice texts make noticeable."""
    width = max(width, 40)
    lines: list[str] = []
    line, empty = indent, True
    for word in text.split():
        if not empty and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = indent + hang + word
        else:
            line = line + word if empty else f"{line} {word}"
        empty = False
    if not empty:
        lines.append(line)
    return lines


def _print_plain(console: Console, lines: list[str]) -> None:
    """Plain lines, already wrapped: the per-gemeente detail of a national scan is tens of
    thousands of lines, which rich's own wrapping and tables would take a minute to lay out."""
    console.file.write("\n".join(lines) + "\n")


def _position(cell: Mapping[str, Any] | None, r: _Reader) -> str:
    if cell is None or cell.get("kwadrant") is None:
        return "—"
    clear = label("helder" if cell["helder"] else "unclear", r.lang)
    return (
        f"{r.quadrant(cell['kwadrant'])} (cc {number(cell['cc'], r.lang)}; "
        f"dc {number(cell['dc'], r.lang)}), n = {cell['n']}, {clear}"
    )


def _advice_lines(item: Advice, r: _Reader, width: int, indent: str = "  ") -> list[str]:
    where = r.gemeente(item.gemeente_code) if item.gemeente_code else (item.regio or "—")
    if item.transities:
        where += " · " + ", ".join(r.transitie(t) for t in item.transities)
    lines = _wrap(f"{item.rang}. [{where}] {item.tekst.get(r.lang)}", width, indent)
    step = f"{label('first_step', r.lang)}: {item.eerste_stap.get(r.lang)}"
    return lines + _wrap(step, width, indent + "   ", hang="")


def _gemeente_details(r: _Reader, code: str, advice: Sequence[Advice], width: int) -> list[str]:
    lang = r.lang
    lines = [f"{r.gemeente(code)} ({code})", "─" * min(width, 80)]
    worst: tuple[str, Mapping[str, Any]] | None = None
    amb_word, prak_word = label("ambitie_kort", lang), label("praktijk_kort", lang)
    for t in r.transities():
        amb, prak = r.cells.get((code, t, "ambitie")), r.cells.get((code, t, "praktijk"))
        if amb is None and prak is None:
            continue
        name = r.transitie(t)
        lines.append(f"  {name:<13} {amb_word:<9} {_position(amb, r)}")
        lines.append(f"  {'':<13} {prak_word:<9} {_position(prak, r)}")
        extra = []
        gap = r.gaps.get((code, t))
        if gap is not None and gap.get("waarde") is not None:
            extra.append(f"{label('kloof', lang).lower()} {banded(gap['waarde'], 'kloof', lang)}")
        conf = r.confusion.get((code, t, "praktijk"))
        if conf is not None and conf.get("waarde") is not None:
            value = banded(conf["waarde"], "spraakverwarring", lang)
            extra.append(f"{label('spraak', lang).lower()} {value}")
            if worst is None or conf["waarde"] > worst[1]["waarde"]:
                worst = (name, conf)
        if extra:
            lines.append(f"  {'':<13} {' · '.join(extra)}")
    if worst is not None and len(worst[1].get("groepen") or []) == 2:
        a, b = (r.group(g) for g in worst[1]["groepen"])
        value = banded(worst[1]["waarde"], "spraakverwarring", lang)
        text = label("worst", lang, transitie=worst[0], value=value, a=a, b=b)
        lines += _wrap(text, width, "  ")
    scores = r.scores.get(code)
    if scores:
        lowest = min(scores, key=lambda c: (scores[c], CONDITIONS.index(c)))
        name = r.model.condition(lowest).name.get(lang)
        value = banded(scores[lowest], "conditie", lang, 0)
        lines.append(f"  {label('weakest', lang)}: {name} {value}")
        decisive = next(
            (a for a in advice if a.gemeente_code == code and a.regel.startswith("bepalend_")),
            None,
        )
        if decisive is not None:
            condition = decisive.regel.removeprefix("bepalend_conditie_")
            name = r.model.condition(condition).name.get(lang)
            value = banded(scores.get(condition), "conditie", lang, 0)
            lines.append(f"  {label('decisive', lang)}: {name} {value}")
    for item in in_scope(advice, gemeente_scope(code)):
        lines += _advice_lines(item, r, width)
    return lines


def _region_details(r: _Reader, advice: Sequence[Advice], console: Console) -> None:
    lang = r.lang
    alphas = {row["regio"]: row["alpha_groepen"] for row in r.document.get("regio", [])}
    by_region: dict[str | None, list[Mapping[str, Any]]] = defaultdict(list)
    for row in r.document.get("versnippering", []):
        by_region[row["regio"]].append(row)
    for regio in sorted(set(alphas) | set(by_region), key=lambda v: (v is None, v or "")):
        title = label("region", lang, regio=regio or label("all", lang))
        parts: list[RenderableType] = []
        if alphas.get(regio) is not None:
            alpha = alphas[regio]
            word = band_label("alpha", alpha)
            parts.append(
                Text(
                    label(
                        "alpha",
                        lang,
                        alpha=number(alpha, lang),
                        band=word.get(lang) if word else "—",
                    )
                )
            )
        if by_region.get(regio):
            table = Table(title=label("versnippering", lang), title_justify="left")
            for column in ("transitie", "gewogen", "aandeel", "spreiding"):
                table.add_column(label(column, lang))
            for row in by_region[regio]:
                share = row["aandeel_3_of_meer"]
                table.add_row(
                    r.transitie(row["transitie"]),
                    number(row["gewogen_gemiddelde"], lang),
                    "—" if share is None else f"{round(100 * share)}%",
                    number(row["spreiding"], lang),
                )
            parts.append(table)
        console.print(Rule(title, align="left"))
        console.print(Group(*parts))
        lines = []
        for item in in_scope(advice, regio_scope(regio)):
            lines += _advice_lines(item, r, console.width)
        _print_plain(console, [*lines, ""])
