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

from regiekompas.core.documents.devset import (
    DevItem,
    load_devset,
    load_split,
    split_items,
)
from regiekompas.core.documents.evaluate import (
    AXES,
    compare_paired,
    passage_classifier,
    scores,
)
from regiekompas.core.documents.lexicon import load_lexicon
from regiekompas.core.documents.zinmodel import (
    LEXICON_PREFIX,
    AxisWeights,
    LexiconFeatures,
    SentenceModel,
    ZinmodelClassifier,
    default_lexicon,
    text_features,
)

DATA = Path(__file__).parent / "data"
C_GRID = (3.0, 10.0, 30.0, 100.0)
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


def _axis_weights(
    clf: Any, vocab: Mapping[str, int], labels: Sequence[str], *, lexicon: bool = False
) -> AxisWeights:
    order = [list(clf.classes_).index(label) for label in labels]
    coef = np.round(clf.coef_[order], DECIMALS)
    weights = {
        name: tuple(float(x) for x in coef[:, j])
        for name, j in vocab.items()
        if np.any(coef[:, j] != 0)
    }
    intercept = tuple(float(x) for x in np.round(clf.intercept_[order], DECIMALS))
    return AxisWeights(tuple(labels), intercept, weights, lexicon)


def predictions_digest(predictions: Sequence[tuple[str, str]]) -> str:
    """A fingerprint of a list of (cc, dc) predictions, kept in the model file."""
    joined = "\n".join(f"{cc}\t{dc}" for cc, dc in predictions)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def _without_lexicon(f: Mapping[str, float]) -> dict[str, float]:
    return {k: v for k, v in f.items() if not k.startswith(LEXICON_PREFIX)}


def train(use_lexicon: bool = True) -> tuple[SentenceModel, dict[str, Any]]:
    """Tune on validatie, refit on train + validatie; return the model and the choices.

    Per axis the grid covers C, the class weighting and whether the lexicon features are
    used (when `use_lexicon`); the best macro-F1 on validatie wins. The test part is never
    used here, so `documenten evalueer` on it reproduces the report's held-out figures.
    """
    lexicon: LexiconFeatures | None = default_lexicon() if use_lexicon else None
    parts = split_items(load_devset(), load_split())
    with_lex = {p: [text_features(i.tekst, lexicon) for i in items] for p, items in parts.items()}
    variants = {False: {p: [_without_lexicon(f) for f in fs] for p, fs in with_lex.items()}}
    if lexicon is not None:
        variants[True] = with_lex
    chosen: dict[str, Any] = {}
    axes: dict[str, AxisWeights] = {}
    matrices = {}
    for lex, feats in variants.items():
        vocab = _vocab(feats["train"])
        matrices[lex] = (_matrix(feats["train"], vocab), _matrix(feats["validatie"], vocab))
    for axis in AXES:
        y_train = [getattr(i, axis) for i in parts["train"]]
        y_val = [getattr(i, axis) for i in parts["validatie"]]
        grid = []
        for lex, (x_train, x_val) in matrices.items():
            for c in C_GRID:
                for weighting in WEIGHTINGS:
                    clf = _fit(x_train, y_train, c, weighting)
                    grid.append((_macro_f1(y_val, clf.predict(x_val)), c, weighting, lex))
        best = max(grid, key=lambda g: g[0])
        chosen[axis] = {
            "C": best[1],
            "klassegewicht": best[2] or "geen",
            "lexicon": best[3],
            "validatie_macro_f1": round(best[0], 4),
            "rooster": [
                {"C": c, "klassegewicht": w or "geen", "lexicon": lx, "macro_f1": round(f, 4)}
                for f, c, w, lx in grid
            ],
        }
        axes[axis] = _refit(variants[best[3]], parts, ("train", "validatie"), axis, best)
        chosen[axis]["kenmerken"] = len(axes[axis].weights)
    uses = any(w.lexicon for w in axes.values())
    model = SentenceModel(axes=axes, uses_lexicon=uses, meta={})
    test_predictions = model.classify([i.tekst for i in parts["test"]], lexicon if uses else None)
    meta = {
        "getraind_op": "ontwikkelset.csv: train + validatie (splitsing.csv); test is held out",
        "n_train": len(parts["train"]),
        "n_validatie": len(parts["validatie"]),
        "n_test": len(parts["test"]),
        "min_df": MIN_DF,
        "keuzes": chosen,
        "test_voorspellingen_sha256": predictions_digest(test_predictions),
    }
    return SentenceModel(axes=axes, uses_lexicon=uses, meta=meta), chosen


