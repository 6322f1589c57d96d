"""Recording targets and agenda actions, and reading them for the results document.

This is the one place that writes `Target` and `Action`: the gemeente page's forms and the
live workshop (`web/workshop`) both call `record_target`, so the rules (a point within the
compass or a quadrant, a gemeente of the region, a transitie of the scan) hold for both.
Callers check who may record (facilitators of the region, `web/accounts/access.py`) before
they call; these functions check the values.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from typing import Literal

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regiekompas.core.doelen import Doel
from regiekompas.core.measures.trend import QUADRANT_CENTRES
from regiekompas.core.model import load_model
from regiekompas.core.results.rows import AgendaRow
from regiekompas.core.vocabulary import QUADRANTS, quadrant_of
from regiekompas.web.regions.models import Region
from regiekompas.web.scans.models import Scan
from regiekompas.web.targets.models import SUBJECTS, Action, Source, Status, Target

__all__ = [
    "TargetError",
    "agenda_rows",
    "doelen_of",
    "record_action",
    "record_target",
    "targets_of",
]


class TargetError(ValueError):
    """A target or action that cannot be recorded; the message is for users (translated)."""


def _owner(scan_or_region: Scan | Region) -> tuple[Region, Scan | None]:
    if isinstance(scan_or_region, Scan):
        return scan_or_region.region, scan_or_region
    return scan_or_region, None


def _transities(scan: Scan | None) -> list[str]:
    if scan is not None:
        return list(scan.transities)
    return [t.code for t in load_model().transities]


def _check_cell(region: Region, scan: Scan | None, gemeente_code: str, transitie: str) -> None:
    if not region.gemeenten.filter(code=gemeente_code).exists():
        raise TargetError(_("%(code)s is not a gemeente of this region.") % {"code": gemeente_code})
    if transitie not in _transities(scan):
        raise TargetError(_("%(t)s is not a transitie of this scan.") % {"t": transitie})


def record_target(
    scan_or_region: Scan | Region,
    gemeente_code: str,
    transitie: str,
    cc: float | None,
    dc: float | None,
    kwadrant: str | None,
    toelichting: str,
    agreed_by: str,
    source: Literal["workshop", "page"] = "page",
    user: AbstractBaseUser | AnonymousUser | None = None,
    *,
    agreed_on: datetime.date | None = None,
) -> Target:
    """Record (or replace) the doelpositie of one gemeente × transitie; returns it.

    Give a point (`cc` and `dc`, each −1 … 1) or a quadrant (`kwadrant`, one of
    Afspreken, Afstemmen, Coördineren, Sturen), which stands for its centre (±0.5, ±0.5).
    Without a scan (a standalone workshop) the target belongs to the region alone. Raises
    `TargetError` with a message for users when a value is not acceptable.
    """
    region, scan = _owner(scan_or_region)
    _check_cell(region, scan, gemeente_code, transitie)
    if source not in (Source.WORKSHOP, Source.PAGE):
        raise TargetError(_("Unknown source of a target."))
    if cc is not None or dc is not None:
        if cc is None or dc is None:
            raise TargetError(_("Give both cc and dc, or choose a quadrant."))
        for value in (cc, dc):
            if not (isinstance(value, int | float) and math.isfinite(value) and -1 <= value <= 1):
                raise TargetError(_("A position lies between −1 and 1 on each axis."))
        point = (float(cc), float(dc))
        chosen = ""
        if kwadrant and quadrant_of(*point) != kwadrant:
            raise TargetError(_("The point does not lie in the chosen quadrant."))
    elif kwadrant:
        if kwadrant not in QUADRANTS:
            raise TargetError(_("Choose one of the four quadrants."))
        point = QUADRANT_CENTRES[kwadrant]
        chosen = kwadrant
    else:
        raise TargetError(_("Give a point (cc and dc) or choose a quadrant."))
    if len(toelichting) > 2000 or len(agreed_by) > 500:
        raise TargetError(_("The rationale or the list of who agreed is too long."))
    recorder = user if user is not None and user.is_authenticated else None
    with transaction.atomic():
        target, _created = Target.objects.update_or_create(
            region=region,
            scan=scan,
            gemeente_code=gemeente_code,
            transitie=transitie,
            defaults={
                "cc": point[0],
                "dc": point[1],
                "kwadrant": chosen,
                "toelichting": toelichting.strip(),
                "agreed_by": agreed_by.strip(),
                "agreed_on": agreed_on or timezone.localdate(),
                "source": source,
                "recorded_by": recorder,
            },
        )
    return target


def remove_target(scan: Scan, gemeente_code: str, transitie: str) -> bool:
    deleted, _rows = Target.objects.filter(
        scan=scan, gemeente_code=gemeente_code, transitie=transitie
    ).delete()
    return bool(deleted)


def record_action(
    scan_or_region: Scan | Region,
    gemeente_code: str,
    *,
    onderwerp: str,
    actie: str,
    eigenaar: str,
    transitie: str = "",
    deadline: datetime.date | None = None,
    status: str = Status.OPEN,
    user: AbstractBaseUser | AnonymousUser | None = None,
    action: Action | None = None,
) -> Action:
    """Add an agenda action, or change `action` (which must belong to the same scan)."""
    region, scan = _owner(scan_or_region)
    if not region.gemeenten.filter(code=gemeente_code).exists():
        raise TargetError(_("%(code)s is not a gemeente of this region.") % {"code": gemeente_code})
    if transitie and transitie not in _transities(scan):
        raise TargetError(_("%(t)s is not a transitie of this scan.") % {"t": transitie})
    if onderwerp not in SUBJECTS:
        raise TargetError(_("Choose a condition or a problem."))
    if status not in Status.values:
        raise TargetError(_("Unknown status."))
    if not actie.strip() or not eigenaar.strip():
        raise TargetError(_("Describe the action and name its owner."))
    if action is None:
        action = Action(region=region, scan=scan, gemeente_code=gemeente_code)
    elif action.scan_id != (scan.pk if scan else None) or action.gemeente_code != gemeente_code:
        raise TargetError(_("This action belongs to another agenda."))
    action.onderwerp = onderwerp
    action.transitie = transitie
    action.actie = actie.strip()[:500]
    action.eigenaar = eigenaar.strip()[:200]
    action.deadline = deadline
    action.status = status
    if user is not None and user.is_authenticated:
        action.recorded_by = user  # type: ignore[assignment]
    action.save()
    return action


def targets_of(scan: Scan, gemeente_code: str | None = None) -> list[Target]:
    targets = Target.objects.filter(scan=scan)
    if gemeente_code is not None:
        targets = targets.filter(gemeente_code=gemeente_code)
    return list(targets)


def actions_of(scan: Scan, gemeente_code: str | None = None) -> list[Action]:
    actions = Action.objects.filter(scan=scan)
    if gemeente_code is not None:
        actions = actions.filter(gemeente_code=gemeente_code)
    return list(actions)


def doelen_of(targets: Iterable[Target]) -> list[Doel]:
    """The targets as `core.doelen.Doel`, what `core.doelen.doelen_rows` measures against."""
    return [
        Doel(
            gemeente_code=t.gemeente_code,
            transitie=t.transitie,
            cc=t.cc,
            dc=t.dc,
            kwadrant=t.kwadrant or quadrant_of(t.cc, t.dc),
            toelichting=t.toelichting,
        )
        for t in targets
    ]


def agenda_rows(actions: Iterable[Action]) -> list[AgendaRow]:
    """The actions as `agenda` rows of the results document (docs/method.md)."""
    from regiekompas.core.agenda import sorted_agenda

    return sorted_agenda(
        AgendaRow(
            gemeente_code=a.gemeente_code,
            onderwerp=a.onderwerp,
            transitie=a.transitie or None,
            actie=a.actie,
            eigenaar=a.eigenaar,
            deadline=a.deadline.isoformat() if a.deadline else None,
            status=a.status,
        )
        for a in actions
    )
