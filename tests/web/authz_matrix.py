"""The authorization matrix: for every URL name, how to reach it and what each role gets.

Every row targets region A / scan A of the `world` fixture, so "facilitator_a" and
"superuser" are the insiders, "facilitator_b" and "viewer_x" outsiders of the management
pages, and "anonymous" and "respondent" (an anonymous browser that opened the questionnaire
link of scan A) never get past the login page of a facilitator page. `test_authorization`
fails when a URL name of the project has no row here, so a new URL cannot slip through
without someone deciding who may use it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from conftest import World, make_scan, make_user
from django.utils import timezone

from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import OpenAnswer

ROLES = ("anonymous", "respondent", "facilitator_a", "facilitator_b", "viewer_x", "superuser")

# Outcomes, as `test_authorization.outcome_of` classifies a response.
OK = "ok"  # 2xx, or a redirect anywhere but a login page
LOGIN = "login"  # redirect to accounts:login
ADMIN_LOGIN = "admin login"  # redirect to the Django admin's own login page
REJECTED = "400"  # the request got through but its content was refused
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"

#: Outcomes that must leave the database exactly as it was.
DENIED = frozenset({LOGIN, ADMIN_LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED})

Outcomes = Mapping[str, str]


def per_role(**outcomes: str) -> dict[str, str]:
    """An outcome for each role; naming every role keeps the table honest."""
    assert set(outcomes) == set(ROLES), sorted(set(ROLES) ^ set(outcomes))
    return dict(outcomes)


def everyone(outcome: str) -> dict[str, str]:
    return dict.fromkeys(ROLES, outcome)


#: A facilitator page of region A or scan A.
MANAGE = per_role(
    anonymous=LOGIN,
    respondent=LOGIN,
    facilitator_a=OK,
    facilitator_b=NOT_FOUND,
    viewer_x=NOT_FOUND,
    superuser=OK,
)
#: The same page when the insiders' POST is refused for its (empty) content.
MANAGE_REJECTED = {**MANAGE, "facilitator_a": REJECTED, "superuser": REJECTED}
#: GET on a POST-only action: the login check comes first, then the method check.
POST_ONLY = per_role(
    anonymous=LOGIN,
    respondent=LOGIN,
    facilitator_a=NOT_ALLOWED,
    facilitator_b=NOT_ALLOWED,
    viewer_x=NOT_ALLOWED,
    superuser=NOT_ALLOWED,
)
#: Results of scan A: the viewer of gemeente X sees them too (product.md §6).
RESULTS = {**MANAGE, "viewer_x": OK}
#: Any signed-in user; anonymous browsers are sent to the login page.
SIGNED_IN = {**everyone(OK), "anonymous": LOGIN, "respondent": LOGIN}


@dataclass(frozen=True)
class Row:
    """How to call one URL name and what each role gets for GET and, if it takes one, POST.

    `args` builds the URL arguments from the world and may add what the URL needs (a draft
    scan, a second facilitator), so that an insider's POST really changes something: that
    is what makes the outsiders' "nothing changed" meaningful (`mutates`).
    """

    args: Callable[[World], Sequence[object]]
    get: Outcomes
    post: Outcomes | None = None
    data: Callable[[World], dict[str, object]] = field(default=lambda world: {})
    query: Mapping[str, str] = field(default_factory=dict)
    mutates: bool = False


# --- arguments ------------------------------------------------------------------------------


def no_args(world: World) -> Sequence[object]:
    return []


def region_a(world: World) -> Sequence[object]:
    return [world.region_a.pk]


def scan_a(world: World) -> Sequence[object]:
    return [world.scan_a.pk]


def token_a(world: World) -> Sequence[object]:
    return [world.token_a]


def draft_scan_a(world: World) -> Sequence[object]:
    """A draft scan in region A: only a draft can be opened or edited."""
    return [make_scan(world.region_a, open_=False, name="Scan 2027").pk]


def second_facilitator_a(world: World) -> Sequence[object]:
    """Region A with a second facilitator, whose membership may then be removed."""
    other = Membership.objects.create(user=make_user("fac_a2"), region=world.region_a)
    return [world.region_a.pk, other.pk]


def viewer_x_of_a(world: World) -> Sequence[object]:
    viewer = GemeenteViewer.objects.get(user=world.viewer_x, region=world.region_a)
    return [world.region_a.pk, viewer.pk]


def scan_a_with_mail(world: World) -> Sequence[object]:
    """Scan A whose respondent has an email address and no invitation yet."""
    Respondent.objects.filter(pk=world.respondent_a.pk).update(email="r001@example.nl")
    return [world.scan_a.pk]


def scan_a_to_remind(world: World) -> Sequence[object]:
    """Scan A whose respondent was invited and has not submitted."""
    Respondent.objects.filter(pk=world.respondent_a.pk).update(
        email="r001@example.nl", invited_at=timezone.now()
    )
    return [world.scan_a.pk]


def quote_of_a(world: World) -> Sequence[object]:
    """Scan A with one free-text answer of its respondent, which a facilitator may hide."""
    quote = OpenAnswer.objects.create(
        respondent=world.respondent_a, question="open1", text="Het overleg werkt goed."
    )
    return [world.scan_a.pk, quote.pk]


def scan_a_answered(world: World) -> Sequence[object]:
    """Scan A whose respondent submitted a position (so publishing and exporting do something)."""
    from regiekompas.web.responses.models import Answer

    for item in world.scan_a.instrument().axis_item_codes:
        Answer.objects.get_or_create(
            respondent=world.respondent_a,
            gemeente_code=world.gemeente_x,
            transitie="jeugd",
            perspectief="praktijk",
            item=item,
            defaults={"value": 3},
        )
    Respondent.objects.filter(pk=world.respondent_a.pk).update(submitted_at=timezone.now())
    return [world.scan_a.pk]


# --- posted data ----------------------------------------------------------------------------


def scan_fields(world: World) -> dict[str, object]:
    return {
        "name": "Herziene scan",
        "transities": ["jeugd"],
        "perspectieven": ["ambitie", "praktijk"],
        "instrument_version": "1",
        "k": "3",
    }


def one_answer(world: World) -> dict[str, object]:
    """One valid answer of the world's respondent (Almelo, jeugd, ambitie)."""
    return {
        "gemeente": "GM0141",
        "transitie": "jeugd",
        "perspectief": "ambitie",
        "item": "cc1",
        "waarde": "3",
    }


