"""From results rows to the core charts: translated labels, descriptions and chart input.

The drawing itself is `core.charts`; this module only chooses the texts in the reader's
language and passes on what the document holds (groups are the document's shown groups,
so k-anonymity is never decided here). PDF reports can reuse these functions as they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _

from regiekompas.core.charts import (
    ArrowsLegend,
    CellPoint,
    ConditionBar,
    ContextPoint,
    DocumentMark,
    GemeentePath,
    GroupPoint,
    MatrixCell,
    MatrixRow,
    MechanismPoint,
    QuadrantLegend,
    SpaghettiLegend,
    arrows_svg,
    conditions_svg,
    frame_labels,
    matrix_svg,
    quadrant_svg,
    spaghetti_svg,
)
from regiekompas.core.model import Model
from regiekompas.core.vocabulary import GRENS
from regiekompas.web.results.formatting import MISSING, number, quadrant_name


def perspective_label(perspectief: str) -> str:
    return _("Ambition") if perspectief == "ambitie" else _("Practice")


def _ci(row: Mapping[str, Any], axis: str) -> tuple[float, float] | None:
    bounds = row.get(f"{axis}_ci")
    if not bounds or bounds[0] is None or bounds[1] is None:
        return None
    return (float(bounds[0]), float(bounds[1]))


def _position_sentence(row: Mapping[str, Any], model: Model, lang: str) -> str:
    return _(
        "%(perspective)s: %(quadrant)s, cocreatie–controle %(cc)s, decentraal–centraal %(dc)s "
        "(n = %(n)s)."
    ) % {
        "perspective": perspective_label(row["perspectief"]),
        "quadrant": quadrant_name(row.get("kwadrant"), model, lang),
        "cc": number(row.get("cc")),
        "dc": number(row.get("dc")),
        "n": row.get("n"),
    }


def cell_quadrant_svg(
    *,
    title: str,
    cells: Sequence[Mapping[str, Any]],
    groups: Sequence[tuple[str, str, Mapping[str, Any]]],
    kloof: Mapping[str, Any] | None,
    model: Model,
    lang: str,
    id_prefix: str,
) -> str:
    """The quadrant plot of one gemeente × transitie.

    `cells` are the document's `cellen` rows of the cell, `groups` (key, name, row) its
    `groepen` rows with a short key each, `kloof` its `kloof` row if any.
    """
    points = [
        CellPoint(
            perspectief="ambitie" if row["perspectief"] == "ambitie" else "praktijk",
            label=perspective_label(row["perspectief"]),
            cc=float(row["cc"]),
            dc=float(row["dc"]),
            cc_ci=_ci(row, "cc"),
            dc_ci=_ci(row, "dc"),
        )
        for row in cells
        if row.get("cc") is not None and row.get("dc") is not None
    ]
    group_points = [
        GroupPoint(
            perspectief="ambitie" if row["perspectief"] == "ambitie" else "praktijk",
            key=key,
            label=name,
            cc=float(row["cc"]),
            dc=float(row["dc"]),
        )
        for key, name, row in groups
        if row.get("cc") is not None and row.get("dc") is not None
    ]
    sentences = [_position_sentence(row, model, lang) for row in cells]
    if kloof is not None and kloof.get("waarde") is not None:
        sentences.append(
            _("Kloof from practice to ambition: %(value)s on a scale of 0 to 1.")
            % {"value": number(kloof["waarde"])}
        )
    if group_points:
        sentences.append(
            _("Group positions are shown for %(count)s groups with enough respondents.")
            % {"count": len({g.key for g in group_points})}
        )
    if not sentences:
        sentences.append(_("No positions are known yet."))
    legend = QuadrantLegend(
        ambitie=_("Ambition: mean position, dashed box = 95% interval"),
        praktijk=_("Practice: mean position, dashed box = 95% interval"),
        kloof=_("Arrow: kloof from practice to ambition"),
        group_ambitie=_("Group, ambition (open triangle)"),
        group_praktijk=_("Group, practice (filled triangle)"),
    )
    return quadrant_svg(
        title=title,
        description=" ".join(sentences),
        frame_labels=frame_labels(model, lang),
        legend=legend,
        cells=points,
        groups=group_points,
        id_prefix=id_prefix,
    )


def gemeente_conditions_svg(
    *,
    title: str,
    rows: Sequence[tuple[str, Mapping[str, Any] | None]],
    weakest: str | None,
    id_prefix: str,
) -> str:
    """Bars of the five conditions; `rows` are (translated name, document row or None)."""
    bars = []
    sentences = []
    for name, row in rows:
        score = row.get("score") if row else None
        text = number(score, 0) if score is not None else _("no data")
        bars.append(
            ConditionBar(
                label=name,
                score=float(score) if score is not None else None,
                value_text=text,
                emphasis=name == weakest,
            )
        )
        sentences.append(f"{name}: {text}.")
    if weakest:
        sentences.append(_("Weakest: %(name)s.") % {"name": weakest})
    return conditions_svg(
        title=title,
        description=_("Scores from 0 to 100. ") + " ".join(sentences),
        bars=bars,
        id_prefix=id_prefix,
    )


def gemeente_spaghetti_svg(
    *,
    title: str,
    mechanisms: Sequence[tuple[str, str, float, float]],
    context: Sequence[tuple[str, float, float]],
    model: Model,
    lang: str,
    id_prefix: str,
) -> str:
    """Mechanisms (key, label, cc, dc) of a gemeente and its praktijk positions per transitie."""
    points = [MechanismPoint(key, label, cc, dc) for key, label, cc, dc in mechanisms]
    description = _(
        "%(count)s placed coordination mechanisms and the practice position of %(transities)s "
        "transities in the quadrants of the transitiemodel."
    ) % {"count": len(points), "transities": len(context)}
    return spaghetti_svg(
        title=title,
        description=description,
        frame_labels=frame_labels(model, lang),
        legend=SpaghettiLegend(
            mechanism=_("Coordination mechanism (number as in the table)"),
            context=_("Practice position per transitie"),
        ),
        mechanisms=points,
        context=[ContextPoint(label, cc, dc) for label, cc, dc in context],
        id_prefix=id_prefix,
    )


def arrows_legend() -> ArrowsLegend:
    return ArrowsLegend(
        ambitie=_("Ambition (diamond)"),
        praktijk=_("Practice (circle), named"),
        arrow=_("Arrow: from ambition to practice"),
        document=_("Ambition as written in policy documents (square), lines: 95% interval"),
    )


def region_arrows_svg(
    *,
    title: str,
    description: str,
    paths: Sequence[tuple[str, Mapping[str, Any] | None, Mapping[str, Any] | None]],
    model: Model,
    lang: str,
    id_prefix: str,
    document: DocumentMark | None = None,
) -> str:
    """Ambitie → praktijk per entry of `paths`: (label, ambitie row, praktijk row).

    Rows are the document's `cellen` rows; a row without a position (a small cell the
    document left empty) is drawn as missing. `document` is the ambitie as written in the
    gemeente's policy documents (web/documents), drawn only when it has enough signal.
    """
    return arrows_svg(
        title=title,
        description=description,
        frame_labels=frame_labels(model, lang),
        legend=arrows_legend(),
        gemeenten=[
            GemeentePath(label, _point(ambitie), _point(praktijk))
            for label, ambitie, praktijk in paths
        ],
        id_prefix=id_prefix,
        document=document,
    )


def _point(row: Mapping[str, Any] | None) -> tuple[float, float] | None:
    if row is None or row.get("cc") is None or row.get("dc") is None:
        return None
    return (float(row["cc"]), float(row["dc"]))


def praktijk_matrix_svg(
    *,
    title: str,
    description: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Mapping[str, Any] | None]]],
    model: Model,
    lang: str,
    id_prefix: str,
) -> str:
    """The gemeente × transitie matrix of praktijk quadrants from the document's cells."""
    names = {q.code: q.name.get(lang) for q in model.quadrants}
    names[GRENS] = _("on the border")
    return matrix_svg(
        title=title,
        description=description,
        columns=columns,
        rows=[
            MatrixRow(label, [_matrix_cell(cell, names) for cell in cells]) for label, cells in rows
        ],
        legend=names,
        id_prefix=id_prefix,
    )


def _matrix_cell(row: Mapping[str, Any] | None, names: Mapping[str, str]) -> MatrixCell:
    quadrant = row.get("kwadrant") if row else None
    if not quadrant or quadrant not in names:
        return MatrixCell(None, MISSING)
    clear = bool(row.get("helder")) if row else False
    text = names[quadrant] if clear or quadrant == GRENS else f"{names[quadrant]}?"
    return MatrixCell(quadrant, text, clear or quadrant == GRENS)
