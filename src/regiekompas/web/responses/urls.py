"""Import and export of a scan's answers, under /scans/<scan>/antwoorden/."""

from django.urls import path

from regiekompas.web.responses import views

app_name = "responses"
urlpatterns = [
    path("<int:pk>/antwoorden/importeren/", views.import_view, name="import"),
    path("<int:pk>/antwoorden/exporteren/", views.export_view, name="export"),
    path(
        "<int:pk>/antwoorden/exporteren-met-identiteit/",
        views.export_identified,
        name="export_identified",
    ),
]
