"""Turn what a step page or a single htmx request posts into saved answers.

Numeric answers always go through `responses.saving.save_answers`, which validates them
against the scan and upserts them, so this module only reads the posted fields. Free text
and reported arrangements are upserted (or deleted) here in the same idempotent way: one row
per (respondent, gemeente, question) and per (respondent, gemeente, type), whatever the order
or repetition of requests.

A page is saved whole or not at all (one transaction), so a rejected field never leaves
half of a page stored.
"""

from __future__ import annotations

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from regiekompas.core.instrument import Instrument
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.questionnaire.pages import MAX_TEXT, WEET_NIET, field_name
from regiekompas.web.questionnaire.steps import (
    OBSTACLE_OTHER,
    AnswerKey,
    Route,
    Step,
    transities_for,
)
from regiekompas.web.responses.models import MechanismUse, OpenAnswer
from regiekompas.web.responses.saving import (
    AnswerIn,
    AnswerRejected,
    ScanNotAccepting,
    save_answers,
)

#: The form field (and `item` of the answer endpoint) of the catalogue checkboxes.
MECHANISM_FIELD = "mechanisme"


def parse_value(instrument: Instrument, item: str, raw: str | None) -> int | None:
    """The stored value of a posted choice: an offered number, or None for "weet niet"."""
    try:
        scale = instrument.answer_scale(item)
    except KeyError:
        raise AnswerRejected(_("Unknown question.")) from None
    offered = {option.value for option in scale.options}
    if raw == WEET_NIET and None in offered:
        return None
    if raw is not None and raw.strip().isdigit() and int(raw) in offered:
        return int(raw)
    raise AnswerRejected(_("Choose one of the offered answers."))


def _ensure_accepting(respondent: Respondent) -> None:
    if not respondent.scan.accepts_answers:
        raise ScanNotAccepting(_("This scan is closed; answers can no longer be changed."))


def _mark_started(respondent: Respondent) -> None:
    if respondent.started_at is None:
        Respondent.objects.filter(pk=respondent.pk, started_at__isnull=True).update(
            started_at=timezone.now()
        )


def _check_gemeente(route: Route, gemeente: str) -> None:
    if gemeente not in route.gemeenten:
        raise AnswerRejected(_("This gemeente is not part of your questionnaire."))


def save_text(route: Route, gemeente: str, question: str, text: str) -> None:
    """Store (or, when emptied, remove) one free-text answer."""
    respondent = route.respondent
    _ensure_accepting(respondent)
    if question == OBSTACLE_OTHER:
        _check_gemeente(route, gemeente)
    elif not route.instrument.is_open_question(question) or gemeente:
        raise AnswerRejected(_("Unknown question."))
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise AnswerRejected(
            _("Please keep your text under %(max)d characters.") % {"max": MAX_TEXT}
        )
    rows = OpenAnswer.objects.filter(respondent=respondent, gemeente_code=gemeente)
    if not text:
        rows.filter(question=question).delete()
        return
    OpenAnswer.objects.bulk_create(
        [OpenAnswer(respondent=respondent, gemeente_code=gemeente, question=question, text=text)],
        update_conflicts=True,
        unique_fields=["respondent", "gemeente_code", "question"],
        update_fields=["text", "updated_at"],
    )
    _mark_started(respondent)


def set_mechanisms(route: Route, gemeente: str, in_use: dict[str, bool]) -> None:
    """Record which catalogue types are (not) in use in `gemeente`; others stay as they are.

    A type in use is stored for the transities this respondent answers about.
    """
    respondent = route.respondent
    _ensure_accepting(respondent)
    _check_gemeente(route, gemeente)
    catalogue = {kind.code for kind in route.instrument.mechanism_types}
    if any(code not in catalogue for code in in_use):
        raise AnswerRejected(_("Unknown question."))
    chosen = [code for code, used in in_use.items() if used]
    dropped = [code for code, used in in_use.items() if not used]
    MechanismUse.objects.filter(
        respondent=respondent, gemeente_code=gemeente, type__in=dropped
    ).delete()
    transities = transities_for(respondent)
    MechanismUse.objects.bulk_create(
        [
            MechanismUse(
                respondent=respondent, gemeente_code=gemeente, type=code, transities=transities
            )
            for code in chosen
        ],
        update_conflicts=True,
        unique_fields=["respondent", "gemeente_code", "type"],
        update_fields=["transities", "updated_at"],
    )
    if chosen:
        _mark_started(respondent)


