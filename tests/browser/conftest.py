"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Outside CI a missing Chromium skips these tests (with the reason); with `CI` set it fails
them, so CI can never pass without having looked at the pages. Screenshots of every page
type go to `test-artifacts/screenshots/` for people to look at.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("REGIEKOMPAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _chromium_missing() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _chromium_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def _new_page(browser: Any, viewport: dict[str, int], javascript: bool = True) -> Any:
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript, locale="nl-NL")
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    page = _new_page(browser, PHONE)
    yield page
    page.context.close()


@pytest.fixture
def phone_no_js(browser: Any) -> Iterator[Any]:
    page = _new_page(browser, PHONE, javascript=False)
    yield page
    page.context.close()


@pytest.fixture
def desktop(browser: Any) -> Iterator[Any]:
    page = _new_page(browser, DESKTOP)
    yield page
    page.context.close()


@functools.cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical WCAG 2.1 A/AA violations axe-core finds on the current page.

    axe-core is evaluated into the page only here, through the DevTools protocol (not as a
    <script> tag, which the pages' CSP would block, and not as an init script, which would
    cost every navigation of the flows the time to parse it).
    """
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations'],
        })"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)


def screenshot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- Helpers shared by the browser tests -----------------------------------------------------


def url(live_server: Any, name: str, *args: object) -> str:
    """The live server's absolute address of a named URL."""
    from django.urls import reverse

    return live_server.url + reverse(name, args=args)


def login_as(page: Any, live_server: Any, user: Any) -> None:
    """Give the page's browser a session of `user` without going through the login form.

    The login form itself is tested once (facilitator flow, lockout); every other test
    starts signed in, which keeps the suite fast.
    """
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def horizontal_overflow(page: Any) -> int:
    """How many CSS pixels the page is wider than the viewport (0: no horizontal scroll)."""
    width: int = page.evaluate("document.documentElement.scrollWidth")
    viewport: int = page.evaluate("document.documentElement.clientWidth")
    return max(0, width - viewport)


# --- Small worlds to test against ------------------------------------------------------------
# Plain functions (not fixtures), called from tests that use `live_server`, which gives them
# a transactional database. Kept small: one gemeente, one transitie, both perspectives.

ENSCHEDE = {"GM0153": "Enschede"}


@dataclass
class Scene:
    """A facilitator's region with one open scan and one invited respondent."""

    facilitator: Any
    region: Any
    scan: Any
    respondent: Any
    token: str


def build_scene(*, open_: bool = True, **scan_fields: object) -> Scene:
    from web.conftest import make_region, make_respondent, make_scan, make_user

    facilitator = make_user("facilitator")
    region = make_region("Twente", dict(ENSCHEDE), facilitator)
    fields: dict[str, object] = {"name": "Regiescan Twente 2026", "transities": ["jeugd"], "k": 3}
    fields.update(scan_fields)
    scan = make_scan(region, open_=open_, **fields)
    respondent, token = make_respondent(
        scan, "R0001", gemeenten=["GM0153"], transities=["jeugd"], email="r1@example.nl"
    )
    return Scene(facilitator, region, scan, respondent, token)


def build_results_scene(
    gemeenten: int = 3, respondenten: int = 8, seed: int = 7, publish: bool = True
) -> Scene:
    """A region whose open scan was answered by simulated respondents, with a facilitator;
    the answers are published as interim results unless `publish=False`."""
    from regiekompas.core.simulate import SimulationParams, simulate_region
    from regiekompas.web.responses.loading import store_dataset
    from regiekompas.web.responses.models import Snapshot
    from regiekompas.web.responses.snapshots import publish as publish_snapshot
    from web.conftest import make_region, make_respondent, make_scan, make_user

    sim = simulate_region(
        SimulationParams(gemeenten=gemeenten, respondenten=respondenten, seed=seed)
    )
    names = {g.code: g.naam for g in sim.dataset.gemeenten or ()}
    facilitator = make_user("facilitator")
    region = make_region("Twente (simulatie)", names, facilitator)
    scan = make_scan(
        region, name="Regiescan Twente 2026", transities=list(sim.dataset.responses.transities)
    )
    store_dataset(scan, sim.dataset)
    if publish:
        publish_snapshot(scan, Snapshot.Kind.INTERIM)
    respondent, token = make_respondent(scan, "R-EXTRA")
    return Scene(facilitator, region, scan, respondent, token)
