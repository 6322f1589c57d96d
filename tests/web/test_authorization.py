"""Who may do what on every URL of the site (issue acceptance; product.md §6).

The table is in `authz_matrix`: per URL name, per role, the outcome of a GET and of a POST.
Each case is named "<url name>-<role>", so a failure says which door let whom through. A
request that is refused must also leave the database exactly as it was; the insiders' own
POST of the same data does change it, which shows the refused data would have mattered.

Below the matrix are the checks a table of status codes cannot express: what a page shows
a viewer, tokens that are wrong or withdrawn, and URLs that combine objects of two regions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import pytest
from authz_matrix import (
    ADMIN_LOGIN,
    DENIED,
    LOGIN,
    MATRIX,
    NAMESPACES_NOT_IN_MATRIX,
    NOT_FOUND,
    NOT_IN_MATRIX,
    OK,
    ROLES,
)
from conftest import World, make_respondent, make_user
from django.apps import apps
from django.contrib.auth.models import User
from django.core import mail
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import timezone

from regiekompas.core.simulate import SimulationParams, simulate_region
from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.regions.loading import store_region_tables
from regiekompas.web.regions.models import RegionGemeente
from regiekompas.web.responses.loading import store_dataset
from regiekompas.web.responses.models import Answer, Snapshot
from regiekompas.web.responses.snapshots import publish

WRONG_TOKEN = "x" * 43
HTMX = {"HTTP_HX_REQUEST": "true"}

# --- helpers --------------------------------------------------------------------------------


def outcome_of(response: HttpResponse) -> str:
    """The matrix's name for what a response means to the user."""
    status = response.status_code
    if 300 <= status < 400:
        target = urlsplit(response["Location"]).path
        if target == reverse("accounts:login"):
            return LOGIN
        if target == reverse("admin:login"):
            return ADMIN_LOGIN
        return OK
    if 200 <= status < 300:
        return OK
    return str(status)


def act_as(role: str, world: World, client: Client) -> Client:
    """A browser of this role; the respondent has opened their questionnaire link first."""
    if role == "respondent":
        assert client.get(reverse("questionnaire:start", args=[world.token_a])).status_code == 200
    elif role != "anonymous":
        client.force_login(getattr(world, role))
    return client


def database_state() -> dict[str, Any]:
    """Every row of every table of the project (and the users and sent mail), comparable."""
    state: dict[str, Any] = {
        "users": list(User.objects.order_by("pk").values("pk", "username", "is_active")),
        "mail": len(mail.outbox),
    }
    for model in apps.get_models():
        if model.__module__.startswith("regiekompas.web."):
            state[model._meta.label] = list(model._default_manager.order_by("pk").values())
    return state


