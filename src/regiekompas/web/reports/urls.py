from django.urls import URLPattern, URLResolver, path

from regiekompas.web.reports import downloads, views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("<int:scan_pk>/pdf/", views.region_pdf, name="region_pdf"),
    path("<int:scan_pk>/<str:gemeente>/pdf/", views.gemeente_pdf, name="gemeente_pdf"),
    # Results downloads (reports/downloads.py): workbook, CSV files, charts.
    path("<int:scan_pk>/resultaten.xlsx", downloads.results_xlsx, name="results_xlsx"),
    path("<int:scan_pk>/resultaten-csv.zip", downloads.results_csv, name="results_csv"),
    path("<int:scan_pk>/grafiek.<str:fmt>", downloads.chart, name="chart"),
]
