"""Store a region's tables (gemeenten, organisaties, contracten, mechanismen) from core data.

Used by the region import page and the demo. The tables given replace the region's current
ones of the same kind, in one transaction; kinds not given are left as they are. Because a
replacement can empty a table (a header-only `organisaties` file) or rename gemeenten,
`destructive_changes` lists what an import would remove or rename, and the import pages ask
for confirmation before storing such an import (docs/security.md).
"""

from __future__ import annotations

from typing import Protocol

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regiekompas.core import dataset as core
from regiekompas.web.regions.models import (
    Contract,
    Mechanisme,
    Organisatie,
    Region,
    RegionGemeente,
)


class RegionData(Protocol):
    """What a core `Dataset` and `core.io.RegionTables` both carry."""

    @property
    def gemeenten(self) -> tuple[core.Gemeente, ...] | None: ...
    @property
    def organisaties(self) -> tuple[core.Organisatie, ...] | None: ...
    @property
    def contracten(self) -> tuple[core.Contract, ...] | None: ...
    @property
    def mechanismen(self) -> tuple[core.Mechanisme, ...] | None: ...


#: Names listed per removed kind at most; the message still counts them all.
MAX_NAMED = 10


def _named(names: list[str]) -> str:
    shown = ", ".join(sorted(names)[:MAX_NAMED])
    return shown + (" …" if len(names) > MAX_NAMED else "")


def destructive_changes(region: Region, dataset: RegionData) -> list[str]:
    """What storing `dataset` would remove from or rename in `region`, one sentence each.

    Adding rows is not listed; an empty list means the import only adds (or changes
    nothing), so it needs no confirmation.
    """
    changes: list[str] = []
    if dataset.gemeenten is not None:
        names = dict(region.gemeenten.values_list("code", "naam"))
        for g in dataset.gemeenten:
            if g.code in names and names[g.code] != g.naam:
                changes.append(
                    _("Gemeente %(code)s is renamed from “%(old)s” to “%(new)s”.")
                    % {"code": g.code, "old": names[g.code], "new": g.naam}
                )
    if dataset.organisaties is not None:
        old = set(region.organisaties.values_list("naam", flat=True))
        gone = sorted(old - {o.naam for o in dataset.organisaties})
        if gone:
            changes.append(
                ngettext(
                    "%(n)d of the region’s %(total)d organisaties is removed: %(names)s.",
                    "%(n)d of the region’s %(total)d organisaties are removed: %(names)s.",
                    len(gone),
                )
                % {"n": len(gone), "total": len(old), "names": _named(gone)}
            )
    if dataset.contracten is not None:
        old_c = set(region.contracten.values_list("organisatie", "gemeente_code", "transitie"))
        new_c = {(c.organisatie, c.gemeente_code, c.transitie) for c in dataset.contracten}
        gone_c = old_c - new_c
        if gone_c:
            changes.append(
                ngettext(
                    "%(n)d of the region’s %(total)d contracten is removed.",
                    "%(n)d of the region’s %(total)d contracten are removed.",
                    len(gone_c),
                )
                % {"n": len(gone_c), "total": len(old_c)}
            )
    if dataset.mechanismen is not None:
        old_m = set(region.mechanismen.values_list("gemeente_code", "naam"))
        gone_m = old_m - {(m.gemeente_code, m.naam) for m in dataset.mechanismen}
        if gone_m:
            changes.append(
                ngettext(
                    "%(n)d of the region’s %(total)d mechanismen is removed: %(names)s.",
                    "%(n)d of the region’s %(total)d mechanismen are removed: %(names)s.",
                    len(gone_m),
                )
                % {
                    "n": len(gone_m),
                    "total": len(old_m),
                    "names": _named([f"{code} {naam}" for code, naam in gone_m]),
                }
            )
    return changes


def store_region_tables(region: Region, dataset: RegionData) -> dict[str, int]:
    """Replace each table the dataset has; returns the number of rows stored per table."""
    stored: dict[str, int] = {}
    with transaction.atomic():
        if dataset.gemeenten is not None:
            existing = set(region.gemeenten.values_list("code", flat=True))
            new = [g for g in dataset.gemeenten if g.code not in existing]
            for g in dataset.gemeenten:
                if g.code in existing:
                    region.gemeenten.filter(code=g.code).update(naam=g.naam)
            RegionGemeente.objects.bulk_create(
                RegionGemeente(region=region, code=g.code, naam=g.naam) for g in new
            )
            stored["gemeenten"] = len(dataset.gemeenten)
        if dataset.organisaties is not None:
            region.organisaties.all().delete()
            Organisatie.objects.bulk_create(
                Organisatie(region=region, naam=o.naam, type=o.type) for o in dataset.organisaties
            )
            stored["organisaties"] = len(dataset.organisaties)
        if dataset.contracten is not None:
            region.contracten.all().delete()
            Contract.objects.bulk_create(
                Contract(
                    region=region,
                    organisatie=c.organisatie,
                    gemeente_code=c.gemeente_code,
                    transitie=c.transitie,
                )
                for c in dataset.contracten
            )
            stored["contracten"] = len(dataset.contracten)
        if dataset.mechanismen is not None:
            region.mechanismen.all().delete()
            Mechanisme.objects.bulk_create(
                Mechanisme(
                    region=region,
                    gemeente_code=m.gemeente_code,
                    naam=m.naam,
                    type=m.type,
                    transities=list(m.transities),
                    cc=m.cc,
                    dc=m.dc,
                )
                for m in dataset.mechanismen
            )
            stored["mechanismen"] = len(dataset.mechanismen)
        region.touch()
    return stored
