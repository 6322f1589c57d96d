"""Login pages. Lockout after repeated failures is django-axes' job (settings.AXES_*)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views

from regiekompas.web.accounts.forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True
