"""Authorization rows of the API app: the token pages and the JSON API under /api/v1.

The matrix signs in with a session; the API ignores sessions and wants a bearer token, so
every role gets 401 there (405 for a POST, which is refused before anything else). What
tokens of each region may read is in `test_api_tokens.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from authz_matrix import MANAGE, NOT_ALLOWED, NOT_FOUND, OK, POST_ONLY, Row, everyone
from conftest import World

from regiekompas.web.api.tokens import issue

UNAUTHORIZED = "401"
#: An API URL read with a session but without a token.
API = everyone(UNAUTHORIZED)
#: Any method but GET on an API URL.
API_POST = everyone(NOT_ALLOWED)


def region_a(world: World) -> Sequence[object]:
    return [world.region_a.pk]


def scan_a(world: World) -> Sequence[object]:
    return [world.scan_a.pk]


def table_of_scan_a(world: World) -> Sequence[object]:
    return [world.scan_a.pk, "cellen"]


def token_of_a(world: World) -> Sequence[object]:
    token, _secret = issue(world.region_a, "Power BI", world.facilitator_a)
    return [world.region_a.pk, token.pk]


def no_args(world: World) -> Sequence[object]:
    return []


def unknown_path(world: World) -> Sequence[object]:
    return ["/bestaat-niet"]


ROWS = {
    # --- token pages: facilitators of region A only --------------------------------------
    "api_tokens:list": Row(
        region_a,
        get=MANAGE,
        post=MANAGE,
        data=lambda world: {"name": "Power BI jeugd"},
        mutates=True,
    ),
    "api_tokens:revoke": Row(token_of_a, get=POST_ONLY, post=MANAGE, mutates=True),
    # --- the API: a session opens nothing; the description is public ---------------------
    "api:openapi": Row(no_args, get=everyone(OK), post=API_POST),
    "api:regions": Row(no_args, get=API, post=API_POST),
    "api:region": Row(region_a, get=API, post=API_POST),
    "api:region_scans": Row(region_a, get=API, post=API_POST),
    "api:scan": Row(scan_a, get=API, post=API_POST),
    "api:results": Row(scan_a, get=API, post=API_POST),
    "api:meta": Row(scan_a, get=API, post=API_POST),
    "api:table": Row(table_of_scan_a, get=API, post=API_POST),
    "api:unknown": Row(unknown_path, get=everyone(NOT_FOUND), post=API_POST),
    # "/api/v1" itself: the same problem+json 404, never a redirect to "/api/v1/".
    "api_root": Row(no_args, get=everyone(NOT_FOUND), post=API_POST),
}
