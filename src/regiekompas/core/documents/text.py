"""Dutch sentences from extracted pages: splitting, lemmas, negation and modality.

Policy documents are not clean prose: PDF lines break mid-sentence, headings have no full
stop, bullet lists continue a sentence that ends in a colon, and abbreviations such as "o.a.",
"bijv." and "d.w.z." end in a full stop that ends nothing. The splitter works per page on the
layout `extract` keeps (blank line = paragraph, newline = line) and
  1. starts a new block at a blank line, a bullet or a numbered item, and after a heading
     (a short line without closing punctuation followed by a capital);
  2. joins the lines of a block (undoing end-of-line hyphenation);
  3. splits a block after `.`, `!`, `?` or `…` followed by a capital or digit, unless the
     word before the stop is a known abbreviation, a single letter (an initial) or a number
     that is part of a date or a section number.

Every sentence gets lowercase tokens, lemma keys (simplemma, with a crude plural rule for
words it does not know, applied alike to text and lexicon), the token positions of negation
cues, and a modality: `intentie` (a plan or aim), `praktijk` (how it works now) or
`neutraal`. The word lists are versioned data in `data/taal.toml` (docs/documents.md).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import chain
from typing import Final, Generic, TypeVar

from regiekompas.core.datafile import Table
from regiekompas.core.documents.extract import Page

T = TypeVar("T")

INTENTIE: Final = "intentie"
OPTIE: Final = "optie"
PRAKTIJK: Final = "praktijk"
NEUTRAAL: Final = "neutraal"

#: A "sentence" longer than this (tables, run-on lists) is cut at semicolons or hard.
MAX_SENTENCE_CHARS: Final = 600
#: A line this short without closing punctuation, followed by a capital, is a heading.
HEADING_MAX_WORDS: Final = 10

_TOKEN = re.compile(r"\w++(?:[-'’]\w++)*+|[,;:]")
_BULLET = re.compile(r"^\s*(?:[•·▪●◦■□➢➤►‣⁃∙*–—-]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])\s+")
_NUMBERED_HEADING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+\S")
_END_PUNCT = tuple(".!?…:;,")
_LETTER = re.compile(r"[^\W\d_]")
_SECTION_NUMBER = re.compile(r"\d{1,2}|\d+(\.\d+)+")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_BOUNDARY = re.compile(r"([.!?…]+[\"'’”)]*)\s+(?=[\"'‘“(]?[A-ZÀ-Ý0-9])")


@dataclass(frozen=True)
class Language:
    """The word lists of `data/taal.toml`, as lemma keys and token tuples."""

    version: str
    abbreviations: frozenset[str]
    negations: tuple[tuple[str, ...], ...]
    not_negations: tuple[tuple[str, ...], ...]
    clause_ends: frozenset[str]
    intention: tuple[tuple[str, ...], ...]
    practice: tuple[tuple[str, ...], ...]
    option: tuple[tuple[str, ...], ...]
    present: frozenset[str]

    def __post_init__(self) -> None:
        # Every cue by its first word, so a sentence is scanned once (see `analyse`).
        cues: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for kind, phrases in (
            (_NEGATION, self.negations),
            (_NOT_NEGATION, self.not_negations),
            (_INTENTION, self.intention),
            (_PRACTICE, self.practice),
            (_OPTION, self.option),
        ):
            for phrase in phrases:
                cues.setdefault(phrase[0], []).append((phrase, kind))
        object.__setattr__(self, "cues", {k: tuple(v) for k, v in cues.items()})
        object.__setattr__(self, "cue_words", frozenset(cues))

    #: first lemma key → (phrase, kind) of every cue starting with it (set after init)
    cues: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    cue_words: frozenset[str] = frozenset()


_NEGATION: Final = "ontkenning"
_NOT_NEGATION: Final = "geen_ontkenning"
_INTENTION: Final = "intentie"
_PRACTICE: Final = "praktijk"
_OPTION: Final = "optie"


class Sentence:
    """One sentence (or heading or list item) of a document, ready to be placed.

    Splitting and tokenising happen for every sentence; lemmas, negation cues and modality are
    worked out on first use, because most sentences of a policy document carry no signal and
    a method that can tell so from the tokens (the lexicon) never needs them. Values passed in
    are kept as given.
    """

    __slots__ = (
        "_keys",
        "_language",
        "_lemmas",
        "_modality",
        "_negations",
        "_tokens",
        "bullet",
        "heading",
        "index",
        "page",
        "text",
    )

    def __init__(
        self,
        text: str,
        page: int = 1,
        index: int = 0,
        tokens: tuple[str, ...] | None = None,
        *,
        lemmas: tuple[str, ...] | None = None,
        negations: tuple[int, ...] | None = None,
        modality: str | None = None,
        heading: bool = False,
        bullet: bool = False,
        language: Language | None = None,
    ) -> None:
        self.text = text
        self.page = page
        self.index = index
        self._tokens = tokens
        self.heading = heading
        self.bullet = bullet
        self._lemmas = lemmas
        self._negations = negations
        self._modality = modality
        self._keys: frozenset[str] | None = None
        self._language = language

    def __repr__(self) -> str:
        return f"Sentence({self.text!r}, page={self.page}, index={self.index})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return (self.text, self.page, self.index, self.heading, self.bullet, self.modality) == (
            other.text,
            other.page,
            other.index,
            other.heading,
            other.bullet,
            other.modality,
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def tokens(self) -> tuple[str, ...]:
        """Lowercase words and the clause marks `,` `;` `:`."""
        if self._tokens is None:
            self._tokens = _chunk_tokens(self.text.lower())
        return self._tokens

    @property
    def lemmas(self) -> tuple[str, ...]:
        if self._lemmas is None:
            cached = tuple(map(_LEMMAS.get, self.tokens))
            if None in cached:
                cached = tuple(map(lemma, self.tokens))
            self._lemmas = cached  # type: ignore[assignment]
        return self._lemmas  # type: ignore[return-value]

    @property
    def keys(self) -> frozenset[str]:
        """Every lemma key and every token of the sentence (for fast lexicon look-ups)."""
        if self._keys is None:
            self._keys = frozenset(self.lemmas).union(self.tokens)
        return self._keys

    @property
    def negations(self) -> tuple[int, ...]:
        """Token positions where a negation starts."""
        if self._negations is None:
            self._find_cues()
        return self._negations  # type: ignore[return-value]

    @property
    def modality(self) -> str:
        if self._modality is None:
            self._find_cues()
        return self._modality  # type: ignore[return-value]

    @modality.setter
    def modality(self, value: str) -> None:
        self._modality = value

    @property
    def present(self) -> bool:
        """Present-tense verbs of doing/being (a feature for the supervised method)."""
        return not self._lang().present.isdisjoint(self.tokens)

    def _lang(self) -> Language:
        if self._language is None:
            self._language = load_language()
        return self._language

    def _find_cues(self) -> None:
        # One pass over the words finds every cue (negation, intention, practice) by its
        # first word.
        language = self._lang()
        lemmas = self.lemmas
        negations: list[int] = []
        cancelled: list[int] = []
        intention = practice = option = False
        cues = language.cues
        words = language.cue_words.intersection(lemmas)
        if words:
            for i in [i for i, key in enumerate(lemmas) if key in words]:
                for phrase, kind in cues[lemmas[i]]:
                    if len(phrase) == 1 or lemmas[i : i + len(phrase)] == phrase:
                        if kind == _NEGATION:
                            negations.append(i)
                        elif kind == _NOT_NEGATION:
                            cancelled.append(i)
                        elif kind == _INTENTION:
                            intention = True
                        elif kind == _OPTION:
                            option = True
                        else:
                            practice = True
        if self._negations is None:
            self._negations = (
                tuple(sorted({i for i in negations if i not in cancelled})) if negations else ()
            )
        if self._modality is None:
            self._modality = (
                OPTIE if option else INTENTIE if intention else PRAKTIJK if practice else NEUTRAAL
            )


# --- lemmas --------------------------------------------------------------------------------


#: token → key; filled by `lemma` (a document's vocabulary repeats, so this is hit ~95 %).
_LEMMAS: dict[str, str] = {}
_LEMMAS_MAX: Final = 500_000


def lemma(token: str) -> str:
    """The matching key of a lowercase token: its simplemma lemma, plurals of unknown words cut.

    simplemma knows most Dutch words but not every compound ("wijkteams"); for a word it
    returns unchanged, a final -s ("teams") is cut and an inflected adjective loses its -e.
    The rules are crude, but text and lexicon go through the same function, so they only have
    to be consistent, not right. simplemma reads some infinitives as noun plurals ("stellen" →
    "stel"), so the lexicon also matches a word's own form (see `lexicon.Entry`).
    """
    cached = _LEMMAS.get(token)
    if cached is not None:
        return cached
    key = _lemma(token)
    if len(_LEMMAS) >= _LEMMAS_MAX:
        _LEMMAS.clear()
    _LEMMAS[token] = key
    return key


def _lemma(token: str) -> str:
    if not token or not token[0].isalpha():
        return token
    import simplemma

    key = str(simplemma.lemmatize(token, lang="nl")).lower()
    if key == token:
        if key.endswith("'s") or key.endswith("’s"):
            key = key[:-2]
        elif len(key) >= 6 and key.endswith("s") and not key.endswith(("ss", "is", "us")):
            key = key[:-1]
        elif key.endswith(("ische", "lijke")):
            key = key[:-1]  # inflected adjectives: "generalistische" = "generalistisch"
    return key


def tokens_of(text: str) -> tuple[str, ...]:
    return _chunk_tokens(text.lower())


class ChunkTokens(Generic[T]):
    """The tokens of a text by a token pattern, from a cache of white-space chunks.

    A token never spans white space, so a text's tokens are those of its chunks
    (`str.split`) in order, and most chunks ("de", "gemeente", "kaders,") recur from
    sentence to sentence: each distinct chunk goes through the regular expression once per
    process, after which a text costs a split and a few look-ups in C. `convert` turns the
    tokens of a new chunk into what is kept (e.g. numbers); the cache starts afresh beyond
    `limit` chunks.
    """

    def __init__(
        self,
        pattern: re.Pattern[str],
        convert: Callable[[list[str]], tuple[T, ...]],
        limit: int = 200_000,
    ) -> None:
        self._findall = pattern.findall
        self._convert = convert
        self._limit = limit
        self.cache: dict[str, tuple[T, ...]] = {}

    def __call__(self, text: str) -> tuple[T, ...]:
        """The (converted) tokens of `text`, which must already be lowercase."""
        chunks = text.split()
        cache = self.cache
        try:
            return tuple(chain.from_iterable(map(cache.__getitem__, chunks)))
        except KeyError:
            pass
        self.add(chunks)
        return tuple(chain.from_iterable(map(cache.__getitem__, chunks)))

    def add(self, chunks: Sequence[str]) -> None:
        """Make sure every chunk is in `cache` (after which `cache[chunk]` cannot fail)."""
        cache = self.cache
        if len(cache) + len(chunks) > self._limit:
            cache.clear()
        for chunk in chunks:
            if chunk not in cache:
                cache[chunk] = self._convert(self._findall(chunk))


_chunk_tokens: Final = ChunkTokens[str](_TOKEN, tuple)


def lemmas_of(text: str) -> tuple[str, ...]:
    return tuple(lemma(token) for token in tokens_of(text))


# --- the language file ---------------------------------------------------------------------

LANGUAGE_FILE: Final = "data/taal.toml"


@lru_cache(maxsize=1)
def load_language() -> Language:
    """The packaged `data/taal.toml`, checked field by field."""
    data = resources.files(__package__).joinpath(LANGUAGE_FILE).read_bytes()
    return parse_language(tomllib.loads(data.decode("utf-8")), file=LANGUAGE_FILE)


def parse_language(data: object, *, file: str) -> Language:
    table = Table(data, file=file, path="")
    version = table.string("versie")
    abbreviations = frozenset(a.lower() for a in table.strings("afkortingen"))
    negations = tuple(lemmas_of(p) for p in table.strings("ontkenningen"))
    not_negations = tuple(lemmas_of(p) for p in table.strings("geen_ontkenning"))
    clause_ends = frozenset(lemma(t) for t in table.strings("zinsdeelgrenzen"))
    modality = table.table("modaliteit")
    intention = tuple(lemmas_of(p) for p in modality.strings("intentie"))
    practice = tuple(lemmas_of(p) for p in modality.strings("praktijk"))
    option = tuple(lemmas_of(p) for p in modality.strings("optie"))
    present = frozenset(t.lower() for t in modality.strings("presens"))
    modality.close()
    table.close()
    return Language(
        version,
        abbreviations,
        negations,
        not_negations,
        clause_ends,
        intention,
        practice,
        option,
        present,
    )


# --- splitting -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    heading: bool
    bullet: bool


def _ends_clause(line: str) -> bool:
    return line.rstrip().endswith(_END_PUNCT)


_SENTENCE_END: Final = (".", "!", "?", "…")


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


def _is_heading(line: str, next_line: str | None) -> bool:
    stripped = line.strip()
    if not stripped or _ends_clause(stripped):
        return False
    if len(stripped.split()) > HEADING_MAX_WORDS:
        return False
    if next_line is None:
        return True
    following = next_line.lstrip()
    return bool(following) and (following[0].isupper() or following[0].isdigit())


def _blocks(page_text: str) -> list[_Block]:
    blocks: list[_Block] = []
    for paragraph in _PARAGRAPH.split(page_text):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        current: list[str] = []
        bullet = False

        def flush(heading: bool = False) -> None:
            nonlocal current, bullet
            if current:
                blocks.append(_Block(_join_lines(current), heading, bullet))
            current = []
            bullet = False

        count = len(lines)
        for i, line in enumerate(lines):
            # (`_ends_clause` and `_ends_sentence` inlined: this runs for every line)
            closed = not current or current[-1].rstrip().endswith(_END_PUNCT)
            heading = closed and _is_heading(line, lines[i + 1] if i + 1 < count else None)
            match = _BULLET.match(line)
            if (
                bullet
                and current
                and current[-1].rstrip().endswith(_SENTENCE_END)
                and line.lstrip()[:1].isupper()
            ):
                flush()  # the list has ended; running text goes on
            if match and not (heading and _NUMBERED_HEADING.match(line)):
                flush()
                bullet = True
                current.append(line[match.end() :])
            elif heading:
                flush()
                current.append(line)
                flush(heading=True)
            else:
                current.append(line)
        flush()
    return blocks


def _join_lines(lines: Sequence[str]) -> str:
    out = lines[0].strip()
    for line in lines[1:]:
        line = line.strip()
        if out.endswith("-") and line[:1].islower() and len(out) > 1 and out[-2].isalpha():
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def split_block(text: str, abbreviations: frozenset[str]) -> list[str]:
    """The sentences of one block of running text."""
    pieces: list[str] = []
    start = 0
    longest = _longest(abbreviations)
    for match in _BOUNDARY.finditer(text):
        stop, end = match.span(1)
        if text[stop] == ".":
            word = text[max(text.rfind(" ", start, stop), start - 1) + 1 : stop].lstrip(_OPENING)
            # Only a short word or a number can be an abbreviation, an initial or a section
            # number (lowercasing never shortens a word).
            if (len(word) <= longest or word[-1].isdigit()) and _no_boundary(word, abbreviations):
                continue
        pieces.append(text[start:end].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    if max(map(len, pieces)) <= MAX_SENTENCE_CHARS:
        return [piece for piece in pieces if piece]
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        while len(piece) > MAX_SENTENCE_CHARS:
            cut = piece.rfind("; ", 0, MAX_SENTENCE_CHARS)
            if cut <= 0:
                cut = piece.rfind(" ", 0, MAX_SENTENCE_CHARS)
            if cut <= 0:
                cut = MAX_SENTENCE_CHARS
            out.append(piece[: cut + 1].strip())
            piece = piece[cut + 1 :].strip()
        if piece:
            out.append(piece)
    return out


_OPENING: Final = "(\"'‘“"


@lru_cache(maxsize=8)
def _longest(abbreviations: frozenset[str]) -> int:
    return max(1, *map(len, abbreviations))


def _no_boundary(last: str, abbreviations: frozenset[str]) -> bool:
    word = last.lstrip(_OPENING).lower()
    if not word:
        return False
    if word in abbreviations:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. de Vries"
    return _SECTION_NUMBER.fullmatch(word) is not None  # "1. ", "3.2. "


def sentences_of(pages: Iterable[Page], language: Language | None = None) -> list[Sentence]:
    """All sentences of a document, in reading order, each with its page number."""
    language = language or load_language()
    out: list[Sentence] = []
    # A list item continues the sentence that introduced the list ("De gemeente gaat:"), so
    # it inherits that sentence's modality when it has none of its own.
    intro = NEUTRAAL
    for page in pages:
        for block in _blocks(page.text):
            if block.heading:
                parts = [block.text]
            else:
                parts = split_block(block.text, language.abbreviations)
            for part in parts:
                if _LETTER.search(part) is None:
                    continue
                sentence = Sentence(
                    part,
                    page.number,
                    len(out),
                    heading=block.heading,
                    bullet=block.bullet,
                    language=language,
                )
                if block.bullet:
                    if intro != NEUTRAAL and sentence.modality == NEUTRAAL:
                        sentence.modality = intro
                else:
                    intro = sentence.modality if part.rstrip().endswith(":") else NEUTRAAL
                out.append(sentence)
    return out


def split_passage(text: str, language: Language | None = None) -> list[Sentence]:
    """The sentences of a free-standing passage (one page), e.g. a labelled example."""
    return sentences_of([Page(1, text)], language)


# --- negation and modality -----------------------------------------------------------------


def _find(lemmas: Sequence[str], phrase: Sequence[str]) -> list[int]:
    n = len(phrase)
    first = phrase[0]
    return [
        i
        for i, key in enumerate(lemmas)
        if key == first and tuple(lemmas[i : i + n]) == tuple(phrase)
    ]


def analyse(
    text: str,
    *,
    page: int = 1,
    index: int = 0,
    heading: bool = False,
    bullet: bool = False,
    language: Language | None = None,
) -> Sentence:
    """One sentence with its tokens; lemma keys, negation and modality follow on first use."""
    return Sentence(
        text, page, index, heading=heading, bullet=bullet, language=language or load_language()
    )
