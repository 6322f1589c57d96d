"""Save answers: validated against the scan's frozen instrument, upserted, never duplicated.

Both the htmx request of one radio button and the plain form post of a whole page come here.
One `INSERT … ON CONFLICT DO UPDATE` per call (`upsert.py`; SQLite and PostgreSQL alike)
makes every save idempotent and order-independent: whatever arrives last for an (respondent,
cell, item) is the answer, and there is never a second row.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.upsert import upsert_answers


@dataclass(frozen=True)
class AnswerIn:
    gemeente_code: str
    transitie: str
    perspectief: str
    item: str
    #: None = "weet niet".
    value: int | None


class AnswerRejected(ValueError):
    """An answer that does not fit the scan, the respondent or the item's scale."""


class ScanNotAccepting(AnswerRejected):
    """The scan is closed (or not yet open): answers can no longer change."""


def check_answer(respondent: Respondent, answer: AnswerIn) -> None:
    """Raise `AnswerRejected` unless this respondent may give this answer in this scan."""
    scan = respondent.scan
    instrument = scan.instrument()
    if answer.gemeente_code not in respondent.gemeenten:
        raise AnswerRejected(_("This gemeente is not part of your questionnaire."))
    if instrument.is_axis_item(answer.item):
        if answer.transitie not in respondent.transities or answer.transitie not in scan.transities:
            raise AnswerRejected(_("This transitie is not part of your questionnaire."))
        if answer.perspectief not in scan.perspectieven:
            raise AnswerRejected(_("This perspective is not part of this scan."))
    elif answer.item in instrument.gemeente_item_codes:
        if answer.transitie or answer.perspectief:
            raise AnswerRejected(_("This question concerns the gemeente as a whole."))
    else:
        raise AnswerRejected(_("Unknown question."))
    if answer.value is not None:
        low, high = instrument.answer_range(answer.item)
        if not low <= answer.value <= high:
            raise AnswerRejected(_("Choose one of the offered answers."))


def save_answers(respondent: Respondent, answers: Sequence[AnswerIn]) -> int:
    """Validate all, then store all in one statement; returns how many were saved."""
    if not respondent.scan.accepts_answers:
        raise ScanNotAccepting(_("This scan is closed; answers can no longer be changed."))
    for answer in answers:
        check_answer(respondent, answer)
    if not answers:
        return 0
    rows = _last_per_key(answers)
    first = respondent.started_at is None
    # The upsert is one statement, atomic by itself; a transaction is only needed for the
    # first save, which also marks the respondent as started.
    with transaction.atomic() if first else nullcontext():
        upsert_answers(respondent.pk, rows)
        if first:
            Respondent.objects.filter(pk=respondent.pk, started_at__isnull=True).update(
                started_at=timezone.now()
            )
    return len(rows)


def _last_per_key(answers: Sequence[AnswerIn]) -> list[AnswerIn]:
    """One answer per key (the last given): one statement may not touch a row twice."""
    last: dict[tuple[str, str, str, str], AnswerIn] = {}
    for a in answers:
        last[(a.gemeente_code, a.transitie, a.perspectief, a.item)] = a
    return list(last.values())