def changed_tables(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [table for table in before if before[table] != after[table]]


def url_names(
    patterns: list[URLPattern | URLResolver], namespace: str = ""
) -> Iterator[tuple[str, str]]:
    """(namespace, name) of every URL pattern, through every include.

    A pattern without a name gets "<unnamed: route>", which no matrix row has: every URL
    needs a name and a row.
    """
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            full = f"{namespace}:{inner}" if namespace and inner else namespace or inner
            yield from url_names(pattern.url_patterns, full)
        else:
            name = pattern.name or f"<unnamed: {pattern.pattern}>"
            yield namespace, f"{namespace}:{name}" if namespace else name


def cases(method: str) -> list[Any]:
    return [
        pytest.param(name, role, id=f"{name}-{role}")
        for name, row in MATRIX.items()
        for role in ROLES
        if (row.get if method == "get" else row.post) is not None
    ]


def page_text(response: HttpResponse) -> str:
    return response.content.decode()


# --- every URL is in the matrix -------------------------------------------------------------


def test_every_url_name_of_the_project_has_a_row_in_the_matrix() -> None:
    found = set(url_names(get_resolver().url_patterns))
    names = {
        name
        for namespace, name in found
        if name not in NOT_IN_MATRIX and namespace.split(":")[0] not in NAMESPACES_NOT_IN_MATRIX
    }
    all_names = {name for _namespace, name in found}
    assert names - set(MATRIX) == set(), "URL names nobody decided access for"
    assert set(MATRIX) - all_names == set(), "matrix rows for URL names that no longer exist"


# --- the matrix -----------------------------------------------------------------------------


def _check(name: str, role: str, world: World, client: Client, method: str) -> None:
    row = MATRIX[name]
    client = act_as(role, world, client)
    url = reverse(name, args=list(row.args(world)))
    expected = (row.get if method == "get" else row.post) or {}
    before = database_state()
    if method == "get":
        response = client.get(url, dict(row.query))
    else:
        response = client.post(url, row.data(world))
    after = database_state()

    assert outcome_of(response) == expected[role], (response.status_code, response.get("Location"))
    if expected[role] in DENIED:
        assert changed_tables(before, after) == [], "a refused request changed data"
    elif method == "post" and row.mutates:
        assert changed_tables(before, after) != [], "the insider's POST changed nothing"
    if role == "facilitator_b" and expected[role] == NOT_FOUND:
        assert world.region_a.name not in page_text(response)


@pytest.mark.parametrize(("name", "role"), cases("get"))
def test_get_gives_each_role_exactly_its_access(
    name: str, role: str, world: World, client: Client
) -> None:
    _check(name, role, world, client, "get")


@pytest.mark.parametrize(("name", "role"), cases("post"))
def test_post_gives_each_role_exactly_its_access_and_refusals_change_nothing(
    name: str, role: str, world: World, client: Client
) -> None:
    _check(name, role, world, client, "post")


# --- results: a gemeente viewer sees their own gemeente and the region, nothing else ------


#: The simulated gemeenten (Almelo, Borne, Dinkelland) as the gemeenten of region A.
AS_REGION_A = {"GM0141": "GM0141", "GM0147": "GM0153", "GM1774": "GM0164"}


def _answers_in_scan_a(world: World) -> None:
    """Simulated answers, contracts and mechanisms for Almelo, Enschede and Hengelo."""
    dataset = simulate_region(
        SimulationParams(gemeenten=3, respondenten=6, seed=7, transities=("jeugd", "wmo"))
    ).dataset
    dataset = replace(
        dataset,
        responses=replace(
            dataset.responses,
            gemeente_codes=tuple(AS_REGION_A[c] for c in dataset.responses.gemeente_codes),
        ),
        gemeenten=None,
        contracten=tuple(
            replace(c, gemeente_code=AS_REGION_A[c.gemeente_code]) for c in dataset.contracten or ()
        ),
        mechanismen=tuple(
            replace(m, gemeente_code=AS_REGION_A[m.gemeente_code])
            for m in dataset.mechanismen or ()
        ),
    )
    store_dataset(world.scan_a, dataset)
    store_region_tables(world.region_a, dataset)
    publish(world.scan_a, Snapshot.Kind.INTERIM)


def test_a_viewer_sees_only_the_row_of_their_own_gemeente_in_the_overview(
    world: World, client: Client
) -> None:
    _answers_in_scan_a(world)
    url = reverse("results:overview", args=[world.scan_a.pk])
    client.force_login(world.facilitator_a)
    facilitator_page = page_text(client.get(url))
    client.force_login(world.viewer_x)
    viewer_page = page_text(client.get(url))

    assert {"Enschede", "Hengelo", "Almelo"} <= set(re.findall(r"\w+", facilitator_page))
    assert "Enschede" in viewer_page
    assert "Hengelo" not in viewer_page
    assert "Almelo" not in viewer_page
    for code in ("GM0164", "GM0141"):
        assert reverse("results:cell", args=[world.scan_a.pk, code, "jeugd"]) not in viewer_page
        assert code not in viewer_page


def test_a_viewers_own_cell_page_does_not_mention_the_other_gemeenten(
    world: World, client: Client
) -> None:
    _answers_in_scan_a(world)
    client.force_login(world.viewer_x)
    url = reverse("results:cell", args=[world.scan_a.pk, world.gemeente_x, "jeugd"])
    response = client.get(url)
    page = page_text(response)
    assert response.status_code == 200
    assert "Enschede" in page
    for other in ("Hengelo", "Almelo", "GM0164", "GM0141"):
        assert other not in page, other


@pytest.mark.parametrize("code", ["GM0164", "GM0141"])
@pytest.mark.parametrize("transitie", ["jeugd", "wmo"])
def test_a_viewer_gets_404_for_the_cells_of_other_gemeenten(
    code: str, transitie: str, world: World, client: Client
) -> None:
    client.force_login(world.viewer_x)
    response = client.get(reverse("results:cell", args=[world.scan_a.pk, code, transitie]))
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["viewer_x", "facilitator_a"])
def test_results_of_another_regions_scan_are_404(who: str, world: World, client: Client) -> None:
    client.force_login(getattr(world, who))
    assert client.get(reverse("results:overview", args=[world.scan_b.pk])).status_code == 404
    cell = reverse("results:cell", args=[world.scan_b.pk, "GM0599", "jeugd"])
    assert client.get(cell).status_code == 404


