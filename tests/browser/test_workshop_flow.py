"""A live workshop in the browser: a facilitator on a 1920 × 1080 projector, three phones.

One phone drags its dot, one places it with the keyboard only (Tab to the sliders, arrow
keys, Enter), one has no JavaScript at all and posts the slider form; the projector shows
the room without a reload (htmx polling), the facilitator reveals the dots, and both views
pass axe-core. Screenshots go to test-artifacts/screenshots/workshop-*.png.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import (
    PHONE,
    assert_accessible,
    build_scene,
    horizontal_overflow,
    login_as,
    screenshot,
    url,
)

PROJECTOR = {"width": 1920, "height": 1080}
PLACED = re.compile(r"^Geplaatst: ")


def _context_page(browser: Any, viewport: dict[str, int], *, javascript: bool = True) -> Any:
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript, locale="nl-NL")
    context.set_default_timeout(15_000)
    return context.new_page()


def _join(page: Any, live_server: Any, code: str) -> None:
    page.goto(url(live_server, "workshop_join:start"))
    page.get_by_label("Deelnamecode").fill(f"{code[:3].lower()} {code[3:].lower()}")
    page.get_by_role("button", name="Meedoen").click()
    page.get_by_label("Gemeente: beleid").check()
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("heading", name="Praktijk: zoals het nu werkt").wait_for()


def _tab_to(page: Any, element_id: str) -> None:
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def _keyboard_place(page: Any) -> None:
    """cc 6 steps right (0.30), dc 4 steps up (0.20), then the button: keyboard only."""
    _tab_to(page, "cc-praktijk")
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "dc-praktijk"
    for _ in range(4):
        page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")


def _version(page: Any) -> int:
    return int(page.locator("#kamer").get_attribute("data-version"))


@pytest.mark.django_db(transaction=True)
def test_a_facilitator_runs_a_workshop_with_three_phones(browser: Any, live_server: Any) -> None:
    scene = build_scene()
    projector = _context_page(browser, PROJECTOR)
    phones = [
        _context_page(browser, PHONE),
        _context_page(browser, PHONE),
        _context_page(browser, PHONE, javascript=False),
    ]
    try:
        login_as(projector, live_server, scene.facilitator)
        projector.goto(url(live_server, "workshop:create"))
        projector.get_by_label("Titel").fill("Regietafel Twente")
        projector.get_by_label("Scan").select_option(label=scene.scan.name)
        projector.get_by_label("Wmo", exact=True).uncheck()  # the scan covers jeugd only
        projector.get_by_role("button", name="Starten").click()
        code_text = projector.locator(".rk-ws__code").inner_text()
        code = re.sub(r"[^A-Z0-9]", "", code_text.split(":")[-1])
        assert len(code) == 6
        assert projector.locator("img.rk-ws__qr").evaluate("img => img.naturalWidth") > 0
        assert_accessible(projector)

        # Phone 1 drags its praktijk dot to the lower left (Afspreken).
        _join(phones[0], live_server, code)
        plane = phones[0].locator("#sleep-praktijk")
        plane.scroll_into_view_if_needed()
        box = plane.bounding_box()
        phones[0].mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        phones[0].mouse.down()
        phones[0].mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.7, steps=5)
        phones[0].mouse.up()
        phones[0].locator("#status-praktijk").get_by_text(PLACED).wait_for()

        # Phone 2: keyboard only, with the sliders.
        _join(phones[1], live_server, code)
        _keyboard_place(phones[1])
        phones[1].locator("#status-praktijk").get_by_text(
            "Geplaatst: cocreatie–controle 0,30, decentraal–centraal 0,20."
        ).wait_for()
        assert_accessible(phones[1])
        screenshot(phones[1], "workshop-phone")

        # Phone 3 has no JavaScript: the same sliders in a plain form post.
        _join(phones[2], live_server, code)
        _keyboard_place(phones[2])
        phones[2].locator("#status-praktijk").get_by_text(PLACED).wait_for()
        assert phones[2].url.endswith("#praktijk")

        # The projector learned of three participants and dots by polling, not by a reload.
        projector.locator("#kamer").get_by_text("3 deelnemers").wait_for(timeout=5_000)
        assert projector.locator(".rk-room__dots > g").count() == 0  # still hidden
        projector.get_by_role("button", name="Stippen tonen").click()
        assert projector.locator(".rk-room__dots > g").count() == 3
        assert projector.get_by_text("Gemeente: beleid (n = 3)").count() == 1

        # A moved dot reaches the projector within 2 s.
        before = _version(projector)
        phones[0].get_by_label("Wie beslist: van cocreatie (links) tot controle (rechts)").nth(
            0
        ).focus()
        phones[0].keyboard.press("End")
        phones[0].get_by_role("button", name="Plaats mijn ambitie-stip").click()
        phones[0].locator("#status-ambitie").get_by_text(PLACED).wait_for()
        projector.wait_for_function(
            "v => Number(document.querySelector('#kamer').dataset.version) > v",
            arg=before,
            timeout=2_000,
        )
        assert projector.locator(".rk-room__dots > g").count() == 4

        assert_accessible(projector)
        assert horizontal_overflow(projector) == 0
        screenshot(projector, "workshop-projector")
        projector.set_viewport_size(PHONE)
        assert horizontal_overflow(projector) == 0
        screenshot(projector, "workshop-projector-phone")
    finally:
        for page in (projector, *phones):
            page.context.close()
