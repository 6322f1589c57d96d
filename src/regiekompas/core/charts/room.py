"""The room's quadrant plot in a live workshop: every dot, shown centroids, measured positions.

One plot is one round × transitie × perspectief (docs/workshop.md). Dots are small marks
whose shape *and* colour name their rationaliteit when it may be shown, and a plain grey
ring otherwise; shown group centroids are triangles with a short key, shown rationaliteit
centroids larger squares with a key; the scan's measured position of a gemeente (from the
published results) is a diamond with its name; a chosen target a ring with a cross. Callers
pass only what may be shown: this module never decides about k-anonymity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from regiekompas.core.charts import _legend, _marks, _svg
from regiekompas.core.charts.frame import WIDTH, Frame, FrameLabels, frame_elements

#: Colour and shape per rationaliteit; every colour has ≥ 4.5:1 contrast on white.
RATIONALITEIT_STYLE: Final[dict[str, tuple[str, str]]] = {
    "politiek": ("#0b5394", "circle"),
    "juridisch_financieel": ("#8a4b00", "square"),
    "professioneel": ("#1d6b34", "diamond"),
    "leefwereld": ("#7b2a7b", "triangle"),
}
HIDDEN_COLOR: Final = "#5c5c5c"
MEASURED_COLOR: Final = "#1a1a1a"
_DOT_R: Final = 6.5


@dataclass(frozen=True)
class RoomDot:
    cc: float
    dc: float
    #: The rationaliteit code when it may be shown, else None (a grey ring).
    rationaliteit: str | None


@dataclass(frozen=True)
class RoomMark:
    """A labelled point: a centroid (with a short key) or a measured position or target."""

    key: str
    label: str
    cc: float
    dc: float


@dataclass(frozen=True)
class RoomLegend:
    """Translated legend texts; an entry appears only when its kind is drawn."""

    hidden: str
    rationaliteiten: dict[str, str]
    groups: str
    measured: str
    target: str


def dot_shape(rationaliteit: str | None, r: float = _DOT_R) -> str:
    if rationaliteit is None or rationaliteit not in RATIONALITEIT_STYLE:
        return (
            f'<circle cx="0" cy="0" r="{_svg.num(r - 1)}" fill="#ffffff" stroke="{HIDDEN_COLOR}"'
            ' stroke-width="2"/>'
        )
    color, shape = RATIONALITEIT_STYLE[rationaliteit]
    if shape == "square":
        return _marks.square(color, r * 0.9)
    if shape == "diamond":
        return _marks.diamond(color, r * 1.25)
    if shape == "triangle":
        return _marks.triangle(color, filled=True, r=r * 1.2)
    return _marks.circle(color, r)


def _target_shape() -> str:
    return (
        f'<circle cx="0" cy="0" r="11" fill="none" stroke="{MEASURED_COLOR}" stroke-width="3"/>'
        f'<path d="M-7,0 L7,0 M0,-7 L0,7" stroke="{MEASURED_COLOR}" stroke-width="3"/>'
    )


def _label(x: float, y: float, content: str, color: str) -> str:
    # A white halo keeps labels readable over dots.
    return (
        f'<text x="{_svg.num(x)}" y="{_svg.num(y)}" font-size="{_svg.MIN_FONT}" font-weight="bold"'
        f' fill="{color}" stroke="#ffffff" stroke-width="4" paint-order="stroke">'
        f"{_svg.text(content)}</text>"
    )


def room_svg(
    *,
    title: str,
    description: str,
    frame_labels: FrameLabels,
    legend: RoomLegend,
    dots: Sequence[RoomDot],
    groups: Sequence[RoomMark] = (),
    rationaliteiten: Sequence[RoomMark] = (),
    measured: Sequence[RoomMark] = (),
    target: RoomMark | None = None,
    id_prefix: str,
) -> str:
    """A standalone SVG of one room cell; the same input always gives the same string."""
    frame = Frame()
    body = frame_elements(frame, frame_labels)
    body.append('<g class="rk-room__dots">')
    for dot in dots:
        body.append(_marks.at(frame.x(dot.cc), frame.y(dot.dc), dot_shape(dot.rationaliteit)))
    body.append("</g>")
    for mark in measured:
        x, y = frame.x(mark.cc), frame.y(mark.dc)
        body.append(_marks.at(x, y, _marks.diamond(MEASURED_COLOR, 10), "rk-room__measured"))
        body.append(_label(x + 13, y + 5, mark.label, MEASURED_COLOR))
    for mark in rationaliteiten:
        color = RATIONALITEIT_STYLE.get(mark.key, (MEASURED_COLOR, ""))[0]
        x, y = frame.x(mark.cc), frame.y(mark.dc)
        body.append(_marks.at(x, y, _marks.square(color, 9), "rk-room__rationaliteit"))
        body.append(_label(x + 12, y - 8, mark.label, color))
    for mark in groups:
        x, y = frame.x(mark.cc), frame.y(mark.dc)
        body.append(
            _marks.at(x, y, _marks.triangle(MEASURED_COLOR, filled=False, r=9), "rk-room__group")
        )
        body.append(_label(x + 11, y + 14, mark.key, MEASURED_COLOR))
    if target is not None:
        x, y = frame.x(target.cc), frame.y(target.dc)
        body.append(_marks.at(x, y, _target_shape(), "rk-room__target"))
        body.append(_label(x + 14, y - 10, target.label, MEASURED_COLOR))

    entries: list[_legend.Entry] = []
    drawn = {d.rationaliteit for d in dots}
    for code, name in legend.rationaliteiten.items():
        if code in drawn:
            entries.append(_legend.Entry(_legend.shape_icon(dot_shape(code, 7)), name))
    if None in drawn:
        entries.append(_legend.Entry(_legend.shape_icon(dot_shape(None, 7)), legend.hidden))
    if groups:
        shape = _marks.triangle(MEASURED_COLOR, filled=False, r=9)
        entries.append(_legend.Entry(_legend.shape_icon(shape), legend.groups))
    if measured:
        entries.append(
            _legend.Entry(_legend.shape_icon(_marks.diamond(MEASURED_COLOR, 9)), legend.measured)
        )
    if target is not None:
        entries.append(_legend.Entry(_legend.shape_icon(_target_shape()), legend.target))
    legend_top = frame.bottom + 12
    body.extend(_legend.elements(entries, legend_top))
    height = legend_top + _legend.height(entries) + 12
    return _svg.document(
        width=WIDTH,
        height=height,
        title=title,
        description=description,
        id_prefix=id_prefix,
        body=body,
        css="rk-chart rk-chart--room",
    )
