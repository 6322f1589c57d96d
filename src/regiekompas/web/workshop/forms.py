"""Forms of the workshop: starting a session, joining, placing a dot, the facilitator's
controls, a chosen target and saving with a scan."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from regiekompas.core.model import load_model
from regiekompas.core.vocabulary import MIN_K, PERSPECTIEVEN, QUADRANTS
from regiekompas.web.results.formatting import current_lang
from regiekompas.web.scans.models import Scan
from regiekompas.web.workshop.models import Ask, Compare

#: Slider scale: −100 … 100 on the page is −1 … 1 on the axis.
SCALE = 100


def transitie_choices() -> list[tuple[str, str]]:
    lang = current_lang()
    return [(t.code, t.name.get(lang)) for t in load_model().transities]


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    scan = forms.ModelChoiceField(
        label=_("Scan"),
        queryset=Scan.objects.none(),
        required=False,
        empty_label=_("No scan (standalone session)"),
        help_text=_("With a scan, the room can be compared with the scan's published results."),
    )
    gemeente_code = forms.ChoiceField(
        label=_("Gemeente whose measured positions are shown"),
        required=False,
        help_text=_("Only for a session with a scan; leave empty to show every gemeente."),
    )
    transities = forms.MultipleChoiceField(
        label=_("Transities"), widget=forms.CheckboxSelectMultiple
    )
    k = forms.IntegerField(
        label=_("Minimum group size (k)"),
        initial=3,
        min_value=MIN_K,
        max_value=50,
        help_text=_("Groups with fewer participants are never shown separately (at least 3)."),
    )
    ask = forms.ChoiceField(
        label=_("Participants choose"),
        choices=Ask.choices,
        initial=Ask.GROEP,
        widget=forms.RadioSelect,
        help_text=_(
            "Asking only for the rationaliteit makes the groups larger, so more of them "
            "reach k in a small room."
        ),
    )

    def __init__(self, *args: Any, scans: Any, gemeenten: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        scan_field = cast("forms.ModelChoiceField[Scan]", self.fields["scan"])
        scan_field.queryset = scans
        gemeente_field = cast(forms.ChoiceField, self.fields["gemeente_code"])
        gemeente_field.choices = [("", _("Every gemeente")), *gemeenten]
        transities_field = cast(forms.MultipleChoiceField, self.fields["transities"])
        transities_field.choices = transitie_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        scan: Scan | None = data.get("scan")
        gemeente = data.get("gemeente_code") or ""
        if gemeente and scan is None:
            self.add_error("gemeente_code", _("Choose a scan to show a gemeente's positions."))
        elif (
            gemeente
            and scan is not None
            and not scan.region.gemeenten.filter(code=gemeente).exists()
        ):
            self.add_error("gemeente_code", _("This gemeente is not in the scan's region."))
        if scan is not None and data.get("transities"):
            missing = [t for t in data["transities"] if t not in scan.transities]
            if missing:
                self.add_error(
                    "transities",
                    _("The scan does not cover %(list)s.") % {"list": ", ".join(missing)},
                )
        return data


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=12,
        help_text=_("The six letters and digits on the screen, e.g. ACD 479."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class ChooseForm(forms.Form):
    """The participant's group (or only rationaliteit): nothing else is asked."""

    choice = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args: Any, ask: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        lang = current_lang()
        model = load_model()
        field = cast(forms.ChoiceField, self.fields["choice"])
        if ask == Ask.RATIONALITEIT:
            field.label = _("Your way of looking (rationaliteit)")
            field.choices = [(r.code, r.name.get(lang)) for r in model.rationaliteiten]
        else:
            field.label = _("Your group")
            field.choices = [(g.code, g.name.get(lang)) for g in model.groups]


class PlaceForm(forms.Form):
    transitie = forms.CharField(max_length=30)
    perspectief = forms.ChoiceField(choices=[(p, p) for p in PERSPECTIEVEN])
    cc = forms.IntegerField(validators=[MinValueValidator(-SCALE), MaxValueValidator(SCALE)])
    dc = forms.IntegerField(validators=[MinValueValidator(-SCALE), MaxValueValidator(SCALE)])


class ControlForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (a, a)
            for a in (
                "reveal",
                "hide",
                "lock",
                "unlock",
                "round1",
                "round2",
                "measured_on",
                "measured_off",
                "view",
            )
        ]
    )
    transitie = forms.CharField(max_length=30, required=False)
    compare = forms.ChoiceField(choices=Compare.choices, required=False)
    perspectief = forms.ChoiceField(choices=[(p, p) for p in PERSPECTIEVEN], required=False)


class TargetForm(forms.Form):
    transitie = forms.CharField(max_length=30, widget=forms.HiddenInput)
    gemeente = forms.ChoiceField(
        label=_("For gemeente"),
        required=False,
        help_text=_(
            "Recorded as the gemeente's doelpositie with the scan; without a gemeente, only "
            "in this session."
        ),
    )
    kwadrant = forms.ChoiceField(label=_("Quadrant"), required=False)
    cc = forms.DecimalField(
        label=_("Or a point: cocreatie (−1) to controle (1)"),
        required=False,
        min_value=-1,
        max_value=1,
        decimal_places=2,
    )
    dc = forms.DecimalField(
        label=_("and decentraal (−1) to centraal (1)"),
        required=False,
        min_value=-1,
        max_value=1,
        decimal_places=2,
    )
    toelichting = forms.CharField(
        label=_("Rationale"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    akkoord = forms.CharField(label=_("Agreed by"), max_length=500)

    def __init__(self, *args: Any, gemeenten: list[tuple[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        lang = current_lang()
        gemeente_field = cast(forms.ChoiceField, self.fields["gemeente"])
        if gemeenten:
            gemeente_field.choices = [("", _("Only in this session")), *gemeenten]
        else:
            del self.fields["gemeente"]
        field = cast(forms.ChoiceField, self.fields["kwadrant"])
        model = load_model()
        field.choices = [("", _("A point instead"))] + [
            (q, model.quadrant(q).name.get(lang)) for q in QUADRANTS
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_point = data.get("cc") is not None and data.get("dc") is not None
        if not data.get("kwadrant") and not has_point:
            raise forms.ValidationError(_("Choose a quadrant, or give both coordinates."))
        return data


class SaveForm(forms.Form):
    scan = forms.ModelChoiceField(label=_("Save with scan"), queryset=Scan.objects.none())

    def __init__(self, *args: Any, scans: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Scan]", self.fields["scan"])
        field.queryset = scans
