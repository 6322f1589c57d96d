"""The password-reset page with a throttle: per address and per client (docs/security.md).

Without it anyone could make the app mail a colleague hundreds of reset links, or probe the
mail server. A client over its limit gets 429; an address over its limit gets the usual
"sent" page but no further mail, so the page never tells whether an address has an account
or has been throttled.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from regiekompas.web.throttle import client_ip, hit, too_many


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        window = settings.THROTTLE_WINDOW_SECONDS * 60  # an hour by default
        if hit("reset-client", client_ip(request), limit=settings.RESETS_PER_CLIENT, window=window):
            return too_many(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        window = settings.THROTTLE_WINDOW_SECONDS * 60
        email = form.cleaned_data["email"]
        if hit("reset-address", email, limit=settings.RESETS_PER_ADDRESS, window=window):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
