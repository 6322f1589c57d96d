"""A respondent answers the whole questionnaire on a phone, with and without JavaScript.

The respondent is a provider that works for 9 gemeenten on Jeugd, the case of issue 9: the
scan's maximum of 3 gives them a planned subset. The test walks the route page by page as
it comes, whatever it holds: on every statement it picks a choice per row by its visible
label, and every third row it uses "same as above" instead (with JavaScript the row is
ticked and saved by htmx; without, the page is saved and comes back at that row). It ticks
boxes, fills in text, takes a screenshot of every page at 390 × 844 and checks that nothing
scrolls sideways and no heading breaks a word. Afterwards the database must hold exactly
what the pages showed as chosen, and every row of the planned route must be answered.

The same walk, with JavaScript, waits on every page the reading and answering time of the
reading-time model (scaled down, `RK_PACE_SCALE`, 0.02 by default): what the walk takes
beyond those waits is what the browser and the server add, which the model's allowance per
page has to cover (docs/questionnaire.md, "Honest time").
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from browser.conftest import (
    PHONE,
    Scene,
    assert_accessible,
    build_scene,
    horizontal_overflow,
    screenshot,
    url,
)
from regiekompas.core.questionnaire import PACE
from regiekompas.core.questionnaire.timing import page_seconds
from regiekompas.core.simulate import TWENTE
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.questionnaire.burden import burden, page_loads
from regiekompas.web.questionnaire.steps import build_route
from regiekompas.web.responses.models import Answer, MechanismUse, OpenAnswer

NINE = dict(TWENTE[:9])
#: The tallest page allowed at 390 × 844 (CSS px): about seven screens (an axis page with two
#: statements of six rows each is about 5,500; it was 7,450 before the two-column answers).
MAX_PAGE_HEIGHT = 6000
PACE_SCALE = float(os.environ.get("RK_PACE_SCALE", "0.02"))

AnswerKey = tuple[str, str, str, str]


def build_provider_scene() -> Scene:
    """A provider working for 9 gemeenten on Jeugd, in a scan of both perspectives."""
    from web.conftest import make_region, make_respondent, make_scan, make_user

    facilitator = make_user("facilitator")
    region = make_region("Twente", NINE, facilitator)
    scan = make_scan(region, name="Regiescan Twente 2026", transities=["jeugd"], k=3)
    respondent, token = make_respondent(
        scan,
        "R0001",
        groep="aanbieder_professional",
        organisatie="Jeugdzorg Oost",
        gemeenten=list(NINE),
        transities=["jeugd"],
        email="r1@example.nl",
    )
    return Scene(facilitator, region, scan, respondent, token)


@dataclass
class Given:
    """What the pages showed as chosen when the respondent went on."""

    values: dict[AnswerKey, int | None] = field(default_factory=dict)
    mechanisms: set[tuple[str, str]] = field(default_factory=set)
    texts: dict[tuple[str, str], str] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)
    copies: int = 0
    #: Full-page height of every page in CSS pixels, in the order walked.
    heights: list[int] = field(default_factory=list)
    waited: float = 0.0
    #: Seconds spent on screenshots and axe, which a respondent does not wait for.
    tooling: float = 0.0


def _value(raw: str) -> int | None:
    return None if raw == "weet_niet" else int(raw)


def _record(page: Any, given: Given) -> None:
    """Read the page's state just before going on: that is what must be stored."""
    for box in page.locator("input[type=radio]:checked").all():
        item, g, t, p = (box.get_attribute("name") or "").split(":")
        given.values[(g, t, p, item)] = _value(box.get_attribute("value") or "")
    for box in page.locator("input[type=checkbox]").all():
        name = box.get_attribute("name") or ""
        if name.startswith("mechanisme:"):
            if box.is_checked():
                given.mechanisms.add((name.split(":")[1], box.get_attribute("value") or ""))
        else:
            item, g, _t, _p = name.split(":")
            given.values[(g, "", "", item)] = int(box.is_checked())
    for area in page.locator("textarea").all():
        name = area.get_attribute("name") or ""
        text = area.input_value().strip()
        if text:
            question, _sep, gemeente = name.partition(":")
            given.texts[(gemeente, question)] = text


