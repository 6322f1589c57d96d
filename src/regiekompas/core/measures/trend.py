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