def _refit(
    feats: Mapping[str, list[dict[str, float]]],
    parts: Mapping[str, list[DevItem]],
    names: Sequence[str],
    axis: str,
    best: tuple[float, float, str | None, bool],
) -> AxisWeights:
    """Fit one axis with the chosen settings on the named parts."""
    x_feats = [f for name in names for f in feats[name]]
    y = [getattr(i, axis) for name in names for i in parts[name]]
    vocab = _vocab(x_feats)
    clf = _fit(_matrix(x_feats, vocab), y, best[1], best[2])
    return _axis_weights(clf, vocab, AXES[axis], lexicon=best[3])


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


def _p(p: float, replicates: int) -> str:
    return f"< {1 / replicates:.4f}" if p == 0 else f"{p:.3f}"


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
            f"({c.verschil_ci[0]:+.3f} – {c.verschil_ci[1]:+.3f}) | "
            f"{_p(c.p_bootstrap, REPORT_B)} | "
            f"{c.alleen_a_goed} | {c.alleen_b_goed} | {c.p_mcnemar:.3g} |"
        )
    return "\n".join(lines) + "\n"


def report(model: SentenceModel, chosen: Mapping[str, Any]) -> str:
    """The training report (data/zinmodel.md)."""
    parts = split_items(load_devset(), load_split())
    lexicon = default_lexicon() if model.uses_lexicon else None
    test = parts["test"]
    texts = [i.tekst for i in test]
    predictions = model.classify(texts, lexicon)
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
        "Lemma unigrams and bigrams, negation-scope lemmas and (where chosen) the lexicon's "
        f"features (`classify.features`); features in fewer than {MIN_DF} training texts "
        "dropped; each text's vector "
        "scaled to unit length. Multinomial logistic regression (scikit-learn, lbfgs, L2). "
        "Chosen per axis by macro-F1 on *validatie* after training on *train*, then refit "
        "on train + validatie:",
        "",
        "| as | C | klassegewicht | lexiconkenmerken | kenmerken | macro-F1 validatie |",
        "|---|---|---|---|---|---|",
    ]
    for axis, c in chosen.items():
        out.append(
            f"| {axis} | {c['C']:g} | {c['klassegewicht']} | {'ja' if c['lexicon'] else 'nee'} "
            f"| {c['kenmerken']} | {c['validatie_macro_f1']} |"
        )
    out += ["", "Grid (macro-F1 on validatie):", ""]
    for axis, c in chosen.items():
        grid = ", ".join(
            f"C={g['C']:g}/{g['klassegewicht']}/{'lex' if g['lexicon'] else '-'}: {g['macro_f1']}"
            for g in c["rooster"]
        )
        out.append(f"- {axis}: {grid}")
    out += [
        "",
        f"## Held-out test ({len(test)} texts; 95 % CI: bootstrap over texts, B = {REPORT_B})",
        "",
        "The model applied to each text as a whole (one feature vector per text):",
        "",
        held_out_tables(test, predictions),
    ]
    lexicon_method = passage_classifier("lexicon")
    ours = passage_classifier(ZinmodelClassifier(model))(texts)
    theirs = lexicon_method(texts)
    out += [
        "## The method on held-out texts, compared with the lexicon method",
        "",
        "As `regiekompas documenten evalueer` reads a labelled text: split into sentences, "
        "each sentence placed, the passage placed at the sign of the summed signal "
        "(`classify.label_passage`). Zinmodel:",
        "",
        held_out_tables(test, ours),
        f"Lexicon method (lexicon version {load_lexicon().version}) on the same texts:",
        "",
        held_out_tables(test, theirs),
        "Paired comparison: macro-F1 over the two poles of each axis, paired bootstrap over "
        f"texts (B = {REPORT_B}) and exact McNemar test on right/wrong per text:",
        "",
        comparison_table(test, ours, theirs),
    ]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--zonder-lexicon", action="store_true")
    parser.add_argument("--uit", type=Path, default=DATA / "zinmodel.json")
    args = parser.parse_args(argv)
    model, chosen = train(use_lexicon=not args.zonder_lexicon)
    args.uit.with_suffix(".md").write_text(report(model, chosen), encoding="utf-8")
    args.uit.write_text(
        json.dumps(model.as_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(json.dumps(model.meta, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
