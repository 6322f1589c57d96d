"""The regie cycle in the browser: a facilitator records a target and an action without
JavaScript, and the next round's gemeente page shows targets, agenda and the trend; the
sections are accessible (axe-core) and do not scroll sideways on a phone. Screenshots at
1280 and 390 px go to test-artifacts/screenshots/cycle-*.png.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from browser.conftest import (
    DESKTOP,
    PHONE,
    assert_accessible,
    horizontal_overflow,
    login_as,
    screenshot,
    url,
)


def _two_rounds() -> tuple[Any, Any, str]:
    from regiekompas.core.simulate import SimulationParams, simulate_region
    from regiekompas.web.accounts.models import Membership
    from regiekompas.web.responses.loading import store_dataset
    from regiekompas.web.responses.models import Snapshot
    from regiekompas.web.responses.snapshots import publish
    from regiekompas.web.targets.services import record_action, record_target
    from web.conftest import make_region, make_scan, make_user

    first_sim = simulate_region(
        SimulationParams(gemeenten=2, respondenten=14, seed=3, transities=("jeugd", "wmo"))
    )
    names = {g.code: g.naam for g in first_sim.dataset.gemeenten or ()}
    facilitator = make_user("facilitator")
    region = make_region("Twente", names, facilitator)
    first = make_scan(region, name="Regiescan 2026", transities=["jeugd", "wmo"])
    store_dataset(first, first_sim.dataset)
    publish(first, Snapshot.Kind.INTERIM)
    gemeente = sorted(names)[0]
    record_target(first, gemeente, "jeugd", None, None, "Sturen",
                  "Eén frontoffice, gemeente stelt kaders", "Wethouder, CZ, drie aanbieders",
                  user=facilitator)  # fmt: skip
    record_action(first, gemeente, onderwerp="relaties", actie="Heidag met aanbieders",
                  eigenaar="Wethouder jeugd", status="klaar")  # fmt: skip
    record_action(first, gemeente, onderwerp="kloof", actie="Visie herijken met partners",
                  eigenaar="Beleidsadviseur", status="bezig")  # fmt: skip
    first.close()
    second = first.copy_as_next_round("Regiescan 2027")
    second.open()
    store_dataset(
        second,
        simulate_region(
            SimulationParams(gemeenten=2, respondenten=14, seed=4, transities=("jeugd", "wmo"))
        ).dataset,
    )
    publish(second, Snapshot.Kind.INTERIM)
    Membership.objects.get_or_create(user=facilitator, region=region)
    return facilitator, second, gemeente


def test_a_facilitator_records_a_target_and_an_action_without_javascript(
    live_server: Any, phone_no_js: Any
) -> None:
    facilitator, scan, gemeente = _two_rounds()
    page = phone_no_js
    login_as(page, live_server, facilitator)
    page.goto(url(live_server, "results:gemeente", scan.pk, gemeente))
    page.get_by_role("link", name="Doelpositie vastleggen voor Wmo").click()
    page.get_by_label("Kwadrant").select_option("Afstemmen")
    page.get_by_label("Toelichting").fill("Gemeente stuurt, aanbieders organiseren zelf")
    page.get_by_label("Afgesproken door").fill("Regiegroep Wmo")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#doelposities tr[data-transitie=wmo]")).to_have_count(1)
    page.get_by_role("link", name="Actie toevoegen").click()
    page.get_by_label("Onderwerp").select_option("vorm")
    page.get_by_label("Actie", exact=True).fill("Convenant frontoffice")
    page.get_by_label("Eigenaar").fill("Inkoop")
    page.get_by_label("Status").select_option("open")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#voortgang")).to_contain_text("1 van 3 acties klaar, 1 bezig.")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_next_rounds_gemeente_page_shows_targets_agenda_and_trend(
    live_server: Any, browser: Any, viewport: dict[str, int]
) -> None:
    facilitator, scan, gemeente = _two_rounds()
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    login_as(page, live_server, facilitator)
    page.goto(url(live_server, "results:gemeente", scan.pk, gemeente) + "#doelen")
    for section in ("#doelen", "#agenda", "#trend"):
        assert page.locator(section).is_visible()
    assert "buiten de ruis" in page.locator("#trendtabel").inner_text()
    assert "-0,00" not in page.content()
    assert_accessible(page)
    assert horizontal_overflow(page) == 0
    name = "desktop" if viewport == DESKTOP else "phone"
    folder = screenshot(page, f"cycle-gemeente-{name}").parent
    for section in ("doelen", "agenda", "trend"):
        page.locator(f"#{section}").screenshot(path=str(folder / f"cycle-{section}-{name}.png"))
    page.goto(url(live_server, "targets:target", scan.pk, gemeente, "wmo"))
    assert_accessible(page)
    assert horizontal_overflow(page) == 0
    page.goto(url(live_server, "targets:action_add", scan.pk, gemeente))
    assert_accessible(page)
    page.goto(url(live_server, "results:overview", scan.pk) + "#beweging")
    assert page.locator("#beweging svg").count() == 2
    assert_accessible(page)
    assert horizontal_overflow(page) == 0
    page.locator("#beweging figure").first.screenshot(
        path=str(folder / f"cycle-movement-{name}.png")
    )
    context.close()
