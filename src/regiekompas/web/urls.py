"""Root URLs: one include per app; `/r/<token>/` is the respondent's side, the rest needs login."""

from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.i18n import set_language

from regiekompas.web.api import views as api_views

urlpatterns = [
    path("", include("regiekompas.web.regions.urls")),
    path("account/", include("regiekompas.web.accounts.urls")),
    path("scans/", include("regiekompas.web.scans.urls")),
    path("scans/", include("regiekompas.web.invitations.urls")),
    path("scans/", include("regiekompas.web.responses.urls")),
    path("resultaten/", include("regiekompas.web.results.urls")),
    path("r/", include("regiekompas.web.questionnaire.urls")),
    path("taken/", include("regiekompas.web.jobs.urls")),
    path("doelen/", include("regiekompas.web.targets.urls")),
    path("werksessie/", include("regiekompas.web.workshop.urls")),
    path("w/", include("regiekompas.web.workshop.join_urls")),
    path("documenten/", include("regiekompas.web.documents.urls")),
    path("rapporten/", include("regiekompas.web.reports.urls")),
    # NL API Design Rules: no trailing slashes. "/api/v1" itself gets the API's problem+json
    # 404 rather than a redirect to "/api/v1/".
    re_path(r"^api/v1$", api_views.unknown, {"rest": ""}, name="api_root"),
    path("api/v1/", include("regiekompas.web.api.urls")),
    path("api-sleutels/", include("regiekompas.web.api.manage_urls")),
    path("taal/", set_language, name="set_language"),
    path("privacy/", TemplateView.as_view(template_name="privacy.html"), name="privacy"),
    path("beheer/", admin.site.urls),
]
