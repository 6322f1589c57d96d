"""The planned subsets at the app's defaults (docs/questionnaire.md, "Less to answer, same
measurement"): every respondent answers 3 of the 5 condition scales, whole, and someone who
works for several gemeenten answers the gemeente-level questions for one of them; both are
stored, stable, balanced over respondents and named on the start page."""

from __future__ import annotations

import re
from collections import Counter

from django.test import Client
from django.urls import reverse

from regiekompas.core.questionnaire import SCALES_ASKED
from regiekompas.web.questionnaire.steps import build_route
from web.conftest import World, make_respondent

SCALES = ("gedeelde_ambitie", "belangen", "relaties", "vorm", "proces")


def test_planned_scales_and_gemeente_level_questions(client: Client, world: World) -> None:
    many = ["GM0141", "GM0153", "GM0164"]
    respondent, token = make_respondent(world.scan_a, "R050", gemeenten=many)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    start = client.get(reverse("questionnaire:start", args=[token])).content.decode()
    respondent.refresh_from_db()
    plan = respondent.plan
    route = build_route(respondent, "en", names=True)

    assert SCALES_ASKED == 3
    assert len(plan["schalen"]) == 3
    assert set(plan["schalen"]) <= set(SCALES)
    assert len(plan["blok"]) == 1
    assert plan["blok"][0] in many
    conditions = [s for s in route.steps if s.kind == "conditions"]
    asked = {code[:3] for s in conditions for code in s.item_codes}
    scale_prefix = {"gedeelde_ambitie": "amb", "belangen": "bel", "relaties": "rel"}
    scale_prefix |= {"vorm": "org", "proces": "pro"}
    assert asked == {scale_prefix[code] for code in plan["schalen"]}
    # whole scales: 4 items each, one row (the planned gemeente) per statement
    assert sum(len(s.item_codes) for s in conditions) == 12
    for kind in ("conditions", "collaboration", "mechanisms"):
        for s in route.steps:
            if s.kind == kind:
                assert s.gemeenten == tuple(plan["blok"])
    # the axis statements still have a row for every gemeente × transitie (3 × 2 > 3: planned)
    assert len(plan["cellen"]) == 3
    name = {"GM0141": "Almelo", "GM0153": "Enschede", "GM0164": "Hengelo"}[plan["blok"][0]]
    assert f"How the collaboration in {name} is going" in start
    # stable on every later visit
    client.get(reverse("questionnaire:step", args=[token, 1]))
    respondent.refresh_from_db()
    assert respondent.plan == plan


def test_scales_and_gemeente_level_questions_are_spread_evenly(
    client: Client, world: World
) -> None:
    scales: Counter[str] = Counter()
    block: Counter[str] = Counter()
    for i in range(10):
        respondent, token = make_respondent(
            world.scan_a, f"P{i:03d}", gemeenten=["GM0141", "GM0153"], transities=["jeugd"]
        )
        client.get(reverse("questionnaire:step", args=[token, 1]))
        respondent.refresh_from_db()
        scales.update(respondent.plan["schalen"])
        block.update(respondent.plan["blok"])
    # 10 respondents × 3 scales over 5 scales: exactly 6 each; 10 over 2 gemeenten: 5 each
    assert sorted(scales.values()) == [6] * 5
    assert sorted(block.values()) == [5, 5]


def test_the_start_page_counts_only_the_planned_questions(client: Client, world: World) -> None:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get(reverse("questionnaire:start", args=[world.token_a])).content.decode()
    route = build_route(world.respondent_a, "en", names=False)
    # one gemeente, two transities, both perspectieven: 12 × 4 axis rows, 3 × 4 condition
    # statements, 4 agreements and 5 obstacles
    assert route.total_items == 48 + 12 + 9
    assert re.search(rf"You answer {route.total_items} questions on \d+ pages", page)
