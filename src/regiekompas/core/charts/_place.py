"""Label placement with collision avoidance: no label on top of a mark, a line or another label.

SVG has no layout engine, so every chart that names its points must decide where each name
goes. Fixed offsets (a name always to the right of its point) fail as soon as two points
are close, and in the transitiemodel they often are: most ambitions sit together in Sturen.
This module places labels greedily, most crowded point first, trying candidate positions
around the point at growing distances (a thin leader line joins a label set further away)
and keeping the first that stays inside the plot and clear of every obstacle — marks, arrow
lines, frame texts and the labels already placed. A label that finds no free spot is left
out (returned as None) rather than drawn over data; callers then show the name elsewhere
(a numbered key, or the table that accompanies every chart).

Text width is estimated from the number of characters (SVG text cannot be measured without
a renderer); the estimate is deliberately generous, so the real text is never wider than
the box that was kept free.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from regiekompas.core.charts import _svg

Anchor = Literal["start", "middle", "end"]

#: Width of one character as a share of the font size: generous for digits, capitals and
#: bold Latin text in common sans-serif fonts (most are 0.5–0.6).
CHAR_WIDTH: Final = 0.62
#: Space kept free around a label box.
PAD: Final = 2.0


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in SVG user units (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, pad: float = 0.0) -> bool:
        return not (
            self.x1 + pad <= other.x0
            or other.x1 + pad <= self.x0
            or self.y1 + pad <= other.y0
            or other.y1 + pad <= self.y0
        )

    def inside(self, other: Box) -> bool:
        return (
            self.x0 >= other.x0
            and self.y0 >= other.y0
            and self.x1 <= other.x1
            and self.y1 <= other.y1
        )

    def crosses(self, segment: Segment) -> bool:
        """Whether the segment passes through this box (Liang–Barsky clipping)."""
        (ax, ay), (bx, by) = segment
        dx, dy = bx - ax, by - ay
        t0, t1 = 0.0, 1.0
        for p, q in (
            (-dx, ax - self.x0),
            (dx, self.x1 - ax),
            (-dy, ay - self.y0),
            (dy, self.y1 - ay),
        ):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
        return True


Segment = tuple[tuple[float, float], tuple[float, float]]


def text_box(x: float, y: float, content: str, size: float, anchor: Anchor = "start") -> Box:
    """The box a one-line text at baseline (x, y) occupies, by the generous estimate."""
    width = len(content) * size * CHAR_WIDTH
    if anchor == "start":
        x0 = x
    elif anchor == "end":
        x0 = x - width
    else:
        x0 = x - width / 2
    return Box(x0, y - 0.8 * size, x0 + width, y + 0.25 * size)


def mark_box(x: float, y: float, radius: float) -> Box:
    return Box(x - radius, y - radius, x + radius, y + radius)


@dataclass(frozen=True)
class LabelRequest:
    """A text to set next to a mark of `radius` centred at (x, y)."""

    x: float
    y: float
    text: str
    radius: float


@dataclass(frozen=True)
class Placement:
    """Where a label went: baseline (x, y), anchor, its box and an optional leader line."""

    x: float
    y: float
    anchor: Anchor
    box: Box
    leader: Segment | None


#: Directions to try, in order of preference: right, left, above, below, then diagonals.
_DIRECTIONS: Final = (
    (1, 0),
    (-1, 0),
    (0, -1),
    (0, 1),
    (1, -1),
    (-1, -1),
    (1, 1),
    (-1, 1),
)
#: Extra distances (beyond the mark's radius) tried in turn; beyond the first two a leader
#: line is drawn so the reader still sees which point the label belongs to.
_DISTANCES: Final = (3.0, 8.0, 18.0, 30.0, 44.0)
_LEADER_FROM: Final = 18.0


def _candidate(req: LabelRequest, dx: int, dy: int, gap: float, size: float) -> Placement:
    reach = req.radius + gap
    anchor: Anchor = "start" if dx > 0 else "end" if dx < 0 else "middle"
    # Diagonal candidates sit at the corner of the reach, not on the circle.
    px = req.x + dx * reach
    py = req.y + dy * reach
    if dy < 0:
        baseline = py - 0.25 * size
    elif dy > 0:
        baseline = py + 0.8 * size
    else:
        baseline = py + 0.3 * size
    box = text_box(px, baseline, req.text, size, anchor)
    leader = None
    if gap >= _LEADER_FROM:
        # From the edge of the mark towards the nearest point of the label box.
        tx = min(max(req.x, box.x0), box.x1)
        ty = min(max(req.y, box.y0), box.y1)
        length = math.hypot(tx - req.x, ty - req.y)
        if length > req.radius + 2:
            sx = req.x + (tx - req.x) * (req.radius + 1) / length
            sy = req.y + (ty - req.y) * (req.radius + 1) / length
            leader = ((sx, sy), (tx, ty))
    return Placement(px, baseline, anchor, box, leader)


def _crowding(req: LabelRequest, others: Sequence[LabelRequest]) -> int:
    return sum(1 for o in others if o is not req and math.hypot(o.x - req.x, o.y - req.y) < 40)


def place_labels(
    requests: Sequence[LabelRequest],
    *,
    obstacles: Sequence[Box],
    segments: Sequence[Segment] = (),
    bounds: Box,
    size: float,
) -> list[Placement | None]:
    """A placement per request (same order), or None where no free spot was found.

    `obstacles` are boxes no label may overlap (marks, frame texts); `segments` lines no
    label may cross (arrows). Every request's own mark must be among `obstacles` too. The
    result is deterministic: the same input always gives the same placements.
    """
    order = sorted(
        range(len(requests)),
        key=lambda i: (-_crowding(requests[i], requests), requests[i].y, requests[i].x, i),
    )
    taken: list[Box] = []
    leaders: list[Segment] = []
    out: list[Placement | None] = [None] * len(requests)
    for i in order:
        req = requests[i]
        for gap in _DISTANCES:
            found = None
            for dx, dy in _DIRECTIONS:
                cand = _candidate(req, dx, dy, gap, size)
                if _fits(cand, obstacles, segments, taken, leaders, bounds):
                    found = cand
                    break
            if found is not None:
                out[i] = found
                taken.append(found.box)
                if found.leader is not None:
                    leaders.append(found.leader)
                break
    return out


def _fits(
    cand: Placement,
    obstacles: Sequence[Box],
    segments: Sequence[Segment],
    taken: Sequence[Box],
    leaders: Sequence[Segment],
    bounds: Box,
) -> bool:
    box = cand.box
    if not box.inside(bounds):
        return False
    if any(box.overlaps(o, PAD) for o in obstacles):
        return False
    if any(box.overlaps(t, PAD) for t in taken):
        return False
    grown = Box(box.x0 - PAD, box.y0 - PAD, box.x1 + PAD, box.y1 + PAD)
    if any(grown.crosses(s) for s in segments) or any(grown.crosses(s) for s in leaders):
        return False
    # A leader must not run through another label.
    leader = cand.leader
    return leader is None or not any(t.crosses(leader) for t in taken)


def label_elements(
    placement: Placement, content: str, *, color: str, css: str = "rk-chart__label"
) -> list[str]:
    """SVG of a placed label: a white-haloed bold text, and its leader line if any."""
    n = _svg.num
    out = []
    if placement.leader is not None:
        (x1, y1), (x2, y2) = placement.leader
        out.append(
            f'<line class="rk-chart__leader" x1="{n(x1)}" y1="{n(y1)}" x2="{n(x2)}"'
            f' y2="{n(y2)}" stroke="{color}" stroke-width="1"/>'
        )
    # The halo is a white copy drawn first, not `paint-order="stroke"` on one text: renderers
    # without paint-order (WeasyPrint's PDFs, several SVG-to-PNG converters) would draw the
    # white stroke over the letters.
    where = (
        f'x="{n(placement.x)}" y="{n(placement.y)}" text-anchor="{placement.anchor}"'
        f' font-size="{_svg.MIN_FONT}" font-weight="bold"'
    )
    out.append(
        f'<text class="rk-chart__halo" {where} aria-hidden="true" fill="#ffffff"'
        f' stroke="#ffffff" stroke-width="3">{_svg.text(content)}</text>'
    )
    out.append(f'<text class="{_svg.attr(css)}" {where} fill="{color}">{_svg.text(content)}</text>')
    return out
