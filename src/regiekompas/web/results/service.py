"""A scan's results: computed by `core` from the latest published snapshot, cached per snapshot.

product.md §6: results show a published snapshot of the answers, never live figures
(`responses/snapshots.py`, docs/privacy.md). Every figure on the results pages comes from one
call of `core.pipeline.analyse_with_advice` on the snapshot's answers with the region's tables
(`snapshot_dataset`) — the same files the default answers export writes, so
`regiekompas analyse` on that export gives the same numbers — with the scan's k,
`settings.RESULTS_BOOTSTRAP` resamples and the fixed seed `RESULTS_SEED`.

The analysis (bootstrap included) is too slow for a request of a large region (a national
scan takes seconds), so it never runs in one: publishing a snapshot starts the background job
`results.compute` (`tasks.py`, on the signal `snapshot_published`), which stores the outcome
in the database (`models.ComputedResults`) and the cache. A page that finds nothing stored
starts that job if none is under way and raises `ResultsPending`, and the page says the
results are being computed (it refreshes itself); inside a background job (`in_job`, e.g. a
PDF report) the analysis runs directly. The key of the stored outcome is a fingerprint of
everything the analysis reads: the snapshot, how many of its respondents were removed since
(GDPR), the scan's k and frozen instrument and the region's `data_version` (raised by every
change of its tables). New answers do not change the key: they reach the pages only with the
next snapshot. The stored value holds advice in both languages, so one computation serves
Dutch and English.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
import time
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Final

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from regiekompas import __version__
from regiekompas.core.advice import Advice, advice_rows
from regiekompas.core.analysis import Document, Settings, round_document
from regiekompas.core.dataset import Dataset, FloatArray, Mechanisme
from regiekompas.core.instrument import Instrument
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.core.text import Text
from regiekompas.web.jobs.models import Job
from regiekompas.web.jobs.queue import in_job, stale, submit
from regiekompas.web.regions.models import Region
from regiekompas.web.responses.dataset import NoAnswers
from regiekompas.web.responses.models import Snapshot
from regiekompas.web.responses.snapshots import (
    NotPublished,
    latest_snapshot,
    removed_respondents,
    snapshot_dataset,
)
from regiekompas.web.results.models import ComputedResults
from regiekompas.web.scans.models import Scan

__all__ = [
    "RESULTS_SEED",
    "NoAnswers",
    "NotPublished",
    "Results",
    "ResultsPending",
    "compute_results",
    "dataset_results",
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
#: The background job that computes a scan's results (`tasks.py`).
COMPUTE_TASK: Final = "results.compute"
#: A failed computation is tried again by the first page visit after this long.
RETRY_FAILED_AFTER: Final = timedelta(minutes=5)
#: A computation not finished after this long is taken to be lost and started again (a
#: national scan takes seconds; a duplicate finds the stored results and stops).
LOST_AFTER: Final = timedelta(minutes=30)
#: Results kept as objects in each process (a national document is ~5 MB pickled and takes
#: a few hundred ms to read back from a shared cache on every page view). Safe because the
#: key is a fingerprint of every input: changed inputs never find an old entry.
MEMO_ENTRIES: Final = 3
_MEMO: OrderedDict[str, _Computed] = OrderedDict()
_MEMO_LOCK = threading.Lock()


class ResultsPending(NoAnswers):
    """The results of the latest published snapshot are being computed in the background;
    `job` is the job doing it (its state and progress can be shown)."""

    def __init__(self, scan_pk: int, job: Job) -> None:
        super().__init__(scan_pk)
        self.job = job


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


def scan_results(scan: Scan, lang: str, *, compute: bool | None = None) -> Results:
    """The results of the scan's latest published snapshot as stored when it was published.

    Raises `NotPublished` (a `NoAnswers`) when no snapshot was published, and
    `ResultsPending` (a `NoAnswers` too) when they are not computed yet: the background job
    computing them is started if none is under way. With `compute=True` — the default inside
    a background job — missing results are computed (and stored) here instead.
    """
    snapshot = latest_snapshot(scan)
    if snapshot is None:
        raise NotPublished(scan.pk)
    key = cache_key(scan, snapshot)
    computed = _stored(key)
    if computed is None:
        if compute if compute is not None else in_job():
            computed = _compute_and_store(scan, snapshot, key)
        else:
            job = _ensure_job(scan, key)
            computed = _stored(key)  # the eager runner (tests) has finished it already
            if computed is None:
                raise ResultsPending(scan.pk, job)
    results = _in_language(computed, lang, snapshot)
    # Targets and agenda are recorded by people and may change without a new snapshot, so
    # they join the stored analysis here (web/results/cycle.py).
    from regiekompas.web.results.cycle import add_cycle_tables

    add_cycle_tables(scan, snapshot, results.document)
    return results


def dataset_results(
    dataset: Dataset, run: Settings, lang: str, instrument: Instrument | None = None
) -> Results:
    """The results of a dataset read from import files (the command line's PDF reports):
    the same computation as a published snapshot's, without a snapshot or a database."""
    return _in_language(_computed(dataset, run, instrument), lang, None)


def _in_language(computed: _Computed, lang: str, snapshot: Snapshot | None) -> Results:
    document = dict(computed.document)
    document["advies"] = advice_rows(computed.advice, lang=lang)
    return Results(
        document=document,
        advice=computed.advice,
        mechanismen=computed.mechanismen,
        respondents=computed.respondents,
        names=computed.names,
        settings=computed.settings,
        snapshot=snapshot,
    )


def compute_results(scan: Scan) -> bool:
    """Compute and store the results of the scan's latest snapshot unless they are stored
    already (the task `results.compute`); false when nothing is published."""
    snapshot = latest_snapshot(scan)
    if snapshot is None:
        return False
    key = cache_key(scan, snapshot)
    if _stored(key) is None:
        _compute_and_store(scan, snapshot, key)
    return True


def start_computing(scan: Scan) -> Job:
    """Start the background computation of the scan's latest snapshot (on publishing)."""
    return submit(COMPUTE_TASK, scope=f"scan:{scan.pk}", scan=scan.pk)


def _ensure_job(scan: Scan, key: str) -> Job:
    """The job computing these results: the one under way, a recent failure (shown as such),
    or a new one."""
    latest = (
        Job.objects.filter(kind=COMPUTE_TASK, scope=f"scan:{scan.pk}")
        .defer("result")
        .order_by("-created_at")
        .first()
    )
    if latest is not None:
        since = latest.started_at or latest.created_at
        if not latest.finished and not stale(latest) and timezone.now() - since < LOST_AFTER:
            return latest
        if (
            latest.status == Job.Status.FAILED
            and latest.finished_at is not None
            and timezone.now() - latest.finished_at < RETRY_FAILED_AFTER
        ):
            return latest
    # Stored results of the scan with another fingerprint are never served again.
    ComputedResults.objects.filter(scan_id=scan.pk).exclude(key=key).delete()
    return start_computing(scan)


def _stored(key: str) -> _Computed | None:
    """The results stored under `key`: from this process's memory, the cache or else the
    database."""
    with _MEMO_LOCK:
        computed = _MEMO.get(key)
        if computed is not None:
            _MEMO.move_to_end(key)
    if computed is None:
        cached = cache.get(key)
        if isinstance(cached, _Computed):
            computed = cached
        else:
            data = ComputedResults.objects.filter(key=key).values_list("data", flat=True).first()
            if data is None:
                return None
            computed = loads(bytes(data))
            cache.set(key, computed, CACHE_SECONDS)
        _remember(key, computed)
    return computed


def _remember(key: str, computed: _Computed) -> None:
    with _MEMO_LOCK:
        _MEMO[key] = computed
        _MEMO.move_to_end(key)
        while len(_MEMO) > MEMO_ENTRIES:
            _MEMO.popitem(last=False)


def _compute_and_store(scan: Scan, snapshot: Snapshot, key: str) -> _Computed:
    started = time.perf_counter()
    computed = _compute(scan, snapshot)
    seconds = time.perf_counter() - started
    ComputedResults.objects.filter(scan_id=scan.pk).exclude(key=key).delete()
    ComputedResults.objects.update_or_create(
        key=key,
        defaults={
            "scan_id": scan.pk,
            "snapshot_id": snapshot.pk,
            "seconds": seconds,
            "data": dumps(computed),
        },
    )
    cache.set(key, computed, CACHE_SECONDS)
    return computed


def dumps(computed: _Computed) -> bytes:
    """The computed results as compressed JSON (the document is JSON already)."""
    value = {
        "document": computed.document,
        "advice": [dataclasses.asdict(a) for a in computed.advice],
        "mechanismen": [dataclasses.asdict(m) for m in computed.mechanismen],
        "respondents": computed.respondents,
        "names": computed.names,
        "settings": dataclasses.asdict(computed.settings),
    }
    return zlib.compress(json.dumps(value, ensure_ascii=False).encode(), 6)


def loads(data: bytes) -> _Computed:
    value = json.loads(zlib.decompress(data))
    advice = []
    for row in value["advice"]:
        row["tekst"] = Text(**row["tekst"])
        row["eerste_stap"] = Text(**row["eerste_stap"])
        row["transities"] = tuple(row["transities"])
        advice.append(Advice(**row))
    mechanismen = tuple(
        Mechanisme(**{**row, "transities": tuple(row["transities"])})
        for row in value["mechanismen"]
    )
    return _Computed(
        document=value["document"],
        advice=tuple(advice),
        mechanismen=mechanismen,
        respondents={str(k): int(v) for k, v in value["respondents"].items()},
        names=dict(value["names"]),
        settings=Settings(**value["settings"]),
    )


def _compute(scan: Scan, snapshot: Snapshot) -> _Computed:
    from regiekompas.web.results.cycle import keep_replicates

    dataset = snapshot_dataset(scan, snapshot)
    # The bootstrap replicates behind the intervals serve the distance to a target and the
    # trend between rounds (web/results/cycle.py); they are kept next to the results.
    replicates: dict[str, dict[str, FloatArray]] = {}
    computed = _computed(dataset, results_settings(scan), scan.instrument(), replicates)
    keep_replicates(scan, snapshot, replicates)
    return computed


def _computed(
    dataset: Dataset,
    run: Settings,
    instrument: Instrument | None,
    replicates: dict[str, dict[str, FloatArray]] | None = None,
) -> _Computed:
    document, advice = analyse_with_advice(
        dataset, settings=run, instrument=instrument, replicates=replicates
    )
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
        # Keys of rows can be reused (a restored database, rolled-back tests): the time of
        # publication tells two snapshots with the same key apart.
        snapshot.published_at.isoformat(),
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
