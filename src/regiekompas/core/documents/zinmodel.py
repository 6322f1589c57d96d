"""The supervised sentence model: lemma n-grams (+ lexicon features) and linear weights.

The weights are versioned data (``data/zinmodel.json``, with its training report
``data/zinmodel.md``), written by `regiekompas.core.documents.train` from the development set
(docs/codebook.md, docs/documents-evaluation.md). Applying the model needs numpy and
simplemma only: per axis, a text's features are weighted, summed, divided by the Euclidean
length of the feature vector and added to the intercept; the label with the highest score
wins (the decision rule of a multinomial logistic regression).

Features of a text (lower-cased, lemmatised with simplemma):

* ``w:<lemma>`` and ``b:<lemma>_<lemma>`` — word unigrams and bigrams (value 1);
* ``n:<lemma>`` — lemmas in the scope of a negation (after *niet, geen, nooit, zonder …*
  up to the next punctuation mark), so "geen centrale toegang" differs from "centrale
  toegang";
* ``lex:<name>`` — the lexicon features of the rule method, when the model was trained with
  them (``classify.features``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
import simplemma

from regiekompas.core.documents.classify import (
    NOT_PLACED,
    NOT_PLACED_EITHER,
    AxisLabel,
    SentenceLabel,
)
from regiekompas.core.documents.classify import features as lexicon_features_of
from regiekompas.core.documents.lexicon import POLES
from regiekompas.core.documents.text import ChunkTokens, Sentence, split_passage

__all__ = ["MODEL_FILE", "SentenceModel", "lemmas", "load_model", "text_features"]

MODEL_FILE = "zinmodel.json"
LEXICON_PREFIX = "lex:"
FORMAT_VERSION = 1

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[.,;:!?()]")
NEGATIONS = frozenset({"niet", "geen", "nooit", "zonder", "niets", "niemand", "noch", "nergens"})
SCOPE_END = frozenset({".", ",", ";", ":", "!", "?", "(", ")"})

LexiconFeatures = Callable[[str], Mapping[str, float]]


@lru_cache(maxsize=65536)
def _lemma(token: str) -> str:
    if token.isdigit():
        return "<getal>"
    return str(simplemma.lemmatize(token, lang="nl")).lower()


def lemmas(text: str) -> list[str]:
    """Lower-cased lemmas and punctuation marks of a text, in order."""
    return [_lemma(t) if t not in SCOPE_END else t for t in TOKEN.findall(text.lower())]


def text_features(text: str, lexicon: LexiconFeatures | None = None) -> dict[str, float]:
    """The model's features of one text (see the module docstring)."""
    tokens = lemmas(text)
    out: dict[str, float] = {}
    previous: str | None = None
    negated = False
    for token in tokens:
        if token in SCOPE_END:
            previous = None
            negated = False
            continue
        out["w:" + token] = 1.0
        if previous is not None:
            out[f"b:{previous}_{token}"] = 1.0
        if negated:
            out["n:" + token] = 1.0
        if token in NEGATIONS:
            negated = True
        previous = token
    if lexicon is not None:
        for name, value in lexicon(text).items():
            if value:
                out[LEXICON_PREFIX + name] = float(value)
    return out


@dataclass(frozen=True)
class AxisWeights:
    """One axis: labels, intercepts and weights; `lexicon` says if it uses ``lex:`` features."""

    labels: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    lexicon: bool = False

    def scores(self, features: Mapping[str, float]) -> list[float]:
        if not self.lexicon:
            features = {k: v for k, v in features.items() if not k.startswith(LEXICON_PREFIX)}
        norm = math.sqrt(sum(v * v for v in features.values())) or 1.0
        totals = list(self.intercept)
        for name, value in features.items():
            w = self.weights.get(name)
            if w is not None:
                x = value / norm
                for k, wk in enumerate(w):
                    totals[k] += wk * x
        return totals

    def predict(self, features: Mapping[str, float]) -> str:
        totals = self.scores(features)
        return self.labels[max(range(len(totals)), key=totals.__getitem__)]


