"""One full analysis of a scan: every measure of product.md §4 as the document of §10.

This is the single function behind `regiekompas analyse`, the web pages and the reports, so
a figure is computed in one place. The document holds unrounded floats; `round_document`
gives the published form (4 decimals). Group breakdowns pass through `shown_groups`
(k-anonymity) before anything is put into the document, so no output path can leak them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from regiekompas import __version__
from regiekompas.core.dataset import Dataset, FloatArray
from regiekompas.core.instrument import Instrument, load_instrument
from regiekompas.core.measures.agreement import grouped_rwg, krippendorff_alpha_interval
from regiekompas.core.measures.anonymity import check_k, shown_groups
from regiekompas.core.measures.bootstrap import ProgressFn, bootstrap_cell_means, percentile_ci
from regiekompas.core.measures.conditions import (
    grouped_cronbach_alpha,
    grouped_mean,
    scale_scores,
    to_percent,
)
from regiekompas.core.measures.fragmentation import fragmentation, provider_regimes
from regiekompas.core.measures.positions import Cells, cell_positions, respondent_positions
from regiekompas.core.measures.spaghetti import spaghetti
from regiekompas.core.vocabulary import MAX_DISTANCE, quadrant_of

Document = dict[str, Any]


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
    progress: ProgressFn | None = None,
) -> Document:
    """All measures of one scan; `core.pipeline` adds the advice."""
    settings = settings or Settings()
    k = check_k(settings.k)
    instrument = instrument or load_instrument()
    r = dataset.responses
    n_groups = len(r.groups)

    positions = respondent_positions(r, instrument)
    cells = cell_positions(r, positions)
    keys = [
        f"{r.gemeente_codes[g]}|{r.transities[t]}|{r.perspectieven[p]}"
        for g, t, p in zip(cells.gemeente, cells.transitie, cells.perspectief, strict=True)
    ]
    replicates = bootstrap_cell_means(
        cells, keys, replicates=settings.bootstrap, seed=settings.seed, progress=progress
    )
    cc_low, cc_high = percentile_ci(replicates.real)
    dc_low, dc_high = percentile_ci(replicates.imag)

    doc: Document = {}
    doc["cellen"] = [
        {
            "gemeente_code": r.gemeente_codes[cells.gemeente[c]],
            "transitie": r.transities[cells.transitie[c]],
            "perspectief": r.perspectieven[cells.perspectief[c]],
            "n": int(cells.n[c]),
            "cc": float(cells.cc[c]),
            "dc": float(cells.dc[c]),
            "cc_ci": [float(cc_low[c]), float(cc_high[c])],
            "dc_ci": [float(dc_low[c]), float(dc_high[c])],
            "kwadrant": quadrant_of(float(cells.cc[c]), float(cells.dc[c])),
            "helder": bool(cc_low[c] > 0 or cc_high[c] < 0)
            and bool(dc_low[c] > 0 or dc_high[c] < 0),
        }
        for c in range(len(cells))
    ]

    # Groups within cells: centroids, agreement and k-anonymity.
    cell_group = cells.cell_of_row * n_groups + cells.group_of_row
    size = len(cells) * n_groups
    counts = np.bincount(cell_group, minlength=size).reshape(len(cells), n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        centroid_cc = np.bincount(cell_group, weights=cells.x, minlength=size) / counts.ravel()
        centroid_dc = np.bincount(cell_group, weights=cells.y, minlength=size) / counts.ravel()
    centroid_cc = centroid_cc.reshape(len(cells), n_groups)
    centroid_dc = centroid_dc.reshape(len(cells), n_groups)
    shown = shown_groups(counts, k)

    raw = r.axis_answers[cells.rows]
    axis_cols = {
        axis: [r.axis_items.index(code) for code in instrument.axis_codes(axis)]
        for axis in ("cc", "dc")
    }
    rwg_group = {
        axis: grouped_rwg(raw[:, cols], cell_group, size).reshape(len(cells), n_groups)
        for axis, cols in axis_cols.items()
    }
    rwg_cell = {
        axis: grouped_rwg(raw[:, cols], cells.cell_of_row, len(cells))
        for axis, cols in axis_cols.items()
    }

    doc["groepen"] = [
        {
            "gemeente_code": r.gemeente_codes[cells.gemeente[c]],
            "transitie": r.transities[cells.transitie[c]],
            "perspectief": r.perspectieven[cells.perspectief[c]],
            "groep": r.groups[g],
            "n": int(counts[c, g]),
            "cc": float(centroid_cc[c, g]),
            "dc": float(centroid_dc[c, g]),
            "rwg": {"cc": _opt(rwg_group["cc"][c, g]), "dc": _opt(rwg_group["dc"][c, g])},
        }
        for c, g in zip(*np.nonzero(shown), strict=True)
    ]

    doc["kloof"] = _gaps(dataset, cells, replicates)
    doc["spraakverwarring"] = _confusion(dataset, cells, centroid_cc, centroid_dc, shown, rwg_cell)
    doc["regio"] = _region_alpha(dataset, cells, centroid_cc, centroid_dc, shown)
    doc["condities"] = _conditions(dataset, instrument, k)
    praktijk = {
        (row["gemeente_code"], row["transitie"]): row
        for row in doc["cellen"]
        if row["perspectief"] == "praktijk"
    }
    doc["spaghetti"] = _spaghetti(dataset, praktijk)
    doc["versnippering"], doc["aanbieders"] = _fragmentation(dataset, praktijk)
    doc["advies"] = []
    doc["meta"] = {
        "versie": __version__,
        "instrument": instrument.versie,
        "k": k,
        "bootstrap": int(settings.bootstrap),
        "seed": int(settings.seed),
    }
    return doc


def _gaps(dataset: Dataset, cells: Cells, replicates: np.ndarray) -> list[dict[str, Any]]:
    """Ambitie–praktijkkloof (§4.3): ‖ambitie − praktijk‖ / 2√2, in 0 … 1.

    Its interval is the percentile interval of the same distance over the paired bootstrap
    replicates of the two cells, and `van` → `naar` is the quadrant shift.
    """
    r = dataset.responses
    index = {
        (int(g), int(t), int(p)): c
        for c, (g, t, p) in enumerate(
            zip(cells.gemeente, cells.transitie, cells.perspectief, strict=True)
        )
    }
    amb, prak = r.perspectieven.index("ambitie"), r.perspectieven.index("praktijk")
    pairs = [
        (a, index[(g, t, prak)])
        for (g, t, p), a in index.items()
        if p == amb and (g, t, prak) in index
    ]
    if not pairs:
        return []
    a_idx = np.asarray([a for a, _ in pairs], dtype=np.intp)
    b_idx = np.asarray([b for _, b in pairs], dtype=np.intp)
    values = np.abs((cells.cc[a_idx] - cells.cc[b_idx]) + 1j * (cells.dc[a_idx] - cells.dc[b_idx]))
    low, high = percentile_ci(np.abs(replicates[a_idx] - replicates[b_idx]) / MAX_DISTANCE)
    return [
        {
            "gemeente_code": r.gemeente_codes[cells.gemeente[a]],
            "transitie": r.transities[cells.transitie[a]],
            "waarde": float(values[i] / MAX_DISTANCE),
            "ci": [float(low[i]), float(high[i])],
            "van": quadrant_of(float(cells.cc[a]), float(cells.dc[a])),
            "naar": quadrant_of(float(cells.cc[b]), float(cells.dc[b])),
        }
        for i, (a, b) in enumerate(pairs)
    ]


def _confusion(
    dataset: Dataset,
    cells: Cells,
    centroid_cc: FloatArray,
    centroid_dc: FloatArray,
    shown: np.ndarray,
    rwg_cell: Mapping[str, FloatArray],
) -> list[dict[str, Any]]:
    """Spraakverwarring (§4.4): max over pairs of shown groups of ‖c_a − c_b‖ / 2√2.

    Only groups that pass k-anonymity have a centroid here; with fewer than two of them the
    index is undefined (null) but the cell's r_wg(J) is still reported. Ties go to the pair
    that comes first alphabetically.
    """
    r = dataset.responses
    if len(cells) == 0:
        return []
    z = np.where(shown, centroid_cc + 1j * centroid_dc, np.nan)
    dist = np.abs(z[:, :, None] - z[:, None, :]) / MAX_DISTANCE
    upper = np.triu(np.ones(dist.shape[1:], dtype=bool), k=1)
    dist = np.where(upper[None] & ~np.isnan(dist), dist, -1.0)
    flat = dist.reshape(len(cells), -1)
    best = np.argmax(flat, axis=1)
    rows = []
    for c in range(len(cells)):
        value = float(flat[c, best[c]])
        pair: list[str] = []
        if value >= 0:
            i, j = divmod(int(best[c]), dist.shape[1])
            pair = [r.groups[i], r.groups[j]]
        rows.append(
            {
                "gemeente_code": r.gemeente_codes[cells.gemeente[c]],
                "transitie": r.transities[cells.transitie[c]],
                "perspectief": r.perspectieven[cells.perspectief[c]],
                "waarde": value if value >= 0 else None,
                "groepen": pair,
                "rwg": {"cc": _opt(rwg_cell["cc"][c]), "dc": _opt(rwg_cell["dc"][c])},
            }
        )
    return rows


def _region_alpha(
    dataset: Dataset,
    cells: Cells,
    centroid_cc: FloatArray,
    centroid_dc: FloatArray,
    shown: np.ndarray,
) -> list[dict[str, Any]]:
    """Krippendorff's α per region: units (cell, axis), coders the shown groups."""
    regio_of = dataset.regio_of()
    cell_regio = [regio_of[dataset.responses.gemeente_codes[g]] for g in cells.gemeente]
    rows = []
    for regio in sorted(set(regio_of.values()), key=lambda v: (v is None, v or "")):
        mask = np.asarray([x == regio for x in cell_regio], dtype=bool)
        units = np.concatenate(
            [
                np.where(shown[mask], centroid_cc[mask], np.nan),
                np.where(shown[mask], centroid_dc[mask], np.nan),
            ]
        )
        rows.append({"regio": regio, "alpha_groepen": _opt(krippendorff_alpha_interval(units))})
    return rows


