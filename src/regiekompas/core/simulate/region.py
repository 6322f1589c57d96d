"""A whole simulated region: the Dataset the measures read, the files a user would import,
and the planted truth behind both.

The generative model, in the order it runs (each step its own random stream, spawned from
the seed, so changing e.g. the number of respondents leaves the planted positions as
they were):

1. places — Twente, then synthetic gemeenten (`places`);
2. positions — per gemeente × transitie an ambitie and a praktijk point (`positions`);
3. network — providers, welfare organisations and insurers with contracts (`network`);
4. respondents — groups, organisations and answered transities (`respondents`);
5. answers — axis items from position + group bias + respondent and item noise, condition,
   agreement and obstacle items from gemeente levels + group shift + respondent trait
   (`answers`);
6. mechanisms — the spaghetti, more of it where practice differs per transitie
   (`mechanisms`);
7. truth — the exact expected measured values (`truth`, `expectation`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from regiekompas.core.dataset import Dataset, FloatArray, build_responses
from regiekompas.core.instrument import Instrument, load_instrument
from regiekompas.core.io.headers import LONG_COLUMNS, REGION_KINDS
from regiekompas.core.simulate.answers import axis_answers, centred_offsets, gemeente_answers
from regiekompas.core.simulate.mechanisms import MechanismRow, as_mechanismen, draw_mechanisms
from regiekompas.core.simulate.network import build_network
from regiekompas.core.simulate.params import SimulationParams
from regiekompas.core.simulate.places import simulated_gemeenten
from regiekompas.core.simulate.positions import plant_positions
from regiekompas.core.simulate.respondents import draw_respondents, other_organisaties
from regiekompas.core.simulate.truth import PlantedTruth, axis_truth, condition_truth
from regiekompas.core.vocabulary import CONDITIONS, PERSPECTIEVEN

Cell = str | int | float | None
Row = tuple[Cell, ...]
TableData = tuple[tuple[str, ...], list[Row]]

#: Column headers of the import files (docs/method.md, "Import files"), as the importer
#: expects them.
HEADERS: dict[str, tuple[str, ...]] = {
    "antwoorden": LONG_COLUMNS,
    **{
        kind: REGION_KINDS[kind][0] + REGION_KINDS[kind][1]
        for kind in ("gemeenten", "organisaties", "contracten", "mechanismen")
    },
}


def _answer(value: float) -> int | None:
    return None if value != value else int(value)


@dataclass(frozen=True, eq=False)
class SimulatedRegion:
    """A simulated scan: `dataset` for the measures, `tables()` for files, `truth` for tests."""

    params: SimulationParams
    dataset: Dataset
    truth: PlantedTruth
    mechanism_rows: tuple[MechanismRow, ...]

    def iter_long_rows(self) -> Iterator[Row]:
        """Long-format answer rows, per respondent: axis rows, then the gemeente items."""
        r = self.dataset.responses
        order = np.lexsort((r.obs_perspectief, r.obs_transitie, r.obs_respondent))
        obs_by_resp = np.split(
            order, np.searchsorted(r.obs_respondent[order], np.arange(1, len(r.respondent_ids)))
        )
        gem_order = np.argsort(r.gem_respondent, kind="stable")
        gem_by_resp = np.split(
            gem_order,
            np.searchsorted(r.gem_respondent[gem_order], np.arange(1, len(r.respondent_ids))),
        )
        for i, rid in enumerate(r.respondent_ids):
            groep = r.groups[int(r.respondent_group[i])]
            org = r.respondent_org[i]
            for o in obs_by_resp[i].tolist():
                lead = (
                    rid,
                    groep,
                    org,
                    r.gemeente_codes[int(r.obs_gemeente[o])],
                    r.transities[int(r.obs_transitie[o])],
                    r.perspectieven[int(r.obs_perspectief[o])],
                )
                for item, value in zip(r.axis_items, r.axis_answers[o].tolist(), strict=True):
                    yield (*lead, item, _answer(value))
            for o in gem_by_resp[i].tolist():
                lead = (rid, groep, org, r.gemeente_codes[int(r.gem_gemeente[o])], "", "")
                for item, value in zip(
                    r.gemeente_items, r.gemeente_answers[o].tolist(), strict=True
                ):
                    yield (*lead, item, _answer(value))

    def long_rows(self) -> list[Row]:
        return list(self.iter_long_rows())

    def tables(self) -> dict[str, TableData]:
        """Every import file (docs/method.md) as (header, rows), in a stable order."""
        return {name: (header, list(rows)) for name, (header, rows) in self.iter_tables().items()}

    def iter_tables(self) -> dict[str, tuple[tuple[str, ...], Iterable[Row]]]:
        """As `tables`, with the answer rows generated while they are written."""
        ds = self.dataset
        rows: dict[str, Iterable[Row]] = {
            "antwoorden": self.iter_long_rows(),
            "gemeenten": [(g.code, g.naam, g.regio) for g in ds.gemeenten or ()],
            "organisaties": [(o.naam, o.type) for o in ds.organisaties or ()],
            "contracten": [
                (c.organisatie, c.gemeente_code, c.transitie) for c in ds.contracten or ()
            ],
            "mechanismen": [
                (m.gemeente_code, m.naam, m.type, ";".join(m.transities), m.cc, m.dc)
                for m in self.mechanism_rows
            ],
        }
        return {name: (HEADERS[name], rows[name]) for name in HEADERS}


def simulate_region(
    params: SimulationParams | None = None, *, instrument: Instrument | None = None
) -> SimulatedRegion:
    """Simulate a region; the same params (and instrument) always give the same region."""
    params = params or SimulationParams()
    instrument = instrument or load_instrument()
    streams = np.random.SeedSequence(params.seed).spawn(7)
    rng_positions, rng_network, rng_resp, rng_items, rng_axis, rng_cond, rng_mech = (
        np.random.default_rng(s) for s in streams
    )

    gemeenten = simulated_gemeenten(params.gemeenten)
    transities = params.transitie_order
    positions = plant_positions(params, len(gemeenten), rng_positions)
    network = build_network(params, gemeenten, rng_network)
    respondents = draw_respondents(params, gemeenten, network, rng_resp)

    # fixed item offsets, centred per axis and per condition scale
    axis_codes = instrument.axis_item_codes
    is_cc = np.asarray([code.startswith("cc") for code in axis_codes])
    axis_offsets = np.zeros(len(axis_codes))
    axis_offsets[is_cc] = centred_offsets(int(is_cc.sum()), params.item_spread, rng_items)
    axis_offsets[~is_cc] = centred_offsets(int((~is_cc).sum()), params.item_spread, rng_items)
    scale_offsets = [
        centred_offsets(len(scale.items), params.item_spread, rng_items)
        for scale in instrument.scales
    ]

    biases = params.bias * np.asarray(
        [[profile.bias(p) for p in PERSPECTIEVEN] for profile in params.groups]
    )
    shifts = params.bias * np.asarray([profile.conditie for profile in params.groups])

    axis = axis_answers(
        params,
        instrument,
        positions.points,
        biases,
        respondents.gemeente,
        respondents.group,
        respondents.answers,
        axis_offsets,
        rng_axis,
    )

    conditions = tuple(scale.code for scale in instrument.scales)
    base_levels = np.asarray(
        [
            params.condition_levels[CONDITIONS.index(c)] if c in CONDITIONS else 0.0
            for c in conditions
        ]
    )
    levels: FloatArray = np.clip(
        base_levels
        + rng_cond.normal(
            0.0, params.condition_gemeente_sd, size=(len(gemeenten), len(conditions))
        ),
        -params.position_limit,
        params.position_limit,
    )
    gem_answers = gemeente_answers(
        params,
        instrument,
        levels,
        shifts,
        respondents.gemeente,
        respondents.group,
        np.concatenate(scale_offsets) if scale_offsets else np.zeros(0),
        rng_cond,
    )

    mechanism_rows = draw_mechanisms(params, instrument, gemeenten, positions, rng_mech)
    network_orgs = network.organisaties()
    organisaties = network_orgs + other_organisaties(
        respondents, params, {o.naam for o in network_orgs}
    )

    responses = build_responses(
        respondent_ids=respondents.ids,
        respondent_group=[params.groups[int(j)].code for j in respondents.group],
        respondent_org=respondents.org,
        transities=transities,
        axis_items=axis_codes,
        gemeente_items=instrument.gemeente_item_codes,
        gemeente_codes=[g.code for g in gemeenten],
        obs_respondent=axis.respondent,
        obs_gemeente=respondents.gemeente[axis.respondent],
        obs_transitie=axis.transitie,
        obs_perspectief=axis.perspectief,
        axis_answers=axis.answers,
        gem_respondent=np.arange(len(respondents.ids), dtype=np.intp),
        gem_gemeente=respondents.gemeente,
        gemeente_answers=gem_answers,
    )
    dataset = Dataset(
        responses=responses,
        gemeenten=gemeenten,
        organisaties=organisaties,
        contracten=network.contracten(gemeenten),
        mechanismen=as_mechanismen(mechanism_rows, instrument),
    )

    cells, group_cells, cell_shares, latent, regimes = axis_truth(
        params,
        gemeenten,
        positions.points,
        positions.praktijk_regime,
        biases,
        respondents.cell_shares,
        (axis_offsets[is_cc], axis_offsets[~is_cc]),
    )
    condities, condition_groups = condition_truth(
        params, gemeenten, conditions, levels, shifts, respondents.shares, scale_offsets
    )
    codes = [profile.code for profile in params.groups]
    truth = PlantedTruth(
        cells=cells,
        groups=group_cells,
        cell_shares=cell_shares,
        latent=latent,
        praktijk_regime=regimes,
        group_bias={
            (profile.code, p): (float(biases[j, k, 0]), float(biases[j, k, 1]))
            for j, profile in enumerate(params.groups)
            for k, p in enumerate(PERSPECTIEVEN)
        },
        condities=condities,
        condition_groups=condition_groups,
        conditie_latent={
            (g.code, c): 50.0 + 50.0 * float(levels[i, k])
            for i, g in enumerate(gemeenten)
            for k, c in enumerate(conditions)
        },
        group_shares={
            g.code: dict(zip(codes, respondents.shares[i].tolist(), strict=True))
            for i, g in enumerate(gemeenten)
        },
        item_offsets={
            **dict(zip(axis_codes, axis_offsets.tolist(), strict=True)),
            **{
                item.code: float(offsets[k])
                for scale, offsets in zip(instrument.scales, scale_offsets, strict=True)
                for k, item in enumerate(scale.items)
            },
        },
    )
    return SimulatedRegion(
        params=params, dataset=dataset, truth=truth, mechanism_rows=mechanism_rows
    )
