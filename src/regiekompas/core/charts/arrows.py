"""The region's quadrant plot for one transitie: every gemeente, its ambitie → praktijk arrow.

This is the picture the transitiemodel's source study drew for its gemeenten: the ambitions
bunched in one quadrant (mostly Sturen), the practice spread over the others, and an arrow
per gemeente from where regie is meant to be to where it is today. Ambitie is a small
diamond, praktijk a circle, so the two differ in shape and not only in colour. Gemeenten
are named at their praktijk point where the name fits without covering a mark, a line or
another name (`_place.place_labels`); a gemeente whose name finds no free spot gets a
number, listed with its name in the legend, and when even the number does not fit, the
table that accompanies the chart names it. Above `MAX_LABELLED` gemeenten (a national scan)
the plot shows the pattern only.

Callers pass only shown positions: small cells (n < k) are left out before this module.
A gemeente page may add the ambitie as written in its policy documents (`DocumentMark`, a
hollow square with interval whiskers, `_document`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from regiekompas.core.charts import _document, _legend, _marks, _place, _svg
from regiekompas.core.charts._document import DocumentMark
from regiekompas.core.charts.frame import (
    WIDTH,
    Frame,
    FrameLabels,
    frame_elements,
    frame_text_boxes,
)

#: Above this many gemeenten no names are set in the plot (the table names them).
MAX_LABELLED: Final = 40
_AMBITIE_R: Final = 6.0
_PRAKTIJK_R: Final = 6.0
ARROW: Final = "#5c5c5c"


@dataclass(frozen=True)
class GemeentePath:
    """One gemeente: its ambitie and praktijk positions (cc, dc), either may be missing."""

    label: str
    ambitie: tuple[float, float] | None
    praktijk: tuple[float, float] | None


@dataclass(frozen=True)
class ArrowsLegend:
    ambitie: str
    praktijk: str
    arrow: str
    document: str = ""


def _finite(point: tuple[float, float] | None) -> tuple[float, float] | None:
    if point is None or not all(math.isfinite(v) for v in point):
        return None
    return point


def _marker(marker_id: str) -> str:
    return (
        f'<marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6"'
        ' markerHeight="6" orient="auto-start-reverse">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{ARROW}"/></marker>'
    )


def _arrow_icon(x: float, y: float) -> str:
    n = _svg.num
    return (
        f'<line x1="{n(x - 14)}" y1="{n(y)}" x2="{n(x + 8)}" y2="{n(y)}" stroke="{ARROW}"'
        f' stroke-width="1.5"/><path d="M{n(x + 6)},{n(y - 5)} L{n(x + 15)},{n(y)}'
        f' L{n(x + 6)},{n(y + 5)} z" fill="{ARROW}"/>'
    )


def _key_icon(key: str) -> _legend.Icon:
    def icon(x: float, y: float) -> str:
        return _svg.text_element(x, y + 5, key, anchor="middle", weight="bold", fill=_svg.PRAKTIJK)

    return icon


def _ambitie_shape() -> str:
    return _marks.diamond(_svg.AMBITIE, r=_AMBITIE_R)


def _praktijk_shape() -> str:
    return _marks.circle(_svg.PRAKTIJK, r=_PRAKTIJK_R)


def arrows_svg(
    *,
    title: str,
    description: str,
    frame_labels: FrameLabels,
    legend: ArrowsLegend,
    gemeenten: Sequence[GemeentePath],
    id_prefix: str,
    document: DocumentMark | None = None,
) -> str:
    """A standalone SVG: every gemeente's ambitie and praktijk with an arrow between them.

    `document` adds the ambitie as written in policy documents, with its intervals.
    """
    pid = _svg.safe_id(id_prefix)
    marker_id = f"{pid}-arrow"
    frame = Frame()
    n = _svg.num
    body = frame_elements(frame, frame_labels)

    paths = [(g, _finite(g.ambitie), _finite(g.praktijk)) for g in gemeenten]
    segments: list[_place.Segment] = []
    arrows: list[str] = []
    marks: list[str] = []
    obstacles = frame_text_boxes(frame, frame_labels)
    if document is not None and not document.finite:
        document = None
    if document is not None:
        lines, whisker_segments = _document.whiskers(frame, document)
        body.append(lines)
        segments.extend(whisker_segments)
        x, y = frame.x(document.cc), frame.y(document.dc)
        marks.append(_marks.at(x, y, _document.square(), "rk-chart__point rk-chart__document"))
        obstacles.append(_place.mark_box(x, y, _document.R + 2))
    for _g, amb, prak in paths:
        if amb is not None and prak is not None:
            x1, y1 = frame.x(amb[0]), frame.y(amb[1])
            x2, y2 = frame.x(prak[0]), frame.y(prak[1])
            length = math.hypot(x2 - x1, y2 - y1)
            if length > _AMBITIE_R + _PRAKTIJK_R + 4:
                # From the edge of the diamond to the edge of the circle.
                ux, uy = (x2 - x1) / length, (y2 - y1) / length
                sx, sy = x1 + ux * (_AMBITIE_R + 1), y1 + uy * (_AMBITIE_R + 1)
                ex, ey = x2 - ux * (_PRAKTIJK_R + 2), y2 - uy * (_PRAKTIJK_R + 2)
                segments.append(((sx, sy), (ex, ey)))
                arrows.append(
                    f'<line class="rk-chart__path" x1="{n(sx)}" y1="{n(sy)}" x2="{n(ex)}"'
                    f' y2="{n(ey)}" stroke="{ARROW}" stroke-width="1.5"'
                    f' marker-end="url(#{marker_id})"/>'
                )
        if amb is not None:
            x, y = frame.x(amb[0]), frame.y(amb[1])
            marks.append(_marks.at(x, y, _ambitie_shape(), "rk-chart__point rk-chart__ambitie"))
            obstacles.append(_place.mark_box(x, y, _AMBITIE_R + 1))
        if prak is not None:
            x, y = frame.x(prak[0]), frame.y(prak[1])
            marks.append(_marks.at(x, y, _praktijk_shape(), "rk-chart__point rk-chart__praktijk"))
            obstacles.append(_place.mark_box(x, y, _PRAKTIJK_R + 1))
    body.extend(arrows)
    body.extend(marks)

    labelled = [(g, prak) for g, _amb, prak in paths if prak is not None]
    keyed: list[tuple[str, str]] = []
    if len(labelled) <= MAX_LABELLED and labelled:
        bounds = _place.Box(
            frame.left + 2, frame.top + 2, frame.left + frame.size - 2, frame.bottom - 2
        )
        points = [(frame.x(p[0]), frame.y(p[1])) for _g, p in labelled]
        names = [
            _place.LabelRequest(x, y, g.label, _PRAKTIJK_R)
            for (g, _p), (x, y) in zip(labelled, points, strict=True)
        ]
        placed = _place.place_labels(
            names, obstacles=obstacles, segments=segments, bounds=bounds, size=_svg.MIN_FONT
        )
        missing = [i for i, p in enumerate(placed) if p is None]
        # Second round: a number for each gemeente whose name did not fit.
        taken = obstacles + [p.box for p in placed if p is not None]
        leaders = [p.leader for p in placed if p is not None and p.leader is not None]
        numbers = [
            _place.LabelRequest(points[i][0], points[i][1], str(k), _PRAKTIJK_R)
            for k, i in enumerate(missing, 1)
        ]
        keys = _place.place_labels(
            numbers,
            obstacles=taken,
            segments=segments + leaders,
            bounds=bounds,
            size=_svg.MIN_FONT,
        )
        for i, p in enumerate(placed):
            if p is not None:
                body.extend(_place.label_elements(p, labelled[i][0].label, color=_svg.PRAKTIJK))
        for request, p, i in zip(numbers, keys, missing, strict=True):
            if p is not None:
                body.extend(_place.label_elements(p, request.text, color=_svg.PRAKTIJK))
                keyed.append((request.text, labelled[i][0].label))

    entries = [
        _legend.Entry(_legend.shape_icon(_ambitie_shape()), legend.ambitie),
        _legend.Entry(_legend.shape_icon(_praktijk_shape()), legend.praktijk),
    ]
    if arrows:
        entries.append(_legend.Entry(_arrow_icon, legend.arrow))
    if document is not None:
        entries.append(_legend.Entry(_document.icon, legend.document))
    entries.extend(_legend.Entry(_key_icon(key), name) for key, name in keyed)
    legend_top = frame.bottom + 12
    body.extend(_legend.elements(entries, legend_top))
    return _svg.document(
        width=WIDTH,
        height=legend_top + _legend.height(entries) + 12,
        title=title,
        description=description,
        id_prefix=pid,
        body=body,
        css="rk-chart rk-chart--arrows",
        defs=_marker(marker_id) if arrows else "",
    )
