"""The story pages on a phone (390 px) and a laptop (1280 px): region overview, gemeente page
and provider page of the demo.

Each page must be axe-clean, never wider than the screen (also with every table opened), and
show its picture before any table: on a laptop the first chart starts within the first
screen. Screenshots go to `test-artifacts/screenshots/results-story-*.png`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from browser.conftest import (
    DESKTOP,
    PHONE,
    _new_page,
    assert_accessible,
    horizontal_overflow,
    login_as,
    screenshot,
    url,
)
from regiekompas.web.demo import setup_demo
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import OpenAnswer
from regiekompas.web.scans.models import Scan

QUOTES = (
    "Het wijkteam en de huisartsen weten elkaar snel te vinden.",
    "Eén loket voor jeugd en Wmo zou veel dubbel werk schelen.",
    "De contracten laten te weinig ruimte om samen iets te proberen.",
    "We praten veel over elkaar en te weinig met elkaar.",
    "Cliënten merken nog weinig van de afspraken die we maken.",
    "De rolverdeling tussen gemeente en aanbieders is niet helder.",
)


@pytest.fixture
def demo(live_server: Any) -> Scan:
    scan = setup_demo(password="demo-wachtwoord-voor-de-test", respondenten=12).scan
    # Free text of six respondents of Enschede, written before the results were published.
    # Imported respondents are in the published snapshot; the demo's example respondent is not.
    imported = Respondent.objects.filter(scan=scan, source=Respondent.Source.IMPORT)
    writers = [r for r in imported if "GM0153" in (r.gemeenten or [])][: len(QUOTES)]
    assert len(writers) == len(QUOTES)
    for respondent, text in zip(writers, QUOTES, strict=False):
        OpenAnswer.objects.create(respondent=respondent, question="open1", text=text)
    OpenAnswer.objects.filter(respondent__scan=scan).update(
        updated_at=timezone.now() - timedelta(days=1)
    )
    return scan


def _facilitator(scan: Scan) -> Any:
    return scan.region.memberships.select_related("user").first().user


def _open_every_disclosure(page: Any) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


def _tables_fit(page: Any) -> None:
    """No table wider than its column: stacked on a phone, no column cut off."""
    too_wide = page.evaluate(
        """[...document.querySelectorAll('.rk-table-wrap')]
            .filter(w => w.scrollWidth > w.clientWidth + 1)
            .map(w => w.querySelector('table')?.id || w.querySelector('caption')?.textContent)"""
    )
    assert too_wide == [], too_wide


def _check(page: Any, name: str, viewport: dict[str, int]) -> None:
    assert_accessible(page)
    assert horizontal_overflow(page) == 0
    screenshot(page, f"{name}-{viewport['width']}")
    _open_every_disclosure(page)
    assert horizontal_overflow(page) == 0
    _tables_fit(page)
    assert_accessible(page)


def _first_chart_top(page: Any) -> float:
    box = page.locator("main svg[role=img]").first.bounding_box()
    assert box is not None
    return float(box["y"])


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_region_overview_shows_the_pictures_before_any_table(
    live_server: Any, browser: Any, demo: Scan, viewport: dict[str, int]
) -> None:
    page = _new_page(browser, viewport)
    login_as(page, live_server, _facilitator(demo))
    page.goto(url(live_server, "results:overview", demo.pk))
    plots = page.locator("svg.rk-chart--arrows")
    expect(plots).to_have_count(len(demo.transities))
    expect(page.locator("svg.rk-chart--matrix")).to_have_count(1)
    sentence = page.locator(".rk-sentence").first
    expect(sentence).to_contain_text("Ambitie:")
    expect(sentence).to_contain_text("praktijk:")
    # The story comes before the tables: every table starts closed behind a disclosure.
    expect(page.locator("details table").first).to_be_hidden()
    if viewport is DESKTOP:
        assert _first_chart_top(page) < DESKTOP["height"]
    expect(page.locator("#advies-kop")).to_be_visible()
    _check(page, "results-story-overview", viewport)
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_gemeente_page_tells_its_story_with_anonymous_quotes(
    live_server: Any, browser: Any, demo: Scan, viewport: dict[str, int]
) -> None:
    page = _new_page(browser, viewport)
    login_as(page, live_server, _facilitator(demo))
    page.goto(url(live_server, "results:gemeente", demo.pk, "GM0153"))
    expect(page.locator("h1")).to_have_text("Enschede")
    lines = page.locator("#transities li")
    expect(lines).to_have_count(len(demo.transities))
    expect(lines.first).to_contain_text("kloof")
    expect(page.locator("#laagste")).to_contain_text("De laagste conditie is")
    expect(page.locator("svg.rk-chart--arrows")).to_be_visible()
    if viewport is DESKTOP:
        assert _first_chart_top(page) < DESKTOP["height"]
    quotes = page.locator(".rk-quote blockquote")
    expect(quotes).to_have_count(len(QUOTES))
    for text in QUOTES:
        expect(page.locator("#citaten")).to_contain_text(text)
    _check(page, "results-story-gemeente", viewport)
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_provider_page_lists_its_gemeenten_and_regimes(
    live_server: Any, browser: Any, demo: Scan, viewport: dict[str, int]
) -> None:
    contract = demo.region.contracten.order_by("organisatie").first()
    assert contract is not None, "the demo region has contracts"
    page = _new_page(browser, viewport)
    login_as(page, live_server, _facilitator(demo))
    page.goto(url(live_server, "results:providers", demo.pk))
    expect(page.locator("#aanbieders")).to_be_visible()
    page.goto(url(live_server, "results:provider", demo.pk, contract.organisatie))
    expect(page.locator("h1")).to_have_text(contract.organisatie)
    expect(page.locator("#bron")).to_contain_text("contracten")
    expect(page.locator("svg.rk-chart--matrix")).to_be_visible()
    expect(page.locator("#regimes li").first).to_contain_text("regionaal gemiddelde")
    _check(page, "results-story-provider", viewport)
    page.context.close()


def test_a_facilitator_hides_a_quote_without_javascript(
    live_server: Any, browser: Any, demo: Scan
) -> None:
    page = _new_page(browser, PHONE, javascript=False)
    login_as(page, live_server, _facilitator(demo))
    page.goto(url(live_server, "results:gemeente", demo.pk, "GM0153"))
    first = page.locator(".rk-quote").filter(has_text=QUOTES[0])
    first.get_by_role("button", name="Dit citaat verbergen").click()
    expect(page.locator(".utrecht-alert")).to_contain_text("verborgen")
    expect(page.locator("#citaten")).not_to_contain_text(QUOTES[0])
    expect(page.locator(".rk-quote blockquote")).to_have_count(len(QUOTES) - 1)
    page.context.close()
