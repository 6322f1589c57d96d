"""Computed results, stored per published snapshot so that no page visit computes them.

A row holds what `service.scan_results` serves for one fingerprint of the analysis inputs
(`service.cache_key`: snapshot, removed respondents, k, instrument, region data version,
bootstrap settings). It is written by the background job `results.compute`, which publishing
a snapshot starts, and read by every app process (the per-process cache sits in front of
it). A row whose fingerprint no longer matches is never served and is deleted when noticed;
erasing a respondent deletes the scan's rows at once (`results.apps`), so no stored figure
keeps a removed person's answers (docs/privacy.md).
"""

from __future__ import annotations

from django.db import models


class ComputedResults(models.Model):
    scan = models.ForeignKey("scans.Scan", on_delete=models.CASCADE, related_name="+")
    snapshot = models.ForeignKey("responses.Snapshot", on_delete=models.CASCADE, related_name="+")
    #: `service.cache_key` of the inputs these results were computed from.
    key = models.CharField(max_length=120, unique=True)
    computed_at = models.DateTimeField(auto_now_add=True)
    #: Wall time of the computation, for operators.
    seconds = models.FloatField(default=0.0)
    #: The computed results as zlib-compressed JSON (`service.dumps`): no pickles.
    data = models.BinaryField(editable=False)

    def __str__(self) -> str:
        return f"results of scan {self.scan_id}, snapshot {self.snapshot_id}"
