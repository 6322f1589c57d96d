"""Placing sentences on the axes: the pluggable classifier interface and the lexicon method.

Any method that places sentences implements `SentenceClassifier`: given sentences, it returns
one `SentenceLabel` per sentence with, per axis, a pole (−1, 0 = not about this axis, +1) and
a weight > 0 for placed sentences. Scoring (`score.py`) only sees labels, so methods can be
swapped without touching it. Which method runs is versioned data: `data/method.toml` names
the default method and where each method's class lives (docs/documents.md, "Methods").

`features` exposes what the lexicon sees in a sentence as named numbers, so a supervised
method can learn from the lexicon's hits alongside its own features.
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final, Protocol, runtime_checkable

from regiekompas.core.datafile import Table
from regiekompas.core.documents.lexicon import AXES, Entry, Hit, Lexicon, load_lexicon
from regiekompas.core.documents.text import (
    INTENTIE,
    OPTIE,
    PRAKTIJK,
    Language,
    Sentence,
    load_language,
    split_passage,
)
from regiekompas.core.text import DataFileError

METHOD_FILE: Final = "data/method.toml"
#: Methods may only live inside this package (the method file must not import arbitrary code).
METHOD_PACKAGE: Final = "regiekompas.core.documents."


@dataclass(frozen=True, slots=True)
class AxisLabel:
    """A sentence on one axis: pole −1 / +1 (or 0: not about this axis) and its weight."""

    pole: int = 0
    weight: float = 0.0


NOT_PLACED: Final = AxisLabel()


@dataclass(frozen=True, slots=True)
class SentenceLabel:
    cc: AxisLabel = NOT_PLACED
    dc: AxisLabel = NOT_PLACED

    def axis(self, name: str) -> AxisLabel:
        return self.cc if name == "cc" else self.dc


#: The label of a sentence about neither axis (shared: most sentences get it).
NOT_PLACED_EITHER: Final = SentenceLabel()
_NOT_PLACED_EITHER: Final = NOT_PLACED_EITHER


@runtime_checkable
class SentenceClassifier(Protocol):
    """A method that places sentences; `name` and `version` are reported with every result."""

    name: str
    version: str

    def classify(self, sentences: Sequence[Sentence]) -> list[SentenceLabel]: ...


# --- the lexicon method --------------------------------------------------------------------


class LexiconClassifier:
    """Method 1: the weighted lexicon with rules (docs/documents.md, "The lexicon method").

    Per axis, a sentence's signal is the sum of its hits' signed weights times the weight of
    its modality (intentie / neutraal / praktijk). It is placed at the sign of that sum when
    |sum| ≥ `drempel`, with weight min(|sum|, `max_gewicht`).
    """

    name = "lexicon"

    def __init__(self, lexicon: Lexicon | None = None, language: Language | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.language = language or load_language()
        self.version = self.lexicon.version

    def classify(self, sentences: Sequence[Sentence]) -> list[SentenceLabel]:
        # Most sentences contain no term at all; they are told apart from their tokens alone.
        candidates = self.lexicon.candidates_of_text
        resolve = self.lexicon.resolve
        out: list[SentenceLabel] = []
        for sentence in sentences:
            numbers = candidates(sentence.text)
            if numbers:
                found = resolve(sentence, self.language, numbers)
                out.append(self._label(sentence, found) if found else _NOT_PLACED_EITHER)
            else:
                out.append(_NOT_PLACED_EITHER)
        return out

    def label(self, sentence: Sentence, hits: Sequence[Hit] | None = None) -> SentenceLabel:
        if hits is None:
            hits = self.lexicon.hits(sentence, self.language)
        if not hits:
            return _NOT_PLACED_EITHER
        return self._label(sentence, [(h.entry, h.start, h.end, h.pole, h.negated) for h in hits])

    def _label(
        self, sentence: Sentence, hits: Sequence[tuple[Entry, int, int, int, bool]]
    ) -> SentenceLabel:
        rules = self.lexicon.rules
        factor = rules.modality.get(sentence.modality, 1.0)
        cc = dc = 0.0
        for entry, _, _, pole, _ in hits:
            if pole:
                if entry.axis == "cc":
                    cc += pole * entry.weight
                else:
                    dc += pole * entry.weight
        labels = []
        for total in (cc, dc):
            signal = total * factor
            if abs(signal) >= rules.threshold:
                labels.append(
                    AxisLabel(1 if signal > 0 else -1, min(abs(signal), rules.max_weight))
                )
            else:
                labels.append(NOT_PLACED)
        if labels[0] is NOT_PLACED and labels[1] is NOT_PLACED:
            return _NOT_PLACED_EITHER
        return SentenceLabel(cc=labels[0], dc=labels[1])

    def hits(self, sentence: Sentence) -> list[Hit]:
        return self.lexicon.hits(sentence, self.language)


def features(
    sentence: Sentence, lexicon: Lexicon | None = None, language: Language | None = None
) -> dict[str, float]:
    """What the lexicon and the language rules see in a sentence, as named numbers.

    * `lex:<axis>:-1` / `lex:<axis>:+1`: summed weights of hits per pole (after negation);
    * `lex:<axis>:tegen`: counter-entries hit (traps), `lex:<axis>:ontkend`: negated hits;
    * `term:<axis>:<term>`: +1 / −1 per term hit (the signed pole after negation; 0.5 for a
      counter-entry);
    * `neg` (negation cues), `mod:intentie`, `mod:praktijk`, `presens`, `kop` (heading),
      `opsomming` (list item): the sentence's language features.
    """
    lexicon = lexicon or load_lexicon()
    language = language or load_language()
    out: dict[str, float] = {
        "lex:cc:-1": 0.0,
        "lex:cc:+1": 0.0,
        "lex:dc:-1": 0.0,
        "lex:dc:+1": 0.0,
        "lex:cc:tegen": 0.0,
        "lex:dc:tegen": 0.0,
        "lex:cc:ontkend": 0.0,
        "lex:dc:ontkend": 0.0,
        "neg": float(len(sentence.negations)),
        "mod:intentie": float(sentence.modality == INTENTIE),
        "mod:praktijk": float(sentence.modality == PRAKTIJK),
        "mod:optie": float(sentence.modality == OPTIE),
        "presens": float(sentence.present),
        "kop": float(sentence.heading),
        "opsomming": float(sentence.bullet),
    }
    for hit in lexicon.hits(sentence, language):
        axis = hit.entry.axis
        if hit.entry.pole == 0:
            out[f"lex:{axis}:tegen"] += 1.0
            out[f"term:{hit.entry.key}"] = 0.5
            continue
        if hit.negated:
            out[f"lex:{axis}:ontkend"] += 1.0
        if hit.pole:
            out[f"lex:{axis}:{'+1' if hit.pole > 0 else '-1'}"] += hit.entry.weight
        out[f"term:{hit.entry.key}"] = out.get(f"term:{hit.entry.key}", 0.0) + hit.pole
    return out


# --- passages (the evaluation file classifies each text as a whole) ------------------------


def label_passage(classifier: SentenceClassifier, text: str) -> SentenceLabel:
    """One label for a passage of one or more sentences: the sign of its summed signal.

    Per axis, the placed sentences' poles times weights are added; the passage is placed at
    the sign of that sum (not placed when it is 0 or no sentence is placed).
    """
    sentences = split_passage(text)
    if not sentences:
        return SentenceLabel()
    labels = classifier.classify(sentences)
    result: dict[str, AxisLabel] = {}
    for axis in AXES:
        total = sum(label.axis(axis).pole * label.axis(axis).weight for label in labels)
        weight = sum(label.axis(axis).weight for label in labels if label.axis(axis).pole)
        result[axis] = AxisLabel(1 if total > 0 else -1, weight) if total else NOT_PLACED
    return SentenceLabel(cc=result["cc"], dc=result["dc"])


# --- choosing the method -------------------------------------------------------------------


@dataclass(frozen=True)
class MethodSettings:
    """`data/method.toml`: the default method, the classes, and the scoring thresholds."""

    default: str
    classes: dict[str, str]
    min_sentences: int
    max_ci_width: float
    bootstrap: int
    seed: int
    evidence_per_pole: int


@lru_cache(maxsize=1)
def load_method_settings() -> MethodSettings:
    data = resources.files(__package__).joinpath(METHOD_FILE).read_bytes()
    return parse_method_settings(tomllib.loads(data.decode("utf-8")), file=METHOD_FILE)


def parse_method_settings(data: object, *, file: str) -> MethodSettings:
    table = Table(data, file=file, path="")
    default = table.string("methode")
    methods = table.table("methoden")
    classes: dict[str, str] = {}
    names = methods.keys()
    for name in names:
        method = methods.table(name)
        target = method.string("klasse")
        if not target.startswith(METHOD_PACKAGE) or ":" not in target:
            raise method.error("klasse", f"expected '{METHOD_PACKAGE}<module>:<Class>'")
        classes[name] = target
        method.get("beschrijving", "")
        method.close()
    methods.close()
    if default not in classes:
        raise DataFileError(file, "methode", f"{default!r} is not one of [methoden]")
    thresholds = table.table("drempels")
    settings = MethodSettings(
        default=default,
        classes=classes,
        min_sentences=int(thresholds.number("min_zinnen")),
        max_ci_width=thresholds.number("max_ci_breedte"),
        bootstrap=int(thresholds.number("bootstrap")),
        seed=int(thresholds.number("seed")),
        evidence_per_pole=int(thresholds.number("bewijs_per_pool")),
    )
    thresholds.close()
    table.close()
    if settings.min_sentences < 1 or settings.bootstrap < 1 or settings.evidence_per_pole < 0:
        raise DataFileError(file, "drempels", "min_zinnen ≥ 1, bootstrap ≥ 1, bewijs_per_pool ≥ 0")
    return settings


def method_names() -> tuple[str, ...]:
    return tuple(load_method_settings().classes)


def get_classifier(name: str | None = None) -> SentenceClassifier:
    """The classifier called `name` in `data/method.toml` (its default when None).

    Raises `ValueError` for an unknown name, so a CLI can show the known ones.
    """
    settings = load_method_settings()
    name = name or settings.default
    if name not in settings.classes:
        known = ", ".join(settings.classes)
        raise ValueError(f"unknown method {name!r}; known: {known}")
    module_name, _, class_name = settings.classes[name].partition(":")
    module = importlib.import_module(module_name)
    factory = getattr(module, class_name)
    classifier = factory()
    if not isinstance(classifier, SentenceClassifier):
        raise TypeError(f"{settings.classes[name]} does not implement SentenceClassifier")
    return classifier
