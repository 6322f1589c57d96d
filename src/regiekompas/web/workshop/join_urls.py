"""Participant side of the live workshop: `/w/<code>`, no account needed."""

from django.urls import URLPattern, URLResolver

app_name = "workshop_join"
urlpatterns: list[URLPattern | URLResolver] = []
