"""The in-memory form of one scan's data, as every measure reads it.

Answers are held column-wise in numpy arrays (one row per observation, one column per item)
because the measures are vectorised over hundreds of thousands of observations. The arrays
are put in one canonical order (gemeenten by code, respondents by id, ...) when built, so the
order of rows in an import file can never change a figure — including bootstrap intervals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from regiekompas.core.vocabulary import PERSPECTIEVEN

IntArray = npt.NDArray[np.intp]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    regio: str | None


@dataclass(frozen=True)
class Organisatie:
    naam: str
    type: str


@dataclass(frozen=True)
class Contract:
    organisatie: str
    gemeente_code: str
    transitie: str


@dataclass(frozen=True)
class Mechanisme:
    """A coordination arrangement in use in a gemeente (one strand of the "spaghetti").

    `type` is the catalogue code when the given type could be matched, else the text as given.
    `cc`/`dc` are the placement: given in the file, or the catalogue type's default, or None
    when neither is known (an unplaced mechanism, reported as a warning at import).
    """

    gemeente_code: str
    naam: str
    type: str
    transities: tuple[str, ...]
    cc: float | None
    dc: float | None


@dataclass(frozen=True, eq=False)
class Responses:
    """All answers of a scan, column-wise and canonically ordered.

    Axis observations are one row per (respondent, gemeente, transitie, perspectief) with the
    raw answers 1..5 of the axis items (NaN = "weet niet" or not asked). Gemeente observations
    are one row per (respondent, gemeente) with the condition, agreement and obstacle items,
    which concern the collaboration in that gemeente rather than one transitie.
    """

    respondent_ids: tuple[str, ...]
    respondent_group: IntArray
    respondent_org: tuple[str, ...]
    groups: tuple[str, ...]
    gemeente_codes: tuple[str, ...]
    transities: tuple[str, ...]
    axis_items: tuple[str, ...]
    obs_respondent: IntArray
    obs_gemeente: IntArray
    obs_transitie: IntArray
    obs_perspectief: IntArray
    axis_answers: FloatArray
    gemeente_items: tuple[str, ...]
    gem_respondent: IntArray
    gem_gemeente: IntArray
    gemeente_answers: FloatArray
    perspectieven: tuple[str, ...] = PERSPECTIEVEN

    @property
    def obs_group(self) -> IntArray:
        return self.respondent_group[self.obs_respondent]

    @property
    def gem_group(self) -> IntArray:
        return self.respondent_group[self.gem_respondent]


@dataclass(frozen=True, eq=False)
class Dataset:
    """One scan: the responses plus the optional region files (docs/method.md, "Import files")."""

    responses: Responses
    gemeenten: tuple[Gemeente, ...] | None = None
    organisaties: tuple[Organisatie, ...] | None = None
    contracten: tuple[Contract, ...] | None = None
    mechanismen: tuple[Mechanisme, ...] | None = None
    bronnen: tuple[str, ...] = field(default=())
    #: The instrument version the answers were given with, when the files say so (an
    #: `instrument` table); None: the default version.
    instrument: str | None = None

    def regio_of(self) -> dict[str, str | None]:
        """Region per gemeente code; all None when no `gemeenten` file was given."""
        known = {g.code: g.regio for g in self.gemeenten or ()}
        return {code: known.get(code) for code in self.responses.gemeente_codes}

    def naam_of(self) -> dict[str, str]:
        known = {g.code: g.naam for g in self.gemeenten or ()}
        return {code: known.get(code, code) for code in self.responses.gemeente_codes}


def _recode(labels: Sequence[str], codes: IntArray) -> tuple[tuple[str, ...], IntArray]:
    """Sort `labels` and remap `codes` (indices into `labels`) to the sorted order."""
    order = sorted(range(len(labels)), key=lambda i: labels[i])
    new_index = np.empty(len(labels), dtype=np.intp)
    new_index[np.asarray(order, dtype=np.intp)] = np.arange(len(labels), dtype=np.intp)
    return tuple(labels[i] for i in order), new_index[codes] if len(codes) else codes


def build_responses(
    *,
    respondent_ids: Sequence[str],
    respondent_group: Sequence[str],
    respondent_org: Sequence[str],
    transities: Sequence[str],
    axis_items: Sequence[str],
    gemeente_items: Sequence[str],
    gemeente_codes: Sequence[str],
    obs_respondent: IntArray,
    obs_gemeente: IntArray,
    obs_transitie: IntArray,
    obs_perspectief: IntArray,
    axis_answers: FloatArray,
    gem_respondent: IntArray,
    gem_gemeente: IntArray,
    gemeente_answers: FloatArray,
) -> Responses:
    """Build `Responses` in canonical order from index-coded arrays in any order.

    `obs_*` and `gem_*` index into `respondent_ids` and `gemeente_codes`; `obs_transitie` into
    `transities` (kept in the given order, which is the model's), `obs_perspectief` into
    `PERSPECTIEVEN`. Respondent ids and gemeente codes must be unique.
    """
    resp_ids, obs_r = _recode(list(respondent_ids), np.asarray(obs_respondent, dtype=np.intp))
    _, gem_r = _recode(list(respondent_ids), np.asarray(gem_respondent, dtype=np.intp))
    order_r = sorted(range(len(respondent_ids)), key=lambda i: respondent_ids[i])
    group_labels = [respondent_group[i] for i in order_r]
    groups = tuple(sorted(set(group_labels)))
    group_index = {g: i for i, g in enumerate(groups)}
    resp_group = np.asarray([group_index[g] for g in group_labels], dtype=np.intp)
    resp_org = tuple(respondent_org[i] for i in order_r)

    gem_codes, obs_g = _recode(list(gemeente_codes), np.asarray(obs_gemeente, dtype=np.intp))
    _, gem_g = _recode(list(gemeente_codes), np.asarray(gem_gemeente, dtype=np.intp))

    obs_t = np.asarray(obs_transitie, dtype=np.intp)
    obs_p = np.asarray(obs_perspectief, dtype=np.intp)
    axis = np.asarray(axis_answers, dtype=np.float64).reshape(len(obs_r), len(axis_items))
    gem = np.asarray(gemeente_answers, dtype=np.float64).reshape(len(gem_r), len(gemeente_items))

    obs_order = np.lexsort((obs_r, obs_p, obs_t, obs_g))
    gem_order = np.lexsort((gem_r, gem_g))
    return Responses(
        respondent_ids=resp_ids,
        respondent_group=resp_group,
        respondent_org=resp_org,
        groups=groups,
        gemeente_codes=gem_codes,
        transities=tuple(transities),
        axis_items=tuple(axis_items),
        obs_respondent=obs_r[obs_order],
        obs_gemeente=obs_g[obs_order],
        obs_transitie=obs_t[obs_order],
        obs_perspectief=obs_p[obs_order],
        axis_answers=np.ascontiguousarray(axis[obs_order]),
        gemeente_items=tuple(gemeente_items),
        gem_respondent=gem_r[gem_order],
        gem_gemeente=gem_g[gem_order],
        gemeente_answers=np.ascontiguousarray(gem[gem_order]),
    )
