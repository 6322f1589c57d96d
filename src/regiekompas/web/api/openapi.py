"""The OpenAPI 3 document of the API, built from the results registry (`core/results`).

The schema of every results table is derived from its row type (`core/results/rows.py`,
the TypedDicts the measures fill) with the labels and descriptions of `tabellen.toml`, so the
document cannot drift from what the API returns: a field added to a row appears here at once,
and `tests/web/test_api_openapi.py` compares both. Floats may be null (NaN in the published
document is null, product.md §10). Descriptions are Dutch, the API's language (docs/api.md).
"""

from __future__ import annotations

import functools
import types
import typing
from email.utils import parseaddr
from typing import Any, Final, Union, get_args, get_origin, is_typeddict

from django.conf import settings

from regiekompas.core.results import Table, meta_fields, tables
from regiekompas.core.results.rows import MetaRow
from regiekompas.web.api.http import API_VERSION, JSON, PROBLEM_JSON
from regiekompas.web.api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE

OPENAPI_VERSION: Final = "3.0.3"
REF: Final = "#/components/"


def _ref(kind: str, name: str) -> dict[str, str]:
    return {"$ref": f"{REF}{kind}/{name}"}


# --- row types → JSON Schema ----------------------------------------------------------------


def type_schema(hint: Any) -> dict[str, Any]:
    """The JSON Schema (OpenAPI 3.0 dialect) of a type hint of a row."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        inner = type_schema(options[0]) if len(options) == 1 else {"anyOf": options}
        return {**inner, "nullable": True}
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        # NaN is published as null (product.md §10), so every float may be null.
        return {"type": "number", "nullable": True}
    if origin is list:
        (item,) = get_args(hint)
        schema: dict[str, Any] = {"type": "array", "items": type_schema(item)}
        if item is float:  # an interval [low, high]
            schema.update(minItems=2, maxItems=2)
        return schema
    if origin is dict:
        _key, value = get_args(hint)
        return {"type": "object", "additionalProperties": type_schema(value)}
    if is_typeddict(hint):
        return object_schema(hint)
    raise TypeError(f"no JSON Schema for {hint!r}")


def object_schema(row: type, texts: dict[str, tuple[str, str]] | None = None) -> dict[str, Any]:
    """An object with the TypedDict's fields in order; `texts` gives title and description."""
    hints = typing.get_type_hints(row)
    properties: dict[str, Any] = {}
    for name in row.__annotations__:
        schema = type_schema(hints[name])
        if texts and name in texts:
            title, description = texts[name]
            schema = {**schema, "title": title, "description": description}
        properties[name] = schema
    required = [name for name in row.__annotations__ if name in row.__required_keys__]  # type: ignore[attr-defined]
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def row_schema(t: Table) -> dict[str, Any]:
    texts = {f.name: (f.label.nl, f.description.nl) for f in t.fields}
    schema = object_schema(t.row, texts)
    return {"title": t.label.nl, "description": t.description.nl, **schema}


def schema_name(t: Table) -> str:
    """`cellen` → `CellenRij`, `spraakverwarring_rationaliteiten` →
    `SpraakverwarringRationaliteitenRij`."""
    return "".join(part.capitalize() for part in t.name.split("_")) + "Rij"


def table_slug(t: Table) -> str:
    return t.name.replace("_", "-")


def meta_schema() -> dict[str, Any]:
    texts = {f.name: (f.label.nl, f.description.nl) for f in meta_fields()}
    return {"title": "Meta", **object_schema(MetaRow, texts)}


# --- the document ---------------------------------------------------------------------------


def _version_header() -> dict[str, Any]:
    return {"API-Version": _ref("headers", "API-Version")}


def _problem(description: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {**_version_header(), **(extra or {})},
        "content": {PROBLEM_JSON: {"schema": _ref("schemas", "Probleem")}},
    }


def _ok(description: str, schema: dict[str, Any], *, paged: bool = False) -> dict[str, Any]:
    headers = _version_header()
    if paged:
        headers.update(
            {
                name: _ref("headers", name)
                for name in (
                    "X-Total-Count",
                    "X-Pagination-Page",
                    "X-Pagination-Limit",
                    "X-Pagination-Count",
                    "Link",
                )
            }
        )
    return {"description": description, "headers": headers, "content": {JSON: {"schema": schema}}}


