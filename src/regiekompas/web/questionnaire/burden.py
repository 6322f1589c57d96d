"""The time a respondent's route takes, from the pages it really shows (docs/questionnaire.md).

The start page, every step page and the review page are measured with core's reading-time
model (`core.questionnaire.timing`): the step pages are built exactly as the respondent will
see them (empty), so what the estimate counts is what the route asks. The start and review
pages are counted by their fixed texts (START_WORDS, REVIEW_WORDS beyond the instrument's
intro), which the docs list.
"""

from __future__ import annotations

from dataclasses import dataclass

from regiekompas.core.questionnaire import PACE, Pace, PageLoad, estimate_seconds
from regiekompas.core.questionnaire.timing import whole_minutes
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.questionnaire.pages import build_page, page_load
from regiekompas.web.questionnaire.steps import Route, Saved, build_route

#: Words on the start page besides the instrument's intro: what we ask, the time, how saving
#: works, the privacy promise and whom to ask (counted on the Dutch page).
START_WORDS = 125
#: Words on the review page besides the list of pages.
REVIEW_WORDS = 110

_EMPTY = Saved({}, {}, frozenset())


@dataclass(frozen=True)
class Burden:
    screens: int
    questions: int
    seconds: float

    @property
    def minutes(self) -> int:
        return whole_minutes(self.seconds)


def page_loads(route: Route) -> list[PageLoad]:
    start = PageLoad(texts=[route.instrument.texts.intro.get(route.lang)], extra_words=START_WORDS)
    pages = [start]
    pages += [page_load(build_page(route, step, _EMPTY)) for step in route.steps]
    review = PageLoad(texts=[step.title for step in route.steps], extra_words=REVIEW_WORDS)
    pages.append(review)
    return pages


def burden(route: Route, pace: Pace = PACE) -> Burden:
    """Screens (start and review included), questions (rows to answer) and seconds."""
    return Burden(
        screens=len(route.steps) + 2,
        questions=route.total_items,
        seconds=estimate_seconds(page_loads(route), pace),
    )


def estimated_minutes(route: Route) -> int:
    return burden(route).minutes


def respondent_minutes(respondent: Respondent) -> int | None:
    """The estimate for an invitation mail, in the active language; None without a route."""
    route = build_route(respondent)
    return estimated_minutes(route) if route.steps else None
