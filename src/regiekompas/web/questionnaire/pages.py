"""What a step page shows: its questions, their choices and the saved answer of each.

Templates get plain values (texts already in the active language, placeholders filled in,
`hx-vals` already JSON), so the markup stays simple and no template logic decides anything.

Form field names are the item codes (`cc1`, `amb2`, `obs3`), `mechanisme` for the catalogue
checkboxes and the question code for free text; the answer endpoint relies on the same
names when htmx sends the whole form along with one changed input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from regiekompas.core.instrument import AnswerScale
from regiekompas.web.questionnaire.steps import OBSTACLE_OTHER, Route, Saved, Step

#: The posted value of a "weet niet" choice (stored as NULL).
WEET_NIET = "weet_niet"

#: Longest free text accepted (the column's limit).
MAX_TEXT = 4000


def form_value(value: int | None) -> str:
    return WEET_NIET if value is None else str(value)


@dataclass(frozen=True)
class Choice:
    name: str
    value: str
    label: str
    checked: bool
    id: str
    hx_vals: str


@dataclass(frozen=True)
class Question:
    """One radio group, checkbox group or text field, with its heading and status region."""

    kind: Literal["radio", "check", "text"]
    name: str
    text: str
    choices: tuple[Choice, ...] = ()
    heading: str = ""
    intro: str = ""
    poles: tuple[str, str] | None = None
    value: str = ""
    hx_vals: str = ""

    @property
    def status_id(self) -> str:
        return f"status-{self.name}"

    @property
    def id(self) -> str:
        return f"q-{self.name}"


@dataclass(frozen=True)
class Page:
    step: Step
    intro: str
    questions: tuple[Question, ...]


def _vals(**values: str) -> str:
    return json.dumps(values, separators=(",", ":"))


def _radio(
    name: str,
    text: str,
    scale: AnswerScale,
    lang: str,
    saved: Saved,
    cell: dict[str, str],
    *,
    heading: str = "",
    intro: str = "",
    poles: tuple[str, str] | None = None,
) -> Question:
    """A radio group for item `name` in `cell`, with the saved choice (weet niet too) checked."""
    key = (cell["gemeente"], cell["transitie"], cell["perspectief"], name)
    current = form_value(saved.values[key]) if key in saved.values else None
    choices = tuple(
        Choice(
            name=name,
            value=form_value(option.value),
            label=option.label.get(lang),
            checked=form_value(option.value) == current,
            id=f"q-{name}-{form_value(option.value)}",
            hx_vals=_vals(**cell, item=name, waarde=form_value(option.value)),
        )
        for option in scale.options
    )
    return Question("radio", name, text, choices, heading=heading, intro=intro, poles=poles)


def build_page(route: Route, step: Step, saved: Saved) -> Page:
    builders = {
        "axis": _axis_page,
        "conditions": _conditions_page,
        "collaboration": _collaboration_page,
        "mechanisms": _mechanisms_page,
        "open": _open_page,
    }
    return builders[step.kind](route, step, saved)


def _fill(route: Route, step: Step) -> dict[str, str]:
    gemeente = route.gemeente_name(step.gemeente) if step.gemeente else open_gemeente_text(route)
    values = {"gemeente": gemeente}
    if step.transitie:
        values["transitie"] = route.transitie_names.get(step.transitie, step.transitie)
    return values


def open_gemeente_text(route: Route) -> str:
    """What `{gemeente}` reads as in questions asked once for all the respondent's gemeenten."""
    names = [route.gemeente_name(g) for g in route.gemeenten]
    return str(get_text_list(names, _("and"))) if names else _("your gemeente")


def _cell(step: Step) -> dict[str, str]:
    return {"gemeente": step.gemeente, "transitie": step.transitie, "perspectief": step.perspectief}


