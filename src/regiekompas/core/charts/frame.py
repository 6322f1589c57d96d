"""The quadrant frame shared by the quadrant plot and the spaghetti map.

Plot convention (docs/method.md, "Notation"): x = cc (cocreatie −1 left … controle +1 right), y = dc
(decentraal −1 bottom … centraal +1 top), so Sturen is top-right. Both axes run −1 … 1 on a
square, with the axes drawn through 0 and the four quadrant names in the corners.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from regiekompas.core.charts import _svg
from regiekompas.core.charts._place import Anchor, Box, text_box
from regiekompas.core.model import Model
from regiekompas.core.vocabulary import QUADRANTS

#: Natural width of every quadrant chart; the plot square sits inside it.
WIDTH: Final = 440
MARGIN: Final = 20
SIZE: Final = WIDTH - 2 * MARGIN


@dataclass(frozen=True)
class FrameLabels:
    """Already translated texts of the frame: the axis poles and the quadrant names.

    `quadrants` maps the quadrant codes of `core.vocabulary.QUADRANTS` to their names.
    """

    cocreatie: str
    controle: str
    decentraal: str
    centraal: str
    quadrants: Mapping[str, str] = field(default_factory=dict)


def frame_labels(model: Model, lang: str) -> FrameLabels:
    """The frame's texts from the model, in one language (for pages, PDFs and downloads)."""
    cc, dc = model.axis("cc"), model.axis("dc")
    return FrameLabels(
        cocreatie=cc.negative_pole.get(lang),
        controle=cc.positive_pole.get(lang),
        decentraal=dc.negative_pole.get(lang),
        centraal=dc.positive_pole.get(lang),
        quadrants={q.code: q.name.get(lang) for q in model.quadrants},
    )


@dataclass(frozen=True)
class Frame:
    """Where −1 … 1 lands in pixels: `left`/`top` of the square and its `size`."""

    left: float = MARGIN
    top: float = MARGIN
    size: float = SIZE

    def x(self, cc: float) -> float:
        return self.left + (_clamp(cc) + 1.0) / 2.0 * self.size

    def y(self, dc: float) -> float:
        return self.top + (1.0 - _clamp(dc)) / 2.0 * self.size

    @property
    def bottom(self) -> float:
        return self.top + self.size


def _clamp(value: float) -> float:
    return max(-1.0, min(1.0, float(value)))


#: Corner of each quadrant: (cc sign, dc sign) as in the model.
_CORNERS: Final = {
    "Afspreken": (-1, -1),
    "Afstemmen": (1, -1),
    "Coördineren": (-1, 1),
    "Sturen": (1, 1),
}


FrameText = tuple[float, float, str, Anchor, bool]


def frame_texts(frame: Frame, labels: FrameLabels) -> list[FrameText]:
    """(x, y, text, anchor, bold) of the pole labels and quadrant names of the frame."""
    f = frame
    left, top, right, bottom = f.left, f.top, f.left + f.size, f.bottom
    cx, cy = f.x(0.0), f.y(0.0)
    out: list[FrameText] = [
        (cx + 6, top + 20, labels.centraal, "start", False),
        (cx - 6, bottom - 8, labels.decentraal, "end", False),
        (left + 6, cy - 8, labels.cocreatie, "start", False),
        (right - 6, cy - 8, labels.controle, "end", False),
    ]
    for code in QUADRANTS:
        name = labels.quadrants.get(code)
        if not name:
            continue
        sx, sy = _CORNERS[code]
        x = left + 8 if sx < 0 else right - 8
        y = top + 20 if sy > 0 else bottom - 8
        out.append((x, y, name, "start" if sx < 0 else "end", True))
    return out


def frame_text_boxes(frame: Frame, labels: FrameLabels) -> list[Box]:
    """Where the frame's texts are, so labels of points can keep clear of them."""
    return [
        text_box(x, y, content, _svg.MIN_FONT, anchor)
        for x, y, content, anchor, _bold in frame_texts(frame, labels)
    ]


def frame_elements(frame: Frame, labels: FrameLabels) -> list[str]:
    """Background square, grid at ±0.5, axes through 0, pole labels and quadrant names."""
    f = frame
    left, top, right, bottom = f.left, f.top, f.left + f.size, f.bottom
    cx, cy = f.x(0.0), f.y(0.0)
    n = _svg.num
    out = [
        '<g class="rk-chart__frame">',
        f'<rect x="{n(left)}" y="{n(top)}" width="{n(f.size)}" height="{n(f.size)}"'
        f' fill="#ffffff" stroke="{_svg.MUTED}" stroke-width="1"/>',
    ]
    for v in (-0.5, 0.5):
        out.append(
            f'<line x1="{n(f.x(v))}" y1="{n(top)}" x2="{n(f.x(v))}" y2="{n(bottom)}"'
            f' stroke="{_svg.GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<line x1="{n(left)}" y1="{n(f.y(v))}" x2="{n(right)}" y2="{n(f.y(v))}"'
            f' stroke="{_svg.GRID}" stroke-width="1"/>'
        )
    out.append(
        f'<line class="rk-chart__axis" x1="{n(left)}" y1="{n(cy)}" x2="{n(right)}" y2="{n(cy)}"'
        f' stroke="{_svg.INK}" stroke-width="1.5"/>'
    )
    out.append(
        f'<line class="rk-chart__axis" x1="{n(cx)}" y1="{n(top)}" x2="{n(cx)}" y2="{n(bottom)}"'
        f' stroke="{_svg.INK}" stroke-width="1.5"/>'
    )
    for x, y, content, anchor, bold in frame_texts(f, labels):
        if bold:
            out.append(
                _svg.text_element(
                    x, y, content, anchor=anchor, weight="bold", css="rk-chart__quadrant"
                )
            )
        else:
            out.append(_svg.text_element(x, y, content, anchor=anchor, fill=_svg.MUTED))
    out.append("</g>")
    return out
