"""URLs of the JSON API, included at "api/v1/": no pattern ends with "/" (NL API Design
Rules); the root "/api/v1" itself is answered by `web/urls.py`. The last pattern answers
every other path under /api/v1 with a problem+json 404, so Django's APPEND_SLASH never
redirects an API URL."""

from django.urls import path, re_path

from regiekompas.web.api import views

app_name = "api"
urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("regios", views.regions, name="regions"),
    path("regios/<int:regio_id>", views.region, name="region"),
    path("regios/<int:regio_id>/scans", views.region_scans, name="region_scans"),
    path("scans/<int:scan_id>", views.scan, name="scan"),
    path("scans/<int:scan_id>/resultaten", views.results, name="results"),
    path("scans/<int:scan_id>/resultaten/meta", views.meta, name="meta"),
    path("scans/<int:scan_id>/resultaten/<slug:tabel>", views.results_table, name="table"),
    re_path(r"^(?P<rest>.*)$", views.unknown, name="unknown"),
]
