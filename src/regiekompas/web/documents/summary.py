"""What pages show of a placed document or gemeente: the ambitie as written, in words.

Used by this app's own pages and by the gemeente results page (`web/results` imports this
module; this app never imports `web/results`). A position is offered only when the
result has enough signal on both axes; otherwise the reader gets "too little signal" and
the reason, never a point (docs/documents.md, "Scores").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regiekompas.core.documents.errors import DocumentError
from regiekompas.core.model import Model
from regiekompas.core.vocabulary import GRENS, QUADRANTS
from regiekompas.web.documents.models import GemeenteDocuments, PolicyDocument

TE_WEINIG = "te_weinig"
#: Job states in which a waiting document is still expected to be read.
RUNNING = ("queued", "running")
MISSING = "—"

#: Evidence pole code → (axis, sign of the pole on that axis).
_POLES = {
    "cocreatie": ("cc", -1),
    "controle": ("cc", 1),
    "decentraal": ("dc", -1),
    "centraal": ("dc", 1),
}


def number(value: float | None, digits: int = 2) -> str:
    """A figure in the active language (0,31 or 0.31); never "-0,00"."""
    if value is None or not math.isfinite(float(value)):
        return MISSING
    rounded = round(float(value), digits) or 0.0
    return formats.number_format(rounded, decimal_pos=digits, use_l10n=True)


def pole_name(code: str, model: Model, lang: str) -> str:
    axis, sign = _POLES.get(code, ("", 0))
    if not axis:
        return code
    poles = model.axis(axis)
    return (poles.positive_pole if sign > 0 else poles.negative_pole).get(lang)


def quadrant_text(code: str | None, model: Model, lang: str) -> str:
    if code in QUADRANTS:
        return model.quadrant(str(code)).name.get(lang)
    if code == GRENS:
        return _("on the border")
    if code == TE_WEINIG:
        return _("too little signal")
    return MISSING


def failure_text(code: str, detail: str, lang: str) -> str:
    """Why a document could not be read, in the reader's language."""
    try:
        return DocumentError(code or "malformed", detail).text(lang)
    except ValueError:
        return DocumentError("malformed", "").text(lang)


@dataclass(frozen=True)
class Evidence:
    quote: str
    document: str
    page: int
    axis: str
    pole: str
    pole_name: str


@dataclass(frozen=True)
class Ambition:
    """A document's or gemeente's placement as a reader sees it."""

    files: int
    pages: int
    sentences: int
    placed_cc: int
    placed_dc: int
    #: True when the result has a position (enough signal on both axes).
    position: bool
    cc: float | None
    dc: float | None
    cc_ci: tuple[float, float] | None
    dc_ci: tuple[float, float] | None
    quadrant: str
    cc_text: str
    dc_text: str
    #: Why no position is shown (too little signal), else "".
    reason: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def point(self) -> tuple[float, float, tuple[float, float], tuple[float, float]] | None:
        """(cc, dc, cc_ci, dc_ci) for the chart, only when there is a position."""
        if not self.position or self.cc is None or self.dc is None:
            return None
        if self.cc_ci is None or self.dc_ci is None:
            return None
        return (self.cc, self.dc, self.cc_ci, self.dc_ci)


def _ci(row: dict[str, Any], axis: str) -> tuple[float, float] | None:
    bounds = row.get(f"{axis}_ci")
    if not bounds or bounds[0] is None or bounds[1] is None:
        return None
    return (float(bounds[0]), float(bounds[1]))


def _axis_text(value: float | None, ci: tuple[float, float] | None) -> str:
    if value is None:
        return MISSING
    if ci is None:
        return number(value)
    return _("%(value)s (95%% interval %(low)s to %(high)s)") % {
        "value": number(value),
        "low": number(ci[0]),
        "high": number(ci[1]),
    }


