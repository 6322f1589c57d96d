"""Forms of the region pages: the region itself, its gemeenten, imports and members.

Widgets carry the NL Design System classes here, so templates can render any form with the
shared `components/form.html`.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from regiekompas.web.regions.models import Region

TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": "4"}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
RADIO = {"class": "utrecht-radio-button utrecht-radio-button--html-input"}
CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}

#: File kinds the import accepts (docs/method.md, "Import files"); anything else is refused
#: before reading.
IMPORT_EXTENSIONS = (".csv", ".xlsx")
#: More files than this is a mistake: there are four kinds of region table.
MAX_IMPORT_FILES = 10


class RegionForm(forms.ModelForm[Region]):
    class Meta:
        model = Region
        fields = ["name", "description"]
        widgets = {
            "name": forms.TextInput(attrs={**TEXTBOX, "autocomplete": "off"}),
            "description": forms.Textarea(attrs=TEXTAREA),
        }


class GemeenteSearchForm(forms.Form):
    """The GET form that narrows the built-in list of gemeenten (works without JavaScript)."""

    q = forms.CharField(
        label=_("Search by name, CBS code or provincie"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={**TEXTBOX, "type": "search", "autocomplete": "off"}),
    )


class AddGemeentenForm(forms.Form):
    """Gemeenten to add, chosen among those of the built-in list not yet in the region."""

    codes = forms.MultipleChoiceField(
        label=_("Gemeenten to add"),
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOX),
        error_messages={"required": _("Choose at least one gemeente to add.")},
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = choices  # type: ignore[attr-defined]


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files in one upload; cleans to a list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(IMPORT_EXTENSIONS)})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        items = list(data) if isinstance(data, list | tuple) else [data] if data else []
        if not items:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        single = super().clean
        return [single(item, initial) for item in items]


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


class RegionImportForm(forms.Form):
    uploads = MultipleFileField(
        label=_("Files"),
        help_text=_(
            "One or more CSV or XLSX files: gemeenten, organisaties, contracten and/or "
            "mechanismen. Each kind is recognised by its column headers."
        ),
        error_messages={"required": _("Choose at least one file to import.")},
    )

    def clean_uploads(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["uploads"]
        if len(files) > MAX_IMPORT_FILES:
            raise forms.ValidationError(
                _("Upload at most %(max)d files at a time."), params={"max": MAX_IMPORT_FILES}
            )
        limit: int = settings.MAX_UPLOAD_BYTES
        names: set[str] = set()
        errors: list[forms.ValidationError] = []
        for upload in files:
            name = PurePath(upload.name or "").name
            if PurePath(name).suffix.lower() not in IMPORT_EXTENSIONS:
                errors.append(
                    forms.ValidationError(
                        _("%(name)s: only .csv and .xlsx files can be imported."),
                        params={"name": name or "?"},
                    )
                )
            elif (upload.size or 0) > limit:
                errors.append(
                    forms.ValidationError(
                        _("%(name)s is larger than the limit of %(mb)s MB."),
                        params={"name": name, "mb": _megabytes(limit)},
                    )
                )
            elif name.lower() in names:
                errors.append(
                    forms.ValidationError(
                        _("Two files are called %(name)s; rename one of them."),
                        params={"name": name},
                    )
                )
            names.add(name.lower())
        if errors:
            raise forms.ValidationError(errors)
        return files


class Role:
    FACILITATOR = "facilitator"
    VIEWER = "viewer"


class AddMemberForm(forms.Form):
    """Give an existing user a role in the region; accounts are made by an administrator.

    The facilitator names the account by its username *and* its email address, and gets one
    and the same answer for every pair that does not match an active account — so the form
    cannot be used to find out which usernames or addresses exist (docs/security.md). Failed
    look-ups are also counted per facilitator (`web/throttle.py`).
    """

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs={**TEXTBOX, "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Email address of that account"),
        max_length=254,
        widget=forms.EmailInput(attrs={**TEXTBOX, "autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Role.FACILITATOR, _("Facilitator: manages the region, its scans and results")),
            (Role.VIEWER, _("Viewer of one gemeente: reads that gemeente's results")),
        ],
        widget=forms.RadioSelect(attrs=RADIO),
        initial=Role.FACILITATOR,
    )
    gemeente = forms.ChoiceField(
        label=_("Gemeente"),
        required=False,
        help_text=_("Only for a viewer: the gemeente whose results they may read."),
        widget=forms.Select(attrs=SELECT),
    )

    #: The one answer for any username and email address that do not match an account.
    NO_MATCH = _(
        "No active account has this username together with this email address. Check both; "
        "an administrator creates accounts."
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["gemeente"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *((g.code, f"{g.naam} ({g.code})") for g in region.gemeenten.all()),
        ]

    def matching_user(self) -> User | None:
        """The active account with both the given username and email address, if any."""
        username = self.cleaned_data.get("username", "").strip()
        email = self.cleaned_data.get("email", "").strip()
        if not username or not email:
            return None
        return User.objects.filter(
            is_active=True, username__iexact=username, email__iexact=email
        ).first()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("role") == Role.VIEWER and not cleaned.get("gemeente"):
            self.add_error("gemeente", _("Choose the gemeente this viewer may see."))
        if not self.errors:
            user = self.matching_user()
            if user is None:
                raise forms.ValidationError(self.NO_MATCH, code="no_match")
            cleaned["user"] = user
        return cleaned
