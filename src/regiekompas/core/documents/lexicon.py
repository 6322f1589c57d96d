"""The weighted lexicon with rules: which words of a sentence point to which pole of an axis.

The lexicon is versioned data (`data/lexicon.toml`, edited by domain experts); this module
reads it strictly and matches it against a `Sentence`'s lemma keys:

* a term is a sequence of lemma keys, with `...` standing for up to `gat` words of the same
  clause (Dutch separable verbs: "stelt de kaders vast");
* where matches overlap on one axis, the longest wins, so a counter-entry ("regionale
  inkoop", "staat centraal") claims its words and the shorter signal inside it ("centraal")
  does not count — this is how the traps of product.md §7 are handled;
* a negation cue of `taal.toml` within `ontkenning_voor` words before the term (or
  `ontkenning_na` after it), in the same clause, flips the pole or drops the hit, as the term's
  group says.

docs/documents.md explains the method and the scoring built on it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Final

from regiekompas.core.datafile import Table
from regiekompas.core.documents.text import Language, Sentence, lemma, load_language, tokens_of
from regiekompas.core.text import DataFileError

AXES: Final[tuple[str, str]] = ("cc", "dc")
#: Distinct white-space chunks remembered by `Lexicon.candidates_of_text` (then afresh).
_CHUNKS_MAX: Final = 200_000
#: Pole names per axis, with their sign (product.md §2: cocreatie/decentraal = −1).
POLES: Final[dict[str, dict[str, int]]] = {
    "cc": {"cocreatie": -1, "controle": 1, "geen": 0},
    "dc": {"decentraal": -1, "centraal": 1, "geen": 0},
}
POLE_NAMES: Final[dict[str, dict[int, str]]] = {
    axis: {sign: name for name, sign in poles.items() if sign} for axis, poles in POLES.items()
}
GAP: Final = "..."
GAP_KEYS: Final = frozenset((GAP,))
FLIP: Final = "omkeren"
DROP: Final = "vervallen"

LEXICON_FILE: Final = "data/lexicon.toml"


@dataclass(frozen=True, slots=True)
class Entry:
    """One term: its pattern of lemma keys, axis, pole (−1, +1, or 0 for a counter-entry)."""

    term: str
    #: Per word the keys it matches: its lemma and its own form (`GAP_KEYS` for a gap).
    pattern: tuple[frozenset[str], ...]
    axis: str
    pole: int
    weight: float
    negation: str

    @property
    def key(self) -> str:
        """A stable name for the term (feature names of the supervised method use it)."""
        return f"{self.axis}:{self.term}"

    #: The pattern without gaps (all of these must occur for the term to match).
    words: tuple[frozenset[str], ...] = ()

    def __post_init__(self) -> None:
        words = tuple(word for word in self.pattern if word is not GAP_KEYS)
        object.__setattr__(self, "words", words)


#: Words too common in policy text to look a term up by (a term is found through a rarer word).
_COMMON: Final = frozenset(
    [
        "de",
        "het",
        "een",
        "één",
        "van",
        "met",
        "en",
        "in",
        "op",
        "voor",
        "naar",
        "bij",
        "te",
        "aan",
        "door",
        "om",
        "uit",
        "als",
        "of",
        "die",
        "dat",
        "dit",
        "er",
        "we",
        "wij",
        "zij",
        "ze",
        "ons",
        "onze",
        "hun",
        "haar",
        "zijn",
        "is",
        "niet",
        "geen",
        "elk",
        "ieder",
        "per",
        "veel",
        ",",
        ";",
        ":",
        "aanbieder",
        "aanbieders",
        "gemeente",
        "gemeenten",
        "inwoner",
        "inwoners",
        "cliënt",
        "cliënten",
        "zorg",
        "jeugd",
        "plan",
        "budget",
        "staan",
        "staat",
        "samen",
        "kader",
        "kaders",
        "team",
        "organisatie",
        "regio",
        "partner",
        "partners",
    ]
)


def _anchor(entry: Entry, uses: dict[str, int]) -> frozenset[str]:
    """The word a term is looked up by: the one fewest other terms use (then the longest).

    Words many terms share ("aanbieder", "gemeente", "samen") are also frequent in policy
    text; looking terms up by their rarest word keeps the terms tried per sentence few.
    """
    words = entry.words
    rare = [word for word in words if not word & _COMMON] or list(words)
    return min(rare, key=lambda word: (min(uses[k] for k in word), -min(len(k) for k in word)))


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched term in a sentence: its words [start, end), and the pole after negation."""

    entry: Entry
    start: int
    end: int
    pole: int
    negated: bool


