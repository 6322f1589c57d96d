"""Carry targets and agenda over to a scan's next round (`scans.signals.next_round_created`).

The next round starts with the same doelposities and the same actions, each remembering the
row it came from; the actions keep their status, so the agenda's progress continues where
it was and the next round's results can show it next to the trend.
"""

from __future__ import annotations

from typing import Any

from regiekompas.web.scans.models import Scan
from regiekompas.web.targets.models import Action, Source, Target


def carry_over(sender: type[Scan], previous: Scan, scan: Scan, **kwargs: Any) -> None:
    Target.objects.bulk_create(
        Target(
            region=scan.region,
            scan=scan,
            gemeente_code=t.gemeente_code,
            transitie=t.transitie,
            cc=t.cc,
            dc=t.dc,
            kwadrant=t.kwadrant,
            toelichting=t.toelichting,
            agreed_by=t.agreed_by,
            agreed_on=t.agreed_on,
            source=Source.PREVIOUS,
            recorded_by=t.recorded_by,
            carried_from=t,
        )
        for t in Target.objects.filter(scan=previous)
        if t.transitie in scan.transities
    )
    Action.objects.bulk_create(
        Action(
            region=scan.region,
            scan=scan,
            gemeente_code=a.gemeente_code,
            onderwerp=a.onderwerp,
            transitie=a.transitie,
            actie=a.actie,
            eigenaar=a.eigenaar,
            deadline=a.deadline,
            status=a.status,
            recorded_by=a.recorded_by,
            carried_from=a,
        )
        for a in Action.objects.filter(scan=previous).order_by("pk")
    )
