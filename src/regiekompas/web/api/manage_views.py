"""Facilitator pages for a region's API tokens: list, make (shown once) and revoke.

Only facilitators of the region (and superusers) reach these pages; anyone else gets the
same 404 as for a region that does not exist (`accounts/access.py`). A new token's secret is
in the response to the POST that made it and nowhere else: the page is not cached, and the
database keeps only its hash (docs/api.md, "Tokens").
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from regiekompas.web.accounts.access import facilitated_region
from regiekompas.web.api.forms import TokenForm
from regiekompas.web.api.models import ApiToken
from regiekompas.web.api.tokens import issue, revoke
from regiekompas.web.regions.pages import region_crumbs, signed_in


@never_cache
@login_required
def token_list(request: HttpRequest, region_pk: int) -> HttpResponse:
    user = signed_in(request)
    region = facilitated_region(user, region_pk)
    form = TokenForm(request.POST or None)
    created: tuple[ApiToken, str] | None = None
    if request.method == "POST" and form.is_valid():
        created = issue(region, form.cleaned_data["name"], user)
        form = TokenForm()
    tokens = list(ApiToken.objects.filter(region=region).select_related("created_by", "revoked_by"))
    context = {
        "region": region,
        "form": form,
        "tokens": tokens,
        "created": created[0] if created else None,
        "secret": created[1] if created else None,
        "api_base": request.build_absolute_uri(reverse("api:regions")),
        "crumbs": region_crumbs(region, _("API tokens")),
    }
    status = 400 if request.method == "POST" and created is None else 200
    return render(request, "api/tokens.html", context, status=status)


@login_required
@require_POST
def token_revoke(request: HttpRequest, region_pk: int, token_pk: int) -> HttpResponse:
    user = signed_in(request)
    region = facilitated_region(user, region_pk)
    token = get_object_or_404(ApiToken, pk=token_pk, region=region)
    revoke(token, user)
    messages.success(
        request, _("The token “%(name)s” was revoked; it no longer works.") % {"name": token.name}
    )
    return redirect("api_tokens:list", region_pk=region.pk)
