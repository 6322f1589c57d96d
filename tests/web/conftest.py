"""Factories and fixtures of the web tests: users in each role, a region, scans, respondents.

`twente` is a small simulated region stored through the same path as an import, so results
tests run on realistic answers; it is built once per test and kept small for speed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from regiekompas.core.simulate import SimulationParams, simulate_region
from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.invitations.tokens import issue_token
from regiekompas.web.regions.models import Region, RegionGemeente
from regiekompas.web.responses.loading import store_dataset
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.snapshots import publish as publish_snapshot
from regiekompas.web.scans.models import Scan

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def _fresh_throttles() -> None:
    """Abuse counters live in the cache (web/throttle.py); each test starts without any."""
    from django.core.cache import cache

    cache.clear()


def make_user(username: str, *, superuser: bool = False) -> User:
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.nl", PASSWORD)
    return User.objects.create_user(username, f"{username}@example.nl", PASSWORD)


def make_region(name: str, gemeenten: dict[str, str], facilitator: User | None = None) -> Region:
    region = Region.objects.create(name=name)
    RegionGemeente.objects.bulk_create(
        RegionGemeente(region=region, code=code, naam=naam) for code, naam in gemeenten.items()
    )
    if facilitator is not None:
        Membership.objects.create(user=facilitator, region=region)
    return region


def make_scan(region: Region, *, open_: bool = True, **fields: object) -> Scan:
    values: dict[str, object] = {
        "name": "Scan 2026",
        "transities": ["jeugd", "wmo"],
        "perspectieven": ["ambitie", "praktijk"],
        "k": 3,
    }
    values.update(fields)
    scan = Scan.objects.create(region=region, **values)
    if open_:
        scan.open()
    return scan


def make_respondent(
    scan: Scan, external_id: str = "R001", **fields: object
) -> tuple[Respondent, str]:
    values: dict[str, object] = {
        "groep": "gemeente_beleid",
        "organisatie": "Gemeente Enschede",
        "gemeenten": [scan.region.gemeenten.order_by("code").first().code],  # type: ignore[union-attr]
        "transities": list(scan.transities),
    }
    values.update(fields)
    respondent = Respondent.objects.create(scan=scan, external_id=external_id, **values)
    return respondent, issue_token(respondent)


TWENTE = {"GM0153": "Enschede", "GM0164": "Hengelo", "GM0141": "Almelo"}
OTHER = {"GM0599": "Rotterdam", "GM0489": "Barendrecht"}


@dataclass
class World:
    """Two regions (A: Twente, B: elsewhere) with one scan each and a user in every role."""

    region_a: Region
    region_b: Region
    scan_a: Scan
    scan_b: Scan
    facilitator_a: User
    facilitator_b: User
    viewer_x: User
    superuser: User
    respondent_a: Respondent
    token_a: str
    gemeente_x: str


@pytest.fixture
def world(db: None) -> World:
    facilitator_a = make_user("fac_a")
    facilitator_b = make_user("fac_b")
    viewer = make_user("viewer_x")
    superuser = make_user("admin", superuser=True)
    region_a = make_region("Twente", TWENTE, facilitator_a)
    region_b = make_region("Rijnmond", OTHER, facilitator_b)
    GemeenteViewer.objects.create(user=viewer, region=region_a, gemeente_code="GM0153")
    scan_a = make_scan(region_a)
    scan_b = make_scan(region_b)
    respondent, token = make_respondent(scan_a)
    return World(
        region_a,
        region_b,
        scan_a,
        scan_b,
        facilitator_a,
        facilitator_b,
        viewer,
        superuser,
        respondent,
        token,
        "GM0153",
    )


@pytest.fixture
def simulated_scan(db: None) -> Callable[..., Scan]:
    """A scan in a new region answered by simulated respondents (3 gemeenten by default),
    with those answers published as interim results unless `publish=False`."""

    def build(
        gemeenten: int = 3,
        respondenten: int = 8,
        seed: int = 7,
        publish: bool = True,
        **scan_fields: object,
    ) -> Scan:
        sim = simulate_region(
            SimulationParams(gemeenten=gemeenten, respondenten=respondenten, seed=seed)
        )
        names = {g.code: g.naam for g in sim.dataset.gemeenten or ()}
        region = make_region("Twente (simulatie)", names)
        fields: dict[str, object] = {"transities": list(sim.dataset.responses.transities)}
        fields.update(scan_fields)
        scan = make_scan(region, **fields)
        store_dataset(scan, sim.dataset)
        if publish:
            publish_snapshot(scan, Snapshot.Kind.INTERIM)
        return scan

    return build
