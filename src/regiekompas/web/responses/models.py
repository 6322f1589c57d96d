"""One row per answer, keyed the way the long import format is (product.md §8).

The unique key (respondent, gemeente, transitie, perspectief, item) is what makes saving
idempotent: a repeated or reordered request updates the same row, it never adds a second.
Items that concern the collaboration in a gemeente (conditions, agreements, obstacles) have
an empty transitie and perspectief, as in the long format — empty strings rather than NULL
so that the unique key holds on every database.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Answer(models.Model):
    respondent = models.ForeignKey(
        "invitations.Respondent", on_delete=models.CASCADE, related_name="answers"
    )
    gemeente_code = models.CharField(max_length=6)
    transitie = models.CharField(max_length=32, blank=True, default="")
    perspectief = models.CharField(max_length=16, blank=True, default="")
    item = models.CharField(max_length=16)
    #: 1..5 (0/1 for agreements and obstacles); NULL = "weet niet", answered as such.
    value = models.SmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "gemeente_code", "transitie", "perspectief", "item"],
                name="one_answer_per_cell_item",
            )
        ]


class OpenAnswer(models.Model):
    """Free text (open questions, "other obstacle"): never shown with anyone's identity."""

    respondent = models.ForeignKey(
        "invitations.Respondent", on_delete=models.CASCADE, related_name="open_answers"
    )
    gemeente_code = models.CharField(max_length=6, blank=True, default="")
    question = models.CharField(max_length=16)
    text = models.TextField(max_length=4000)
    #: Hidden by a facilitator (e.g. it names a person): then shown to no reader at all.
    hidden = models.BooleanField(_("hidden"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "gemeente_code", "question"], name="one_open_answer"
            )
        ]


class MechanismUse(models.Model):
    """A respondent reports that a catalogue mechanism is in use in a gemeente."""

    respondent = models.ForeignKey(
        "invitations.Respondent", on_delete=models.CASCADE, related_name="mechanisms"
    )
    gemeente_code = models.CharField(max_length=6)
    type = models.CharField(max_length=64)
    transities = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "gemeente_code", "type"], name="one_mechanism_use"
            )
        ]


class Snapshot(models.Model):
    """A published snapshot: the only answers any results page, report, API or export of
    results analyses (product.md §6, "no differencing over time"; `responses/snapshots.py`,
    docs/privacy.md). A reader who compared live pages before and after one new respondent
    would learn that respondent's position, so results never follow the answers live."""

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


class ExportAudit(models.Model):
    """One export of answers with respondent ids and organisations: who, when, which scan,
    why and what (product.md §6). Shown to the facilitators of the region; kept when the
    user or the scan is deleted, so the log cannot be emptied by removing them."""

    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, related_name="export_audits"
    )
    scan = models.ForeignKey(
        "scans.Scan", null=True, on_delete=models.SET_NULL, related_name="export_audits"
    )
    scan_name = models.CharField(_("scan"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("by"), max_length=150)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = models.TextField(_("reason"), max_length=2000)
    #: What was exported, e.g. "answers with respondent ids and organisations (120 respondents)".
    what = models.CharField(_("what"), max_length=300)

    class Meta:
        verbose_name = _("export with identities")
        verbose_name_plural = _("exports with identities")
        ordering = ["-created_at", "-pk"]
