"""What a step page shows: its statements, a row of choices per gemeente (× transitie), the
saved answer of each row, and the model terms explained where they appear.

Templates get plain values (texts already in the active language, placeholders filled in,
`hx-vals` already JSON), so the markup stays simple and no template logic decides anything.

Form field names carry the row: `cc1:GM0153:jeugd`, `amb2:GM0153:` (item, gemeente,
transitie), `mechanisme:GM0153` for the catalogue checkboxes of a gemeente,
`obs_anders:GM0153` and the question code (`open1`) for free text. The answer endpoint gets
the cell in `hx-vals` and, where the value is the state of a checkbox or text field, the
field's name in `veld`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Literal

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regiekompas.core.instrument import AnswerScale, AxisItem, GlossaryTerm
from regiekompas.core.questionnaire import PageLoad
from regiekompas.web.questionnaire.steps import OBSTACLE_OTHER, Route, RowKey, Saved, Step

#: The posted value of a "weet niet" choice (stored as NULL).
WEET_NIET = "weet_niet"

#: Longest free text accepted (the column's limit).
MAX_TEXT = 4000

#: Expected ticks behind the time estimate (docs/questionnaire.md): half the obstacles,
#: and this many arrangements per gemeente.
OBSTACLE_TICK_RATE = 0.5
MECHANISM_TICKS = 3.0


def form_value(value: int | None) -> str:
    return WEET_NIET if value is None else str(value)


def field_name(item: str, gemeente: str, transitie: str = "", perspectief: str = "") -> str:
    """The form field of one row of a statement: `cc1:GM0153:jeugd:ambitie`, `amb1:GM0153::`."""
    return f"{item}:{gemeente}:{transitie}:{perspectief}"


def _html_id(*parts: str) -> str:
    return "-".join(p for p in parts if p).replace(":", "-").replace("_", "-")


def row_anchor(name: str) -> str:
    """The id of the row whose field is `name` (`cc1:GM0153:jeugd` → `q-cc1-GM0153-jeugd`)."""
    return _html_id("q", *name.split(":"))


@dataclass(frozen=True)
class Choice:
    name: str
    value: str
    label: str
    checked: bool
    id: str
    hx_vals: str


@dataclass(frozen=True)
class Row:
    """One gemeente (× transitie) of a statement: a radio group, with a copy button from the
    second row on ("same as the row above")."""

    label: str
    name: str
    id: str
    choices: tuple[Choice, ...]
    copy_from: str = ""
    #: The row the copy button copies from, read out after its visible "Same as above".
    copy_source: str = ""

    @property
    def status_id(self) -> str:
        return f"status-{self.id}"


@dataclass(frozen=True)
class Term:
    """A model term explained on this page (a `<details>` the page shows where it occurs)."""

    term: str
    explanation: str
    id: str


@dataclass(frozen=True)
class Question:
    """One statement (radio rows), checkbox group or text field, with its terms."""

    kind: Literal["radio", "check", "text"]
    name: str
    text: str
    rows: tuple[Row, ...] = ()
    choices: tuple[Choice, ...] = ()
    heading: str = ""
    intro: str = ""
    poles: tuple[str, str] | None = None
    #: What the poles are called in the answers ("Samen", "De gemeente alleen").
    pole_names: tuple[str, str] | None = None
    value: str = ""
    hx_vals: str = ""
    terms: tuple[Term, ...] = ()

    @property
    def id(self) -> str:
        return f"q-{_html_id(self.name)}"

    @property
    def status_id(self) -> str:
        return f"status-{_html_id(self.name)}"


@dataclass(frozen=True)
class Page:
    step: Step
    intro: str
    questions: tuple[Question, ...]
    intro_terms: tuple[Term, ...] = ()


def _vals(**values: str) -> str:
    return json.dumps(values, separators=(",", ":"))


class _Glossary:
    """Finds the instrument's glossary terms in a page's texts, each explained once a page."""

    def __init__(self, terms: tuple[GlossaryTerm, ...], lang: str) -> None:
        self.lang = lang
        self.entries: list[tuple[re.Pattern[str], GlossaryTerm]] = []
        for entry in terms:
            forms = [entry.term.get(lang), *entry.forms]
            pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            self.entries.append((re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I), entry))
        self.done: set[str] = set()

    def find(self, *texts: str) -> tuple[Term, ...]:
        found = []
        joined = "\n".join(texts)
        for pattern, entry in self.entries:
            name = entry.term.get(self.lang)
            if name in self.done or not pattern.search(joined):
                continue
            self.done.add(name)
            found.append(Term(name, entry.explanation.get(self.lang), f"term-{_html_id(name)}"))
        return tuple(found)


_PERSPECTIEF_ROW = {
    "ambitie": gettext_lazy("As intended"),
    "praktijk": gettext_lazy("As it works today"),
}


def _row_label(route: Route, step: Step, row: RowKey) -> str:
    """ "Almelo · Youth: As intended"; only the parts that differ between the rows, and the
    gemeente whenever the respondent works for more than one (so a planned single gemeente
    is named too)."""
    gemeente, transitie, perspectief = row
    parts = []
    if len({g for g, _t, _p in step.rows}) > 1 or len(route.all_gemeenten) > 1:
        parts.append(route.gemeente_name(gemeente))
    if transitie and len({t for _g, t, _p in step.rows}) > 1:
        parts.append(route.transitie_names.get(transitie, transitie))
    label = " · ".join(parts)
    if perspectief and len({p for _g, _t, p in step.rows}) > 1:
        view = str(_PERSPECTIEF_ROW[perspectief])
        label = f"{label}: {view.lower()}" if label else view
    return label


def _radio_rows(
    route: Route,
    step: Step,
    item: str,
    scale: AnswerScale,
    saved: Saved,
    labels: dict[str, str] | None = None,
) -> tuple[Row, ...]:
    """A radio group per row of `step`, with the saved choice (weet niet too) checked."""
    lang = route.lang
    option_labels = [
        (form_value(o.value), (o.label.format(lang, **labels) if labels else o.label.get(lang)))
        for o in scale.options
    ]
    rows: list[Row] = []
    previous = ""
    previous_label = ""
    for gemeente, transitie, perspectief in step.rows:
        key = (gemeente, transitie, perspectief, item)
        current = form_value(saved.values[key]) if key in saved.values else None
        name = field_name(item, gemeente, transitie, perspectief)
        row_id = row_anchor(name)
        cell = {"gemeente": gemeente, "transitie": transitie, "perspectief": perspectief}
        choices = tuple(
            Choice(
                name=name,
                value=value,
                label=label,
                checked=value == current,
                id=f"{row_id}-{value.replace('_', '-')}",
                hx_vals=_vals(**cell, item=item, waarde=value),
            )
            for value, label in option_labels
        )
        label = _row_label(route, step, (gemeente, transitie, perspectief))
        copy_source = previous_label if previous else ""
        rows.append(Row(label, name, row_id, choices, previous, copy_source))
        previous, previous_label = name, label
    return tuple(rows)


def build_page(route: Route, step: Step, saved: Saved) -> Page:
    builders = {
        "axis": _axis_page,
        "conditions": _conditions_page,
        "collaboration": _collaboration_page,
        "mechanisms": _mechanisms_page,
        "open": _open_page,
    }
    return builders[step.kind](route, step, saved)


def open_gemeente_text(route: Route) -> str:
    """What `{gemeente}` reads as in questions asked once for all the respondent's gemeenten."""
    names = [route.gemeente_name(g) for g in route.gemeenten]
    return str(get_text_list(names, _("and"))) if names else _("your gemeente")


