"""Shared bits of the facilitator pages: the signed-in user and the breadcrumb trail."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from regiekompas.web.accounts.models import Membership
from regiekompas.web.regions.models import Region


def signed_in(request: HttpRequest) -> User:
    """The user of a request that passed `login_required`, typed as the user it is."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def may_create_region(user: User) -> bool:
    """Who may start a new region.

    Superusers, users granted `regions.add_region` by an administrator, and anyone who
    already facilitates a region (an adviser setting up the next one). A gemeente viewer or
    a fresh account cannot: regions are not meant to be made by whoever signs up.
    """
    if user.is_superuser or user.has_perm("regions.add_region"):
        return True
    return Membership.objects.filter(user=user).exists()


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str | None = None


def region_crumbs(region: Region, *further: Crumb | str) -> list[Crumb]:
    """Regions › this region › further steps; the last crumb is the current page, no link."""
    trail = [
        Crumb(_("Regions"), reverse("regions:list")),
        Crumb(region.name, reverse("regions:detail", args=[region.pk])),
    ]
    trail.extend(step if isinstance(step, Crumb) else Crumb(step) for step in further)
    trail[-1] = Crumb(trail[-1].label)
    return trail
