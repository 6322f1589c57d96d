"""Forms of the invitations pages: one respondent, a roster upload, the download of links."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regiekompas.web.invitations.labels import gemeente_choices, group_choices, transitie_choices
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.invitations.roster import MAX_ID, MAX_ORGANISATIE
from regiekompas.web.scans.models import Scan

TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}


def check_upload_size(upload: UploadedFile) -> None:
    """Refuse a file above `settings.MAX_UPLOAD_BYTES` (REGIEKOMPAS_MAX_UPLOAD_MB)."""
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise forms.ValidationError(
            _("“%(name)s” is larger than %(limit)s.")
            % {"name": upload.name, "limit": filesizeformat(limit)}
        )


def check_extension(upload: UploadedFile) -> None:
    name = (upload.name or "").lower()
    if not name.endswith((".csv", ".xlsx")):
        raise forms.ValidationError(
            _("“%(name)s” is not a CSV or XLSX file.") % {"name": upload.name}
        )


class RespondentForm(forms.Form):
    respondent_id = forms.CharField(
        label=gettext_lazy("Respondent id"),
        required=False,
        max_length=MAX_ID,
        help_text=gettext_lazy("Leave empty to use the next free id (R0001, R0002, …)."),
        widget=forms.TextInput(attrs=TEXTBOX),
    )
    groep = forms.ChoiceField(
        label=gettext_lazy("Stakeholder group"),
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    organisatie = forms.CharField(
        label=gettext_lazy("Organisation"),
        required=False,
        max_length=MAX_ORGANISATIE,
        widget=forms.TextInput(attrs=TEXTBOX),
    )
    gemeenten = forms.MultipleChoiceField(
        label=gettext_lazy("Gemeenten this respondent answers for"),
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOX),
    )
    transities = forms.MultipleChoiceField(
        label=gettext_lazy("Transities this respondent answers for"),
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOX),
    )
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        required=False,
        help_text=gettext_lazy(
            "Only needed to send the invitation from here. It is never shown in results."
        ),
        widget=forms.EmailInput(attrs={**TEXTBOX, "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, scan: Scan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scan = scan
        field = self.fields
        field["groep"].choices = [("", _("Choose a group")), *group_choices()]  # type: ignore[attr-defined]
        field["gemeenten"].choices = gemeente_choices(scan)  # type: ignore[attr-defined]
        field["transities"].choices = transitie_choices(scan)  # type: ignore[attr-defined]
        if not self.is_bound:
            field["transities"].initial = list(scan.transities)

    def clean_respondent_id(self) -> str:
        rid: str = self.cleaned_data["respondent_id"].strip()
        if rid and Respondent.objects.filter(scan=self.scan, external_id=rid).exists():
            raise forms.ValidationError(_("This id is already a respondent of this scan."))
        return rid


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("List of respondents (CSV or XLSX)"),
        validators=[check_extension, check_upload_size],
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
