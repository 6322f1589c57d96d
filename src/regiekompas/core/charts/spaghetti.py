"""The spaghetti map: a gemeente's coordination arrangements placed in the quadrant frame.

Each mechanism is a numbered dot at its (cc, dc) placement (numbers placed clear of every mark by
`_place.place_labels`); the legend lists the numbers
with names. Catalogue types share a default placement, so dots at the same spot are fanned
out on a small circle around it (in input order, so the picture is reproducible). The
praktijk positions of the gemeente's transities can be drawn as squares for context: where
they fall in different quadrants, that is the transitie-inconsistentie.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from regiekompas.core.charts import _legend, _marks, _place, _svg
from regiekompas.core.charts.frame import (
    WIDTH,
    Frame,
    FrameLabels,
    frame_elements,
    frame_text_boxes,
)

_FAN: Final = 11.0
#: Half-sizes of the marks, as boxes that no label may cover.
_MECHANISM_R: Final = 7.0
_CONTEXT_R: Final = 7.0


@dataclass(frozen=True)
class MechanismPoint:
    """A placed mechanism; `key` is the mark next to the dot (e.g. "3")."""

    key: str
    label: str
    cc: float
    dc: float


@dataclass(frozen=True)
class ContextPoint:
    """A praktijk position shown for orientation, e.g. one per transitie."""

    label: str
    cc: float
    dc: float


@dataclass(frozen=True)
class SpaghettiLegend:
    mechanism: str
    context: str


def _spread(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The same points, those sharing a spot moved apart on a circle around it."""
    spots: dict[tuple[float, float], list[int]] = {}
    for i, (x, y) in enumerate(points):
        spots.setdefault((round(x * 2) / 2, round(y * 2) / 2), []).append(i)
    out = list(points)
    for members in spots.values():
        if len(members) < 2:
            continue
        for j, i in enumerate(members):
            angle = -math.pi / 2 + 2 * math.pi * j / len(members)
            x, y = points[i]
            out[i] = (x + _FAN * math.cos(angle), y + _FAN * math.sin(angle))
    return out


def spaghetti_svg(
    *,
    title: str,
    description: str,
    frame_labels: FrameLabels,
    legend: SpaghettiLegend,
    mechanisms: Sequence[MechanismPoint],
    context: Sequence[ContextPoint] = (),
    id_prefix: str,
) -> str:
    """A standalone SVG of mechanisms (numbered dots) and optional context squares."""
    frame = Frame()
    placed = [m for m in mechanisms if math.isfinite(m.cc) and math.isfinite(m.dc)]
    shown_context = [c for c in context if math.isfinite(c.cc) and math.isfinite(c.dc)]
    body = frame_elements(frame, frame_labels)
    obstacles = frame_text_boxes(frame, frame_labels)
    requests: list[tuple[_place.LabelRequest, str]] = []
    for c in shown_context:
        x, y = frame.x(c.cc), frame.y(c.dc)
        body.append(_marks.at(x, y, _marks.square(_svg.PRAKTIJK), "rk-chart__context"))
        obstacles.append(_place.mark_box(x, y, _CONTEXT_R))
        requests.append((_place.LabelRequest(x, y, c.label, _CONTEXT_R), _svg.PRAKTIJK))
    spots = _spread([(frame.x(m.cc), frame.y(m.dc)) for m in placed])
    for m, (x, y) in zip(placed, spots, strict=True):
        body.append(_marks.at(x, y, _marks.circle(_svg.MECHANISM, r=6), "rk-chart__mechanism"))
        obstacles.append(_place.mark_box(x, y, _MECHANISM_R))
        requests.append((_place.LabelRequest(x, y, m.key, _MECHANISM_R), _svg.MECHANISM))
    bounds = _place.Box(
        frame.left + 2, frame.top + 2, frame.left + frame.size - 2, frame.bottom - 2
    )
    spots_placed = _place.place_labels(
        [r for r, _color in requests], obstacles=obstacles, bounds=bounds, size=_svg.MIN_FONT
    )
    for (request, color), spot in zip(requests, spots_placed, strict=True):
        if spot is not None:
            body.extend(_place.label_elements(spot, request.text, color=color))

    entries: list[_legend.Entry] = []
    if placed:
        entries.append(
            _legend.Entry(_legend.shape_icon(_marks.circle(_svg.MECHANISM, r=6)), legend.mechanism)
        )
    if shown_context:
        entries.append(
            _legend.Entry(_legend.shape_icon(_marks.square(_svg.PRAKTIJK)), legend.context)
        )
    for m in placed:
        entries.append(_legend.Entry(_key_icon(m.key), m.label))
    legend_top = frame.bottom + 12
    body.extend(_legend.elements(entries, legend_top))
    return _svg.document(
        width=WIDTH,
        height=legend_top + _legend.height(entries) + 12,
        title=title,
        description=description,
        id_prefix=id_prefix,
        body=body,
        css="rk-chart rk-chart--spaghetti",
    )


def _key_icon(key: str) -> _legend.Icon:
    def icon(x: float, y: float) -> str:
        return _svg.text_element(x, y + 5, key, anchor="middle", weight="bold", fill=_svg.MECHANISM)

    return icon
