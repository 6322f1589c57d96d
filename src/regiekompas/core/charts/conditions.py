"""The five conditions of one gemeente (or group) as horizontal bars on 0 … 100.

Bars rather than a radar: lengths along one common scale are read more accurately than
areas of a polygon, and the names of the conditions fit as full text above each bar. The
weakest condition can be emphasised; it is then set in bold and drawn with a hatched bar,
so the emphasis does not rest on colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from regiekompas.core.charts import _svg

WIDTH: Final = 440
_LEFT: Final = 20
_BAR_WIDTH: Final = 340
_BAR_HEIGHT: Final = 20
_LINE: Final = 20
_CHARS: Final = 44
_TICKS: Final = (0, 25, 50, 75, 100)


@dataclass(frozen=True)
class ConditionBar:
    """One bar: the condition's name, its score (None = no data) and the text shown with it.

    `value_text` is what the reader sees at the end of the bar (e.g. "57" or "no data"), so
    the caller decides number format and language.
    """

    label: str
    score: float | None
    value_text: str
    emphasis: bool = False


def _x(score: float) -> float:
    return _LEFT + max(0.0, min(100.0, score)) / 100.0 * _BAR_WIDTH


def _hatch(pattern_id: str) -> str:
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="8" height="8"'
        ' patternTransform="rotate(45)">'
        f'<rect width="8" height="8" fill="{_svg.PRAKTIJK}"/>'
        '<line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="3"/></pattern>'
    )


def conditions_svg(
    *, title: str, description: str, bars: Sequence[ConditionBar], id_prefix: str
) -> str:
    """A standalone SVG bar chart of condition scores (0 … 100) in the order given."""
    pid = _svg.safe_id(id_prefix)
    pattern_id = f"{pid}-hatch"
    n = _svg.num
    body: list[str] = ['<g class="rk-chart__scale">']
    scale_y = 20.0
    for tick in _TICKS:
        anchor = "start" if tick == 0 else "end" if tick == 100 else "middle"
        body.append(_svg.text_element(_x(tick), scale_y, str(tick), anchor=anchor, fill=_svg.MUTED))
    body.append("</g>")

    rows: list[str] = []
    y = scale_y + 14
    for bar in bars:
        weight = "bold" if bar.emphasis else None
        lines = _svg.wrap(bar.label, _CHARS)
        for line in lines:
            y += _LINE
            rows.append(_svg.text_element(_LEFT, y - 4, line, weight=weight))
        top = y + 2
        has_score = bar.score is not None and math.isfinite(bar.score)
        end: float = _LEFT
        if has_score and bar.score is not None:
            end = _x(bar.score)
            fill = f"url(#{pattern_id})" if bar.emphasis else _svg.AMBITIE
            klass = "rk-chart__bar rk-chart__bar--weakest" if bar.emphasis else "rk-chart__bar"
            rows.append(
                f'<rect class="{klass}" x="{n(_LEFT)}" y="{n(top)}" width="{n(end - _LEFT)}"'
                f' height="{_BAR_HEIGHT}" fill="{fill}" stroke="{_svg.INK}" stroke-width="1"/>'
            )
        baseline = top + _BAR_HEIGHT - 4
        rows.append(_svg.text_element(end + 6, baseline, bar.value_text, weight=weight))
        y = top + _BAR_HEIGHT + 14
    bottom = y
    grid = [
        f'<line x1="{n(_x(t))}" y1="{n(scale_y + 6)}" x2="{n(_x(t))}" y2="{n(bottom - 8)}"'
        f' stroke="{_svg.GRID}" stroke-width="1"/>'
        for t in _TICKS
    ]
    body.extend(grid)
    body.extend(rows)
    has_emphasis = any(b.emphasis for b in bars)
    return _svg.document(
        width=WIDTH,
        height=bottom,
        title=title,
        description=description,
        id_prefix=pid,
        body=body,
        css="rk-chart rk-chart--conditions",
        defs=_hatch(pattern_id) if has_emphasis else "",
    )
