"""The regie cycle on the gemeente page: target positions, agenda, and the next round's trend.

Distances are checked against a hand computation from the published praktijk position:
afstand = √((cc − cc*)² + (dc − dc*)²) / 2√2.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from conftest import make_user
from django.test import Client
from django.urls import reverse

from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.responses.loading import store_dataset
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.snapshots import publish
from regiekompas.web.results.service import scan_results
from regiekompas.web.scans.models import Scan
from regiekompas.web.targets.models import Action, Target
from regiekompas.web.targets.services import record_action, record_target


def _login(client: Client, scan: Scan, *, viewer_of: str | None = None) -> None:
    user = make_user("viewer" if viewer_of else "facilitator")
    if viewer_of:
        GemeenteViewer.objects.create(user=user, region=scan.region, gemeente_code=viewer_of)
    else:
        Membership.objects.create(user=user, region=scan.region)
    client.force_login(user)


def _praktijk(scan: Scan, gemeente: str, transitie: str) -> tuple[float, float]:
    rows = scan_results(scan, "nl").document["cellen"]
    key = (gemeente, transitie, "praktijk")
    (cell,) = [r for r in rows if (r["gemeente_code"], r["transitie"], r["perspectief"]) == key]
    return cell["cc"], cell["dc"]


def test_a_facilitator_records_a_target_and_the_page_shows_its_distance(
    client: Client, simulated_scan: Callable[..., Scan]
) -> None:
    scan = simulated_scan(gemeenten=2, respondenten=10)
    gemeente = scan.region.gemeenten.order_by("code").first().code  # type: ignore[union-attr]
    transitie = scan.transities[0]
    _login(client, scan)
    url = reverse("targets:target", args=[scan.pk, gemeente, transitie])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"kwadrant": "", "cc": "0,4", "dc": "-0,2", "toelichting": "Samen sturen",
         "agreed_by": "Wethouder en zorgverzekeraar", "agreed_on": "2026-11-30"},
    )  # fmt: skip
    assert response.status_code == 302
    target = Target.objects.get(scan=scan, gemeente_code=gemeente, transitie=transitie)
    assert (target.cc, target.dc, target.source) == (0.4, -0.2, "page")

    cc, dc = _praktijk(scan, gemeente, transitie)
    expected = math.sqrt((cc - 0.4) ** 2 + (dc + 0.2) ** 2) / (2 * math.sqrt(2))
    (row,) = scan_results(scan, "nl").document["doelen"]
    assert row["afstand"] == pytest.approx(expected, abs=1e-4)
    assert row["afstand_ci"][0] <= row["afstand"] <= row["afstand_ci"][1]

    page = client.get(reverse("results:gemeente", args=[scan.pk, gemeente])).content.decode()
    assert 'id="doelposities"' in page
    assert f"{expected:.2f}".replace(".", ",") in page
    assert "Samen sturen" in page and "Wethouder en zorgverzekeraar" in page  # noqa: PT018


def test_a_bad_target_form_changes_nothing_and_says_why(
    client: Client, simulated_scan: Callable[..., Scan]
) -> None:
    scan = simulated_scan(gemeenten=2, respondenten=6, publish=False)
    gemeente = scan.region.gemeenten.order_by("code").first().code  # type: ignore[union-attr]
    _login(client, scan)
    url = reverse("targets:target", args=[scan.pk, gemeente, scan.transities[0]])
    for data in (
        {"cc": "1,5", "dc": "0"},
        {"cc": "abc", "dc": "0"},
        {"kwadrant": "Sturen", "cc": "0,1", "dc": "0,1"},
        {},
    ):
        response = client.post(url, data)
        assert response.status_code == 200
        assert "utrecht-alert--error" in response.content.decode()
    assert not Target.objects.exists()


def test_the_agenda_shows_progress_and_a_viewer_reads_it_without_edit_links(
    client: Client, simulated_scan: Callable[..., Scan]
) -> None:
    scan = simulated_scan(gemeenten=2, respondenten=6)
    gemeente = scan.region.gemeenten.order_by("code").first().code  # type: ignore[union-attr]
    _login(client, scan)
    add = reverse("targets:action_add", args=[scan.pk, gemeente])
    response = client.post(
        add, {"onderwerp": "relaties", "transitie": "", "actie": "Kennismaken met aanbieders",
              "eigenaar": "Wethouder", "deadline": "2027-03-01", "status": "klaar"},
    )  # fmt: skip
    assert response.status_code == 302
    client.post(
        add,
        {"onderwerp": "kloof", "actie": "Visie herijken", "eigenaar": "Beleid", "status": "bezig"},
    )
    client.post(
        add, {"onderwerp": "vorm", "actie": "Oud plan", "eigenaar": "Inkoop", "status": "vervallen"}
    )
    assert Action.objects.filter(scan=scan).count() == 3
    edit = Action.objects.get(actie="Visie herijken")
    client.post(
        reverse("targets:action_edit", args=[scan.pk, gemeente, edit.pk]),
        {"onderwerp": "kloof", "actie": "Visie herijken", "eigenaar": "Beleid", "status": "klaar"},
    )
    page = client.get(reverse("results:gemeente", args=[scan.pk, gemeente])).content.decode()
    assert "2 van 2 acties klaar, 0 bezig; 1 vervallen." in page
    assert reverse("targets:action_add", args=[scan.pk, gemeente]) in page

    agenda = scan_results(scan, "nl").document["agenda"]
    assert [(r["onderwerp"], r["status"]) for r in agenda] == [
        ("relaties", "klaar"), ("vorm", "vervallen"), ("kloof", "klaar"),
    ]  # fmt: skip

    client.logout()
    viewer = Client()
    _login(viewer, scan, viewer_of=gemeente)
    page = viewer.get(reverse("results:gemeente", args=[scan.pk, gemeente])).content.decode()
    assert "Kennismaken met aanbieders" in page
    assert reverse("targets:action_add", args=[scan.pk, gemeente]) not in page
    assert viewer.get(add).status_code == 404


def test_the_next_round_shows_change_beyond_noise_distance_and_progress(
    client: Client, simulated_scan: Callable[..., Scan]
) -> None:
    from regiekompas.core.simulate import SimulationParams, simulate_region

    first = simulated_scan(gemeenten=2, respondenten=12, seed=3)
    gemeente = first.region.gemeenten.order_by("code").first().code  # type: ignore[union-attr]
    transitie = first.transities[0]
    record_target(first, gemeente, transitie, None, None, "Sturen", "Helder", "Allen")
    record_action(
        first, gemeente, onderwerp="relaties", actie="Heidag", eigenaar="Wethouder", status="klaar"
    )
    record_action(first, gemeente, onderwerp="proces", actie="Monitor", eigenaar="Regio")
    first.close()
    second = first.copy_as_next_round("Ronde 2")
    second.open()
    # The same simulated region with every answer shifted: a visible change.
    sim = simulate_region(SimulationParams(gemeenten=2, respondenten=12, seed=4))
    store_dataset(second, sim.dataset)
    publish(second, Snapshot.Kind.INTERIM)

    _login(client, second)
    page = client.get(reverse("results:gemeente", args=[second.pk, gemeente])).content.decode()
    assert 'id="trendtabel"' in page
    assert "1 van 2 acties klaar" in page
    cc, dc = _praktijk(second, gemeente, transitie)
    expected = math.hypot(cc - 0.5, dc - 0.5) / (2 * math.sqrt(2))
    (row,) = [
        r for r in scan_results(second, "nl").document["doelen"] if r["transitie"] == transitie
    ]
    assert row["afstand"] == pytest.approx(expected, abs=1e-4)
    assert "-0,00" not in page


def test_the_region_overview_of_a_next_round_shows_movement_arrows_only_for_visible_gemeenten(
    client: Client, simulated_scan: Callable[..., Scan]
) -> None:
    from regiekompas.core.simulate import SimulationParams, simulate_region

    first = simulated_scan(gemeenten=2, respondenten=12, seed=3)
    first.close()
    second = first.copy_as_next_round("Ronde 2")
    second.open()
    store_dataset(
        second, simulate_region(SimulationParams(gemeenten=2, respondenten=12, seed=4)).dataset
    )
    publish(second, Snapshot.Kind.INTERIM)
    codes = sorted(first.region.gemeente_names())
    names = first.region.gemeente_names()

    _login(client, second)
    page = client.get(reverse("results:overview", args=[second.pk])).content.decode()
    section = page[page.index('id="beweging"') :]
    assert "<svg" in section
    assert all(names[code] in section for code in codes)

    viewer = Client()
    _login(viewer, second, viewer_of=codes[0])
    page = viewer.get(reverse("results:overview", args=[second.pk])).content.decode()
    section = page[page.index('id="beweging"') :]
    assert names[codes[0]] in section
    assert names[codes[1]] not in section
