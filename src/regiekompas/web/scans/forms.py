"""The scan settings form and the small form of "copy into a next round".

Transities come from the model's data file and are labelled in the page's language; the
rules on the settings themselves (k at least 3, closing not before opening, at least one
transitie and perspectief) live in the model, so the admin enforces them too.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from regiekompas.core.instrument import PACKAGED_VERSIONS
from regiekompas.core.model import load_model
from regiekompas.core.vocabulary import MIN_K, PERSPECTIEVEN
from regiekompas.web.regions.forms import CHECKBOX, SELECT, TEXTBOX
from regiekompas.web.regions.language import pick
from regiekompas.web.scans.models import Scan

PERSPECTIEF_LABELS = {
    "ambitie": _("ambitie: regie as intended in policy"),
    "praktijk": _("praktijk: regie as it works today"),
}


def transitie_choices() -> list[tuple[str, str]]:
    return [(t.code, pick(t.name)) for t in load_model().transities]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(attrs=TEXTBOX, format="%Y-%m-%d")


class ScanForm(forms.ModelForm[Scan]):
    transities = forms.MultipleChoiceField(
        label=_("Transities"),
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOX),
        error_messages={"required": _("Choose at least one transitie.")},
    )
    perspectieven = forms.MultipleChoiceField(
        label=_("Perspectives"),
        choices=[(code, PERSPECTIEF_LABELS[code]) for code in PERSPECTIEVEN],
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOX),
        error_messages={"required": _("Choose ambitie, praktijk or both.")},
    )
    instrument_version = forms.ChoiceField(
        label=_("Instrument version"),
        widget=forms.Select(attrs=SELECT),
        help_text=_("The questionnaire is fixed in this version once the scan opens."),
    )

    class Meta:
        model = Scan
        fields = [
            "name",
            "transities",
            "perspectieven",
            "instrument_version",
            "k",
            "max_gemeenten",
            "opens_on",
            "closes_on",
        ]
        widgets = {
            "name": forms.TextInput(attrs=TEXTBOX),
            "k": forms.NumberInput(attrs={**TEXTBOX, "min": str(MIN_K), "inputmode": "numeric"}),
            "max_gemeenten": forms.NumberInput(
                attrs={**TEXTBOX, "min": "1", "inputmode": "numeric"}
            ),
            "opens_on": DateInput(),
            "closes_on": DateInput(),
        }
        error_messages = {
            "k": {
                "min_value": _(
                    "k must be at least %(limit_value)s: smaller groups could reveal who "
                    "answered what."
                ),
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["transities"].choices = transitie_choices()  # type: ignore[attr-defined]
        self.fields["max_gemeenten"].required = False
        self.fields["instrument_version"].choices = [  # type: ignore[attr-defined]
            (version, gettext("version %(v)s") % {"v": version}) for version in PACKAGED_VERSIONS
        ]

    def clean_max_gemeenten(self) -> int:
        """Empty means the default: a form posted without the field keeps working."""
        value = self.cleaned_data.get("max_gemeenten")
        return int(value) if value else Scan._meta.get_field("max_gemeenten").get_default()

    def clean_transities(self) -> list[str]:
        """Keep the model's order of transities, whatever order the browser sent."""
        chosen = set(self.cleaned_data["transities"])
        return [code for code, _label in transitie_choices() if code in chosen]

    def clean_perspectieven(self) -> list[str]:
        chosen = set(self.cleaned_data["perspectieven"])
        return [code for code in PERSPECTIEVEN if code in chosen]


class CopyScanForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the next round"),
        max_length=200,
        widget=forms.TextInput(attrs=TEXTBOX),
    )
