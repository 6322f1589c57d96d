"""Policy documents of a gemeente in a region, and the gemeente's pooled placement.

A facilitator uploads a gemeente's beleidsplan, visie or inkoopstrategie; a background job
reads and places it (`processing.py`, `core.documents`). Each document keeps its own result
(the §7 row: scores with CIs, signal, quadrant, evidence) and the sentences it placed, so the
gemeente's result can pool the sentences of all its documents, as docs/documents.md
("Scores") defines it. Policy documents are public texts, not respondent data; they are still
only shown inside the region's access (docs/documents.md, "Web").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regiekompas.web.regions.models import Region


class PolicyDocument(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be read")
        PROCESSING = "processing", _("Being read")
        DONE = "done", _("Placed")
        FAILED = "failed", _("Could not be read")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="policy_documents")
    gemeente_code = models.CharField(_("gemeente code"), max_length=6)
    file_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    #: The uploaded bytes, kept so a document can be read again (a new method version).
    content = models.BinaryField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    #: The document's §7 row (cc, dc, cc_ci, dc_ci, *_signaal, kwadrant, bewijs, paginas,
    #: zinnen) plus the method that produced it; None until placed.
    result = models.JSONField(null=True, blank=True)
    #: The placed sentences, [axis, pole, weight, text, page, index] each: the gemeente's
    #: result pools them over all its documents.
    placed = models.JSONField(default=list, blank=True)
    #: Why the document could not be read: a `core.documents.errors` code and its detail,
    #: turned into a sentence in the reader's language when shown.
    error_code = models.CharField(max_length=32, blank=True)
    error_detail = models.CharField(max_length=200, blank=True)
    job = models.ForeignKey(
        "jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")
        ordering = ["gemeente_code", "file_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "gemeente_code", "sha256"], name="unique_policy_document"
            )
        ]
        indexes = [models.Index(fields=["region", "gemeente_code"])]

    def __str__(self) -> str:
        return f"{self.gemeente_code} {self.file_name}"


class GemeenteDocuments(models.Model):
    """The placement of one gemeente over the sentences of all its placed documents."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    gemeente_code = models.CharField(max_length=6)
    #: The §7 `gemeenten` row (bestanden, paginas, zinnen, cc, dc, cc_ci, dc_ci, *_signaal,
    #: kwadrant, bewijs with bestand) plus `zinnen_per_as`; None when no document is placed.
    result = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "gemeente_code"], name="unique_gemeente_documents"
            )
        ]
