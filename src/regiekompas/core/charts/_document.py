"""The mark of the ambitie as written in policy documents (docs/documents.md, "Web").

A hollow square in its own colour, with whiskers for the 95 % intervals on both axes, so it
differs in shape from the respondents' ambitie (a filled diamond) and praktijk (a filled
circle) as well as in colour. Callers pass a mark only when the documents have enough
signal: "too little signal" is said in words, never drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from regiekompas.core.charts import _place, _svg
from regiekompas.core.charts.frame import Frame

#: Dark green: 6.5:1 contrast on white.
COLOR: Final = "#1d6b34"
#: Half the side of the square.
R: Final = 7.0
#: Half the length of a whisker's end cap.
CAP: Final = 5.0


@dataclass(frozen=True)
class DocumentMark:
    """A position (cc, dc) with its 95 % intervals per axis."""

    cc: float
    dc: float
    cc_ci: tuple[float, float]
    dc_ci: tuple[float, float]

    @property
    def finite(self) -> bool:
        return all(math.isfinite(v) for v in (self.cc, self.dc, *self.cc_ci, *self.dc_ci))


def square(r: float = R) -> str:
    n = _svg.num
    return (
        f'<rect x="{n(-r)}" y="{n(-r)}" width="{n(2 * r)}" height="{n(2 * r)}" fill="#ffffff"'
        f' stroke="{COLOR}" stroke-width="3"/>'
    )


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    n = _svg.num
    return f'<line x1="{n(x1)}" y1="{n(y1)}" x2="{n(x2)}" y2="{n(y2)}"/>'


def whiskers(frame: Frame, mark: DocumentMark) -> tuple[str, list[_place.Segment]]:
    """The two interval lines with end caps, and the segments labels must not cross."""
    x, y = frame.x(mark.cc), frame.y(mark.dc)
    x_lo, x_hi = sorted((frame.x(mark.cc_ci[0]), frame.x(mark.cc_ci[1])))
    y_lo, y_hi = sorted((frame.y(mark.dc_ci[0]), frame.y(mark.dc_ci[1])))
    lines = [
        _line(x_lo, y, x_hi, y),
        _line(x_lo, y - CAP, x_lo, y + CAP),
        _line(x_hi, y - CAP, x_hi, y + CAP),
        _line(x, y_lo, x, y_hi),
        _line(x - CAP, y_lo, x + CAP, y_lo),
        _line(x - CAP, y_hi, x + CAP, y_hi),
    ]
    svg = (
        f'<g class="rk-chart__document-ci" stroke="{COLOR}" stroke-width="2">'
        + "".join(lines)
        + "</g>"
    )
    segments: list[_place.Segment] = [((x_lo, y), (x_hi, y)), ((x, y_lo), (x, y_hi))]
    return svg, segments


def icon(x: float, y: float) -> str:
    """The legend symbol: the square with short whiskers."""
    n = _svg.num
    return (
        f'<g stroke="{COLOR}" stroke-width="2">'
        + _line(x - 14, y, x + 14, y)
        + _line(x, y - 10, x, y + 10)
        + "</g>"
        + f'<g transform="translate({n(x)} {n(y)})">{square()}</g>'
    )
