"""Django's account forms with NL Design System inputs and the right autocomplete hints."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

_TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def _style(form: forms.Form, autocomplete: dict[str, str]) -> None:
    for name, field in form.fields.items():
        field.widget.attrs["class"] = _TEXTBOX
        if name in autocomplete:
            field.widget.attrs["autocomplete"] = autocomplete[name]


class LoginForm(auth_forms.AuthenticationForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self, {"username": "username", "password": "current-password"})


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self, {"email": "email"})


class SetPasswordForm(auth_forms.SetPasswordForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self, {"new_password1": "new-password", "new_password2": "new-password"})
