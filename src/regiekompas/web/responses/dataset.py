"""A scan's answers and its region's tables as a core `Dataset` — the input of every figure.

This is the only bridge from the database to `core`: results pages, exports and (later)
reports all analyse what this returns, so a page shows the same figures as
`regiekompas analyse` on an export of the same answers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from django.db.models import Q, QuerySet

from regiekompas.core.dataset import (
    Contract,
    Dataset,
    Gemeente,
    Mechanisme,
    Organisatie,
    Responses,
    build_responses,
)
from regiekompas.core.instrument import Instrument
from regiekompas.core.model import load_model
from regiekompas.core.vocabulary import PERSPECTIEVEN
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import Answer, MechanismUse
from regiekompas.web.scans.models import Scan


class NoAnswers(LookupError):
    """The scan has no answers yet, so there is nothing to analyse."""


def scan_dataset(scan: Scan, *, submitted_only: bool = False) -> Dataset:
    """The scan's live answers and its region's tables.

    With `submitted_only`, only respondents who submitted (or whose answers were imported)
    count: the candidate of an interim snapshot (docs/privacy.md).
    """
    respondents = scan_respondents(scan, submitted_only=submitted_only)
    if not respondents:
        raise NoAnswers(scan.pk)
    responses = scan_responses(scan, respondents, submitted_only=submitted_only)
    reported = reported_mechanisms(scan, submitted_only=submitted_only)
    return region_dataset(scan, responses, reported)


def _whose(scan: Scan, submitted_only: bool, prefix: str = "respondent__") -> Q:
    """Rows of the scan's respondents (only those who submitted or were imported)."""
    who = Q(**{f"{prefix}scan": scan})
    if submitted_only:
        who &= Q(**{f"{prefix}submitted_at__isnull": False}) | Q(
            **{f"{prefix}source": Respondent.Source.IMPORT}
        )
    return who


def scan_respondents(scan: Scan, *, submitted_only: bool = False) -> dict[int, Respondent]:
    """The scan's respondents with at least one answer, by primary key."""
    people = Respondent.objects.filter(_whose(scan, submitted_only, ""), answers__isnull=False)
    return {r.pk: r for r in people.distinct().order_by("pk")}


def scan_responses(
    scan: Scan, respondents: dict[int, Respondent], *, submitted_only: bool = False
) -> Responses:
    """The answers of `respondents` as core `Responses` (respondent ids = external ids)."""
    # Only gemeenten with answers enter the responses, as when `core.io` reads an export;
    # the region's other gemeenten stay in `gemeenten`.
    answered = sorted(
        set(
            Answer.objects.filter(_whose(scan, submitted_only))
            .values_list("gemeente_code", flat=True)
            .distinct()
        )
    )
    rows = Answer.objects.filter(_whose(scan, submitted_only)).values_list(
        "respondent_id", "gemeente_code", "transitie", "perspectief", "item", "value"
    )
    return _responses(scan, scan.instrument(), respondents, answered, rows)


#: (respondent key, gemeente code, catalogue type, transities) of a reported mechanism.
Reported = tuple[int, str, str, tuple[str, ...]]


def reported_mechanisms(scan: Scan, *, submitted_only: bool = False) -> list[Reported]:
    """Catalogue mechanisms that the scan's respondents report in use, per gemeente."""
    return [
        (pk, code, type_, tuple(transities))
        for pk, code, type_, transities in MechanismUse.objects.filter(_whose(scan, submitted_only))
        .order_by("pk")
        .values_list("respondent_id", "gemeente_code", "type", "transities")
    ]


def region_dataset(scan: Scan, responses: Responses, reported: Sequence[Reported]) -> Dataset:
    """`responses` with the region's tables (as they are now) and the reported mechanisms."""
    region = scan.region
    gemeenten = tuple(
        Gemeente(code, naam, region.name)
        for code, naam in region.gemeenten.order_by("code").values_list("code", "naam")
    )
    known_codes = {g.code for g in gemeenten}
    extra = sorted(
        {c for c in responses.gemeente_codes if c not in known_codes}
        | {r[1] for r in reported if r[1] not in known_codes}
    )
    gemeenten += tuple(Gemeente(code, code, region.name) for code in extra)
    return Dataset(
        responses=responses,
        gemeenten=gemeenten,
        organisaties=tuple(
            Organisatie(naam, type_)
            for naam, type_ in region.organisaties.values_list("naam", "type")
        )
        or None,
        contracten=tuple(
            Contract(o, g, t)
            for o, g, t in region.contracten.values_list(
                "organisatie", "gemeente_code", "transitie"
            )
        )
        or None,
        mechanismen=_mechanismen(scan, scan.instrument(), reported) or None,
        bronnen=(f"scan {scan.pk}",),
    )


