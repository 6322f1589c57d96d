"""Django admin for superusers: regions with their gemeenten and facilitators inline."""

from django.contrib import admin

from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.regions.models import (
    Contract,
    Mechanisme,
    Organisatie,
    Region,
    RegionGemeente,
)


class RegionGemeenteInline(admin.TabularInline[RegionGemeente, Region]):
    model = RegionGemeente
    extra = 0


class MembershipInline(admin.TabularInline[Membership, Region]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class GemeenteViewerInline(admin.TabularInline[GemeenteViewer, Region]):
    model = GemeenteViewer
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = ["name", "created_at", "created_by", "data_version"]
    search_fields = ["name"]
    readonly_fields = ["created_at", "data_version"]
    inlines = [RegionGemeenteInline, MembershipInline, GemeenteViewerInline]


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin[Organisatie]):
    list_display = ["naam", "type", "region"]
    list_filter = ["region"]
    search_fields = ["naam"]


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin[Contract]):
    list_display = ["organisatie", "gemeente_code", "transitie", "region"]
    list_filter = ["region", "transitie"]
    search_fields = ["organisatie", "gemeente_code"]


@admin.register(Mechanisme)
class MechanismeAdmin(admin.ModelAdmin[Mechanisme]):
    list_display = ["naam", "type", "gemeente_code", "region"]
    list_filter = ["region"]
    search_fields = ["naam", "gemeente_code"]
