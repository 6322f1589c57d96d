"""The SVG charts: valid, accessible, placed where the numbers say, and safe with any text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from regiekompas.core.charts import (
    CellPoint,
    ConditionBar,
    ContextPoint,
    Frame,
    GroupPoint,
    MechanismPoint,
    QuadrantLegend,
    SpaghettiLegend,
    conditions_svg,
    frame_labels,
    quadrant_svg,
    spaghetti_svg,
)
from regiekompas.core.model import load_model

NS = {"svg": "http://www.w3.org/2000/svg"}
LEGEND = QuadrantLegend("Ambitie", "Praktijk", "Kloof", "Groep ambitie", "Groep praktijk")
FRAME_NL = frame_labels(load_model(), "nl")


def _quadrant(**overrides: object) -> str:
    values: dict[str, object] = {
        "title": "Enschede — Jeugd",
        "description": "Ambitie in Sturen, praktijk in Coördineren.",
        "frame_labels": FRAME_NL,
        "legend": LEGEND,
        "cells": [
            CellPoint("ambitie", "Ambitie", 0.5, 0.5, (0.4, 0.6), (0.3, 0.7)),
            CellPoint("praktijk", "Praktijk", -0.5, 0.25, (-0.6, -0.4), (0.1, 0.4)),
        ],
        "groups": [],
        "id_prefix": "gm0153-jeugd",
    }
    values.update(overrides)
    return quadrant_svg(**values)  # type: ignore[arg-type]


def _translate(element: ET.Element) -> tuple[float, float]:
    match = re.fullmatch(r"translate\(([-\d.]+) ([-\d.]+)\)", element.get("transform", ""))
    assert match, element.attrib
    return float(match.group(1)), float(match.group(2))


def _by_class(root: ET.Element, css: str) -> list[ET.Element]:
    return [e for e in root.iter() if css in (e.get("class") or "").split()]


def test_it_makes_well_formed_svg_with_title_and_description() -> None:
    root = ET.fromstring(_quadrant())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title is not None
    assert title.text == "Enschede — Jeugd"
    assert desc is not None
    assert desc.text == "Ambitie in Sturen, praktijk in Coördineren."
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_it_places_points_where_sturen_is_top_right() -> None:
    svg = _quadrant(
        cells=[
            CellPoint("ambitie", "A", 1.0, 1.0),
            CellPoint("praktijk", "P", -1.0, -1.0),
        ]
    )
    root = ET.fromstring(svg)
    frame = Frame()
    (ambitie,) = _by_class(root, "rk-chart__cell--ambitie")
    (praktijk,) = _by_class(root, "rk-chart__cell--praktijk")
    assert _translate(ambitie) == (frame.left + frame.size, frame.top)
    assert _translate(praktijk) == (frame.left, frame.top + frame.size)


def test_it_names_each_quadrant_in_its_own_corner() -> None:
    root = ET.fromstring(_quadrant())
    frame = Frame()
    mid_x, mid_y = frame.x(0), frame.y(0)
    corners = {
        e.text: (float(e.get("x", 0)) > mid_x, float(e.get("y", 0)) < mid_y)
        for e in _by_class(root, "rk-chart__quadrant")
    }
    assert corners == {
        "Sturen": (True, True),
        "Coördineren": (False, True),
        "Afstemmen": (True, False),
        "Afspreken": (False, False),
    }


def test_it_draws_the_kloof_from_praktijk_towards_ambitie() -> None:
    root = ET.fromstring(_quadrant())
    frame = Frame()
    (arrow,) = _by_class(root, "rk-chart__kloof")
    x1, y1, x2, y2 = (float(arrow.get(a, "nan")) for a in ("x1", "y1", "x2", "y2"))
    assert (x1, y1) == (frame.x(-0.5), frame.y(0.25))
    # it ends just short of the ambitie marker, on the line towards it
    ax, ay = frame.x(0.5), frame.y(0.5)
    assert abs(x2 - ax) < 15
    assert abs(y2 - ay) < 15
    assert (x2 - x1) * (ax - x1) > 0
    assert (y2 - y1) * (ay - y1) > 0
    marker_id = re.fullmatch(r"url\(#(.+)\)", arrow.get("marker-end", ""))
    assert marker_id
    assert root.find(f".//svg:marker[@id='{marker_id.group(1)}']", NS) is not None


def test_it_draws_no_kloof_with_only_one_perspective() -> None:
    svg = _quadrant(cells=[CellPoint("praktijk", "Praktijk", 0.2, 0.2)])
    assert not _by_class(ET.fromstring(svg), "rk-chart__kloof")


def test_it_draws_the_intervals_as_boxes() -> None:
    root = ET.fromstring(_quadrant())
    frame = Frame()
    (box,) = _by_class(root, "rk-chart__ci--ambitie")
    assert float(box.get("x", "nan")) == pytest.approx(frame.x(0.4))
    assert float(box.get("width", "nan")) == pytest.approx(frame.x(0.6) - frame.x(0.4), abs=0.01)
    assert float(box.get("y", "nan")) == pytest.approx(frame.y(0.7))


def test_it_draws_only_the_group_centroids_it_is_given() -> None:
    svg = _quadrant(
        groups=[GroupPoint("praktijk", "A", "Aanbieder: professional", 0.1, -0.2)],
    )
    root = ET.fromstring(svg)
    groups = _by_class(root, "rk-chart__group")
    assert len(groups) == 1
    assert _translate(groups[0]) == pytest.approx((Frame().x(0.1), Frame().y(-0.2)), abs=0.01)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Aanbieder: professional" in texts
    assert "Gemeente: beleid" not in texts


def test_it_tells_ambitie_and_praktijk_groups_apart_by_shape_fill() -> None:
    svg = _quadrant(
        groups=[
            GroupPoint("ambitie", "A", "Wijkteam", 0.3, 0.3),
            GroupPoint("praktijk", "A", "Wijkteam", -0.3, 0.1),
        ]
    )
    root = ET.fromstring(svg)
    (amb,) = _by_class(root, "rk-chart__group--ambitie")
    (prak,) = _by_class(root, "rk-chart__group--praktijk")
    amb_fill = amb[0].get("fill")
    prak_fill = prak[0].get("fill")
    assert amb_fill == "#ffffff"
    assert prak_fill != "#ffffff"


def test_it_escapes_every_text() -> None:
    evil = '<script>alert("x")</script> & "quotes"'
    svg = _quadrant(
        title=evil,
        description=evil,
        cells=[CellPoint("ambitie", evil, 0.1, 0.1)],
        groups=[GroupPoint("praktijk", evil, evil, 0.2, 0.2)],
        id_prefix='x"><script>',
    )
    assert "<script>" not in svg
    root = ET.fromstring(svg)
    assert root.find("svg:title", NS).text == evil  # type: ignore[union-attr]
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))


def test_it_uses_no_style_attributes_and_no_small_text() -> None:
    svg = _quadrant(groups=[GroupPoint("praktijk", "A", "Wijkteam", 0.1, 0.1)])
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if "style" in e.attrib]
    sizes = [float(e.get("font-size", "15")) for e in root.iter("{http://www.w3.org/2000/svg}text")]
    # 16 at the natural 440 px width is still 12 px when a phone shows the chart 330 px wide
    assert min(sizes) >= 16


def test_it_gives_the_same_svg_for_the_same_input() -> None:
    assert _quadrant() == _quadrant()


def test_it_skips_points_without_a_position() -> None:
    svg = _quadrant(cells=[CellPoint("ambitie", "Ambitie", float("nan"), 0.2)])
    assert not _by_class(ET.fromstring(svg), "rk-chart__cell")


def test_the_conditions_chart_draws_one_bar_per_score_on_a_0_to_100_scale() -> None:
    svg = conditions_svg(
        title="Condities",
        description="Vijf condities",
        bars=[
            ConditionBar("Gedeelde ambitie", 100.0, "100"),
            ConditionBar("Relaties", 50.0, "50", emphasis=True),
            ConditionBar("Vorm", None, "geen gegevens"),
        ],
        id_prefix="cond",
    )
    root = ET.fromstring(svg)
    bars = _by_class(root, "rk-chart__bar")
    assert len(bars) == 2
    full, half = (float(b.get("width", "nan")) for b in bars)
    assert half == pytest.approx(full / 2)
    assert _by_class(root, "rk-chart__bar--weakest") == [bars[1]]
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "geen gegevens" in texts


def test_the_spaghetti_map_places_each_mechanism_and_spreads_those_on_one_spot() -> None:
    svg = spaghetti_svg(
        title="Spaghetti",
        description="Drie middelen",
        frame_labels=FRAME_NL,
        legend=SpaghettiLegend("Middel", "Praktijk per transitie"),
        mechanisms=[
            MechanismPoint("1", "Wijkteam", 0.5, 0.5),
            MechanismPoint("2", "Voordeur", 0.5, 0.5),
            MechanismPoint("3", "Netwerk <b>", -0.5, -0.5),
        ],
        context=[ContextPoint("Jeugd", 0.2, 0.3)],
        id_prefix="spaghetti",
    )
    root = ET.fromstring(svg)
    frame = Frame()
    points = [_translate(e) for e in _by_class(root, "rk-chart__mechanism")]
    assert len(points) == 3
    assert points[2] == pytest.approx((frame.x(-0.5), frame.y(-0.5)), abs=0.01)
    assert points[0] != points[1]
    for x, y in points[:2]:
        assert abs(x - frame.x(0.5)) < 15
        assert abs(y - frame.y(0.5)) < 15
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Netwerk <b>" in texts
    assert len(_by_class(root, "rk-chart__context")) == 1


def test_the_frame_labels_follow_the_language() -> None:
    english = frame_labels(load_model(), "en")
    assert english.quadrants["Sturen"] == "Steering"
    assert FRAME_NL.quadrants["Sturen"] == "Sturen"
    assert FRAME_NL.cocreatie == "Cocreatie"
