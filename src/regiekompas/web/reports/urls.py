from django.urls import URLPattern, URLResolver, path

from regiekompas.web.reports import views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("<int:scan_pk>/pdf/", views.region_pdf, name="region_pdf"),
    path("<int:scan_pk>/<str:gemeente>/pdf/", views.gemeente_pdf, name="gemeente_pdf"),
]
