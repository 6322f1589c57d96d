"""Document and gemeente positions from placed sentences, with bootstrap CIs (product.md §7).

Per axis, over the sentences placed on that axis (pole p_i = ±1, weight w_i > 0):

    score = Σ w_i · p_i / Σ w_i          (in −1 … 1; −1 = all evidence at cocreatie/decentraal)

The 95 % CI is the percentile bootstrap over those sentences: B resamples of the n placed
sentences with replacement, the score of each, the 2.5th and 97.5th percentiles. Each document
and each gemeente has its own random stream (seed + its name), so adding a file never changes
another's interval. An axis has `te_weinig` signal when fewer than `min_zinnen` sentences are
placed on it or its CI is wider than `max_ci_breedte`; the quadrant is then `te_weinig`, never
a position. docs/documents.md gives the reasoning and the thresholds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from regiekompas.core.documents.classify import (
    NOT_PLACED_EITHER,
    MethodSettings,
    SentenceClassifier,
)
from regiekompas.core.documents.lexicon import AXES, POLE_NAMES
from regiekompas.core.documents.text import Sentence
from regiekompas.core.measures.bootstrap import stream_for
from regiekompas.core.vocabulary import quadrant_of

VOLDOENDE: Final = "voldoende"
TE_WEINIG: Final = "te_weinig"
#: Resample in slices of at most this many drawn indices (memory stays small for big n).
_DRAW_BUDGET: Final = 2_000_000


@dataclass(frozen=True, slots=True)
class Placed:
    """A sentence placed on one axis: the evidence, small enough to send between processes."""

    axis: str
    pole: int
    weight: float
    text: str
    page: int
    index: int
    bestand: str = ""


@dataclass(frozen=True)
class DocumentPlacement:
    """One read document: its size and the sentences the method placed."""

    bestand: str
    gemeente_code: str | None
    paginas: int
    zinnen: int
    placed: tuple[Placed, ...]


def place_sentences(
    sentences: Sequence[Sentence], classifier: SentenceClassifier, bestand: str = ""
) -> tuple[Placed, ...]:
    labels = classifier.classify(sentences)
    out: list[Placed] = []
    for sentence, label in zip(sentences, labels, strict=True):
        if label is NOT_PLACED_EITHER:
            continue
        for axis in AXES:
            axis_label = label.axis(axis)
            if axis_label.pole and axis_label.weight > 0:
                out.append(
                    Placed(
                        axis,
                        1 if axis_label.pole > 0 else -1,
                        float(axis_label.weight),
                        sentence.text,
                        sentence.page,
                        sentence.index,
                        bestand,
                    )
                )
    return tuple(out)


def weighted_score(poles: np.ndarray, weights: np.ndarray) -> float:
    return float(np.dot(poles, weights) / weights.sum())


def bootstrap_ci(
    poles: np.ndarray, weights: np.ndarray, *, replicates: int, seed: int, key: str
) -> tuple[float, float]:
    """Percentile 95 % CI of `weighted_score`, resampling sentences with replacement."""
    n = len(poles)
    rng = stream_for(seed, key)
    # Numerator and denominator travel together as one complex number: one gather, one sum.
    z = poles * weights + 1j * weights
    scores = np.empty(replicates)
    step = max(1, _DRAW_BUDGET // max(n, 1))
    for start in range(0, replicates, step):
        size = min(step, replicates - start)
        sums = z.take(rng.integers(0, n, size=(size, n))).sum(axis=1)
        scores[start : start + size] = sums.real / sums.imag
    low, high = np.percentile(scores, [2.5, 97.5])
    return float(low), float(high)


def _round(value: float) -> float:
    return round(float(value), 4)


def summarise(
    placed: Sequence[Placed], settings: MethodSettings, key: str, *, with_file: bool
) -> dict[str, Any]:
    """The §7 fields that depend on the placed sentences: scores, CIs, signal, evidence."""
    out: dict[str, Any] = {}
    signals: dict[str, str] = {}
    for axis in AXES:
        rows = [p for p in placed if p.axis == axis]
        if not rows:
            out[axis], out[f"{axis}_ci"] = None, None
            signals[axis] = TE_WEINIG
            continue
        poles = np.array([p.pole for p in rows], dtype=float)
        weights = np.array([p.weight for p in rows], dtype=float)
        value = weighted_score(poles, weights)
        low, high = bootstrap_ci(
            poles, weights, replicates=settings.bootstrap, seed=settings.seed, key=f"{key}:{axis}"
        )
        out[axis] = _round(value)
        out[f"{axis}_ci"] = [_round(low), _round(high)]
        enough = len(rows) >= settings.min_sentences and high - low <= settings.max_ci_width
        signals[axis] = VOLDOENDE if enough else TE_WEINIG
    out["cc_signaal"] = signals["cc"]
    out["dc_signaal"] = signals["dc"]
    if TE_WEINIG in signals.values():
        out["kwadrant"] = TE_WEINIG
    else:
        out["kwadrant"] = quadrant_of(out["cc"], out["dc"])
    out["bewijs"] = evidence(placed, settings.evidence_per_pole, with_file=with_file)
    return out


def evidence(
    placed: Sequence[Placed], per_pole: int, *, with_file: bool = False
) -> list[dict[str, Any]]:
    """The strongest sentences per pole of each axis (heaviest first, then earliest)."""
    out: list[dict[str, Any]] = []
    for axis in AXES:
        for pole in (-1, 1):
            rows = [p for p in placed if p.axis == axis and p.pole == pole]
            rows.sort(key=lambda p: (-p.weight, p.bestand, p.index))
            # A sentence repeated (boilerplate, a summary) is shown once.
            unique: dict[str, Placed] = {}
            for p in rows:
                unique.setdefault(p.text, p)
            for p in list(unique.values())[:per_pole]:
                row: dict[str, Any] = {
                    "as": axis,
                    "pool": POLE_NAMES[axis][pole],
                    "zin": p.text,
                    "pagina": p.page,
                    "gewicht": _round(p.weight),
                }
                if with_file:
                    row["bestand"] = p.bestand
                out.append(row)
    return out


def document_row(document: DocumentPlacement, settings: MethodSettings) -> dict[str, Any]:
    row: dict[str, Any] = {
        "bestand": document.bestand,
        "gemeente_code": document.gemeente_code,
        "paginas": document.paginas,
        "zinnen": document.zinnen,
    }
    row.update(
        summarise(document.placed, settings, f"document:{document.bestand}", with_file=False)
    )
    return row


def gemeente_rows(
    documents: Sequence[DocumentPlacement], settings: MethodSettings
) -> list[dict[str, Any]]:
    """One row per gemeente over the sentences of all its documents (pooled)."""
    by_code: dict[str, list[DocumentPlacement]] = {}
    for document in documents:
        if document.gemeente_code:
            by_code.setdefault(document.gemeente_code, []).append(document)
    rows: list[dict[str, Any]] = []
    for code in sorted(by_code):
        members = by_code[code]
        placed = [p for document in members for p in document.placed]
        row: dict[str, Any] = {
            "gemeente_code": code,
            "bestanden": [document.bestand for document in members],
            "paginas": sum(document.paginas for document in members),
            "zinnen": sum(document.zinnen for document in members),
        }
        row.update(summarise(placed, settings, f"gemeente:{code}", with_file=True))
        rows.append(row)
    return rows


def results_document(
    documents: Sequence[DocumentPlacement],
    failures: Sequence[dict[str, str]],
    settings: MethodSettings,
    meta: dict[str, Any],
) -> dict[str, Any]:
    """The JSON document of `regiekompas documenten --json` (product.md §7)."""
    return {
        "documenten": [document_row(document, settings) for document in documents],
        "gemeenten": gemeente_rows(documents, settings),
        "fouten": list(failures),
        "meta": {
            **meta,
            "bootstrap": settings.bootstrap,
            "seed": settings.seed,
            "min_zinnen": settings.min_sentences,
            "max_ci_breedte": settings.max_ci_width,
        },
    }
