"""No label covers a mark: checked on the bounding boxes of the SVG the charts write.

The boxes are read back from the SVG itself (positions of marks, baseline and anchor of
every label, the arrow lines), so the test checks what a browser is given, not the
placement code's own bookkeeping. Text width uses the same generous estimate as the
placement (`_place.text_box`); the real text is narrower.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

import pytest

from regiekompas.core.analysis import Settings
from regiekompas.core.charts import (
    ArrowsLegend,
    CellPoint,
    ContextPoint,
    GemeentePath,
    GroupPoint,
    MatrixCell,
    MatrixRow,
    MechanismPoint,
    QuadrantLegend,
    SpaghettiLegend,
    arrows_svg,
    frame_labels,
    matrix_svg,
    quadrant_svg,
    spaghetti_svg,
)
from regiekompas.core.charts._place import Box, Segment, mark_box, text_box
from regiekompas.core.charts.frame import Frame
from regiekompas.core.model import load_model
from regiekompas.core.pipeline import run_analysis
from regiekompas.core.simulate import SimulationParams, simulate_region

FRAME_NL = frame_labels(load_model(), "nl")
LEGEND = ArrowsLegend("Ambitie", "Praktijk", "Van ambitie naar praktijk")
#: Half-size of each kind of mark, as drawn.
RADIUS = {
    "rk-chart__mechanism": 7,
    "rk-chart__context": 7,
    "rk-chart__ambitie": 7,
    "rk-chart__praktijk": 7,
    "rk-chart__cell": 10,
    "rk-chart__group": 8,
}
TWENTE = [
    "Almelo",
    "Borne",
    "Dinkelland",
    "Enschede",
    "Haaksbergen",
    "Hellendoorn",
    "Hengelo (O.)",
    "Hof van Twente",
    "Losser",
    "Oldenzaal",
    "Rijssen-Holten",
    "Tubbergen",
    "Twenterand",
    "Wierden",
]


def _classes(e: ET.Element) -> list[str]:
    return (e.get("class") or "").split()


def _marks(root: ET.Element) -> list[Box]:
    out = []
    for e in root.iter():
        css = _classes(e)
        for name, r in RADIUS.items():
            if name in css:
                m = re.fullmatch(r"translate\(([-\d.]+) ([-\d.]+)\)", e.get("transform", ""))
                assert m, e.attrib
                out.append(mark_box(float(m.group(1)), float(m.group(2)), r))
    return out


def _labels(root: ET.Element) -> list[tuple[str, Box]]:
    out = []
    for e in root.iter():
        if "rk-chart__label" in _classes(e):
            anchor = e.get("text-anchor", "start")
            assert anchor in ("start", "middle", "end")
            box = text_box(
                float(e.get("x", "0")),
                float(e.get("y", "0")),
                e.text or "",
                float(e.get("font-size", "16")),
                anchor,  # type: ignore[arg-type]
            )
            out.append((e.text or "", box))
    return out


def _lines(root: ET.Element, css: str) -> list[Segment]:
    return [
        (
            (float(e.get("x1", "0")), float(e.get("y1", "0"))),
            (float(e.get("x2", "0")), float(e.get("y2", "0"))),
        )
        for e in root.iter()
        if css in _classes(e)
    ]


def _assert_no_collisions(svg: str) -> list[str]:
    """Every label is inside the plot square and clear of marks, arrows and other labels."""
    root = ET.fromstring(svg)
    frame = Frame()
    square = Box(frame.left, frame.top, frame.left + frame.size, frame.bottom)
    marks = _marks(root)
    labels = _labels(root)
    arrows = _lines(root, "rk-chart__path") + _lines(root, "rk-chart__kloof")
    for i, (name, box) in enumerate(labels):
        assert box.inside(square), (name, box)
        for mark in marks:
            assert not box.overlaps(mark), (name, box, mark)
        for other_name, other in labels[i + 1 :]:
            assert not box.overlaps(other), (name, other_name)
        for segment in arrows:
            assert not box.crosses(segment), (name, segment)
    return [name for name, _box in labels]


def _arrows(paths: Iterable[GemeentePath]) -> str:
    return arrows_svg(
        title="Jeugd",
        description="Ambitie en praktijk per gemeente.",
        frame_labels=FRAME_NL,
        legend=LEGEND,
        gemeenten=list(paths),
        id_prefix="jeugd",
    )


@pytest.fixture(scope="module")
def demo_document() -> dict[str, object]:
    region = simulate_region(SimulationParams(gemeenten=14, respondenten=30, seed=2026))
    return run_analysis(region.dataset, settings=Settings(bootstrap=50))


def test_the_demo_plots_name_every_gemeente_without_covering_a_mark(
    demo_document: dict[str, object],
) -> None:
    cells = demo_document["cellen"]
    assert isinstance(cells, list)
    transities = sorted({c["transitie"] for c in cells})
    assert transities
    for transitie in transities:
        by_gemeente: dict[str, dict[str, tuple[float, float]]] = {}
        for c in cells:
            if c["transitie"] == transitie:
                by_gemeente.setdefault(c["gemeente_code"], {})[c["perspectief"]] = (
                    c["cc"],
                    c["dc"],
                )
        paths = [
            GemeentePath(code, p.get("ambitie"), p.get("praktijk"))
            for code, p in sorted(by_gemeente.items())
        ]
        svg = _arrows(paths)
        named = _assert_no_collisions(svg)
        keyed = {text for text in named if text.isdigit()}
        # Every gemeente is named in the plot, or numbered there and named in the legend.
        assert len(named) == len(paths), (transitie, named)
        legend = ET.fromstring(svg)
        legend_texts = [e.text for e in legend.iter() if e.tag.endswith("text")]
        for key in keyed:
            assert key in legend_texts


@pytest.mark.parametrize(
    "positions",
    [
        pytest.param([(0.5, 0.5)] * 14, id="all-at-one-spot"),
        pytest.param([(x, y) for x in (-1, 1) for y in (-1, 1)] * 3, id="corners"),
        pytest.param(
            [(0.0, v / 4) for v in range(-4, 5)] + [(v / 4, 0.0) for v in range(-4, 5)],
            id="on-the-axes",
        ),
        pytest.param([(1.0, 1.0), (0.99, 0.98), (0.97, 1.0), (-1.0, 0.0), (0.0, -1.0)], id="edges"),
    ],
)
def test_extreme_positions_never_put_a_label_on_a_mark(
    positions: list[tuple[float, float]],
) -> None:
    paths = [GemeentePath(TWENTE[i % len(TWENTE)], (0.6, 0.6), p) for i, p in enumerate(positions)]
    svg = _arrows(paths)
    named = _assert_no_collisions(svg)
    assert named, "at least some gemeenten are named"


def test_a_crowded_spot_numbers_what_it_cannot_name() -> None:
    paths = [GemeentePath(name, (0.5, 0.5), (-0.3, 0.4)) for name in TWENTE]
    svg = _arrows(paths)
    named = _assert_no_collisions(svg)
    assert any(n.isdigit() for n in named)
    assert any(not n.isdigit() for n in named)


def test_the_cell_plot_keeps_labels_and_group_keys_off_the_marks() -> None:
    legend = QuadrantLegend("Ambitie", "Praktijk", "Kloof", "Groep ambitie", "Groep praktijk")
    groups = [
        GroupPoint(
            "praktijk" if i % 2 else "ambitie", chr(65 + i), f"Groep {i}", 0.3 + 0.02 * i, 0.4
        )
        for i in range(8)
    ]
    svg = quadrant_svg(
        title="Enschede — Jeugd",
        description="…",
        frame_labels=FRAME_NL,
        legend=legend,
        cells=[
            CellPoint("ambitie", "Ambitie", 0.48, 0.5, (0.38, 0.58), (0.4, 0.6)),
            CellPoint("praktijk", "Praktijk", 0.23, 0.5, (0.13, 0.33), (0.4, 0.6)),
        ],
        groups=groups,
        id_prefix="gm0153-jeugd",
    )
    named = _assert_no_collisions(svg)
    assert {"Ambitie", "Praktijk"} <= set(named)


def test_the_spaghetti_map_numbers_mechanisms_clear_of_every_mark() -> None:
    mechanisms = [MechanismPoint(str(i), f"Mechanisme {i}", 0.5, 0.5) for i in range(1, 7)]
    mechanisms += [MechanismPoint(str(i), f"Mechanisme {i}", -0.5, 0.5) for i in range(7, 10)]
    svg = spaghetti_svg(
        title="Spaghetti",
        description="…",
        frame_labels=FRAME_NL,
        legend=SpaghettiLegend("Mechanisme", "Praktijk"),
        mechanisms=mechanisms,
        context=[ContextPoint("Jeugd", 0.45, 0.55), ContextPoint("Wmo", -0.4, 0.5)],
        id_prefix="spaghetti",
    )
    named = _assert_no_collisions(svg)
    assert len([n for n in named if n.isdigit()]) >= 7


def test_a_national_scan_plot_shows_the_pattern_without_names() -> None:
    paths = [
        GemeentePath(f"G{i}", (0.5, 0.5), (math.cos(i) * 0.8, math.sin(i) * 0.8))
        for i in range(342)
    ]
    root = ET.fromstring(_arrows(paths))
    assert _labels(root) == []
    assert len([e for e in root.iter() if "rk-chart__praktijk" in _classes(e)]) == 342


def test_the_matrix_names_each_quadrant_in_text_as_well_as_colour() -> None:
    svg = matrix_svg(
        title="Praktijk per gemeente en transitie",
        description="…",
        columns=["Jeugd", "Wmo"],
        rows=[
            MatrixRow("Almelo", [MatrixCell("Sturen", "Sturen"), MatrixCell(None, "—")]),
            MatrixRow(
                "Borne",
                [
                    MatrixCell("Afstemmen", "Afstemmen"),
                    MatrixCell("Sturen", "Sturen?", clear=False),
                ],
            ),
        ],
        legend={"Sturen": "Sturen", "Afstemmen": "Afstemmen", "Afspreken": "Afspreken"},
        id_prefix="matrix",
    )
    root = ET.fromstring(svg)
    texts = [e.text for e in root.iter() if e.tag.endswith("text")]
    for expected in ("Almelo", "Borne", "Jeugd", "Wmo", "Sturen", "Afstemmen", "Sturen?", "—"):
        assert expected in texts
    # The legend lists only the quadrants that occur.
    assert "Afspreken" not in texts
    cells = [e for e in root.iter() if "rk-chart__matrix-cell" in _classes(e)]
    assert len(cells) == 4
    assert sum("rk-chart__matrix-cell--unclear" in _classes(e) for e in cells) == 1
