"""The respondent's route through the questionnaire: which pages, in which order.

Nothing about the route is stored. It follows each time from the respondent's gemeenten and
transities, the scan's transities and perspectieven and the scan's frozen instrument, so
step *n* is the same page on every device, and a facilitator's correction of a respondent's
gemeenten changes the route on the next page load without a migration of saved state.

Order: per gemeente, first one page per transitie × perspectief with the twelve axis items,
then the conditions, the agreements and obstacles, and the coordination arrangements in use;
finally one page of free text. The intro and the review page are not numbered steps.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from regiekompas.core.instrument import Instrument
from regiekompas.core.model import load_model
from regiekompas.core.vocabulary import PERSPECTIEVEN
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import Answer, MechanismUse, OpenAnswer

StepKind = Literal["axis", "conditions", "collaboration", "mechanisms", "open"]

#: The OpenAnswer question under which the "other obstacle, namely" text is stored.
OBSTACLE_OTHER = "obs_anders"

#: (gemeente_code, transitie, perspectief, item), the unique key of an answer.
AnswerKey = tuple[str, str, str, str]


def active_language() -> str:
    """ "en" or "nl": the language to pick instrument and model texts in."""
    return "en" if (get_language() or "").startswith("en") else "nl"


@dataclass(frozen=True)
class Step:
    """One numbered page; `item_codes` are the numeric items it asks (none on some pages)."""

    number: int
    kind: StepKind
    gemeente: str
    transitie: str
    perspectief: str
    title: str
    item_codes: tuple[str, ...]

    @functools.cached_property
    def keys(self) -> tuple[AnswerKey, ...]:
        return tuple((self.gemeente, self.transitie, self.perspectief, c) for c in self.item_codes)


@dataclass(frozen=True)
class Saved:
    """Everything this respondent saved so far, loaded in three queries."""

    values: dict[AnswerKey, int | None]
    texts: dict[tuple[str, str], str]
    mechanisms: frozenset[tuple[str, str]]

    @classmethod
    def numeric_keys(cls, keys: Iterable[AnswerKey]) -> Saved:
        """Only which numeric answers exist (their values unknown): enough to count progress."""
        return cls(dict.fromkeys(keys), {}, frozenset())

    def answered(self, step: Step) -> int:
        return sum(1 for key in step.keys if key in self.values)

    def mechanism_count(self, gemeente: str) -> int:
        return sum(1 for code, _type in self.mechanisms if code == gemeente)

    def text_count(self, gemeente: str, questions: tuple[str, ...]) -> int:
        return sum(1 for q in questions if self.texts.get((gemeente, q)))


def load_saved(respondent: Respondent) -> Saved:
    values: dict[AnswerKey, int | None] = {
        (g, t, p, item): value
        for g, t, p, item, value in Answer.objects.filter(respondent=respondent).values_list(
            "gemeente_code", "transitie", "perspectief", "item", "value"
        )
    }
    texts = {
        (g, q): text
        for g, q, text in OpenAnswer.objects.filter(respondent=respondent).values_list(
            "gemeente_code", "question", "text"
        )
    }
    mechanisms = frozenset(
        MechanismUse.objects.filter(respondent=respondent).values_list("gemeente_code", "type")
    )
    return Saved(values, texts, mechanisms)


@dataclass(frozen=True)
class Route:
    """The respondent's numbered steps plus the names and instrument the pages need."""

    respondent: Respondent
    instrument: Instrument
    lang: str
    gemeente_names: dict[str, str]
    transitie_names: dict[str, str]
    steps: tuple[Step, ...]

    @property
    def gemeenten(self) -> list[str]:
        return gemeenten_for(self.respondent)

    @property
    def transities(self) -> list[str]:
        return list(self.transitie_names)

    @property
    def perspectieven(self) -> list[str]:
        return perspectieven_for(self.respondent)

    def gemeente_name(self, code: str) -> str:
        return self.gemeente_names.get(code, code)

    def step(self, number: int) -> Step | None:
        if 1 <= number <= len(self.steps):
            return self.steps[number - 1]
        return None

    @property
    def total_items(self) -> int:
        return sum(len(step.item_codes) for step in self.steps)

    def answered_items(self, saved: Saved) -> int:
        return sum(saved.answered(step) for step in self.steps)

    def first_open_step(self, saved: Saved) -> Step | None:
        """The first step with a question not yet answered (weet niet counts as answered)."""
        for step in self.steps:
            if saved.answered(step) < len(step.item_codes):
                return step
        return None


