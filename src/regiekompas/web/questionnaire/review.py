"""The summary of the review page and the progress line: what is answered, per step."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regiekompas.web.questionnaire.steps import Route, Saved, Step


@dataclass(frozen=True)
class ReviewRow:
    step: Step
    summary: str
    complete: bool


def _summary(route: Route, step: Step, saved: Saved) -> tuple[str, bool]:
    if step.kind == "mechanisms":
        count = sum(saved.mechanism_count(g) for g in step.gemeenten)
        if not count:
            return _("none ticked"), True
        return ngettext("%(n)d arrangement ticked", "%(n)d arrangements ticked", count) % {
            "n": count
        }, True
    if step.kind == "open":
        codes = tuple(q.code for q in route.instrument.open_questions)
        filled = saved.text_count("", codes)
        return _("%(n)d of %(total)d filled in (optional)") % {
            "n": filled,
            "total": len(codes),
        }, True
    answered, total = saved.answered(step), len(step.keys)
    return _("%(n)d of %(total)d answered") % {"n": answered, "total": total}, answered == total


def review_rows(route: Route, saved: Saved) -> list[ReviewRow]:
    return [ReviewRow(step, *_summary(route, step, saved)) for step in route.steps]


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def progress(route: Route, saved: Saved) -> Progress:
    return Progress(route.answered_items(saved), route.total_items)
