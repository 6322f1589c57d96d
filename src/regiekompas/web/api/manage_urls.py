"""Facilitator pages to create and revoke a region's API tokens (HTML, not the API)."""

from django.urls import URLPattern, URLResolver

app_name = "api_tokens"
urlpatterns: list[URLPattern | URLResolver] = []
