from django.urls import URLPattern, URLResolver

app_name = "questionnaire"
urlpatterns: list[URLPattern | URLResolver] = []
