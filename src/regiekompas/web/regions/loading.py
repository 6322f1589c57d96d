"""Store a region's tables (gemeenten, organisaties, contracten, mechanismen) from core data.

Used by the region import page and the demo. The tables given replace the region's current
ones of the same kind, in one transaction; kinds not given are left as they are.
"""

from __future__ import annotations

from typing import Protocol

from django.db import transaction

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
