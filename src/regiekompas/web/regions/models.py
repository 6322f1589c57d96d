"""A region and the optional tables of docs/method.md, "Import files" that belong to it.

The tables mirror `core.dataset` (Gemeente, Organisatie, Contract, Mechanisme) one to one, so
that turning a region into a core `Dataset` is a plain copy and import files round-trip.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    #: Raised by every change of the region's tables, so cached results know to recompute.
    data_version = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def touch(self) -> None:
        Region.objects.filter(pk=self.pk).update(data_version=models.F("data_version") + 1)

    def gemeente_names(self) -> dict[str, str]:
        return dict(self.gemeenten.values_list("code", "naam"))


class RegionGemeente(models.Model):
    """A gemeente taking part in the region, by CBS code (GM0153)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="gemeenten")
    code = models.CharField(_("CBS code"), max_length=6)
    naam = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="unique_region_gemeente")
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class Organisatie(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="organisaties")
    naam = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["region", "naam"], name="unique_region_organisatie")
        ]

    def __str__(self) -> str:
        return self.naam


class Contract(models.Model):
    """An organisation contracted by a gemeente for a transitie (feeds versnippering)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="contracten")
    organisatie = models.CharField(_("organisation"), max_length=200)
    gemeente_code = models.CharField(_("gemeente code"), max_length=6)
    transitie = models.CharField(_("transitie"), max_length=32)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "organisatie", "gemeente_code", "transitie"],
                name="unique_region_contract",
            )
        ]


class Mechanisme(models.Model):
    """A coordination arrangement in use in a gemeente (one strand of the spaghetti)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="mechanismen")
    gemeente_code = models.CharField(_("gemeente code"), max_length=6)
    naam = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=100)
    transities = models.JSONField(_("transities"), default=list)
    cc = models.FloatField(null=True, blank=True)
    dc = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("coordination mechanism")
        verbose_name_plural = _("coordination mechanisms")
        ordering = ["gemeente_code", "naam"]
