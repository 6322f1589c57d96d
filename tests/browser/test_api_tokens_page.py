"""The API token page in the browser: axe-core on a phone and a desktop, in Dutch and
English, with a token just made (shown once) and a list holding an active and a revoked one.
Screenshots in test-artifacts/screenshots/api-tokens-*.png."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from browser.conftest import (
    axe_violations,
    build_scene,
    horizontal_overflow,
    login_as,
    screenshot,
    url,
)
from regiekompas.web.api.tokens import issue, revoke


@pytest.mark.parametrize(("language", "viewport"), [("nl", "phone"), ("en", "desktop")])
def test_the_token_page_is_accessible_and_shows_a_new_token_once(
    language: str, viewport: str, live_server: Any, request: pytest.FixtureRequest
) -> None:
    page = request.getfixturevalue(viewport)
    scene = build_scene()
    old, _secret = issue(scene.region, "Excel oud", scene.facilitator)
    revoke(old, scene.facilitator)
    login_as(page, live_server, scene.facilitator)
    page.goto(url(live_server, "regions:detail", scene.region.pk))
    if language == "en":
        page.locator("form.rk-language button[name=language][value=en]").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    link = "Manage API tokens" if language == "en" else "API-sleutels beheren"
    page.get_by_role("link", name=link).click()

    name = "Name" if language == "en" else "Naam"
    page.get_by_label(name).fill("Power BI jeugd")
    button = "Make token" if language == "en" else "Sleutel maken"
    page.get_by_role("button", name=button).click()

    token = page.get_by_label("Token" if language == "en" else "Sleutel", exact=True)
    expect(token).to_have_value(re.compile(r"^rk_[A-Za-z0-9_-]{43}$"))
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("row", name=re.compile("Power BI jeugd"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Excel oud"))).to_have_count(0)

    problems = []
    violations = axe_violations(page)
    if violations:
        problems.append("axe: " + json.dumps(violations, indent=1, ensure_ascii=False))
    if viewport == "phone" and horizontal_overflow(page):
        problems.append(f"scrolls sideways by {horizontal_overflow(page)} px at 390 px")
    screenshot(page, f"api-tokens-{language}-{viewport}")
    assert problems == []

    page.goto(page.url)  # the same page again, by GET: the token is not shown any more
    expect(page.locator("#new-token")).to_have_count(0)
