"""The regie cycle of product.md §13: doelpositie and verbeteragenda per gemeente, carried over
to the next round.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "regiekompas.web.targets"
    label = "targets"
    verbose_name = _("Targets")

    def ready(self) -> None:
        from regiekompas.web.scans.signals import next_round_created
        from regiekompas.web.targets.signals import carry_over

        next_round_created.connect(carry_over, dispatch_uid="targets.carry_over")