def _fill(route: Route) -> dict[str, str]:
    """Placeholders of v1 texts, which still name a gemeente or transitie."""
    transities = [route.transitie_names[t] for t in route.transities]
    return {
        "gemeente": open_gemeente_text(route),
        "transitie": str(get_text_list(transities, _("and"))) if transities else "",
    }


def _short_poles(item: AxisItem, lang: str) -> dict[str, str] | None:
    if item.short_1 is None or item.short_5 is None:
        return None
    return {"kort_1": item.short_1.get(lang), "kort_5": item.short_5.get(lang)}


def _axis_page(route: Route, step: Step, saved: Saved) -> Page:
    lang, instrument, fill = route.lang, route.instrument, _fill(route)
    glossary = _Glossary(instrument.glossary, lang)
    texts = instrument.texts
    perspectieven = list(dict.fromkeys(p for _g, _t, p in step.rows))
    if texts.axis_intro is not None and len(perspectieven) > 1:
        intro = texts.axis_intro.get(lang)
    else:
        intro = " ".join(texts.perspective(p).format(lang, **fill) for p in perspectieven)
    intro_terms = glossary.find(step.title, intro)
    questions = []
    for item in instrument.axis_items:
        if item.code not in step.item_codes:
            continue
        if item.statement is not None:
            text = item.statement.get(lang)
        elif len(perspectieven) == 1:
            text = item.question(perspectieven[0]).format(lang, **fill)
        else:
            text = item.topic.get(lang)
        heading = item.topic.get(lang) if text != item.topic.get(lang) else ""
        poles = (item.pole_1.format(lang, **fill), item.pole_5.format(lang, **fill))
        short = _short_poles(item, lang)
        rows = _radio_rows(route, step, item.code, instrument.texts.bipolar, saved, short)
        pole_names = (
            (short["kort_1"], short["kort_5"])
            if short
            else (_("First description"), _("Second description"))
        )
        questions.append(
            Question(
                "radio",
                item.code,
                text,
                rows=rows,
                heading=heading,
                poles=poles,
                pole_names=(
                    pole_names[0][:1].upper() + pole_names[0][1:],
                    pole_names[1][:1].upper() + pole_names[1][1:],
                ),
                terms=glossary.find(heading, text, *poles),
            )
        )
    return Page(step, intro, tuple(questions), intro_terms)


