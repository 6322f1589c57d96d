"""Django admin for superusers. The frozen instrument is shown, never edited."""

from django.contrib import admin

from regiekompas.web.scans.models import Scan


@admin.register(Scan)
class ScanAdmin(admin.ModelAdmin[Scan]):
    list_display = ["name", "region", "status", "opens_on", "closes_on", "k"]
    list_filter = ["status", "region"]
    search_fields = ["name", "region__name"]
    readonly_fields = ["instrument_toml", "opened_at", "closed_at", "created_at"]
