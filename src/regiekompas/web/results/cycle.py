"""The regie cycle in a scan's results document: `doelen`, `agenda` and the trend between
rounds (product.md §4.12, §4.13, §13; docs/method.md, "Targets and agenda" and "Trend").

Every figure is computed by core: `core.doelen.doelen_rows` measures the recorded targets
against the published praktijk positions, `core.measures.trend.trend_rows` compares the
published snapshots of two rounds. The intervals of both need the bootstrap replicates of the
analysis, which are not part of the document; they are kept in the cache next to it
(`keep_replicates`, compact float32), and recomputed from the same snapshot with the same
seed when the cache lost them, which gives the same draws.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
from django.core.cache import cache
from django.db.models import Max

from regiekompas.core.analysis import analyse, round_document
from regiekompas.core.dataset import FloatArray
from regiekompas.core.doelen import doelen_rows
from regiekompas.core.measures.trend import Replicates, trend_rows
from regiekompas.core.results.rows import Document, TrendRow
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.snapshots import latest_snapshot
from regiekompas.web.scans.models import Scan
from regiekompas.web.targets.models import Action, Target
from regiekompas.web.targets.services import actions_of, agenda_rows, doelen_of, targets_of

_REPS_PREFIX: Final = "rk-replicates-v1"
_TREND_PREFIX: Final = "rk-trend-v1"
CACHE_SECONDS: Final = 7 * 24 * 3600

Packed = dict[str, tuple[list[str], np.ndarray]]


def _reps_key(scan: Scan, snapshot: Snapshot) -> str:
    from regiekompas.web.results.service import cache_key

    return f"{_REPS_PREFIX}:{cache_key(scan, snapshot)}"


def _pack(replicates: Mapping[str, Mapping[str, FloatArray]]) -> Packed:
    packed: Packed = {}
    for maat, rows in replicates.items():
        keys = list(rows)
        if keys:
            packed[maat] = (keys, np.stack([rows[k] for k in keys]).astype(np.float32))
    return packed


def _unpack(packed: Packed) -> Replicates:
    return {
        maat: {key: array[i].astype(np.float64) for i, key in enumerate(keys)}
        for maat, (keys, array) in packed.items()
    }


def keep_replicates(
    scan: Scan, snapshot: Snapshot, replicates: Mapping[str, Mapping[str, FloatArray]]
) -> None:
    """Keep the replicates of the snapshot's analysis next to its cached document."""
    cache.set(_reps_key(scan, snapshot), _pack(replicates), CACHE_SECONDS)


def snapshot_replicates(scan: Scan, snapshot: Snapshot) -> Replicates:
    """The bootstrap replicates behind the snapshot's intervals (recomputed if not cached)."""
    packed = cache.get(_reps_key(scan, snapshot))
    if isinstance(packed, dict):
        return _unpack(packed)
    from regiekompas.web.results.service import results_settings, snapshot_dataset

    replicates: Replicates = {}
    analyse(
        snapshot_dataset(scan, snapshot),
        settings=results_settings(scan),
        instrument=scan.instrument(),
        replicates=replicates,
    )
    keep_replicates(scan, snapshot, replicates)
    return _unpack(_pack(replicates))


def _doelen(
    scan: Scan,
    snapshot: Snapshot,
    document: Mapping[str, Any],
    targets: list[Target],
    replicates_out: Replicates | None = None,
) -> list[dict[str, Any]]:
    if not targets:
        return []
    reps = snapshot_replicates(scan, snapshot)
    rows = doelen_rows(document, doelen_of(targets), reps, replicates_out)
    return list(round_document([dict(row) for row in rows]))


def add_cycle_tables(scan: Scan, snapshot: Snapshot, document: Document) -> None:
    """Fill `doelen` (distance of praktijk to each recorded target) and `agenda`."""
    document["doelen"] = _doelen(scan, snapshot, document, targets_of(scan))
    document["agenda"] = [dict(row) for row in agenda_rows(actions_of(scan))]


@dataclass(frozen=True)
class RoundTrend:
    """The trend from the previous round's published results to this round's."""

    previous: Scan
    rows: list[TrendRow]


def _targets_version(*scans: Scan) -> str:
    parts = []
    for scan in scans:
        for model in (Target, Action):
            found = model.objects.filter(scan=scan).aggregate(last=Max("updated_at"))
            parts.append((model.objects.filter(scan=scan).count(), str(found["last"])))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def round_trend(scan: Scan, document: Mapping[str, Any]) -> RoundTrend | None:
    """The trend rows (product.md §4.13) between the previous round and this one, both from
    their latest published snapshot; None when there is no earlier published round.

    `document` is this round's published document (as `scan_results` gives it).
    """
    from regiekompas.web.results.service import cache_key, scan_results

    previous = scan.previous
    snapshot = latest_snapshot(scan)
    if previous is None or snapshot is None:
        return None
    old_snapshot = latest_snapshot(previous)
    if old_snapshot is None:
        return None
    key = hashlib.sha256(
        repr(
            (
                cache_key(previous, old_snapshot),
                cache_key(scan, snapshot),
                _targets_version(previous, scan),
            )
        ).encode()
    ).hexdigest()
    cached = cache.get(f"{_TREND_PREFIX}:{scan.pk}:{key}")
    if isinstance(cached, list):
        return RoundTrend(previous, cached)
    from regiekompas.web.responses.dataset import NoAnswers

    try:
        old = scan_results(previous, "nl").document
    except NoAnswers:  # still being computed: the trend shows once it is there
        return None
    old_reps = snapshot_replicates(previous, old_snapshot)
    new_reps = snapshot_replicates(scan, snapshot)
    # The distance to the target in each round is measured against that round's targets.
    old_reps_doelen: Replicates = {}
    new_reps_doelen: Replicates = {}
    old_doc = dict(old)
    new_doc = dict(document)
    old_doc["doelen"] = _doelen(previous, old_snapshot, old, targets_of(previous), old_reps_doelen)
    new_doc["doelen"] = _doelen(scan, snapshot, document, targets_of(scan), new_reps_doelen)
    rows = trend_rows(
        old_doc, new_doc, {**old_reps, **old_reps_doelen}, {**new_reps, **new_reps_doelen}
    )
    rows = [TrendRow(**round_document(dict(row))) for row in rows]  # type: ignore[typeddict-item]
    cache.set(f"{_TREND_PREFIX}:{scan.pk}:{key}", rows, CACHE_SECONDS)
    return RoundTrend(previous, rows)
