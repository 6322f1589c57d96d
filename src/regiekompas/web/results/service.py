"""A scan's results: computed by `core` from the database's answers, cached until they change.

Every figure on the results pages comes from one call of `core.pipeline.analyse_with_advice`
on `scan_dataset(scan)` — the same function `regiekompas analyse` runs on an export of the
same answers — with the scan's k, `settings.RESULTS_BOOTSTRAP` resamples and the fixed seed
`RESULTS_SEED`, so a page and the command line give the same numbers.

The analysis (bootstrap included) is too slow to repeat on every page view of a large
region, so its outcome is cached. The cache key is a fingerprint of everything the analysis
reads: the scan's k and frozen instrument, the region's `data_version` (raised by every
change of its tables), the number and latest change of the scan's answers and reported
mechanisms, and the respondents' groups and organisations. Any new or changed answer
therefore gives a new key and a fresh analysis; an unchanged scan is served from the cache.
The cached value holds advice in both languages, so one computation serves Dutch and
English pages alike.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max

from regiekompas import __version__
from regiekompas.core.advice import Advice, advice_rows
from regiekompas.core.analysis import Document, Settings, round_document
from regiekompas.core.dataset import Dataset, Mechanisme
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.regions.models import Region
from regiekompas.web.responses.dataset import NoAnswers, scan_dataset
from regiekompas.web.responses.models import Answer, MechanismUse
from regiekompas.web.scans.models import Scan

__all__ = ["RESULTS_SEED", "NoAnswers", "Results", "results_settings", "scan_results"]

#: Seed of the bootstrap on results pages: the default of `regiekompas analyse --seed`, so
#: the command line on an export gives the same intervals without extra options.
RESULTS_SEED: Final = 0
#: How long an analysis stays cached; a changed scan gets a new key long before this.
CACHE_SECONDS: Final = 7 * 24 * 3600
_CACHE_PREFIX: Final = "rk-results-v1"


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
    """The results of a scan, from the cache when nothing changed; raises `NoAnswers`."""
    key = cache_key(scan)
    computed = cache.get(key)
    if not isinstance(computed, _Computed):
        computed = _compute(scan)
        cache.set(key, computed, CACHE_SECONDS)
    document = dict(computed.document)
    document["advies"] = advice_rows(computed.advice, lang=lang)
    return Results(
        document=document,
        advice=computed.advice,
        mechanismen=computed.mechanismen,
        respondents=computed.respondents,
        names=computed.names,
        settings=computed.settings,
    )


def _compute(scan: Scan) -> _Computed:
    dataset = scan_dataset(scan)
    run = results_settings(scan)
    document, advice = analyse_with_advice(dataset, settings=run, instrument=scan.instrument())
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


def cache_key(scan: Scan) -> str:
    """A fingerprint of every input of the scan's analysis (see the module docstring)."""
    answers = Answer.objects.filter(respondent__scan=scan).aggregate(
        n=Count("id"), last=Max("updated_at")
    )
    mechanisms = MechanismUse.objects.filter(respondent__scan=scan).aggregate(
        n=Count("id"), last=Max("updated_at")
    )
    people = hashlib.sha256()
    for row in (
        Respondent.objects.filter(scan=scan)
        .order_by("pk")
        .values_list("pk", "external_id", "groep", "organisatie")
    ):
        people.update(repr(row).encode())
    data_version = Region.objects.filter(pk=scan.region_id).values_list("data_version", flat=True)
    parts = (
        __version__,
        scan.pk,
        scan.k,
        hashlib.sha256(scan.instrument_toml.encode()).hexdigest(),
        scan.instrument_version,
        list(data_version),
        int(settings.RESULTS_BOOTSTRAP),
        RESULTS_SEED,
        answers["n"],
        str(answers["last"]),
        mechanisms["n"],
        str(mechanisms["last"]),
        people.hexdigest(),
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"{_CACHE_PREFIX}:{scan.pk}:{digest}"
