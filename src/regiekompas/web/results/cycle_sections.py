"""The regie cycle's section of a gemeente page: doelposities, verbeteragenda and the trend
since the previous round (product.md §13; docs/method.md, "Targets and agenda", "Trend").

Figures come from the results document (`doelen`, `agenda`, added by `cycle.py`) and from
core's `trend_rows` over the two rounds' published snapshots (`cycle.round_trend`); this
module only picks this gemeente's rows and writes them the way the page's language does.
Links are left out when `links` is False (a PDF report has no forms).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from django.urls import reverse
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regiekompas.core.agenda import Progress, agenda_progress
from regiekompas.core.model import Model
from regiekompas.core.results import table
from regiekompas.core.results.rows import TrendRow
from regiekompas.core.vocabulary import CONDITIONS, PERSPECTIEVEN
from regiekompas.web.results.cycle import RoundTrend
from regiekompas.web.results.formatting import (
    MISSING,
    condition_name,
    interval,
    number,
    quadrant_name,
    transitie_name,
)
from regiekompas.web.targets.forms import subject_name
from regiekompas.web.targets.models import Source, Status, Target

#: The figures the gemeente page shows in the trend table, in this order (the export and
#: the JSON hold every trend row).
TREND_FIGURES: Final = (
    "cellen.cc",
    "cellen.dc",
    "kloof.waarde",
    "doelen.afstand",
    "spraakverwarring.waarde",
    "spraakverwarring_rationaliteiten.waarde",
    "condities.score",
)


@dataclass(frozen=True)
class TargetLine:
    transitie: str
    name: str
    target: str
    toelichting: str
    agreed_by: str
    agreed_on: str
    recorded: str
    praktijk: str
    afstand: str
    afstand_ci: str
    edit_url: str


@dataclass(frozen=True)
class OpenTransitie:
    name: str
    add_url: str


@dataclass(frozen=True)
class AgendaLine:
    subject: str
    transitie: str
    actie: str
    eigenaar: str
    deadline: str
    status: str
    status_code: str
    edit_url: str


@dataclass(frozen=True)
class TrendLine:
    figure: str
    about: str
    oud: str
    nieuw: str
    verschil: str
    ci: str
    zeker: bool | None
    verdict: str


@dataclass(frozen=True)
class CycleSection:
    code: str
    targets: list[TargetLine]
    without_target: list[OpenTransitie]
    agenda: list[AgendaLine]
    progress: Progress
    progress_text: str
    add_action_url: str
    previous: str | None
    trend: list[TrendLine]
    beyond_noise: int


def _date(value: Any) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else "—"


def _target_text(target: Target, model: Model, lang: str) -> str:
    if target.kwadrant:
        return _("%(quadrant)s (its centre)") % {
            "quadrant": quadrant_name(target.kwadrant, model, lang)
        }
    return _("cc %(cc)s, dc %(dc)s (%(quadrant)s)") % {
        "cc": number(target.cc),
        "dc": number(target.dc),
        "quadrant": quadrant_name(_quadrant(target), model, lang),
    }


def _quadrant(target: Target) -> str:
    from regiekompas.core.vocabulary import quadrant_of

    return target.kwadrant or quadrant_of(target.cc, target.dc)


def _recorded(target: Target) -> str:
    values = {"source": Source(target.source).label, "when": _date(target.updated_at.date())}
    if target.recorded_by is None:
        return _("%(source)s on %(when)s") % values
    return _("%(source)s, by %(who)s on %(when)s") % {
        **values,
        "who": target.recorded_by.get_username(),
    }


def build_cycle_section(
    *,
    scan_pk: int,
    gemeente: str,
    transities: list[str],
    document: Mapping[str, Any] | None,
    targets: Iterable[Target],
    actions: Iterable[Any],
    trend: RoundTrend | None,
    model: Model,
    lang: str,
    links: bool = True,
) -> CycleSection:
    doelen = {
        row["transitie"]: row
        for row in (document or {}).get("doelen") or []
        if row["gemeente_code"] == gemeente
    }
    praktijk = {
        row["transitie"]: row
        for row in (document or {}).get("cellen") or []
        if row["gemeente_code"] == gemeente and row["perspectief"] == "praktijk"
    }
    by_transitie = {t.transitie: t for t in targets if t.gemeente_code == gemeente}
    lines: list[TargetLine] = []
    without: list[OpenTransitie] = []
    for code in transities:
        url = reverse("targets:target", args=[scan_pk, gemeente, code]) if links else ""
        target = by_transitie.get(code)
        if target is None:
            without.append(OpenTransitie(transitie_name(code, model, lang), url))
            continue
        row = doelen.get(code)
        cell = praktijk.get(code)
        lines.append(
            TargetLine(
                transitie=code,
                name=transitie_name(code, model, lang),
                target=_target_text(target, model, lang),
                toelichting=target.toelichting,
                agreed_by=target.agreed_by or "—",
                agreed_on=_date(target.agreed_on),
                recorded=_recorded(target),
                praktijk=quadrant_name(cell["kwadrant"], model, lang) if cell else "—",
                afstand=number(row["afstand"]) if row else "—",
                afstand_ci=interval(row["afstand_ci"]) if row else "—",
                edit_url=url,
            )
        )
    actions = [a for a in actions if a.gemeente_code == gemeente]
    agenda = [
        AgendaLine(
            subject=subject_name(a.onderwerp),
            transitie=transitie_name(a.transitie, model, lang) if a.transitie else "—",
            actie=a.actie,
            eigenaar=a.eigenaar,
            deadline=_date(a.deadline),
            status=str(Status(a.status).label),
            status_code=a.status,
            edit_url=reverse("targets:action_edit", args=[scan_pk, gemeente, a.pk])
            if links
            else "",
        )
        for a in actions
    ]
    progress = agenda_progress({"gemeente_code": gemeente, "status": a.status} for a in actions)
    trend_lines = _trend_lines(trend.rows, gemeente, transities, model, lang) if trend else []
    return CycleSection(
        code=gemeente,
        targets=lines,
        without_target=without,
        agenda=agenda,
        progress=progress,
        progress_text=_progress_text(progress),
        add_action_url=reverse("targets:action_add", args=[scan_pk, gemeente]) if links else "",
        previous=trend.previous.name if trend else None,
        trend=trend_lines,
        beyond_noise=sum(1 for line in trend_lines if line.zeker),
    )


def _progress_text(progress: Progress) -> str:
    if not progress.total:
        return _("No actions yet.")
    text = _("%(done)s of %(total)s actions done, %(busy)s in progress") % {
        "done": progress.klaar,
        "total": progress.total,
        "busy": progress.bezig,
    }
    if progress.vervallen:
        text += "; " + _("%(n)s dropped") % {"n": progress.vervallen}
    return text + "."


def _about(maat: str, parts: list[str], model: Model, lang: str) -> str:
    measure = maat.split(".")[0]
    if measure == "condities":
        return condition_name(parts[-1], model, lang)
    names = [transitie_name(parts[1], model, lang)] if len(parts) > 1 else []
    if len(parts) > 2:
        names.append(_("ambitie") if parts[2] == "ambitie" else _("praktijk"))
    return ", ".join(names)


def _figure(maat: str, lang: str) -> str:
    measure, field = maat.split(".")
    t = table(measure)
    label = t.field(field).label.get(lang)
    if measure == "doelen":
        return label
    if measure == "condities":
        return t.label.get(lang)
    if field == "waarde" or measure == "cellen":
        return label if measure != "spraakverwarring_rationaliteiten" else t.label.get(lang)
    return f"{t.label.get(lang)}: {label}"


def _trend_lines(
    rows: Iterable[TrendRow], gemeente: str, transities: list[str], model: Model, lang: str
) -> list[TrendLine]:
    order = {maat: i for i, maat in enumerate(TREND_FIGURES)}
    place = {code: i for i, code in enumerate([*transities, *PERSPECTIEVEN, *CONDITIONS])}
    picked = []
    for row in rows:
        if row["maat"] not in order:
            continue
        parts = row["sleutel"].split("|")
        if parts[0] != gemeente:
            continue
        if row["maat"] == "condities.score" and len(parts) != 2:
            continue  # group rows: the page shows the gemeente as a whole
        picked.append((order[row["maat"]], parts[1:], row))
    picked.sort(key=lambda item: (item[0], [place.get(p, len(place)) for p in item[1]]))
    lines = []
    for _index, parts, row in picked:
        digits = 0 if row["maat"] == "condities.score" else 2
        zeker = row["zeker"]
        if zeker is None:
            verdict = _("no interval") if row["verschil"] is not None else _("in one round only")
        else:
            verdict = _("beyond noise") if zeker else _("within noise")
        lines.append(
            TrendLine(
                figure=_figure(row["maat"], lang),
                about=_about(row["maat"], [gemeente, *parts], model, lang),
                oud=number(row["oud"], digits),
                nieuw=number(row["nieuw"], digits),
                verschil=_signed(row["verschil"], digits),
                ci=_interval(row["ci"], digits),
                zeker=zeker,
                verdict=verdict,
            )
        )
    return lines


def _signed(value: float | None, digits: int) -> str:
    text = number(value, digits)
    if value is not None and text != number(0, digits) and value > 0:
        return "+" + text
    return text


def _interval(bounds: list[float] | None, digits: int) -> str:
    if not bounds:
        return MISSING
    return _("%(low)s to %(high)s") % {
        "low": number(bounds[0], digits),
        "high": number(bounds[1], digits),
    }


def gemeente_cycle(
    scan: Any, gemeente: str, document: Mapping[str, Any] | None, model: Model, lang: str,
    *, links: bool = True,
) -> CycleSection:  # fmt: skip
    """The cycle section of one gemeente of `scan` (a `scans.Scan`), with `document` the
    scan's published results document (None before anything was published)."""
    from regiekompas.web.results.cycle import round_trend
    from regiekompas.web.targets.services import actions_of, targets_of

    return build_cycle_section(
        scan_pk=scan.pk,
        gemeente=gemeente,
        transities=list(scan.transities),
        document=document,
        targets=targets_of(scan, gemeente),
        actions=actions_of(scan, gemeente),
        trend=round_trend(scan, document) if document is not None else None,
        model=model,
        lang=lang,
        links=links,
    )


