"""Train the sentence model on the development set and write it as versioned data.

    python -m regiekompas.core.documents.train [--zonder-lexicon]

Writes ``data/zinmodel.json`` (weights, no pickle) and ``data/zinmodel.md`` (training
report). Needs scikit-learn (a dev dependency); applying the model does not
(`regiekompas.core.documents.zinmodel`). Procedure (docs/documents-evaluation.md):

1. split by source document into train / validatie / test (``data/splitsing.csv``);
2. per axis, choose the regularisation C and the class weighting of a multinomial logistic
   regression by macro-F1 on *validatie*, after training on *train*;
3. refit on train + validatie with those settings; score once on *test*.

Features occurring in fewer than two training texts are dropped, which keeps the file small.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from regiekompas.core.documents.devset import DevItem, load_devset, load_split, split_items
from regiekompas.core.documents.evaluate import AXES, compare_paired, scores
from regiekompas.core.documents.zinmodel import (
    AxisWeights,
    LexiconFeatures,
    SentenceModel,
    default_lexicon,
    text_features,
)

DATA = Path(__file__).parent / "data"
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
WEIGHTINGS: tuple[str | None, ...] = ("balanced", None)
MIN_DF = 2
DECIMALS = 5
REPORT_B = 2000


def _matrix(feats: Sequence[Mapping[str, float]], vocab: Mapping[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, f in enumerate(feats):
        norm = math.sqrt(sum(v * v for v in f.values())) or 1.0
        for name, value in f.items():
            j = vocab.get(name)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(value / norm)
    return csr_matrix((vals, (rows, cols)), shape=(len(feats), len(vocab)))


def _vocab(feats: Sequence[Mapping[str, float]]) -> dict[str, int]:
    df = Counter(name for f in feats for name in f)
    return {name: j for j, name in enumerate(sorted(n for n, c in df.items() if c >= MIN_DF))}


def _fit(x: Any, y: Sequence[str], c: float, weighting: str | None) -> Any:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, class_weight=weighting, max_iter=5000)
    return clf.fit(x, list(y))


def _macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, pred, average="macro", zero_division=0))


def _axis_weights(clf: Any, vocab: Mapping[str, int], labels: Sequence[str]) -> AxisWeights:
    order = [list(clf.classes_).index(label) for label in labels]
    coef = np.round(clf.coef_[order], DECIMALS)
    weights = {
        name: tuple(float(x) for x in coef[:, j])
        for name, j in vocab.items()
        if np.any(coef[:, j] != 0)
    }
    intercept = tuple(float(x) for x in np.round(clf.intercept_[order], DECIMALS))
    return AxisWeights(tuple(labels), intercept, weights)


def predictions_digest(predictions: Sequence[tuple[str, str]]) -> str:
    """A fingerprint of a list of (cc, dc) predictions, kept in the model file."""
    joined = "\n".join(f"{cc}\t{dc}" for cc, dc in predictions)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def train(use_lexicon: bool = True) -> tuple[SentenceModel, dict[str, Any]]:
    """Tune on validatie, refit on train + validatie; return the model and what was chosen."""
    lexicon: LexiconFeatures | None = default_lexicon() if use_lexicon else None
    parts = split_items(load_devset(), load_split())
    feats = {p: [text_features(i.tekst, lexicon) for i in items] for p, items in parts.items()}
    chosen: dict[str, Any] = {}
    axes: dict[str, AxisWeights] = {}
    final_feats = feats["train"] + feats["validatie"]
    final_items = parts["train"] + parts["validatie"]
    final_vocab = _vocab(final_feats)
    x_final = _matrix(final_feats, final_vocab)
    vocab = _vocab(feats["train"])
    x_train, x_val = _matrix(feats["train"], vocab), _matrix(feats["validatie"], vocab)
    for axis, labels in AXES.items():
        y_train = [getattr(i, axis) for i in parts["train"]]
        y_val = [getattr(i, axis) for i in parts["validatie"]]
        grid = []
        for c in C_GRID:
            for weighting in WEIGHTINGS:
                clf = _fit(x_train, y_train, c, weighting)
                grid.append((_macro_f1(y_val, clf.predict(x_val)), c, weighting))
        best = max(grid, key=lambda g: g[0])
        chosen[axis] = {
            "C": best[1],
            "klassegewicht": best[2] or "geen",
            "validatie_macro_f1": round(best[0], 4),
            "rooster": [
                {"C": c, "klassegewicht": w or "geen", "macro_f1": round(f, 4)} for f, c, w in grid
            ],
        }
        clf = _fit(x_final, [getattr(i, axis) for i in final_items], best[1], best[2])
        axes[axis] = _axis_weights(clf, final_vocab, labels)
    model = SentenceModel(axes=axes, uses_lexicon=lexicon is not None, meta={})
    test_texts = [i.tekst for i in parts["test"]]
    test_predictions = model.classify(test_texts, lexicon)
    meta = {
        "getraind_op": "ontwikkelset.csv: train + validatie (splitsing.csv)",
        "n_train": len(parts["train"]),
        "n_validatie": len(parts["validatie"]),
        "n_test": len(parts["test"]),
        "min_df": MIN_DF,
        "kenmerken": len(final_vocab),
        "keuzes": {
            axis: {k: v for k, v in c.items() if k != "rooster"} for axis, c in chosen.items()
        },
        "test_voorspellingen_sha256": predictions_digest(test_predictions),
    }
    model = SentenceModel(axes=axes, uses_lexicon=lexicon is not None, meta=meta)
    return model, chosen


def test_items() -> list[DevItem]:
    return split_items(load_devset(), load_split())["test"]


def _pct(x: float) -> str:
    return "–" if x != x else f"{x:.2f}"


def _score_rows(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> list[str]:
    rows = []
    for label, sc in scores(gold, pred, labels, replicates=REPORT_B, seed=0).items():
        rows.append(
            f"| {label} | {_pct(sc.precision)} ({_pct(sc.precision_ci[0])}–"
            f"{_pct(sc.precision_ci[1])}) | {_pct(sc.recall)} ({_pct(sc.recall_ci[0])}–"
            f"{_pct(sc.recall_ci[1])}) | {_pct(sc.f1)} ({_pct(sc.f1_ci[0])}–"
            f"{_pct(sc.f1_ci[1])}) | {sc.n_gold} |"
        )
    return rows


def held_out_tables(items: Sequence[DevItem], predictions: Sequence[tuple[str, str]]) -> str:
    """Markdown: per axis and label P, R, F1 with 95 % CIs, and the trap set per valkuil."""
    lines = []
    for a, (axis, labels) in enumerate(AXES.items()):
        lines += [
            f"**{axis}** ({len(items)} teksten)",
            "",
            "| label | precision (95 % BI) | recall (95 % BI) | F1 (95 % BI) | n |",
            "|---|---|---|---|---|",
        ]
        gold = [getattr(i, axis) for i in items]
        lines += _score_rows(gold, [p[a] for p in predictions], labels)
        lines.append("")
    traps = [(i, p) for i, p in zip(items, predictions, strict=True) if i.valkuil]
    lines += [
        f"**Valkuilen** ({len(traps)} teksten in het toetsdeel): aandeel goed per as",
        "",
        "| valkuil | n | cc goed | dc goed |",
        "|---|---|---|---|",
    ]
    for kind in sorted({i.valkuil for i, _ in traps}):
        sub = [(i, p) for i, p in traps if i.valkuil == kind]
        cc_ok = sum(i.cc == p[0] for i, p in sub) / len(sub)
        dc_ok = sum(i.dc == p[1] for i, p in sub) / len(sub)
        lines.append(f"| {kind} | {len(sub)} | {cc_ok:.0%} | {dc_ok:.0%} |")
    if traps:
        cc_ok = sum(i.cc == p[0] for i, p in traps) / len(traps)
        dc_ok = sum(i.dc == p[1] for i, p in traps) / len(traps)
        lines.append(f"| alle valkuilen | {len(traps)} | {cc_ok:.0%} | {dc_ok:.0%} |")
    return "\n".join(lines) + "\n"


def comparison_table(
    items: Sequence[DevItem],
    ours: Sequence[tuple[str, str]],
    other: Sequence[tuple[str, str]],
    names: tuple[str, str] = ("zinmodel", "lexicon"),
) -> str:
    """Markdown: paired comparison per axis (macro-F1 over the poles, bootstrap, McNemar)."""
    lines = [
        f"| as | F1 {names[0]} | F1 {names[1]} | verschil (95 % BI) | p (bootstrap) | "
        f"alleen {names[0]} goed | alleen {names[1]} goed | p (McNemar) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for a, (axis, labels) in enumerate(AXES.items()):
        gold = [getattr(i, axis) for i in items]
        c = compare_paired(
            gold, [p[a] for p in ours], [p[a] for p in other], labels, replicates=REPORT_B
        )
        lines.append(
            f"| {axis} | {c.f1_a:.3f} | {c.f1_b:.3f} | {c.verschil:+.3f} "
            f"({c.verschil_ci[0]:+.3f} – {c.verschil_ci[1]:+.3f}) | {c.p_bootstrap:.3f} | "
            f"{c.alleen_a_goed} | {c.alleen_b_goed} | {c.p_mcnemar:.3g} |"
        )
    return "\n".join(lines) + "\n"


def report(model: SentenceModel, chosen: Mapping[str, Any]) -> str:
    """The training report (data/zinmodel.md)."""
    parts = split_items(load_devset(), load_split())
    lexicon = default_lexicon() if model.uses_lexicon else None
    test = parts["test"]
    predictions = model.classify([i.tekst for i in test], lexicon)
    meta = model.meta
    out = [
        "# Zinmodel — trainingsrapport",
        "",
        "Written by `python -m regiekompas.core.documents.train`; do not edit by hand. "
        "Method and caveats: docs/documents-evaluation.md; labels: docs/codebook.md.",
        "",
        "## Data and split",
        "",
        "`ontwikkelset.csv`, split by source document (`splitsing.csv`; the documents of the "
        "test part share no sentence frame with the others).",
        "",
        "| deel | documenten | teksten | cocreatie | controle | decentraal | centraal |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, items in parts.items():
        cc = Counter(i.cc for i in items)
        dc = Counter(i.dc for i in items)
        out.append(
            f"| {name} | {len({i.document_id for i in items})} | {len(items)} | "
            f"{cc['cocreatie']} | {cc['controle']} | {dc['decentraal']} | {dc['centraal']} |"
        )
    out += [
        "",
        "## Features and hyper-parameters",
        "",
        f"Lemma unigrams and bigrams, negation-scope lemmas"
        f"{', lexicon features' if model.uses_lexicon else ''}; features in fewer than "
        f"{MIN_DF} training texts dropped ({meta['kenmerken']} kept); each text's vector "
        "scaled to unit length. Multinomial logistic regression (scikit-learn, lbfgs, L2). "
        "Chosen per axis by macro-F1 on *validatie* after training on *train*, then refit "
        "on train + validatie:",
        "",
        "| as | C | klassegewicht | macro-F1 validatie |",
        "|---|---|---|---|",
    ]
    for axis, c in chosen.items():
        out.append(f"| {axis} | {c['C']:g} | {c['klassegewicht']} | {c['validatie_macro_f1']} |")
    out += ["", "Grid (macro-F1 on validatie):", ""]
    for axis, c in chosen.items():
        grid = ", ".join(
            f"C={g['C']:g}/{g['klassegewicht']}: {g['macro_f1']}" for g in c["rooster"]
        )
        out.append(f"- {axis}: {grid}")
    out += [
        "",
        f"## Held-out test ({len(test)} texts; 95 % CI: bootstrap over texts, B = {REPORT_B})",
        "",
        held_out_tables(test, predictions),
    ]
    engine = engine_classifier()
    if engine is not None:
        other = list(engine([i.tekst for i in test]))
        out += [
            "## Compared with the lexicon method on the same held-out texts",
            "",
            "Macro-F1 over the two poles of each axis; paired bootstrap over texts and exact "
            "McNemar test on correct/incorrect per text.",
            "",
            comparison_table(test, predictions, other),
            "Lexicon method, held-out figures:",
            "",
            held_out_tables(test, other),
        ]
    return "\n".join(out)


def engine_classifier() -> Any:
    """The rule method's batch classifier (documents engine), if present."""
    try:
        module = importlib.import_module("regiekompas.core.documents.classify")
    except ImportError:
        return None
    fn = getattr(module, "classify_texts", None)
    return fn if callable(fn) else None


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--zonder-lexicon", action="store_true")
    parser.add_argument("--uit", type=Path, default=DATA / "zinmodel.json")
    args = parser.parse_args(argv)
    model, chosen = train(use_lexicon=not args.zonder_lexicon)
    args.uit.write_text(
        json.dumps(model.as_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    args.uit.with_suffix(".md").write_text(report(model, chosen), encoding="utf-8")
    print(json.dumps(model.meta, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
