"""Free-text answers on a gemeente page: anonymous, only in numbers, and hideable.

The open questions (`open1`, `open2`) are asked once per respondent, about the gemeenten
they answered for, so a respondent's text belongs to each of those gemeenten. A text is
never shown with a group, an organisation or anything else about who wrote it, and:

* **k-rule per gemeente** (product.md §6): a gemeente's page shows no text at all unless at
  least k different respondents of that gemeente have a shown text — one or two quotes
  could be traced to their writer by anyone who knows who took part;
* **random order** on every view, so the order says nothing about who answered first;
* **published answers only**: with a published snapshot, only texts of respondents in it,
  as they were when it was published — a new quote appearing would otherwise tell who just
  answered;
* a facilitator can **hide** a quote (e.g. one that names a person); it then disappears for
  every reader, and the k-rule counts only the texts still shown.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from regiekompas.core.instrument import Instrument
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import OpenAnswer
from regiekompas.web.scans.models import Scan


@dataclass(frozen=True)
class Quote:
    pk: int
    text: str


@dataclass(frozen=True)
class QuoteGroup:
    question: str
    quotes: list[Quote]


@dataclass(frozen=True)
class Quotes:
    """What a gemeente page may show: groups of quotes, or none when below k."""

    groups: list[QuoteGroup] = field(default_factory=list)
    #: Respondents of the gemeente with a shown text (not shown on the page when below k).
    writers: int = 0
    hidden: int = 0

    @property
    def shown(self) -> bool:
        return bool(self.groups)


def _eligible(scan: Scan, snapshot: Any) -> Q:
    """Respondents (and their texts' last change) that a published snapshot covers."""
    condition = Q(respondent__scan=scan, respondent__revoked_at__isnull=True)
    if snapshot is None:
        return condition
    published = snapshot.published_at
    condition &= Q(updated_at__lte=published)
    if getattr(snapshot, "kind", "") == "final":
        return condition & Q(respondent_id__lte=snapshot.max_respondent_pk)
    return condition & (
        Q(respondent__submitted_at__lte=published) | Q(respondent__source=Respondent.Source.IMPORT)
    )


def gemeente_quotes(
    scan: Scan,
    gemeente: str,
    gemeente_name: str,
    instrument: Instrument,
    lang: str,
    *,
    snapshot: Any = None,
    rng: random.Random | None = None,
) -> Quotes:
    """The free-text answers a page of `gemeente` may show (see the module docstring)."""
    questions = {q.code: q for q in instrument.open_questions}
    if not questions:
        return Quotes()
    rows = (
        OpenAnswer.objects.filter(_eligible(scan, snapshot), question__in=list(questions))
        .filter(gemeente_code="")
        .values_list("pk", "respondent_id", "question", "text", "hidden", "respondent__gemeenten")
    )
    shown: dict[str, list[Quote]] = {}
    writers: set[int] = set()
    hidden = 0
    for pk, respondent, question, text, is_hidden, gemeenten in rows:
        if gemeente not in (gemeenten or ()) or not text.strip():
            continue
        if is_hidden:
            hidden += 1
            continue
        writers.add(respondent)
        shown.setdefault(question, []).append(Quote(pk, text.strip()))
    if len(writers) < scan.k:
        return Quotes(writers=len(writers), hidden=hidden)
    rng = rng or random.SystemRandom()
    groups = []
    for code, asked in questions.items():
        quotes = shown.get(code, [])
        if not quotes:
            continue
        rng.shuffle(quotes)
        groups.append(QuoteGroup(asked.text.get(lang).replace("{gemeente}", gemeente_name), quotes))
    return Quotes(groups=groups, writers=len(writers), hidden=hidden)


def hide_quote(scan: Scan, pk: int) -> bool:
    """Hide one free-text answer of this scan for every reader; False when there is none."""
    return bool(
        OpenAnswer.objects.filter(pk=pk, respondent__scan=scan, gemeente_code="").update(
            hidden=True
        )
    )
