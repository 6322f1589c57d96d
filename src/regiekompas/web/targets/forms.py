"""Forms of the doelpositie and of an agenda action; they work without JavaScript.

Numbers accept a decimal comma as Dutch users type it. The rules on the values themselves
(a point within the compass or a quadrant, a gemeente of the region) live in `services`,
so the workshop and these forms share them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from regiekompas.core.agenda import PROBLEMS
from regiekompas.core.model import load_model
from regiekompas.core.vocabulary import CONDITIONS, QUADRANTS
from regiekompas.web.regions.forms import SELECT, TEXTAREA, TEXTBOX
from regiekompas.web.regions.language import pick
from regiekompas.web.targets.models import Status

PROBLEM_NAMES = {
    "spraakverwarring": _("Spraakverwarring"),
    "kloof": _("Gap between ambitie and praktijk"),
    "spaghetti": _("Spaghetti of coordination arrangements"),
    "versnippering": _("Regional fragmentation"),
}


def subject_choices() -> list[tuple[Any, Any]]:
    model = load_model()
    conditions = [(code, pick(model.condition(code).name)) for code in CONDITIONS]
    problems = [(code, PROBLEM_NAMES[code]) for code in PROBLEMS]
    return [(_("Condition"), conditions), (_("Problem"), problems)]


def subject_name(code: str) -> str:
    if code in CONDITIONS:
        return pick(load_model().condition(code).name)
    return str(PROBLEM_NAMES.get(code, code))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(attrs=TEXTBOX, format="%Y-%m-%d")


def _coordinate(text: str, label: str) -> float | None:
    text = text.strip().replace(",", ".").replace("−", "-")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise forms.ValidationError(
            _("%(label)s is not a number; write for example 0,4 or -0,5."),
            params={"label": label},
        ) from None


class TargetForm(forms.Form):
    kwadrant = forms.ChoiceField(
        label=_("Quadrant"),
        required=False,
        choices=[("", _("— a point instead (give cc and dc)"))] + [(q, q) for q in QUADRANTS],
        widget=forms.Select(attrs=SELECT),
        help_text=_("A quadrant stands for its centre (±0.5 on both axes)."),
    )
    cc = forms.CharField(
        label=_("Point on cocreatie (−1) … controle (+1)"),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={**TEXTBOX, "inputmode": "decimal", "autocomplete": "off"}),
    )
    dc = forms.CharField(
        label=_("Point on decentraal (−1) … centraal (+1)"),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={**TEXTBOX, "inputmode": "decimal", "autocomplete": "off"}),
    )
    toelichting = forms.CharField(
        label=_("Rationale"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Why the partners chose this position."),
    )
    agreed_by = forms.CharField(
        label=_("Agreed by"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs=TEXTBOX),
        help_text=_("Who agreed, e.g. the wethouder, the insurer and three providers."),
    )
    agreed_on = forms.DateField(label=_("Agreed on"), required=False, widget=DateInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        cc = _coordinate(data.get("cc") or "", "cc")
        dc = _coordinate(data.get("dc") or "", "dc")
        if data.get("kwadrant") and (cc is not None or dc is not None):
            raise forms.ValidationError(_("Choose a quadrant or give a point, not both."))
        if not data.get("kwadrant") and (cc is None or dc is None):
            raise forms.ValidationError(_("Choose a quadrant, or give both cc and dc."))
        data["cc_value"], data["dc_value"] = cc, dc
        return data


class ActionForm(forms.Form):
    onderwerp = forms.ChoiceField(
        label=_("About"), choices=subject_choices, widget=forms.Select(attrs=SELECT)
    )
    transitie = forms.ChoiceField(
        label=_("Transitie"), required=False, widget=forms.Select(attrs=SELECT)
    )
    actie = forms.CharField(
        label=_("Action"), max_length=500, widget=forms.Textarea(attrs={**TEXTAREA, "rows": "2"})
    )
    eigenaar = forms.CharField(
        label=_("Owner"), max_length=200, widget=forms.TextInput(attrs=TEXTBOX)
    )
    deadline = forms.DateField(label=_("Due date"), required=False, widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"), choices=Status.choices, widget=forms.Select(attrs=SELECT)
    )

    def __init__(self, *args: Any, transities: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model = load_model()
        choices: list[tuple[str, Any]] = [("", _("— all transities"))]
        choices += [
            (t, pick(model.transitie(t).name) if t in model.transitie_codes else t)
            for t in transities
        ]
        self.fields["transitie"].choices = choices  # type: ignore[attr-defined]

    def clean_deadline(self) -> datetime.date | None:
        value: datetime.date | None = self.cleaned_data.get("deadline")
        if value is not None and not 2000 <= value.year <= 2100:
            raise forms.ValidationError(_("Give a date between 2000 and 2100."))
        return value
