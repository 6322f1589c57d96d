"""The trend between two rounds with intervals, and the distance to a target (by hand).

docs/method.md, "Trend": the interval of a change is the percentile interval of replicate b
of the new round minus replicate b of the old; `zeker` when it excludes 0.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from regiekompas.core.doelen import Doel, DoelenError, doelen_rows, read_doelen
from regiekompas.core.measures.trend import difference_ci, sleutel, trend_rows

TRANSITIES = ("jeugd", "wmo", "participatie", "eerste_lijn")


def _cell(g: str, cc: float, dc: float, n: int = 10) -> dict[str, object]:
    return {"gemeente_code": g, "transitie": "jeugd", "perspectief": "praktijk", "n": n,
            "cc": cc, "dc": dc}  # fmt: skip


def test_difference_interval_is_the_percentile_of_paired_replicate_differences() -> None:
    old = np.asarray([0.0, 0.1, 0.2, 0.3, 0.4])
    new = np.asarray([1.0, 1.0, 1.0, 1.0, 1.0])
    # differences 1.0, 0.9, 0.8, 0.7, 0.6 → sorted 0.6 … 1.0; numpy's linear rule:
    # 2.5 % at position 0.1 → 0.6 + 0.1·0.1 = 0.61; 97.5 % at 3.9 → 0.9 + 0.9·0.1 = 0.99
    low, high = difference_ci(old, new)
    assert low == pytest.approx(0.61)
    assert high == pytest.approx(0.99)


def test_trend_rows_give_change_ci_and_zeker_only_where_replicates_exist() -> None:
    old = {"cellen": [_cell("GM0001", 0.10, 0.20), _cell("GM0002", 0.5, 0.5)],
           "condities": [{"gemeente_code": "GM0001", "groep": None, "conditie": "relaties",
                          "score": 40.0, "alpha": 0.8, "n": 10}]}  # fmt: skip
    new = {"cellen": [_cell("GM0001", 0.40, 0.20), _cell("GM0003", 0.1, 0.1)],
           "condities": [{"gemeente_code": "GM0001", "groep": None, "conditie": "relaties",
                          "score": 55.0, "alpha": 0.8, "n": 12}]}  # fmt: skip
    key = "GM0001|jeugd|praktijk"
    old_reps = {"cellen.cc": {key: np.asarray([0.05, 0.10, 0.15])},
                "cellen.dc": {key: np.asarray([0.1, 0.3, 0.2])}}  # fmt: skip
    new_reps = {"cellen.cc": {key: np.asarray([0.35, 0.40, 0.45])},
                "cellen.dc": {key: np.asarray([0.3, 0.1, 0.2])}}  # fmt: skip
    rows = {(r["maat"], r["sleutel"]): r for r in trend_rows(old, new, old_reps, new_reps)}

    cc = rows[("cellen.cc", key)]
    assert cc["oud"] == 0.10
    assert cc["nieuw"] == 0.40
    assert cc["verschil"] == pytest.approx(0.30)
    assert cc["ci"] == pytest.approx([0.30, 0.30])  # every paired difference is 0.30
    assert cc["zeker"] is True
    dc = rows[("cellen.dc", key)]
    assert dc["verschil"] == pytest.approx(0.0)
    # differences 0.2, −0.2, 0.0 → sorted −0.2, 0, 0.2: 2.5 % = −0.19, 97.5 % = 0.19
    assert dc["ci"] == pytest.approx([-0.19, 0.19])
    assert dc["zeker"] is False
    # no replicates: a change without an interval
    score = rows[("condities.score", "GM0001|relaties")]
    assert score["verschil"] == pytest.approx(15.0)
    assert score["ci"] is None
    assert score["zeker"] is None
    # a cell in one round only is listed with the other side empty
    assert rows[("cellen.cc", "GM0002|jeugd|praktijk")]["nieuw"] is None
    assert rows[("cellen.cc", "GM0003|jeugd|praktijk")]["oud"] is None
    assert rows[("cellen.cc", "GM0003|jeugd|praktijk")]["verschil"] is None


def test_sleutel_leaves_out_empty_key_fields() -> None:
    row = {"gemeente_code": "GM0766", "groep": None, "conditie": "relaties"}
    assert sleutel(row, ("gemeente_code", "groep", "conditie")) == "GM0766|relaties"


def test_afstand_is_distance_to_target_over_2_sqrt_2_with_the_cells_replicates() -> None:
    document = {"cellen": [_cell("GM0001", 0.2, 0.1), _cell("GM0001", 0.9, 0.9) | {
        "perspectief": "ambitie"}]}  # fmt: skip
    reps = {
        "cellen.cc": {"GM0001|jeugd|praktijk": np.asarray([0.5, 0.5, 0.5, 0.5, 0.5])},
        "cellen.dc": {"GM0001|jeugd|praktijk": np.asarray([0.1, 0.0, -0.1, -0.2, -0.3])},
    }
    doel = Doel("GM0001", "jeugd", -0.5, 0.5, "Coördineren", "")
    (row,) = doelen_rows(document, [doel], reps)
    # (0.2, 0.1) to (−0.5, 0.5): √(0.49 + 0.16) / 2√2
    assert row["afstand"] == pytest.approx(math.sqrt(0.65) / (2 * math.sqrt(2)))
    # replicate distances: √(1 + (dc − 0.5)²) / 2√2 for dc = 0.1 … −0.3, increasing
    d = sorted(
        math.sqrt(1 + (x - 0.5) ** 2) / (2 * math.sqrt(2)) for x in (0.1, 0, -0.1, -0.2, -0.3)
    )
    assert row["afstand_ci"] == pytest.approx([d[0] + 0.1 * (d[1] - d[0]),
                                               d[3] + 0.9 * (d[4] - d[3])])  # fmt: skip
    # a target whose praktijk cell is not shown (below k, so not in `cellen`) has no row
    assert doelen_rows(document, [Doel("GM0009", "jeugd", 0, 0, "grens", "")], reps) == []


def test_a_doelen_file_with_points_and_quadrants(tmp_path: Path) -> None:
    path = tmp_path / "doelen.csv"
    path.write_text("gemeente_code;transitie;cc;dc;kwadrant;toelichting\n"
                    "GM0153;jeugd;0,2;-0,4;;samen gekozen\n"
                    "GM0153;wmo;;;afstemmen;\n", encoding="utf-8")  # fmt: skip
    first, second = read_doelen(path, TRANSITIES)
    assert (first.cc, first.dc, first.kwadrant) == (0.2, -0.4, "Afstemmen")
    assert first.toelichting == "samen gekozen"
    assert (second.cc, second.dc, second.kwadrant) == (0.5, -0.5, "Afstemmen")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gemeente_code,transitie,cc,dc\nGM0153,jeugd,2,0\n", "doelen.csv, rij 2, kolom cc"),
        ("gemeente_code,transitie,kwadrant\nGM0153,zorg,Sturen\n", "rij 2, kolom transitie"),
        ("gemeente_code,transitie,kwadrant\nGM0153,jeugd,Midden\n", "rij 2, kolom kwadrant"),
        ("gemeente_code,transitie\nGM0153,jeugd\n", "rij 1, kolom kwadrant"),
        (
            "gemeente_code,transitie,kwadrant\nGM0153,jeugd,Sturen\nGM0153,jeugd,Sturen\n",
            "rij 3, kolom transitie: dubbel",
        ),
    ],
)
def test_a_bad_doelen_file_names_file_row_and_column(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "doelen.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DoelenError) as failed:
        read_doelen(path, TRANSITIES)
    assert expected in failed.value.text("nl")
    assert "doelen.csv" in failed.value.text("en")