@dataclass(frozen=True)
class SentenceModel:
    """Linear weights per axis, read from the versioned model file."""

    axes: Mapping[str, AxisWeights]
    uses_lexicon: bool
    meta: Mapping[str, Any]

    def features(self, text: str, lexicon: LexiconFeatures | None = None) -> dict[str, float]:
        return text_features(text, lexicon if self.uses_lexicon else None)

    def classify(
        self, texts: Sequence[str], lexicon: LexiconFeatures | None = None
    ) -> list[tuple[str, str]]:
        """(cc, dc) for every text, each text taken as a whole."""
        if self.uses_lexicon and lexicon is None:
            lexicon = default_lexicon()
        out = []
        for text in texts:
            f = self.features(text, lexicon)
            out.append((self.axes["cc"].predict(f), self.axes["dc"].predict(f)))
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "formaat": FORMAT_VERSION,
            "lexicon_kenmerken": self.uses_lexicon,
            "meta": dict(self.meta),
            "assen": {
                axis: {
                    "labels": list(w.labels),
                    "lexicon_kenmerken": w.lexicon,
                    "intercept": list(w.intercept),
                    "gewichten": {k: list(v) for k, v in sorted(w.weights.items())},
                }
                for axis, w in self.axes.items()
            },
        }


class ModelFileError(ValueError):
    """The model file does not have the expected shape."""


def default_lexicon() -> LexiconFeatures:
    """The rule method's features of a text."""
    return engine_lexicon()


