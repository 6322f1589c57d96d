from django.contrib import admin

from regiekompas.web.accounts.models import GemeenteViewer, Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "region", "created_at"]
    list_filter = ["region"]


@admin.register(GemeenteViewer)
class GemeenteViewerAdmin(admin.ModelAdmin[GemeenteViewer]):
    list_display = ["user", "region", "gemeente_code"]
    list_filter = ["region"]
