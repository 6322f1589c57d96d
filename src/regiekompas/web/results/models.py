"""Published snapshots: the only answers any results page, report, API or export analyses.

product.md §6 forbids live figures: a reader who compares a page before and after one new
respondent would learn that respondent's position. So the answers are frozen in a snapshot
when a facilitator publishes one (or the scan closes), and every result is computed from the
latest snapshot. How a snapshot is built and when one may be published is in
`results/snapshots.py` and `docs/privacy.md`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Snapshot(models.Model):
    class Kind(models.TextChoices):
        INTERIM = "interim", _("interim")
        FINAL = "final", _("final")

    scan = models.ForeignKey("scans.Scan", on_delete=models.CASCADE, related_name="snapshots")
    #: 1, 2, … per scan, in order of publication.
    number = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    #: The frozen answers (`snapshots.dumps`): no respondent ids, names or organisations.
    data = models.BinaryField(editable=False)
    #: Respondents in the snapshot.
    respondents = models.PositiveIntegerField(default=0)
    #: The highest respondent key in the snapshot, and how many of the scan's respondents had
    #: a key up to it when it was published: fewer now means someone was removed (GDPR), whose
    #: answers then leave every output of the snapshot (`snapshots.load`).
    max_respondent_pk = models.BigIntegerField(default=0)
    population = models.PositiveIntegerField(default=0)
    #: Cells left at the previous snapshot's answers because too few respondents were added.
    held_back = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("published snapshot")
        verbose_name_plural = _("published snapshots")
        ordering = ["scan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["scan", "number"], name="one_snapshot_number_per_scan")
        ]

    def __str__(self) -> str:
        return f"{self.scan_id}#{self.number} ({self.kind})"
