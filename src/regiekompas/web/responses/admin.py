"""Answers in Django's admin are read-only: they change only through the questionnaire."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from regiekompas.web.responses.models import Answer


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin[Answer]):
    list_display = ("respondent", "gemeente_code", "transitie", "perspectief", "item", "value")
    list_filter = ("transitie", "perspectief")
    raw_id_fields = ("respondent",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
