"""Exporting a scan's answers: pseudonymised by default (from the published snapshot, giving
`regiekompas analyse` the web app's figures), identified only with a logged reason."""

from __future__ import annotations

import csv
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
from regiekompas.web.responses.models import Answer, ExportAudit, MechanismUse, OpenAnswer
from regiekompas.web.responses.snapshots import close_and_publish, snapshot_dataset
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


#: Measures that do not depend on stakeholder groups: equal whether or not a small group
#: became `overig` in the pseudonymised export.
GROUPLESS = ("cellen", "kloof", "spaghetti", "versnippering", "aanbieders", "meta")


def _analysed(scan: Scan, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    for name, content in _download(scan, _facilitator_client(scan)).items():
        (tmp_path / name).write_bytes(content)
    dataset, _ = read_dataset([tmp_path], instrument=scan.instrument())
    settings = Settings(k=scan.k, bootstrap=50, seed=0)
    exported = analyse(dataset, settings=settings, instrument=scan.instrument())
    web = analyse(snapshot_dataset(scan), settings=settings, instrument=scan.instrument())
    return dict(exported), dict(web)


def _analyse_export(scan: Scan, tmp_path: Path) -> tuple[str, str]:
    """The whole document from the export and from the published snapshot, as JSON text;
    `scan` must have no group below k in any gemeente (else groups become `overig`)."""
    exported, web = _analysed(scan, tmp_path)
    return _figures(exported), _figures(web)


def _two_large_groups(scan: Scan) -> None:
    """Give respondents alternately two groups, so that each gemeente has ≥ k of both, and
    publish again (the published snapshot is what the export holds)."""
    people = list(Respondent.objects.filter(scan=scan).order_by("pk"))
    for i, person in enumerate(people):
        person.groep = "gemeente_beleid" if i % 2 else "wijkteam"
        Respondent.objects.filter(pk=person.pk).update(groep=person.groep)
    close_and_publish(scan)
    sizes: dict[tuple[str, str], int] = {}
    for person in people:
        for code in person.gemeenten:
            sizes[(code, person.groep)] = sizes.get((code, person.groep), 0) + 1
    assert min(sizes.values()) >= scan.k


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
    scan = simulated_scan(respondenten=12)
    _two_large_groups(scan)
    exported, web = _analyse_export(scan, tmp_path)
    assert exported == web


def test_with_small_groups_the_figures_without_groups_stay_the_same(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    scan = simulated_scan()
    exported, web = _analysed(scan, tmp_path)
    assert "overig" in _figures(exported)
    for measure in GROUPLESS:
        assert _figures(exported[measure]) == _figures(web[measure]), measure


def test_the_default_export_has_new_pseudonyms_no_organisations_and_no_small_groups(
    simulated_scan: Callable[..., Scan],
) -> None:
    scan = simulated_scan()
    client = _facilitator_client(scan)
    first = list(csv.DictReader(io.StringIO(_download(scan, client)["antwoorden.csv"].decode())))
    second = list(csv.DictReader(io.StringIO(_download(scan, client)["antwoorden.csv"].decode())))
    ids = set(Respondent.objects.filter(scan=scan).values_list("external_id", flat=True))
    orgs = set(Respondent.objects.filter(scan=scan).values_list("organisatie", flat=True))
    assert not {row["respondent_id"] for row in first} & ids
    assert not {row["respondent_id"] for row in first} & {row["respondent_id"] for row in second}
    assert {row["organisatie"] for row in first} == {""}
    assert not orgs & {value for row in first for value in row.values()} - {""}
    people: dict[tuple[str, str], set[str]] = {}
    for row in first:
        people.setdefault((row["gemeente_code"], row["groep"]), set()).add(row["respondent_id"])
    assert all(len(who) >= scan.k for (_, groep), who in people.items() if groep != "overig"), (
        people
    )


def test_the_default_export_holds_the_published_answers_not_the_live_ones(
    simulated_scan: Callable[..., Scan],
) -> None:
    scan = simulated_scan()
    client = _facilitator_client(scan)
    before = _download(scan, client)["antwoorden.csv"].decode().count("\n")
    someone = Respondent.objects.filter(scan=scan).order_by("pk").first()
    assert someone is not None
    Answer.objects.filter(respondent=someone).delete()
    assert _download(scan, client)["antwoorden.csv"].decode().count("\n") == before


def test_the_identified_export_needs_a_reason_and_is_logged(
    simulated_scan: Callable[..., Scan],
) -> None:
    scan = simulated_scan()
    client = _facilitator_client(scan)
    url = reverse("responses:export_identified", args=[scan.pk])
    assert client.get(url).status_code == 200
    refused = client.post(url, {"reason": ""})
    assert refused["Content-Type"].startswith("text/html")
    assert not ExportAudit.objects.exists()
    response = client.post(url, {"reason": "Groep van een respondent corrigeren"})
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        answers = archive.read("antwoorden.csv").decode()
    exported_ids = {row["respondent_id"] for row in csv.DictReader(io.StringIO(answers))}
    assert exported_ids == set(
        scan.respondents.filter(answers__isnull=False).values_list("external_id", flat=True)
    )
    entry = ExportAudit.objects.get()
    assert entry.scan == scan
    assert entry.username == f"fac_export_{scan.pk}"
    assert entry.reason == "Groep van een respondent corrigeren"
    log = client.get(url).content.decode()
    assert "Groep van een respondent corrigeren" in log


def test_the_identified_export_is_a_post_with_a_csrf_token(
    simulated_scan: Callable[..., Scan],
) -> None:
    scan = simulated_scan()
    _facilitator_client(scan)
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username=f"fac_export_{scan.pk}"))
    url = reverse("responses:export_identified", args=[scan.pk])
    assert client.post(url, {"reason": "Zonder CSRF-token"}).status_code == 403
    assert not ExportAudit.objects.exists()


