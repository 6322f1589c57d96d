"""Parameter recovery with planned subsets: respondents who work for many gemeenten answer
for at most three, chosen by `core.questionnaire.assignment`, and cell positions are still
recovered (docs/questionnaire.md, "Less to answer, same measurement").

The simulated region (`core.simulate`) gives every respondent one gemeente. Here the
provider respondents of one organisation are chained into people who work for all the
gemeenten their organisation serves (the i-th respondent of the organisation in each of
its gemeenten is one person); everyone else works for one gemeente. Every person works on
all four transities, so a gemeente respondent has 4 gemeente × transitie cells and a
provider person up to 4 × 14. Then each person, in a random order of arrival, gets their
planned subset — at most 3 gemeenten and 3 cells, balanced over the people before them —
and only the answers of those cells (and gemeenten) are kept.

Which answers are kept depends only on the plan, never on the answers: within a group the
answers of a cell are missing completely at random. The mix of groups in a cell does change
(someone who works for 14 gemeenten answers for a smaller share of them than someone who
works for one), so the value to recover is the planted expectation for the planned mix:
the groups' planted positions weighted by their shares and their kept fraction in the cell.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

import numpy as np
import pytest

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.dataset import Dataset, build_responses
from regiekompas.core.instrument import load_instrument
from regiekompas.core.questionnaire import BLOCK_GEMEENTEN, SCALES_ASKED, plan_for
from regiekompas.core.simulate import SimulatedRegion, SimulationParams, simulate_region
from regiekompas.core.simulate.params import PROVIDER_GROUPS

pytestmark = pytest.mark.slow

CAP = 3
#: Respondents per gemeente before the subsets: with the subsets a cell keeps about 30 (median
#: 31, at least 26), the demo's response per gemeente (`web/demo.py`).
POOL = 52


def _people(region: SimulatedRegion) -> list[list[int]]:
    """Indices of respondent units per person (one unit = one respondent in one gemeente)."""
    r = region.dataset.responses
    units_of: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    people: list[list[int]] = []
    gemeente_of = np.zeros(len(r.respondent_ids), dtype=np.intp)
    gemeente_of[r.gem_respondent] = r.gem_gemeente
    for i in range(len(r.respondent_ids)):
        groep = r.groups[int(r.respondent_group[i])]
        if groep in PROVIDER_GROUPS:
            units_of[f"{groep}|{r.respondent_org[i]}"][int(gemeente_of[i])].append(i)
        else:
            people.append([i])
    for per_gemeente in units_of.values():
        depth = max(len(units) for units in per_gemeente.values())
        for k in range(depth):
            people.append([units[k] for units in per_gemeente.values() if len(units) > k])
    return people


def _planned(region: SimulatedRegion, seed: int) -> tuple[Dataset, dict[tuple[str, str], float]]:
    """The dataset with only the planned answers, and the kept fraction per (cell, group)."""
    r = region.dataset.responses
    codes, transities = r.gemeente_codes, r.transities
    gemeente_of = np.zeros(len(r.respondent_ids), dtype=np.intp)
    gemeente_of[r.gem_respondent] = r.gem_gemeente
    people = _people(region)
    order = np.random.default_rng(seed).permutation(len(people))
    gemeente_load: Counter[str] = Counter()
    cell_load: Counter[tuple[str, str]] = Counter()
    block_load: Counter[str] = Counter()
    scale_load: Counter[str] = Counter()
    keep_cells: set[tuple[int, str, str]] = set()  # (unit, gemeente, transitie)
    keep_gemeente: dict[int, set[str]] = {}  # unit → the gemeente-level items it keeps
    scales = load_instrument().scales
    scale_codes = [scale.code for scale in scales]
    other_items = set(r.gemeente_items) - {c for scale in scales for c in scale.item_codes}
    for p in order.tolist():
        units = {codes[int(gemeente_of[u])]: u for u in people[p]}
        plan = plan_for(
            list(units),
            list(transities),
            CAP,
            gemeente_load=gemeente_load,
            cell_load=cell_load,
            seed=f"{seed}:{p}",
            block_cap=BLOCK_GEMEENTEN,
            block_load=block_load,
            scales=scale_codes,
            scales_asked=SCALES_ASKED,
            scale_load=scale_load,
        )
        gemeente_load.update(plan.gemeenten)
        cell_load.update(plan.cells)
        block_load.update(plan.block_gemeenten)
        asked = plan.scales if plan.scales is not None else scale_codes
        scale_load.update(asked)
        items = other_items | {c for sc in scales if sc.code in asked for c in sc.item_codes}
        keep_gemeente.update({units[g]: items for g in plan.block_gemeenten})
        keep_cells.update((units[g], g, t) for g, t in plan.cells)

    obs_keep = np.asarray(
        [
            (int(u), codes[int(g)], transities[int(t)]) in keep_cells
            for u, g, t in zip(r.obs_respondent, r.obs_gemeente, r.obs_transitie, strict=True)
        ]
    )
    gem_answers = r.gemeente_answers.copy()
    for j, code in enumerate(r.gemeente_items):
        dropped = [code not in keep_gemeente.get(int(u), ()) for u in r.gem_respondent]
        gem_answers[np.asarray(dropped, dtype=bool), j] = np.nan
    gem_keep = np.asarray([int(u) in keep_gemeente for u in r.gem_respondent])
    responses = build_responses(
        respondent_ids=r.respondent_ids,
        respondent_group=[r.groups[int(j)] for j in r.respondent_group],
        respondent_org=r.respondent_org,
        transities=transities,
        axis_items=r.axis_items,
        gemeente_items=r.gemeente_items,
        gemeente_codes=codes,
        obs_respondent=r.obs_respondent[obs_keep],
        obs_gemeente=r.obs_gemeente[obs_keep],
        obs_transitie=r.obs_transitie[obs_keep],
        obs_perspectief=r.obs_perspectief[obs_keep],
        axis_answers=r.axis_answers[obs_keep],
        gem_respondent=r.gem_respondent[gem_keep],
        gem_gemeente=r.gem_gemeente[gem_keep],
        gemeente_answers=gem_answers[gem_keep],
    )
    pool: Counter[tuple[str, str]] = Counter()
    kept: Counter[tuple[str, str, str]] = Counter()
    for u in range(len(r.respondent_ids)):
        groep = r.groups[int(r.respondent_group[u])]
        g = codes[int(gemeente_of[u])]
        pool[(g, groep)] += 1
        for t in transities:
            kept[(g, t, groep)] += (u, g, t) in keep_cells
    fraction = {
        (f"{g}|{t}", groep): kept[(g, t, groep)] / pool[(g, groep)]
        for (g, groep) in pool
        for t in transities
    }
    return dataclasses.replace(region.dataset, responses=responses), fraction


def _truth(
    region: SimulatedRegion, fraction: dict[tuple[str, str], float], key: tuple[str, str, str]
) -> tuple[float, float]:
    g, t, p = key
    shares = region.truth.cell_shares[(g, t)]
    weights = {j: s * fraction.get((f"{g}|{t}", j), 0.0) for j, s in shares.items()}
    total = sum(weights.values())
    cc = sum(w * region.truth.groups[(g, t, p, j)][0] for j, w in weights.items()) / total
    dc = sum(w * region.truth.groups[(g, t, p, j)][1] for j, w in weights.items()) / total
    return cc, dc


def _recovery(seed: int) -> tuple[list[float], list[bool], list[int], list[float]]:
    region = simulate_region(
        SimulationParams(gemeenten=14, respondenten=POOL, seed=seed, all_cells=True)
    )
    dataset, fraction = _planned(region, seed)
    document = analyse(dataset, settings=Settings(k=5, bootstrap=1000, seed=seed))
    errors, covered, sizes, shifts = [], [], [], []
    for cell in document["cellen"]:
        key = (cell["gemeente_code"], cell["transitie"], cell["perspectief"])
        cc, dc = _truth(region, fraction, key)
        errors.append(max(abs(cell["cc"] - cc), abs(cell["dc"] - dc)))
        covered.append(cell["cc_ci"][0] <= cc <= cell["cc_ci"][1])
        covered.append(cell["dc_ci"][0] <= dc <= cell["dc_ci"][1])
        sizes.append(cell["n"])
        full = region.truth.cells[key]
        shifts.append(max(abs(full[0] - cc), abs(full[1] - dc)))
    return errors, covered, sizes, shifts


def test_planned_subsets_keep_cell_positions_within_0_1_and_intervals_honest() -> None:
    errors: list[float] = []
    covered: list[bool] = []
    sizes: list[int] = []
    shifts: list[float] = []
    for seed in (21, 22, 23, 24, 25):
        e, c, n, s = _recovery(seed)
        errors += e
        covered += c
        sizes += n
        shifts += s
    within = float(np.mean(np.asarray(errors) <= 0.1))
    coverage = float(np.mean(covered))
    print(
        f"\ncells {len(errors)}, median n {np.median(sizes):.0f} (min {min(sizes)}), "
        f"within 0.1: {within:.1%}, 95% CI coverage: {coverage:.1%}, "
        f"mix shift vs all answers: median {np.median(shifts):.3f}, max {max(shifts):.3f}"
    )
    assert len(errors) == 5 * 14 * 4 * 2
    assert within >= 0.95, f"only {within:.1%} of cells within 0.1 of the planted position"
    assert 0.90 <= coverage <= 0.99, f"95 % intervals covered the planted value in {coverage:.1%}"


def test_every_planned_cell_gets_answers_spread_evenly() -> None:
    region = simulate_region(
        SimulationParams(gemeenten=14, respondenten=POOL, seed=21, all_cells=True)
    )
    dataset, _fraction = _planned(region, 21)
    r = dataset.responses
    per_cell = Counter(zip(r.obs_gemeente.tolist(), r.obs_transitie.tolist(), strict=True))
    counts = np.asarray(list(per_cell.values())) / 2  # two perspectieven per respondent
    assert len(per_cell) == 14 * 4
    assert counts.min() >= 0.8 * np.median(counts)


def _conditions(
    document: dict[str, object],
) -> dict[tuple[str, str], tuple[float, int, float | None]]:
    rows = document["condities"]
    assert isinstance(rows, list)
    return {
        (row["gemeente_code"], row["conditie"]): (row["score"], row["n"], row["alpha"])
        for row in rows
        if row["groep"] is None
    }


def test_condition_scores_of_every_gemeente_stay_measured_with_the_planned_scales() -> None:
    """Every respondent answers 3 of the 5 scales, whole, for one gemeente: every gemeente ×
    scale keeps a score with a reliability, close to what all answers give."""
    region = simulate_region(
        SimulationParams(gemeenten=14, respondenten=POOL, seed=21, all_cells=True)
    )
    dataset, _fraction = _planned(region, 21)
    settings = Settings(k=5, bootstrap=50, seed=21)
    planned = _conditions(analyse(dataset, settings=settings))
    full = _conditions(analyse(region.dataset, settings=settings))
    differences = [abs(planned[key][0] - full[key][0]) for key in full]
    n_planned = [planned[key][1] for key in full]
    n_full = [full[key][1] for key in full]
    print(
        f"\ncondition scores (0–100), {len(full)} gemeente × scale: "
        f"n median {np.median(n_full):.0f} → {np.median(n_planned):.0f} (min {min(n_planned)}); "
        f"|planned − all answers| median "
        f"{np.median(differences):.1f}, max {max(differences):.1f} points"
    )
    assert set(planned) == set(full)
    assert len(full) == 14 * 5
    assert all(alpha is not None for _score, _n, alpha in planned.values())
    assert min(n_planned) >= 5
    assert np.median(differences) <= 5.0
