from django.urls import URLPattern, URLResolver

app_name = "responses"
urlpatterns: list[URLPattern | URLResolver] = []
