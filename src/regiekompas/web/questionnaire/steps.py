"""The respondent's route through the questionnaire: which pages, in which order.

Nothing about the route is stored. It follows each time from the respondent's gemeenten and
transities, the scan's transities and perspectieven and the scan's frozen instrument, so
step *n* is the same page on every device, and a facilitator's correction of a respondent's
gemeenten changes the route on the next page load without a migration of saved state.

Each statement is asked once, with a row per gemeente (× transitie) the respondent answers
for; someone who works for more gemeenten than the scan's maximum answers for a planned
subset (`planning`, docs/questionnaire.md). Ambitie and praktijk are rows of the same
statement. Order: the axis statements (a few a page), then the condition scales, the
agreements and obstacles, the arrangements in use, and finally one page of free text. The
intro and the review page are not numbered steps.
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
from regiekompas.core.questionnaire import Plan
from regiekompas.core.vocabulary import PERSPECTIEVEN
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.questionnaire.planning import plan_of
from regiekompas.web.responses.models import Answer, MechanismUse, OpenAnswer

StepKind = Literal["axis", "conditions", "collaboration", "mechanisms", "open"]

#: Rows a page may hold (statements × rows) before it is split: about as long on a phone
#: as six statements with two rows each.
ROWS_PER_PAGE = 12


def _pages(codes: tuple[str, ...], rows: int) -> list[tuple[str, ...]]:
    """`codes` split into pages of at most ROWS_PER_PAGE rows, as evenly as possible."""
    per_page = max(1, ROWS_PER_PAGE // max(rows, 1))
    count = -(-len(codes) // per_page)
    size = -(-len(codes) // count)
    return [codes[i : i + size] for i in range(0, len(codes), size)]


#: The OpenAnswer question under which the "other obstacle, namely" text is stored.
OBSTACLE_OTHER = "obs_anders"

#: (gemeente_code, transitie, perspectief, item), the unique key of an answer.
AnswerKey = tuple[str, str, str, str]


def active_language() -> str:
    """ "en" or "nl": the language to pick instrument and model texts in."""
    return "en" if (get_language() or "").startswith("en") else "nl"


#: (gemeente_code, transitie, perspectief): one row of a statement; transitie and
#: perspectief are "" for the gemeente-level items.
RowKey = tuple[str, str, str]


@dataclass(frozen=True)
class Step:
    """One numbered page: its statements (`item_codes`), each asked once with a row per
    entry of `rows`. Axis pages have a row per gemeente × transitie of the respondent's plan
    × perspectief (ambitie and praktijk next to each other); gemeente-level pages a row per
    planned gemeente."""

    number: int
    kind: StepKind
    title: str
    item_codes: tuple[str, ...]
    rows: tuple[RowKey, ...]
    #: The axis ("cc"/"dc") of an axis page, the scale code of a conditions page.
    part: str = ""

    @functools.cached_property
    def keys(self) -> tuple[AnswerKey, ...]:
        return tuple((g, t, p, code) for code in self.item_codes for g, t, p in self.rows)

    @property
    def gemeenten(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(g for g, _t, _p in self.rows))


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
    """The respondent's numbered steps plus the names and instrument the pages need.

    `gemeenten` are the gemeenten the respondent answers for: all of theirs, or their
    planned subset when they work for more than the scan's maximum (`plan`).
    """

    respondent: Respondent
    instrument: Instrument
    lang: str
    gemeente_names: dict[str, str]
    transitie_names: dict[str, str]
    plan: Plan
    steps: tuple[Step, ...]

    @property
    def gemeenten(self) -> list[str]:
        return list(self.plan.gemeenten)

    @property
    def all_gemeenten(self) -> list[str]:
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
        return sum(len(step.keys) for step in self.steps)

    def answered_items(self, saved: Saved) -> int:
        return sum(saved.answered(step) for step in self.steps)

    def first_open_step(self, saved: Saved) -> Step | None:
        """The first step with a question not yet answered (weet niet counts as answered)."""
        for step in self.steps:
            if saved.answered(step) < len(step.keys):
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


def build_route(
    respondent: Respondent, lang: str | None = None, *, names: bool = True, store: bool = True
) -> Route:
    """The respondent's steps; `names=False` skips the gemeente names (one query) for
    callers that only count, such as the save of a single answer; `store=False` does not
    store a plan that was not stored yet (`planning.plan_of`).

    The steps follow from a handful of values (see `_ShapeKey`), shared by many respondents
    and unchanged between their clicks, so each shape is worked out once per process.
    """
    lang = lang or active_language()
    scan = respondent.scan
    instrument = scan.instrument()
    gemeente_names = scan.region.gemeente_names() if names else {}
    plan = plan_of(
        respondent,
        gemeenten_for(respondent),
        transities_for(respondent),
        [scale.code for scale in instrument.scales],
        store=store,
    )
    key: _ShapeKey = (
        scan.pk,
        scan.opened_at,
        scan.instrument_version,
        lang,
        get_language(),
        plan.block_gemeenten,
        plan.cells,
        tuple(perspectieven_for(respondent)),
        plan.scales,
    )
    shape = _SHAPES.get(key)
    if shape is None:
        if len(_SHAPES) >= _MAX_SHAPES:
            _SHAPES.clear()
        shape = _SHAPES[key] = _route_shape(instrument, lang, *key[5:])
    transitie_names, steps = shape
    return Route(respondent, instrument, lang, gemeente_names, dict(transitie_names), plan, steps)


#: (scan, frozen at, instrument version, language, active language, gemeenten of the
#: gemeente-level questions, planned rows, perspectieven, condition scales asked (None: all)):
#: everything the steps of a route depend on.
_ShapeKey = tuple[
    int,
    object,
    str,
    str,
    str | None,
    tuple[str, ...],
    tuple[tuple[str, str], ...],
    tuple[str, ...],
    tuple[str, ...] | None,
]
_SHAPES: dict[_ShapeKey, tuple[dict[str, str], tuple[Step, ...]]] = {}
_MAX_SHAPES = 4096


def _route_shape(
    instrument: Instrument,
    lang: str,
    gemeenten: tuple[str, ...],
    cells: tuple[tuple[str, str], ...],
    perspectieven: tuple[str, ...],
    scales_asked: tuple[str, ...] | None,
) -> tuple[dict[str, str], tuple[Step, ...]]:
    """Order: the axis statements, a few a page, each with a row per planned gemeente ×
    transitie × perspectief; then the condition scales of the plan, the agreements and
    obstacles, and the arrangements in use, each with a row per gemeente of the
    gemeente-level questions (`gemeenten`); finally free text.
    """
    model = load_model()
    transitie_names: dict[str, str] = {}
    for code in dict.fromkeys(t for _g, t in cells):
        try:
            transitie_names[code] = model.transitie(code).name.get(lang)
        except KeyError:
            transitie_names[code] = code
    collaboration = (
        *(item.code for item in instrument.agreements),
        *(item.code for item in instrument.obstacles),
    )
    axis_rows = tuple((g, t, p) for g, t in cells for p in perspectieven)
    gemeente_rows = tuple((g, "", "") for g in gemeenten)
    steps: list[Step] = []

    def add(
        kind: StepKind,
        title: str,
        items: tuple[str, ...] = (),
        rows: tuple[RowKey, ...] = (),
        part: str = "",
    ) -> None:
        steps.append(Step(len(steps) + 1, kind, title, items, rows, part))

    # Each title is translated once per shape, not once per page.
    axis_whole = {
        "cc": _("Who decides? (cocreatie or controle)"),
        "dc": _("How is the work organised? (decentraal or centraal)"),
    }
    axis_title = {
        "cc": _("Who decides? (cocreatie or controle), part %(part)d of %(parts)d"),
        "dc": _("How is the work organised? (decentraal or centraal), part %(part)d of %(parts)d"),
    }
    if axis_rows:
        for axis in ("cc", "dc"):
            chunks = _pages(instrument.axis_codes(axis), len(axis_rows))
            for index, chunk in enumerate(chunks, start=1):
                if len(chunks) == 1:
                    title = axis_whole[axis]
                else:
                    title = axis_title[axis] % {"part": index, "parts": len(chunks)}
                add("axis", title, chunk, axis_rows, axis)
    if gemeenten:
        # One page per condition scale when each statement has several rows; with one row
        # the scales share pages, each under its own heading.
        scales = [s for s in instrument.scales if scales_asked is None or s.code in scales_asked]
        per_page = 1 if len(gemeente_rows) > 1 else -(-len(scales) // max(1, -(-len(scales) // 3)))
        pages = -(-len(scales) // per_page)
        for i in range(0, len(scales), per_page):
            group = scales[i : i + per_page]
            if len(group) == 1:
                title = _("Working together: %(condition)s") % {
                    "condition": group[0].name.get(lang)
                }
            elif pages == 1:
                title = _("Working together")
            else:
                title = _("Working together, part %(part)d of %(parts)d") % {
                    "part": i // per_page + 1,
                    "parts": pages,
                }
            codes = tuple(code for scale in group for code in scale.item_codes)
            add("conditions", title, codes, gemeente_rows, part=group[0].code)
        add("collaboration", _("Agreements and obstacles"), collaboration, gemeente_rows)
        add("mechanisms", _("Ways of working together in use"), (), gemeente_rows)
    if instrument.open_questions:
        add("open", _("Finally: your explanation"))
    return transitie_names, tuple(steps)