def _conditions_page(route: Route, step: Step, saved: Saved) -> Page:
    """One or more condition scales, each under its own heading with what it is about."""
    lang, instrument, fill = route.lang, route.instrument, _fill(route)
    glossary = _Glossary(instrument.glossary, lang)
    intro = instrument.texts.conditions.format(lang, **fill)
    intro_terms = glossary.find(intro)
    questions = []
    for scale in instrument.scales:
        if not set(scale.item_codes) & set(step.item_codes):
            continue
        for index, item in enumerate(scale.items):
            text = item.text.format(lang, **fill)
            heading = scale.name.get(lang) if index == 0 else ""
            about = scale.condition.get(lang) if index == 0 else ""
            rows = _radio_rows(route, step, item.code, instrument.texts.likert, saved)
            questions.append(
                Question(
                    "radio",
                    item.code,
                    text,
                    rows=rows,
                    heading=heading,
                    intro=about,
                    terms=glossary.find(about, text),
                )
            )
    return Page(step, intro, tuple(questions), intro_terms)


def _collaboration_page(route: Route, step: Step, saved: Saved) -> Page:
    lang, instrument, fill = route.lang, route.instrument, _fill(route)
    texts = instrument.texts
    glossary = _Glossary(instrument.glossary, lang)
    questions: list[Question] = []
    for index, item in enumerate(instrument.agreements):
        first = index == 0
        text = item.text.format(lang, **fill)
        intro = texts.agreements.format(lang, **fill) if first else ""
        questions.append(
            Question(
                "radio",
                item.code,
                text,
                rows=_radio_rows(route, step, item.code, texts.agreement, saved),
                heading=_("Agreements between the organisations") if first else "",
                intro=intro,
                terms=glossary.find(intro, text),
            )
        )
    several = len(step.gemeenten) > 1
    for index, gemeente in enumerate(step.gemeenten):
        name = route.gemeente_name(gemeente)
        checks = tuple(
            Choice(
                name=field_name(item.code, gemeente),
                value="1",
                label=item.text.format(lang, **fill),
                checked=saved.values.get((gemeente, "", "", item.code)) == 1,
                id=_html_id("q", item.code, gemeente),
                hx_vals=_vals(
                    gemeente=gemeente,
                    transitie="",
                    perspectief="",
                    item=item.code,
                    veld=field_name(item.code, gemeente),
                ),
            )
            for item in instrument.obstacles
        )
        intro = texts.obstacles.format(lang, **fill)
        legend = _("In %(gemeente)s:") % {"gemeente": name} if several else intro
        questions.append(
            Question(
                "check",
                f"obstacles:{gemeente}",
                legend,
                choices=checks,
                heading=_("What holds renewal back") if index == 0 else "",
                intro=intro if several and index == 0 else "",
                terms=glossary.find(intro, *(c.label for c in checks)),
            )
        )
        other = f"{OBSTACLE_OTHER}:{gemeente}"
        prompt = texts.obstacle_other.get(lang)
        questions.append(
            Question(
                "text",
                other,
                f"{prompt} ({name})" if several else prompt,
                value=saved.texts.get((gemeente, OBSTACLE_OTHER), ""),
                hx_vals=_vals(gemeente=gemeente, item=OBSTACLE_OTHER, veld=other),
            )
        )
    return Page(step, "", tuple(questions))


