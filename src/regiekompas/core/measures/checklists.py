"""Afspraken and obstakels per gemeente: shares of yes answers (docs/method.md).

Afspraken (organisation-level agreements, items `afs1…afs4`, 1 = ja, 0 = nee, empty = weet
niet): for gemeente g and item j, n is the number of respondents with a row for g on the
gemeente level (the respondents asked the item there), and

    ja = #{a = 1} / n,   nee = #{a = 0} / n,   weet_niet = #{a empty} / n.

An empty answer and a missing row cannot be told apart once answers are read, so the
respondents asked are taken per gemeente: when anyone in g answered any afspraken item with
0 or 1, every respondent with a gemeente-level row for g counts as asked (their empty items
are weet niet); when nobody did, the afspraken were not asked there and g has no rows.

Obstakels (items `obs1…obs5`, 1 = this holds us back, 0 = nee): n is the number of
respondents with a 0 or 1 for the item in g, and aandeel = #{a = 1} / n.

Both are shown only when n ≥ k (small-cell rule, docs/method.md "Small cells").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from regiekompas.core.dataset import Responses


@dataclass(frozen=True)
class AgreementShares:
    gemeente: int
    afspraak: str
    ja: float
    nee: float
    weet_niet: float
    n: int


@dataclass(frozen=True)
class ObstacleShare:
    gemeente: int
    obstakel: str
    aandeel: float
    n: int


def agreement_shares(responses: Responses, codes: Sequence[str]) -> list[AgreementShares]:
    """Shares per gemeente (index into `responses.gemeente_codes`) and item, n > 0 only."""
    n_gem = len(responses.gemeente_codes)
    asked = np.bincount(responses.gem_gemeente, minlength=n_gem)
    rows = []
    columns = [(code, responses.gemeente_items.index(code)) for code in codes]
    counts = []
    for code, col in columns:
        values = responses.gemeente_answers[:, col]
        yes = np.bincount(responses.gem_gemeente, weights=values == 1, minlength=n_gem)
        no = np.bincount(responses.gem_gemeente, weights=values == 0, minlength=n_gem)
        counts.append((code, yes, no))
    answered = np.zeros(n_gem, dtype=bool)
    for _, yes, no in counts:
        answered |= (yes + no) > 0
    for g in range(n_gem):
        n = int(asked[g])
        if n == 0 or not answered[g]:
            continue
        for code, yes, no in counts:
            ja, nee = float(yes[g]), float(no[g])
            rows.append(AgreementShares(g, code, ja / n, nee / n, (n - ja - nee) / n, n))
    return rows


def obstacle_shares(responses: Responses, codes: Sequence[str]) -> list[ObstacleShare]:
    """Share of 1 per gemeente and item among the 0/1 answers, n > 0 only."""
    n_gem = len(responses.gemeente_codes)
    per_item = []
    for code in codes:
        values = responses.gemeente_answers[:, responses.gemeente_items.index(code)]
        answered = ~np.isnan(values)
        n = np.bincount(responses.gem_gemeente[answered], minlength=n_gem)
        yes = np.bincount(
            responses.gem_gemeente[answered], weights=values[answered] == 1, minlength=n_gem
        )
        per_item.append((code, n, yes))
    return [
        ObstacleShare(g, code, float(yes[g]) / int(n[g]), int(n[g]))
        for g in range(n_gem)
        for code, n, yes in per_item
        if n[g] > 0
    ]
