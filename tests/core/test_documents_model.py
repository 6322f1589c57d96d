"""The development set, its split, and the shipped sentence model (docs/codebook.md)."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from regiekompas.core.documents.devset import PARTS, load_devset, load_split, split_items
from regiekompas.core.documents.evaluate import AXES
from regiekompas.core.documents.text import split_passage
from regiekompas.core.documents.train import (
    _axis_weights,
    _matrix,
    _vocab,
    predictions_digest,
)
from regiekompas.core.documents.zinmodel import (
    BatchScorer,
    ZinmodelClassifier,
    default_lexicon,
    load_model,
    model_from_json,
    text_features,
)

VALKUILEN = {
    "",
    "samen-val",
    "centraal-val",
    "regionale-inkoop",
    "negatie",
    "modaliteit",
    "gemengd",
}
SOORTEN = {"beleidsplan", "inkoopdocument", "raadsvoorstel", "meerjarenvisie"}


def test_the_development_set_is_large_varied_and_validly_labelled() -> None:
    items = load_devset()
    assert len(items) >= 2000
    assert len({i.id for i in items}) == len(items)
    assert len({i.document_id for i in items}) >= 60
    assert {i.soort for i in items} == SOORTEN
    assert {i.valkuil for i in items} == VALKUILEN
    for axis, labels in AXES.items():
        counts = Counter(getattr(i, axis) for i in items)
        assert set(counts) == set(labels)
        assert counts["geen"] / len(items) > 0.4  # most policy text is about neither pole
    assert len({i.tekst for i in items}) == len(items)


def test_the_split_never_puts_a_document_in_two_parts() -> None:
    items = load_devset()
    split = load_split()
    assert set(split.values()) == set(PARTS)
    assert {i.document_id for i in items} == set(split)
    parts = split_items(items, split)
    docs = {p: {i.document_id for i in parts[p]} for p in PARTS}
    assert not docs["train"] & docs["test"]
    assert not docs["train"] & docs["validatie"]
    assert not docs["validatie"] & docs["test"]
    assert sum(len(v) for v in parts.values()) == len(items)
    # no test text appears in training, not even as part of a passage
    train_text = "\n".join(i.tekst for i in parts["train"] + parts["validatie"])
    first_sentences = {i.tekst.split(". ")[0] for i in parts["test"]}
    assert sum(s in train_text for s in first_sentences) < 0.2 * len(first_sentences)


def test_a_document_missing_from_the_split_is_refused() -> None:
    items = load_devset()
    split = load_split()
    del split[items[0].document_id]
    with pytest.raises(ValueError, match=items[0].document_id):
        split_items(items, split)


def test_the_second_labelling_sample_has_300_known_ids_and_no_labels() -> None:
    path = resources.files("regiekompas.core.documents").joinpath(
        "data", "steekproef_tweede_codering.csv"
    )
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    assert list(rows[0]) == ["id", "tekst"]
    ids = {i.id: i for i in load_devset()}
    assert len({r["id"] for r in rows}) == 300
    assert all(ids[r["id"]].tekst == r["tekst"] for r in rows)
    sampled = Counter(ids[r["id"]].valkuil != "" for r in rows)
    assert sampled[True] >= 30  # the traps are in the sample


def test_the_shipped_model_reproduces_its_training_time_predictions() -> None:
    model = load_model()
    test = split_items(load_devset(), load_split())["test"]
    lexicon = default_lexicon() if model.uses_lexicon else None
    predictions = model.classify([i.tekst for i in test], lexicon)
    assert predictions_digest(predictions) == model.meta["test_voorspellingen_sha256"], (
        "the model's predictions changed since training: retrain with "
        "`python -m regiekompas.core.documents.train` (and check docs/documents-evaluation.md)"
    )


def test_numpy_inference_equals_sklearn_decisions() -> None:
    texts = [
        "De gemeente stelt de kaders vast en controleert de aanbieders.",
        "Gemeente en aanbieders bepalen samen het budget.",
        "Er komt één toegang via het wijkteam.",
        "Aanbieders blijven zelfstandig en stemmen onderling af.",
        "Het budget bedraagt vier miljoen euro.",
        "De gemeente controleert de declaraties van de aanbieders.",
        "Samen met de zorgverzekeraar stellen we het budget vast.",
        "Het aantal inwoners groeit.",
    ]
    y = ["controle", "cocreatie", "geen", "geen", "geen", "controle", "cocreatie", "geen"]
    feats = [text_features(t) for t in texts]
    vocab = _vocab(feats)
    x = _matrix(feats, vocab)
    clf = LogisticRegression(C=10.0, max_iter=2000).fit(x, y)
    weights = _axis_weights(clf, vocab, AXES["cc"])
    ours = [weights.predict(f) for f in feats]
    assert ours == list(clf.predict(x))
    # the scores themselves agree up to the rounding of the stored weights
    expected = clf.decision_function(x)[:, [list(clf.classes_).index(c) for c in AXES["cc"]]]
    got = np.array([weights.scores(f) for f in feats])
    assert np.allclose(got, expected, atol=1e-3)


def test_the_model_file_round_trips_through_json() -> None:
    model = load_model()
    again = model_from_json(model.as_json())
    assert again.axes["cc"].labels == AXES["cc"]
    assert again.classify(["De gemeente legt boetes op."]) == model.classify(
        ["De gemeente legt boetes op."]
    )


def test_negation_scope_marks_the_words_after_geen() -> None:
    f = text_features("Er komt geen centrale toegang, maar elke aanbieder blijft.")
    assert "n:centraal" in f or "n:centrale" in f
    assert not any(k.startswith("n:") and "aanbieder" in k for k in f)


def test_the_batch_scorer_gives_the_per_text_scores_of_the_model() -> None:
    # BatchScorer (numpy, all sentences of a document at once) against the plain per-text
    # computation of AxisWeights.scores, on every text of the development set plus odd ones.
    model = load_model()
    texts = [i.tekst for i in load_devset()] + [
        "",
        "(geen) niet-centrale, 'toegang' — wijk_team 2026 ... niet; geen geen zorg",
        "Er komt geen centrale toegang maar wel één wijkteam.",
        "ÉÉN TOEGANG\x00via het wijkteam",
    ]
    scorer = BatchScorer(model)
    got = scorer.scores(texts)
    expected = np.array(
        [
            [x for axis in ("cc", "dc") for x in model.axes[axis].scores(text_features(t))]
            for t in texts
        ]
    )
    assert np.allclose(got, expected, rtol=0, atol=1e-12)
    assert scorer.predict(texts) == model.classify(texts)


def test_a_texts_score_does_not_depend_on_the_texts_scored_before() -> None:
    texts = ["Samen met aanbieders stellen wij de kaders vast.", "Er komt één wijkteam."]
    fresh = BatchScorer(load_model()).scores(texts)
    used = BatchScorer(load_model())
    used.scores([i.tekst for i in load_devset()[:300]])
    assert (used.scores(texts) == fresh).all()


def test_the_classifier_places_sentences_as_the_per_sentence_loop_does() -> None:
    sentences = split_passage(" ".join(i.tekst for i in load_devset()[:400]))
    fast = ZinmodelClassifier()
    slow = ZinmodelClassifier()
    slow.scorer = None  # the loop kept for models with lexicon features
    got, expected = fast.classify(sentences), slow.classify(sentences)
    assert [(g.cc.pole, g.dc.pole) for g in got] == [(e.cc.pole, e.dc.pole) for e in expected]
    assert np.allclose(
        [(g.cc.weight, g.dc.weight) for g in got],
        [(e.cc.weight, e.dc.weight) for e in expected],
        rtol=0,
        atol=1e-12,
    )
    assert sum(1 for g in got if g.cc.pole or g.dc.pole) > 50
