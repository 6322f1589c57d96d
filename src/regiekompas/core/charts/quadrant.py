"""The quadrant plot of one gemeente × transitie: where regie is meant to be and where it is.

Ambitie and praktijk appear as the mean position with a box for the 95 % intervals on both
axes; the kloof is an arrow from praktijk to ambitie (the way practice would have to move);
group centroids are small triangles with a short key, open for ambitie and filled for
praktijk. Callers pass only what may be shown: this module draws what it is given and
never decides about k-anonymity.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from regiekompas.core.charts import _legend, _marks, _place, _svg
from regiekompas.core.charts.frame import (
    WIDTH,
    Frame,
    FrameLabels,
    frame_elements,
    frame_text_boxes,
)

Perspective = Literal["ambitie", "praktijk"]

_COLOR: Final[dict[str, str]] = {"ambitie": _svg.AMBITIE, "praktijk": _svg.PRAKTIJK}
#: Radius of the cell markers; the kloof arrow stops this far before the ambitie point.
_CELL_R: Final = 9.0
#: Half the size of a group triangle (its box for label placement).
_GROUP_R: Final = 8.0


@dataclass(frozen=True)
class CellPoint:
    """A cell position (mean over respondents) with optional 95 % intervals per axis."""

    perspectief: Perspective
    label: str
    cc: float
    dc: float
    cc_ci: tuple[float, float] | None = None
    dc_ci: tuple[float, float] | None = None


@dataclass(frozen=True)
class GroupPoint:
    """A stakeholder group's centroid; `key` is the short mark next to it (e.g. "A")."""

    perspectief: Perspective
    key: str
    label: str
    cc: float
    dc: float


@dataclass(frozen=True)
class QuadrantLegend:
    """Translated legend texts; an entry is shown only when its kind is drawn."""

    ambitie: str
    praktijk: str
    kloof: str
    group_ambitie: str
    group_praktijk: str


def _cell_shape(p: Perspective) -> str:
    return _marks.diamond(_COLOR[p]) if p == "ambitie" else _marks.circle(_COLOR[p])


def _finite(*values: float) -> bool:
    return all(math.isfinite(v) for v in values)


def _interval(frame: Frame, cell: CellPoint) -> str | None:
    if cell.cc_ci is None or cell.dc_ci is None or not _finite(*cell.cc_ci, *cell.dc_ci):
        return None
    x1, x2 = sorted((frame.x(cell.cc_ci[0]), frame.x(cell.cc_ci[1])))
    y1, y2 = sorted((frame.y(cell.dc_ci[0]), frame.y(cell.dc_ci[1])))
    n = _svg.num
    color = _COLOR[cell.perspectief]
    return (
        f'<rect class="rk-chart__ci rk-chart__ci--{cell.perspectief}" x="{n(x1)}" y="{n(y1)}"'
        f' width="{n(x2 - x1)}" height="{n(y2 - y1)}" fill="{color}" fill-opacity="0.1"'
        f' stroke="{color}" stroke-width="1.5" stroke-dasharray="5 3"/>'
    )


def _arrow_segment(frame: Frame, praktijk: CellPoint, ambitie: CellPoint) -> _place.Segment:
    x1, y1 = frame.x(praktijk.cc), frame.y(praktijk.dc)
    x2, y2 = frame.x(ambitie.cc), frame.y(ambitie.dc)
    length = math.hypot(x2 - x1, y2 - y1)
    if length <= 0:
        return ((x1, y1), (x2, y2))
    shorten = (_CELL_R + 3) / length
    return ((x1, y1), (x2 - (x2 - x1) * shorten, y2 - (y2 - y1) * shorten))


def _arrow(frame: Frame, praktijk: CellPoint, ambitie: CellPoint, marker_id: str) -> str | None:
    x1, y1 = frame.x(praktijk.cc), frame.y(praktijk.dc)
    x2, y2 = frame.x(ambitie.cc), frame.y(ambitie.dc)
    if math.hypot(x2 - x1, y2 - y1) <= _CELL_R + 4:
        return None  # the points (nearly) coincide: an arrow would hide them
    (x1, y1), (x2, y2) = _arrow_segment(frame, praktijk, ambitie)
    n = _svg.num
    return (
        f'<line class="rk-chart__kloof" x1="{n(x1)}" y1="{n(y1)}" x2="{n(x2)}" y2="{n(y2)}"'
        f' stroke="{_svg.INK}" stroke-width="2.5" marker-end="url(#{marker_id})"/>'
    )


def _arrow_marker(marker_id: str) -> str:
    return (
        f'<marker id="{marker_id}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5"'
        ' markerHeight="5" orient="auto-start-reverse">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{_svg.INK}"/></marker>'
    )


def _arrow_icon(x: float, y: float) -> str:
    n = _svg.num
    return (
        f'<line x1="{n(x - 14)}" y1="{n(y)}" x2="{n(x + 8)}" y2="{n(y)}" stroke="{_svg.INK}"'
        f' stroke-width="2.5"/><path d="M{n(x + 6)},{n(y - 6)} L{n(x + 16)},{n(y)}'
        f' L{n(x + 6)},{n(y + 6)} z" fill="{_svg.INK}"/>'
    )