def _responses(
    ok: dict[str, Any], *, token: bool = True, params: bool = False, results: bool = False
) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": ok}
    if params:
        responses["400"] = _ref("responses", "OngeldigeParameters")
    if token:
        responses["401"] = _ref("responses", "NietGeauthenticeerd")
    responses["404"] = _ref("responses", "NietGevonden")
    responses["406"] = _ref("responses", "NietAcceptabel")
    if token:
        responses["429"] = _ref("responses", "TeVeelVerzoeken")
    responses["500"] = _ref("responses", "Serverfout")
    if results:
        responses["503"] = _ref("responses", "WordtBerekend")
    return responses


def _operation(
    operation_id: str,
    tag: str,
    summary: str,
    description: str,
    responses: dict[str, Any],
    parameters: list[dict[str, Any]] | None = None,
    *,
    public: bool = False,
) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": operation_id,
        "tags": [tag],
        "summary": summary,
        "description": description,
        "responses": responses,
    }
    if parameters:
        op["parameters"] = parameters
    if public:
        op["security"] = []
    return {"get": op}


def _paged(item: dict[str, Any], key: str) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            key: {"type": "array", "items": item},
            "_links": _ref("schemas", "PaginaLinks"),
        },
        "required": [key, "_links"],
        "additionalProperties": False,
    }


def _page_ok(description: str, schema: str, key: str) -> dict[str, Any]:
    return _ok(description, _paged(_ref("schemas", schema), key), paged=True)


PAGE_PARAMS: Final = [_ref("parameters", "page"), _ref("parameters", "pageSize")]


def _table_path(t: Table) -> tuple[str, dict[str, Any]]:
    params = [_ref("parameters", "scanId"), *PAGE_PARAMS]
    if "gemeente_code" in t.field_names:
        params.append(_ref("parameters", "gemeenteCode"))
    key = ", ".join(t.key)
    description = (
        f"{t.description.nl} Eén rij per {key}, in de volgorde van het resultatendocument; "
        "alleen uit de laatst gepubliceerde momentopname en met alle k-regels toegepast."
    )
    camel = "".join(part.capitalize() for part in t.name.split("_"))
    return (
        f"/scans/{{scanId}}/resultaten/{table_slug(t)}",
        _operation(
            f"getResultaten{camel}",
            "Resultaten",
            t.label.nl,
            description,
            _responses(
                _ok(t.label.nl, _paged(_ref("schemas", schema_name(t)), t.name), paged=True),
                params=True,
                results=True,
            ),
            params,
        ),
    )


