"""Backup and restore give the same analysis; erasing a respondent removes them everywhere.

The backup route documented in docs/security.md (`regiekompas manage dumpdata` … /
`loaddata`) is run end to end here, on SQLite and (with `make test-postgres`) PostgreSQL.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_user
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from regiekompas.core.analysis import Settings, analyse
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.regions.loading import store_region_tables
from regiekompas.web.regions.models import Region
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.responses.models import Answer, MechanismUse
from regiekompas.web.scans.models import Scan

#: What `dumpdata` leaves out: rebuilt by migrate, or not worth restoring (sessions, lockouts).
EXCLUDE = ["contenttypes", "auth.permission", "admin.logentry", "sessions", "axes"]


def _document(scan: Scan) -> str:
    settings = Settings(k=scan.k, bootstrap=50, seed=0)
    document = analyse(scan_dataset(scan), settings=settings, instrument=scan.instrument())
    return json.dumps(document, sort_keys=True)


def test_dumpdata_and_loaddata_restore_an_identical_analysis(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    from regiekompas.core.simulate import SimulationParams, simulate_region

    scan = simulated_scan()
    store_region_tables(
        scan.region, simulate_region(SimulationParams(gemeenten=3, respondenten=8, seed=7)).dataset
    )
    someone = Respondent.objects.filter(scan=scan).order_by("external_id").first()
    assert someone is not None
    MechanismUse.objects.create(
        respondent=someone, gemeente_code=someone.gemeenten[0], type="casusoverleg", transities=[]
    )
    make_user("beheer")
    before = _document(scan)
    answers = Answer.objects.count()
    backup = tmp_path / "backup.json"

    call_command(
        "dumpdata", "--natural-foreign", "--natural-primary", *[f"--exclude={e}" for e in EXCLUDE],
        "--output", str(backup), verbosity=0,
    )  # fmt: skip
    Region.objects.all().delete()  # scans, respondents and answers go with it
    User.objects.all().delete()
    assert Answer.objects.count() == 0
    call_command("loaddata", str(backup), verbosity=0)

    restored = Scan.objects.get(pk=scan.pk)
    assert Answer.objects.count() == answers
    assert User.objects.filter(username="beheer").exists()
    assert _document(restored) == before


def _export_ids(scan: Scan, client: Client) -> set[str]:
    response = client.get(reverse("responses:export", args=[scan.pk]))
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        text = archive.read("antwoorden.csv").decode("utf-8")
    return {line.split(",")[0] for line in text.splitlines()[1:]}


def test_forgetting_a_respondent_removes_their_answers_from_every_output(
    simulated_scan: Callable[..., Scan],
) -> None:
    scan = simulated_scan()
    user = make_user("fac_gdpr")
    scan.region.memberships.create(user=user)
    client = Client()
    client.force_login(user)
    person = Respondent.objects.filter(scan=scan).order_by("external_id").first()
    assert person is not None
    MechanismUse.objects.create(
        respondent=person, gemeente_code=person.gemeenten[0], type="casusoverleg", transities=[]
    )
    from regiekompas.web.responses.snapshots import latest_snapshot, snapshot_dataset
    from regiekompas.web.results.service import cache_key

    snapshot = latest_snapshot(scan)
    assert snapshot is not None
    key_before = cache_key(scan, snapshot)
    dataset_before = scan_dataset(scan)
    published_before = snapshot_dataset(scan)
    exported_before = _export_ids(scan, client)
    assert person.external_id in dataset_before.responses.respondent_ids

    out = io.StringIO()
    call_command("forget_respondent", str(scan.pk), person.external_id, stdout=out)

    assert f"Deleted respondent {person.external_id}" in out.getvalue()
    assert not Respondent.objects.filter(pk=person.pk).exists()
    assert not Answer.objects.filter(respondent_id=person.pk).exists()
    assert not MechanismUse.objects.filter(respondent_id=person.pk).exists()
    after = scan_dataset(scan)
    assert person.external_id not in after.responses.respondent_ids
    assert len(after.responses.respondent_ids) == len(dataset_before.responses.respondent_ids) - 1
    # The published snapshot (results pages) leaves them out too, although it was frozen
    # before: its answers are matched to respondents that still exist.
    published_after = snapshot_dataset(scan)
    assert len(published_after.responses.respondent_ids) == (
        len(published_before.responses.respondent_ids) - 1
    )
    # The pseudonymised answers export (and anything analysing it) has one respondent fewer
    # (pseudonyms are new in every export, so the count is what can be compared) ...
    exported_after = _export_ids(scan, client)
    assert person.external_id not in exported_before
    assert len(exported_after) == len(exported_before) - 1
    # ... the respondents page neither, and cached results are recomputed without them.
    listing = client.get(reverse("invitations:list", args=[scan.pk])).content.decode()
    assert person.external_id not in listing
    assert cache_key(scan, snapshot) != key_before


def test_forgetting_an_unknown_respondent_says_so(db: None) -> None:
    with pytest.raises(CommandError, match="has no respondent"):
        call_command("forget_respondent", "999999", "R0404")