def _responses(
    scan: Scan,
    instrument: Instrument,
    respondents: dict[int, Respondent],
    codes: list[str],
    rows: QuerySet[Answer, tuple[int, str, str, str, str, int | None]],
) -> Responses:
    model_order = [t.code for t in load_model().transities]
    transities = [t for t in model_order if t in scan.transities] + [
        t for t in scan.transities if t not in model_order
    ]
    axis_items = list(instrument.axis_item_codes)
    gem_items = list(instrument.gemeente_item_codes)
    r_index = {pk: i for i, pk in enumerate(respondents)}
    g_index = {code: i for i, code in enumerate(codes)}
    t_index = {t: i for i, t in enumerate(transities)}
    p_index = {p: i for i, p in enumerate(PERSPECTIEVEN)}
    a_index = {c: i for i, c in enumerate(axis_items)}
    m_index = {c: i for i, c in enumerate(gem_items)}

    axis_rows: dict[tuple[int, int, int, int], int] = {}
    gem_rows: dict[tuple[int, int], int] = {}
    axis_values: list[tuple[int, int, float]] = []
    gem_values: list[tuple[int, int, float]] = []
    for rid, code, transitie, perspectief, item, value in rows.iterator(chunk_size=20000):
        number = np.nan if value is None else float(value)
        if item in a_index:
            if transitie not in t_index or perspectief not in p_index:
                continue
            key = (r_index[rid], g_index[code], t_index[transitie], p_index[perspectief])
            row = axis_rows.setdefault(key, len(axis_rows))
            axis_values.append((row, a_index[item], number))
        elif item in m_index:
            gkey = (r_index[rid], g_index[code])
            row = gem_rows.setdefault(gkey, len(gem_rows))
            gem_values.append((row, m_index[item], number))

    axis = np.full((len(axis_rows), len(axis_items)), np.nan)
    for row, col, number in axis_values:
        axis[row, col] = number
    gem = np.full((len(gem_rows), len(gem_items)), np.nan)
    for row, col, number in gem_values:
        gem[row, col] = number
    axis_keys = np.asarray(list(axis_rows), dtype=np.intp).reshape(-1, 4)
    gem_keys = np.asarray(list(gem_rows), dtype=np.intp).reshape(-1, 2)
    people = list(respondents.values())
    return build_responses(
        respondent_ids=[r.external_id for r in people],
        respondent_group=[r.groep for r in people],
        respondent_org=[r.organisatie for r in people],
        transities=transities,
        axis_items=axis_items,
        gemeente_items=gem_items,
        gemeente_codes=codes,
        obs_respondent=axis_keys[:, 0],
        obs_gemeente=axis_keys[:, 1],
        obs_transitie=axis_keys[:, 2],
        obs_perspectief=axis_keys[:, 3],
        axis_answers=axis,
        gem_respondent=gem_keys[:, 0],
        gem_gemeente=gem_keys[:, 1],
        gemeente_answers=gem,
    )


def _mechanismen(
    scan: Scan, instrument: Instrument, reported_uses: Sequence[Reported]
) -> tuple[Mechanisme, ...]:
    """The region's imported mechanisms plus catalogue types respondents report in use.

    A type reported for a gemeente by at least one respondent counts once for that gemeente,
    placed at the catalogue's default, unless the region already lists a mechanism of that
    type there.
    """
    imported = [
        Mechanisme(m.gemeente_code, m.naam, m.type, tuple(m.transities), m.cc, m.dc)
        for m in scan.region.mechanismen.all()
    ]
    listed = {(m.gemeente_code, m.type) for m in imported}
    catalogue = {t.code: t for t in instrument.mechanism_types}
    reported: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _pk, code, type_, used_in in reported_uses:
        if type_ in catalogue and (code, type_) not in listed:
            reported[(code, type_)].update(used_in)
    for (code, type_), transities in sorted(reported.items()):
        kind = catalogue[type_]
        imported.append(
            Mechanisme(code, kind.name.nl, type_, tuple(sorted(transities)), kind.cc, kind.dc)
        )
    return tuple(imported)
