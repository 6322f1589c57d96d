"""Flesch-Douma reading ease of Dutch text, with a Dutch syllable counter.

Flesch-Douma (Douma 1960) is Flesch's reading ease refitted for Dutch:

    score = 206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)

Higher is easier. As a rule of thumb 60–70 reads as plain text for most adults (around
B1), above 70 easy, below 50 hard. It measures only sentence and word length, so it is a
check on top of reading the text, not a replacement (see docs/questionnaire.md).

Syllables are counted as vowel groups: a maximal run of vowels (a e i o u y, with accents)
is one syllable, so the Dutch clusters aa, ee, oo, uu, ie, oe, eu, ui, ij, ei, ou, au,
ooi, aai, oei, eeuw count once; a diaeresis (ë ï ö ü) starts a new syllable, as it does in
cliënt, geïntegreerd and coördinatie. Known limits: vowel pairs spoken as two syllables
without a diaeresis (ideaal, theater) count as one, which makes the score slightly kind.
"""

from __future__ import annotations

import re
import unicodedata

from regiekompas.core.questionnaire.timing import words

_VOWELS = set("aeiouyáéíóúàèìòùâêîôû")
_BREAKING = set("äëïöü")
_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")


def syllables(word: str) -> int:
    """Syllables of one Dutch word (at least 1 for any word with a letter)."""
    count = 0
    previous_vowel = False
    for char in unicodedata.normalize("NFC", word.lower()):
        if char in _BREAKING:
            count += 1
            previous_vowel = True
        elif char in _VOWELS:
            if not previous_vowel:
                count += 1
            previous_vowel = True
        else:
            previous_vowel = False
    return max(count, 1) if any(c.isalpha() for c in word) else 0


def sentences(text: str) -> int:
    """Sentences: pieces ending in . ! ? : or ; (a last piece without one counts too)."""
    pieces = [p for p in _SENTENCE_END.split(text) if words(p)]
    return max(len(pieces), 1) if words(text) else 0


def flesch_douma(text: str) -> float:
    """Flesch-Douma reading ease of `text` (raises ValueError for text without words)."""
    tokens = _WORD.findall(text)
    if not tokens:
        raise ValueError("no words to measure")
    n_words = len(tokens)
    n_syllables = sum(syllables(t) for t in tokens)
    return 206.835 - 0.93 * (n_words / sentences(text)) - 77.0 * (n_syllables / n_words)