def _obstacle_codes(instrument: Instrument) -> set[str]:
    return {item.code for item in instrument.obstacles}


#: The submit button of a row's "same as above": its value is "target|source" field names.
COPY_FIELD = "kopieer"


def copy_row(data: QueryDict) -> tuple[QueryDict, str]:
    """The posted page with the row named by the copy button given the answer of the row
    above it (the "same as above" button without JavaScript), and the target's name."""
    target, _sep, source = (data.get(COPY_FIELD) or "").partition("|")
    if target.count(":") != 3 or source.count(":") != 3:
        raise AnswerRejected(_("Unknown question."))
    copied = data.copy()
    value = data.get(source)
    if isinstance(value, str) and value:
        copied[target] = value
    return copied, target


def save_step(route: Route, step: Step, data: QueryDict) -> None:
    """Save every answer on one posted page; unanswered radio groups are simply skipped.

    The obstacles are a checklist, so on a posted page an unticked obstacle is a "nee".
    """
    instrument = route.instrument
    obstacles = _obstacle_codes(instrument)
    answers: list[AnswerIn] = []
    for gemeente, transitie, perspectief, code in step.keys:
        raw = data.get(field_name(code, gemeente, transitie, perspectief))
        if code in obstacles:
            value: int | None = 1 if raw == "1" else 0
        elif raw is None or raw == "":
            continue
        else:
            value = parse_value(instrument, code, raw)
        answers.append(AnswerIn(gemeente, transitie, perspectief, code, value))
    with transaction.atomic():
        _ensure_accepting(route.respondent)
        save_answers(route.respondent, answers)
        if step.kind == "collaboration":
            for gemeente in step.gemeenten:
                text = data.get(f"{OBSTACLE_OTHER}:{gemeente}") or ""
                save_text(route, gemeente, OBSTACLE_OTHER, text)
        elif step.kind == "open":
            for question in instrument.open_questions:
                save_text(route, "", question.code, data.get(question.code) or "")
        elif step.kind == "mechanisms":
            catalogue = [kind.code for kind in instrument.mechanism_types]
            for gemeente in step.gemeenten:
                ticked = set(data.getlist(f"{MECHANISM_FIELD}:{gemeente}"))
                if ticked - set(catalogue):
                    raise AnswerRejected(_("Unknown question."))
                set_mechanisms(route, gemeente, {code: code in ticked for code in catalogue})


def save_one(route: Route, data: QueryDict) -> AnswerKey | None:
    """Save the single answer an htmx request (or a bare form) sends; returns the key of a
    numeric answer (what the progress count counts), None for text and arrangements.

    Fields: `gemeente`, `transitie`, `perspectief`, `item` and `waarde` ("1".."5", "0"/"1" or
    "weet_niet"). htmx also sends the surrounding form, so when `waarde` is absent the value
    is read from the page's field named in `veld` (or `item`): a ticked checkbox sends "1",
    an unticked one nothing, which for a checklist item (obstacle, arrangement) means "no".
    Free text comes in `tekst` or in that field.
    """
    instrument = route.instrument
    _ensure_accepting(route.respondent)
    item = data.get("item") or ""
    gemeente = data.get("gemeente") or ""
    waarde = data.get("waarde")
    veld = data.get("veld") or item
    if item == MECHANISM_FIELD:
        kind = data.get("type") or ""
        used = waarde == "1" if waarde is not None else kind in data.getlist(veld)
        set_mechanisms(route, gemeente, {kind: used})
    elif item == OBSTACLE_OTHER or instrument.is_open_question(item):
        text = data.get("tekst")
        save_text(route, gemeente, item, text if text is not None else data.get(veld) or "")
    elif instrument.is_known_item(item):
        raw = waarde if waarde not in (None, "") else data.get(veld)
        if raw in (None, "") and item in _obstacle_codes(instrument):
            raw = "0"
        answer = AnswerIn(
            gemeente,
            data.get("transitie") or "",
            data.get("perspectief") or "",
            item,
            parse_value(instrument, item, raw),
        )
        save_answers(route.respondent, [answer])
        return (answer.gemeente_code, answer.transitie, answer.perspectief, answer.item)
    else:
        raise AnswerRejected(_("Unknown question."))
    return None
