"""Participant side of the live workshop: `/w/<code>/`, no account needed."""

from django.urls import path

from regiekompas.web.workshop import join_views

app_name = "workshop_join"
urlpatterns = [
    path("", join_views.start, name="start"),
    path("<str:code>/", join_views.session_page, name="session"),
    path("<str:code>/plaats/", join_views.place_view, name="place"),
    path("<str:code>/stand/", join_views.poll, name="poll"),
]