def _axis_page(route: Route, step: Step, saved: Saved) -> Page:
    lang, texts, fill = route.lang, route.instrument.texts, _fill(route, step)
    cell = _cell(step)
    questions = []
    for item in route.instrument.axis_items:
        questions.append(
            _radio(
                item.code,
                item.question(step.perspectief).format(lang, **fill),
                texts.bipolar,
                lang,
                saved,
                cell,
                heading=item.topic.get(lang),
                poles=(item.pole_1.format(lang, **fill), item.pole_5.format(lang, **fill)),
            )
        )
    intro = texts.perspective(step.perspectief).format(lang, **fill)
    return Page(step, intro, tuple(questions))


def _conditions_page(route: Route, step: Step, saved: Saved) -> Page:
    lang, texts, fill = route.lang, route.instrument.texts, _fill(route, step)
    cell = _cell(step)
    questions = []
    for item in route.instrument.likert_items:
        questions.append(
            _radio(item.code, item.text.format(lang, **fill), texts.likert, lang, saved, cell)
        )
    return Page(step, texts.conditions.format(lang, **fill), tuple(questions))


def _collaboration_page(route: Route, step: Step, saved: Saved) -> Page:
    lang, instrument, fill = route.lang, route.instrument, _fill(route, step)
    texts = instrument.texts
    cell = _cell(step)
    questions: list[Question] = []
    for index, item in enumerate(instrument.agreements):
        first = index == 0
        questions.append(
            _radio(
                item.code,
                item.text.format(lang, **fill),
                texts.agreement,
                lang,
                saved,
                cell,
                heading=_("Agreements between the organisations") if first else "",
                intro=texts.agreements.format(lang, **fill) if first else "",
            )
        )
    checks = tuple(
        Choice(
            name=item.code,
            value="1",
            label=item.text.format(lang, **fill),
            checked=saved.values.get((step.gemeente, "", "", item.code)) == 1,
            id=f"q-{item.code}",
            hx_vals=_vals(**cell, item=item.code),
        )
        for item in instrument.obstacles
    )
    questions.append(
        Question(
            "check",
            "obstacles",
            texts.obstacles.format(lang, **fill),
            checks,
            heading=_("What holds renewal back"),
        )
    )
    questions.append(
        Question(
            "text",
            OBSTACLE_OTHER,
            texts.obstacle_other.get(lang),
            value=saved.texts.get((step.gemeente, OBSTACLE_OTHER), ""),
            hx_vals=_vals(gemeente=step.gemeente, item=OBSTACLE_OTHER),
        )
    )
    return Page(step, "", tuple(questions))


def _mechanisms_page(route: Route, step: Step, saved: Saved) -> Page:
    lang, name = route.lang, route.gemeente_name(step.gemeente)
    checks = tuple(
        Choice(
            name="mechanisme",
            value=kind.code,
            label=kind.name.get(lang),
            checked=(step.gemeente, kind.code) in saved.mechanisms,
            id=f"q-mechanisme-{kind.code}",
            hx_vals=_vals(gemeente=step.gemeente, item="mechanisme", type=kind.code),
        )
        for kind in route.instrument.mechanism_types
    )
    intro = _(
        "Which of these arrangements for working together are in use in %(gemeente)s? "
        "Tick every one you know of; leave the others empty. If you do not know, you can "
        "go on without ticking anything."
    ) % {"gemeente": name}
    question = Question(
        "check",
        "mechanisme",
        _("Arrangements in use in %(gemeente)s") % {"gemeente": name},
        checks,
    )
    return Page(step, intro, (question,))


def _open_page(route: Route, step: Step, saved: Saved) -> Page:
    lang, texts, fill = route.lang, route.instrument.texts, _fill(route, step)
    questions = tuple(
        Question(
            "text",
            question.code,
            question.text.format(lang, **fill),
            value=saved.texts.get(("", question.code), ""),
            hx_vals=_vals(gemeente="", item=question.code),
        )
        for question in route.instrument.open_questions
    )
    return Page(step, texts.open_questions.format(lang, **fill), questions)
