from django.urls import URLPattern, URLResolver

app_name = "invitations"
urlpatterns: list[URLPattern | URLResolver] = []
