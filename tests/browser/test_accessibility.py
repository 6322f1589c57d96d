"""axe-core on every page type, on a phone (390 × 844) and a desktop, with a screenshot of each.

Each page type is one function that builds the little data it needs and brings the browser
there, so a failure names the page and viewport (`test_page_is_accessible[gemeenten-phone]`).
Besides axe's serious and critical WCAG 2.1 A/AA violations, a phone page must not scroll
sideways (wide tables scroll inside their own `.rk-table-wrap`). Screenshots land in
test-artifacts/screenshots/<page>-<viewport>.png whatever the outcome, to look at.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from browser.conftest import (
    axe_violations,
    build_results_scene,
    build_scene,
    horizontal_overflow,
    login_as,
    screenshot,
    url,
)
from regiekompas.web.scans.models import Scan
from web.conftest import make_user

Visit = Callable[[Any, Any], None]
PAGES: dict[str, Visit] = {}

#: The questionnaire's numbered steps for one gemeente, one transitie and both perspectives.
STEPS = {"axis": 1, "conditions": 3, "agreements": 5, "mechanisms": 6, "free-text": 7}


def page_type(name: str) -> Callable[[Visit], Visit]:
    def register(visit: Visit) -> Visit:
        PAGES[name] = visit
        return visit

    return register


def _as_facilitator(page: Any, live_server: Any, **scan_fields: object) -> Scan:
    scene = build_scene(**scan_fields)
    login_as(page, live_server, scene.facilitator)
    return scene.scan


def _submit_main_form(page: Any) -> None:
    page.locator("main form[method=post] button[type=submit]").first.click()


def _switch_to_english(page: Any) -> None:
    page.locator("form.rk-language button[name=language][value=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


# --- Account pages ---------------------------------------------------------------------------


@page_type("login")
def _login(page: Any, live_server: Any) -> None:
    page.goto(url(live_server, "accounts:login"))


@page_type("login-failed")
def _login_failed(page: Any, live_server: Any) -> None:
    make_user("someone")
    page.goto(url(live_server, "accounts:login"))
    page.locator("#id_username").fill("someone")
    page.locator("#id_password").fill("not the password")
    _submit_main_form(page)
    expect(page.locator(".utrecht-alert--error")).to_be_visible()


@page_type("password-reset")
def _password_reset(page: Any, live_server: Any) -> None:
    page.goto(url(live_server, "accounts:password_reset"))


@page_type("locked-out")
def _locked_out(page: Any, live_server: Any) -> None:
    make_user("someone")
    page.goto(url(live_server, "accounts:login"))
    for _attempt in range(6):
        if page.locator("#id_password").count() == 0:
            break
        page.locator("#id_username").fill("someone")
        page.locator("#id_password").fill("wrong password")
        # Wait for each answer: a count taken while the next page loads would see the old form.
        with page.expect_navigation():
            _submit_main_form(page)
    expect(page.locator("#id_password")).to_have_count(0)


# --- Region pages ----------------------------------------------------------------------------


@page_type("region-list")
def _region_list(page: Any, live_server: Any) -> None:
    _as_facilitator(page, live_server)
    page.goto(url(live_server, "regions:list"))


@page_type("region-create")
def _region_create(page: Any, live_server: Any) -> None:
    _as_facilitator(page, live_server)
    page.goto(url(live_server, "regions:create"))


@page_type("region-create-errors")
def _region_create_errors(page: Any, live_server: Any) -> None:
    _as_facilitator(page, live_server)
    page.goto(url(live_server, "regions:create"))
    _submit_main_form(page)
    expect(page.locator(".utrecht-form-field-error-message").first).to_be_visible()


@page_type("region-detail")
def _region_detail(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "regions:detail", scan.region_id))


@page_type("gemeenten")
def _gemeenten(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "regions:gemeenten", scan.region_id) + "?q=Overijssel")


@page_type("region-import")
def _region_import(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "regions:import", scan.region_id))


@page_type("region-import-errors")
def _region_import_errors(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "regions:import", scan.region_id))
    contracten = b"organisatie,gemeente_code,transitie\nZorg Oost,GM0599,jeugd\nZorg West,,wmo\n"
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "contracten.csv", "mimeType": "text/csv", "buffer": contracten}]
    )
    _submit_main_form(page)
    expect(page.locator("table.rk-report")).to_be_visible()


@page_type("members")
def _members(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "regions:members", scan.region_id))


# --- Scan pages ------------------------------------------------------------------------------


@page_type("scan-create")
def _scan_create(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "scans:create", scan.region_id))


@page_type("scan-detail")
def _scan_detail(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "scans:detail", scan.pk))


@page_type("scan-open-confirmation")
def _scan_open_confirmation(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server, open_=False)
    page.goto(url(live_server, "scans:detail", scan.pk) + "?bevestigen=openen")
    expect(page.locator("section.rk-confirm")).to_be_visible()


@page_type("respondents")
def _respondents(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "invitations:list", scan.pk))


@page_type("respondent-add")
def _respondent_add(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "invitations:add", scan.pk))


@page_type("roster-import")
def _roster_import(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "invitations:import", scan.pk))


@page_type("roster-import-errors")
def _roster_import_errors(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "invitations:import", scan.pk))
    roster = (
        b"respondent_id,groep,organisatie,gemeenten,transities,email\n"
        b"A1,burgemeester,,GM0153,jeugd,\n"  # an unknown stakeholder group
    )
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "roster.csv", "mimeType": "text/csv", "buffer": roster}]
    )
    _submit_main_form(page)
    expect(page.locator("#import-errors")).to_be_visible()


@page_type("response-rates")
def _response_rates(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "invitations:rates", scan.pk))


@page_type("response-import")
def _response_import(page: Any, live_server: Any) -> None:
    scan = _as_facilitator(page, live_server)
    page.goto(url(live_server, "responses:import", scan.pk))


# --- Results ---------------------------------------------------------------------------------


def _results_cell(page: Any, live_server: Any) -> None:
    scene = build_results_scene()
    login_as(page, live_server, scene.facilitator)
    gemeente = scene.region.gemeenten.order_by("code").first()
    assert gemeente is not None
    page.goto(url(live_server, "results:cell", scene.scan.pk, gemeente.code, "jeugd"))
    expect(page.locator("table#posities")).to_be_visible()


@page_type("results-overview")
def _results_overview(page: Any, live_server: Any) -> None:
    scene = build_results_scene()
    login_as(page, live_server, scene.facilitator)
    page.goto(url(live_server, "results:overview", scene.scan.pk))
    expect(page.locator("svg.rk-chart--matrix")).to_be_visible()
    # The tables are the charts' alternatives behind disclosures: open them for axe too.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    expect(page.locator("table.rk-overview")).to_be_visible()


page_type("results-cell")(_results_cell)


@page_type("results-not-published")
def _results_not_published(page: Any, live_server: Any) -> None:
    scene = build_results_scene(publish=False)
    login_as(page, live_server, scene.facilitator)
    page.goto(url(live_server, "results:overview", scene.scan.pk))
    expect(page.locator("#not-published")).to_be_visible()


@page_type("scan-publish-held")
def _scan_publish_held(page: Any, live_server: Any) -> None:
    """The scan page when a few new answers hold interim results back (table of cells)."""
    from regiekompas.web.responses.saving import AnswerIn, save_answers

    scene = build_results_scene()
    items = scene.scan.instrument().axis_item_codes
    code = scene.region.gemeenten.order_by("code").first().code  # type: ignore[union-attr]
    save_answers(scene.respondent, [AnswerIn(code, "jeugd", "praktijk", i, 2) for i in items])
    type(scene.respondent).objects.filter(pk=scene.respondent.pk).update(
        submitted_at=scene.scan.opened_at
    )
    login_as(page, live_server, scene.facilitator)
    page.goto(url(live_server, "scans:detail", scene.scan.pk))
    expect(page.locator("table#held-cells")).to_be_visible()


@page_type("export-identified")
def _export_identified(page: Any, live_server: Any) -> None:
    scene = build_results_scene()
    login_as(page, live_server, scene.facilitator)
    page.goto(url(live_server, "responses:export_identified", scene.scan.pk))
    page.get_by_label("Waarom hebt u").fill("Een respondent vroeg om inzage in zijn antwoorden")
    with page.expect_download():
        _submit_main_form(page)
    page.goto(url(live_server, "responses:export_identified", scene.scan.pk))
    expect(page.locator("table#export-log")).to_be_visible()


@page_type("privacy")
def _privacy(page: Any, live_server: Any) -> None:
    page.goto(url(live_server, "privacy"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacyverklaring")


@page_type("results-cell-en")
def _results_cell_english(page: Any, live_server: Any) -> None:
    _results_cell(page, live_server)
    _switch_to_english(page)


# --- The respondent's pages ------------------------------------------------------------------


def _questionnaire(name: str, *args: object, **scan_fields: object) -> Visit:
    def visit(page: Any, live_server: Any) -> None:
        scene = build_scene(**scan_fields)
        page.goto(url(live_server, name, scene.token, *args))

    return visit


page_type("questionnaire-intro")(_questionnaire("questionnaire:start"))
for _kind, _number in STEPS.items():
    page_type(f"questionnaire-{_kind}")(_questionnaire("questionnaire:step", _number))
page_type("questionnaire-review")(_questionnaire("questionnaire:review"))
page_type("questionnaire-done")(_questionnaire("questionnaire:done"))
page_type("questionnaire-not-open")(_questionnaire("questionnaire:start", open_=False))


@page_type("questionnaire-invalid-link")
def _questionnaire_invalid(page: Any, live_server: Any) -> None:
    page.goto(url(live_server, "questionnaire:start", "no-such-token"))


@page_type("questionnaire-closed")
def _questionnaire_closed(page: Any, live_server: Any) -> None:
    scene = build_scene()
    scene.scan.close()
    page.goto(url(live_server, "questionnaire:start", scene.token))


@page_type("questionnaire-answered-step")
def _questionnaire_answered(page: Any, live_server: Any) -> None:
    """A step with answers saved by htmx: the "saved" status and the updated count show."""
    scene = build_scene()
    page.goto(url(live_server, "questionnaire:step", scene.token, 1))
    page.locator("fieldset#q-cc1 input[type=radio]").first.check()
    expect(page.locator("#status-q-cc1-GM0153-jeugd-ambitie .rk-q-status__ok")).to_be_visible()


@page_type("questionnaire-axis-en")
def _questionnaire_english(page: Any, live_server: Any) -> None:
    _questionnaire("questionnaire:step", STEPS["axis"])(page, live_server)
    _switch_to_english(page)


# --- The test --------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_accessible(
    name: str, viewport: str, live_server: Any, request: pytest.FixtureRequest
) -> None:
    page = request.getfixturevalue(viewport)
    PAGES[name](page, live_server)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    problems = []
    violations = axe_violations(page)
    if violations:
        problems.append("axe: " + json.dumps(violations, indent=1, ensure_ascii=False))
    if viewport == "phone" and horizontal_overflow(page):
        problems.append(f"scrolls sideways by {horizontal_overflow(page)} px at 390 px")
    screenshot(page, f"{name}-{viewport}")
    assert not problems, "\n".join(problems)
