"""Small building blocks for hand-written SVG: escaping, numbers, ids, text wrapping.

Charts are assembled as strings rather than through a drawing library so the output is
plain, deterministic and free of dependencies: the same input gives byte-for-byte the same
SVG on every machine, which keeps pages, PDFs and downloads identical and testable.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from typing import Final
from xml.sax.saxutils import escape

SVG_NS: Final = "http://www.w3.org/2000/svg"
FONT_FAMILY: Final = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
#: Smallest font size used anywhere (in SVG user units, i.e. px at natural size): charts
#: 440 wide shrink to about 330 px in a phone's column, where 16 still gives 12 px.
MIN_FONT: Final = 16
INK: Final = "#1a1a1a"
MUTED: Final = "#4b4b4b"
GRID: Final = "#c8c8c8"
#: Perspective colours; both have at least 4.5:1 contrast on white.
AMBITIE: Final = "#0b5394"
PRAKTIJK: Final = "#a63d00"
MECHANISM: Final = "#5b2c83"

_ATTR_ENTITIES: Final = {'"': "&quot;", "'": "&apos;"}


def text(value: str) -> str:
    """Character data for an element: `<`, `>` and `&` escaped."""
    return escape(value)


def attr(value: str) -> str:
    """An attribute value for use between double quotes."""
    return escape(value, _ATTR_ENTITIES)


def num(value: float) -> str:
    """A coordinate with at most two decimals and no `-0`, so output is stable."""
    rounded = round(float(value), 2)
    if rounded == 0:
        return "0"
    out = f"{rounded:.2f}".rstrip("0").rstrip(".")
    return out


def safe_id(prefix: str) -> str:
    """An XML id made from a caller's prefix: letters, digits, `-` and `_` only."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "-", prefix) or "chart"
    return cleaned if cleaned[0].isalpha() else f"c-{cleaned}"


def wrap(value: str, width: int) -> list[str]:
    """Lines of at most about `width` characters (SVG text does not wrap by itself)."""
    return textwrap.wrap(value, width=width, break_long_words=True) or [""]


def text_element(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    size: int = MIN_FONT,
    weight: str | None = None,
    fill: str = INK,
    css: str | None = None,
) -> str:
    extra = f' font-weight="{weight}"' if weight else ""
    klass = f' class="{attr(css)}"' if css else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" font-size="{max(size, MIN_FONT)}"'
        f' fill="{fill}"{extra}{klass}>{text(content)}</text>'
    )


def document(
    *,
    width: float,
    height: float,
    title: str,
    description: str,
    id_prefix: str,
    body: Iterable[str],
    css: str,
    defs: str = "",
) -> str:
    """A standalone SVG with an accessible name (`<title>`) and description (`<desc>`)."""
    pid = safe_id(id_prefix)
    head = (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}"'
        f' height="{num(height)}" role="img" aria-labelledby="{pid}-title {pid}-desc"'
        f' class="{attr(css)}" font-family="{attr(FONT_FAMILY)}" font-size="{MIN_FONT}">'
    )
    parts = [
        head,
        f'<title id="{pid}-title">{text(title)}</title>',
        f'<desc id="{pid}-desc">{text(description)}</desc>',
    ]
    if defs:
        parts.append(f"<defs>{defs}</defs>")
    parts.append(f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" fill="#ffffff"/>')
    parts.extend(body)
    parts.append("</svg>")
    return "".join(parts)
