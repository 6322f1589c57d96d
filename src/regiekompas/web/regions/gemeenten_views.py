"""Choosing a region's gemeenten from the built-in list of all Dutch gemeenten.

The list is narrowed with a plain GET search form and chosen with checkboxes, so it works
without JavaScript. A gemeente that answers, contracts, mechanisms or respondents refer to
is not removed: its results would lose their name, and contracts would point nowhere.
"""

from __future__ import annotations

import unicodedata

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regiekompas.web.accounts.access import facilitated_region
from regiekompas.web.accounts.models import GemeenteViewer
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.regions import gemeentelijst
from regiekompas.web.regions.forms import AddGemeentenForm, GemeenteSearchForm
from regiekompas.web.regions.models import Region, RegionGemeente
from regiekompas.web.regions.pages import region_crumbs, signed_in
from regiekompas.web.responses.models import Answer


def _folded(text: str) -> str:
    """Lower case without accents, so "fryslan" finds "Súdwest-Fryslân"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _matches(gemeente: gemeentelijst.GemeenteInfo, query: str) -> bool:
    """Whether a search (part of a name, code or provincie) finds this gemeente."""
    wanted = _folded(query.strip())
    return not wanted or any(
        wanted in _folded(text) for text in (gemeente.naam, gemeente.code, gemeente.provincie)
    )


@login_required
def gemeenten(request: HttpRequest, pk: int) -> HttpResponse:
    region = facilitated_region(signed_in(request), pk)
    present = set(region.gemeenten.values_list("code", flat=True))
    available = [g for g in gemeentelijst.all_gemeenten() if g.code not in present]
    names = {g.code: g.naam for g in available}
    search = GemeenteSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    shown = [
        (g.code, f"{g.naam} ({g.code}, {g.provincie})") for g in available if _matches(g, query)
    ]

    if request.method == "POST":
        # Validate against every addable gemeente, not only those the search showed.
        form = AddGemeentenForm(request.POST, choices=list(names.items()))
        if form.is_valid():
            codes = form.cleaned_data["codes"]
            with transaction.atomic():
                # Two facilitators adding the same gemeente at once: the second is a no-op.
                RegionGemeente.objects.bulk_create(
                    (RegionGemeente(region=region, code=code, naam=names[code]) for code in codes),
                    ignore_conflicts=True,
                )
                region.touch()
            messages.success(
                request,
                _("Added: %(names)s.") % {"names": ", ".join(names[code] for code in codes)},
            )
            return redirect("regions:gemeenten", pk=region.pk)
    else:
        form = AddGemeentenForm(choices=shown)
    form.fields["codes"].choices = shown  # type: ignore[attr-defined]
    context = {
        "region": region,
        "current": list(region.gemeenten.all()),
        "search": search,
        "query": query,
        "form": form,
        "shown_count": len(shown),
        "available_count": len(available),
        "source": gemeentelijst.SOURCE,
        "reference_date": gemeentelijst.REFERENCE_DATE,
        "crumbs": region_crumbs(region, _("Gemeenten")),
    }
    return render(request, "regions/gemeenten.html", context)


def uses_of(region: Region, code: str) -> list[str]:
    """What in this region still refers to a gemeente (empty when it can go)."""
    uses = []
    if Answer.objects.filter(respondent__scan__region=region, gemeente_code=code).exists():
        uses.append(_("answers"))
    if region.contracten.filter(gemeente_code=code).exists():
        uses.append(_("contracten"))
    if region.mechanismen.filter(gemeente_code=code).exists():
        uses.append(_("mechanismen"))
    # Respondents keep their gemeenten in a JSON list, which not every database can search.
    lists = Respondent.objects.filter(scan__region=region).values_list("gemeenten", flat=True)
    if any(code in listed for listed in lists):
        uses.append(_("respondents"))
    if GemeenteViewer.objects.filter(region=region, gemeente_code=code).exists():
        uses.append(_("viewers"))
    return uses


@login_required
@require_POST
def gemeente_remove(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    region = facilitated_region(signed_in(request), pk)
    gemeente = region.gemeenten.filter(code=code).first()
    if gemeente is None:
        messages.error(request, _("This gemeente is not part of the region."))
        return redirect("regions:gemeenten", pk=region.pk)
    uses = uses_of(region, code)
    if uses:
        messages.error(
            request,
            _("%(name)s cannot be removed: the region still has %(uses)s for it.")
            % {"name": gemeente.naam, "uses": ", ".join(uses)},
        )
    else:
        with transaction.atomic():
            gemeente.delete()
            region.touch()
        messages.success(
            request, _("%(name)s was removed from the region.") % {"name": gemeente.naam}
        )
    return redirect("regions:gemeenten", pk=region.pk)