@dataclass(frozen=True)
class Rules:
    threshold: float
    max_weight: float
    negation_before: int
    negation_after: int
    gap: int
    modality: dict[str, float]


@dataclass(frozen=True)
class Lexicon:
    """The terms, with look-up structures built once (`__post_init__`).

    Finding terms must cost little for the many sentences without any: every distinct word of
    a pattern gets a number, every token seen is mapped once to the numbers of the pattern
    words it can be (by its form or its lemma), and a term is tried only when all its words
    occur in the sentence — decided from the tokens alone, before the sentence is lemmatised.
    """

    version: str
    rules: Rules
    entries: tuple[Entry, ...]
    _entry_words: tuple[frozenset[int], ...] = field(init=False, repr=False, compare=False)
    _key_words: dict[str, frozenset[int]] = field(init=False, repr=False, compare=False)
    _by_anchor: dict[int, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _anchor_words: frozenset[int] = field(init=False, repr=False, compare=False)
    _token_words: dict[str, frozenset[int]] = field(init=False, repr=False, compare=False)
    _seen: set[str] = field(init=False, repr=False, compare=False)
    _anchor_tokens: set[str] = field(init=False, repr=False, compare=False)
    _chunk_words: dict[str, frozenset[int]] = field(init=False, repr=False, compare=False)
    _anchor_chunks: set[str] = field(init=False, repr=False, compare=False)
    _known_chunks: set[str] = field(init=False, repr=False, compare=False)
    _first_words: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        numbers: dict[frozenset[str], int] = {}
        entry_words = tuple(
            frozenset(numbers.setdefault(word, len(numbers)) for word in entry.words)
            for entry in self.entries
        )
        key_words: dict[str, set[int]] = {}
        for word, number in numbers.items():
            for key in word:
                key_words.setdefault(key, set()).add(number)
        uses: dict[str, int] = {}
        for entry in self.entries:
            for key in set().union(*entry.words):
                uses[key] = uses.get(key, 0) + 1
        by_anchor: dict[int, list[int]] = {}
        for number, entry in enumerate(self.entries):
            by_anchor.setdefault(numbers[_anchor(entry, uses)], []).append(number)
        object.__setattr__(self, "_entry_words", entry_words)
        object.__setattr__(self, "_key_words", {k: frozenset(v) for k, v in key_words.items()})
        object.__setattr__(self, "_by_anchor", {k: tuple(v) for k, v in by_anchor.items()})
        object.__setattr__(self, "_anchor_words", frozenset(by_anchor))
        object.__setattr__(self, "_token_words", {})
        object.__setattr__(self, "_seen", set())
        object.__setattr__(self, "_anchor_tokens", set())
        object.__setattr__(self, "_chunk_words", {})
        object.__setattr__(self, "_anchor_chunks", set())
        object.__setattr__(self, "_known_chunks", set())
        firsts: dict[frozenset[str], int] = {}
        object.__setattr__(
            self,
            "_first_words",
            tuple(firsts.setdefault(e.pattern[0], len(firsts)) for e in self.entries),
        )

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, tokens: Sequence[str]) -> list[int]:
        """The numbers of the entries all of whose words occur among `tokens` (by form or
        lemma); only these can match. Each token is looked up once per process."""
        cache = self._token_words
        seen = self._seen
        anchor_tokens = self._anchor_tokens
        if not seen.issuperset(tokens):
            key_words = self._key_words
            empty: frozenset[int] = frozenset()
            for token in tokens:
                if token not in seen:
                    seen.add(token)
                    words = key_words.get(token, empty) | key_words.get(lemma(token), empty)
                    if words:
                        cache[token] = words
                        if words & self._anchor_words:
                            anchor_tokens.add(token)
        # Most sentences end here: none of their tokens is any term's anchor word.
        if anchor_tokens.isdisjoint(tokens):
            return []
        present = frozenset().union(*[cache[token] for token in tokens if token in cache])
        anchors = present & self._anchor_words
        if not anchors:
            return []
        by_anchor = self._by_anchor
        entry_words = self._entry_words
        out = [
            number
            for anchor in anchors
            for number in by_anchor[anchor]
            if entry_words[number] <= present
        ]
        if len(out) > 1:
            out.sort()
        return out

    def candidates_of_text(self, text: str) -> list[int]:
        """`candidates(tokens_of(text))`, from the white-space chunks of `text`: cheaper.

        A token never spans white space, so the pattern words a text can be are the union
        of those of its chunks; each distinct chunk is tokenised and looked up once per
        process (`text.tokens_of`). Most sentences end after two set operations: none of
        their chunks holds an anchor word.
        """
        chunks = text.lower().split()
        cache = self._chunk_words
        known = self._known_chunks
        if not known.issuperset(chunks):
            if len(cache) > _CHUNKS_MAX:
                cache.clear()
                known.clear()
                self._anchor_chunks.clear()
            known.update(chunks)
            for chunk in chunks:
                if chunk not in cache:
                    tokens = tokens_of(chunk)
                    self.candidates(tokens)  # registers the chunk's tokens
                    words = frozenset().union(
                        *[self._token_words[t] for t in tokens if t in self._token_words]
                    )
                    cache[chunk] = words
                    if words & self._anchor_words:
                        self._anchor_chunks.add(chunk)
        if self._anchor_chunks.isdisjoint(chunks):
            return []
        present = frozenset().union(*map(cache.__getitem__, chunks))
        by_anchor = self._by_anchor
        entry_words = self._entry_words
        out = [
            number
            for anchor in present & self._anchor_words
            for number in by_anchor[anchor]
            if entry_words[number] <= present
        ]
        if len(out) > 1:
            out.sort()
        return out

    def hits(
        self,
        sentence: Sentence,
        language: Language | None = None,
        numbers: Sequence[int] | None = None,
    ) -> list[Hit]:
        """The terms that count in `sentence`, overlaps resolved and negation applied.

        `numbers` are the sentence's `candidates`, when the caller has them already.
        """
        return [Hit(*found) for found in self.resolve(sentence, language, numbers)]

    def resolve(
        self,
        sentence: Sentence,
        language: Language | None = None,
        numbers: Sequence[int] | None = None,
    ) -> list[tuple[Entry, int, int, int, bool]]:
        """`hits` as plain tuples (entry, start, end, pole, negated): cheaper to make."""
        if numbers is None:
            numbers = self.candidates(sentence.tokens)
        if not numbers:
            return []
        language = language or load_language()
        lemmas = sentence.lemmas
        tokens = sentence.tokens
        n = len(tokens)
        # (−length, −weight, start, sequence number, end, entry): sorted, the longest
        # reading of words wins, then the heavier term, then the earlier; ties keep the order
        # in which they were found.
        found: list[tuple[int, float, int, int, int, Entry]] = []
        gap, clause_ends = self.rules.gap, language.clause_ends
        entries = self.entries
        first_words = self._first_words
        # Where each distinct first word occurs, found once for all terms starting with it.
        starts_of: dict[int, list[int]] = {}
        for number in numbers:
            entry = entries[number]
            pattern = entry.pattern
            word = first_words[number]
            starts = starts_of.get(word)
            if starts is None:
                first = pattern[0]
                starts = starts_of[word] = [
                    i for i in range(n) if lemmas[i] in first or tokens[i] in first
                ]
            single = len(pattern) == 1
            for i in starts:
                end = i + 1 if single else _match(pattern, lemmas, tokens, i, gap, clause_ends)
                if end > 0:
                    found.append((i - end, -entry.weight, i, len(found), end, entry))
        if not found:
            return []
        found.sort()
        taken: dict[str, list[tuple[int, int]]] = {"cc": [], "dc": []}
        out: list[tuple[Entry, int, int, int, bool]] = []
        for _, _, start, _, end, entry in found:
            spans = taken[entry.axis]
            if spans and any(start < e and s < end for s, e in spans):
                continue
            spans.append((start, end))
            if entry.pole == 0:
                out.append((entry, start, end, 0, False))
                continue
            negated = bool(sentence.negations) and self._negated(
                sentence, start, end, entry, language
            )
            if negated and entry.negation == DROP:
                out.append((entry, start, end, 0, True))
                continue
            out.append((entry, start, end, -entry.pole if negated else entry.pole, negated))
        if len(out) > 1:
            out.sort(key=_start)
        return out

    def _negated(
        self, sentence: Sentence, start: int, end: int, entry: Entry, language: Language
    ) -> bool:
        lemmas = sentence.lemmas
        tokens = sentence.tokens
        clause_ends = language.clause_ends
        for position in sentence.negations:
            if start <= position < end:
                # Inside a gap ("stelt de kaders niet eenzijdig vast"); a negation the term
                # itself spells ("geen zeggenschap") does not count.
                if not any(lemmas[position] in w or tokens[position] in w for w in entry.words):
                    return True
                continue
            if start - self.rules.negation_before <= position < start:
                between = lemmas[position + 1 : start]
            elif end <= position < end + self.rules.negation_after:
                between = lemmas[end:position]
            else:
                continue
            if not any(key in clause_ends for key in between):
                return True
        return False


