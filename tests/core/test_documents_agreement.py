"""Krippendorff's α for the second labelling, checked against a hand computation."""

from __future__ import annotations

from collections import Counter
from itertools import product
from pathlib import Path

import pytest

from regiekompas.core.documents.agreement import agreement, read_second_labelling


def alpha_by_hand(pairs: list[tuple[str, str]]) -> float:
    """Nominal α for two coders without missing values, from the coincidence matrix.

    Each unit (a, b) adds one to o[a, b] and one to o[b, a]; n_c = Σ_k o[c, k], n = Σ n_c;
    α = 1 − (n − 1) · Σ_{c≠k} o[c, k] / Σ_{c≠k} n_c · n_k (Krippendorff 2004, §11.3).
    """
    o: Counter[tuple[str, str]] = Counter()
    for a, b in pairs:
        o[(a, b)] += 1
        o[(b, a)] += 1
    values = sorted({v for pair in pairs for v in pair})
    n_c = {c: sum(o[(c, k)] for k in values) for c in values}
    n = sum(n_c.values())
    observed = sum(o[(c, k)] for c, k in product(values, values) if c != k)
    expected = sum(n_c[c] * n_c[k] for c, k in product(values, values) if c != k)
    return 1 - (n - 1) * observed / expected


def test_alpha_matches_the_hand_computation() -> None:
    first = {
        "1": {"cc": "cocreatie", "dc": "geen"},
        "2": {"cc": "controle", "dc": "centraal"},
        "3": {"cc": "geen", "dc": "geen"},
        "4": {"cc": "geen", "dc": "decentraal"},
        "5": {"cc": "controle", "dc": "geen"},
        "6": {"cc": "cocreatie", "dc": None},
        "7": {"cc": "geen", "dc": "centraal"},
    }
    second = {
        "1": {"cc": "cocreatie", "dc": "geen"},
        "2": {"cc": "geen", "dc": "centraal"},
        "3": {"cc": "geen", "dc": "decentraal"},
        "4": {"cc": "geen", "dc": "decentraal"},
        "5": {"cc": "controle", "dc": "geen"},
        "6": {"cc": "controle", "dc": "geen"},
        "7": {"cc": "geen", "dc": "centraal"},
        "8": {"cc": "geen", "dc": "geen"},  # not in the first labelling: ignored
    }
    result = agreement(first, second)
    ids = sorted(set(first) & set(second))
    cc_pairs = [(str(first[i]["cc"]), str(second[i]["cc"])) for i in ids]
    dc_pairs = [
        (str(first[i]["dc"]), str(second[i]["dc"])) for i in ids if first[i]["dc"] is not None
    ]
    assert result["cc"].n == 7
    assert result["dc"].n == 6  # id 6 has no dc label in the first labelling
    assert result["cc"].alpha == pytest.approx(alpha_by_hand(cc_pairs))
    assert result["dc"].alpha == pytest.approx(alpha_by_hand(dc_pairs))
    assert result["cc"].overeenstemming == pytest.approx(5 / 7)


def test_a_second_labelling_with_an_unknown_label_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tweede_codering.csv"
    path.write_text("id,cc,dc\nZ1,samen,geen\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rij 2, kolom cc"):
        read_second_labelling(path)
