"""Entries of the scopes built on positions: cel, kloof, spraakverwarring, bureaucratie,
inconsistentie and doel.

Each builder returns its entries sorted by gemeente and transitie, so the same results give
the same advice in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from regiekompas.core.advice._bands import band_label
from regiekompas.core.advice._context import Cell, Context, Entry, code, num
from regiekompas.core.advice._format import format_value
from regiekompas.core.text import LANGUAGES, Text
from regiekompas.core.vocabulary import AXES, PERSPECTIEVEN, QUADRANTS


def by_quadrant(ctx: Context, items: Iterable[tuple[str, Text]]) -> Text:
    """'Sturen (Jeugd, Wmo); Afstemmen (Participatie)', quadrants in the model's order."""
    grouped: dict[str, list[Text]] = {}
    for quadrant, name in items:
        grouped.setdefault(quadrant, []).append(name)
    parts: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for quadrant in QUADRANTS:
        if quadrant in grouped:
            for lang in LANGUAGES:
                members = ", ".join(name.get(lang) for name in grouped[quadrant])
                parts[lang].append(f"{ctx.names.quadrant(quadrant).get(lang)} ({members})")
    return Text(nl="; ".join(parts["nl"]), en="; ".join(parts["en"]))


def cel(ctx: Context) -> list[Entry]:
    return [
        ctx.entry(
            "cel",
            gemeente_code=c.gemeente_code,
            transitie=c.transitie,
            figures={
                "perspectief": c.perspectief,
                "kwadrant": c.kwadrant,
                "helder": c.helder,
                "n": c.n,
                "cc": c.cc,
                "dc": c.dc,
            },
            labels={},
        )
        for c in ctx.cells.values()
    ]


def _delta(ctx: Context, g: str, t: str, axis: str) -> float | None:
    ambitie, praktijk = ctx.cells.get((g, t, "ambitie")), ctx.cells.get((g, t, "praktijk"))
    if ambitie is None or praktijk is None:
        return None
    before, after = getattr(ambitie, axis), getattr(praktijk, axis)
    return None if before is None or after is None else after - before


def kloof(ctx: Context) -> list[Entry]:
    entries = []
    for row in ctx.rows("kloof"):
        g, t = code(row.get("gemeente_code")), code(row.get("transitie"))
        if g is None or t is None:
            continue
        ci = row.get("ci")
        low, high = (
            (num(ci[0]), num(ci[1])) if isinstance(ci, list) and len(ci) == 2 else (None, None)
        )
        dcc, ddc = _delta(ctx, g, t, "cc"), _delta(ctx, g, t, "dc")
        figures = {
            "waarde": num(row.get("waarde")),
            "ci_laag": low,
            "ci_hoog": high,
            "van": row.get("van"),
            "naar": row.get("naar"),
            "dcc": dcc,
            "ddc": ddc,
            "abs_dcc": None if dcc is None else abs(dcc),
            "abs_ddc": None if ddc is None else abs(ddc),
        }
        entries.append(ctx.entry("kloof", gemeente_code=g, transitie=t, figures=figures, labels={}))
    return sorted(entries, key=lambda e: (e.gemeente_code or "", e.transitie or ""))


def _pair(row: Mapping[str, Any], key: str) -> list[str]:
    pair = row.get(key)
    return [x for x in pair if isinstance(x, str)] if isinstance(pair, list) else []


def _who(
    ctx: Context,
    rationaliteiten: tuple[list[str], float | None],
    groepen: tuple[list[str], float | None],
) -> Text | None:
    """Who is furthest apart: the rationaliteiten (the model's explanation) first, then the
    groups, each pair with its value and band; None when neither pair is known."""
    parts: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    kinds = (
        (rationaliteiten, ctx.names.rationaliteit, ("de rationaliteiten", "the rationalities")),
        (groepen, ctx.names.group, ("de groepen", "the groups")),
    )
    for (pair, value), name, (nl, en) in kinds:
        word = band_label("spraakverwarring", value)
        if len(pair) != 2 or value is None or word is None:
            continue
        a, b = name(pair[0]), name(pair[1])
        for lang, kind, joiner in (("nl", nl, "en"), ("en", en, "and")):
            number = format_value(value, "getal", lang)
            parts[lang].append(
                f"{kind} ‘{a.get(lang)}’ {joiner} ‘{b.get(lang)}’: {number} ({word.get(lang)})"
            )
    if not parts["nl"]:
        return None
    return Text(nl=", en ".join(parts["nl"]), en=", and ".join(parts["en"]))


