"""Respondents in Django's admin, for support: tokens are listed by date only, never their hash."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from regiekompas.web.invitations.models import AccessToken, Respondent


class AccessTokenInline(admin.TabularInline[AccessToken, Respondent]):
    model = AccessToken
    fields = ("created_at", "last_used_at")
    readonly_fields = ("created_at", "last_used_at")
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Respondent | None = None) -> bool:
        # A token made here could never be shown to anyone, so it would be useless.
        return False


@admin.register(Respondent)
class RespondentAdmin(admin.ModelAdmin[Respondent]):
    list_display = (
        "external_id",
        "scan",
        "groep",
        "source",
        "invited_at",
        "submitted_at",
        "revoked_at",
    )
    list_filter = ("source", "groep")
    search_fields = ("external_id", "organisatie")
    readonly_fields = ("created_at", "invited_at", "reminded_at", "started_at", "submitted_at")
    raw_id_fields = ("scan",)
    inlines = [AccessTokenInline]
