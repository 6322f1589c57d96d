from django.urls import path

app_name = "scans"
urlpatterns: list = []
