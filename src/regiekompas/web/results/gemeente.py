"""The page of one gemeente: its story over all transities on one screen.

Where regie is meant to be and where it is (one plot, an arrow per transitie), how far
apart with the band in words, who sees it differently (rationaliteiten first, then the
groups the document shows), the laagste condition, the organisation-level agreements and
obstacles, what respondents wrote, and the top of the advice. Every figure is read from
the document (k-rules applied there); the free text comes from `quotes`, which applies the
k-rule per gemeente itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regiekompas.core.charts import DocumentMark
from regiekompas.core.instrument import Instrument
from regiekompas.core.model import Model
from regiekompas.core.vocabulary import PERSPECTIEVEN
from regiekompas.web.documents.summary import Ambition
from regiekompas.web.results.advice import AdviceList
from regiekompas.web.results.charts import perspective_label, region_arrows_svg
from regiekompas.web.results.formatting import (
    condition_name,
    group_name,
    number,
    percent,
    transitie_name,
)
from regiekompas.web.results.gemeente_sections import rows_for
from regiekompas.web.results.overview import PositionSummary, _summary
from regiekompas.web.results.quotes import Quotes
from regiekompas.web.results.service import Results
from regiekompas.web.results.story import band_word


@dataclass(frozen=True)
class TransitieLine:
    code: str
    name: str
    #: The cell page; empty where the page has no links (a PDF report).
    url: str
    ambitie: PositionSummary | None
    praktijk: PositionSummary | None
    kloof: str | None
    kloof_band: str | None


@dataclass(frozen=True)
class Difference:
    """Two rationaliteiten (or groups) that place one cell furthest apart."""

    transitie: str
    perspectief: str
    a: str
    b: str
    value: str
    band: str | None


@dataclass(frozen=True)
class Lowest:
    name: str
    score: str
    band: str | None


@dataclass(frozen=True)
class ConditionLine:
    name: str
    score: str
    band: str | None
    lowest: bool


@dataclass(frozen=True)
class AgreementLine:
    text: str
    ja: str
    nee: str
    weet_niet: str
    n: int


@dataclass(frozen=True)
class ObstacleLine:
    text: str
    share: str
    n: int


@dataclass(frozen=True)
class GemeentePage:
    code: str
    name: str
    svg: SafeString | None
    transities: list[TransitieLine]
    rationaliteiten: list[Difference] = field(default_factory=list)
    groups: list[Difference] = field(default_factory=list)
    lowest: Lowest | None = None
    conditions: list[ConditionLine] = field(default_factory=list)
    agreements: list[AgreementLine] = field(default_factory=list)
    obstacles: list[ObstacleLine] = field(default_factory=list)
    quotes: Quotes = field(default_factory=Quotes)
    advice: AdviceList = field(default_factory=AdviceList)
    suppressed: int = 0


def _rationaliteit_name(code: str, model: Model, lang: str) -> str:
    try:
        return model.rationaliteit(code).name.get(lang)
    except KeyError:
        return code


def _differences(
    rows: list[dict[str, Any]], key: str, namer: Any, transities: list[str], model: Model, lang: str
) -> list[Difference]:
    order = {
        (t, p): i for i, (t, p) in enumerate((t, p) for t in transities for p in PERSPECTIEVEN)
    }
    out = []
    for r in sorted(rows, key=lambda r: order.get((r["transitie"], r["perspectief"]), 99)):
        pair = r.get(key) or []
        if r.get("waarde") is None or len(pair) != 2:
            continue
        out.append(
            Difference(
                transitie=transitie_name(r["transitie"], model, lang),
                perspectief=perspective_label(r["perspectief"]),
                a=namer(pair[0], model, lang),
                b=namer(pair[1], model, lang),
                value=number(r["waarde"]),
                band=band_word("spraakverwarring", r.get("band"), lang),
            )
        )
    return out


def build_gemeente_page(
    results: Results,
    *,
    scan_pk: int | None,
    gemeente: str,
    gemeente_name: str,
    transities: list[str],
    model: Model,
    instrument: Instrument,
    lang: str,
    quotes: Quotes,
    advice: AdviceList,
    documents: Ambition | None = None,
) -> GemeentePage:
    """The gemeente's sections from the results document alone (no request, no queries).

    `scan_pk` gives the links to the cell pages; None leaves them out (PDF reports).
    """
    cells = {
        (c["transitie"], c["perspectief"]): c
        for c in rows_for(results.rows("cellen"), gemeente_code=gemeente)
    }
    gaps = {g["transitie"]: g for g in rows_for(results.rows("kloof"), gemeente_code=gemeente)}
    lines = []
    paths = []
    for t in transities:
        amb, prak = cells.get((t, "ambitie")), cells.get((t, "praktijk"))
        gap = gaps.get(t)
        name = transitie_name(t, model, lang)
        if amb is not None or prak is not None:
            paths.append((name, amb, prak))
        has_gap = gap is not None and gap.get("waarde") is not None
        lines.append(
            TransitieLine(
                code=t,
                name=name,
                url=reverse("results:cell", args=[scan_pk, gemeente, t]) if scan_pk else "",
                ambitie=_summary(amb, model, lang),
                praktijk=_summary(prak, model, lang),
                kloof=number(gap["waarde"]) if has_gap and gap else None,
                kloof_band=band_word("kloof", gap.get("band"), lang) if gap else None,
            )
        )
    point = documents.point if documents else None
    mark = DocumentMark(point[0], point[1], point[2], point[3]) if point else None
    written = ""
    if documents is not None and mark is not None:
        written = " " + _(
            "Ambition as written in policy documents: %(quadrant)s, cocreatie–controle "
            "%(cc)s, decentraal–centraal %(dc)s."
        ) % {"quadrant": documents.quadrant, "cc": documents.cc_text, "dc": documents.dc_text}
    svg = None
    if any(p[1] or p[2] for p in paths) or mark is not None:
        svg = mark_safe(  # built from escaped text by core.charts
            region_arrows_svg(
                title=_("%(gemeente)s: ambition and practice per transitie")
                % {"gemeente": gemeente_name},
                description=" ".join(
                    _("%(transitie)s: ambition %(ambitie)s, practice %(praktijk)s.")
                    % {
                        "transitie": line.name,
                        "ambitie": line.ambitie.quadrant if line.ambitie else _("no data"),
                        "praktijk": line.praktijk.quadrant if line.praktijk else _("no data"),
                    }
                    for line in lines
                )
                + written,
                paths=paths,
                model=model,
                lang=lang,
                id_prefix=f"gemeente-{gemeente}",
                document=mark,
            )
        )

    rationaliteiten = _differences(
        rows_for(results.rows("spraakverwarring_rationaliteiten"), gemeente_code=gemeente),
        "rationaliteiten",
        _rationaliteit_name,
        transities,
        model,
        lang,
    )
    groups = _differences(
        rows_for(results.rows("spraakverwarring"), gemeente_code=gemeente),
        "groepen",
        group_name,
        transities,
        model,
        lang,
    )

    overall = [
        r
        for r in rows_for(results.rows("condities"), gemeente_code=gemeente)
        if r.get("groep") is None and r.get("score") is not None
    ]
    lowest_row = min(overall, key=lambda r: (r["score"], r["conditie"])) if overall else None
    conditions = [
        ConditionLine(
            name=condition_name(r["conditie"], model, lang),
            score=number(r["score"], 0),
            band=band_word("conditie", r.get("band"), lang),
            lowest=r is lowest_row,
        )
        for r in sorted(overall, key=lambda r: r["score"])
    ]
    lowest = None
    if lowest_row is not None:
        lowest = Lowest(
            name=condition_name(lowest_row["conditie"], model, lang),
            score=number(lowest_row["score"], 0),
            band=band_word("conditie", lowest_row.get("band"), lang),
        )

    agreement_text = {a.code: a.text.get(lang) for a in instrument.agreements}
    agreements = [
        AgreementLine(
            text=agreement_text.get(r["afspraak"], r["afspraak"]),
            ja=percent(r.get("ja")),
            nee=percent(r.get("nee")),
            weet_niet=percent(r.get("weet_niet")),
            n=int(r.get("n") or 0),
        )
        for r in sorted(
            rows_for(results.rows("afspraken"), gemeente_code=gemeente), key=lambda r: r["afspraak"]
        )
    ]
    obstacle_text = {o.code: o.text.get(lang) for o in instrument.obstacles}
    obstacles = [
        ObstacleLine(
            text=obstacle_text.get(r["obstakel"], r["obstakel"]),
            share=percent(r.get("aandeel")),
            n=int(r.get("n") or 0),
        )
        for r in sorted(
            rows_for(results.rows("obstakels"), gemeente_code=gemeente),
            key=lambda r: (-(r.get("aandeel") or 0), r["obstakel"]),
        )
    ]
    suppressed = len(rows_for(results.rows("onderdrukt"), gemeente_code=gemeente))
    return GemeentePage(
        code=gemeente,
        name=gemeente_name,
        svg=svg,
        transities=lines,
        rationaliteiten=rationaliteiten,
        groups=groups,
        lowest=lowest,
        conditions=conditions,
        agreements=agreements,
        obstacles=obstacles,
        quotes=quotes,
        advice=advice,
        suppressed=suppressed,
    )
