"""Store answers gathered elsewhere (an import file, the demo's simulation) in a scan.

All or nothing: the dataset was validated whole by `core.io` before it gets here, and it is
written in one transaction, so a failure leaves the scan as it was.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import numpy as np
from django.db import transaction
from django.utils.translation import gettext as _

from regiekompas.core.dataset import Dataset, Responses
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import Answer
from regiekompas.web.scans.models import Scan


class ImportConflict(ValueError):
    """The dataset does not fit the scan (ids taken, transities or gemeenten not in it)."""


def store_dataset(scan: Scan, dataset: Dataset, *, batch_size: int = 5000) -> int:
    """Create one imported respondent per respondent_id and all their answers."""
    responses = dataset.responses
    taken = set(
        Respondent.objects.filter(scan=scan, external_id__in=responses.respondent_ids).values_list(
            "external_id", flat=True
        )
    )
    if taken:
        shown = ", ".join(sorted(taken)[:5])
        raise ImportConflict(
            _("These respondent ids are already in this scan: %(ids)s") % {"ids": shown}
        )
    outside = sorted(set(responses.transities) - set(scan.transities))
    used_t = {responses.transities[t] for t in np.unique(responses.obs_transitie)}
    if outside and used_t & set(outside):
        raise ImportConflict(
            _("The file has answers for transities this scan does not ask: %(t)s")
            % {"t": ", ".join(sorted(used_t & set(outside)))}
        )
    gemeenten_of: dict[int, set[str]] = {i: set() for i in range(len(responses.respondent_ids))}
    transities_of: dict[int, set[str]] = {i: set() for i in range(len(responses.respondent_ids))}
    for r, g, t in zip(
        responses.obs_respondent, responses.obs_gemeente, responses.obs_transitie, strict=True
    ):
        gemeenten_of[int(r)].add(responses.gemeente_codes[g])
        transities_of[int(r)].add(responses.transities[t])
    for r, g in zip(responses.gem_respondent, responses.gem_gemeente, strict=True):
        gemeenten_of[int(r)].add(responses.gemeente_codes[g])

    with transaction.atomic():
        people = Respondent.objects.bulk_create(
            Respondent(
                scan=scan,
                external_id=rid,
                groep=responses.groups[responses.respondent_group[i]],
                organisatie=responses.respondent_org[i],
                gemeenten=sorted(gemeenten_of[i]),
                transities=sorted(transities_of[i]),
                source=Respondent.Source.IMPORT,
            )
            for i, rid in enumerate(responses.respondent_ids)
        )
        if any(p.pk is None for p in people):  # backends without RETURNING
            by_id = dict(Respondent.objects.filter(scan=scan).values_list("external_id", "pk"))
            pks = [by_id[rid] for rid in responses.respondent_ids]
        else:
            pks = [p.pk for p in people]
        answers = list(_axis_answers(responses, pks)) + list(_gemeente_answers(responses, pks))
        Answer.objects.bulk_create(answers, batch_size=batch_size)
    return len(answers)


def _value(number: float) -> int | None:
    return None if math.isnan(number) else int(number)


def _axis_answers(responses: Responses, pks: Sequence[int]) -> Iterator[Answer]:
    for row in range(len(responses.obs_respondent)):
        values = responses.axis_answers[row]
        for col, item in enumerate(responses.axis_items):
            if math.isnan(values[col]):
                continue
            yield Answer(
                respondent_id=pks[responses.obs_respondent[row]],
                gemeente_code=responses.gemeente_codes[responses.obs_gemeente[row]],
                transitie=responses.transities[responses.obs_transitie[row]],
                perspectief=responses.perspectieven[responses.obs_perspectief[row]],
                item=item,
                value=_value(values[col]),
            )


def _gemeente_answers(responses: Responses, pks: Sequence[int]) -> Iterator[Answer]:
    for row in range(len(responses.gem_respondent)):
        values = responses.gemeente_answers[row]
        for col, item in enumerate(responses.gemeente_items):
            if math.isnan(values[col]):
                continue
            yield Answer(
                respondent_id=pks[responses.gem_respondent[row]],
                gemeente_code=responses.gemeente_codes[responses.gem_gemeente[row]],
                item=item,
                value=_value(values[col]),
            )
