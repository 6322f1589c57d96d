"""The worked example of the spec (shared/spec/worked-example) is reproduced exactly.

Every figure in its expected.json, computed by an independent implementation, must come out
of our analysis with k = 3 to 4 decimals — and nothing more may be shown than it lists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.io import read_dataset

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "worked-example"


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    dataset, _ = read_dataset([EXAMPLE / "antwoorden.csv"])
    return analyse(dataset, settings=Settings(k=3, bootstrap=200, seed=1))


def _keyed(rows: list[dict[str, Any]], *fields: str) -> dict[str, dict[str, Any]]:
    return {"|".join(str(row[f]) for f in fields): row for row in rows}


def _close(actual: float, wanted: float) -> None:
    assert round(actual, 4) == pytest.approx(round(wanted, 4), abs=1e-12)


def test_cells_match(document: dict[str, Any], expected: dict[str, Any]) -> None:
    cells = _keyed(document["cellen"], "gemeente_code", "transitie", "perspectief")
    assert set(cells) == set(expected["cellen"])
    for key, want in expected["cellen"].items():
        assert cells[key]["n"] == want["n"]
        assert cells[key]["kwadrant"] == want["kwadrant"]
        _close(cells[key]["cc"], want["cc"])
        _close(cells[key]["dc"], want["dc"])


def test_only_the_groups_that_survive_k_anonymity_are_shown(
    document: dict[str, Any], expected: dict[str, Any]
) -> None:
    groups = _keyed(document["groepen"], "gemeente_code", "transitie", "perspectief", "groep")
    assert set(groups) == set(expected["groepen"])
    for key, want in expected["groepen"].items():
        assert groups[key]["n"] == want["n"]
        _close(groups[key]["cc"], want["cc"])
        _close(groups[key]["dc"], want["dc"])
        _close(groups[key]["rwg"]["cc"], want["rwg_cc"])
        _close(groups[key]["rwg"]["dc"], want["rwg_dc"])


def test_gap_matches(document: dict[str, Any], expected: dict[str, Any]) -> None:
    gaps = _keyed(document["kloof"], "gemeente_code", "transitie")
    assert set(gaps) == set(expected["kloof"])
    for key, want in expected["kloof"].items():
        _close(gaps[key]["waarde"], want["waarde"])
        assert (gaps[key]["van"], gaps[key]["naar"]) == (want["van"], want["naar"])
        low, high = gaps[key]["ci"]
        assert low <= gaps[key]["waarde"] <= high


def test_spraakverwarring_matches(document: dict[str, Any], expected: dict[str, Any]) -> None:
    rows = _keyed(document["spraakverwarring"], "gemeente_code", "transitie", "perspectief")
    assert set(rows) == set(expected["spraakverwarring"])
    for key, want in expected["spraakverwarring"].items():
        _close(rows[key]["waarde"], want["waarde"])
        assert rows[key]["groepen"] == want["groepen"]
        _close(rows[key]["rwg"]["cc"], want["rwg_cc"])
        _close(rows[key]["rwg"]["dc"], want["rwg_dc"])


def test_conditions_match(document: dict[str, Any], expected: dict[str, Any]) -> None:
    overall = _keyed(
        [row for row in document["condities"] if row["groep"] is None], "gemeente_code", "conditie"
    )
    assert set(overall) == set(expected["condities"])
    for key, want in expected["condities"].items():
        _close(overall[key]["score"], want["score"])
        _close(overall[key]["alpha"], want["alpha"])
        assert overall[key]["n"] == want["n"]


def test_region_alpha_matches(document: dict[str, Any], expected: dict[str, Any]) -> None:
    (region,) = document["regio"]
    _close(region["alpha_groepen"], expected["regio"]["alpha_groepen"])


def test_measures_that_need_other_files_stay_empty(
    document: dict[str, Any], expected: dict[str, Any]
) -> None:
    for measure in ("spaghetti", "aanbieders", "versnippering"):
        assert document[measure] == []
        assert expected[measure] == {}


def test_zorgverzekeraar_with_two_respondents_appears_nowhere(document: dict[str, Any]) -> None:
    text = json.dumps(document)
    assert "zorgverzekeraar" not in text
