from django.urls import path

from regiekompas.web.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<uuid:job_id>/", views.status, name="status"),
    path("<uuid:job_id>/bestand/", views.download, name="download"),
]
