from django.urls import URLPattern, URLResolver

app_name = "scans"
urlpatterns: list[URLPattern | URLResolver] = []
