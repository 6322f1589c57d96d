"""A facilitator starts from nothing: logs in, sets up a region and a scan, invites a respondent.

The test switches the interface to English with the language button first, so buttons and
labels are found by their (stable) English names, the way a screen reader user finds them.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth.models import Permission
from django.utils import timezone
from playwright.sync_api import expect

from browser.conftest import screenshot, url
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.regions.models import Region
from regiekompas.web.scans.models import Scan
from web.conftest import PASSWORD, make_user

LINK = re.compile(r"https?://[^/\s]+(/r/[A-Za-z0-9_-]+/)")


def _log_in(page: Any, live_server: Any, username: str) -> None:
    page.goto(url(live_server, "accounts:login"))
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(url(live_server, "regions:list"))


def _create_region(page: Any) -> Region:
    page.get_by_role("link", name="New region").click()
    page.get_by_label("Name").fill("Twente")
    page.get_by_label("Description").fill("Veertien gemeenten in Overijssel.")
    page.get_by_role("button", name="Create region").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Twente")
    return Region.objects.get(name="Twente")


def _add_gemeenten(page: Any) -> None:
    page.get_by_role("link", name="Add or remove gemeenten").click()
    for name, code in (("Enschede", "GM0153"), ("Almelo", "GM0141")):
        search = page.get_by_label("Search by name, CBS code or provincie")
        search.fill(name)
        page.get_by_role("button", name="Search").click()
        page.get_by_label(f"{name} ({code}, Overijssel)").check()
        page.get_by_role("button", name="Add the chosen gemeenten").click()
        current = page.locator("section[aria-labelledby=current-heading]")
        expect(current.get_by_role("rowheader", name=name)).to_be_visible()


def _create_scan(page: Any, region: Region) -> Scan:
    page.get_by_role("link", name="Back to Twente").click()
    page.get_by_role("link", name="New scan").click()
    page.get_by_label("Name").fill("Regiescan Twente 2027")
    for other in ("Participation", "Primary care"):
        page.get_by_label(other, exact=True).uncheck()
    expect(page.get_by_label("Youth", exact=True)).to_be_checked()
    expect(page.get_by_label("Social support (Wmo)", exact=True)).to_be_checked()
    expect(page.get_by_label(re.compile("^ambitie"))).to_be_checked()
    expect(page.get_by_label(re.compile("^praktijk"))).to_be_checked()
    page.get_by_label("Minimum group size (k)").fill("3")
    today = timezone.localdate()
    page.get_by_label("Opens on").fill(today.isoformat())
    page.get_by_label("Closes on").fill((today + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regiescan Twente 2027")
    scan = Scan.objects.get(region=region)
    assert scan.transities == ["jeugd", "wmo"]
    assert scan.perspectieven == ["ambitie", "praktijk"]
    assert scan.k == 3
    assert scan.closes_on == today + timedelta(days=30)
    assert scan.is_concept
    return scan


def _add_respondent(page: Any) -> None:
    page.get_by_role("link", name="Respondents and invitations").click()
    page.get_by_role("link", name="Add one respondent").click()
    page.get_by_label("Stakeholder group").select_option(label="Municipality: policy")
    page.get_by_label("Organisation").fill("Gemeente Enschede")
    page.get_by_label("Enschede (GM0153)").check()
    page.get_by_label("Email address").fill("beleid@enschede.example.nl")
    page.get_by_role("button", name="Add respondent", exact=True).click()
    table = page.get_by_role("table")
    expect(table).to_contain_text("beleid@enschede.example.nl")


def _open_scan(page: Any, scan: Scan) -> None:
    page.get_by_role("navigation", name="Breadcrumbs").get_by_role("link", name=scan.name).click()
    page.get_by_role("link", name="Open the scan…").click()
    confirm = page.locator("section.rk-confirm")
    expect(confirm.get_by_role("heading", name="Open this scan?")).to_be_visible()
    confirm.get_by_role("button", name="Yes, open the scan").click()
    expect(page.get_by_role("link", name="Close the scan…")).to_be_visible()
    scan.refresh_from_db()
    assert scan.is_open
    assert scan.instrument_toml  # the questionnaire is frozen


def test_a_facilitator_sets_up_a_region_and_a_scan_from_nothing_and_invites(
    live_server: Any, desktop: Any, mailoutbox: list[Any], tmp_path: Path
) -> None:
    page = desktop
    adviser = make_user("adviseur")
    adviser.user_permissions.add(
        Permission.objects.get(codename="add_region", content_type__app_label="regions")
    )
    _log_in(page, live_server, "adviseur")
    region = _create_region(page)
    _add_gemeenten(page)
    assert set(region.gemeenten.values_list("code", flat=True)) == {"GM0153", "GM0141"}
    scan = _create_scan(page, region)
    _add_respondent(page)
    respondent = Respondent.objects.get(scan=scan)
    assert respondent.gemeenten == ["GM0153"]
    assert respondent.transities == ["jeugd", "wmo"]
    _open_scan(page, scan)

    page.get_by_role("link", name="Respondents and invitations").click()
    page.get_by_role("button", name="Send 1 invitation").click()
    expect(page.get_by_role("status").filter(has_text="1 invitation was sent")).to_be_visible()
    screenshot(page, "facilitator-invited-desktop")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["beleid@enschede.example.nl"]
    found = LINK.search(mail.body)
    assert found, mail.body

    # The mailed link opens the questionnaire of this scan (in a fresh, anonymous browser).
    respondent_page = page.context.browser.new_page(viewport={"width": 390, "height": 844})
    try:
        respondent_page.goto(live_server.url + found.group(1))
        expect(respondent_page.get_by_role("heading", level=1)).to_have_text(scan.name)
        respondent_page.locator("a.utrecht-button-link--primary-action").click()
        expect(respondent_page.locator("fieldset#q-cc1")).to_be_visible()
    finally:
        respondent_page.context.close()

    # Personal links as CSV, for a mail merge.
    page.get_by_label("CSV (UTF-8, comma-separated)").check()
    page.get_by_label("New links for everyone").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download links").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 1
    assert rows[0]["email"] == "beleid@enschede.example.nl"
    downloaded = LINK.fullmatch(rows[0]["link"])
    assert downloaded, rows[0]
    assert downloaded.group(1) != found.group(1)  # a new link, the mailed one stays valid