def _reason(row: dict[str, Any], counts: dict[str, int], model: Model, lang: str) -> str:
    minimum = int((row.get("meta") or {}).get("min_zinnen", 8))
    parts = []
    for axis in ("cc", "dc"):
        if row.get(f"{axis}_signaal") != TE_WEINIG:
            continue
        axis_model = model.axis(axis)
        name = f"{axis_model.negative_pole.get(lang)}–{axis_model.positive_pole.get(lang)}"
        n = counts.get(axis, 0)
        if n < minimum:
            parts.append(
                ngettext(
                    "%(axis)s: %(n)s sentence placed, at least %(min)s needed",
                    "%(axis)s: %(n)s sentences placed, at least %(min)s needed",
                    n,
                )
                % {"axis": name, "n": n, "min": minimum}
            )
        else:
            parts.append(
                _("%(axis)s: the sentences point both ways, the interval is too wide")
                % {"axis": name}
            )
    return "; ".join(parts)


def ambition(row: dict[str, Any] | None, model: Model, lang: str) -> Ambition | None:
    """The reader's view of a §7 row (a document's or a gemeente's result)."""
    if not row:
        return None
    counts = row.get("zinnen_per_as") or {}
    position = row.get("kwadrant") not in (None, TE_WEINIG)
    cc_ci, dc_ci = _ci(row, "cc"), _ci(row, "dc")
    evidence = []
    for item in row.get("bewijs") or []:
        pole = str(item.get("pool", ""))
        axis, _sign = _POLES.get(pole, (str(item.get("as", "")), 0))
        evidence.append(
            Evidence(
                quote=str(item.get("zin", "")),
                document=str(item.get("bestand", "")),
                page=int(item.get("pagina") or 0),
                axis=axis,
                pole=pole,
                pole_name=pole_name(pole, model, lang),
            )
        )
    files = row.get("bestanden")
    return Ambition(
        files=len(files) if isinstance(files, list) else 1,
        pages=int(row.get("paginas") or 0),
        sentences=int(row.get("zinnen") or 0),
        placed_cc=int(counts.get("cc", 0)),
        placed_dc=int(counts.get("dc", 0)),
        position=position,
        cc=row.get("cc") if position else None,
        dc=row.get("dc") if position else None,
        cc_ci=cc_ci if position else None,
        dc_ci=dc_ci if position else None,
        quadrant=quadrant_text(row.get("kwadrant"), model, lang),
        cc_text=_axis_text(row.get("cc"), cc_ci) if position else MISSING,
        dc_text=_axis_text(row.get("dc"), dc_ci) if position else MISSING,
        reason="" if position else _reason(row, counts, model, lang),
        evidence=evidence,
    )


@dataclass(frozen=True)
class GemeenteAmbition:
    """The gemeente's documents as the results page shows them."""

    ambition: Ambition | None
    documents: int
    waiting: int
    failed: int


def gemeente_ambition(
    region_id: int, code: str, model: Model, lang: str
) -> GemeenteAmbition | None:
    """The pooled placement of a gemeente's documents; None when it has no documents."""
    statuses = list(
        PolicyDocument.objects.filter(region_id=region_id, gemeente_code=code).values_list(
            "status", "job__status"
        )
    )
    if not statuses:
        return None
    pooled = (
        GemeenteDocuments.objects.filter(region_id=region_id, gemeente_code=code)
        .values_list("result", flat=True)
        .first()
    )
    waiting = (PolicyDocument.Status.QUEUED, PolicyDocument.Status.PROCESSING)
    return GemeenteAmbition(
        ambition=ambition(pooled, model, lang),
        documents=len(statuses),
        # A document whose job has ended without it was lost: it counts as not read.
        waiting=sum(1 for s, job in statuses if s in waiting and job in RUNNING),
        failed=sum(
            1
            for s, job in statuses
            if s == PolicyDocument.Status.FAILED or (s in waiting and job not in RUNNING)
        ),
    )
