"""The OpenAPI document describes what the API returns, and the API keeps to it.

The row schemas are built from the results registry; here they are compared field by field
with the registry and the row types, and schemathesis then sends generated requests —
valid and invalid ones — for every operation of the document to the app with a valid
token and checks each response against the document: status codes, content types, headers,
bodies, rejected bad input, refused requests without a token (docs/api.md, "Checks").
"""

from __future__ import annotations

import contextlib
import json
import typing
from collections.abc import Callable, Iterator

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regiekompas.core.results import TABLE_NAMES, meta_fields, tables
from regiekompas.core.results.rows import MetaRow
from regiekompas.web.api.openapi import openapi_document, schema_name, table_slug
from regiekompas.web.api.tokens import issue
from regiekompas.web.scans.models import Scan

DOCUMENT = openapi_document()
SCHEMAS = DOCUMENT["components"]["schemas"]


def test_the_document_is_served_at_the_nl_api_address_without_a_token(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    served = json.loads(response.content)
    assert served["openapi"].startswith("3.")
    assert served["info"]["version"] == response["API-Version"] == "1.0.0"
    assert served["servers"][0]["url"].endswith("/api/v1")
    assert served == json.loads(json.dumps(DOCUMENT))


@pytest.mark.parametrize("table", tables(), ids=lambda t: t.name)
def test_each_tables_schema_has_the_registrys_fields_in_order(table: typing.Any) -> None:
    schema = SCHEMAS[schema_name(table)]
    assert list(schema["properties"]) == list(table.field_names)
    assert schema["required"] == [
        name for name in table.field_names if name in table.row.__required_keys__
    ]
    assert schema["additionalProperties"] is False
    for field in table.fields:
        assert schema["properties"][field.name]["title"] == field.label.nl
    path = DOCUMENT["paths"][f"/scans/{{scanId}}/resultaten/{table_slug(table)}"]["get"]
    page = path["responses"]["200"]["content"]["application/json"]["schema"]
    assert page["properties"][table.name]["items"]["$ref"].endswith(schema_name(table))
    has_filter = any(p["$ref"].endswith("gemeenteCode") for p in path["parameters"])
    assert has_filter == ("gemeente_code" in table.field_names)


def test_the_whole_document_and_meta_follow_the_registry() -> None:
    assert list(SCHEMAS["Resultaten"]["properties"]) == [*TABLE_NAMES, "meta"]
    assert list(SCHEMAS["Meta"]["properties"]) == [f.name for f in meta_fields()]
    assert list(SCHEMAS["Meta"]["properties"]) == list(MetaRow.__annotations__)


def test_types_follow_the_row_types() -> None:
    cellen = SCHEMAS["CellenRij"]["properties"]
    assert cellen["n"]["type"] == "integer"
    assert cellen["cc"] == {**cellen["cc"], "type": "number", "nullable": True}
    assert cellen["cc_ci"]["type"] == "array"
    assert cellen["cc_ci"]["minItems"] == 2
    assert cellen["helder"]["type"] == "boolean"
    assert SCHEMAS["GroepenRij"]["properties"]["rwg"]["properties"].keys() == {"cc", "dc"}
    assert SCHEMAS["AanbiedersRij"]["properties"]["per_gemeente"]["type"] == "object"
    advies = SCHEMAS["AdviesRij"]
    assert "rang" in advies["properties"]
    assert "rang" not in advies["required"]


# --- schemathesis ---------------------------------------------------------------------------

#: Generated requests per operation and mode; small, so the run stays within seconds.
EXAMPLES = 12


@contextlib.contextmanager
def _keep_the_test_connection() -> Iterator[None]:
    """Requests through the plain WSGI handler must not close the database connection that
    holds the test's transaction (Django's own test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _schemathesis(
    scan: Scan, secret: str, only: str | None = None
) -> tuple[list[str], dict[str, set[int]], int]:
    """Failures, the statuses seen per operation and the number of operations tested."""
    with _keep_the_test_connection():
        return _run_schemathesis(scan, secret, only)


def _run_schemathesis(
    scan: Scan, secret: str, only: str | None
) -> tuple[list[str], dict[str, set[int]], int]:
    auth = {"Authorization": f"Bearer {secret}"}
    schema = schemathesis.openapi.from_wsgi(reverse("api:openapi"), WSGIHandler())
    failures: list[str] = []
    statuses: dict[str, set[int]] = {}
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if only is not None and operation.label != only:
            continue
        operations += 1
        known: dict[str, object] = {}
        names = {p.name for p in operation.path_parameters}
        if "scanId" in names:
            known["scanId"] = scan.pk
        if "regioId" in names:
            known["regioId"] = scan.region_id
        strategies = [
            # valid and invalid requests for the scan and region of the token …
            operation.as_strategy(mode, path_parameters=known or None)
            for mode in (
                schemathesis.GenerationMode.POSITIVE,
                schemathesis.GenerationMode.NEGATIVE,
            )
        ]
        # … and for ids of anything at all
        strategies.append(operation.as_strategy(schemathesis.GenerationMode.POSITIVE))

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=st.one_of(*strategies))
        def run(case: schemathesis.Case) -> None:
            label = case.operation.label
            try:
                response = case.call_and_validate(headers=auth)
                statuses.setdefault(label, set()).add(response.status_code)
            # Collect, so that one run reports every failure (FailureGroup is a
            # BaseExceptionGroup, not an Exception).
            except (Exception, BaseExceptionGroup) as error:
                failures.append(f"{label}: {type(error).__name__}: {error}"[:4000])

        run()
    return failures, statuses, operations


@override_settings(TOKEN_FAILURES_PER_WINDOW=10_000)
def test_schemathesis_finds_no_failures(simulated_scan: Callable[..., Scan]) -> None:
    scan = simulated_scan(gemeenten=2, respondenten=6, seed=11)
    _token, secret = issue(scan.region, "schemathesis", None)
    failures, statuses, operations = _schemathesis(scan, secret)

    assert failures == [], "\n\n".join(sorted(set(failures))[:10])
    # Every operation but the document's own (which schemathesis leaves out) was tested, and
    # each answered valid requests with data, not only with errors.
    assert operations == len(DOCUMENT["paths"]) - 1
    assert len(statuses) == operations
    assert {label for label, seen in statuses.items() if 200 in seen} == set(statuses)


@override_settings(TOKEN_FAILURES_PER_WINDOW=10_000)
def test_schemathesis_reports_a_response_that_leaves_the_document(
    simulated_scan: Callable[..., Scan], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: an undocumented key in the results is found at once."""
    from regiekompas.web.api import views

    real = views.full_document
    monkeypatch.setattr(views, "full_document", lambda results: {**real(results), "live": []})
    scan = simulated_scan(gemeenten=2, respondenten=6, seed=11)
    _token, secret = issue(scan.region, "schemathesis", None)
    failures, _statuses, operations = _schemathesis(scan, secret, "GET /scans/{scanId}/resultaten")
    assert operations == 1
    assert failures
    assert all("Response violates schema" in failure for failure in failures), failures[:3]
