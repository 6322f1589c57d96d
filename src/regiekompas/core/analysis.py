"""One full analysis of a scan: every measure of docs/method.md as the results document.

This is the single function behind `regiekompas analyse`, the web pages and the reports, so
a figure is computed in one place. The measures themselves live in `core.measures` (each with
its formula and reference); this module only wires them together and turns them into the rows
of `core.results`. The document holds unrounded floats; `round_document` gives the published
form (4 decimals).

Privacy is applied here, before anything is put into the document, so no output path can
leak what it must not show (docs/method.md, "k-rules"):

- small cells: a cell with fewer than k respondents is left out of `cellen` and of every
  derived figure, and listed in `onderdrukt` without its n; the same for a gemeente's
  condition scores, afspraken and obstakels below k;
- nested suppression of rationaliteiten and the groups within them (`nested_shown`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from regiekompas import __version__
from regiekompas.core.dataset import Dataset, FloatArray
from regiekompas.core.instrument import Instrument, load_instrument
from regiekompas.core.measures.agreement import grouped_rwg, groups_alpha
from regiekompas.core.measures.anonymity import check_k, nested_shown, visible_cells
from regiekompas.core.measures.bootstrap import ProgressFn, bootstrap_cell_means, percentile_ci
from regiekompas.core.measures.centroids import unit_centroids
from regiekompas.core.measures.checklists import agreement_shares, obstacle_shares
from regiekompas.core.measures.conditions import (
    ConditionScores,
    bootstrap_condition_scores,
    condition_scores,
)
from regiekompas.core.measures.confusion import bootstrap_largest_distance, largest_distance
from regiekompas.core.measures.fragmentation import fragmentation, provider_regimes
from regiekompas.core.measures.gap import gap_pairs, gaps
from regiekompas.core.measures.positions import Cells, cell_positions, respondent_positions
from regiekompas.core.measures.quadrant_counts import Placed, quadrant_counts
from regiekompas.core.measures.spaghetti import spaghetti
from regiekompas.core.model import Model, load_model
from regiekompas.core.model.bands import Bands, load_bands
from regiekompas.core.results.rows import (
    AanbiederRow,
    CellKey,
    CelRow,
    ConditieRow,
    Document,
    GroepRow,
    KloofRow,
    OnderdruktRow,
    RationaliteitRow,
    RegioRow,
    SpraakverwarringRationaliteitenRow,
    SpraakverwarringRow,
    VersnipperingRow,
)
from regiekompas.core.vocabulary import QUADRANTS, quadrant_of

__all__ = ["Document", "Settings", "analyse", "round_document"]

#: `reden` codes of `onderdrukt` rows (docs/method.md, "Small cells").
REDEN_CEL = "kleine_cel"
REDEN_CONDITIES = "condities"
REDEN_AFSPRAKEN = "afspraken"
REDEN_OBSTAKELS = "obstakels"


@dataclass(frozen=True)
class Settings:
    k: int = 5
    bootstrap: int = 1000
    seed: int = 0


def _opt(value: float) -> float | None:
    return None if value != value else float(value)


def analyse(
    dataset: Dataset,
    *,
    settings: Settings | None = None,
    instrument: Instrument | None = None,
    model: Model | None = None,
    bands: Bands | None = None,
    progress: ProgressFn | None = None,
    replicates: dict[str, dict[str, FloatArray]] | None = None,
) -> Document:
    """All measures of one scan; `core.pipeline` adds the advice.

    Given a dict as `replicates`, it is filled with the bootstrap replicates behind the
    intervals (`cellen.cc`, `cellen.dc`, `kloof.waarde`) and of the figures whose change the
    trend also gives an interval (`spraakverwarring.waarde`,
    `spraakverwarring_rationaliteiten.waarde`, `condities.score` of the gemeente as a whole),
    keyed by the row's key fields joined by `|`, so the trend between two rounds can take its
    intervals from the same draws (docs/method.md, "Trend"). They are never part of the document.
    """
    settings = settings or Settings()
    k = check_k(settings.k)
    if instrument is None:
        instrument = (
            load_instrument(dataset.instrument) if dataset.instrument else load_instrument()
        )
    model = model or load_model()
    bands = bands or load_bands()
    r = dataset.responses

    positions = respondent_positions(r, instrument)
    cells = cell_positions(r, positions)
    visible = visible_cells(cells.n, k)
    names = [_cell_fields(dataset, cells, c) for c in range(len(cells))]
    keys = [f"{n['gemeente_code']}|{n['transitie']}|{n['perspectief']}" for n in names]
    draws = bootstrap_cell_means(
        cells, keys, replicates=settings.bootstrap, seed=settings.seed, progress=progress
    )
    cc_low, cc_high = percentile_ci(draws.real)
    dc_low, dc_high = percentile_ci(draws.imag)
    if replicates is not None:
        shown = np.flatnonzero(visible)
        replicates["cellen.cc"] = {keys[c]: draws.real[c] for c in shown}
        replicates["cellen.dc"] = {keys[c]: draws.imag[c] for c in shown}

    doc: dict[str, Any] = {}
    doc["cellen"] = [
        CelRow(
            gemeente_code=r.gemeente_codes[cells.gemeente[c]],
            transitie=r.transities[cells.transitie[c]],
            perspectief=r.perspectieven[cells.perspectief[c]],
            n=int(cells.n[c]),
            cc=float(cells.cc[c]),
            dc=float(cells.dc[c]),
            cc_ci=[float(cc_low[c]), float(cc_high[c])],
            dc_ci=[float(dc_low[c]), float(dc_high[c])],
            kwadrant=quadrant_of(float(cells.cc[c]), float(cells.dc[c])),
            helder=bool(cc_low[c] > 0 or cc_high[c] < 0) and bool(dc_low[c] > 0 or dc_high[c] < 0),
        )
        for c in np.flatnonzero(visible)
    ]

    # Groups and rationaliteiten within cells: centroids, agreement, nested suppression.
    rationaliteiten = sorted({r.code for r in model.rationaliteiten})
    rat_of_group = np.asarray(
        [rationaliteiten.index(_rationaliteit(model, code)) for code in r.groups], dtype=np.intp
    )
    groups = unit_centroids(cells, cells.group_of_row, len(r.groups))
    rats = unit_centroids(
        cells, rat_of_group[cells.group_of_row] if len(r.groups) else cells.group_of_row, 4
    )
    rat_shown, group_shown = nested_shown(groups.n, rat_of_group, len(rationaliteiten), k)
    rat_shown &= visible[:, None]
    group_shown &= visible[:, None]

    raw = r.axis_answers[cells.rows]
    axis_cols = {
        axis: [r.axis_items.index(code) for code in instrument.axis_codes(axis)]
        for axis in ("cc", "dc")
    }
    n_groups = len(r.groups)
    cell_group = cells.cell_of_row * n_groups + cells.group_of_row
    rwg_group = {
        axis: grouped_rwg(raw[:, cols], cell_group, len(cells) * n_groups).reshape(
            len(cells), n_groups
        )
        for axis, cols in axis_cols.items()
    }
    rwg_cell = {
        axis: grouped_rwg(raw[:, cols], cells.cell_of_row, len(cells))
        for axis, cols in axis_cols.items()
    }

    doc["groepen"] = [
        GroepRow(
            **names[int(c)],
            groep=r.groups[g],
            n=int(groups.n[c, g]),
            cc=float(groups.cc[c, g]),
            dc=float(groups.dc[c, g]),
            rwg={"cc": _opt(rwg_group["cc"][c, g]), "dc": _opt(rwg_group["dc"][c, g])},
        )
        for c, g in zip(*np.nonzero(group_shown), strict=True)
    ]

    doc["kloof"] = _gaps(dataset, cells, draws, visible, bands, replicates)
    confusion_band = bands["spraakverwarring"]
    spread = largest_distance(groups.cc, groups.dc, group_shown)
    doc["spraakverwarring"] = [
        SpraakverwarringRow(
            **names[c],
            waarde=_opt(spread.value[c]),
            groepen=[r.groups[spread.first[c]], r.groups[spread.second[c]]]
            if spread.first[c] >= 0
            else [],
            rwg={"cc": _opt(rwg_cell["cc"][c]), "dc": _opt(rwg_cell["dc"][c])},
            band=confusion_band.of(spread.value[c]),
        )
        for c in np.flatnonzero(visible)
    ]
    if replicates is not None:
        starts = np.concatenate(([0], np.cumsum(cells.n))).astype(np.intp)
        replicates["spraakverwarring.waarde"] = bootstrap_largest_distance(
            cells.x, cells.y, starts, cells.group_of_row, group_shown, keys,
            replicates=settings.bootstrap, seed=settings.seed, label="groepen",
        )  # fmt: skip
        rat_of_row = rat_of_group[cells.group_of_row] if len(r.groups) else cells.group_of_row
        replicates["spraakverwarring_rationaliteiten.waarde"] = bootstrap_largest_distance(
            cells.x, cells.y, starts, rat_of_row, rat_shown, keys,
            replicates=settings.bootstrap, seed=settings.seed, label="rationaliteiten",
        )  # fmt: skip
    doc["regio"] = _region_alpha(dataset, cells, groups.cc, groups.dc, group_shown)
    condition_rows, condition_hidden = _conditions(dataset, instrument, k, bands)
    doc["condities"] = condition_rows
    if replicates is not None:
        shown_scores = condition_scores(r, instrument, k).gemeente_n >= k
        replicates["condities.score"] = bootstrap_condition_scores(
            r, instrument, shown_scores, replicates=settings.bootstrap, seed=settings.seed
        )
    praktijk = {
        (row["gemeente_code"], row["transitie"]): row
        for row in doc["cellen"]
        if row["perspectief"] == "praktijk"
    }
    doc["spaghetti"] = _spaghetti(dataset, praktijk)
    doc["versnippering"], doc["aanbieders"] = _fragmentation(dataset, praktijk)
    doc["advies"] = []

    doc["rationaliteiten"] = [
        RationaliteitRow(
            **names[int(c)],
            rationaliteit=rationaliteiten[q],
            n=int(rats.n[c, q]),
            cc=float(rats.cc[c, q]),
            dc=float(rats.dc[c, q]),
        )
        for c, q in zip(*np.nonzero(rat_shown), strict=True)
    ]
    rat_spread = largest_distance(rats.cc, rats.dc, rat_shown)
    doc["spraakverwarring_rationaliteiten"] = [
        SpraakverwarringRationaliteitenRow(
            **names[c],
            waarde=float(rat_spread.value[c]),
            band=confusion_band.of(rat_spread.value[c]),
            rationaliteiten=[
                rationaliteiten[rat_spread.first[c]],
                rationaliteiten[rat_spread.second[c]],
            ],
        )
        for c in np.flatnonzero(visible & (rat_spread.first >= 0))
    ]
    afspraken, afspraken_hidden = _agreements(dataset, instrument, k)
    obstakels, obstakels_hidden = _obstacles(dataset, instrument, k)
    doc["afspraken"] = afspraken
    doc["obstakels"] = obstakels
    doc["kwadranten"] = _quadrant_counts(dataset, doc["cellen"])
    doc["onderdrukt"] = _suppressed(
        dataset,
        cells,
        visible,
        {
            REDEN_CONDITIES: condition_hidden,
            REDEN_AFSPRAKEN: afspraken_hidden,
            REDEN_OBSTAKELS: obstakels_hidden,
        },
    )
    # Targets are not part of a scan's answers; `core.doelen.doelen_rows` fills this table
    # when targets are given (docs/method.md, "Trend").
    doc["doelen"] = []
    # The verbeteragenda is recorded by people, not measured; the web app adds it.
    doc["agenda"] = []
    doc["meta"] = {
        "versie": __version__,
        "instrument": instrument.versie,
        "k": k,
        "bootstrap": int(settings.bootstrap),
        "seed": int(settings.seed),
        "banden": bands.versie,
    }
    return doc


def _rationaliteit(model: Model, group: str) -> str:
    try:
        return model.group(group).rationaliteit
    except (KeyError, ValueError):
        raise ValueError(
            f"group {group!r} is not in the transitiemodel, so it has no rationaliteit"
        ) from None


def _cell_fields(dataset: Dataset, cells: Cells, c: int | np.integer[Any]) -> CellKey:
    r = dataset.responses
    return CellKey(
        gemeente_code=r.gemeente_codes[cells.gemeente[c]],
        transitie=r.transities[cells.transitie[c]],
        perspectief=r.perspectieven[cells.perspectief[c]],
    )


def _gaps(
    dataset: Dataset,
    cells: Cells,
    replicates: npt.NDArray[np.complex128],
    visible: npt.NDArray[np.bool_],
    bands: Bands,
    replicates_out: dict[str, dict[str, FloatArray]] | None = None,
) -> list[KloofRow]:
    r = dataset.responses
    a, b = gap_pairs(
        cells, r.perspectieven.index("ambitie"), r.perspectieven.index("praktijk"), visible
    )
    found = gaps(cells, replicates, a, b)
    gap_band = bands["kloof"]
    if replicates_out is not None:
        replicates_out["kloof.waarde"] = {
            f"{r.gemeente_codes[cells.gemeente[a[i]]]}|{r.transities[cells.transitie[a[i]]]}": (
                found.replicates[i]
            )
            for i in range(len(a))
        }
    return [
        KloofRow(
            gemeente_code=r.gemeente_codes[cells.gemeente[a[i]]],
            transitie=r.transities[cells.transitie[a[i]]],
            waarde=float(found.value[i]),
            ci=[float(found.low[i]), float(found.high[i])],
            van=quadrant_of(float(cells.cc[a[i]]), float(cells.dc[a[i]])),
            naar=quadrant_of(float(cells.cc[b[i]]), float(cells.dc[b[i]])),
            band=gap_band.of(float(found.value[i])),
        )
        for i in range(len(a))
    ]


def _region_alpha(
    dataset: Dataset,
    cells: Cells,
    centroid_cc: FloatArray,
    centroid_dc: FloatArray,
    shown: npt.NDArray[np.bool_],
) -> list[RegioRow]:
    regio_of = dataset.regio_of()
    cell_regio = [regio_of[dataset.responses.gemeente_codes[g]] for g in cells.gemeente]
    rows = []
    for regio in sorted(set(regio_of.values()), key=lambda v: (v is None, v or "")):
        mask = np.asarray([x == regio for x in cell_regio], dtype=bool)
        alpha = groups_alpha(centroid_cc[mask], centroid_dc[mask], shown[mask])
        rows.append(RegioRow(regio=regio, alpha_groepen=_opt(alpha)))
    return rows


def _conditions(
    dataset: Dataset, instrument: Instrument, k: int, bands: Bands
) -> tuple[list[ConditieRow], set[int]]:
    """Condition rows, and the gemeenten (indexes) with a scale score suppressed below k."""
    r = dataset.responses
    scores: ConditionScores = condition_scores(r, instrument, k)
    rows: list[ConditieRow] = []
    hidden: set[int] = set()
    score_band = bands["conditie"]

    def row(g: int, group: str | None, s: int, mean: float, alpha: float, n: int) -> ConditieRow:
        score = float(mean)
        return ConditieRow(
            gemeente_code=r.gemeente_codes[g],
            groep=group,
            conditie=scores.codes[s],
            score=score,
            alpha=_opt(float(alpha)),
            n=int(n),
            band=score_band.of(score),
        )

    for g in range(len(r.gemeente_codes)):
        for s in range(len(scores.codes)):
            n = int(scores.gemeente_n[g, s])
            if n >= k:
                rows.append(
                    row(g, None, s, scores.gemeente_score[g, s], scores.gemeente_alpha[g, s], n)
                )
            elif n > 0:
                hidden.add(g)
        for grp in range(len(r.groups)):
            for s in range(len(scores.codes)):
                if scores.group_shown[g, grp, s]:
                    rows.append(
                        row(
                            g,
                            r.groups[grp],
                            s,
                            scores.group_score[g, grp, s],
                            scores.group_alpha[g, grp, s],
                            scores.group_n[g, grp, s],
                        )
                    )
    return rows, hidden


def _agreements(
    dataset: Dataset, instrument: Instrument, k: int
) -> tuple[list[dict[str, Any]], set[int]]:
    r = dataset.responses
    codes = [item.code for item in instrument.agreements if item.code in r.gemeente_items]
    rows: list[dict[str, Any]] = []
    hidden: set[int] = set()
    for share in agreement_shares(r, codes):
        if share.n < k:
            hidden.add(share.gemeente)
            continue
        rows.append(
            {
                "gemeente_code": r.gemeente_codes[share.gemeente],
                "afspraak": share.afspraak,
                "ja": share.ja,
                "nee": share.nee,
                "weet_niet": share.weet_niet,
                "n": share.n,
            }
        )
    return rows, hidden


def _obstacles(
    dataset: Dataset, instrument: Instrument, k: int
) -> tuple[list[dict[str, Any]], set[int]]:
    r = dataset.responses
    codes = [item.code for item in instrument.obstacles if item.code in r.gemeente_items]
    rows: list[dict[str, Any]] = []
    hidden: set[int] = set()
    for share in obstacle_shares(r, codes):
        if share.n < k:
            hidden.add(share.gemeente)
            continue
        rows.append(
            {
                "gemeente_code": r.gemeente_codes[share.gemeente],
                "obstakel": share.obstakel,
                "aandeel": share.aandeel,
                "n": share.n,
            }
        )
    return rows, hidden


def _quadrant_counts(dataset: Dataset, cellen: Sequence[CelRow]) -> list[dict[str, Any]]:
    regio_of = dataset.regio_of()
    counts = quadrant_counts(
        (
            Placed(
                regio_of.get(row["gemeente_code"]),
                row["transitie"],
                row["perspectief"],
                row["kwadrant"],
                row["helder"],
            )
            for row in cellen
        ),
        (dataset.responses.transities, dataset.responses.perspectieven),
    )
    return [
        {
            "regio": count.regio,
            "transitie": count.transitie,
            "perspectief": count.perspectief,
            **{q: count.per_kwadrant[q] for q in (*QUADRANTS, "grens")},
            "niet_helder": count.niet_helder,
        }
        for count in counts
    ]


def _suppressed(
    dataset: Dataset,
    cells: Cells,
    visible: npt.NDArray[np.bool_],
    gemeente_level: Mapping[str, set[int]],
) -> list[OnderdruktRow]:
    """Cells and gemeente figures left out below k, without their n (docs/method.md)."""
    r = dataset.responses
    rows: list[OnderdruktRow] = [
        OnderdruktRow(**_cell_fields(dataset, cells, int(c)), reden=REDEN_CEL)
        for c in np.flatnonzero(~visible)
    ]
    for reden, hidden in gemeente_level.items():
        rows.extend(
            OnderdruktRow(
                gemeente_code=r.gemeente_codes[g], transitie=None, perspectief=None, reden=reden
            )
            for g in sorted(hidden)
        )
    return rows


def _spaghetti(dataset: Dataset, praktijk: Mapping[tuple[str, str], CelRow]) -> list[Any]:
    if dataset.mechanismen is None:
        return []
    quadrants: dict[str, list[str]] = {}
    for (gemeente, _), row in praktijk.items():
        quadrants.setdefault(gemeente, []).append(row["kwadrant"])
    return [
        {
            "gemeente_code": s.gemeente_code,
            "n": s.n,
            "kwadranten": s.kwadranten,
            "entropie": s.entropie,
            "transitie_inconsistentie": s.transitie_inconsistentie,
        }
        for s in spaghetti(dataset.responses.gemeente_codes, dataset.mechanismen, quadrants)
    ]


def _fragmentation(
    dataset: Dataset, praktijk: Mapping[tuple[str, str], CelRow]
) -> tuple[list[VersnipperingRow], list[AanbiederRow]]:
    quadrant = {key: row["kwadrant"] for key, row in praktijk.items()}
    contracts = dataset.contracten or ()
    providers = [
        AanbiederRow(
            organisatie=p.organisatie,
            transitie=p.transitie,
            gemeenten=p.gemeenten,
            regimes=p.regimes,
            per_gemeente=dict(p.per_gemeente),
        )
        for p in provider_regimes(contracts, quadrant)
    ]
    regio_of = dataset.regio_of()
    regions: dict[str | None, set[str]] = {}
    for code, regio in regio_of.items():
        regions.setdefault(regio, set()).add(code)
    rows = []
    for regio in sorted(regions, key=lambda v: (v is None, v or "")):
        members = regions[regio]
        in_region = provider_regimes(contracts, quadrant, members)
        for transitie in dataset.responses.transities:
            points = [
                (row["cc"], row["dc"])
                for (g, t), row in praktijk.items()
                if t == transitie and g in members
            ]
            has_contracts = any(p.transitie == transitie for p in in_region)
            if not has_contracts and len(points) < 2:
                continue
            f = fragmentation(regio, transitie, in_region, points)
            rows.append(
                VersnipperingRow(
                    regio=f.regio,
                    transitie=f.transitie,
                    gewogen_gemiddelde=f.gewogen_gemiddelde,
                    aandeel_3_of_meer=f.aandeel_3_of_meer,
                    spreiding=f.spreiding,
                )
            )
    return rows, providers


def round_document(value: Any, digits: int = 4) -> Any:
    """The published form of a document: floats rounded, NaN as null, everything else as is."""
    if isinstance(value, float):
        # + 0.0 turns −0.0 into 0.0, so no output shows "-0.0".
        return None if value != value else round(value, digits) + 0.0
    if isinstance(value, dict):
        return {key: round_document(v, digits) for key, v in value.items()}
    if isinstance(value, list | tuple):
        return [round_document(v, digits) for v in value]
    return value