def spraakverwarring(ctx: Context) -> list[Entry]:
    by_cell: dict[tuple[str, str, str], dict[str, Mapping[str, Any]]] = {}
    for key in ("spraakverwarring", "spraakverwarring_rationaliteiten"):
        for row in ctx.rows(key):
            g, t, p = (
                code(row.get("gemeente_code")),
                code(row.get("transitie")),
                row.get("perspectief"),
            )
            if g is None or t is None or p not in PERSPECTIEVEN:
                continue
            by_cell.setdefault((g, t, str(p)), {})[key] = row
    entries = []
    for (g, t, p), rows in by_cell.items():
        groups_row = rows.get("spraakverwarring", {})
        rat_row = rows.get("spraakverwarring_rationaliteiten", {})
        groups = _pair(groups_row, "groepen")
        rats = _pair(rat_row, "rationaliteiten")
        waarde_groepen = num(groups_row.get("waarde")) if len(groups) == 2 else None
        waarde_rat = num(rat_row.get("waarde")) if len(rats) == 2 else None
        known_values = [v for v in (waarde_groepen, waarde_rat) if v is not None]
        raw = groups_row.get("rwg")
        rwg = raw if isinstance(raw, Mapping) else {}
        per_axis = {axis: num(rwg.get(axis)) for axis in AXES}
        known = {axis: value for axis, value in per_axis.items() if value is not None}
        ranked = sorted(known.items(), key=lambda item: item[1])
        lowest = ranked[0][0] if ranked else None
        figures = {
            "perspectief": p,
            "waarde": max(known_values) if known_values else None,
            "waarde_groepen": waarde_groepen,
            "waarde_rationaliteiten": waarde_rat,
            "rwg_cc": per_axis["cc"],
            "rwg_dc": per_axis["dc"],
            "rwg_min": known[lowest] if lowest is not None else None,
        }
        labels = {
            "wie": _who(ctx, (rats, waarde_rat), (groups, waarde_groepen)),
            "laagste_as": ctx.names.axis(lowest) if lowest is not None else None,
        }
        entries.append(
            ctx.entry(
                "spraakverwarring", gemeente_code=g, transitie=t, figures=figures, labels=labels
            )
        )
    order = {p: i for i, p in enumerate(PERSPECTIEVEN)}
    return sorted(
        entries,
        key=lambda e: (
            e.gemeente_code or "",
            e.transitie or "",
            order[str(e.figures["perspectief"])],
        ),
    )


def _position_label(ctx: Context, cell: Cell | None) -> Text:
    """'Sturen (cc +0,62; dc +0,55)', or 'niet gemeten' when the cell is missing."""
    if cell is None or cell.cc is None or cell.dc is None or cell.kwadrant is None:
        return Text("niet gemeten", "not measured")
    quadrant = ctx.names.quadrant(cell.kwadrant)
    values = {
        lang: f"{quadrant.get(lang)} (cc {format_value(cell.cc, 'verschil', lang)}; "
        f"dc {format_value(cell.dc, 'verschil', lang)})"
        for lang in LANGUAGES
    }
    return Text(nl=values["nl"], en=values["en"])


def bureaucratie(ctx: Context) -> list[Entry]:
    entries = []
    for g, t in sorted({(g, t) for (g, t, _) in ctx.cells}):
        ambitie, praktijk = ctx.cells.get((g, t, "ambitie")), ctx.cells.get((g, t, "praktijk"))
        profile = ctx.profile(g)
        figures = {
            "cc_ambitie": ambitie.cc if ambitie else None,
            "dc_ambitie": ambitie.dc if ambitie else None,
            "cc_praktijk": praktijk.cc if praktijk else None,
            "dc_praktijk": praktijk.dc if praktijk else None,
            "condities_gemiddeld": profile.mean if profile else None,
            "laagste_score": profile.scores[profile.lowest] if profile else None,
        }
        labels = {
            "positie_ambitie": _position_label(ctx, ambitie),
            "positie_praktijk": _position_label(ctx, praktijk),
            "laagste": ctx.names.condition(profile.lowest) if profile else None,
        }
        entries.append(
            ctx.entry("bureaucratie", gemeente_code=g, transitie=t, figures=figures, labels=labels)
        )
    return entries


def inconsistentie(ctx: Context) -> list[Entry]:
    per_gemeente: dict[str, list[Cell]] = {}
    for cell in ctx.cells.values():
        if cell.perspectief == "praktijk" and cell.kwadrant in QUADRANTS:
            per_gemeente.setdefault(cell.gemeente_code, []).append(cell)
    entries = []
    for g, cells in sorted(per_gemeente.items()):
        overview = by_quadrant(
            ctx, [(str(c.kwadrant), ctx.names.transitie(c.transitie)) for c in cells]
        )
        regio = ctx.regio_of.get(g) if ctx.regio_of is not None else None
        figures = {
            "kwadranten": float(len({c.kwadrant for c in cells})),
            "transities": float(len(cells)),
        }
        labels = {"overzicht": overview, "regio": ctx.names.regio(regio)}
        entries.append(
            ctx.entry(
                "inconsistentie", gemeente_code=g, transitie=None, figures=figures, labels=labels
            )
        )
    return entries


def doel(ctx: Context) -> list[Entry]:
    entries = []
    for g, t in sorted(ctx.targets):
        target, praktijk = ctx.target(g, t), ctx.cells.get((g, t, "praktijk"))
        if target is None or praktijk is None:
            continue
        figures = {
            "doel": target,
            "kwadrant": praktijk.kwadrant,
            "bereikt": None if praktijk.kwadrant is None else praktijk.kwadrant == target,
            "cc": praktijk.cc,
            "dc": praktijk.dc,
        }
        entries.append(ctx.entry("doel", gemeente_code=g, transitie=t, figures=figures, labels={}))
    return entries
