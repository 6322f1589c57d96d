from django.urls import path

from regiekompas.web.results import views

app_name = "results"
urlpatterns = [
    path("<int:scan_pk>/", views.overview, name="overview"),
    path("<int:scan_pk>/<str:gemeente>/<slug:transitie>/", views.cell, name="cell"),
]
