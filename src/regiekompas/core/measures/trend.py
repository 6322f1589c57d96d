"""Trend: the change of every measure between two scan rounds (docs/method.md, "Trend").

Works on two results documents (as `analyse` returns them or as read back from the JSON
export), so rounds analysed months apart — or by another installation — can be compared.
Rows are matched on their identifying fields; a row present in one round only is reported
with the other side empty, so a gemeente that joined or left the scan is visible.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Final

import numpy as np

from regiekompas.core.dataset import FloatArray
from regiekompas.core.measures.bootstrap import percentile_ci
from regiekompas.core.results.rows import TrendRow
from regiekompas.core.results.tables import tables
from regiekompas.core.vocabulary import MAX_DISTANCE, QUADRANTS

#: Per measure: the fields that identify a row and the numeric fields whose change counts
#: (from the registry of the results document, `core.results.tables`).
TREND_FIELDS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    t.name: (t.key, t.trend_numbers) for t in tables() if t.trend_numbers
}

#: Categorical fields whose change is reported as "from → to".
CATEGORIES: Final[dict[str, tuple[str, ...]]] = {
    t.name: t.trend_categories for t in tables() if t.trend_categories
}


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return None if math.isnan(value) else float(value)


def trend(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Per measure, one row per entry with `<veld>_oud`, `<veld>_nieuw` and `delta_<veld>`."""
    out: dict[str, list[dict[str, Any]]] = {}
    for measure, (ids, numbers) in TREND_FIELDS.items():
        before = _index(old.get(measure) or [], ids)
        after = _index(new.get(measure) or [], ids)
        rows = []
        for key in sorted(set(before) | set(after), key=_sort_key):
            a, b = before.get(key, {}), after.get(key, {})
            row: dict[str, Any] = dict(zip(ids, key, strict=True))
            for field in numbers:
                x, y = _number(a.get(field)), _number(b.get(field))
                row[f"{field}_oud"] = x
                row[f"{field}_nieuw"] = y
                row[f"delta_{field}"] = None if x is None or y is None else y - x
            for field in CATEGORIES.get(measure, ()):
                row[f"{field}_oud"] = a.get(field)
                row[f"{field}_nieuw"] = b.get(field)
            rows.append(row)
        out[measure] = rows
    return out


def _index(rows: Sequence[Mapping[str, Any]], ids: Sequence[str]) -> dict[tuple[Any, ...], Any]:
    return {tuple(row.get(field) for field in ids): row for row in rows}


def _sort_key(key: tuple[Any, ...]) -> tuple[tuple[bool, str], ...]:
    return tuple((part is None, str(part)) for part in key)


#: A point in each quadrant's centre, used when a target is recorded as a quadrant only.
QUADRANT_CENTRES: Final[dict[str, tuple[float, float]]] = {
    "Afspreken": (-0.5, -0.5),
    "Afstemmen": (0.5, -0.5),
    "Coördineren": (-0.5, 0.5),
    "Sturen": (0.5, 0.5),
}


def distance_to_target(position: tuple[float, float], target: tuple[float, float] | str) -> float:
    """Distance (0 … 1) from a measured position to the chosen target (docs/method.md, "Trend").

    The target is a point (cc, dc) or a quadrant name, which stands for its centre.
    """
    if isinstance(target, str):
        if target not in QUADRANTS:
            raise ValueError(f"unknown quadrant {target!r}; expected one of {', '.join(QUADRANTS)}")
        target = QUADRANT_CENTRES[target]
    return math.hypot(position[0] - target[0], position[1] - target[1]) / MAX_DISTANCE


#: Bootstrap replicates of a round, per `maat` (`cellen.cc`, …) and `sleutel` (the row's key
#: fields joined by `|`): what `analyse(..., replicates=…)` fills in. Not part of the document.
Replicates = dict[str, dict[str, FloatArray]]


def sleutel(row: Mapping[str, Any], ids: Sequence[str]) -> str:
    """The row's key fields joined by `|`, empty ones left out (`GM0766|relaties`)."""
    return "|".join(str(row[field]) for field in ids if row.get(field) is not None)


def difference_ci(old: FloatArray, new: FloatArray) -> tuple[float, float]:
    """95 % percentile interval of replicate b of the new round minus replicate b of the old.

    The rounds are independent samples, so pairing replicates by their index is one draw of
    the difference of the two estimates (docs/method.md, "Trend"). With unequal B the first
    min(B) replicates of each are used.
    """
    b = min(old.shape[-1], new.shape[-1])
    low, high = percentile_ci(np.asarray(new[..., :b] - old[..., :b], dtype=np.float64))
    return float(low), float(high)


def trend_rows(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    old_replicates: Replicates | None = None,
    new_replicates: Replicates | None = None,
) -> list[TrendRow]:
    """One `trend` row per figure of every measure the registry compares (§13 of the spec).

    `verschil` = nieuw − oud; `ci` and `zeker` come from the rounds' bootstrap replicates and
    are null for figures without replicates (counts, condition scores, spreads …) and for
    rows present in one round only.
    """
    old_reps, new_reps = old_replicates or {}, new_replicates or {}
    out: list[TrendRow] = []
    for measure, (ids, numbers) in TREND_FIELDS.items():
        before = {sleutel(row, ids): row for row in old.get(measure) or []}
        after = {sleutel(row, ids): row for row in new.get(measure) or []}
        for field in numbers:
            maat = f"{measure}.{field}"
            for key in sorted(set(before) | set(after)):
                x = _number(before.get(key, {}).get(field))
                y = _number(after.get(key, {}).get(field))
                if x is None and y is None:
                    continue
                ci: list[float] | None = None
                zeker: bool | None = None
                a = old_reps.get(maat, {}).get(key)
                b = new_reps.get(maat, {}).get(key)
                if x is not None and y is not None and a is not None and b is not None:
                    low, high = difference_ci(a, b)
                    ci = [low, high]
                    zeker = bool(low > 0 or high < 0)
                out.append(
                    TrendRow(
                        maat=maat,
                        sleutel=key,
                        oud=x,
                        nieuw=y,
                        verschil=None if x is None or y is None else y - x,
                        ci=ci,
                        zeker=zeker,
                    )
                )
    return out
