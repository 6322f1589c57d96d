"""The JSON API as a BI tool meets it: NL API Design Rules conventions, pages of rows,
filters, published snapshots only, and the same figures as the command line on an export.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import make_scan
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from test_results_cli import _write_files

from regiekompas.cli.main import cli
from regiekompas.core.results import TABLE_NAMES
from regiekompas.core.simulate import SimulationParams, simulate_region
from regiekompas.web.api.tokens import issue
from regiekompas.web.regions.loading import store_region_tables
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.results.service import results_settings, scan_results
from regiekompas.web.scans.models import Scan


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


class Api:
    """A client with the bearer token of one region."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self.secret = issue(scan.region, "test", None)[1]
        self.client = Client()

    def get(self, url: str, **extra: Any) -> Any:
        return self.client.get(url, HTTP_AUTHORIZATION=f"Bearer {self.secret}", **extra)

    def json(self, url: str, **extra: Any) -> Any:
        response = self.get(url, **extra)
        assert response.status_code == 200, response.content[:300]
        return json.loads(response.content)


@pytest.fixture
def api(simulated_scan: Callable[..., Scan]) -> Api:
    return Api(simulated_scan(gemeenten=3, respondenten=8, seed=7))


def _table(scan: Scan, name: str) -> str:
    return reverse("api:table", args=[scan.pk, name.replace("_", "-")])


# --- conventions ----------------------------------------------------------------------------


def test_every_response_carries_the_version_and_security_headers(api: Api) -> None:
    scan = api.scan
    responses = [
        api.get(reverse("api:regions")),
        api.get(reverse("api:openapi")),
        Client().get(reverse("api:regions")),  # 401
        api.get(reverse("api:scan", args=[10**9])),  # 404
        api.get("/api/v1/regios/"),  # trailing slash: 404
        api.client.post(reverse("api:regions")),  # 405
        api.get(reverse("api:regions"), HTTP_ACCEPT="text/html"),  # 406
        api.get(_table(scan, "cellen") + "?page=0"),  # 400
    ]
    assert [r.status_code for r in responses] == [200, 200, 401, 404, 404, 405, 406, 400]
    for response in responses:
        assert response["API-Version"] == "1.0.0"
        assert response["Cache-Control"] == "no-store"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        expected = "application/json" if response.status_code == 200 else "application/problem+json"
        assert response["Content-Type"].split(";")[0] == expected
    for response in responses[2:]:
        problem = json.loads(response.content)
        assert problem["status"] == response.status_code
        assert problem["type"].startswith("https://")
        assert problem["title"]
        assert "Traceback" not in response.content.decode()


def test_api_urls_never_redirect_to_a_trailing_slash(api: Api) -> None:
    for url in ("/api/v1/regios/", f"/api/v1/scans/{api.scan.pk}/", "/api/v1/", "/api/v1/x"):
        response = api.get(url)
        assert response.status_code == 404, url
        assert "Location" not in response


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_only_reads(method: str, api: Api) -> None:
    # A real client sends no CSRF token; the answer is still the API's own 405.
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(
        reverse("api:scan", args=[api.scan.pk]), HTTP_AUTHORIZATION=f"Bearer {api.secret}"
    )
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"].startswith("application/problem+json")


def test_cors_is_off_for_data_and_on_for_the_public_description(api: Api) -> None:
    origin = {"HTTP_ORIGIN": "https://elders.example"}
    assert "Access-Control-Allow-Origin" not in api.get(reverse("api:regions"), **origin)
    assert api.get(reverse("api:openapi"), **origin)["Access-Control-Allow-Origin"] == "*"


def test_problems_speak_dutch_by_default_and_english_on_request(api: Api) -> None:
    url = reverse("api:scan", args=[10**9])
    dutch = json.loads(api.get(url).content)
    english = json.loads(api.get(url, HTTP_ACCEPT_LANGUAGE="en").content)
    assert dutch["title"] == "Niet gevonden"
    assert english["title"] == "Not found"


# --- pages and filters ----------------------------------------------------------------------


