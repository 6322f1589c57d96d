"""The workshop's work, between the views and the models (docs/workshop.md).

Who may run a session: the facilitators of the scan's region for a session with a scan; for
a standalone session (a consultant's workshop without a scan), whoever started it. Both
answer 404 for anything else, like every object in this app (docs/security.md).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.http import Http404

from regiekompas.core.model import load_model
from regiekompas.core.vocabulary import PERSPECTIEVEN, quadrant_of
from regiekompas.core.workshop import Dot, RoomCell, room_cell
from regiekompas.web.accounts.access import facilitated_regions
from regiekompas.web.scans.models import Scan
from regiekompas.web.workshop.models import (
    ROUNDS,
    Participant,
    Placement,
    WorkshopRound,
    WorkshopSession,
    new_code,
)

AnyUser = User | AnonymousUser

#: Version of the saved-round document (docs/workshop.md, "Saved rounds").
ROUND_DOCUMENT_VERSION = 1


class Refused(Exception):
    """A participant's action that the session does not accept now (locked, unknown)."""


def visible_sessions(user: AnyUser) -> QuerySet[WorkshopSession]:
    if not user.is_authenticated:
        return WorkshopSession.objects.none()
    if user.is_superuser:
        return WorkshopSession.objects.all()
    return WorkshopSession.objects.filter(
        Q(scan__region__in=facilitated_regions(user)) | Q(scan__isnull=True, created_by=user)
    )


def session_for(user: AnyUser, pk: int) -> WorkshopSession:
    """The session if this user may run it; else 404."""
    found = visible_sessions(user).select_related("scan", "scan__region").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def facilitated_scans(user: AnyUser) -> QuerySet[Scan]:
    return Scan.objects.filter(region__in=facilitated_regions(user)).select_related("region")


def create_session(**fields: Any) -> WorkshopSession:
    """A new session with a fresh join code (a clash with an existing code is retried)."""
    for _attempt in range(20):
        try:
            with transaction.atomic():
                return WorkshopSession.objects.create(code=new_code(), **fields)
        except IntegrityError:
            continue
    raise RuntimeError("no free join code found")  # 191 million codes: practically never


# --- participants -----------------------------------------------------------------------------


def join(session: WorkshopSession, *, groep: str, rationaliteit: str) -> Participant:
    if session.locked:
        raise Refused("locked")
    participant = Participant.objects.create(
        session=session, key=secrets.token_hex(16), groep=groep, rationaliteit=rationaliteit
    )
    WorkshopSession.objects.filter(pk=session.pk).update(version=F("version") + 1)
    return participant


def place(
    session: WorkshopSession,
    participant: Participant,
    *,
    transitie: str,
    perspectief: str,
    cc: float,
    dc: float,
) -> int:
    """Put (or move) the participant's dot of the current round; returns the new version.

    One statement inserts or updates the dot (the unique key is participant × round ×
    transitie × perspectief), one raises the session's version; both in one transaction,
    so a projector that sees the new version also sees the dot.
    """
    if session.locked:
        raise Refused("locked")
    if transitie not in session.transities or perspectief not in PERSPECTIEVEN:
        raise Refused("unknown")
    with transaction.atomic():
        Placement.objects.bulk_create(
            [
                Placement(
                    session_id=session.pk,
                    participant_id=participant.pk,
                    round=session.round,
                    transitie=transitie,
                    perspectief=perspectief,
                    cc=cc,
                    dc=dc,
                )
            ],
            update_conflicts=True,
            unique_fields=["participant", "round", "transitie", "perspectief"],
            update_fields=["cc", "dc", "updated_at"],
        )
        WorkshopSession.objects.filter(pk=session.pk).update(version=F("version") + 1)
        version = WorkshopSession.objects.filter(pk=session.pk).values_list("version", flat=True)
        return int(version[0])


def own_placements(participant: Participant) -> dict[tuple[int, str, str], tuple[float, float]]:
    return {
        (p.round, p.transitie, p.perspectief): (p.cc, p.dc)
        for p in Placement.objects.filter(participant=participant)
    }


