"""Importing answers gathered elsewhere into a scan: all or nothing, every problem listed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import World, make_region, make_scan, make_user
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from regiekompas.core.simulate import (
    SimulatedRegion,
    SimulationParams,
    simulate_region,
    write_region,
)
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.regions.models import Region
from regiekompas.web.responses.models import Answer
from regiekompas.web.scans.models import Scan


@pytest.fixture(scope="module")
def sim() -> SimulatedRegion:
    return simulate_region(
        SimulationParams(gemeenten=2, respondenten=5, seed=3, transities=("jeugd", "wmo"))
    )


@pytest.fixture
def files(sim: SimulatedRegion, tmp_path: Path) -> dict[str, Path]:
    return {path.stem: path for path in write_region(sim, tmp_path)}


def _region(sim: SimulatedRegion, facilitator_name: str = "fac_import") -> tuple[Region, Client]:
    facilitator = make_user(facilitator_name)
    names = {g.code: g.naam for g in sim.dataset.gemeenten or ()}
    region = make_region("Twente", names, facilitator)
    client = Client()
    client.force_login(facilitator)
    return region, client


def _post(client: Client, scan: Scan, *paths: Path) -> str:
    uploads = [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths]
    response = client.post(
        reverse("responses:import", args=[scan.pk]), {"uploads": uploads}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    return response.content.decode()


def test_it_imports_simulated_answers_with_their_region_files(
    db: None, sim: SimulatedRegion, files: dict[str, Path]
) -> None:
    region, client = _region(sim)
    scan = make_scan(region, transities=["jeugd", "wmo"])

    page = _post(
        client,
        scan,
        files["antwoorden"],
        files["gemeenten"],
        files["contracten"],
        files["organisaties"],
    )

    people = len(sim.dataset.responses.respondent_ids)
    assert Respondent.objects.filter(scan=scan, source="import").count() == people
    assert Answer.objects.filter(respondent__scan=scan).exists()
    assert f"{people} respondents" in page
    assert region.contracten.count() == len(sim.dataset.contracten or ())


def test_it_lists_an_out_of_range_answer_with_row_and_column_and_saves_nothing(
    db: None, sim: SimulatedRegion, files: dict[str, Path]
) -> None:
    region, client = _region(sim)
    scan = make_scan(region, transities=["jeugd", "wmo"])
    path = files["antwoorden"]
    rows = list(csv.reader(path.open(encoding="utf-8")))
    target = next(i for i, row in enumerate(rows) if i and row[4] and row[7])
    rows[target][7] = "9"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(rows)

    page = _post(client, scan, path)

    assert f"antwoorden.csv, row {target + 1}, column antwoord" in page
    assert "nothing was imported" in page.lower()
    assert not Respondent.objects.filter(scan=scan).exists()
    assert not Answer.objects.filter(respondent__scan=scan).exists()


def test_it_rejects_answers_for_a_gemeente_outside_the_region(
    db: None, sim: SimulatedRegion, files: dict[str, Path]
) -> None:
    region, client = _region(sim)
    outside = region.gemeenten.order_by("code").last()
    assert outside is not None
    outside.delete()
    scan = make_scan(region, transities=["jeugd", "wmo"])

    page = _post(client, scan, files["antwoorden"])

    assert outside.code in page
    assert "row " in page
    assert "column gemeente_code" in page
    assert not Respondent.objects.filter(scan=scan).exists()


def test_it_rejects_a_second_import_of_the_same_respondents(
    db: None, sim: SimulatedRegion, files: dict[str, Path]
) -> None:
    region, client = _region(sim)
    scan = make_scan(region, transities=["jeugd", "wmo"])
    _post(client, scan, files["antwoorden"])
    answers = Answer.objects.filter(respondent__scan=scan).count()

    page = _post(client, scan, files["antwoorden"])

    assert "already in this scan" in page
    assert Answer.objects.filter(respondent__scan=scan).count() == answers


def test_it_refuses_imports_into_a_closed_scan(
    db: None, sim: SimulatedRegion, files: dict[str, Path]
) -> None:
    region, client = _region(sim)
    scan = make_scan(region, transities=["jeugd", "wmo"])
    scan.close()
    _post(client, scan, files["antwoorden"])
    assert not Respondent.objects.filter(scan=scan).exists()


def test_a_facilitator_of_another_region_gets_404(world: World, files: dict[str, Path]) -> None:
    client = Client()
    client.force_login(world.facilitator_b)
    url = reverse("responses:import", args=[world.scan_a.pk])
    assert client.get(url).status_code == 404
    upload = SimpleUploadedFile("antwoorden.csv", files["antwoorden"].read_bytes())
    assert client.post(url, {"uploads": [upload]}).status_code == 404
    assert not Respondent.objects.filter(scan=world.scan_a, source="import").exists()
