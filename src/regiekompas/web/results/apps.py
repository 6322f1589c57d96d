from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "regiekompas.web.results"
    label = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        from regiekompas.web.invitations.models import Respondent
        from regiekompas.web.responses.models import Snapshot
        from regiekompas.web.responses.snapshots import snapshot_published

        snapshot_published.connect(_on_published, sender=Snapshot, dispatch_uid="results-compute")
        post_delete.connect(_on_respondent_deleted, sender=Respondent, dispatch_uid="results-erase")


def _on_published(sender: Any, *, scan: Any, **kwargs: Any) -> None:
    """A snapshot was published: compute its results in the background (docs/deployment.md)."""
    from regiekompas.web.results.service import start_computing

    start_computing(scan)


def _on_respondent_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A respondent was erased: stored results that may hold their answers go at once.
    (When a whole scan or region is deleted, its results go with it by cascade.)"""
    from regiekompas.web.results.models import ComputedResults

    origin = kwargs.get("origin")
    if origin is not None and getattr(origin, "model", type(origin)) is not sender:
        return
    ComputedResults.objects.filter(scan_id=instance.scan_id).delete()
