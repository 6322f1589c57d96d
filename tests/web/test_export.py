"""Exporting a scan's answers: the files give `regiekompas analyse` the web app's figures."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import World
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.io import read_dataset
from regiekompas.core.simulate import SimulationParams, simulate_region
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.regions.loading import store_region_tables
from regiekompas.web.regions.models import RegionGemeente
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.responses.models import MechanismUse, OpenAnswer
from regiekompas.web.scans.models import Scan


def _download(scan: Scan, client: Client) -> dict[str, bytes]:
    response = client.get(reverse("responses:export", args=[scan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _facilitator_client(scan: Scan) -> Client:
    from conftest import make_user

    from regiekompas.web.accounts.models import Membership

    user = User.objects.filter(username=f"fac_export_{scan.pk}").first()
    if user is None:
        user = make_user(f"fac_export_{scan.pk}")
        Membership.objects.create(user=user, region=scan.region)
    client = Client()
    client.force_login(user)
    return client


def _figures(document: dict[str, Any]) -> str:
    # JSON text compares NaN with NaN, which a dict comparison does not.
    return json.dumps(document, sort_keys=True)


def _analyse_export(scan: Scan, tmp_path: Path) -> tuple[str, str]:
    for name, content in _download(scan, _facilitator_client(scan)).items():
        (tmp_path / name).write_bytes(content)
    dataset, _ = read_dataset([tmp_path], instrument=scan.instrument())
    settings = Settings(k=scan.k, bootstrap=50, seed=0)
    exported = analyse(dataset, settings=settings, instrument=scan.instrument())
    web = analyse(scan_dataset(scan), settings=settings, instrument=scan.instrument())
    return _figures(exported), _figures(web)


def _with_region_tables(scan: Scan) -> None:
    """Contracts, organisations and mechanisms of the same simulation, plus a reported one."""
    sim = simulate_region(SimulationParams(gemeenten=3, respondenten=8, seed=7))
    store_region_tables(scan.region, sim.dataset)
    someone = Respondent.objects.filter(scan=scan).order_by("external_id").first()
    assert someone is not None
    MechanismUse.objects.create(
        respondent=someone, gemeente_code=someone.gemeenten[0], type="casusoverleg", transities=[]
    )


def test_analysing_the_export_gives_the_figures_of_the_web_app(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    scan = simulated_scan()
    exported, web = _analyse_export(scan, tmp_path)
    assert exported == web


def test_the_round_trip_holds_with_contracts_and_reported_mechanisms(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    scan = simulated_scan()
    _with_region_tables(scan)
    names = set(_download(scan, _facilitator_client(scan)))
    assert names == {
        "antwoorden.csv",
        "gemeenten.csv",
        "organisaties.csv",
        "contracten.csv",
        "mechanismen.csv",
    }
    exported, web = _analyse_export(scan, tmp_path)
    assert exported == web


def test_the_round_trip_holds_when_a_gemeente_has_no_answers(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    scan = simulated_scan()
    _with_region_tables(scan)
    RegionGemeente.objects.create(region=scan.region, code="GM0998", naam="Zonder antwoorden")
    exported, web = _analyse_export(scan, tmp_path)
    assert exported == web


def test_the_export_is_the_long_format_with_weet_niet_as_an_empty_cell(
    simulated_scan: Callable[..., Scan],
) -> None:
    scan = simulated_scan()
    lines = _download(scan, _facilitator_client(scan))["antwoorden.csv"].decode().splitlines()
    assert (
        lines[0]
        == "respondent_id,groep,organisatie,gemeente_code,transitie,perspectief,item,antwoord"
    )
    assert any(line.endswith(",") for line in lines[1:])


def test_free_text_answers_are_not_exported(simulated_scan: Callable[..., Scan]) -> None:
    scan = simulated_scan()
    someone = Respondent.objects.filter(scan=scan).first()
    assert someone is not None
    OpenAnswer.objects.create(respondent=someone, question="open1", text="Geheime opmerking")
    files = _download(scan, _facilitator_client(scan))
    assert not any(b"Geheime opmerking" in content for content in files.values())


def test_a_scan_without_answers_shows_a_page_instead_of_an_empty_file(world: World) -> None:
    client = Client()
    client.force_login(world.facilitator_a)
    response = client.get(reverse("responses:export", args=[world.scan_a.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_a_facilitator_of_another_region_gets_404(world: World) -> None:
    client = Client()
    client.force_login(world.facilitator_b)
    assert client.get(reverse("responses:export", args=[world.scan_a.pk])).status_code == 404