def test_all_pages_of_a_table_together_are_the_documents_rows(api: Api) -> None:
    rows = scan_results(api.scan, "nl").rows("cellen")
    assert len(rows) > 5
    collected: list[dict[str, Any]] = []
    url: str | None = _table(api.scan, "cellen") + "?pageSize=5"
    pages = 0
    while url:
        response = api.get(url)
        page = json.loads(response.content)
        collected += page["cellen"]
        assert len(page["cellen"]) <= 5
        assert response["X-Total-Count"] == str(len(rows))
        assert response["X-Pagination-Limit"] == "5"
        assert 'rel="first"' in response["Link"]
        url = page["_links"].get("next", {}).get("href")
        pages += 1
    assert collected == rows
    assert pages == -(-len(rows) // 5)


def test_a_page_after_the_last_is_empty_and_links_back(api: Api) -> None:
    page = api.json(_table(api.scan, "cellen") + "?page=999&pageSize=100")
    assert page["cellen"] == []
    assert "page=1" in page["_links"]["last"]["href"]
    assert "next" not in page["_links"]


@pytest.mark.parametrize(
    "query",
    ["page=0", "page=-1", "page=abc", "pageSize=0", "pageSize=1001", "gemeenteCode=Enschede"],
)
def test_invalid_parameters_get_400_naming_the_parameter(query: str, api: Api) -> None:
    response = api.get(_table(api.scan, "cellen") + "?" + query)
    assert response.status_code == 400
    problem = json.loads(response.content)
    assert [p["name"] for p in problem["invalidParams"]] == [query.split("=")[0]]


def test_filtering_by_gemeente_gives_exactly_that_gemeentes_rows(api: Api) -> None:
    document = scan_results(api.scan, "nl").document
    code = document["cellen"][0]["gemeente_code"]
    for name in ("cellen", "kloof", "condities", "advies"):
        page = api.json(_table(api.scan, name) + f"?gemeenteCode={code}&pageSize=1000")
        expected = [row for row in document[name] if row.get("gemeente_code") == code]
        assert page[name] == expected, name
        assert expected or name == "advies", name


# --- published snapshots only ---------------------------------------------------------------


def test_a_scan_without_a_published_snapshot_has_no_results(
    simulated_scan: Callable[..., Scan],
) -> None:
    scan = simulated_scan(publish=False)
    api = Api(scan)
    assert api.json(reverse("api:scan", args=[scan.pk]))["publicatie"] is None
    for url in (
        reverse("api:results", args=[scan.pk]),
        reverse("api:meta", args=[scan.pk]),
        _table(scan, "cellen"),
    ):
        response = api.get(url)
        assert response.status_code == 404
        problem = json.loads(response.content)
        assert problem["title"] == "Geen gepubliceerde resultaten"
        assert problem["type"].endswith("geen-gepubliceerde-resultaten")


def test_results_still_being_computed_answer_503_with_retry_after(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    from regiekompas.web.api import views
    from regiekompas.web.jobs.models import Job
    from regiekompas.web.results.service import ResultsPending

    def pending(scan: Scan, lang: str) -> None:
        raise ResultsPending(scan.pk, Job(kind="results.compute"))

    monkeypatch.setattr(views, "scan_results", pending)
    document = api.json(reverse("api:openapi"))
    for url, path in (
        (reverse("api:results", args=[api.scan.pk]), "/scans/{scanId}/resultaten"),
        (reverse("api:meta", args=[api.scan.pk]), "/scans/{scanId}/resultaten/meta"),
        (_table(api.scan, "cellen"), "/scans/{scanId}/resultaten/cellen"),
    ):
        response = api.get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"] == str(views.RETRY_AFTER_SECONDS)
        assert response["Content-Type"].startswith("application/problem+json")
        problem = json.loads(response.content)
        assert problem["type"].endswith("resultaten-worden-berekend")
        assert problem["status"] == 503
        assert "503" in document["paths"][path]["get"]["responses"], path


def test_a_draft_scan_is_not_there_for_the_api(api: Api) -> None:
    draft = make_scan(api.scan.region, open_=False, name="Concept")
    assert api.get(reverse("api:scan", args=[draft.pk])).status_code == 404
    scans = api.json(reverse("api:region_scans", args=[api.scan.region_id]))["scans"]
    assert [s["id"] for s in scans] == [api.scan.pk]


def test_new_answers_reach_the_api_only_with_the_next_snapshot(
    simulated_scan: Callable[..., Scan],
) -> None:
    from dataclasses import replace

    from regiekompas.web.responses.loading import store_dataset

    scan = simulated_scan(gemeenten=2, respondenten=6, seed=3)
    api = Api(scan)
    before = api.json(reverse("api:results", args=[scan.pk]))
    more = simulate_region(SimulationParams(gemeenten=2, respondenten=9, seed=4)).dataset
    ids = tuple(f"NIEUW-{i}" for i in more.responses.respondent_ids)
    store_dataset(scan, replace(more, responses=replace(more.responses, respondent_ids=ids)))
    cache.clear()
    assert api.json(reverse("api:results", args=[scan.pk])) == before


# --- the same figures as the pages and the command line -------------------------------------


def test_the_api_gives_the_figures_the_command_line_computes_on_an_export(
    simulated_scan: Callable[..., Scan], tmp_path: Path
) -> None:
    scan = simulated_scan(gemeenten=3, respondenten=12, seed=5, instrument_version="1")
    sim = simulate_region(SimulationParams(gemeenten=3, respondenten=12, seed=5))
    store_region_tables(scan.region, sim.dataset)
    run = results_settings(scan)
    paths = _write_files(scan_dataset(scan), list(scan.transities), tmp_path)
    out = tmp_path / "uit.json"
    result = CliRunner().invoke(
        cli,
        [
            "analyse",
            *map(str, paths),
            "--json",
            str(out),
            "--k",
            str(run.k),
            "--bootstrap",
            str(run.bootstrap),
            "--seed",
            str(run.seed),
            "--stil",
        ],
    )
    assert result.exit_code == 0, result.output
    expected = json.loads(out.read_text(encoding="utf-8"))
    api = Api(scan)
    document = api.json(reverse("api:results", args=[scan.pk]))

    assert list(document) == [*TABLE_NAMES, "meta"]
    compared = [name for name in TABLE_NAMES if name in expected]
    assert {"cellen", "groepen", "kloof", "condities", "advies", "kwadranten"} <= set(compared)
    for name in compared:
        assert document[name] == expected[name], name
        paged = api.json(_table(scan, name) + "?pageSize=1000")[name]
        assert paged == expected[name], name
    assert document["meta"] == expected["meta"]
    assert api.json(reverse("api:meta", args=[scan.pk])) == expected["meta"]
    # and the pages show the document the API serves
    assert document["cellen"] == scan_results(scan, "nl").rows("cellen")


def test_advice_comes_in_the_requested_language(api: Api) -> None:
    url = _table(api.scan, "advies") + "?pageSize=1000"
    dutch = api.json(url)["advies"]
    english = api.json(url, HTTP_ACCEPT_LANGUAGE="en")["advies"]
    assert dutch
    assert len(dutch) == len(english)
    assert dutch[0]["tekst"] != english[0]["tekst"]
    assert english == scan_results(api.scan, "en").rows("advies")


def test_a_fault_on_our_side_is_a_plain_500_problem(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    from regiekompas.web.api import views

    def broken(scan: Scan, lang: str) -> None:
        raise RuntimeError("secret internals: /srv/regiekompas/db")

    monkeypatch.setattr(views, "scan_results", broken)
    response = api.get(reverse("api:results", args=[api.scan.pk]))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/problem+json")
    assert response["API-Version"] == "1.0.0"
    assert "secret internals" not in response.content.decode()
    assert json.loads(response.content)["title"] == "Serverfout"


def test_head_gives_the_headers_of_get(api: Api) -> None:
    url = reverse("api:regions")
    head = api.client.head(url, HTTP_AUTHORIZATION=f"Bearer {api.secret}")
    assert head.status_code == 200
    assert head["API-Version"] == "1.0.0"
    assert head["X-Total-Count"] == "1"
