"""Region and scan management pages: only the region's facilitators get past the door.

Everyone else — a facilitator of another region, a gemeente viewer of this one — gets a 404
on every page and every action, so a guessed URL reveals neither the object nor whether it
exists, and nothing changes.
"""

from __future__ import annotations

import pytest
from conftest import World
from django.test import Client
from django.urls import reverse

from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.regions.models import Region
from regiekompas.web.scans.models import Scan

REGION_PAGES = ["detail", "gemeenten", "import", "members"]
SCAN_PAGES = ["detail", "edit"]
SCAN_ACTIONS = ["open", "close", "copy"]


def _region_urls(world: World) -> list[str]:
    pk = world.region_a.pk
    membership = Membership.objects.get(region=world.region_a)
    viewer = GemeenteViewer.objects.get(region=world.region_a)
    return [
        *(reverse(f"regions:{name}", args=[pk]) for name in REGION_PAGES),
        reverse("regions:gemeente_remove", args=[pk, "GM0164"]),
        reverse("regions:facilitator_remove", args=[pk, membership.pk]),
        reverse("regions:viewer_remove", args=[pk, viewer.pk]),
        reverse("scans:create", args=[pk]),
    ]


def _scan_urls(world: World) -> list[str]:
    pk = world.scan_a.pk
    return [reverse(f"scans:{name}", args=[pk]) for name in (*SCAN_PAGES, *SCAN_ACTIONS)]


@pytest.mark.parametrize("who", ["facilitator_b", "viewer_x"])
def test_others_get_404_on_every_region_a_page_and_action(
    client: Client, world: World, who: str
) -> None:
    client.force_login(getattr(world, who))
    before = (
        Region.objects.get(pk=world.region_a.pk).data_version,
        world.region_a.gemeenten.count(),
        Membership.objects.count(),
        GemeenteViewer.objects.count(),
        Scan.objects.count(),
    )
    for url in [*_region_urls(world), *_scan_urls(world)]:
        assert client.get(url).status_code in {404, 405}, url
        response = client.post(
            url,
            {
                "name": "Overname",
                "username": who,
                "email": f"{who}@example.nl",
                "role": "facilitator",
                "codes": ["GM0158"],
                "transities": ["jeugd"],
                "perspectieven": ["ambitie"],
                "instrument_version": "1",
                "k": "5",
            },
        )
        assert response.status_code == 404, url
    after = (
        Region.objects.get(pk=world.region_a.pk).data_version,
        world.region_a.gemeenten.count(),
        Membership.objects.count(),
        GemeenteViewer.objects.count(),
        Scan.objects.count(),
    )
    assert after == before
    world.scan_a.refresh_from_db()
    assert world.scan_a.is_open


def test_get_on_a_page_answers_404_not_405_for_outsiders(client: Client, world: World) -> None:
    client.force_login(world.facilitator_b)
    for url in _region_urls(world)[:4] + _scan_urls(world)[:2]:
        assert client.get(url).status_code == 404, url


def test_anonymous_users_are_sent_to_the_login_page(client: Client, world: World) -> None:
    login = reverse("accounts:login")
    urls = [reverse("regions:list"), reverse("regions:create"), *_region_urls(world)]
    for url in [*urls, *_scan_urls(world)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(login), url


def test_a_superuser_may_manage_every_region(client: Client, world: World) -> None:
    client.force_login(world.superuser)
    assert client.get(reverse("regions:detail", args=[world.region_b.pk])).status_code == 200
    assert client.get(reverse("scans:detail", args=[world.scan_a.pk])).status_code == 200


def test_state_changes_refuse_get(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    urls = [
        reverse("scans:open", args=[world.scan_a.pk]),
        reverse("scans:close", args=[world.scan_a.pk]),
        reverse("scans:copy", args=[world.scan_a.pk]),
        reverse("regions:gemeente_remove", args=[world.region_a.pk, "GM0164"]),
        reverse(
            "regions:facilitator_remove",
            args=[world.region_a.pk, Membership.objects.get(region=world.region_a).pk],
        ),
    ]
    for url in urls:
        assert client.get(url).status_code == 405, url
    world.scan_a.refresh_from_db()
    assert world.scan_a.is_open
    assert world.region_a.gemeenten.filter(code="GM0164").exists()
