"""The room's chosen target per transitie (product.md §12–13, docs/workshop.md).

A session keeps what the room chose on itself (`WorkshopSession.targets`), so a standalone
session keeps its targets too and the projector can draw them. For a session with a scan,
the facilitator names the gemeente the target is for, and the target is recorded as that
gemeente's doelpositie through the targets app (`targets.services.record_target`), which
checks the values; the results then measure the distance to it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from regiekompas.core.charts.room import RoomMark
from regiekompas.core.vocabulary import QUADRANTS
from regiekompas.web.results.formatting import number, quadrant_name
from regiekompas.web.workshop.models import WorkshopSession

#: A quadrant target is the centre of its quadrant (product.md §13).
_CENTRES = {
    "Afspreken": (-0.5, -0.5),
    "Afstemmen": (0.5, -0.5),
    "Coördineren": (-0.5, 0.5),
    "Sturen": (0.5, 0.5),
}


def _point(data: dict[str, Any]) -> tuple[float, float, str]:
    kwadrant = data.get("kwadrant") or ""
    if kwadrant in QUADRANTS:
        cc, dc = _CENTRES[kwadrant]
        return cc, dc, kwadrant
    return float(data["cc"]), float(data["dc"]), ""


def record(session: WorkshopSession, data: dict[str, Any], user: User) -> tuple[bool, str]:
    """Store the chosen target; returns whether it was stored, and a sentence to show."""
    cc, dc, kwadrant = _point(data)
    gemeente = data.get("gemeente") or ""
    if session.scan is not None and gemeente:
        from regiekompas.web.targets.services import TargetError, record_target

        try:
            record_target(
                session.scan,
                gemeente,
                data["transitie"],
                None if kwadrant else cc,
                None if kwadrant else dc,
                kwadrant or None,
                data["toelichting"],
                data["akkoord"],
                source="workshop",
                user=user,
            )
        except TargetError as exc:
            return False, _("The target was not recorded: %(why)s") % {"why": exc}
    targets = dict(session.targets)
    targets[data["transitie"]] = {
        "gemeente_code": gemeente,
        "cc": cc,
        "dc": dc,
        "kwadrant": kwadrant,
        "toelichting": data["toelichting"],
        "akkoord": data["akkoord"],
    }
    session.targets = targets
    session.save(update_fields=["targets"])
    if session.scan is not None and gemeente:
        return True, _("The chosen target was recorded as the doelpositie of %(gemeente)s.") % {
            "gemeente": gemeente_name(session, gemeente)
        }
    return True, _("The chosen target was recorded in this session.")


def gemeente_name(session: WorkshopSession, code: str) -> str:
    if session.scan is None:
        return code
    found = session.scan.region.gemeenten.filter(code=code).values_list("naam", flat=True).first()
    return found or code


def target_mark(session: WorkshopSession, transitie: str) -> RoomMark | None:
    found = session.targets.get(transitie)
    if not found:
        return None
    return RoomMark("doel", _("target"), float(found["cc"]), float(found["dc"]))


def target_text(session: WorkshopSession, transitie: str) -> str:
    found = session.targets.get(transitie)
    if not found:
        return ""
    where = (
        quadrant_name(found["kwadrant"])
        if found.get("kwadrant")
        else _("cocreatie–controle %(cc)s, decentraal–centraal %(dc)s")
        % {"cc": number(found["cc"]), "dc": number(found["dc"])}
    )
    return _("Chosen target: %(where)s. Rationale: %(why)s. Agreed by: %(who)s.") % {
        "where": where,
        "why": found.get("toelichting", ""),
        "who": found.get("akkoord", ""),
    }
