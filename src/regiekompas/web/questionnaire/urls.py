"""The respondent's side, under /r/<token>/: the token is the only identity (no account)."""

from django.urls import path

from regiekompas.web.questionnaire import views

app_name = "questionnaire"
urlpatterns = [
    path("<str:token>/", views.start, name="start"),
    path("<str:token>/stap/<int:number>/", views.step, name="step"),
    path("<str:token>/antwoord/", views.answer, name="answer"),
    path("<str:token>/overzicht/", views.review, name="review"),
    path("<str:token>/verzenden/", views.submit, name="submit"),
    path("<str:token>/bedankt/", views.done, name="done"),
]
