"""Pages of a list: `page` and `pageSize` in, the page and its links out (docs/api.md).

Links follow the HAL convention of the NL API Design Rules' extensions (`_links` with
`self`, `first`, `prev`, `next`, `last`, each `{href}`), repeated in a `Link` header (RFC
8288); the totals are in the `X-Total-Count` and `X-Pagination-*` headers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils.translation import gettext as _

from regiekompas.web.api.http import InvalidParam, ProblemError, problem

DEFAULT_PAGE_SIZE: Final = 100
MAX_PAGE_SIZE: Final = 1000
#: Pages beyond this are refused (a number this large is a mistake or a probe).
MAX_PAGE: Final = 1_000_000
GEMEENTE_CODE: Final = re.compile(r"GM\d{4}")
_DIGITS: Final = re.compile(r"[0-9]{1,9}")


@dataclass(frozen=True)
class PageRequest:
    page: int
    size: int
    gemeente: str | None


def bad_request(request: HttpRequest, invalid: Sequence[InvalidParam]) -> ProblemError:
    return ProblemError(
        problem(
            400,
            "ongeldige-parameters",
            _("Invalid parameters"),
            _("One or more query parameters are not valid; see invalidParams."),
            request=request,
            invalid=invalid,
        )
    )


def _number(
    request: HttpRequest, name: str, default: int, high: int, invalid: list[InvalidParam]
) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not _DIGITS.fullmatch(raw) or not 1 <= int(raw) <= high:
        invalid.append(InvalidParam(name, _("A whole number from 1 to %(high)d.") % {"high": high}))
        return default
    return int(raw)


def unknown_params(request: HttpRequest, allowed: Sequence[str]) -> list[InvalidParam]:
    """A complaint for each query parameter this endpoint does not know (a typo such as
    `pagesize` would otherwise silently give the default)."""
    return [
        InvalidParam(name, _("Unknown parameter."))
        for name in sorted(set(request.GET) - set(allowed))
    ]


def no_params(request: HttpRequest) -> None:
    """Raises a 400 problem when an endpoint without parameters gets some."""
    invalid = unknown_params(request, ())
    if invalid:
        raise bad_request(request, invalid)


def page_request(request: HttpRequest, *, filter_gemeente: bool = False) -> PageRequest:
    """The page asked for; raises a 400 problem for parameters that are not valid."""
    allowed = ("page", "pageSize", "gemeenteCode") if filter_gemeente else ("page", "pageSize")
    invalid = unknown_params(request, allowed)
    page = _number(request, "page", 1, MAX_PAGE, invalid)
    size = _number(request, "pageSize", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, invalid)
    gemeente = None
    if filter_gemeente and "gemeenteCode" in request.GET:
        gemeente = request.GET["gemeenteCode"]
        if not GEMEENTE_CODE.fullmatch(gemeente):
            invalid.append(InvalidParam("gemeenteCode", _("A CBS gemeente code such as GM0153.")))
    if invalid:
        raise bad_request(request, invalid)
    return PageRequest(page, size, gemeente)


def paginated(
    request: HttpRequest, key: str, items: Sequence[Any], asked: PageRequest
) -> tuple[dict[str, Any], dict[str, str]]:
    """The body (`{key: [...], _links: {...}}`) and headers of one page of `items`."""
    total = len(items)
    pages = max(1, -(-total // asked.size))
    start = (asked.page - 1) * asked.size
    body_items = list(items[start : start + asked.size])

    def href(page: int) -> str:
        query = {k: v for k, v in request.GET.items() if k not in ("page", "pageSize")}
        query["page"] = str(page)
        query["pageSize"] = str(asked.size)
        return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")

    links: dict[str, dict[str, str]] = {
        "self": {"href": href(asked.page)},
        "first": {"href": href(1)},
        "last": {"href": href(pages)},
    }
    if asked.page > 1:
        links["prev"] = {"href": href(min(asked.page - 1, pages))}
    if asked.page < pages:
        links["next"] = {"href": href(asked.page + 1)}
    headers = {
        "X-Total-Count": str(total),
        "X-Pagination-Page": str(asked.page),
        "X-Pagination-Limit": str(asked.size),
        "X-Pagination-Count": str(pages),
        "Link": ", ".join(f'<{link["href"]}>; rel="{rel}"' for rel, link in links.items()),
    }
    return {key: body_items, "_links": links}, headers