def _components() -> dict[str, Any]:
    link = {
        "type": "object",
        "properties": {"href": {"type": "string", "format": "uri"}},
        "required": ["href"],
    }
    schemas: dict[str, Any] = {
        "Probleem": {
            "type": "object",
            "description": "Foutmelding volgens RFC 9457 (problem details).",
            "properties": {
                "type": {"type": "string", "format": "uri"},
                "title": {"type": "string"},
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "detail": {"type": "string"},
                "instance": {"type": "string"},
                "invalidParams": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
                        "required": ["name", "reason"],
                    },
                },
            },
            "required": ["type", "title", "status"],
        },
        "Link": link,
        "PaginaLinks": {
            "type": "object",
            "properties": {
                rel: _ref("schemas", "Link") for rel in ("self", "first", "prev", "next", "last")
            },
            "required": ["self", "first", "last"],
        },
        "Gemeente": {
            "type": "object",
            "properties": {
                "gemeente_code": {"type": "string", "pattern": "^GM[0-9]{4}$"},
                "naam": {"type": "string"},
            },
            "required": ["gemeente_code", "naam"],
            "additionalProperties": False,
        },
        "Regio": {
            "type": "object",
            "properties": {
                "id": {"type": "integer", "format": "int64"},
                "naam": {"type": "string"},
                "gemeenten": {"type": "array", "items": _ref("schemas", "Gemeente")},
                "_links": {
                    "type": "object",
                    "properties": {rel: _ref("schemas", "Link") for rel in ("self", "scans")},
                    "required": ["self", "scans"],
                },
            },
            "required": ["id", "naam", "gemeenten", "_links"],
            "additionalProperties": False,
        },
        "Publicatie": {
            "type": "object",
            "nullable": True,
            "description": "De laatst gepubliceerde momentopname; null als er nog geen is.",
            "properties": {
                "nummer": {"type": "integer"},
                "soort": {"type": "string", "enum": ["interim", "final"]},
                "gepubliceerd_op": {"type": "string", "format": "date-time"},
            },
            "required": ["nummer", "soort", "gepubliceerd_op"],
            "additionalProperties": False,
        },
        "Scan": {
            "type": "object",
            "properties": {
                "id": {"type": "integer", "format": "int64"},
                "naam": {"type": "string"},
                "regio_id": {"type": "integer", "format": "int64"},
                "status": {"type": "string", "enum": ["open", "gesloten"]},
                "transities": {"type": "array", "items": {"type": "string"}},
                "perspectieven": {"type": "array", "items": {"type": "string"}},
                "k": {"type": "integer", "minimum": 3},
                "opent_op": {"type": "string", "format": "date", "nullable": True},
                "sluit_op": {"type": "string", "format": "date", "nullable": True},
                "publicatie": _ref("schemas", "Publicatie"),
                "_links": {
                    "type": "object",
                    "properties": {
                        rel: _ref("schemas", "Link") for rel in ("self", "regio", "resultaten")
                    },
                    "required": ["self", "regio"],
                },
            },
            "required": [
                "id", "naam", "regio_id", "status", "transities", "perspectieven", "k",
                "opent_op", "sluit_op", "publicatie", "_links",
            ],
            "additionalProperties": False,
        },
        "Meta": meta_schema(),
    }  # fmt: skip
    document_properties: dict[str, Any] = {}
    for t in tables():
        schemas[schema_name(t)] = row_schema(t)
        document_properties[t.name] = {"type": "array", "items": _ref("schemas", schema_name(t))}
    document_properties["meta"] = _ref("schemas", "Meta")
    schemas["Resultaten"] = {
        "type": "object",
        "description": "Het hele resultatendocument (product.md §10) van de laatst gepubliceerde "
        "momentopname.",
        "properties": document_properties,
        "required": list(document_properties),
        "additionalProperties": False,
    }
    integer_header = {"schema": {"type": "integer"}}
    headers = {
        "API-Version": {
            "description": "De volledige versie van de API (semantic versioning).",
            "schema": {"type": "string", "example": API_VERSION},
        },
        "X-Total-Count": {"description": "Aantal items in de hele lijst.", **integer_header},
        "X-Pagination-Page": {"description": "Nummer van deze pagina.", **integer_header},
        "X-Pagination-Limit": {"description": "Items per pagina.", **integer_header},
        "X-Pagination-Count": {"description": "Aantal pagina's.", **integer_header},
        "Link": {
            "description": "Dezelfde links als _links (RFC 8288).",
            "schema": {"type": "string"},
        },
    }
    id_schema = {"type": "integer", "format": "int64", "minimum": 1}
    parameters = {
        "regioId": {
            "name": "regioId", "in": "path", "required": True, "schema": id_schema,
            "description": "Id van de regio (zie /regios).",
        },
        "scanId": {
            "name": "scanId", "in": "path", "required": True, "schema": id_schema,
            "description": "Id van de scan (zie /regios/{regioId}/scans).",
        },
        "page": {
            "name": "page", "in": "query", "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
            "description": "Paginanummer, vanaf 1.",
        },
        "pageSize": {
            "name": "pageSize", "in": "query", "required": False,
            "schema": {
                "type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE,
                "default": DEFAULT_PAGE_SIZE,
            },
            "description": "Aantal items per pagina.",
        },
        "gemeenteCode": {
            "name": "gemeenteCode", "in": "query", "required": False,
            "schema": {"type": "string", "pattern": "^GM[0-9]{4}$"},
            "description": "Alleen rijen van deze gemeente (CBS-code, bijvoorbeeld GM0153).",
        },
    }  # fmt: skip
    responses = {
        "OngeldigeParameters": _problem("Een of meer queryparameters zijn ongeldig."),
        "NietGeauthenticeerd": _problem(
            "Geen of een onbekend of ingetrokken token.",
            {"WWW-Authenticate": {"schema": {"type": "string"}}},
        ),
        "NietGevonden": _problem(
            "Bestaat niet, is niet van de regio van dit token, of heeft nog geen gepubliceerde "
            "resultaten."
        ),
        "NietAcceptabel": _problem("De client accepteert geen JSON."),
        "TeVeelVerzoeken": _problem(
            "Te veel onbekende tokens vanaf dit adres; probeer het later opnieuw.",
            {"Retry-After": {"schema": {"type": "integer"}}},
        ),
        "Serverfout": _problem("Onverwachte fout; die is gelogd."),
        "WordtBerekend": _problem(
            "De resultaten van de laatste publicatie worden nog berekend; vraag het opnieuw na "
            "het aantal seconden in Retry-After.",
            {"Retry-After": {"schema": {"type": "integer"}}},
        ),
    }
    return {
        "schemas": schemas,
        "headers": headers,
        "parameters": parameters,
        "responses": responses,
        "securitySchemes": {
            "token": {
                "type": "http",
                "scheme": "bearer",
                "description": "API-sleutel van een regio, aangemaakt door een facilitator op "
                "/api-sleutels/. Stuur: Authorization: Bearer rk_…",
            }
        },
    }


