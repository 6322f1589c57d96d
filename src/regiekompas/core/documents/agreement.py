"""Agreement between the development set's labels and an independent second labelling.

A stratified sample of the development set (``data/steekproef_tweede_codering.csv``: ids and
texts only, no labels) is labelled by a second person following docs/codebook.md, into a
file ``tweede_codering.csv`` with the columns ``id, cc, dc``. Agreement per axis is
Krippendorff's α for nominal data (Krippendorff 2004, *Content Analysis*, ch. 11):

    α = 1 − D_o / D_e,

with D_o the observed and D_e the expected disagreement over all pairable values; computed
with the ``krippendorff`` package (a dev dependency), on the ids both labellings share.
Empty cells count as missing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from regiekompas.core.documents.evaluate import AXES

__all__ = ["AxisAgreement", "agreement", "read_second_labelling"]


@dataclass(frozen=True)
class AxisAgreement:
    alpha: float
    n: int
    overeenstemming: float  # share of texts with the same label (raw agreement)


def read_second_labelling(path: Path) -> dict[str, dict[str, str | None]]:
    """``id -> {cc, dc}`` from a second labelling file; unknown labels are refused."""
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
    out: dict[str, dict[str, str | None]] = {}
    for number, row in enumerate(rows, start=2):
        labels: dict[str, str | None] = {}
        for axis, allowed in AXES.items():
            value = (row.get(axis) or "").strip().lower()
            if value and value not in allowed:
                raise ValueError(f"{path.name}, rij {number}, kolom {axis}: '{value}' ongeldig")
            labels[axis] = value or None
        out[(row.get("id") or "").strip()] = labels
    return out


def agreement(
    first: Mapping[str, Mapping[str, str | None]],
    second: Mapping[str, Mapping[str, str | None]],
) -> dict[str, AxisAgreement]:
    """Krippendorff's α (nominal) and raw agreement per axis over the shared ids."""
    import krippendorff  # dev dependency

    ids = sorted(set(first) & set(second))
    out: dict[str, AxisAgreement] = {}
    for axis, labels in AXES.items():
        code = {label: float(i) for i, label in enumerate(labels)}
        pairs: list[tuple[str, str]] = []
        for i in ids:
            a, b = first[i].get(axis), second[i].get(axis)
            if a is not None and b is not None:
                pairs.append((a, b))
        data = [[code[a] for a, _ in pairs], [code[b] for _, b in pairs]]
        alpha = (
            float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
            if len(pairs) > 1
            else float("nan")
        )
        same = sum(a == b for a, b in pairs) / len(pairs) if pairs else float("nan")
        out[axis] = AxisAgreement(alpha=alpha, n=len(pairs), overeenstemming=same)
    return out