def _axis(data: Any, axis: str) -> AxisWeights:
    try:
        labels = tuple(str(x) for x in data["labels"])
        intercept = tuple(float(x) for x in data["intercept"])
        weights = {str(k): tuple(float(x) for x in v) for k, v in data["gewichten"].items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelFileError(f"as {axis}: onvolledige gewichten ({exc})") from exc
    if len(intercept) != len(labels) or any(len(w) != len(labels) for w in weights.values()):
        raise ModelFileError(f"as {axis}: het aantal gewichten past niet bij de labels")
    return AxisWeights(labels, intercept, weights, bool(data.get("lexicon_kenmerken", False)))


def model_from_json(data: Any) -> SentenceModel:
    if not isinstance(data, dict) or data.get("formaat") != FORMAT_VERSION:
        raise ModelFileError(f"onbekend formaat (verwacht formaat {FORMAT_VERSION})")
    axes = data.get("assen")
    if not isinstance(axes, dict) or set(axes) != {"cc", "dc"}:
        raise ModelFileError("de assen cc en dc ontbreken")
    return SentenceModel(
        axes={axis: _axis(axes[axis], axis) for axis in ("cc", "dc")},
        uses_lexicon=bool(data.get("lexicon_kenmerken", False)),
        meta=dict(data.get("meta", {})),
    )


def load_model(path: Path | None = None) -> SentenceModel:
    """The shipped model (``data/zinmodel.json``) or the one at `path`."""
    if path is None:
        text = resources.files("regiekompas.core.documents").joinpath("data", MODEL_FILE)
        data = json.loads(text.read_text(encoding="utf-8"))
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
    return model_from_json(data)


def features_of(texts: Iterable[str], lexicon: LexiconFeatures | None) -> list[dict[str, float]]:
    return [text_features(t, lexicon) for t in texts]


# --- the method interface of the documents engine (classify.SentenceClassifier) -----------


def engine_lexicon() -> LexiconFeatures:
    """The lexicon's named features of a text (`classify.features`, summed over sentences)."""

    def lexicon_features(passage: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for sentence in split_passage(passage):
            for name, value in lexicon_features_of(sentence).items():
                out[name] = out.get(name, 0.0) + float(value)
        return out

    return lexicon_features


@lru_cache(maxsize=1)
def _shipped() -> SentenceModel:
    return load_model()


# --- fast scoring of many texts at once ----------------------------------------------------

#: Every token of many texts in one pass: the texts are joined with NUL (a token of its own).
_DOC_TOKEN = re.compile(r"\w++(?:[-'’]\w++)*+|[.,;:!?()\x00]")
_SEPARATOR = "\x00"
_JOIN = " \x00 "
_chain = chain.from_iterable
#: Lemma ids 0 … len(_FIXED) − 1: the separator, then the punctuation marks that end a scope.
_FIXED = (_SEPARATOR, ".", ",", ";", ":", "!", "?", "(", ")")
#: Ids of lemmas stay below this (the caches start afresh beyond it), so an id pair is one int.
_ID_LIMIT = 1 << 20
#: Characters scored per batch: fewer tokens than `_ID_LIMIT`, so (text, id pair) keys stay
#: inside int64, and memory stays small.
_BATCH_CHARS = 400_000


def _distinct(keys: np.ndarray) -> np.ndarray:
    """The sorted distinct values (`np.unique`, without its overhead for small arrays)."""
    keys = np.sort(keys)
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = keys[1:] != keys[:-1]
    return keys[keep]


class BatchScorer:
    """`AxisWeights.scores` for many texts at once, with numpy: the same numbers, faster.

    The n-gram features of a text have the value 1 and a text's vector is scaled to unit
    length, so a text's score per label is intercept + (sum of its distinct features'
    weights) / sqrt(number of its distinct features, known to the model or not). Here all
    texts of a document are tokenised by one regular expression, every token form is mapped
    once per process to the id of its lemma, and the distinct features per text, their
    weights and the sums are found with array operations; only the texts' tokens pass through
    Python, not their features. `tests/core/test_documents_model.py` checks the scores
    against the per-text computation.
    """

    def __init__(self, model: SentenceModel) -> None:
        if model.uses_lexicon:
            raise ValueError("the batch scorer handles n-gram models only")
        self.axes = tuple(model.axes)
        self._axes = model.axes
        self.labels = tuple(model.axes[a].labels for a in self.axes)
        names = sorted(set().union(*(w.weights for w in model.axes.values())))
        self._row = {name: i for i, name in enumerate(names)}
        columns = []
        for axis in self.axes:
            weights = model.axes[axis].weights
            zero = (0.0,) * len(model.axes[axis].labels)
            columns.append(np.array([weights.get(n, zero) for n in names], dtype=float))
        self._weights = np.hstack(columns) if names else np.zeros((0, 0))
        self._intercept = np.array(
            [x for axis in self.axes for x in model.axes[axis].intercept], dtype=float
        )
        self._reset()

    def _reset(self) -> None:
        # token → lemma id, lemma → id, id → lemma; per id its unigram and negation rows
        self._token_id: dict[str, int] = {t: i for i, t in enumerate(_FIXED)}
        self._lemma_id: dict[str, int] = dict(self._token_id)
        self._lemmas: list[str] = list(_FIXED)
        self._rows: list[tuple[int, int, bool]] = [(-1, -1, False)] * len(_FIXED)
        self._unigram = np.full(len(_FIXED), -1, dtype=np.int64)
        self._negated = np.full(len(_FIXED), -1, dtype=np.int64)
        self._is_negation = np.zeros(len(_FIXED), dtype=bool)
        self._bigram: dict[int, int] = {}
        self._ids = ChunkTokens[int](_DOC_TOKEN, self._ids_of)

    def _ids_of(self, tokens: list[str]) -> tuple[int, ...]:
        out = []
        for token in tokens:
            number = self._token_id.get(token)
            if number is None:
                key = _lemma(token)
                number = self._lemma_id.get(key)
                if number is None:
                    number = self._lemma_id[key] = len(self._lemmas)
                    self._lemmas.append(key)
                    row = self._row
                    self._rows.append(
                        (row.get("w:" + key, -1), row.get("n:" + key, -1), key in NEGATIONS)
                    )
                self._token_id[token] = number
            out.append(number)
        return tuple(out)

    def _sync(self) -> None:
        # New ids since the last call: their rows join the arrays.
        added = self._rows[len(self._unigram) :]
        if added:
            unigram, negated, is_negation = zip(*added, strict=True)
            self._unigram = np.concatenate([self._unigram, np.array(unigram, dtype=np.int64)])
            self._negated = np.concatenate([self._negated, np.array(negated, dtype=np.int64)])
            self._is_negation = np.concatenate(
                [self._is_negation, np.array(is_negation, dtype=bool)]
            )

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Per text, the scores of every label of every axis (axes in model order)."""
        sizes = [len(text) + len(_JOIN) for text in texts]
        if sum(sizes) <= _BATCH_CHARS:
            return self._scores(texts)
        out: list[np.ndarray] = []
        start = total = 0
        for end, size in enumerate(sizes):
            if total + size > _BATCH_CHARS and end > start:
                out.append(self._scores(texts[start:end]))
                start, total = end, 0
            total += size
        out.append(self._scores(texts[start:]))
        return np.vstack(out)

    def _scores(self, texts: Sequence[str]) -> np.ndarray:
        count = len(texts)
        joined = _JOIN.join(t.replace(_SEPARATOR, " ") for t in texts).lower()
        # A text has at most as many tokens (so new ids) as characters.
        if len(joined) + len(_FIXED) >= _ID_LIMIT:
            return self._scores_one_by_one(texts)
        if len(self._lemmas) + len(joined) >= _ID_LIMIT:
            self._reset()
        chunks = joined.split()
        try:
            ids = np.fromiter(_chain(map(self._ids.cache.__getitem__, chunks)), dtype=np.int64)
        except KeyError:  # a chunk not seen before
            self._ids.add(chunks)
            ids = np.fromiter(_chain(map(self._ids.cache.__getitem__, chunks)), dtype=np.int64)
        self._sync()
        ends = ids < len(_FIXED)  # separator or punctuation: a scope ends, no bigram across
        text_of = np.cumsum(ids == 0)
        words = ~ends
        # unigrams, bigrams (two words in a row) and words after a negation in the same scope
        at = np.flatnonzero(words)
        pair_at = np.flatnonzero(words[1:] & words[:-1]) + 1
        negation = self._is_negation[ids]
        seen = np.cumsum(negation)
        position = np.arange(len(ids))
        last_end = np.maximum.accumulate(np.where(ends, position, -1))
        before = np.where(last_end >= 0, seen[np.maximum(last_end, 0)], 0)
        negated_at = np.flatnonzero(words & (seen - negation - before > 0))

        counts = np.zeros(count, dtype=np.int64)
        parts: list[tuple[np.ndarray, np.ndarray]] = []
        for where, code, lookup in (
            (at, ids[at], self._unigram),
            (pair_at, ids[pair_at - 1] * _ID_LIMIT + ids[pair_at], None),
            (negated_at, ids[negated_at], self._negated),
        ):
            if not len(where):
                continue
            shift = _ID_LIMIT * _ID_LIMIT if lookup is None else _ID_LIMIT
            keys = _distinct(text_of[where] * shift + code)  # distinct features per text
            text, code = np.divmod(keys, shift)
            counts += np.bincount(text, minlength=count)
            rows = lookup[code] if lookup is not None else self._bigram_rows(code)
            known = rows >= 0
            parts.append((text[known], rows[known]))
        totals = np.zeros((count, len(self._intercept)))
        if parts:
            # Summed in the order of the model's rows, never of the ids (which depend on the
            # texts seen before), so a text's score does not depend on what came before it.
            order = _distinct(
                np.concatenate([text * len(self._weights) + rows for text, rows in parts])
            )
            text, rows = np.divmod(order, len(self._weights))
            weights = self._weights[rows]
            for k in range(totals.shape[1]):
                totals[:, k] = np.bincount(text, weights=weights[:, k], minlength=count)
        norm = np.sqrt(np.maximum(counts, 1))
        return self._intercept + totals / norm[:, None]

    def _scores_one_by_one(self, texts: Sequence[str]) -> np.ndarray:
        # Only for a single text with more than a million distinct words (never a sentence).
        rows = []
        for text in texts:
            features = text_features(text)
            rows.append([x for axis in self.axes for x in self._axes[axis].scores(features)])
        return np.array(rows, dtype=float).reshape(len(texts), len(self._intercept))

    def _bigram_rows(self, codes: np.ndarray) -> np.ndarray:
        cache = self._bigram
        values = codes.tolist()
        missing = set(values).difference(cache)
        if missing:
            if len(cache) + len(missing) > _ID_LIMIT:
                cache.clear()
            row, lemmas = self._row, self._lemmas
            for code in missing:
                first, second = divmod(code, _ID_LIMIT)
                cache[code] = row.get(f"b:{lemmas[first]}_{lemmas[second]}", -1)
        return np.fromiter(map(cache.__getitem__, values), dtype=np.int64, count=len(values))

    def predict(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """The winning label per axis of every text."""
        scores = self.scores(texts)
        columns = []
        start = 0
        for labels in self.labels:
            best = scores[:, start : start + len(labels)].argmax(axis=1)
            columns.append([labels[k] for k in best.tolist()])
            start += len(labels)
        return list(zip(*columns, strict=True)) if columns else []


class ZinmodelClassifier:
    """Method 2 (``data/method.toml``: ``zinmodel``): the trained sentence model.

    A sentence is placed at the pole its axis scores highest, with as weight the softmax
    probability of that pole (so confident sentences count more in a document's score);
    ``geen`` winning means not placed on that axis.
    """

    name = "zinmodel"

    def __init__(self, model: SentenceModel | None = None) -> None:
        self.model = model or _shipped()
        self.version = str(self.model.meta.get("test_voorspellingen_sha256", ""))[:12]
        self.lexicon = engine_lexicon() if self.model.uses_lexicon else None
        self.scorer = None if self.model.uses_lexicon else BatchScorer(self.model)

    def _classify_batch(self, sentences: Sequence[Sentence]) -> list[SentenceLabel]:
        # All sentences of a document scored at once (`BatchScorer`); the same labels and
        # weights as the loop below, which serves models with lexicon features.
        assert self.scorer is not None
        scores = self.scorer.scores([s.text for s in sentences])
        axes: list[list[AxisLabel]] = []
        start = 0
        for axis, labels in zip(self.scorer.axes, self.scorer.labels, strict=True):
            block = scores[:, start : start + len(labels)]
            start += len(labels)
            best = block.argmax(axis=1)
            weight = 1.0 / np.exp(block - block.max(axis=1, keepdims=True)).sum(axis=1)
            poles = [POLES[axis][label] for label in labels]
            axes.append(
                [
                    AxisLabel(poles[k], w) if poles[k] else NOT_PLACED
                    for k, w in zip(best.tolist(), weight.tolist(), strict=True)
                ]
            )
        by_axis = dict(zip(self.scorer.axes, axes, strict=True))
        return [
            SentenceLabel(cc=cc, dc=dc) if cc.pole or dc.pole else NOT_PLACED_EITHER
            for cc, dc in zip(by_axis["cc"], by_axis["dc"], strict=True)
        ]

    def classify(self, sentences: Sequence[Sentence]) -> list[SentenceLabel]:
        if self.scorer is not None:
            return self._classify_batch(sentences)
        out = []
        for sentence in sentences:
            feats = self.model.features(sentence.text, self.lexicon)
            labels: dict[str, AxisLabel] = {}
            for axis, weights in self.model.axes.items():
                totals = weights.scores(feats)
                top = max(totals)
                exp = [math.exp(t - top) for t in totals]
                k = max(range(len(totals)), key=totals.__getitem__)
                pole = POLES[axis][weights.labels[k]]
                labels[axis] = AxisLabel(pole, exp[k] / sum(exp)) if pole else AxisLabel()
            out.append(SentenceLabel(cc=labels["cc"], dc=labels["dc"]))
        return out
