"""Flatten the nested rows of a results document for spreadsheets and CSV."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

#: The list-valued keys of the document in the order of product.md §10.
MEASURES: Final[tuple[str, ...]] = (
    "cellen",
    "groepen",
    "kloof",
    "spraakverwarring",
    "regio",
    "condities",
    "spaghetti",
    "versnippering",
    "aanbieders",
    "advies",
)

#: Column headers per measure, so an empty sheet still shows what it would contain.
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "cellen": (
        "gemeente_code",
        "transitie",
        "perspectief",
        "n",
        "cc",
        "dc",
        "cc_ci_laag",
        "cc_ci_hoog",
        "dc_ci_laag",
        "dc_ci_hoog",
        "kwadrant",
        "helder",
    ),
    "groepen": (
        "gemeente_code",
        "transitie",
        "perspectief",
        "groep",
        "n",
        "cc",
        "dc",
        "rwg_cc",
        "rwg_dc",
    ),
    "kloof": ("gemeente_code", "transitie", "waarde", "ci_laag", "ci_hoog", "van", "naar"),
    "spraakverwarring": (
        "gemeente_code",
        "transitie",
        "perspectief",
        "waarde",
        "groep_a",
        "groep_b",
        "rwg_cc",
        "rwg_dc",
    ),
    "regio": ("regio", "alpha_groepen"),
    "condities": ("gemeente_code", "groep", "conditie", "score", "alpha", "n"),
    "spaghetti": ("gemeente_code", "n", "kwadranten", "entropie", "transitie_inconsistentie"),
    "versnippering": (
        "regio",
        "transitie",
        "gewogen_gemiddelde",
        "aandeel_3_of_meer",
        "spreiding",
    ),
    "aanbieders": ("organisatie", "transitie", "gemeenten", "regimes"),
    "advies": ("gemeente_code", "transitie", "regel", "prioriteit", "tekst"),
}


def _flatten(row: Mapping[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, Mapping):
            for sub, inner in value.items():
                flat[f"{key}_{sub}"] = inner
        elif key == "groepen" and isinstance(value, Sequence) and not isinstance(value, str):
            pair = [*list(value), None, None]
            flat["groep_a"], flat["groep_b"] = pair[0], pair[1]
        elif isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 2:
            flat[f"{key}_laag"], flat[f"{key}_hoog"] = value[0], value[1]
        else:
            flat[key] = value
    return flat


def flat_rows(document: Mapping[str, Any], measure: str) -> Iterator[tuple[Any, ...]]:
    """Rows of one measure as tuples in the order of `COLUMNS[measure]`."""
    columns = COLUMNS[measure]
    for row in document.get(measure) or ():
        flat = _flatten(row)
        yield tuple(flat.get(column) for column in columns)