def _start(hit: tuple[Entry, int, int, int, bool]) -> int:
    return hit[1]


def _match(
    pattern: tuple[frozenset[str], ...],
    lemmas: Sequence[str],
    tokens: Sequence[str],
    i: int,
    gap: int,
    clause_ends: frozenset[str],
) -> int:
    """The end of `pattern` matched at word `i`, or 0 when it does not match there.

    A gap may cross commas (enumerations: "bepalen gemeente, zorgverzekeraar en aanbieders
    gezamenlijk") but no other clause boundary.
    """
    n = len(lemmas)
    position = i
    p = 0
    while p < len(pattern):
        keys = pattern[p]
        if keys is GAP_KEYS:
            following = pattern[p + 1]
            for skip in range(gap + 1):
                at = position + skip
                if at >= n:
                    return 0
                if lemmas[at] in following or tokens[at] in following:
                    end = _match(pattern[p + 1 :], lemmas, tokens, at, gap, clause_ends)
                    if end:
                        return end
                if lemmas[at] in clause_ends and lemmas[at] != ",":
                    return 0
            return 0
        if position >= n or not (lemmas[position] in keys or tokens[position] in keys):
            return 0
        position += 1
        p += 1
    return position


# --- loading -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged `data/lexicon.toml`, checked field by field."""
    data = resources.files(__package__).joinpath(LEXICON_FILE).read_bytes()
    return parse_lexicon(tomllib.loads(data.decode("utf-8")), file=LEXICON_FILE)


