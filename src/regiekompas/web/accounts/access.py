"""The object-level access checks of every view, in one place.

Views never query a region, scan or respondent by primary key alone: they call these
functions, which answer 404 for objects the user may not see, so that guessing a URL
reveals neither the object nor whether it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import Http404

if TYPE_CHECKING:
    from regiekompas.web.regions.models import Region
    from regiekompas.web.scans.models import Scan

AnyUser = User | AnonymousUser


def _is_super(user: AnyUser) -> bool:
    return bool(getattr(user, "is_superuser", False)) and user.is_authenticated


def facilitated_regions(user: AnyUser) -> QuerySet[Region]:
    """Regions this user facilitates (all regions for a superuser)."""
    from regiekompas.web.regions.models import Region

    if not user.is_authenticated:
        return Region.objects.none()
    if _is_super(user):
        return Region.objects.all()
    return Region.objects.filter(memberships__user=user)


def visible_regions(user: AnyUser) -> QuerySet[Region]:
    """Regions this user facilitates or has a gemeente viewer membership in."""
    from regiekompas.web.regions.models import Region

    if not user.is_authenticated:
        return Region.objects.none()
    if _is_super(user):
        return Region.objects.all()
    return Region.objects.filter(Q(memberships__user=user) | Q(viewers__user=user)).distinct()


def facilitated_region(user: AnyUser, pk: int) -> Region:
    """The region with `pk` if this user facilitates it; else 404."""
    region = facilitated_regions(user).filter(pk=pk).first()
    if region is None:
        raise Http404
    return region


def facilitated_scan(user: AnyUser, pk: int) -> Scan:
    """The scan with `pk` if this user facilitates its region; else 404."""
    from regiekompas.web.scans.models import Scan

    scan = (
        Scan.objects.select_related("region")
        .filter(pk=pk, region__in=facilitated_regions(user))
        .first()
    )
    if scan is None:
        raise Http404
    return scan


@dataclass(frozen=True)
class ResultsAccess:
    """What a user may see of one scan's results.

    `gemeenten` is None for "every gemeente" (facilitator, superuser); otherwise the codes of
    the gemeenten this viewer may see individually. Regional aggregates are always visible.
    """

    scan: Scan
    gemeenten: frozenset[str] | None

    @property
    def is_facilitator(self) -> bool:
        return self.gemeenten is None

    def may_see_gemeente(self, code: str) -> bool:
        return self.gemeenten is None or code in self.gemeenten


def results_access(user: AnyUser, scan_pk: int) -> ResultsAccess:
    """The scan's results as far as this user may see them; 404 when none at all."""
    from regiekompas.web.accounts.models import GemeenteViewer
    from regiekompas.web.scans.models import Scan

    scan = Scan.objects.select_related("region").filter(pk=scan_pk).first()
    if scan is None or not user.is_authenticated:
        raise Http404
    if facilitated_regions(user).filter(pk=scan.region_id).exists():
        return ResultsAccess(scan, None)
    codes = frozenset(
        GemeenteViewer.objects.filter(user=user, region_id=scan.region_id).values_list(
            "gemeente_code", flat=True
        )
    )
    # Viewers read results once a scan has opened; a draft is the facilitators' work space.
    if not codes or scan.is_concept:
        raise Http404
    return ResultsAccess(scan, codes)
