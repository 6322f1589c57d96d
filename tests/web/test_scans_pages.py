"""Setting up a scan, its lifecycle concept → open → gesloten, and the next round."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from conftest import World, make_respondent, make_scan
from django.test import Client
from django.urls import reverse

from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import Answer
from regiekompas.web.scans.models import Scan, Status
from regiekompas.web.scans.views import next_round_name


def _settings(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "Regiescan 2027",
        "transities": ["jeugd", "wmo"],
        "perspectieven": ["ambitie", "praktijk"],
        "instrument_version": "1",
        "k": "5",
        "opens_on": "2027-03-01",
        "closes_on": "2027-04-01",
    }
    values.update(changes)
    return values


@pytest.fixture
def draft(world: World) -> Scan:
    return make_scan(world.region_a, open_=False, name="Concept 2027")


def _errors(response: Any) -> dict[str, Any]:
    assert response.status_code == 200
    return dict(response.context["form"].errors)


# --- creating and editing ---------------------------------------------------------------------


def test_a_facilitator_creates_a_draft_scan(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(reverse("scans:create", args=[world.region_a.pk]), _settings())
    scan = Scan.objects.get(name="Regiescan 2027")
    assert response.status_code == 302
    assert response["Location"] == reverse("scans:detail", args=[scan.pk])
    assert scan.region == world.region_a
    assert scan.status == Status.CONCEPT
    assert scan.transities == ["jeugd", "wmo"]
    assert scan.perspectieven == ["ambitie", "praktijk"]
    assert scan.k == 5
    assert scan.closes_on == datetime.date(2027, 4, 1)
    assert scan.instrument_toml == ""


def test_the_form_offers_every_transitie_checked_and_date_inputs(
    client: Client, world: World
) -> None:
    client.force_login(world.facilitator_a)
    page = client.get(reverse("scans:create", args=[world.region_a.pk])).content.decode()
    for code in ("jeugd", "wmo", "participatie", "eerste_lijn"):
        assert f'value="{code}"' in page
    assert 'type="date"' in page
    assert "<legend" in page


def test_transities_are_stored_in_the_models_order(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    client.post(
        reverse("scans:create", args=[world.region_a.pk]),
        _settings(transities=["wmo", "jeugd"], perspectieven=["praktijk"]),
    )
    scan = Scan.objects.get(name="Regiescan 2027")
    assert scan.transities == ["jeugd", "wmo"]
    assert scan.perspectieven == ["praktijk"]


def test_it_rejects_k_below_3(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(reverse("scans:create", args=[world.region_a.pk]), _settings(k="2"))
    errors = _errors(response)
    assert list(errors) == ["k"]
    assert "3" in errors["k"][0]
    assert not Scan.objects.filter(name="Regiescan 2027").exists()


def test_it_rejects_a_closing_date_before_the_opening_date(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(
        reverse("scans:create", args=[world.region_a.pk]),
        _settings(opens_on="2027-04-01", closes_on="2027-03-01"),
    )
    assert list(_errors(response)) == ["closes_on"]
    assert not Scan.objects.filter(name="Regiescan 2027").exists()


@pytest.mark.parametrize(
    "changes",
    [{"transities": []}, {"perspectieven": []}, {"transities": ["ouderen"]}, {"name": ""}],
)
def test_it_rejects_incomplete_settings(
    client: Client, world: World, changes: dict[str, Any]
) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(reverse("scans:create", args=[world.region_a.pk]), _settings(**changes))
    assert list(_errors(response)) == list(changes)
    assert Scan.objects.filter(region=world.region_a).count() == 1


def test_a_draft_can_be_edited(client: Client, world: World, draft: Scan) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(reverse("scans:edit", args=[draft.pk]), _settings(k="7"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.k == 7
    assert draft.name == "Regiescan 2027"


def test_an_open_scan_cannot_be_edited(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    url = reverse("scans:edit", args=[world.scan_a.pk])
    assert client.get(url)["Location"] == reverse("scans:detail", args=[world.scan_a.pk])
    response = client.post(url, _settings(k="9", transities=["jeugd"]))
    assert response.status_code == 302
    world.scan_a.refresh_from_db()
    assert world.scan_a.k == 3
    assert world.scan_a.transities == ["jeugd", "wmo"]


# --- lifecycle --------------------------------------------------------------------------------


def test_opening_a_scan_freezes_its_instrument(client: Client, world: World, draft: Scan) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(reverse("scans:open", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.OPEN
    assert draft.instrument_toml.strip()
    assert draft.opened_at is not None


def test_the_detail_page_asks_before_opening(client: Client, world: World, draft: Scan) -> None:
    client.force_login(world.facilitator_a)
    url = reverse("scans:detail", args=[draft.pk])
    plain = client.get(url).content.decode()
    assert reverse("scans:open", args=[draft.pk]) not in plain
    asking = client.get(url, {"bevestigen": "openen"}).content.decode()
    assert f'action="{reverse("scans:open", args=[draft.pk])}"' in asking
    draft.refresh_from_db()
    assert draft.is_concept


def test_opening_an_open_scan_is_refused(client: Client, world: World) -> None:
    frozen = world.scan_a.instrument_toml
    opened_at = world.scan_a.opened_at
    client.force_login(world.facilitator_a)
    response = client.post(reverse("scans:open", args=[world.scan_a.pk]), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    world.scan_a.refresh_from_db()
    assert world.scan_a.opened_at == opened_at
    assert world.scan_a.instrument_toml == frozen


def test_closing_an_open_scan(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    client.post(reverse("scans:close", args=[world.scan_a.pk]))
    world.scan_a.refresh_from_db()
    assert world.scan_a.status == Status.GESLOTEN
    assert not world.scan_a.accepts_answers


def test_a_draft_cannot_be_closed_nor_a_closed_scan_reopened(
    client: Client, world: World, draft: Scan
) -> None:
    client.force_login(world.facilitator_a)
    client.post(reverse("scans:close", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == Status.CONCEPT
    world.scan_a.close()
    client.post(reverse("scans:open", args=[world.scan_a.pk]))
    client.post(reverse("scans:close", args=[world.scan_a.pk]))
    world.scan_a.refresh_from_db()
    assert world.scan_a.status == Status.GESLOTEN


def test_the_detail_page_shows_settings_and_links(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    response = client.get(reverse("scans:detail", args=[world.scan_a.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "rk-status--open" in page
    assert reverse("scans:copy", args=[world.scan_a.pk]) in page
    assert reverse("scans:edit", args=[world.scan_a.pk]) not in page
    assert response.context["counts"] == {"total": 1, "started": 0, "submitted": 0}


# --- next round -------------------------------------------------------------------------------


def test_copying_makes_a_draft_with_the_respondents_but_no_answers(
    client: Client, world: World
) -> None:
    respondent = world.respondent_a
    Answer.objects.create(
        respondent=respondent,
        gemeente_code=respondent.gemeenten[0],
        transitie="jeugd",
        perspectief="ambitie",
        item="cc1",
        value=4,
    )
    make_respondent(world.scan_a, "R002", email="r2@example.nl")
    revoked, _token = make_respondent(world.scan_a, "R003")
    Respondent.objects.filter(pk=revoked.pk).update(revoked_at=datetime.datetime.now(datetime.UTC))
    client.force_login(world.facilitator_a)

    response = client.post(reverse("scans:copy", args=[world.scan_a.pk]), {"name": "Scan 2027"})

    new = Scan.objects.get(name="Scan 2027")
    assert response["Location"] == reverse("scans:detail", args=[new.pk])
    assert new.status == Status.CONCEPT
    assert new.previous == world.scan_a
    assert new.region == world.region_a
    assert new.transities == world.scan_a.transities
    assert new.instrument_toml == ""
    assert sorted(new.respondents.values_list("external_id", flat=True)) == ["R001", "R002"]
    assert not Answer.objects.filter(respondent__scan=new).exists()
    assert Answer.objects.filter(respondent__scan=world.scan_a).count() == 1


def test_copying_needs_a_name(client: Client, world: World) -> None:
    client.force_login(world.facilitator_a)
    client.post(reverse("scans:copy", args=[world.scan_a.pk]), {"name": ""})
    assert Scan.objects.filter(region=world.region_a).count() == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Regiescan 2026", "Regiescan 2027"), ("2025 scan Twente", "2026 scan Twente")],
)
def test_the_next_rounds_name_counts_the_year_up(name: str, expected: str) -> None:
    assert next_round_name(name) == expected