def _key_icon(key: str) -> _legend.Icon:
    def icon(x: float, y: float) -> str:
        return _svg.text_element(x, y + 5, key, anchor="middle", weight="bold")

    return icon


def quadrant_svg(
    *,
    title: str,
    description: str,
    frame_labels: FrameLabels,
    legend: QuadrantLegend,
    cells: Sequence[CellPoint],
    groups: Sequence[GroupPoint] = (),
    id_prefix: str,
    show_kloof: bool = True,
) -> str:
    """A standalone SVG of cell positions, their intervals, the kloof and group centroids.

    `title` and `description` become the chart's accessible name and description; every
    text is escaped. The kloof arrow is drawn when both an ambitie and a praktijk cell are
    given (and `show_kloof`). The same input always gives the same string.
    """
    pid = _svg.safe_id(id_prefix)
    marker_id = f"{pid}-arrow"
    frame = Frame()
    shown_cells = [c for c in cells if _finite(c.cc, c.dc)]
    shown_groups = [g for g in groups if _finite(g.cc, g.dc)]
    by_p = {c.perspectief: c for c in shown_cells}

    body = frame_elements(frame, frame_labels)
    for cell in shown_cells:
        box = _interval(frame, cell)
        if box:
            body.append(box)
    arrow = None
    if show_kloof and "ambitie" in by_p and "praktijk" in by_p:
        arrow = _arrow(frame, by_p["praktijk"], by_p["ambitie"], marker_id)
        if arrow:
            body.append(arrow)
    obstacles = frame_text_boxes(frame, frame_labels)
    segments: list[_place.Segment] = []
    if arrow:
        segments.append(_arrow_segment(frame, by_p["praktijk"], by_p["ambitie"]))
    requests: list[tuple[_place.LabelRequest, str, bool]] = []
    for g in shown_groups:
        x, y = frame.x(g.cc), frame.y(g.dc)
        color = _COLOR[g.perspectief]
        shape = _marks.triangle(color, filled=g.perspectief == "praktijk")
        css = f"rk-chart__group rk-chart__group--{g.perspectief}"
        body.append(_marks.at(x, y, shape, css))
        obstacles.append(_place.mark_box(x, y, _GROUP_R))
        requests.append((_place.LabelRequest(x, y, g.key, _GROUP_R), color, True))
    for cell in shown_cells:
        x, y = frame.x(cell.cc), frame.y(cell.dc)
        css = f"rk-chart__cell rk-chart__cell--{cell.perspectief}"
        body.append(_marks.at(x, y, _cell_shape(cell.perspectief), css))
        obstacles.append(_place.mark_box(x, y, _CELL_R + 1))
        color = _COLOR[cell.perspectief]
        requests.append((_place.LabelRequest(x, y, cell.label, _CELL_R + 1), color, False))
    bounds = _place.Box(
        frame.left + 2, frame.top + 2, frame.left + frame.size - 2, frame.bottom - 2
    )
    # Cell labels first (they matter most), then the group keys.
    ordered = [r for r in requests if not r[2]] + [r for r in requests if r[2]]
    placed = _place.place_labels(
        [r[0] for r in ordered[: len(shown_cells)]],
        obstacles=obstacles,
        segments=segments,
        bounds=bounds,
        size=_svg.MIN_FONT,
    )
    taken = obstacles + [p.box for p in placed if p is not None]
    leaders = [p.leader for p in placed if p is not None and p.leader is not None]
    placed += _place.place_labels(
        [r[0] for r in ordered[len(shown_cells) :]],
        obstacles=taken,
        segments=segments + leaders,
        bounds=bounds,
        size=_svg.MIN_FONT,
    )
    for (request, color, _is_group), spot in zip(ordered, placed, strict=True):
        if spot is not None:
            body.extend(_place.label_elements(spot, request.text, color=color))

    entries: list[_legend.Entry] = []
    cell_texts: tuple[tuple[Perspective, str], ...] = (
        ("ambitie", legend.ambitie),
        ("praktijk", legend.praktijk),
    )
    for p, label in cell_texts:
        if p in by_p:
            entries.append(_legend.Entry(_legend.shape_icon(_cell_shape(p)), label))
    if arrow:
        entries.append(_legend.Entry(_arrow_icon, legend.kloof))
    group_texts: tuple[tuple[Perspective, str], ...] = (
        ("ambitie", legend.group_ambitie),
        ("praktijk", legend.group_praktijk),
    )
    for p, label in group_texts:
        if any(g.perspectief == p for g in shown_groups):
            shape = _marks.triangle(_COLOR[p], filled=p == "praktijk")
            entries.append(_legend.Entry(_legend.shape_icon(shape), label))
    seen: set[str] = set()
    for g in shown_groups:
        if g.key not in seen:
            seen.add(g.key)
            entries.append(_legend.Entry(_key_icon(g.key), g.label))

    legend_top = frame.bottom + 12
    body.extend(_legend.elements(entries, legend_top))
    height = legend_top + _legend.height(entries) + 12
    return _svg.document(
        width=WIDTH,
        height=height,
        title=title,
        description=description,
        id_prefix=pid,
        body=body,
        css="rk-chart rk-chart--quadrant",
        defs=_arrow_marker(marker_id) if arrow else "",
    )
