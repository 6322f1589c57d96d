"""From the room's figures to what the projector and the phones draw (docs/workshop.md).

The drawing is `core.charts.room`; the k-rules are decided in `core.workshop`; the scan's
measured positions come from the published results (`results.service.scan_results`), so
this module only chooses texts in the reader's language and passes on what may be shown.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import segno
from django.utils.translation import gettext as _

from regiekompas.core.charts import _marks, _svg
from regiekompas.core.charts.frame import WIDTH, Frame, frame_elements, frame_labels
from regiekompas.core.charts.room import RoomDot, RoomLegend, RoomMark, room_svg
from regiekompas.core.model import load_model
from regiekompas.core.model.bands import load_bands
from regiekompas.core.workshop import RoomCell, Spread
from regiekompas.web.results.formatting import current_lang, number

#: Short keys of the groups on the projector (A, B, …) in the model's order.
_KEYS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def group_keys() -> dict[str, str]:
    return {g.code: _KEYS[i] for i, g in enumerate(load_model().groups)}


def qr_svg(url: str) -> str:
    """The join link as a QR code (SVG, drawn on the server), dark on white."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=8, dark="#000000", light="#ffffff", border=2, xmldecl=False
    )
    return buffer.getvalue().decode()


def drag_svg(position: tuple[float, float] | None, id_prefix: str) -> str:
    """The participant's quadrant: the frame and a marker the script moves (docs/workshop.md).

    Hidden from assistive technology: the two labelled sliders next to it do the same.
    """
    frame = Frame()
    body = frame_elements(frame, frame_labels(load_model(), current_lang()))
    x, y = (frame.x(position[0]), frame.y(position[1])) if position else (frame.x(0), frame.y(0))
    hidden = "" if position else " rk-drag__marker--unplaced"
    body.append(
        f'<g class="rk-drag__marker{hidden}" transform="translate({_svg.num(x)} {_svg.num(y)})">'
        f"{_marks.circle('#a63d00', 14)}</g>"
    )
    size = WIDTH
    pid = _svg.safe_id(id_prefix)
    return (
        f'<svg xmlns="{_svg.SVG_NS}" viewBox="0 0 {size} {size}" class="rk-drag__plane"'
        f' aria-hidden="true" focusable="false" data-left="{_svg.num(frame.left)}"'
        f' data-top="{_svg.num(frame.top)}" data-size="{_svg.num(frame.size)}" id="{pid}"'
        f' font-family="{_svg.attr(_svg.FONT_FAMILY)}" font-size="{_svg.MIN_FONT}">'
        + "".join(body)
        + "</svg>"
    )


@dataclass
class Plot:
    """One plot of the projector with its text alternative."""

    title: str
    svg: str
    n: int
    lines: list[str] = field(default_factory=list)


def perspective_name(perspectief: str) -> str:
    return _("Ambitie") if perspectief == "ambitie" else _("Praktijk")


def round_name(rnd: int) -> str:
    return _("round 1 (before the discussion)") if rnd == 1 else _("round 2 (after the discussion)")


def _spread_line(kind: str, spread: Spread | None, names: dict[str, str]) -> str | None:
    if spread is None:
        return None
    band = load_bands().of("spraakverwarring", spread.value)
    band_label = load_bands()["spraakverwarring"].label(band, current_lang()) if band else ""
    return _(
        "Spraakverwarring between %(kind)s: %(value)s (%(band)s), largest between %(a)s and %(b)s."
    ) % {
        "kind": kind,
        "value": number(spread.value),
        "band": band_label,
        "a": names.get(spread.first, spread.first),
        "b": names.get(spread.second, spread.second),
    }


def room_plot(
    *,
    cell: RoomCell,
    title: str,
    revealed: bool,
    measured: list[RoomMark],
    target: RoomMark | None,
    id_prefix: str,
) -> Plot:
    """The projector's plot of one room cell; while hidden, no dot or figure of the room."""
    lang = current_lang()
    model = load_model()
    rat_names = {r.code: r.name.get(lang) for r in model.rationaliteiten}
    group_names = {g.code: g.name.get(lang) for g in model.groups}
    keys = group_keys()
    legend = RoomLegend(
        hidden=_("Participant (group not shown: fewer than k)"),
        rationaliteiten=rat_names,
        groups=_("Group centroid (letter: see the list)"),
        measured=_("Measured in the scan (published results)"),
        target=_("Chosen target"),
    )
    lines: list[str] = []
    if revealed:
        dots = [RoomDot(d.cc, d.dc, d.rationaliteit) for d in cell.dots]
        groups = [
            RoomMark(keys.get(c.code, "?"), group_names.get(c.code, c.code), c.cc, c.dc)
            for c in cell.groups
        ]
        rats = [
            RoomMark(c.code, rat_names.get(c.code, c.code), c.cc, c.dc)
            for c in cell.rationaliteiten
        ]
        for c in cell.rationaliteiten:
            lines.append(
                _("%(name)s (n = %(n)s): cocreatie–controle %(cc)s, decentraal–centraal %(dc)s.")
                % {
                    "name": rat_names.get(c.code, c.code),
                    "n": c.n,
                    "cc": number(c.cc),
                    "dc": number(c.dc),
                }
            )
        for c in cell.groups:
            lines.append(
                _(
                    "%(key)s %(name)s (n = %(n)s): cocreatie–controle %(cc)s, "
                    "decentraal–centraal %(dc)s."
                )
                % {
                    "key": keys.get(c.code, "?"),
                    "name": group_names.get(c.code, c.code),
                    "n": c.n,
                    "cc": number(c.cc),
                    "dc": number(c.dc),
                }
            )
        for line in (
            _spread_line(_("rationaliteiten"), cell.spread_rationaliteiten, rat_names),
            _spread_line(_("groups"), cell.spread_groups, group_names),
        ):
            if line:
                lines.append(line)
        if cell.n and not cell.groups and not cell.rationaliteiten:
            lines.append(_("No group reaches k yet, so no group is shown."))
    else:
        dots, groups, rats = [], [], []
    description = (
        _("%(n)s dots placed.") % {"n": cell.n}
        if revealed
        else _("The dots are hidden until the facilitator reveals them.")
    )
    svg = room_svg(
        title=title,
        description=description,
        frame_labels=frame_labels(model, lang),
        legend=legend,
        dots=dots,
        groups=groups,
        rationaliteiten=rats,
        measured=measured,
        target=target,
        id_prefix=id_prefix,
    )
    return Plot(title=title, svg=svg, n=cell.n, lines=lines)


def measured_marks(results: Any, transitie: str, perspectief: str, gemeente: str) -> list[RoomMark]:
    """The scan's published cell positions of one transitie × perspectief (every gemeente,
    or only `gemeente`); cells below k are not in the results and so not here."""
    if results is None:
        return []
    marks = []
    for row in results.rows("cellen"):
        if row.get("transitie") != transitie or row.get("perspectief") != perspectief:
            continue
        if gemeente and row.get("gemeente_code") != gemeente:
            continue
        if row.get("cc") is None or row.get("dc") is None:
            continue
        code = str(row["gemeente_code"])
        marks.append(
            RoomMark(code, results.names.get(code, code), float(row["cc"]), float(row["dc"]))
        )
    return marks