def _mechanisms_page(route: Route, step: Step, saved: Saved) -> Page:
    lang, instrument = route.lang, route.instrument
    glossary = _Glossary(instrument.glossary, lang)
    names = [route.gemeente_name(g) for g in step.gemeenten]
    intro = _(
        "Which of these ways of working together are in use? Tick every one you know of; "
        "leave the others empty. If you do not know, go on without ticking anything."
    )
    questions = []
    for gemeente, name in zip(step.gemeenten, names, strict=True):
        field = f"mechanisme:{gemeente}"
        checks = tuple(
            Choice(
                name=field,
                value=kind.code,
                label=kind.name.get(lang),
                checked=(gemeente, kind.code) in saved.mechanisms,
                id=_html_id("q", "mechanisme", gemeente, kind.code),
                hx_vals=_vals(gemeente=gemeente, item="mechanisme", type=kind.code, veld=field),
            )
            for kind in instrument.mechanism_types
        )
        questions.append(
            Question(
                "check",
                field,
                _("In use in %(gemeente)s") % {"gemeente": name},
                choices=checks,
                terms=glossary.find(*(c.label for c in checks)),
            )
        )
    return Page(step, intro, tuple(questions), glossary.find(intro))


def _open_page(route: Route, step: Step, saved: Saved) -> Page:
    lang, texts, fill = route.lang, route.instrument.texts, _fill(route)
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


# --- what a page asks of the respondent (the time estimate) --------------------------------


@dataclass
class _Load:
    load: PageLoad = field(default_factory=PageLoad)

    def read(self, *texts: str) -> None:
        self.load.texts.extend(t for t in texts if t)


def page_load(page: Page) -> PageLoad:
    """What the reading-time model counts on `page` (docs/questionnaire.md, "Honest time"):
    every visible text (the open glossary explanations excepted: only their summary line),
    a statement's first row and its further rows, and the expected ticks."""
    acc = _Load()
    acc.read(page.step.title, page.intro, *(t.term for t in page.intro_terms))
    if page.step.number == 1 and page.step.item_codes:
        acc.read(_("“Don’t know” is always a good answer."))
    for question in page.questions:
        acc.read(question.heading, question.intro, question.text)
        if question.poles:
            acc.read(*question.poles)
        if question.pole_names:
            acc.read(*question.pole_names)
        acc.read(*(t.term for t in question.terms))
        if question.kind == "radio":
            acc.load.statements += 1
            acc.load.rows += max(len(question.rows) - 1, 0)
            if question.rows:
                acc.read(*(c.label for c in question.rows[0].choices))
                acc.read(*(r.label for r in question.rows))
        elif question.kind == "check":
            acc.read(*(c.label for c in question.choices))
            is_mechanism = question.name.startswith("mechanisme")
            acc.load.ticks += (
                MECHANISM_TICKS if is_mechanism else OBSTACLE_TICK_RATE * len(question.choices)
            )
    return acc.load
