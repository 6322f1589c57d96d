"""Charts as standalone SVG strings: quadrant plots, conditions, spaghetti map and matrix.

One framework-free module draws every chart, so a web page, a PDF report and a downloaded
file show the same picture. Callers pass plain, already translated data (texts chosen with
`Text.get(lang)`, numbers formatted for the reader) and only what may be shown — k-anonymity
is decided in `core.analysis`, never here. Output is deterministic, escaped, carries a
`<title>`/`<desc>` for assistive technology, and uses presentation attributes only (no
`style` attributes), so it can be inlined under a strict Content Security Policy.

    svg = quadrant_svg(
        title="Enschede — Jeugd",
        description="Ambitie in Sturen, praktijk in Coördineren.",
        frame_labels=frame_labels(load_model(), "nl"),
        legend=QuadrantLegend(...),
        cells=[CellPoint("ambitie", "Ambitie", 0.4, 0.5), CellPoint("praktijk", ...)],
        id_prefix="enschede-jeugd",
    )
"""

from regiekompas.core.charts._document import DocumentMark
from regiekompas.core.charts.arrows import ArrowsLegend, GemeentePath, arrows_svg
from regiekompas.core.charts.conditions import ConditionBar, conditions_svg
from regiekompas.core.charts.frame import Frame, FrameLabels, frame_labels
from regiekompas.core.charts.matrix import MatrixCell, MatrixRow, matrix_svg
from regiekompas.core.charts.quadrant import CellPoint, GroupPoint, QuadrantLegend, quadrant_svg
from regiekompas.core.charts.spaghetti import (
    ContextPoint,
    MechanismPoint,
    SpaghettiLegend,
    spaghetti_svg,
)

__all__ = [
    "ArrowsLegend",
    "CellPoint",
    "ConditionBar",
    "ContextPoint",
    "DocumentMark",
    "Frame",
    "FrameLabels",
    "GemeentePath",
    "GroupPoint",
    "MatrixCell",
    "MatrixRow",
    "MechanismPoint",
    "QuadrantLegend",
    "SpaghettiLegend",
    "arrows_svg",
    "conditions_svg",
    "frame_labels",
    "matrix_svg",
    "quadrant_svg",
    "spaghetti_svg",
]
