"""A legend under a chart: one icon and a wrapped text per entry, as SVG elements.

SVG text does not wrap, so entries are wrapped here by an estimate of characters per line;
the estimate is deliberately pessimistic so a line never runs past the chart's edge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from regiekompas.core.charts import _marks, _svg

LINE: Final = 22
#: Characters per line at 16px in a 440px wide chart after the icon column.
CHARS: Final = 40
TEXT_X: Final = 52
ICON_X: Final = 34


#: Draws a legend symbol centred at (x, y).
Icon = Callable[[float, float], str]


@dataclass(frozen=True)
class Entry:
    """`icon(x, y)` draws the entry's symbol centred at (x, y)."""

    icon: Icon
    label: str


def height(entries: Sequence[Entry]) -> float:
    lines = sum(len(_svg.wrap(e.label, CHARS)) for e in entries)
    return lines * LINE


def elements(entries: Sequence[Entry], top: float) -> list[str]:
    out = ['<g class="rk-chart__legend">']
    y = top
    for entry in entries:
        lines = _svg.wrap(entry.label, CHARS)
        out.append(entry.icon(ICON_X, y + LINE / 2))
        for i, line in enumerate(lines):
            out.append(_svg.text_element(TEXT_X, y + LINE / 2 + 5 + i * LINE, line))
        y += len(lines) * LINE
    out.append("</g>")
    return out


def shape_icon(shape: str) -> Icon:
    """An icon that draws a marker shape (from `_marks`) at the legend position."""

    def icon(x: float, y: float) -> str:
        return _marks.at(x, y, shape)

    return icon
