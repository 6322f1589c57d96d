"""The product's URLs plus `/_floor/`."""

from django.urls import include, path

from floor.views import insert_row

urlpatterns = [
    path("_floor/", insert_row, name="floor"),
    path("", include("regiekompas.web.urls")),
]