@pytest.mark.parametrize(
    ("gemeente", "transitie"),
    [("GM0599", "jeugd"), ("GM9999", "jeugd"), ("GM0153", "participatie")],
    ids=["gemeente-of-region-b", "unknown-gemeente", "transitie-not-in-scan"],
)
def test_a_cell_outside_the_scan_is_404_even_for_its_facilitator(
    gemeente: str, transitie: str, world: World, client: Client
) -> None:
    client.force_login(world.facilitator_a)
    url = reverse("results:cell", args=[world.scan_a.pk, gemeente, transitie])
    assert client.get(url).status_code == 404


# --- the start page -------------------------------------------------------------------------


MANAGEMENT_NAMESPACES = {"regions", "scans", "invitations", "responses"}


def _linked_url_names(page: str) -> set[str]:
    names = set()
    for href in re.findall(r'href="([^"]+)"', page):
        path = urlsplit(href).path
        if not path.startswith("/") or path.startswith("/static/"):
            continue
        try:
            names.add(resolve(path).view_name)
        except Resolver404:
            continue
    return names


def test_the_start_page_of_another_regions_facilitator_does_not_mention_region_a(
    world: World, client: Client
) -> None:
    client.force_login(world.facilitator_b)
    page = page_text(client.get(reverse("regions:list")))
    assert world.region_b.name in page
    assert world.region_a.name not in page
    assert reverse("regions:detail", args=[world.region_a.pk]) not in page
    assert reverse("scans:detail", args=[world.scan_a.pk]) not in page


def test_a_viewer_sees_their_region_read_only_on_the_start_page(
    world: World, client: Client
) -> None:
    client.force_login(world.viewer_x)
    page = page_text(client.get(reverse("regions:list")))
    linked = _linked_url_names(page)
    assert world.region_a.name in page
    assert world.region_b.name not in page
    assert "results:overview" in linked
    management = {n for n in linked if n.split(":")[0] in MANAGEMENT_NAMESPACES}
    assert management <= {"regions:list"}, "management links on a viewer's start page"


# --- the questionnaire: a wrong or withdrawn token opens nothing ----------------------------

QUESTIONNAIRE_GET = ["start", "step", "review", "done"]
QUESTIONNAIRE_POST = ["step", "answer", "submit"]
SECRET_ORGANISATIE = "Zorgbureau Verborgen"


def _token(kind: str, world: World) -> str:
    if kind == "wrong":
        return WRONG_TOKEN
    person, token = make_respondent(
        world.scan_a, "R900", organisatie=SECRET_ORGANISATIE, gemeenten=["GM0164"]
    )
    Respondent.objects.filter(pk=person.pk).update(revoked_at=timezone.now())
    return token


def _questionnaire_url(name: str, token: str) -> str:
    args: list[object] = [token, 1] if name == "step" else [token]
    return reverse(f"questionnaire:{name}", args=args)


def _assert_reveals_nothing(response: HttpResponse, world: World) -> None:
    page = page_text(response)
    for secret in (SECRET_ORGANISATIE, "Hengelo", "Enschede", "Almelo", world.region_a.name):
        assert secret not in page, secret
    assert world.scan_a.name not in page