def _conditions(dataset: Dataset, instrument: Instrument, k: int) -> list[dict[str, Any]]:
    r = dataset.responses
    scores = scale_scores(r, instrument)
    n_gem, n_groups = len(r.gemeente_codes), len(r.groups)
    gem = r.gem_gemeente
    gem_group = gem * n_groups + r.gem_group
    size = n_gem * n_groups
    rows: list[dict[str, Any]] = []
    per_scale = []
    for s, code in enumerate(scores.codes):
        mean_g, n_g = grouped_mean(scores.scores[:, s], gem, n_gem)
        alpha_g = grouped_cronbach_alpha(scores.complete[s], gem, n_gem)
        mean_gg, n_gg = grouped_mean(scores.scores[:, s], gem_group, size)
        alpha_gg = grouped_cronbach_alpha(scores.complete[s], gem_group, size)
        # Each scale's group breakdown is its own table: k-anonymity on its own counts.
        shown = shown_groups(n_gg.reshape(n_gem, n_groups), k)
        per_scale.append((code, mean_g, n_g, alpha_g, mean_gg, n_gg, alpha_gg, shown))
    for g in range(n_gem):
        for code, mean_g, n_g, alpha_g, *_ in per_scale:
            if n_g[g] > 0:
                rows.append(
                    _condition_row(r.gemeente_codes[g], None, code, mean_g[g], alpha_g[g], n_g[g])
                )
        for grp in range(n_groups):
            for code, *_, mean_gg, n_gg, alpha_gg, shown in per_scale:
                i = g * n_groups + grp
                if shown[g, grp]:
                    rows.append(
                        _condition_row(
                            r.gemeente_codes[g],
                            r.groups[grp],
                            code,
                            mean_gg[i],
                            alpha_gg[i],
                            n_gg[i],
                        )
                    )
    return rows


