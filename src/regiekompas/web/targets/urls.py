from django.urls import URLPattern, URLResolver, path

from regiekompas.web.targets import views

app_name = "targets"
urlpatterns: list[URLPattern | URLResolver] = [
    # Fixed words first: a transitie code is never "acties".
    path("<int:scan_pk>/<str:gemeente>/acties/nieuw/", views.action, name="action_add"),
    path("<int:scan_pk>/<str:gemeente>/acties/<int:pk>/", views.action, name="action_edit"),
    path("<int:scan_pk>/<str:gemeente>/<slug:transitie>/", views.target, name="target"),
    path(
        "<int:scan_pk>/<str:gemeente>/<slug:transitie>/verwijderen/",
        views.target_delete,
        name="target_delete",
    ),
]