@pytest.mark.parametrize("kind", ["wrong", "revoked"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", QUESTIONNAIRE_GET)
def test_a_wrong_or_revoked_token_shows_a_plain_404(
    name: str, role: str, kind: str, world: World, client: Client
) -> None:
    token = _token(kind, world)
    client = act_as(role, world, client)
    response = client.get(_questionnaire_url(name, token))
    assert response.status_code == 404
    _assert_reveals_nothing(response, world)


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
@pytest.mark.parametrize("kind", ["wrong", "revoked"])
@pytest.mark.parametrize("name", QUESTIONNAIRE_POST)
def test_a_wrong_or_revoked_token_saves_nothing(
    name: str, kind: str, htmx: bool, world: World, client: Client
) -> None:
    token = _token(kind, world)
    act_as("respondent", world, client)
    data = {
        "gemeente": "GM0164",
        "transitie": "jeugd",
        "perspectief": "ambitie",
        "item": "cc1",
        "waarde": "3",
        "cc1": "3",
    }
    before = database_state()
    response = client.post(_questionnaire_url(name, token), data, **(HTMX if htmx else {}))
    assert response.status_code == 404
    assert changed_tables(before, database_state()) == []
    _assert_reveals_nothing(response, world)


#: One answer of every kind the answer endpoint takes, without its gemeente.
ANSWER_KINDS = {
    "axis-item": {"transitie": "jeugd", "perspectief": "ambitie", "item": "cc1", "waarde": "3"},
    "condition-item": {"item": "amb1", "waarde": "4"},
    "obstacle": {"item": "obs1", "waarde": "1"},
    "obstacle-text": {"item": "obs_anders", "tekst": "Geheime tekst"},
    "mechanism": {"item": "mechanisme", "type": "wijkservice", "waarde": "1"},
    "open-question": {"item": "open1", "tekst": "Geheime tekst"},
}


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
@pytest.mark.parametrize("kind", ANSWER_KINDS)
@pytest.mark.parametrize(
    "gemeente", ["GM0599", "GM0153"], ids=["gemeente-of-region-b", "gemeente-not-assigned"]
)
def test_a_token_cannot_write_answers_for_gemeenten_outside_its_questionnaire(
    gemeente: str, kind: str, htmx: bool, world: World, client: Client
) -> None:
    url = reverse("questionnaire:answer", args=[world.token_a])
    before = database_state()
    response = client.post(
        url, {"gemeente": gemeente, **ANSWER_KINDS[kind]}, **(HTMX if htmx else {})
    )
    assert response.status_code == 400
    assert changed_tables(before, database_state()) == []


@pytest.mark.parametrize("kind", ANSWER_KINDS)
def test_the_same_answers_for_the_respondents_own_gemeente_are_saved(
    kind: str, world: World, client: Client
) -> None:
    """The control of the test above: its refusals are about the gemeente, not the payload."""
    fields = {"gemeente": "" if kind == "open-question" else "GM0141", **ANSWER_KINDS[kind]}
    before = database_state()
    response = client.post(reverse("questionnaire:answer", args=[world.token_a]), fields, **HTMX)
    assert response.status_code == 200
    assert changed_tables(before, database_state()) != []


# --- URLs that combine objects of two regions -----------------------------------------------


def test_revoking_a_respondent_of_another_scan_through_your_own_scan_is_404(
    world: World, client: Client
) -> None:
    other, _token_b = make_respondent(world.scan_b, "R002")
    client.force_login(world.facilitator_a)
    url = reverse("invitations:revoke", args=[world.scan_a.pk, other.pk])
    assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.revoked_at is None


def test_facilitator_b_cannot_revoke_a_respondent_of_scan_a_through_scan_b(
    world: World, client: Client
) -> None:
    client.force_login(world.facilitator_b)
    url = reverse("invitations:revoke", args=[world.scan_b.pk, world.respondent_a.pk])
    assert client.post(url).status_code == 404
    world.respondent_a.refresh_from_db()
    assert world.respondent_a.revoked_at is None
    assert client.get(reverse("questionnaire:start", args=[world.token_a])).status_code == 200


def test_facilitator_b_cannot_remove_region_a_members_through_region_b(
    world: World, client: Client
) -> None:
    membership = Membership.objects.get(region=world.region_a, user=world.facilitator_a)
    viewer = GemeenteViewer.objects.get(region=world.region_a, user=world.viewer_x)
    client.force_login(world.facilitator_b)
    pk_b = world.region_b.pk
    remove_facilitator = reverse("regions:facilitator_remove", args=[pk_b, membership.pk])
    remove_viewer = reverse("regions:viewer_remove", args=[pk_b, viewer.pk])

    assert client.post(remove_facilitator).status_code == 404
    assert client.post(remove_viewer).status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert GemeenteViewer.objects.filter(pk=viewer.pk).exists()


def test_facilitator_b_cannot_remove_a_gemeente_of_region_a_through_region_b(
    world: World, client: Client
) -> None:
    client.force_login(world.facilitator_b)
    url = reverse("regions:gemeente_remove", args=[world.region_b.pk, "GM0164"])
    client.post(url)
    assert RegionGemeente.objects.filter(region=world.region_a, code="GM0164").exists()


def test_facilitator_a_cannot_open_or_copy_scan_b_or_make_scans_in_region_b(
    world: World, client: Client
) -> None:
    client.force_login(world.facilitator_a)
    before = database_state()
    for name in ("scans:close", "scans:copy", "invitations:send"):
        url = reverse(name, args=[world.scan_b.pk])
        assert client.post(url, {"name": "Overname"}).status_code == 404, name
    url = reverse("scans:create", args=[world.region_b.pk])
    assert client.post(url, {"name": "Overname"}).status_code == 404
    assert changed_tables(before, database_state()) == []


# --- taking access away works on the very next request ------------------------------------


def test_a_removed_viewer_loses_the_results_on_the_next_request(world: World) -> None:
    viewer, facilitator = Client(), Client()
    viewer.force_login(world.viewer_x)
    facilitator.force_login(world.facilitator_a)
    overview = reverse("results:overview", args=[world.scan_a.pk])
    assert viewer.get(overview).status_code == 200

    membership = GemeenteViewer.objects.get(user=world.viewer_x, region=world.region_a)
    remove = reverse("regions:viewer_remove", args=[world.region_a.pk, membership.pk])
    assert facilitator.post(remove).status_code == 302

    assert viewer.get(overview).status_code == 404
    assert world.region_a.name not in page_text(viewer.get(reverse("regions:list")))


def test_a_removed_facilitator_loses_the_region_on_the_next_request(world: World) -> None:
    second = make_user("fac_a2")
    membership = Membership.objects.create(user=second, region=world.region_a)
    leaving, staying = Client(), Client()
    leaving.force_login(second)
    staying.force_login(world.facilitator_a)
    detail = reverse("scans:detail", args=[world.scan_a.pk])
    assert leaving.get(detail).status_code == 200

    remove = reverse("regions:facilitator_remove", args=[world.region_a.pk, membership.pk])
    assert staying.post(remove).status_code == 302

    assert leaving.get(detail).status_code == 404
    assert leaving.post(reverse("scans:close", args=[world.scan_a.pk])).status_code == 404
    world.scan_a.refresh_from_db()
    assert world.scan_a.is_open


def test_a_link_revoked_while_the_questionnaire_is_open_stops_working_at_once(
    world: World,
) -> None:
    respondent, facilitator = Client(), Client()
    facilitator.force_login(world.facilitator_a)
    assert respondent.get(reverse("questionnaire:start", args=[world.token_a])).status_code == 200

    revoke = reverse("invitations:revoke", args=[world.scan_a.pk, world.respondent_a.pk])
    assert facilitator.post(revoke).status_code == 302

    answer = reverse("questionnaire:answer", args=[world.token_a])
    data = {"gemeente": "GM0141", "transitie": "jeugd", "perspectief": "ambitie"}
    saved = respondent.post(answer, {**data, "item": "cc1", "waarde": "3"}, **HTMX)
    assert saved.status_code == 404
    assert respondent.get(_questionnaire_url("step", world.token_a)).status_code == 404
    assert not Answer.objects.filter(respondent=world.respondent_a).exists()


def test_a_viewer_gets_404_for_the_results_of_a_draft_scan_that_facilitators_can_see(
    world: World, client: Client
) -> None:
    from conftest import make_scan

    draft = make_scan(world.region_a, open_=False, name="Concept 2027")
    url = reverse("results:overview", args=[draft.pk])
    client.force_login(world.viewer_x)
    assert client.get(url).status_code == 404
    client.force_login(world.facilitator_a)
    assert client.get(url).status_code == 200