# --- the room ---------------------------------------------------------------------------------


def rationaliteit_map() -> dict[str, str]:
    return {g.code: g.rationaliteit for g in load_model().groups}


@dataclass(frozen=True)
class Room:
    """The room's cells of one transitie: (round, perspectief) → what may be shown."""

    version: int
    participants: int
    cells: dict[tuple[int, str], RoomCell]


def room(session: WorkshopSession, transitie: str) -> Room:
    """Every round × perspectief of one transitie, under the k-rules (core.workshop).

    The version is read before the dots, so everything up to that version is included.
    """
    version = (
        WorkshopSession.objects.filter(pk=session.pk).values_list("version", flat=True).first()
    )
    participants = Participant.objects.filter(session=session).count()
    rows = Placement.objects.filter(session=session, transitie=transitie).values_list(
        "round",
        "perspectief",
        "cc",
        "dc",
        "participant__groep",
        "participant__rationaliteit",
    )
    dots: dict[tuple[int, str], list[Dot]] = {(r, p): [] for r in ROUNDS for p in PERSPECTIEVEN}
    for rnd, perspectief, cc, dc, groep, rationaliteit in rows:
        dots.setdefault((rnd, perspectief), []).append(Dot(cc, dc, groep, rationaliteit))
    mapping = rationaliteit_map()
    cells = {
        key: room_cell(found, k=session.k, rationaliteit_of=mapping) for key, found in dots.items()
    }
    return Room(int(version or 0), participants, cells)


# --- saving with a scan -----------------------------------------------------------------------


def round_document(session: WorkshopSession) -> dict[str, Any]:
    """The anonymous document of a session's dots (docs/workshop.md, "Saved rounds").

    Dots carry a rationaliteit only where the k-rule shows it and never a group or a
    participant; they are sorted by position, so their order says nothing about who placed
    them or when. Centroids and spraakverwarring are those the projector showed.
    """
    punten: list[dict[str, Any]] = []
    centroiden: list[dict[str, Any]] = []
    verwarring: list[dict[str, Any]] = []
    for transitie in session.transities:
        for (rnd, perspectief), cell in sorted(room(session, transitie).cells.items()):
            key = {"ronde": rnd, "transitie": transitie, "perspectief": perspectief}
            for dot in cell.dots:
                punten.append(
                    {
                        **key,
                        "cc": round(dot.cc, 4),
                        "dc": round(dot.dc, 4),
                        "rationaliteit": dot.rationaliteit,
                    }
                )
            for soort, found in (("groep", cell.groups), ("rationaliteit", cell.rationaliteiten)):
                for c in found:
                    centroiden.append(
                        {
                            **key,
                            "soort": soort,
                            "code": c.code,
                            "n": c.n,
                            "cc": round(c.cc, 4),
                            "dc": round(c.dc, 4),
                            "kwadrant": quadrant_of(c.cc, c.dc),
                        }
                    )
            for soort, spread in (
                ("groepen", cell.spread_groups),
                ("rationaliteiten", cell.spread_rationaliteiten),
            ):
                if spread is not None:
                    verwarring.append(
                        {
                            **key,
                            "tussen": soort,
                            "waarde": round(spread.value, 4),
                            "paar": [spread.first, spread.second],
                        }
                    )
    return {
        "versie": ROUND_DOCUMENT_VERSION,
        "titel": session.title,
        "k": session.k,
        "gevraagd": session.ask,
        "transities": list(session.transities),
        "deelnemers": Participant.objects.filter(session=session).count(),
        "punten": punten,
        "centroiden": centroiden,
        "spraakverwarring": verwarring,
        "doelen": [{"transitie": t, **value} for t, value in sorted(session.targets.items())],
    }


def save_round(session: WorkshopSession, scan: Scan, user: User) -> WorkshopRound:
    return WorkshopRound.objects.create(
        scan=scan,
        session=session,
        title=session.title,
        saved_by=user,
        data=round_document(session),
    )
