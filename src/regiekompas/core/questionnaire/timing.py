"""How long a respondent's route takes at a B1 reader's pace: the reading-time model.

The estimate adds, page by page (`PageLoad`):

- reading: the words shown for the first time on the route, at `words_per_minute`; a
  sentence the respondent has read before on the route (the same instruction on the next
  page, the same answer labels under the next statement) counts at `reread` of its words;
- answering: `first_row_s` for the first row of each statement (weighing the statement
  once) and `next_row_s` for every further row of the same statement (comparing a
  gemeente with the one above);
- ticking: `tick_s` per expected tick of a checklist (obstacles, arrangements in use);
- the page itself: `page_s` (it loads, the respondent scrolls to the button and taps it).

The defaults (`PACE`) and their grounds are in `docs/questionnaire.md`; they are the same
numbers the browser test uses to walk a route at this pace, so the estimate is checked
against what the pages really ask, page for page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-'’][0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_SENTENCE = re.compile(r"(?<=[.!?:])\s+")


def words(text: str) -> int:
    """Words as a reader counts them: runs of letters or digits (hyphenated words once)."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Pace:
    words_per_minute: float = 175.0
    reread: float = 0.2
    first_row_s: float = 3.0
    next_row_s: float = 1.5
    tick_s: float = 1.5
    page_s: float = 6.0


#: The pace the app promises (docs/questionnaire.md, "Honest time").
PACE = Pace()


@dataclass
class PageLoad:
    """What one page asks of the respondent.

    `texts` are the texts shown, in reading order; the estimate itself decides which were
    read before on the route. `statements` counts radio groups' first rows, `rows` the
    further rows, `ticks` the expected number of ticked boxes.
    """

    texts: list[str] = field(default_factory=list)
    statements: int = 0
    rows: int = 0
    ticks: float = 0.0
    #: Words of fixed page texts counted without their text (the start and review pages).
    extra_words: int = 0


def page_seconds(page: PageLoad, seen: set[str], pace: Pace = PACE) -> float:
    """Seconds for one page; adds its texts to `seen` (the texts read so far on the route)."""
    read = float(page.extra_words)
    for text in page.texts:
        for sentence in _SENTENCE.split(" ".join(text.split())):
            if not sentence:
                continue
            read += words(sentence) * (pace.reread if sentence in seen else 1.0)
            seen.add(sentence)
    return (
        read * 60.0 / pace.words_per_minute
        + page.statements * pace.first_row_s
        + page.rows * pace.next_row_s
        + page.ticks * pace.tick_s
        + pace.page_s
    )


def estimate_seconds(pages: Iterable[PageLoad], pace: Pace = PACE) -> float:
    """Total seconds of a route, pages in the order the respondent meets them."""
    seen: set[str] = set()
    return sum(page_seconds(page, seen, pace) for page in pages)


def whole_minutes(seconds: float) -> int:
    """Minutes as a promise: rounded up, at least 1."""
    return max(1, math.ceil(seconds / 60.0))
