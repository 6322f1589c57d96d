"""The upload form of a gemeente's policy documents.

The form only checks that files were chosen and how many; every file is then judged on its
own (`views.accept_uploads`), so one refused file does not refuse the others.
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from regiekompas.core.documents.extract import SUFFIXES
from regiekompas.web.regions.forms import MultipleFileField, MultipleFileInput

#: More files than this in one upload is refused as a whole (split the upload).
MAX_FILES = 20


class DocumentUploadForm(forms.Form):
    uploads = MultipleFileField(
        label=_("Policy documents"),
        help_text=_(
            "One or more files of this gemeente: PDF (with a text layer), DOCX, ODT, HTML or "
            "TXT. Each file is read in the background."
        ),
        widget=MultipleFileInput(attrs={"accept": ",".join(sorted(SUFFIXES))}),
        # An empty file is refused on its own, with its name, not the whole upload.
        allow_empty_file=True,
        error_messages={"required": _("Choose at least one file to upload.")},
    )

    def clean_uploads(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["uploads"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("Upload at most %(max)d files at a time."), params={"max": MAX_FILES}
            )
        return files
