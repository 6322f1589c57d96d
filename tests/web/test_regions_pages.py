"""The region pages as a facilitator and a viewer use them: list, create, detail, gemeenten."""

from __future__ import annotations

from typing import Any

from conftest import World, make_user
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.regions import gemeentelijst
from regiekompas.web.regions.models import Contract, Region
from regiekompas.web.scans.models import Scan


def _text(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


# --- the start page --------------------------------------------------------------------------


def test_the_list_shows_only_the_regions_of_the_facilitator(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    page = _text(client.get(reverse("regions:list")))
    assert "Twente" in page
    assert "Rijnmond" not in page
    assert reverse("regions:detail", args=[world.region_a.pk]) in page
    assert reverse("scans:detail", args=[world.scan_a.pk]) in page
    assert reverse("regions:create") in page


def test_a_viewer_sees_the_region_without_management_links(client: Client, world: World) -> None:
    draft = Scan.objects.create(
        region=world.region_a,
        name="Nog in concept",
        transities=["jeugd"],
        perspectieven=["ambitie"],
    )
    client.force_login(world.viewer_x)
    page = _text(client.get(reverse("regions:list")))
    assert "Twente" in page
    assert "Enschede" in page
    assert world.scan_a.name in page
    assert draft.name not in page
    assert reverse("results:overview", args=[world.scan_a.pk]) in page
    assert reverse("regions:detail", args=[world.region_a.pk]) not in page
    assert reverse("scans:detail", args=[world.scan_a.pk]) not in page
    assert reverse("regions:create") not in page


# --- creating a region -----------------------------------------------------------------------


def test_a_facilitator_creates_a_region_and_becomes_its_facilitator(
    client: Client, world: World
) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(
        reverse("regions:create"), {"name": "Achterhoek", "description": "Acht gemeenten"}
    )
    region = Region.objects.get(name="Achterhoek")
    assert response.status_code == 302
    assert response["Location"] == reverse("regions:detail", args=[region.pk])
    assert region.created_by == world.facilitator_a
    assert Membership.objects.filter(user=world.facilitator_a, region=region).exists()


def test_a_region_needs_a_name(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(reverse("regions:create"), {"name": "", "description": ""})
    assert response.status_code == 200
    assert 'id="id_name_error"' in _text(response)
    assert Region.objects.count() == 2


def test_a_user_without_a_region_or_permission_may_not_create_one(
    client: Client, world: World
) -> None:
    client.force_login(world.viewer_x)
    assert client.get(reverse("regions:create")).status_code == 403
    assert client.post(reverse("regions:create"), {"name": "Eigen regio"}).status_code == 403
    assert not Region.objects.filter(name="Eigen regio").exists()


def test_the_add_region_permission_lets_a_new_user_create_a_region(
    client: Client, db: None
) -> None:
    user = make_user("adviseur")
    user.user_permissions.add(Permission.objects.get(codename="add_region"))
    client.force_login(user)
    response = client.post(reverse("regions:create"), {"name": "Noord-Veluwe"})
    assert response.status_code == 302
    assert Membership.objects.filter(user=user, region__name="Noord-Veluwe").exists()


# --- the region's overview -------------------------------------------------------------------


def test_the_detail_page_shows_gemeenten_counts_and_scans(client: Client, world: World) -> None:
    Contract.objects.create(
        region=world.region_a, organisatie="Zorg Oost", gemeente_code="GM0153", transitie="jeugd"
    )
    client.force_login(world.facilitator_a)
    response = client.get(reverse("regions:detail", args=[world.region_a.pk]))
    page = _text(response)
    assert response.status_code == 200
    for naam in ("Enschede", "Hengelo", "Almelo", world.scan_a.name):
        assert naam in page
    assert response.context["counts"] == {"organisaties": 0, "contracten": 1, "mechanismen": 0}
    assert "rk-status--open" in page
    for name in ("regions:gemeenten", "regions:import", "regions:members", "scans:create"):
        assert reverse(name, args=[world.region_a.pk]) in page
    assert 'aria-current="page"' in page


# --- gemeenten -------------------------------------------------------------------------------


def test_the_gemeenten_page_names_the_lists_source(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    page = _text(client.get(reverse("regions:gemeenten", args=[world.region_a.pk])))
    assert gemeentelijst.SOURCE in page
    assert str(gemeentelijst.REFERENCE_DATE.year) in page


def test_searching_narrows_the_list_and_ignores_accents(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    url = reverse("regions:gemeenten", args=[world.region_a.pk])
    response = client.get(url, {"q": "sudwest-fryslan"})
    codes = [code for code, _label in response.context["form"].fields["codes"].choices]
    assert codes == ["GM1900"]  # Súdwest-Fryslân


def test_searching_by_provincie_lists_its_gemeenten(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    url = reverse("regions:gemeenten", args=[world.region_a.pk])
    response = client.get(url, {"q": "Overijssel"})
    codes = [code for code, _label in response.context["form"].fields["codes"].choices]
    assert "GM0158" in codes  # Haaksbergen
    assert "GM0599" not in codes  # Rotterdam


def test_gemeenten_already_in_the_region_are_not_offered(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    response = client.get(reverse("regions:gemeenten", args=[world.region_a.pk]))
    codes = {code for code, _label in response.context["form"].fields["codes"].choices}
    assert "GM0158" in codes
    assert "GM0153" not in codes
    assert len(codes) == len(gemeentelijst.all_gemeenten()) - 3


def test_a_facilitator_adds_gemeenten_from_the_built_in_list(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    version = world.region_a.data_version
    response = client.post(
        reverse("regions:gemeenten", args=[world.region_a.pk]), {"codes": ["GM0158", "GM0173"]}
    )
    assert response.status_code == 302
    names = world.region_a.gemeente_names()
    assert names["GM0158"] == "Haaksbergen"
    assert names["GM0173"] == "Oldenzaal"
    world.region_a.refresh_from_db()
    assert world.region_a.data_version == version + 1


def test_it_rejects_codes_outside_the_built_in_list(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    url = reverse("regions:gemeenten", args=[world.region_a.pk])
    for codes in (["GM9999"], ["GM0153"], []):
        response = client.post(url, {"codes": codes})
        assert response.status_code == 200
        assert response.context["form"].errors
    assert world.region_a.gemeenten.count() == 3


def test_a_facilitator_removes_an_unused_gemeente(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(reverse("regions:gemeente_remove", args=[world.region_a.pk, "GM0164"]))
    assert response.status_code == 302
    assert not world.region_a.gemeenten.filter(code="GM0164").exists()


def test_a_gemeente_still_in_use_is_not_removed(client: Client, world: World) -> None:
    # GM0153 has a viewer, GM0141 the world's respondent; GM0164 gets a contract.
    Contract.objects.create(
        region=world.region_a, organisatie="Zorg Oost", gemeente_code="GM0164", transitie="wmo"
    )
    client.force_login(world.facilitator_a)
    for code in ("GM0153", "GM0141", "GM0164"):
        response = client.post(
            reverse("regions:gemeente_remove", args=[world.region_a.pk, code]), follow=True
        )
        assert [m.level_tag for m in response.context["messages"]] == ["error"]
        assert world.region_a.gemeenten.filter(code=code).exists()


def test_removing_a_gemeente_of_another_region_changes_nothing(
    client: Client, world: World
) -> None:
    client.force_login(world.facilitator_a)
    client.post(reverse("regions:gemeente_remove", args=[world.region_a.pk, "GM0599"]))
    assert world.region_b.gemeenten.filter(code="GM0599").exists()


# --- members ---------------------------------------------------------------------------------


def test_a_facilitator_adds_a_co_facilitator_by_username_and_email(
    client: Client, world: World
) -> None:
    colleague = make_user("collega")
    client.force_login(world.facilitator_a)
    response = client.post(
        reverse("regions:members", args=[world.region_a.pk]),
        {"username": "Collega", "email": "COLLEGA@example.nl", "role": "facilitator"},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=colleague, region=world.region_a).exists()


def test_a_facilitator_adds_a_viewer_of_one_gemeente(client: Client, world: World) -> None:
    reader = make_user("lezer")
    client.force_login(world.facilitator_a)
    response = client.post(
        reverse("regions:members", args=[world.region_a.pk]),
        {"username": "lezer", "email": "lezer@example.nl", "role": "viewer", "gemeente": "GM0164"},
    )
    assert response.status_code == 302
    assert GemeenteViewer.objects.filter(
        user=reader, region=world.region_a, gemeente_code="GM0164"
    ).exists()


def test_a_viewer_needs_a_gemeente_of_the_region(client: Client, world: World) -> None:
    make_user("lezer")
    client.force_login(world.facilitator_a)
    url = reverse("regions:members", args=[world.region_a.pk])
    for gemeente in ("", "GM0599"):
        response = client.post(
            url,
            {
                "username": "lezer",
                "email": "lezer@example.nl",
                "role": "viewer",
                "gemeente": gemeente,
            },
        )
        assert response.status_code == 200
        assert "gemeente" in response.context["form"].errors
    assert not GemeenteViewer.objects.filter(user__username="lezer").exists()


def test_an_unknown_user_is_reported_not_created(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(
        reverse("regions:members", args=[world.region_a.pk]),
        {"username": "niemand", "email": "niemand@example.nl", "role": "facilitator"},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", "no_match")
    assert Membership.objects.filter(region=world.region_a).count() == 1


def test_the_member_form_answers_alike_whether_or_not_a_username_exists(
    client: Client, world: World
) -> None:
    """A wrong email with an existing username reads exactly as a username nobody has."""
    make_user("bestaat")
    client.force_login(world.facilitator_a)
    url = reverse("regions:members", args=[world.region_a.pk])
    pages = [
        client.post(url, {"username": name, "email": "gok@example.nl", "role": "facilitator"})
        for name in ("bestaat", "bestaatniet")
    ]
    assert [p.status_code for p in pages] == [200, 200]
    errors = [p.context["form"].errors.as_data() for p in pages]
    assert errors[0].keys() == errors[1].keys() == {"__all__"}
    texts = [p.content.decode().replace("bestaatniet", "bestaat") for p in pages]
    assert texts[0].split("csrfmiddlewaretoken")[0] == texts[1].split("csrfmiddlewaretoken")[0]
    assert Membership.objects.filter(region=world.region_a).count() == 1


def test_failed_member_lookups_are_throttled_per_facilitator(
    client: Client, world: World, settings: Any
) -> None:
    settings.MEMBER_LOOKUPS_PER_HOUR = 3
    make_user("collega")
    client.force_login(world.facilitator_a)
    url = reverse("regions:members", args=[world.region_a.pk])
    statuses = [
        client.post(
            url, {"username": f"gok{i}", "email": "x@example.nl", "role": "facilitator"}
        ).status_code
        for i in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    # Even a correct pair is refused until the window has passed.
    right = {"username": "collega", "email": "collega@example.nl", "role": "facilitator"}
    assert client.post(url, right).status_code == 429


def test_a_facilitator_removes_a_viewer_and_a_co_facilitator(client: Client, world: World) -> None:
    colleague = make_user("collega")
    second = Membership.objects.create(user=colleague, region=world.region_a)
    viewer = GemeenteViewer.objects.get(region=world.region_a)
    client.force_login(world.facilitator_a)
    client.post(reverse("regions:viewer_remove", args=[world.region_a.pk, viewer.pk]))
    client.post(reverse("regions:facilitator_remove", args=[world.region_a.pk, second.pk]))
    assert not GemeenteViewer.objects.filter(pk=viewer.pk).exists()
    assert not Membership.objects.filter(pk=second.pk).exists()


def test_the_last_facilitator_cannot_be_removed(client: Client, world: World) -> None:
    membership = Membership.objects.get(region=world.region_a)
    client.force_login(world.facilitator_a)
    client.post(reverse("regions:facilitator_remove", args=[world.region_a.pk, membership.pk]))
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_membership_of_another_region_cannot_be_removed_through_this_one(
    client: Client, world: World
) -> None:
    other = Membership.objects.get(region=world.region_b)
    Membership.objects.create(user=make_user("collega"), region=world.region_a)
    client.force_login(world.facilitator_a)
    response = client.post(
        reverse("regions:facilitator_remove", args=[world.region_a.pk, other.pk])
    )
    assert response.status_code == 404
    assert Membership.objects.filter(pk=other.pk).exists()