def gemeenten_for(respondent: Respondent) -> list[str]:
    """The respondent's gemeenten in the order the facilitator gave them, each once."""
    return list(dict.fromkeys(g for g in respondent.gemeenten if isinstance(g, str) and g))


def perspectieven_for(respondent: Respondent) -> list[str]:
    asked = respondent.scan.perspectieven
    return [p for p in PERSPECTIEVEN if p in asked]


def transities_for(respondent: Respondent) -> list[str]:
    """The respondent's transities that the scan asks, in the model's order."""
    asked = [t for t in respondent.scan.transities if t in respondent.transities]
    order = load_model().transitie_codes
    return [t for t in order if t in asked] + [t for t in asked if t not in order]


def build_route(respondent: Respondent, lang: str | None = None, *, names: bool = True) -> Route:
    """The respondent's steps; `names=False` skips the gemeente names (one query) for
    callers that only count, such as the save of a single answer.

    The steps follow from a handful of values (see `_ShapeKey`), shared by many respondents
    and unchanged between their clicks, so each shape is worked out once per process.
    """
    lang = lang or active_language()
    scan = respondent.scan
    instrument = scan.instrument()
    gemeente_names = scan.region.gemeente_names() if names else {}
    gemeenten = tuple(gemeenten_for(respondent))
    key: _ShapeKey = (
        scan.pk,
        scan.opened_at,
        scan.instrument_version,
        lang,
        get_language(),
        gemeenten,
        tuple(transities_for(respondent)),
        tuple(perspectieven_for(respondent)),
        tuple(gemeente_names.get(g, g) for g in gemeenten),
    )
    shape = _SHAPES.get(key)
    if shape is None:
        if len(_SHAPES) >= _MAX_SHAPES:
            _SHAPES.clear()
        shape = _SHAPES[key] = _route_shape(instrument, lang, *key[5:])
    transitie_names, steps = shape
    return Route(respondent, instrument, lang, gemeente_names, dict(transitie_names), steps)


#: (scan, frozen at, instrument version, language, active language, gemeenten, transities,
#: perspectieven, gemeente names): everything the steps of a route depend on.
_ShapeKey = tuple[
    int,
    object,
    str,
    str,
    str | None,
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
]
_SHAPES: dict[_ShapeKey, tuple[dict[str, str], tuple[Step, ...]]] = {}
_MAX_SHAPES = 4096


def _route_shape(
    instrument: Instrument,
    lang: str,
    gemeenten: tuple[str, ...],
    transities: tuple[str, ...],
    perspectieven: tuple[str, ...],
    names: tuple[str, ...],
) -> tuple[dict[str, str], tuple[Step, ...]]:
    model = load_model()
    transitie_names: dict[str, str] = {}
    for code in transities:
        try:
            transitie_names[code] = model.transitie(code).name.get(lang)
        except KeyError:
            transitie_names[code] = code
    gemeente_names = dict(zip(gemeenten, names, strict=True))
    likert = tuple(item.code for item in instrument.likert_items)
    collaboration = (
        *(item.code for item in instrument.agreements),
        *(item.code for item in instrument.obstacles),
    )
    steps: list[Step] = []

    def add(
        kind: StepKind,
        gemeente: str,
        title: str,
        items: tuple[str, ...] = (),
        transitie: str = "",
        perspectief: str = "",
    ) -> None:
        steps.append(Step(len(steps) + 1, kind, gemeente, transitie, perspectief, title, items))

    # Each title pattern is translated once, not once per page (gettext is most of the cost).
    axis_title = {
        "ambitie": _("%(gemeente)s — %(transitie)s: ambitie"),
        "praktijk": _("%(gemeente)s — %(transitie)s: praktijk"),
    }
    conditions_title = _("%(gemeente)s: conditions for working together")
    collaboration_title = _("%(gemeente)s: agreements and obstacles")
    mechanisms_title = _("%(gemeente)s: coordination arrangements in use")
    for gemeente in gemeenten:
        name = {"gemeente": gemeente_names.get(gemeente, gemeente)}
        for transitie, transitie_name in transitie_names.items():
            for perspectief in perspectieven:
                title = axis_title[perspectief] % {**name, "transitie": transitie_name}
                add("axis", gemeente, title, instrument.axis_item_codes, transitie, perspectief)
        add("conditions", gemeente, conditions_title % name, likert)
        add("collaboration", gemeente, collaboration_title % name, collaboration)
        add("mechanisms", gemeente, mechanisms_title % name)
    if instrument.open_questions:
        add("open", "", _("Finally: your explanation"))
    return transitie_names, tuple(steps)