def _check_layout(page: Any, given: Given) -> None:
    given.pages.append(page.url)
    given.heights.append(int(page.evaluate("document.documentElement.scrollHeight")))
    assert horizontal_overflow(page) == 0, f"horizontal scroll at 390 px on {page.url}"
    # No heading or legend breaks a word: every word of it fits on one line.
    broken = page.evaluate(
        r"""() => {
            const out = [];
            for (const el of document.querySelectorAll('h1, h2, legend')) {
                const range = document.createRange();
                for (const node of el.childNodes) {
                    if (node.nodeType !== Node.TEXT_NODE) continue;
                    const text = node.textContent;
                    const re = /\S+/g;
                    let m;
                    while ((m = re.exec(text))) {
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        if (range.getClientRects().length > 1) out.push(m[0]);
                    }
                }
            }
            return out;
        }"""
    )
    assert not broken, f"words broken over two lines on {page.url}: {broken}"


def _wait(seconds: float, given: Given) -> None:
    pause = seconds * PACE_SCALE
    given.waited += pause
    time.sleep(pause)


def _answer_page(page: Any, javascript: bool, given: Given, number: int) -> None:
    statements = page.locator("fieldset.rk-q:has(input[type=radio])")
    for q in range(statements.count()):
        rows = statements.nth(q).locator(".rk-q__row")
        for r in range(rows.count()):
            row = statements.nth(q).locator(".rk-q__row").nth(r)
            labels = row.locator("label.rk-q__label")
            # Without JavaScript the copy reloads the page, so it is used once a page there.
            copy = (q + r) % 3 == 0 if javascript else (q == 0 and r == 1)
            if r > 0 and copy:
                above = statements.nth(q).locator(".rk-q__row").nth(r - 1)
                expected = above.locator("input:checked").get_attribute("value")
                row.locator("button.rk-q__copy").click()
                given.copies += 1
                row = statements.nth(q).locator(".rk-q__row").nth(r)
                expect(row.locator(f"input[value='{expected}']")).to_be_checked()
                if javascript:
                    expect(row.locator(".rk-q-status__ok")).to_be_visible()
            else:
                label = labels.nth((number + q + r) % labels.count()).inner_text()
                row.get_by_label(label, exact=True).check()
                if javascript:
                    expect(row.locator(".rk-q-status__ok")).to_be_visible()
            _wait(PACE.first_row_s if r == 0 else PACE.next_row_s, given)
    checklists = page.locator("fieldset.rk-q:has(input[type=checkbox])")
    for c in range(checklists.count()):
        boxes = checklists.nth(c).locator("input[type=checkbox]")
        for b in (c % 3, c % 3 + 3):
            if b < boxes.count():
                label = checklists.nth(c).locator("label.rk-q__label").nth(b).inner_text()
                checklists.nth(c).get_by_label(label, exact=True).check()
                if javascript:
                    expect(checklists.nth(c).locator(".rk-q-status__ok")).to_be_visible()
                _wait(PACE.tick_s, given)
    areas = page.locator("textarea")
    if areas.count():
        areas.first.fill(f"Toelichting op pagina {number}: wachtlijsten in de jeugdhulp.")
        if javascript:
            # Let htmx save the text before the page is sent: the test server shares one
            # database connection between its threads, so two requests must not overlap.
            # (the text saves on change and 1.5 s after typing stops)
            areas.first.press("Tab")
            status = areas.first.locator("xpath=ancestor::div[contains(@class, 'rk-q')][1]")
            expect(status.locator(".rk-q-status__ok")).to_be_visible()
            page.wait_for_timeout(2000)


def assert_accessible_as_served(page: Any) -> None:
    """axe-core on a page as a browser without JavaScript shows it.

    axe needs scripts to run (its checks wait on timers), which a context without
    JavaScript never fires. So the page's HTML as served — no script of the page ran, so
    the DOM is what the server sent — is loaded into a context with JavaScript whose page
    scripts are all blocked, at the same address, size and styles, and axe runs there.
    """
    html = page.content()
    address = page.url.split("#", 1)[0]

    def serve(route: Any) -> None:
        request = route.request
        if request.resource_type == "script":
            route.abort()
        elif request.url.split("#", 1)[0] == address:
            route.fulfill(status=200, body=html, content_type="text/html; charset=utf-8")
        else:
            route.continue_()

    context = page.context.browser.new_context(viewport=page.viewport_size, locale="nl-NL")
    try:
        checker = context.new_page()
        checker.route("**/*", serve)
        checker.goto(address)
        assert checker.evaluate("typeof htmx") == "undefined"  # no page script ran
        assert_accessible(checker)
    finally:
        context.close()