def test_the_audit_log_is_shown_only_to_the_regions_facilitators(world: World) -> None:
    ExportAudit.objects.create(
        region=world.region_a,
        scan=world.scan_a,
        scan_name=world.scan_a.name,
        username="fac_a",
        reason="Verzoek van een respondent",
        what="answers",
    )
    client = Client()
    client.force_login(world.facilitator_b)
    url = reverse("responses:export_identified", args=[world.scan_a.pk])
    assert client.get(url).status_code == 404
    client.force_login(world.facilitator_a)
    assert "Verzoek van een respondent" in client.get(url).content.decode()


def test_the_round_trip_holds_with_contracts_and_reported_mechanisms(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    scan = simulated_scan(respondenten=12)
    _with_region_tables(scan)
    _two_large_groups(scan)
    names = set(_download(scan, _facilitator_client(scan)))
    assert names == {
        "antwoorden.csv",
        "gemeenten.csv",
        "organisaties.csv",
        "contracten.csv",
        "mechanismen.csv",
        "instrument.csv",
    }
    exported, web = _analyse_export(scan, tmp_path)
    assert exported == web


def test_the_round_trip_holds_when_a_gemeente_has_no_answers(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    scan = simulated_scan(respondenten=12)
    _with_region_tables(scan)
    RegionGemeente.objects.create(region=scan.region, code="GM0998", naam="Zonder antwoorden")
    _two_large_groups(scan)
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


def test_the_identified_export_neutralises_formulas(simulated_scan: Callable[..., Scan]) -> None:
    scan = simulated_scan()
    Respondent.objects.filter(scan=scan).update(organisatie='=HYPERLINK("http://x")')
    client = _facilitator_client(scan)
    url = reverse("responses:export_identified", args=[scan.pk])
    response = client.post(url, {"reason": "Organisaties nakijken"})
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("antwoorden.csv").decode())))
    assert {row["organisatie"] for row in rows} == {'\'=HYPERLINK("http://x")'}


def test_the_export_carries_the_instrument_version_to_regiekompas_analyse(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from regiekompas.cli.main import cli

    for version in ("2", "1"):
        scan = simulated_scan(respondenten=6, instrument_version=version)
        files = _download(scan, _facilitator_client(scan))
        assert files["instrument.csv"].decode("utf-8-sig").split() == ["instrument", version]
        folder = tmp_path / f"v{version}"
        folder.mkdir()
        for name, content in files.items():
            (folder / name).write_bytes(content)
        out = folder / "uit.json"

        result = CliRunner().invoke(
            cli, ["analyse", str(folder), "--json", str(out), "--bootstrap", "20", "--stil"]
        )

        assert result.exit_code == 0, result.output
        assert json.loads(out.read_text(encoding="utf-8"))["meta"]["instrument"] == version
