"""The demo installation of `regiekompas demo`: Twente, an open scan, simulated answers.

The simulated answers are published at once as interim results (every cell of the demo has
at least k respondents), so the results pages have something to show (docs/privacy.md).

Running the demo twice reuses what the first run made (the database lives in
REGIEKOMPAS_DATA_DIR), so a facilitator's experiments survive a restart; only a new example
respondent link is issued, because links are stored as hashes and cannot be shown again.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from regiekompas.core.simulate import TWENTE_REGIO, SimulationParams, simulate_region
from regiekompas.web.accounts.models import Membership
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.invitations.tokens import issue_token, link_for
from regiekompas.web.regions.loading import store_region_tables
from regiekompas.web.regions.models import Region
from regiekompas.web.responses.loading import store_dataset
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.snapshots import latest_snapshot, publish
from regiekompas.web.scans.models import Scan

DEMO_USERNAME = "demo"
DEMO_SCAN_NAME = "Regiescan Twente 2026"
EXAMPLE_RESPONDENT = "DEMO-R001"


@dataclass(frozen=True)
class DemoInfo:
    username: str
    #: None when the demo user already existed (its password was set on the first run).
    password: str | None
    scan: Scan
    respondent_link: str
    created: bool


def setup_demo(*, password: str | None, respondenten: int = 30, seed: int = 2026) -> DemoInfo:
    region = Region.objects.filter(name=TWENTE_REGIO).first()
    created = region is None
    with transaction.atomic():
        user, new_user = User.objects.get_or_create(
            username=DEMO_USERNAME, defaults={"email": "demo@example.nl"}
        )
        shown_password: str | None = None
        if new_user or password:
            shown_password = password or secrets.token_urlsafe(12)
            user.set_password(shown_password)
            user.save()
        if region is None:
            region, scan = _create_region(respondenten, seed)
        else:
            found = region.scans.filter(name=DEMO_SCAN_NAME).first() or region.scans.first()
            if found is None:
                raise RuntimeError("the demo region exists but has no scan; remove the database")
            scan = found
        Membership.objects.get_or_create(user=user, region=region)
        if latest_snapshot(scan) is None and scan.is_open:
            publish(scan, Snapshot.Kind.INTERIM, user)
        respondent, _ = Respondent.objects.get_or_create(
            scan=scan,
            external_id=EXAMPLE_RESPONDENT,
            defaults={
                "groep": "gemeente_beleid",
                "organisatie": "Gemeente Enschede",
                "gemeenten": ["GM0153"],
                "transities": list(scan.transities),
            },
        )
        link = link_for(issue_token(respondent))
    return DemoInfo(
        DEMO_USERNAME, shown_password if new_user or password else None, scan, link, created
    )


def _create_region(respondenten: int, seed: int) -> tuple[Region, Scan]:
    sim = simulate_region(SimulationParams(gemeenten=14, respondenten=respondenten, seed=seed))
    region = Region.objects.create(
        name=TWENTE_REGIO,
        description="Demoregio met gesimuleerde antwoorden / demo region with simulated answers",
    )
    store_region_tables(region, sim.dataset)
    today = timezone.localdate()
    scan = Scan.objects.create(
        region=region,
        name=DEMO_SCAN_NAME,
        transities=list(sim.dataset.responses.transities),
        perspectieven=["ambitie", "praktijk"],
        k=5,
        opens_on=today - timedelta(days=14),
        closes_on=today + timedelta(days=28),
    )
    scan.open()
    store_dataset(scan, sim.dataset)
    return region, scan
