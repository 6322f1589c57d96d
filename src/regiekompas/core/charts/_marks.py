"""Marker shapes, each drawn centred on the origin of a translated group.

Every kind of point has its own shape (not only its own colour), so the charts stay
readable in greyscale print and for readers who do not tell the colours apart.
"""

from __future__ import annotations

from typing import Final

from regiekompas.core.charts import _svg

WHITE: Final = "#ffffff"


def diamond(color: str, r: float = 9.0) -> str:
    n = _svg.num
    return (
        f'<polygon points="0,{n(-r)} {n(r)},0 0,{n(r)} {n(-r)},0" fill="{color}"'
        f' stroke="{WHITE}" stroke-width="1.5"/>'
    )


def circle(color: str, r: float = 8.0) -> str:
    return (
        f'<circle cx="0" cy="0" r="{_svg.num(r)}" fill="{color}" stroke="{WHITE}"'
        ' stroke-width="1.5"/>'
    )


def triangle(color: str, *, filled: bool, r: float = 7.0) -> str:
    n = _svg.num
    h = r * 0.87
    fill = color if filled else WHITE
    return (
        f'<polygon points="0,{n(-r)} {n(h)},{n(r / 2)} {n(-h)},{n(r / 2)}" fill="{fill}"'
        f' stroke="{color}" stroke-width="2"/>'
    )


def square(color: str, r: float = 5.5) -> str:
    n = _svg.num
    return (
        f'<rect x="{n(-r)}" y="{n(-r)}" width="{n(2 * r)}" height="{n(2 * r)}" fill="{color}"'
        f' stroke="{WHITE}" stroke-width="1.5"/>'
    )


def at(x: float, y: float, shape: str, css: str | None = None) -> str:
    klass = f' class="{_svg.attr(css)}"' if css else ""
    return f'<g{klass} transform="translate({_svg.num(x)} {_svg.num(y)})">{shape}</g>'
