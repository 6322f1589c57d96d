"""One row per answer, keyed the way the long import format is (product.md §8).

The unique key (respondent, gemeente, transitie, perspectief, item) is what makes saving
idempotent: a repeated or reordered request updates the same row, it never adds a second.
Items that concern the collaboration in a gemeente (conditions, agreements, obstacles) have
an empty transitie and perspectief, as in the long format — empty strings rather than NULL
so that the unique key holds on every database.
"""

from __future__ import annotations

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
