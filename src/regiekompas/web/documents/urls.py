from django.urls import URLPattern, URLResolver, path

from regiekompas.web.documents import views

app_name = "documents"
urlpatterns: list[URLPattern | URLResolver] = [
    path("regio/<int:pk>/", views.region_documents, name="region"),
    path("regio/<int:pk>/<str:code>/", views.gemeente_documents, name="gemeente"),
    path(
        "regio/<int:pk>/<str:code>/<int:document_pk>/verwijderen/",
        views.delete_document,
        name="delete",
    ),
    path(
        "regio/<int:pk>/<str:code>/<int:document_pk>/opnieuw/",
        views.read_again,
        name="read_again",
    ),
]
