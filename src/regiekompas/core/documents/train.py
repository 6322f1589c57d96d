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
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from regiekompas.core.documents.devset import DevItem, load_devset, load_split, split_items
from regiekompas.core.documents.evaluate import AXES
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
    (args.uit.with_suffix(".grid.json")).write_text(
        json.dumps(chosen, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(json.dumps(model.meta, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
