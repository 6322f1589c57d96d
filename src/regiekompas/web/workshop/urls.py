"""Facilitator pages of the live workshop (docs/workshop.md)."""

from django.urls import path

from regiekompas.web.workshop import views

app_name = "workshop"
urlpatterns = [
    path("", views.session_list, name="list"),
    path("nieuw/", views.session_create, name="create"),
    path("<int:pk>/", views.projector, name="projector"),
    path("<int:pk>/stand/", views.poll, name="poll"),
    path("<int:pk>/qr.svg", views.qr, name="qr"),
    path("<int:pk>/bediening/", views.control, name="control"),
    path("<int:pk>/doel/", views.target, name="target"),
    path("<int:pk>/opslaan/", views.save, name="save"),
    path("ronde/<int:pk>/", views.saved_round, name="saved_round"),
]
