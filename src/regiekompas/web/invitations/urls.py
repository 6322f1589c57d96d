"""Respondents and invitations of one scan, under /scans/<scan>/respondenten/."""

from django.urls import path

from regiekompas.web.invitations import views, views_actions, views_rates

app_name = "invitations"
urlpatterns = [
    path("<int:pk>/respondenten/", views.respondent_list, name="list"),
    path("<int:pk>/respondenten/nieuw/", views.add_respondent, name="add"),
    path("<int:pk>/respondenten/importeren/", views.import_roster, name="import"),
    path("<int:pk>/respondenten/links/", views_actions.download_links, name="links"),
    path("<int:pk>/respondenten/uitnodigen/", views_actions.send, name="send"),
    path("<int:pk>/respondenten/herinneren/", views_actions.remind, name="remind"),
    path(
        "<int:pk>/respondenten/<int:respondent_pk>/intrekken/",
        views_actions.revoke,
        name="revoke",
    ),
    path("<int:pk>/respons/", views_rates.rates, name="rates"),
    path(
        "<int:pk>/respons/herinneren/<str:groep>/",
        views_actions.remind_group,
        name="remind_group",
    ),
]