def _walk(page: Any, live_server: Any, scene: Scene, javascript: bool, shots: str) -> Given:
    given = Given()
    route = build_route(Respondent.objects.get(pk=scene.respondent.pk), "nl", names=True)
    loads = page_loads(route)
    seen: set[str] = set()
    reading = [page_seconds(load, seen) for load in loads]  # what the model allows per page
    start = url(live_server, "questionnaire:start", scene.token)
    page.goto(start)
    expect(page.get_by_role("heading", level=1)).to_have_text(scene.scan.name)
    _check_layout(page, given)
    screenshot(page, f"{shots}-00-start")
    _wait(reading[0] - PACE.page_s, given)
    page.locator("a.utrecht-button-link--primary-action").click()
    number = 1
    while "/stap/" in page.url:
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        _check_layout(page, given)
        if number in (1, 2, len(route.steps) - 3, len(route.steps) - 1):
            began = time.monotonic()
            if javascript:
                assert_accessible(page)
            else:
                assert_accessible_as_served(page)
            given.tooling += time.monotonic() - began
        load = loads[number]
        answer_time = (
            load.statements * PACE.first_row_s
            + load.rows * PACE.next_row_s
            + load.ticks * PACE.tick_s
        )
        _wait(max(reading[number] - PACE.page_s - answer_time, 0.0), given)
        _answer_page(page, javascript, given, number)
        began = time.monotonic()
        screenshot(page, f"{shots}-{number:02d}")
        given.tooling += time.monotonic() - began
        _record(page, given)
        page.locator(".rk-q-actions button[value=verder]").click()
        number += 1
    expect(page).to_have_url(f"{start}overzicht/")
    _check_layout(page, given)
    screenshot(page, f"{shots}-{number:02d}-review")
    page.locator("form[action$='/verzenden/'] button[type=submit]").click()
    expect(page).to_have_url(f"{start}bedankt/")
    _check_layout(page, given)
    return given


def _assert_stored(scene: Scene, given: Given) -> None:
    respondent = Respondent.objects.get(pk=scene.respondent.pk)
    route = build_route(respondent, "nl", names=False)
    rows = list(
        Answer.objects.filter(respondent=respondent).values_list(
            "gemeente_code", "transitie", "perspectief", "item", "value"
        )
    )
    stored = {(g, t, p, item): value for g, t, p, item, value in rows}
    assert len(rows) == len(stored), "an item was stored twice"
    assert stored == given.values
    # every row of the planned route was answered, nothing outside it
    planned = {key for step in route.steps for key in step.keys}
    assert set(stored) == planned
    assert len(route.gemeenten) == 3
    assert set(route.gemeenten) <= set(NINE)
    assert None in stored.values()  # "weet niet" was chosen somewhere, stored as empty
    used = set(
        MechanismUse.objects.filter(respondent=respondent).values_list("gemeente_code", "type")
    )
    assert used == given.mechanisms
    assert len(used) >= 2  # two ticks on the arrangements page of the one planned gemeente
    texts = {
        (g, q): t
        for g, q, t in OpenAnswer.objects.filter(respondent=respondent).values_list(
            "gemeente_code", "question", "text"
        )
    }
    assert texts == given.texts
    assert texts
    assert respondent.submitted_at is not None


