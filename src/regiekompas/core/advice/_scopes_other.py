"""Entries of the scopes on conditions, mechanisms and the region: gemeente_condities,
conditie_groepen, spaghetti, versnippering and regio.
"""

from __future__ import annotations

from regiekompas.core.advice._context import Context, Entry, code, num
from regiekompas.core.advice._expr import Value
from regiekompas.core.advice._profile import Profile
from regiekompas.core.advice._scopes_cells import by_quadrant
from regiekompas.core.text import Text
from regiekompas.core.vocabulary import CONDITIONS, QUADRANTS

_WEIGHED_BY = {
    (True,): Text(
        "gewogen naar de gekozen doelposities", "weighted by the chosen target positions"
    ),
    (False,): Text("gewogen naar de ambities", "weighted by the ambitions"),
    (False, True): Text(
        "gewogen naar de gekozen doelposities en de ambities",
        "weighted by the chosen target positions and the ambitions",
    ),
}


def _weging(ctx: Context, profile: Profile) -> Text:
    """How the weakest condition was weighted, in words the reader can check."""
    if not profile.positions:
        return Text(
            "alle condities gelijk gewogen, want er is nog geen positie bekend",
            "all conditions weighted equally, as no position is known yet",
        )
    how = _WEIGHED_BY[tuple(sorted({p.is_target for p in profile.positions}))]
    positions = by_quadrant(
        ctx, [(p.kwadrant, ctx.names.transitie(p.transitie)) for p in profile.positions]
    )
    return Text(f"{how.nl}: {positions.nl}", f"{how.en}: {positions.en}")


def gemeente_condities(ctx: Context) -> list[Entry]:
    """The lowest condition and the one that matters most for the gemeente's form of regie.

    Two different claims, named differently in the texts (product.md §5): the *laagste* is
    the lowest score, full stop; the *meest bepalende* is the largest weighted shortfall
    (`_profile`), which can be a condition with a higher score.
    """
    rows = [r for r in ctx.rows("condities") if r.get("groep") is None]
    entries = []
    for g in sorted({c for r in rows if (c := code(r.get("gemeente_code")))}):
        profile = ctx.profile(g)
        if profile is None:
            continue
        lowest = next(
            (
                r
                for r in rows
                if r.get("gemeente_code") == g and r.get("conditie") == profile.lowest
            ),
            {},
        )
        figures: dict[str, Value] = {
            "laagste_conditie": profile.lowest,
            "laagste_score": profile.scores[profile.lowest],
            "bepalende_conditie": profile.weakest,
            "bepalende_score": profile.scores[profile.weakest],
            "gewicht": profile.weights[profile.weakest],
            "gemiddelde": profile.mean,
            "n": num(lowest.get("n")),
        }
        labels = {"weging": _weging(ctx, profile)}
        entries.append(
            ctx.entry(
                "gemeente_condities",
                gemeente_code=g,
                transitie=None,
                figures=figures,
                labels=labels,
            )
        )
    return entries


def conditie_groepen(ctx: Context) -> list[Entry]:
    scores: dict[tuple[str, str], dict[str, float]] = {}
    for row in ctx.rows("condities"):
        g, group, conditie = (
            code(row.get("gemeente_code")),
            code(row.get("groep")),
            row.get("conditie"),
        )
        score = num(row.get("score"))
        if g is None or group is None or conditie not in CONDITIONS or score is None:
            continue
        scores.setdefault((g, str(conditie)), {})[group] = score
    order = {c: i for i, c in enumerate(CONDITIONS)}
    entries = []
    for (g, conditie), by_group in sorted(
        scores.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])
    ):
        if len(by_group) < 2:
            continue
        high = min(by_group, key=lambda group: (-by_group[group], group))
        low = min(by_group, key=lambda group: (by_group[group], group))
        figures: dict[str, Value] = {
            "conditie": conditie,
            "verschil": by_group[high] - by_group[low],
            "score_hoog": by_group[high],
            "score_laag": by_group[low],
            "groepen": float(len(by_group)),
        }
        labels = {"groep_hoog": ctx.names.group(high), "groep_laag": ctx.names.group(low)}
        entries.append(
            ctx.entry(
                "conditie_groepen", gemeente_code=g, transitie=None, figures=figures, labels=labels
            )
        )
    return entries


def spaghetti(ctx: Context) -> list[Entry]:
    entries = []
    for row in ctx.rows("spaghetti"):
        g = code(row.get("gemeente_code"))
        if g is None:
            continue
        figures = {
            name: num(row.get(name))
            for name in ("n", "kwadranten", "entropie", "transitie_inconsistentie")
        }
        entries.append(
            ctx.entry("spaghetti", gemeente_code=g, transitie=None, figures=figures, labels={})
        )
    return sorted(entries, key=lambda e: e.gemeente_code or "")


def _regimes(ctx: Context, regio: str | None, transitie: str) -> Text:
    """Which gemeenten of the region work in which quadrant for this transitie."""
    members = [
        (str(cell.kwadrant), ctx.names.gemeente(cell.gemeente_code))
        for cell in ctx.cells.values()
        if cell.transitie == transitie
        and cell.perspectief == "praktijk"
        and cell.kwadrant in QUADRANTS
        and ctx.in_regio(cell.gemeente_code, regio)
    ]
    if not members:
        return Text("geen praktijkposities bekend", "no practice positions known")
    return by_quadrant(ctx, members)


def versnippering(ctx: Context) -> list[Entry]:
    entries = []
    for row in ctx.rows("versnippering"):
        regio, t = code(row.get("regio")), code(row.get("transitie"))
        if t is None:
            continue
        figures = {
            name: num(row.get(name))
            for name in ("gewogen_gemiddelde", "aandeel_3_of_meer", "spreiding")
        }
        labels = {"regio": ctx.names.regio(regio), "regimes": _regimes(ctx, regio, t)}
        entries.append(
            ctx.entry(
                "versnippering",
                gemeente_code=None,
                transitie=t,
                figures=figures,
                labels=labels,
                regio=regio,
            )
        )
    return sorted(entries, key=lambda e: (e.labels["regio"].nl, e.transitie or ""))


def regio(ctx: Context) -> list[Entry]:
    entries = []
    for row in ctx.rows("regio"):
        name = code(row.get("regio"))
        entries.append(
            ctx.entry(
                "regio",
                gemeente_code=None,
                transitie=None,
                figures={"alpha_groepen": num(row.get("alpha_groepen"))},
                labels={"regio": ctx.names.regio(name)},
                regio=name,
            )
        )
    return sorted(entries, key=lambda e: e.labels["regio"].nl)