def _condition_row(
    gemeente: str, group: str | None, code: str, mean: float, alpha: float, n: int
) -> dict[str, Any]:
    return {
        "gemeente_code": gemeente,
        "groep": group,
        "conditie": code,
        "score": float(to_percent(np.asarray(mean, dtype=np.float64))),
        "alpha": _opt(float(alpha)),
        "n": int(n),
    }


def _spaghetti(dataset: Dataset, praktijk: Mapping[tuple[str, str], Any]) -> list[dict[str, Any]]:
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
    dataset: Dataset, praktijk: Mapping[tuple[str, str], Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    quadrant = {key: row["kwadrant"] for key, row in praktijk.items()}
    contracts = dataset.contracten or ()
    providers = [
        {
            "organisatie": p.organisatie,
            "transitie": p.transitie,
            "gemeenten": p.gemeenten,
            "regimes": p.regimes,
        }
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
                {
                    "regio": f.regio,
                    "transitie": f.transitie,
                    "gewogen_gemiddelde": f.gewogen_gemiddelde,
                    "aandeel_3_of_meer": f.aandeel_3_of_meer,
                    "spreiding": f.spreiding,
                }
            )
    return rows, providers


def round_document(value: Any, digits: int = 4) -> Any:
    """The published form of a document: floats rounded, NaN as null, everything else as is."""
    if isinstance(value, float):
        return None if value != value else round(value, digits)
    if isinstance(value, dict):
        return {key: round_document(v, digits) for key, v in value.items()}
    if isinstance(value, list | tuple):
        return [round_document(v, digits) for v in value]
    return value