MATRIX: dict[str, Row] = {
    # --- start page and regions -------------------------------------------------------------
    "regions:list": Row(no_args, get=SIGNED_IN),
    "regions:create": Row(
        no_args,
        # Facilitators of any region and superusers may start one; a viewer may not.
        get={**SIGNED_IN, "viewer_x": FORBIDDEN},
        post={**SIGNED_IN, "viewer_x": FORBIDDEN},
        data=lambda world: {"name": "Nieuwe regio"},
        mutates=True,
    ),
    "regions:detail": Row(region_a, get=MANAGE),
    "regions:gemeenten": Row(
        region_a, get=MANAGE, post=MANAGE, data=lambda world: {"codes": ["GM0363"]}, mutates=True
    ),
    "regions:gemeente_remove": Row(
        lambda world: [world.region_a.pk, "GM0164"], get=POST_ONLY, post=MANAGE, mutates=True
    ),
    "regions:import": Row(region_a, get=MANAGE, post=MANAGE_REJECTED),
    "regions:members": Row(
        region_a,
        get=MANAGE,
        post=MANAGE,
        data=lambda world: {
            "username": "fac_b",
            "email": "fac_b@example.nl",
            "role": "facilitator",
        },
        mutates=True,
    ),
    "regions:facilitator_remove": Row(
        second_facilitator_a, get=POST_ONLY, post=MANAGE, mutates=True
    ),
    "regions:viewer_remove": Row(viewer_x_of_a, get=POST_ONLY, post=MANAGE, mutates=True),
    # --- scans ------------------------------------------------------------------------------
    "scans:create": Row(region_a, get=MANAGE, post=MANAGE, data=scan_fields, mutates=True),
    "scans:detail": Row(scan_a, get=MANAGE),
    "scans:edit": Row(draft_scan_a, get=MANAGE, post=MANAGE, data=scan_fields, mutates=True),
    "scans:open": Row(draft_scan_a, get=POST_ONLY, post=MANAGE, mutates=True),
    "scans:close": Row(scan_a, get=POST_ONLY, post=MANAGE, mutates=True),
    "scans:publish": Row(scan_a_answered, get=POST_ONLY, post=MANAGE, mutates=True),
    "scans:copy": Row(
        scan_a,
        get=POST_ONLY,
        post=MANAGE,
        data=lambda world: {"name": "Overname 2027"},
        mutates=True,
    ),
    # --- respondents and invitations ---------------------------------------------------------
    "invitations:list": Row(scan_a, get=MANAGE),
    "invitations:add": Row(
        scan_a,
        get=MANAGE,
        post=MANAGE,
        data=lambda world: {
            "groep": "gemeente_beleid",
            "organisatie": "Gemeente Hengelo",
            "gemeenten": ["GM0164"],
            "transities": ["jeugd"],
        },
        mutates=True,
    ),
    "invitations:import": Row(scan_a, get=MANAGE, post=MANAGE),
    "invitations:links": Row(
        scan_a,
        get=POST_ONLY,
        post=MANAGE,
        query={"format": "csv", "scope": "all"},
        data=lambda world: {"format": "csv", "scope": "all"},
        mutates=True,
    ),
    "invitations:send": Row(scan_a_with_mail, get=POST_ONLY, post=MANAGE, mutates=True),
    "invitations:remind": Row(scan_a_to_remind, get=POST_ONLY, post=MANAGE, mutates=True),
    "invitations:remind_group": Row(
        lambda world: [*scan_a_to_remind(world), "gemeente_beleid"],
        get=POST_ONLY,
        post=MANAGE,
        mutates=True,
    ),
    "invitations:revoke": Row(
        lambda world: [world.scan_a.pk, world.respondent_a.pk],
        get=POST_ONLY,
        post=MANAGE,
        mutates=True,
    ),
    "invitations:rates": Row(scan_a, get=MANAGE),
    # --- answers ----------------------------------------------------------------------------
    "responses:import": Row(scan_a, get=MANAGE, post=MANAGE),
    "responses:export": Row(scan_a, get=MANAGE),
    "responses:export_identified": Row(
        scan_a_answered,
        get=MANAGE,
        post=MANAGE,
        data=lambda world: {"reason": "Een respondent vroeg om inzage"},
        mutates=True,
    ),
    # --- results ----------------------------------------------------------------------------
    "results:overview": Row(scan_a, get=RESULTS),
    "results:cell": Row(lambda world: [world.scan_a.pk, world.gemeente_x, "jeugd"], get=RESULTS),
    "results:gemeente": Row(lambda world: [world.scan_a.pk, world.gemeente_x], get=RESULTS),
    # The provider pages name every gemeente's position: facilitators only (product.md §6).
    "results:providers": Row(scan_a, get=MANAGE),
    "results:provider": Row(lambda world: [world.scan_a.pk, "Zorggroep Twente"], get=MANAGE),
    "results:hide_quote": Row(quote_of_a, get=POST_ONLY, post=MANAGE, mutates=True),
    # --- the questionnaire: the token is the only authority, whoever holds it ---------------
    "questionnaire:start": Row(token_a, get=everyone(OK)),
    "questionnaire:step": Row(
        lambda world: [world.token_a, 1],
        get=everyone(OK),
        post=everyone(OK),
        data=lambda world: {"cc1:GM0141:jeugd:ambitie": "3"},
        mutates=True,
    ),
    "questionnaire:answer": Row(
        token_a, get=everyone(NOT_ALLOWED), post=everyone(OK), data=one_answer, mutates=True
    ),
    "questionnaire:review": Row(token_a, get=everyone(OK)),
    "questionnaire:submit": Row(
        token_a, get=everyone(NOT_ALLOWED), post=everyone(OK), mutates=True
    ),
    "questionnaire:done": Row(token_a, get=everyone(OK)),
    # --- accounts: open to everyone -----------------------------------------------------------
    "accounts:login": Row(no_args, get=everyone(OK)),
    # Logging out is POST only and always ends on the login page.
    "accounts:logout": Row(no_args, get=everyone(NOT_ALLOWED), post=everyone(LOGIN)),
    "accounts:password_reset": Row(
        no_args,
        get=everyone(OK),
        post=everyone(OK),
        data=lambda world: {"email": "fac_a@example.nl"},
        mutates=True,
    ),
    "accounts:password_reset_done": Row(no_args, get=everyone(OK)),
    # An invalid reset link shows a page saying so.
    "accounts:password_reset_confirm": Row(
        lambda world: ["MQ", "ongeldig-token"], get=everyone(OK)
    ),
    "accounts:password_reset_complete": Row(no_args, get=everyone(OK)),
    # --- the privacy statement: public, as respondents read it before answering -----------------
    "privacy": Row(no_args, get=everyone(OK)),
    # --- the Django admin: superusers only; the rest of admin:* is Django's own ---------------
    "admin:index": Row(no_args, get={**everyone(ADMIN_LOGIN), "superuser": OK}),
}

#: URL names deliberately left out of the matrix, and why.
NOT_IN_MATRIX = {
    "set_language": "Django's language switch; it touches no data of anyone",
}
#: Namespaces left out except for the names the matrix has (admin:index).
NAMESPACES_NOT_IN_MATRIX = {"admin": "Django admin internals, guarded by the admin itself"}


# The newer apps keep their rows in a module of their own (tests/web/authz_<app>.py, a dict
# ROWS of URL name to Row), so their work does not collide in this file.
def _app_rows() -> None:
    import importlib

    for app in ("jobs", "targets", "workshop", "documents", "reports", "api"):
        try:
            module = importlib.import_module(f"authz_{app}")
        except ModuleNotFoundError as missing:
            if missing.name != f"authz_{app}":
                raise
            continue
        MATRIX.update(module.ROWS)


_app_rows()