def _paths() -> dict[str, Any]:
    scan_id = [_ref("parameters", "scanId")]
    paths: dict[str, Any] = {
        "/openapi.json": _operation(
            "getOpenapi",
            "API",
            "Deze beschrijving",
            "Het OpenAPI-document van deze API; openbaar, zonder token.",
            _responses(_ok("OpenAPI-document", {"type": "object"}), token=False),
            public=True,
        ),
        "/regios": _operation(
            "getRegios",
            "Regio's",
            "Regio's",
            "De regio's die dit token mag lezen: de eigen regio van het token.",
            _responses(_page_ok("Regio's", "Regio", "regios"), params=True),
            PAGE_PARAMS,
        ),
        "/regios/{regioId}": _operation(
            "getRegio",
            "Regio's",
            "Eén regio",
            "Een regio met haar gemeenten.",
            _responses(_ok("Regio", _ref("schemas", "Regio"))),
            [_ref("parameters", "regioId")],
        ),
        "/regios/{regioId}/scans": _operation(
            "getRegioScans",
            "Scans",
            "Scans van een regio",
            "De geopende en gesloten scans van de regio (concepten niet).",
            _responses(_page_ok("Scans", "Scan", "scans"), params=True),
            [_ref("parameters", "regioId"), *PAGE_PARAMS],
        ),
        "/scans/{scanId}": _operation(
            "getScan",
            "Scans",
            "Eén scan",
            "Een scan met zijn laatste publicatie.",
            _responses(_ok("Scan", _ref("schemas", "Scan"))),
            scan_id,
        ),
        "/scans/{scanId}/resultaten": _operation(
            "getResultaten",
            "Resultaten",
            "Alle resultaten",
            "Het hele resultatendocument van de laatst gepubliceerde momentopname, met dezelfde "
            "cijfers als de resultatenpagina's en `regiekompas analyse --json`. Een scan zonder "
            "gepubliceerde resultaten geeft 404; terwijl de laatste publicatie nog wordt "
            "berekend geeft het 503 met Retry-After.",
            _responses(_ok("Resultaten", _ref("schemas", "Resultaten")), results=True),
            scan_id,
        ),
        "/scans/{scanId}/resultaten/meta": _operation(
            "getResultatenMeta",
            "Resultaten",
            "Meta",
            "Versie, instrument, k, bootstrap en seed van de resultaten.",
            _responses(_ok("Meta", _ref("schemas", "Meta")), results=True),
            scan_id,
        ),
    }  # fmt: skip
    for t in tables():
        path, item = _table_path(t)
        paths[path] = item
    return paths


def _contact() -> dict[str, str]:
    _name, address = parseaddr(str(settings.DEFAULT_FROM_EMAIL))
    contact = {"name": "Regiekompas", "url": str(settings.BASE_URL)}
    if address:
        contact["email"] = address
    return contact


@functools.cache
def _document(base_url: str) -> dict[str, Any]:
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Regiekompas API",
            "version": API_VERSION,
            "description": (
                "Alleen-lezen toegang tot de gepubliceerde resultaten van een regio, voor "
                "BI-tools zoals Power BI en Excel. Dezelfde cijfers als de resultatenpagina's; "
                "alle k-regels gelden. Zie docs/api.md."
            ),
            "contact": _contact(),
            "license": {
                "name": "EUPL-1.2",
                "url": "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
            },
        },
        "servers": [{"url": f"{base_url}/api/v1", "description": "Deze installatie"}],
        "security": [{"token": []}],
        "tags": [
            {"name": "API", "description": "Over de API zelf."},
            {"name": "Regio's", "description": "De regio van het token."},
            {"name": "Scans", "description": "Scans van de regio."},
            {"name": "Resultaten", "description": "Gepubliceerde resultaten, per tabel."},
        ],
        "paths": _paths(),
        "components": _components(),
    }


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document for this installation's public address (BASE_URL)."""
    return _document(str(settings.BASE_URL).rstrip("/"))
