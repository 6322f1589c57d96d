"""Who may do what: facilitators of a region and viewers of one gemeente in a region.

Access is granted per object, never by a global role: a facilitator of Twente has no
business with Rijnmond's scans, and a gemeente viewer sees only its own gemeente plus the
regional aggregates (docs/method.md, "k-rules").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Membership(models.Model):
    """A facilitator of a region: sets up scans, invites respondents, sees all results."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, related_name="memberships"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("facilitator membership")
        verbose_name_plural = _("facilitator memberships")
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} → {self.region}"


class GemeenteViewer(models.Model):
    """A reader of one gemeente's results (and the region's aggregates) in a region."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gemeente_views"
    )
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="viewers")
    gemeente_code = models.CharField(_("gemeente code"), max_length=6)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gemeente viewer")
        verbose_name_plural = _("gemeente viewers")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "region", "gemeente_code"], name="unique_gemeente_viewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.region} / {self.gemeente_code}"
