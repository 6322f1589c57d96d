from django.urls import URLPattern, URLResolver, path

from regiekompas.web.regions import gemeenten_views, import_views, member_views, views

app_name = "regions"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.region_list, name="list"),
    path("regio/nieuw/", views.region_create, name="create"),
    path("regio/<int:pk>/", views.region_detail, name="detail"),
    path("regio/<int:pk>/gemeenten/", gemeenten_views.gemeenten, name="gemeenten"),
    path(
        "regio/<int:pk>/gemeenten/<str:code>/verwijderen/",
        gemeenten_views.gemeente_remove,
        name="gemeente_remove",
    ),
    path("regio/<int:pk>/importeren/", import_views.region_import, name="import"),
    path("regio/<int:pk>/leden/", member_views.members, name="members"),
    path(
        "regio/<int:pk>/leden/facilitator/<int:membership_pk>/verwijderen/",
        member_views.facilitator_remove,
        name="facilitator_remove",
    ),
    path(
        "regio/<int:pk>/leden/kijker/<int:viewer_pk>/verwijderen/",
        member_views.viewer_remove,
        name="viewer_remove",
    ),
]
