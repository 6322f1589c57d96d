from django.urls import URLPattern, URLResolver, path

from regiekompas.web.scans import lifecycle_views, views

app_name = "scans"
urlpatterns: list[URLPattern | URLResolver] = [
    path("regio/<int:pk>/nieuw/", views.scan_create, name="create"),
    path("<int:pk>/", views.scan_detail, name="detail"),
    path("<int:pk>/instellingen/", views.scan_edit, name="edit"),
    path("<int:pk>/openen/", lifecycle_views.scan_open, name="open"),
    path("<int:pk>/sluiten/", lifecycle_views.scan_close, name="close"),
    path("<int:pk>/publiceren/", lifecycle_views.scan_publish, name="publish"),
    path("<int:pk>/kopieren/", lifecycle_views.scan_copy, name="copy"),
]
