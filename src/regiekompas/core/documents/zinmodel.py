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
from pathlib import Path
from typing import Any

import simplemma

from regiekompas.core.documents.classify import AxisLabel, SentenceLabel
from regiekompas.core.documents.classify import features as lexicon_features_of
from regiekompas.core.documents.lexicon import POLES
from regiekompas.core.documents.text import Sentence, split_passage

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

    def classify(self, sentences: Sequence[Sentence]) -> list[SentenceLabel]:
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