@dataclass(frozen=True)
class MovementRow:
    name: str
    before: str
    now: str
    d_cc: str
    d_dc: str
    zeker: str


@dataclass(frozen=True)
class MovementPicture:
    code: str
    name: str
    svg: SafeString
    rows: list[MovementRow]
    moved: int


@dataclass(frozen=True)
class RegionMovement:
    previous: str
    pictures: list[MovementPicture]


def build_region_movement(
    trend: RoundTrend | None,
    *,
    transities: list[str],
    gemeenten: list[tuple[str, str]],
    model: Model,
    lang: str,
) -> RegionMovement | None:
    """Per transitie, each visible gemeente's praktijk position in the previous round and
    now, with an arrow between them (`core.charts.arrows_svg`, reused for round → round) and
    per axis whether the change is beyond noise (product.md §4.13)."""
    if trend is None:
        return None
    from regiekompas.core.charts import ArrowsLegend, GemeentePath, arrows_svg, frame_labels
    from regiekompas.core.vocabulary import quadrant_of

    rows = {
        (row["maat"], row["sleutel"]): row
        for row in trend.rows
        if row["maat"] in ("cellen.cc", "cellen.dc")
    }
    legend = ArrowsLegend(
        ambitie=_("Previous round (diamond)"),
        praktijk=_("This round (circle), named"),
        arrow=_("Arrow: movement since the previous round"),
    )
    pictures = []
    for code in transities:
        paths = []
        table_rows = []
        moved = 0
        for gemeente, name in gemeenten:
            key = f"{gemeente}|{code}|praktijk"
            cc, dc = rows.get(("cellen.cc", key)), rows.get(("cellen.dc", key))
            if cc is None or dc is None:
                continue
            before = _pair(cc["oud"], dc["oud"])
            now = _pair(cc["nieuw"], dc["nieuw"])
            if before is None and now is None:
                continue
            paths.append(GemeentePath(name, before, now))
            sure = [axis for axis, row in (("cc", cc), ("dc", dc)) if row["zeker"]]
            moved += bool(sure)
            table_rows.append(
                MovementRow(
                    name=name,
                    before=quadrant_name(quadrant_of(*before), model, lang) if before else "—",
                    now=quadrant_name(quadrant_of(*now), model, lang) if now else "—",
                    d_cc=_signed(cc["verschil"], 2),
                    d_dc=_signed(dc["verschil"], 2),
                    zeker=", ".join(sure) if sure else _("no"),
                )
            )
        if not paths:
            continue
        transitie = transitie_name(code, model, lang)
        svg = arrows_svg(
            title=_("%(transitie)s: praktijk in the previous round and now")
            % {"transitie": transitie},
            description=_(
                "Per gemeente a diamond for praktijk in the previous round, a circle for "
                "praktijk now and an arrow between them; the table below gives the same."
            ),
            frame_labels=frame_labels(model, lang),
            legend=legend,
            gemeenten=paths,
            id_prefix=f"beweging-{code}",
        )
        pictures.append(MovementPicture(code, transitie, mark_safe(svg), table_rows, moved))
    return RegionMovement(trend.previous.name, pictures)


def _pair(cc: float | None, dc: float | None) -> tuple[float, float] | None:
    return None if cc is None or dc is None else (cc, dc)


def region_movement(scan: Any, document: Mapping[str, Any] | None, gemeenten: list[tuple[str, str]],
                    model: Model, lang: str) -> RegionMovement | None:  # fmt: skip
    """The movement section of the region overview of `scan` (None without a trend)."""
    from regiekompas.web.results.cycle import round_trend

    if document is None:
        return None
    return build_region_movement(
        round_trend(scan, document),
        transities=list(scan.transities),
        gemeenten=gemeenten,
        model=model,
        lang=lang,
    )
