from django.urls import path

from regiekompas.web.results import views

app_name = "results"
urlpatterns = [
    path("<int:scan_pk>/", views.overview, name="overview"),
    # Fixed words first: a gemeente code never equals them.
    path("<int:scan_pk>/aanbieders/", views.providers, name="providers"),
    path("<int:scan_pk>/aanbieders/<path:organisatie>", views.provider, name="provider"),
    path("<int:scan_pk>/citaten/<int:quote_pk>/verbergen/", views.hide_quote, name="hide_quote"),
    path("<int:scan_pk>/<str:gemeente>/", views.gemeente, name="gemeente"),
    path("<int:scan_pk>/<str:gemeente>/<slug:transitie>/", views.cell, name="cell"),
]
