"""Names of groups, transities and gemeenten in the active language, for forms and tables.

The model's texts come in Dutch and English (`core.text.Text`); pages pick one by the
language Django activated for the request, so a switch of language changes them too.
"""

from __future__ import annotations

from django.utils.translation import get_language

from regiekompas.core.model import load_model
from regiekompas.web.scans.models import Scan


def current_lang() -> str:
    """ "en" or "nl": the language core texts and import messages are rendered in."""
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def group_choices() -> list[tuple[str, str]]:
    """Every stakeholder group of the model, in the model's order."""
    lang = current_lang()
    return [(g.code, g.name.get(lang)) for g in load_model().groups]


def group_label(code: str) -> str:
    return dict(group_choices()).get(code, code)


def transitie_choices(scan: Scan) -> list[tuple[str, str]]:
    """The scan's transities in the model's order, each with its name."""
    lang = current_lang()
    names = {t.code: t.name.get(lang) for t in load_model().transities}
    ordered = [code for code in names if code in scan.transities]
    ordered += [code for code in scan.transities if code not in names]
    return [(code, names.get(code, code)) for code in ordered]


def gemeente_choices(scan: Scan) -> list[tuple[str, str]]:
    """The region's gemeenten by name, labelled "Enschede (GM0153)"."""
    return [
        (code, f"{naam} ({code})")
        for code, naam in scan.region.gemeenten.order_by("naam").values_list("code", "naam")
    ]
