"""Doelpositie and verbeteragenda of a gemeente (product.md §13, docs/method.md "Targets").

Both belong to a scan round, or — for a standalone workshop without a scan — to the region
alone. A next round of a scan gets a copy of both (`signals.py`); the copy remembers where it
came from (`carried_from`), so the agenda's history can be followed over rounds.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regiekompas.core.vocabulary import CONDITIONS, QUADRANTS

#: The problems of the model an agenda action can address (docs/method.md, "Targets").
PROBLEMS = ("spraakverwarring", "kloof", "spaghetti", "versnippering")
#: What an agenda action is about: one of the five conditions or one of the four problems.
SUBJECTS = (*CONDITIONS, *PROBLEMS)


class Source(models.TextChoices):
    WORKSHOP = "workshop", _("workshop")
    PAGE = "page", _("results page")
    PREVIOUS = "vorige_ronde", _("previous round")


class Target(models.Model):
    """The chosen position of one gemeente × transitie: a point, or a quadrant's centre."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="targets")
    #: Empty for a target recorded in a standalone workshop (no scan).
    scan = models.ForeignKey(
        "scans.Scan", null=True, blank=True, on_delete=models.CASCADE, related_name="targets"
    )
    gemeente_code = models.CharField(_("gemeente"), max_length=6)
    transitie = models.CharField(_("transitie"), max_length=40)
    #: The point; for a quadrant target the quadrant's centre (±0.5, ±0.5).
    cc = models.FloatField(_("cocreatie–controle"))
    dc = models.FloatField(_("decentraal–centraal"))
    #: Set when the partners chose a quadrant rather than a point.
    kwadrant = models.CharField(
        _("quadrant"),
        max_length=20,
        blank=True,
        choices=[(q, q) for q in QUADRANTS],
    )
    toelichting = models.TextField(_("rationale"), max_length=2000, blank=True)
    agreed_by = models.CharField(_("agreed by"), max_length=500, blank=True)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    source = models.CharField(_("recorded in"), max_length=20, choices=Source.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("target position")
        verbose_name_plural = _("target positions")
        ordering = ["gemeente_code", "transitie"]
        constraints = [
            models.UniqueConstraint(
                fields=["scan", "gemeente_code", "transitie"],
                condition=models.Q(scan__isnull=False),
                name="target_once_per_scan_cell",
            ),
            models.UniqueConstraint(
                fields=["region", "gemeente_code", "transitie"],
                condition=models.Q(scan__isnull=True),
                name="target_once_per_region_cell_without_scan",
            ),
            models.CheckConstraint(
                condition=models.Q(cc__gte=-1, cc__lte=1, dc__gte=-1, dc__lte=1),
                name="target_within_compass",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente_code} {self.transitie}: ({self.cc:+.2f}, {self.dc:+.2f})"

    @property
    def is_quadrant(self) -> bool:
        return bool(self.kwadrant)


class Status(models.TextChoices):
    OPEN = "open", _("open")
    BEZIG = "bezig", _("in progress")
    KLAAR = "klaar", _("done")
    VERVALLEN = "vervallen", _("dropped")


class Action(models.Model):
    """One action of a gemeente's verbeteragenda, on a condition or a problem."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="actions")
    scan = models.ForeignKey(
        "scans.Scan", null=True, blank=True, on_delete=models.CASCADE, related_name="actions"
    )
    gemeente_code = models.CharField(_("gemeente"), max_length=6)
    onderwerp = models.CharField(
        _("about"), max_length=30, choices=[(code, code) for code in SUBJECTS]
    )
    #: Empty when the action is not about one transitie.
    transitie = models.CharField(_("transitie"), max_length=40, blank=True)
    actie = models.CharField(_("action"), max_length=500)
    eigenaar = models.CharField(_("owner"), max_length=200)
    deadline = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("agenda action")
        verbose_name_plural = _("agenda actions")
        ordering = ["gemeente_code", "deadline", "pk"]

    def __str__(self) -> str:
        return f"{self.gemeente_code} {self.onderwerp}: {self.actie}"
