"""Evaluate a sentence classifier against a labelled file (product.md §7, docs/codebook.md).

The labelled file has the columns ``id, tekst, cc, dc``; ``cc`` is one of ``cocreatie``,
``controle``, ``geen``, ``dc`` one of ``decentraal``, ``centraal``, ``geen``, and an empty
cell means "not labelled on this axis" (that text is left out of that axis's figures). Each
text is classified as a whole; the classifier is only *applied* to the file, never trained on
it.

Per label: precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2PR / (P + R), with
0 where a denominator is 0 (as ``sklearn.metrics.precision_recall_fscore_support`` with
``zero_division=0``). The 95 % interval is a seeded percentile bootstrap over *texts*: the
texts are resampled with replacement B times (one draw serves both axes) and the 2.5th and
97.5th percentiles of each figure are reported; replicates in which a figure is undefined
(no such label in the resample) are left out of its interval. The recall of ``geen`` is the
share of texts without signal that the classifier correctly did not place.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from regiekompas.core.documents.classify import SentenceClassifier, get_classifier, label_passage
from regiekompas.core.documents.lexicon import POLE_NAMES

__all__ = [
    "AXES",
    "Evaluation",
    "LabelScore",
    "LabelledText",
    "LabelsError",
    "PairedComparison",
    "compare_paired",
    "evaluate",
    "passage_classifier",
    "read_labels",
    "scores",
]

#: The labels per axis, poles first.
AXES: dict[str, tuple[str, str, str]] = {
    "cc": ("cocreatie", "controle", "geen"),
    "dc": ("decentraal", "centraal", "geen"),
}
REQUIRED_COLUMNS = ("id", "tekst", "cc", "dc")
#: A labels file larger than this is refused (a development set is a few thousand rows).
MAX_BYTES = 50_000_000
CI_PERCENTILES = (2.5, 97.5)

#: Classifies a batch of texts; returns one (cc, dc) pair per text.
Classifier = Callable[[Sequence[str]], Sequence[tuple[str, str]]]


class LabelsError(ValueError):
    """A labels file that cannot be used; the message names the file, row and column."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(nl)
        self.nl = nl
        self.en = en

    def text(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class LabelledText:
    id: str
    tekst: str
    cc: str | None
    dc: str | None

    def label(self, axis: str) -> str | None:
        return self.cc if axis == "cc" else self.dc


def read_labels(path: Path) -> list[LabelledText]:
    """Read and check a labels file; raise `LabelsError` naming file, row and column."""
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            mb = MAX_BYTES // 1_000_000
            raise LabelsError(
                f"{name}: het bestand is groter dan {mb} MB.", f"{name}: the file exceeds {mb} MB."
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise LabelsError(
            f"{name}: kan het bestand niet lezen ({exc.strerror}).",
            f"{name}: cannot read the file ({exc.strerror}).",
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LabelsError(
            f"{name}: het bestand is geen UTF-8-tekst.", f"{name}: the file is not UTF-8 text."
        ) from exc
    return parse_labels(text, name)


def parse_labels(text: str, name: str = "labels") -> list[LabelledText]:
    """Parse labels CSV text (comma or semicolon separated)."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    try:
        return _parse(text, name, delimiter)
    except csv.Error as exc:
        raise LabelsError(
            f"{name}: geen geldig CSV-bestand ({exc}).", f"{name}: not a valid CSV file ({exc})."
        ) from exc


def _parse(text: str, name: str, delimiter: str) -> list[LabelledText]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        cols = ", ".join(missing)
        raise LabelsError(
            f"{name}, rij 1: kolom ontbreekt: {cols}.", f"{name}, row 1: missing column: {cols}."
        )
    reader.fieldnames = header
    out: list[LabelledText] = []
    seen: dict[str, int] = {}
    for row_number, row in enumerate(reader, start=2):
        where_nl, where_en = f"{name}, rij {row_number}", f"{name}, row {row_number}"
        if None in row:
            raise LabelsError(
                f"{where_nl}: meer velden dan kolommen.", f"{where_en}: more fields than columns."
            )
        ident = (row["id"] or "").strip()
        tekst = (row["tekst"] or "").strip()
        if not ident:
            raise LabelsError(f"{where_nl}, kolom id: leeg.", f"{where_en}, column id: empty.")
        if ident in seen:
            first = seen[ident]
            raise LabelsError(
                f"{where_nl}, kolom id: '{ident}' staat ook in rij {first}.",
                f"{where_en}, column id: '{ident}' also appears in row {first}.",
            )
        seen[ident] = row_number
        if not tekst:
            raise LabelsError(
                f"{where_nl}, kolom tekst: leeg.", f"{where_en}, column tekst: empty."
            )
        labels: dict[str, str | None] = {}
        for axis, allowed in AXES.items():
            value = (row[axis] or "").strip().lower()
            if value and value not in allowed:
                options = ", ".join(allowed)
                raise LabelsError(
                    f"{where_nl}, kolom {axis}: '{row[axis]}' is geen geldige waarde "
                    f"(toegestaan: {options} of leeg).",
                    f"{where_en}, column {axis}: '{row[axis]}' is not a valid value "
                    f"(allowed: {options} or empty).",
                )
            labels[axis] = value or None
        out.append(LabelledText(ident, tekst, labels["cc"], labels["dc"]))
    if not out:
        raise LabelsError(
            f"{name}: het bestand bevat geen gelabelde teksten.",
            f"{name}: the file contains no labelled texts.",
        )
    return out


@dataclass(frozen=True)
class LabelScore:
    """Precision, recall and F1 of one label with their 95 % bootstrap intervals."""

    precision: float
    recall: float
    f1: float
    precision_ci: tuple[float, float]
    recall_ci: tuple[float, float]
    f1_ci: tuple[float, float]
    n_gold: int
    n_voorspeld: int

    def as_json(self) -> dict[str, Any]:
        """JSON-ready; an interval that could not be estimated is null."""
        return {
            "precision": self.precision,
            "precision_ci": _json_ci(self.precision_ci),
            "recall": self.recall,
            "recall_ci": _json_ci(self.recall_ci),
            "f1": self.f1,
            "f1_ci": _json_ci(self.f1_ci),
            "n_gold": self.n_gold,
            "n_voorspeld": self.n_voorspeld,
        }


def _json_ci(ci: tuple[float, float]) -> list[float] | None:
    return None if any(math.isnan(x) for x in ci) else [ci[0], ci[1]]


def _counts(
    gold: np.ndarray, pred: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """TP, FP, FN for label index k; rows of gold/pred are replicates (2-D) or one set (1-D)."""
    tp = np.sum((gold == k) & (pred == k), axis=-1)
    fp = np.sum((gold != k) & (pred == k), axis=-1)
    fn = np.sum((gold == k) & (pred != k), axis=-1)
    return tp, fp, fn


def _prf(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, undefined: float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), undefined)
        r = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), undefined)
        f = np.where(
            (tp + fp > 0) & (tp + fn > 0),
            np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), 0.0),
            undefined,
        )
    return np.stack([p, r, f])


def _interval(values: np.ndarray) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return (float("nan"), float("nan"))
    lo, hi = np.percentile(finite, CI_PERCENTILES)
    return (float(lo), float(hi))


def scores(
    gold: Sequence[str],
    predicted: Sequence[str],
    labels: Sequence[str],
    *,
    replicates: int = 1000,
    seed: int = 0,
) -> dict[str, LabelScore]:
    """Per-label precision, recall and F1 with bootstrap intervals over the texts."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    index = {label: i for i, label in enumerate(labels)}
    g = np.array([index[x] for x in gold], dtype=np.int64)
    p = np.array([index[x] for x in predicted], dtype=np.int64)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(g), size=(replicates, len(g))) if len(g) else None
    out: dict[str, LabelScore] = {}
    for label, k in index.items():
        point = _prf(*_counts(g, p, k), undefined=0.0)
        if draws is not None:
            boot = _prf(*_counts(g[draws], p[draws], k), undefined=float("nan"))
            cis = [_interval(boot[j]) for j in range(3)]
        else:
            cis = [(float("nan"), float("nan"))] * 3
        out[label] = LabelScore(
            precision=float(point[0]),
            recall=float(point[1]),
            f1=float(point[2]),
            precision_ci=cis[0],
            recall_ci=cis[1],
            f1_ci=cis[2],
            n_gold=int(np.sum(g == k)),
            n_voorspeld=int(np.sum(p == k)),
        )
    return out


def passage_classifier(name: str | SentenceClassifier | None = None) -> Classifier:
    """A batch classifier over passages with a method (by its name in data/method.toml).

    Each text is split into sentences and labelled as a whole (`classify.label_passage`), the
    way `documenten evalueer` reads every labelled text; raises `ValueError` for an unknown
    method name.
    """
    method = name if isinstance(name, SentenceClassifier) else get_classifier(name)

    def run(texts: Sequence[str]) -> list[tuple[str, str]]:
        out = []
        for text in texts:
            label = label_passage(method, text)
            out.append(
                (
                    POLE_NAMES["cc"].get(label.cc.pole, "geen"),
                    POLE_NAMES["dc"].get(label.dc.pole, "geen"),
                )
            )
        return out

    return run


@dataclass
class Evaluation:
    """Figures per axis and label, and the prediction for every text."""

    labels: dict[str, dict[str, LabelScore]]
    voorspellingen: list[tuple[str, str, str]]
    n: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "labels": {
                axis: {label: score.as_json() for label, score in per.items()}
                for axis, per in self.labels.items()
            },
            "voorspellingen": [
                {"id": ident, "cc": cc, "dc": dc} for ident, cc, dc in self.voorspellingen
            ],
        }


def evaluate(
    texts: Sequence[LabelledText],
    classify: Classifier,
    *,
    replicates: int = 1000,
    seed: int = 0,
) -> Evaluation:
    """Classify every text as a whole and score each axis on the texts labelled on it."""
    predictions = list(classify([t.tekst for t in texts]))
    if len(predictions) != len(texts):
        raise ValueError("the classifier returned a different number of predictions")
    result: dict[str, dict[str, LabelScore]] = {}
    counts: dict[str, int] = {}
    for a, (axis, labels) in enumerate(AXES.items()):
        pairs = [
            (gold, pred[a])
            for t, pred in zip(texts, predictions, strict=True)
            if (gold := t.label(axis)) is not None
        ]
        counts[axis] = len(pairs)
        result[axis] = scores(
            [g for g, _ in pairs],
            [p for _, p in pairs],
            labels,
            replicates=replicates,
            seed=seed,
        )
    voorspellingen = [(t.id, cc, dc) for t, (cc, dc) in zip(texts, predictions, strict=True)]
    return Evaluation(result, voorspellingen, counts)


def macro_f1_poles(gold: np.ndarray, pred: np.ndarray, poles: Sequence[int]) -> np.ndarray:
    """Mean F1 over the two poles of an axis (per replicate when the arrays are 2-D)."""
    f1 = [_prf(*_counts(gold, pred, k), undefined=0.0)[2] for k in poles]
    return np.asarray(np.mean(f1, axis=0))


@dataclass(frozen=True)
class PairedComparison:
    """Two methods on the same texts: macro-F1 over the poles, their difference, McNemar."""

    f1_a: float
    f1_b: float
    verschil: float
    verschil_ci: tuple[float, float]
    p_bootstrap: float
    alleen_a_goed: int
    alleen_b_goed: int
    p_mcnemar: float


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value: binomial test of b against b + c at ½."""
    n = b + c
    if n == 0:
        return 1.0
    k = min(b, c)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2.0**n
    return min(1.0, 2.0 * tail)


def compare_paired(
    gold: Sequence[str],
    pred_a: Sequence[str],
    pred_b: Sequence[str],
    labels: Sequence[str],
    *,
    replicates: int = 2000,
    seed: int = 0,
) -> PairedComparison:
    """Paired bootstrap of the macro-F1 difference (a − b) over the poles, and McNemar.

    The same resampled texts serve both methods in every replicate, so the interval of the
    difference reflects only the disagreement between the methods. The bootstrap p-value is
    twice the smaller share of replicates on either side of zero.
    """
    index = {label: i for i, label in enumerate(labels)}
    g = np.array([index[x] for x in gold])
    a = np.array([index[x] for x in pred_a])
    b = np.array([index[x] for x in pred_b])
    poles = [index[x] for x in labels if x != "geen"]
    draws = np.random.default_rng(seed).integers(0, len(g), size=(replicates, len(g)))
    fa, fb = macro_f1_poles(g, a, poles), macro_f1_poles(g, b, poles)
    diff = macro_f1_poles(g[draws], a[draws], poles) - macro_f1_poles(g[draws], b[draws], poles)
    lo, hi = np.percentile(diff, CI_PERCENTILES)
    p_boot = min(1.0, 2.0 * min(float(np.mean(diff <= 0)), float(np.mean(diff >= 0))))
    only_a = int(np.sum((a == g) & (b != g)))
    only_b = int(np.sum((b == g) & (a != g)))
    return PairedComparison(
        f1_a=float(fa),
        f1_b=float(fb),
        verschil=float(fa - fb),
        verschil_ci=(float(lo), float(hi)),
        p_bootstrap=p_boot,
        alleen_a_goed=only_a,
        alleen_b_goed=only_b,
        p_mcnemar=mcnemar_exact(only_a, only_b),
    )
