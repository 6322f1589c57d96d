"""The results pages show the figures of the analysis of the demo's answers.

The expected figures are computed here straight from core (`analyse_with_advice` on
`scan_dataset(scan)` with the page's settings), not through the results app, and compared
with what a reader sees: the quadrant names in the overview and the positions on a cell page.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from browser.conftest import screenshot, url
from regiekompas.core.analysis import Document, round_document
from regiekompas.core.model import load_model
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.core.vocabulary import GRENS
from regiekompas.web.demo import DEMO_USERNAME, setup_demo
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.results.service import results_settings
from regiekompas.web.scans.models import Scan

DEMO_PASSWORD = "demo-wachtwoord-voor-de-test"


def _document(scan: Scan) -> Document:
    document, _advice = analyse_with_advice(
        scan_dataset(scan), settings=results_settings(scan), instrument=scan.instrument()
    )
    return round_document(document)


def _dutch(value: float | None) -> str:
    """A figure as a Dutch page writes it: two decimals, decimal comma, never "-0,00"."""
    if value is None:
        return "—"
    rounded = round(value, 2) or 0.0
    return f"{rounded:.2f}".replace(".", ",")


def _log_in_as_demo(page: Any, live_server: Any) -> None:
    page.goto(url(live_server, "accounts:login"))
    page.locator("#id_username").fill(DEMO_USERNAME)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(url(live_server, "regions:list"))


@pytest.fixture
def demo(live_server: Any) -> Scan:
    return setup_demo(password=DEMO_PASSWORD, respondenten=6).scan


def test_the_overview_shows_the_quadrants_of_the_analysis(
    live_server: Any, desktop: Any, demo: Scan
) -> None:
    document = _document(demo)
    model = load_model()
    _log_in_as_demo(desktop, live_server)
    desktop.goto(url(live_server, "results:overview", demo.pk))
    table = desktop.locator("table.rk-overview")
    # The table is the alternative of the matrix picture, behind a disclosure.
    expect(table).to_be_hidden()
    desktop.locator("details:has(table.rk-overview) > summary").click()
    expect(table).to_be_visible()

    cells = document["cellen"]
    assert cells, "the demo has positions"
    for row in cells:
        shown = table.locator(
            f"tr[data-gemeente='{row['gemeente_code']}'] "
            f"td[data-transitie='{row['transitie']}'] "
            f"[data-perspectief='{row['perspectief']}'] .rk-position"
        )
        if row["kwadrant"] == GRENS:
            expect(shown).to_have_class("rk-position rk-position--border")
        else:
            expect(shown).to_have_text(model.quadrant(row["kwadrant"]).name.get("nl"))
    # No cell shows a quadrant the analysis did not give.
    assert table.locator(".rk-position").count() == len(cells)
    gemeenten = {g.code for g in demo.region.gemeenten.all()}
    assert table.locator("tbody tr").count() == len(gemeenten)
    screenshot(desktop, "results-overview-demo-desktop")


def test_a_cell_page_shows_the_plot_and_the_same_positions_as_the_analysis(
    live_server: Any, phone: Any, demo: Scan
) -> None:
    document = _document(demo)
    model = load_model()
    both = {}
    for row in document["cellen"]:
        both.setdefault((row["gemeente_code"], row["transitie"]), {})[row["perspectief"]] = row
    (gemeente, transitie), rows = next(
        (key, value) for key, value in sorted(both.items()) if len(value) == 2
    )
    _log_in_as_demo(phone, live_server)
    phone.goto(url(live_server, "results:cell", demo.pk, gemeente, transitie))

    plot = phone.locator("figure svg[role=img]").first
    expect(plot).to_be_visible()
    title = plot.locator("title")
    expect(title).to_have_count(1)
    assert title.text_content(), "the plot has an accessible name"
    assert plot.locator("desc").text_content(), "the plot has a description"
    labelled = plot.get_attribute("aria-labelledby") or ""
    assert title.get_attribute("id") in labelled.split()

    table = phone.locator("table#posities")
    body_rows = table.locator("tbody tr")
    expect(body_rows).to_have_count(2)
    # Ambitie first, then praktijk, as on every results page.
    for index, perspectief in enumerate(("ambitie", "praktijk")):
        expected = rows[perspectief]
        cells = body_rows.nth(index).locator("td")
        expect(cells.nth(0)).to_have_text(_dutch(expected["cc"]))
        expect(cells.nth(2)).to_have_text(_dutch(expected["dc"]))
        expect(cells.nth(5)).to_have_text(str(expected["n"]))
        if expected["kwadrant"] != GRENS:
            expect(cells.nth(4)).to_contain_text(
                model.quadrant(expected["kwadrant"]).name.get("nl")
            )
    gap = next(
        r
        for r in document["kloof"]
        if (r["gemeente_code"], r["transitie"]) == (gemeente, transitie)
    )
    expect(phone.locator("#kloof")).to_contain_text(_dutch(gap["waarde"]))
    screenshot(phone, "results-cell-demo-phone")
