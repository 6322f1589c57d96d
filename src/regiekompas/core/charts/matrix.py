"""The gemeente × transitie matrix: the praktijk quadrant of every cell, in colour and in words.

One row per gemeente, one column per transitie. Each cell is filled with its quadrant's
colour and names the quadrant in text, so the matrix reads without colour (print, colour
blindness) and the colour only helps the eye find the pattern: a column of one colour is a
transitie organised alike across the region, a row of many colours a gemeente whose
transities work in different regimes (transitie-inconsistentie), a column of many colours
the versnippering providers meet. A position that is not clear (its interval crosses an
axis) is hatched and its text marked by the caller; an empty cell (no shown position) is
white with a dash. The fills are light tints so dark text keeps at least 7:1 contrast.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from regiekompas.core.charts import _place, _svg
from regiekompas.core.vocabulary import QUADRANTS

#: Light fills per quadrant (dark text on each has ≥ 7:1 contrast), plus the border value.
FILL: Final[Mapping[str, str]] = {
    "Afspreken": "#cfe8cf",
    "Afstemmen": "#fbe7a6",
    "Coördineren": "#cde0f5",
    "Sturen": "#f6cdbb",
    "grens": "#e6e6e6",
}
_ROW: Final = 34.0
_HEAD: Final = 30.0
_PAD: Final = 10.0
_MIN_COL: Final = 96.0
_SWATCH: Final = 18.0


@dataclass(frozen=True)
class MatrixCell:
    """`quadrant` is a quadrant code, `grens` or None (nothing shown); `text` what it says."""

    quadrant: str | None
    text: str
    clear: bool = True


@dataclass(frozen=True)
class MatrixRow:
    label: str
    cells: Sequence[MatrixCell]


def _width(content: str) -> float:
    return len(content) * _svg.MIN_FONT * _place.CHAR_WIDTH


def _hatch(pattern_id: str, fill: str) -> str:
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="8" height="8"'
        ' patternTransform="rotate(45)">'
        f'<rect width="8" height="8" fill="#ffffff"/>'
        f'<rect width="4" height="8" fill="{fill}"/></pattern>'
    )


def matrix_svg(
    *,
    title: str,
    description: str,
    columns: Sequence[str],
    rows: Sequence[MatrixRow],
    legend: Mapping[str, str],
    id_prefix: str,
) -> str:
    """A standalone SVG table of coloured, named cells with a legend of the colours below.

    `legend` maps quadrant codes (and `grens`) to their translated names; an entry is shown
    when a cell uses it.
    """
    pid = _svg.safe_id(id_prefix)
    n = _svg.num
    label_w = max([_width(r.label) for r in rows] + [40.0]) + 2 * _PAD
    texts = [c.text for r in rows for c in r.cells] + list(columns)
    col_w = max([_width(t) for t in texts] + [_MIN_COL - 2 * _PAD]) + 2 * _PAD
    width = label_w + col_w * len(columns) + 2
    body: list[str] = []
    for j, name in enumerate(columns):
        cx = label_w + col_w * j + col_w / 2
        body.append(_svg.text_element(cx, _HEAD - 9, name, anchor="middle", weight="bold"))
    used: list[str] = []
    hatches: dict[str, str] = {}
    for i, row in enumerate(rows):
        top = _HEAD + i * _ROW
        body.append(_svg.text_element(_PAD, top + _ROW / 2 + 6, row.label))
        for j, cell in enumerate(row.cells):
            x = label_w + col_w * j
            fill = "#ffffff"
            css = "rk-chart__matrix-cell"
            if cell.quadrant is not None and cell.quadrant in FILL:
                fill = FILL[cell.quadrant]
                if cell.quadrant not in used:
                    used.append(cell.quadrant)
                css += f" rk-chart__matrix-cell--{_svg.safe_id(cell.quadrant)}"
                if not cell.clear:
                    hid = f"{pid}-hatch-{len(hatches)}"
                    hatches.setdefault(cell.quadrant, hid)
                    fill = f"url(#{hatches[cell.quadrant]})"
                    css += " rk-chart__matrix-cell--unclear"
            body.append(
                f'<rect class="{css}" x="{n(x + 1)}" y="{n(top + 1)}" width="{n(col_w - 2)}"'
                f' height="{n(_ROW - 2)}" fill="{fill}" stroke="{_svg.GRID}" stroke-width="1"/>'
            )
            body.append(
                _svg.text_element(x + col_w / 2, top + _ROW / 2 + 6, cell.text, anchor="middle")
            )
    bottom = _HEAD + len(rows) * _ROW + 14
    # Legend: a swatch and the quadrant's name, in the order of the model.
    order = [q for q in (*QUADRANTS, "grens") if q in used and q in legend]
    x = _PAD
    y = bottom
    for code in order:
        name = legend[code]
        item_w = _SWATCH + 6 + _width(name) + 16
        if x + item_w > width and x > _PAD:
            x, y = _PAD, y + 26
        body.append(
            f'<rect x="{n(x)}" y="{n(y)}" width="{n(_SWATCH)}" height="{n(_SWATCH)}"'
            f' fill="{FILL[code]}" stroke="{_svg.MUTED}" stroke-width="1"/>'
        )
        body.append(_svg.text_element(x + _SWATCH + 6, y + 14, name))
        x += item_w
    height = y + (26 if order else 0) + 6
    defs = "".join(_hatch(hid, FILL[code]) for code, hid in hatches.items())
    return _svg.document(
        width=width,
        height=height,
        title=title,
        description=description,
        id_prefix=pid,
        body=body,
        css="rk-chart rk-chart--matrix",
        defs=defs,
    )