def pattern_of(term: str) -> tuple[frozenset[str], ...]:
    """Per word of a term as written in the lexicon, the keys it matches (`...` = a gap)."""
    out: list[frozenset[str]] = []
    parts = [part.strip() for part in term.split(GAP)]
    for number, part in enumerate(parts):
        if number:
            out.append(GAP_KEYS)
        out.extend(frozenset((lemma(token), token)) for token in tokens_of(part))
    return tuple(out)


def parse_lexicon(data: object, *, file: str) -> Lexicon:
    table = Table(data, file=file, path="")
    version = table.string("versie")
    rules_table = table.table("regels")
    modality_table = rules_table.table("modaliteit")
    modality = {
        key: modality_table.number(key) for key in ("intentie", "neutraal", "praktijk", "optie")
    }
    modality_table.close()
    rules = Rules(
        threshold=rules_table.number("drempel"),
        max_weight=rules_table.number("max_gewicht"),
        negation_before=int(rules_table.number("ontkenning_voor")),
        negation_after=int(rules_table.number("ontkenning_na")),
        gap=int(rules_table.number("gat")),
        modality=modality,
    )
    rules_table.close()
    if rules.threshold <= 0 or rules.max_weight < rules.threshold:
        raise DataFileError(file, "regels.drempel", "needs 0 < drempel ≤ max_gewicht")
    entries: list[Entry] = []
    seen: dict[tuple[str, tuple[frozenset[str], ...]], str] = {}
    for group in table.tables("groep"):
        axis = group.string("as")
        if axis not in POLES:
            raise group.error("as", f"expected one of {', '.join(AXES)}, got {axis!r}")
        pole_name = group.string("pool")
        if pole_name not in POLES[axis]:
            raise group.error("pool", f"expected one of {', '.join(POLES[axis])}")
        pole = POLES[axis][pole_name]
        weight = group.number("gewicht")
        if pole and not 0 < weight <= 5:
            raise group.error("gewicht", "expected a weight in (0, 5]")
        negation = str(group.get("ontkenning", DROP))
        if negation not in (FLIP, DROP):
            raise group.error("ontkenning", f"expected {FLIP!r} or {DROP!r}")
        for i, term in enumerate(group.strings("termen")):
            pattern = pattern_of(term)
            field = f"termen[{i}]"
            if not pattern or pattern[0] is GAP_KEYS or pattern[-1] is GAP_KEYS:
                raise group.error(field, f"{term!r}: a term needs words (and no '...' at an end)")
            if any(a is GAP_KEYS and b is GAP_KEYS for a, b in pairwise(pattern)):
                raise group.error(field, f"{term!r}: two '...' in a row")
            if (axis, pattern) in seen:
                raise group.error(field, f"{term!r} is already listed as {seen[axis, pattern]!r}")
            seen[axis, pattern] = term
            entries.append(Entry(term, pattern, axis, pole, weight, negation))
        group.close()
    table.close()
    return Lexicon(version, rules, tuple(entries))
