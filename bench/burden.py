"""Respondent burden before and after the redesign of issue 9: screens, questions, minutes.

For the demo scan's settings (4 transities, both perspectieven, maximum 3 gemeenten per
respondent, instrument v2) and the respondent types that had the longest questionnaire, this
prints the number of screens (start and review pages included), questions (answers to give,
rows counted) and the estimated minutes at the pace of the reading-time model
(`core.questionnaire.timing`, docs/questionnaire.md).

"Before" is the route as it was until commit 6b83ea3 (a page per gemeente × transitie ×
perspectief with the twelve axis items, then per gemeente the conditions, agreements and
obstacles, and arrangements; instrument v1 texts), rebuilt here from the v1 instrument with
the same model. Texts that differ only by the gemeente or transitie they name count as read
before, as they do for the new route. "After" is the app's own route and pages.

    python bench/burden.py            # the table
    python bench/burden.py --check    # exit 1 unless every type ≤ 15 and the worst ≤ 20 min
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass

os.environ.setdefault("REGIEKOMPAS_DEV", "true")
os.environ.setdefault("REGIEKOMPAS_DATA_DIR", tempfile.mkdtemp(prefix="regiekompas-burden-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiekompas.web.settings")

import django

django.setup()

from django.utils import translation  # noqa: E402

from regiekompas.core.instrument import Instrument, load_instrument  # noqa: E402
from regiekompas.core.questionnaire import (  # noqa: E402
    BLOCK_GEMEENTEN,
    PACE,
    SCALES_ASKED,
    PageLoad,
    estimate_seconds,
    plan_for,
)
from regiekompas.core.questionnaire.timing import whole_minutes  # noqa: E402
from regiekompas.core.simulate import TRANSITIES, TWENTE  # noqa: E402
from regiekompas.web.invitations.models import Respondent  # noqa: E402
from regiekompas.web.questionnaire.burden import (  # noqa: E402
    REVIEW_WORDS,
    Burden,
    burden,
)
from regiekompas.web.questionnaire.planning import plan_key, plan_record  # noqa: E402
from regiekompas.web.questionnaire.steps import build_route  # noqa: E402
from regiekompas.web.scans.models import Scan  # noqa: E402

PERSPECTIEVEN = ("ambitie", "praktijk")
#: The demo's scan (web/demo.py): every transitie, both perspectieven, default maximum.
DEMO = {"transities": list(TRANSITIES), "perspectieven": list(PERSPECTIEVEN)}
#: The old start page (until commit 6b83ea3) had 290 words besides the intro.
OLD_START_WORDS = 290


@dataclass(frozen=True)
class RespondentType:
    label: str
    gemeenten: int
    transities: tuple[str, ...]
    worst: bool = False


TYPES = (
    RespondentType("gemeente adviser, 1 gemeente, 4 transities", 1, TRANSITIES, worst=True),
    RespondentType("client representative, 1 gemeente, jeugd + wmo", 1, ("jeugd", "wmo")),
    RespondentType("provider, 1 gemeente, jeugd", 1, ("jeugd",)),
    RespondentType("provider, 3 gemeenten, jeugd + wmo", 3, ("jeugd", "wmo"), worst=True),
    RespondentType("provider, 9 gemeenten, jeugd", 9, ("jeugd",), worst=True),
    RespondentType("provider, 20 gemeenten, jeugd", 20, ("jeugd",), worst=True),
    RespondentType("provider, 9 gemeenten, 4 transities", 9, TRANSITIES, worst=True),
)


def _codes(n: int) -> list[str]:
    twente = [g[0] for g in TWENTE]
    return (twente + [f"GM9{i:03d}" for i in range(1, 100)])[:n]


def after(kind: RespondentType, cap: int = 3) -> Burden:
    scan = Scan(name="demo", instrument_version="2", max_gemeenten=cap, **DEMO)
    gemeenten = _codes(kind.gemeenten)
    transities = [t for t in TRANSITIES if t in kind.transities]
    respondent = Respondent(
        scan=scan, external_id="burden", gemeenten=gemeenten, transities=transities
    )
    scales = [scale.code for scale in scan.instrument().scales]
    plan = plan_for(
        gemeenten,
        transities,
        cap,
        gemeente_load={},
        cell_load={},
        seed="burden",
        block_cap=BLOCK_GEMEENTEN,
        scales=scales,
        scales_asked=SCALES_ASKED,
    )
    if not plan.complete:
        cells = [[g, t] for g in gemeenten for t in transities]
        respondent.plan = plan_record(plan_key(cells, cap, scales), plan)
    return burden(build_route(respondent, "nl", names=False))


def before(kind: RespondentType, instrument: Instrument) -> Burden:
    """The old route with v1 texts; `{gemeente}`/`{transitie}` stay as one word each."""
    lang, fill = "nl", {"gemeente": "X", "transitie": "Y"}
    texts = instrument.texts
    bipolar = [o.label.get(lang) for o in texts.bipolar.options]
    likert = [o.label.get(lang) for o in texts.likert.options]
    pages = [PageLoad(texts=[texts.intro.get(lang)], extra_words=OLD_START_WORDS)]
    questions = 0
    titles: list[str] = []
    for _g in range(kind.gemeenten):
        for _t in kind.transities:
            for p in PERSPECTIEVEN:
                page = PageLoad(texts=["X — Y: " + p, texts.perspective(p).format(lang, **fill)])
                for item in instrument.axis_items:
                    page.texts += [
                        item.topic.get(lang),
                        item.question(p).format(lang, **fill),
                        "Eerste beschrijving: " + item.pole_1.get(lang),
                        "Tweede beschrijving: " + item.pole_5.get(lang),
                        *bipolar,
                    ]
                    page.statements += 1
                questions += 12
                pages.append(page)
                titles.append(p)
        page = PageLoad(texts=["X: voorwaarden", texts.conditions.format(lang, **fill)])
        for item in instrument.likert_items:
            page.texts += [item.text.format(lang, **fill), *likert]
            page.statements += 1
        pages.append(page)
        page = PageLoad(texts=["X: afspraken", texts.agreements.format(lang, **fill)])
        for item in instrument.agreements:
            page.texts += [item.text.format(lang, **fill)]
            page.statements += 1
        page.texts += [texts.obstacles.format(lang, **fill)]
        page.texts += [item.text.get(lang) for item in instrument.obstacles]
        page.ticks += 0.5 * len(instrument.obstacles)
        pages.append(page)
        page = PageLoad(texts=["X: regelingen", "Welke regelingen zijn in gebruik in X?"])
        page.texts += [kind_.name.get(lang) for kind_ in instrument.mechanism_types]
        page.ticks += 3
        pages.append(page)
        questions += len(instrument.likert_items) + 9
        titles += ["c", "a", "m"]
    pages.append(PageLoad(texts=[texts.open_questions.get(lang)]))
    pages.append(PageLoad(texts=titles, extra_words=REVIEW_WORDS))
    return Burden(len(pages), questions, estimate_seconds(pages, PACE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=3, help="maximum gemeenten (default 3)")
    parser.add_argument("--check", action="store_true", help="fail above 15 / 20 minutes")
    args = parser.parse_args(argv)
    translation.activate("nl")
    v1 = load_instrument("1")
    header = (
        f"{'respondent type (demo scan: 4 transities, both perspectieven)':<58} "
        f"{'screens':>15} {'questions':>15} {'minutes':>13}"
    )
    print(header)
    print(f"{'':<58} {'before → after':>15} {'before → after':>15} {'before → after':>13}")
    print("-" * len(header))
    failures = []
    for kind in TYPES:
        old, new = before(kind, v1), after(kind, args.max)
        minutes_new = new.seconds / 60
        print(
            f"{kind.label:<58} {old.screens:>6} → {new.screens:>6} "
            f"{old.questions:>6} → {new.questions:>6} "
            f"{old.seconds / 60:>5.1f} → {minutes_new:>5.1f}"
        )
        limit = 20 if kind.worst else 15
        if minutes_new > limit:
            failures.append(f"{kind.label}: {minutes_new:.1f} min > {limit}")
    print(
        f"\npace: {PACE.words_per_minute:.0f} words/min, {PACE.first_row_s:g} s per statement, "
        f"{PACE.next_row_s:g} s per further row, {PACE.tick_s:g} s per tick, "
        f"{PACE.page_s:g} s per page, re-read at {PACE.reread:.0%}; start page promises "
        f"whole minutes, rounded up ({whole_minutes(60.1)} for 1.0 min)"
    )
    for failure in failures:
        print("TOO LONG:", failure)
    return 1 if args.check and failures else 0


if __name__ == "__main__":
    sys.exit(main())
