"""A scan's results: computed by `core` from the latest published snapshot, cached per snapshot.

product.md §6: results show a published snapshot of the answers, never live figures
(`responses/snapshots.py`, docs/privacy.md). Every figure on the results pages comes from one
call of `core.pipeline.analyse_with_advice` on the snapshot's answers with the region's tables
(`snapshot_dataset`) — the same files the default answers export writes, so
`regiekompas analyse` on that export gives the same numbers — with the scan's k,
`settings.RESULTS_BOOTSTRAP` resamples and the fixed seed `RESULTS_SEED`.

The analysis (bootstrap included) is too slow to repeat on every page view of a large
region, so its outcome is cached. The cache key is a fingerprint of everything the analysis
reads: the snapshot, how many of its respondents were removed since (GDPR), the scan's k and
frozen instrument and the region's `data_version` (raised by every change of its tables).
New answers do not change the key: they reach the pages only with the next snapshot. The
cached value holds advice in both languages, so one computation serves Dutch and English.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
from django.conf import settings
from django.core.cache import cache

from regiekompas import __version__
from regiekompas.core.advice import Advice, advice_rows
from regiekompas.core.analysis import Document, Settings, round_document
from regiekompas.core.dataset import Dataset, FloatArray, Mechanisme
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.web.regions.models import Region
from regiekompas.web.responses.dataset import NoAnswers
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.snapshots import (
    NotPublished,
    latest_snapshot,
    removed_respondents,
    snapshot_dataset,
)
from regiekompas.web.scans.models import Scan

__all__ = [
    "RESULTS_SEED",
    "NoAnswers",
    "NotPublished",
    "Results",
    "results_settings",
    "scan_results",
    "snapshot_dataset",
]


#: Seed of the bootstrap on results pages: the default of `regiekompas analyse --seed`, so
#: the command line on an export gives the same intervals without extra options.
RESULTS_SEED: Final = 0
#: How long an analysis stays cached; a changed scan gets a new key long before this.
CACHE_SECONDS: Final = 7 * 24 * 3600
_CACHE_PREFIX: Final = "rk-results-v2"


@dataclass(frozen=True)
class Results:
    """The document of product.md §10 in published form (floats rounded to 4 decimals, NaN as
    None) with `advies` in the page's language, plus what the pages need besides it."""

    document: Document
    advice: tuple[Advice, ...]
    mechanismen: tuple[Mechanisme, ...]
    #: Respondents with at least one answer about each gemeente.
    respondents: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)
    #: The published snapshot these results come from (its `data` not loaded).
    snapshot: Snapshot | None = None

    def rows(self, measure: str) -> list[dict[str, Any]]:
        rows = self.document.get(measure) or []
        return list(rows)


@dataclass(frozen=True)
class _Computed:
    """What is cached: everything of `Results` except the choice of language."""

    document: Document
    advice: tuple[Advice, ...]
    mechanismen: tuple[Mechanisme, ...]
    respondents: dict[str, int]
    names: dict[str, str]
    settings: Settings


def results_settings(scan: Scan) -> Settings:
    """The analysis settings of a scan's results pages (and of a matching CLI run)."""
    return Settings(k=scan.k, bootstrap=int(settings.RESULTS_BOOTSTRAP), seed=RESULTS_SEED)


def scan_results(scan: Scan, lang: str) -> Results:
    """The results of the scan's latest published snapshot, from the cache when nothing
    changed; raises `NotPublished` (a `NoAnswers`) when no snapshot was published."""
    snapshot = latest_snapshot(scan)
    if snapshot is None:
        raise NotPublished(scan.pk)
    key = cache_key(scan, snapshot)
    computed = cache.get(key)
    if not isinstance(computed, _Computed):
        computed = _compute(scan, snapshot)
        cache.set(key, computed, CACHE_SECONDS)
    document = dict(computed.document)
    document["advies"] = advice_rows(computed.advice, lang=lang)
    # Targets and agenda are recorded by people and may change without a new snapshot, so
    # they join the cached analysis here (web/results/cycle.py).
    from regiekompas.web.results.cycle import add_cycle_tables

    add_cycle_tables(scan, snapshot, document)
    return Results(
        document=document,
        advice=computed.advice,
        mechanismen=computed.mechanismen,
        respondents=computed.respondents,
        names=computed.names,
        settings=computed.settings,
        snapshot=snapshot,
    )


def _compute(scan: Scan, snapshot: Snapshot) -> _Computed:
    from regiekompas.web.results.cycle import keep_replicates

    dataset = snapshot_dataset(scan, snapshot)
    run = results_settings(scan)
    replicates: dict[str, dict[str, FloatArray]] = {}
    document, advice = analyse_with_advice(
        dataset, settings=run, instrument=scan.instrument(), replicates=replicates
    )
    keep_replicates(scan, snapshot, replicates)
    return _Computed(
        document=round_document(document),
        advice=tuple(advice),
        mechanismen=tuple(dataset.mechanismen or ()),
        respondents=_respondents_per_gemeente(dataset),
        names=dataset.naam_of(),
        settings=run,
    )


def _respondents_per_gemeente(dataset: Dataset) -> dict[str, int]:
    """Distinct respondents per gemeente over both kinds of answers (a plain total count)."""
    r = dataset.responses
    people = max(len(r.respondent_ids), 1)
    pairs = np.concatenate(
        [r.obs_gemeente * people + r.obs_respondent, r.gem_gemeente * people + r.gem_respondent]
    )
    counts = np.bincount(np.unique(pairs) // people, minlength=len(r.gemeente_codes))
    return {code: int(counts[i]) for i, code in enumerate(r.gemeente_codes)}


def cache_key(scan: Scan, snapshot: Snapshot) -> str:
    """A fingerprint of every input of the scan's analysis (see the module docstring)."""
    data_version = Region.objects.filter(pk=scan.region_id).values_list("data_version", flat=True)
    parts = (
        __version__,
        scan.pk,
        snapshot.pk,
        snapshot.number,
        removed_respondents(snapshot),
        scan.k,
        hashlib.sha256(scan.instrument_toml.encode()).hexdigest(),
        scan.instrument_version,
        list(data_version),
        int(settings.RESULTS_BOOTSTRAP),
        RESULTS_SEED,
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"{_CACHE_PREFIX}:{scan.pk}:{digest}"
