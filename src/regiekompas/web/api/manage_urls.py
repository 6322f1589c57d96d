"""Facilitator pages to create and revoke a region's API tokens (HTML, not the API)."""

from django.urls import path

from regiekompas.web.api import manage_views

app_name = "api_tokens"
urlpatterns = [
    path("<int:region_pk>/", manage_views.token_list, name="list"),
    path("<int:region_pk>/<int:token_pk>/intrekken/", manage_views.token_revoke, name="revoke"),
]
