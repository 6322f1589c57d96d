"""Respondents and their access tokens.

A respondent has no account: a personal link carries a random token, of which only the
SHA-256 hash is stored. The token itself is shown once — in the download of links or the
invitation mail — so a facilitator who needs a link again issues a new one; earlier links of
the same respondent keep working until the respondent is revoked.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Respondent(models.Model):
    class Source(models.TextChoices):
        UITNODIGING = "uitnodiging", _("invitation")
        IMPORT = "import", _("imported answers")

    scan = models.ForeignKey("scans.Scan", on_delete=models.CASCADE, related_name="respondents")
    #: The respondent_id of exports and imports; never shown next to answers in results.
    external_id = models.CharField(_("respondent id"), max_length=64)
    groep = models.CharField(_("stakeholder group"), max_length=40)
    organisatie = models.CharField(_("organisation"), max_length=200, blank=True)
    gemeenten = models.JSONField(_("gemeenten"), default=list)
    transities = models.JSONField(_("transities"), default=list)
    email = models.EmailField(_("email address"), blank=True)
    #: The planned subset of someone who works for more gemeenten than the scan's maximum
    #: (`questionnaire.planning`): {"van": [[g, t], …], "max": 3, "gemeenten": […],
    #: "cellen": [[g, t], …]}.
    #: Empty when they answer for everything; stored so the subset never changes under them.
    plan = models.JSONField(default=dict, blank=True, editable=False)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.UITNODIGING)
    created_at = models.DateTimeField(auto_now_add=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        ordering = ["external_id"]
        constraints = [
            models.UniqueConstraint(fields=["scan", "external_id"], name="unique_respondent_id")
        ]

    def __str__(self) -> str:
        return self.external_id

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class AccessToken(models.Model):
    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="tokens")
    #: Hex SHA-256 of the token; the token itself is never stored.
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("access token")
        verbose_name_plural = _("access tokens")