def test_a_provider_for_9_gemeenten_completes_the_questionnaire_on_a_phone_with_javascript(
    live_server: Any, phone: Any
) -> None:
    scene = build_provider_scene()
    began = time.monotonic()
    given = _walk(phone, live_server, scene, javascript=True, shots="q-provider9-js")
    measured = time.monotonic() - began
    _assert_stored(scene, given)
    assert given.copies >= 10
    respondent = Respondent.objects.get(pk=scene.respondent.pk)
    estimate = burden(build_route(respondent, "nl", names=False))
    pages = len(given.pages)
    machine = measured - given.waited - given.tooling
    # What the browser and server add (loading, clicking, saving, axe on four pages) must
    # fit in the model's allowance for a page, which it adds on top of reading and answering.
    print(
        f"\nprovider, 9 gemeenten: {estimate.screens} screens, {estimate.questions} questions, "
        f"estimate {estimate.seconds / 60:.1f} min; walked at {PACE_SCALE:g} × the model's "
        f"pace in {measured:.1f} s, of which waiting {given.waited:.1f} s "
        f"(= {given.waited / PACE_SCALE / 60:.1f} model minutes without the page allowance) "
        f"and browser + server {machine:.1f} s over {pages} pages "
        f"({machine / pages:.1f} s a page; the model allows {PACE.page_s:g} s)"
    )
    _report_heights("with JavaScript", given)
    assert machine / pages <= PACE.page_s
    assert estimate.seconds / 60 <= 15
    # the walk waited exactly the model's time except the page allowance
    assert given.waited / PACE_SCALE + pages * PACE.page_s == pytest.approx(
        estimate.seconds, rel=0.05
    )


def test_a_provider_for_9_gemeenten_completes_the_questionnaire_on_a_phone_without_javascript(
    live_server: Any, phone_no_js: Any
) -> None:
    scene = build_provider_scene()
    given = _walk(phone_no_js, live_server, scene, javascript=False, shots="q-provider9-nojs")
    _assert_stored(scene, given)
    assert given.copies >= 5
    _report_heights("without JavaScript", given)


def _report_heights(label: str, given: Given) -> None:
    """Print the page heights; no page may be absurdly tall on a phone."""
    steps = given.heights[1:-2]  # without the start, review and thanks pages
    print(
        f"\npage heights at 390 px {label} (px): start {given.heights[0]}, steps {steps}, "
        f"review {given.heights[-2]}"
    )
    assert max(given.heights) <= MAX_PAGE_HEIGHT, given.heights


def test_a_term_is_explained_in_place_without_javascript(
    live_server: Any, phone_no_js: Any
) -> None:
    scene = build_provider_scene()
    phone_no_js.goto(url(live_server, "questionnaire:step", scene.token, 1))
    term = phone_no_js.locator("details.rk-q-term").filter(has_text="strategische kaders")
    expect(term.locator("summary")).to_have_text(re.compile("Wat betekent ‘strategische kaders’"))
    explanation = term.locator("p")
    expect(explanation).to_be_hidden()
    term.locator("summary").click()
    expect(explanation).to_be_visible()
    expect(explanation).to_contain_text("doelen")
    screenshot(phone_no_js, "q-glossary-open")


def test_the_phone_viewport_is_the_one_the_issue_asks_for(phone: Any) -> None:
    assert phone.viewport_size == PHONE == {"width": 390, "height": 844}


def test_a_revoked_link_shows_the_page_for_a_link_that_no_longer_works(
    live_server: Any, phone: Any
) -> None:
    scene = build_scene()
    Respondent.objects.filter(pk=scene.respondent.pk).update(revoked_at=timezone.now())
    response = phone.goto(url(live_server, "questionnaire:start", scene.token))
    assert response.status == 404
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    # Nothing tells a finder of the old link which scan or region it was for.
    expect(phone.get_by_text(scene.scan.name)).to_have_count(0)
    expect(phone.get_by_text(scene.region.name)).to_have_count(0)
    expect(phone.locator("form.rk-q-form")).to_have_count(0)
    assert horizontal_overflow(phone) == 0


def test_a_closed_scan_shows_the_closed_page_instead_of_the_questions(
    live_server: Any, phone: Any
) -> None:
    scene = build_scene()
    scene.scan.close()
    for name, args in (("questionnaire:start", ()), ("questionnaire:step", (1,))):
        response = phone.goto(url(live_server, name, scene.token, *args))
        assert response.status == 410
        expect(phone.get_by_role("heading", level=1)).to_be_visible()
        expect(phone.locator("input[type=radio]")).to_have_count(0)
    assert horizontal_overflow(phone) == 0
