"""Evaluation figures of `documenten evalueer` checked against scikit-learn and by hand."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import binomtest
from sklearn.metrics import f1_score, precision_recall_fscore_support

from regiekompas.core.documents.evaluate import (
    AXES,
    LabelledText,
    LabelsError,
    compare_paired,
    evaluate,
    mcnemar_exact,
    parse_labels,
    scores,
)

CC = list(AXES["cc"])


def test_scores_match_sklearn_on_random_labels() -> None:
    rng = np.random.default_rng(3)
    for _ in range(20):
        n = int(rng.integers(5, 60))
        gold = [CC[i] for i in rng.integers(0, 3, n)]
        pred = [CC[i] for i in rng.integers(0, 3, n)]
        ours = scores(gold, pred, CC, replicates=50, seed=1)
        p, r, f, support = precision_recall_fscore_support(gold, pred, labels=CC, zero_division=0)
        for k, label in enumerate(CC):
            assert ours[label].precision == pytest.approx(p[k])
            assert ours[label].recall == pytest.approx(r[k])
            assert ours[label].f1 == pytest.approx(f[k])
            assert ours[label].n_gold == support[k]


def test_scores_by_hand() -> None:
    gold = ["cocreatie", "cocreatie", "controle", "geen", "geen", "geen"]
    pred = ["cocreatie", "geen", "cocreatie", "geen", "geen", "controle"]
    s = scores(gold, pred, CC, replicates=10)
    # cocreatie: TP 1, FP 1 (text 3), FN 1 (text 2) -> P = R = F1 = 1/2
    assert (s["cocreatie"].precision, s["cocreatie"].recall, s["cocreatie"].f1) == (0.5, 0.5, 0.5)
    # controle: TP 0, FP 1, FN 1 -> 0
    assert s["controle"].f1 == 0.0
    # geen: TP 2, FP 1, FN 1 -> P = R = 2/3; 'geen' correctly not placed = 2 of 3
    assert s["geen"].recall == pytest.approx(2 / 3)
    assert s["geen"].n_voorspeld == 3


def test_bootstrap_interval_is_seeded_and_brackets_the_estimate() -> None:
    rng = np.random.default_rng(0)
    gold = [CC[i] for i in rng.integers(0, 3, 200)]
    pred = [g if rng.random() < 0.8 else CC[rng.integers(0, 3)] for g in gold]
    a = scores(gold, pred, CC, replicates=400, seed=5)
    b = scores(gold, pred, CC, replicates=400, seed=5)
    assert a == b
    for s in a.values():
        assert s.f1_ci[0] <= s.f1 <= s.f1_ci[1]
        assert 0.0 < s.f1_ci[1] - s.f1_ci[0] < 0.3
    perfect = scores(gold, gold, CC, replicates=100)
    assert all(s.f1_ci == (1.0, 1.0) for s in perfect.values())


def test_paired_comparison_matches_sklearn_and_the_binomial_test() -> None:
    rng = np.random.default_rng(1)
    gold = [CC[i] for i in rng.integers(0, 3, 150)]
    a = [g if rng.random() < 0.85 else CC[rng.integers(0, 3)] for g in gold]
    b = [g if rng.random() < 0.6 else CC[rng.integers(0, 3)] for g in gold]
    result = compare_paired(gold, a, b, CC, replicates=500)
    poles = ["cocreatie", "controle"]
    expected = f1_score(gold, a, labels=poles, average="macro") - f1_score(
        gold, b, labels=poles, average="macro"
    )
    assert result.verschil == pytest.approx(expected)
    assert result.verschil_ci[0] <= result.verschil <= result.verschil_ci[1]
    only_a = sum(x == g != y for g, x, y in zip(gold, a, b, strict=True))
    only_b = sum(y == g != x for g, x, y in zip(gold, a, b, strict=True))
    assert (result.alleen_a_goed, result.alleen_b_goed) == (only_a, only_b)
    assert result.p_mcnemar == pytest.approx(binomtest(only_a, only_a + only_b).pvalue)


@pytest.mark.parametrize(("b", "c"), [(0, 0), (3, 3), (10, 2), (1, 25)])
def test_mcnemar_exact_equals_scipy(b: int, c: int) -> None:
    expected = 1.0 if b + c == 0 else binomtest(b, b + c).pvalue
    assert mcnemar_exact(b, c) == pytest.approx(expected)


def test_texts_without_a_label_on_an_axis_are_left_out_of_that_axis() -> None:
    texts = [
        LabelledText("1", "a", "cocreatie", None),
        LabelledText("2", "b", None, "centraal"),
        LabelledText("3", "c", "geen", "geen"),
    ]
    result = evaluate(texts, lambda batch: [("cocreatie", "centraal")] * len(batch))
    assert result.n == {"cc": 2, "dc": 2}
    assert result.labels["cc"]["cocreatie"].precision == 0.5
    assert result.labels["dc"]["centraal"].recall == 1.0
    out = result.as_json()
    assert set(out) == {"labels", "voorspellingen"}
    assert out["voorspellingen"][1] == {"id": "2", "cc": "cocreatie", "dc": "centraal"}


@pytest.mark.parametrize(
    ("csv_text", "fragment"),
    [
        ("id,tekst,cc\n1,x,geen\n", "rij 1: kolom ontbreekt: dc"),
        ("id,tekst,cc,dc\n1,x,geen,geen\n2,y,samen,geen\n", "rij 3, kolom cc: 'samen'"),
        (
            "id,tekst,cc,dc\n1,x,geen,geen\n1,y,geen,geen\n",
            "rij 3, kolom id: '1' staat ook in rij 2",
        ),
        ("id,tekst,cc,dc\n1,,geen,geen\n", "rij 2, kolom tekst: leeg"),
        ("id,tekst,cc,dc\n", "geen gelabelde teksten"),
    ],
)
def test_a_bad_labels_file_names_row_and_column(csv_text: str, fragment: str) -> None:
    with pytest.raises(LabelsError) as caught:
        parse_labels(csv_text, "labels.csv")
    assert fragment in caught.value.text("nl")
    assert caught.value.text("en").startswith("labels.csv")


def test_semicolons_and_empty_cells_are_read() -> None:
    texts = parse_labels("id;tekst;cc;dc\nA;Een zin.;Controle;\n", "x.csv")
    assert texts == [LabelledText("A", "Een zin.", "controle", None)]
