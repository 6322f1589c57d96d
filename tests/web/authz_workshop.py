"""Authorization rows of the workshop: facilitators of the scan's region run a session of
scan A; anyone with the join code takes part, without an account."""

from __future__ import annotations

from collections.abc import Sequence

from authz_matrix import (
    MANAGE,
    NOT_ALLOWED,
    OK,
    POST_ONLY,
    SIGNED_IN,
    Row,
    everyone,
    no_args,
)
from conftest import World

from regiekompas.web.workshop.models import WorkshopRound, WorkshopSession
from regiekompas.web.workshop.service import create_session


def _session_of_a(world: World) -> WorkshopSession:
    return create_session(
        title="Werksessie Twente",
        scan=world.scan_a,
        transities=["jeugd", "wmo"],
        k=3,
        created_by=world.facilitator_a,
        focus_transitie="jeugd",
    )


def session_a(world: World) -> Sequence[object]:
    return [_session_of_a(world).pk]


def code_a(world: World) -> Sequence[object]:
    return [_session_of_a(world).code]


def saved_round_a(world: World) -> Sequence[object]:
    session = _session_of_a(world)
    saved = WorkshopRound.objects.create(
        scan=world.scan_a, session=session, title=session.title, data={"versie": 1}
    )
    return [saved.pk]


#: A session of scan A (region A's facilitators) posted to.
MANAGE_POST = {**MANAGE}
#: Starting a session: any facilitator (of some region) or superuser; a viewer may not.
START = {**SIGNED_IN, "viewer_x": "403"}


ROWS = {
    "workshop:list": Row(no_args, get=SIGNED_IN),
    "workshop:create": Row(
        no_args,
        get=START,
        post=START,
        data=lambda world: {"title": "Sessie", "transities": ["jeugd"], "k": "3", "ask": "groep"},
        mutates=True,
    ),
    "workshop:projector": Row(session_a, get=MANAGE),
    "workshop:poll": Row(session_a, get=MANAGE),
    "workshop:qr": Row(session_a, get=MANAGE),
    "workshop:control": Row(
        session_a,
        get=POST_ONLY,
        post=MANAGE_POST,
        data=lambda world: {"action": "reveal"},
        mutates=True,
    ),
    "workshop:target": Row(
        session_a,
        get=POST_ONLY,
        post=MANAGE_POST,
        data=lambda world: {
            "transitie": "jeugd",
            "kwadrant": "Afspreken",
            "toelichting": "Samen beslissen",
            "akkoord": "Wethouders en aanbieders",
        },
        mutates=True,
    ),
    "workshop:save": Row(
        session_a,
        get=POST_ONLY,
        post=MANAGE_POST,
        data=lambda world: {"scan": world.scan_a.pk},
        mutates=True,
    ),
    "workshop:saved_round": Row(saved_round_a, get=MANAGE),
    # Participants: no account; the join code is the key.
    "workshop_join:start": Row(no_args, get=everyone(OK)),
    "workshop_join:session": Row(
        code_a,
        get=everyone(OK),
        post=everyone(OK),
        data=lambda world: {"choice": "gemeente_beleid"},
        mutates=True,
    ),
    # Without having joined, a placement is sent back to the group choice (nothing stored).
    "workshop_join:place": Row(
        code_a,
        get=everyone(NOT_ALLOWED),
        post=everyone(OK),
        data=lambda world: {"transitie": "jeugd", "perspectief": "ambitie", "cc": "0", "dc": "0"},
    ),
    "workshop_join:poll": Row(code_a, get=everyone(OK)),
}
