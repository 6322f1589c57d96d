"""The simulated region: deterministic, shaped like the field (product.md §11), importable."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from regiekompas.core.instrument import load_instrument
from regiekompas.core.simulate import (
    TWENTE,
    SimulatedRegion,
    SimulationParams,
    simulate_region,
    write_region,
)
from regiekompas.core.vocabulary import quadrant_of

GEMEENTE_GROUPS = ("gemeente_bestuur", "gemeente_beleid", "gemeente_inkoop")
PROVIDER_GROUPS = ("aanbieder_bestuur", "aanbieder_professional", "welzijn", "wijkteam")


@pytest.fixture(scope="module")
def region() -> SimulatedRegion:
    return simulate_region(SimulationParams())


def respondent_positions(region: SimulatedRegion) -> tuple[np.ndarray, np.ndarray]:
    """cc and dc per axis observation, computed here independently of the measures."""
    instrument = load_instrument()
    r = region.dataset.responses
    keying = np.asarray(instrument.axis_keying, dtype=float)
    scores = (r.axis_answers - 3.0) / 2.0 * keying
    out = []
    for axis in ("cc", "dc"):
        cols = [r.axis_items.index(code) for code in instrument.axis_codes(axis)]
        values = scores[:, cols]
        answered = (~np.isnan(values)).sum(axis=1)
        mean = np.nansum(values, axis=1) / np.maximum(answered, 1)
        out.append(np.where(2 * answered >= len(cols), mean, np.nan))
    return out[0], out[1]


# --- determinism ----------------------------------------------------------------------------


def test_same_seed_gives_identical_arrays_and_truth(region: SimulatedRegion) -> None:
    again = simulate_region(SimulationParams())
    a, b = region.dataset.responses, again.dataset.responses
    np.testing.assert_array_equal(a.axis_answers, b.axis_answers)
    np.testing.assert_array_equal(a.gemeente_answers, b.gemeente_answers)
    assert a.respondent_ids == b.respondent_ids
    assert a.respondent_org == b.respondent_org
    assert region.truth.cells == again.truth.cells
    assert region.tables() == again.tables()


def test_another_seed_gives_another_region(region: SimulatedRegion) -> None:
    other = simulate_region(SimulationParams(seed=1))
    assert region.truth.cells != other.truth.cells
    assert region.tables()["antwoorden"] != other.tables()["antwoorden"]


def test_more_respondents_keep_the_planted_positions(region: SimulatedRegion) -> None:
    bigger = simulate_region(SimulationParams(respondenten=60))
    assert bigger.truth.latent == region.truth.latent


# --- places ---------------------------------------------------------------------------------


def test_default_region_is_twente_with_cbs_codes(region: SimulatedRegion) -> None:
    gemeenten = region.dataset.gemeenten or ()
    assert [(g.code, g.naam) for g in gemeenten] == list(TWENTE)
    assert {g.regio for g in gemeenten} == {"Twente"}
    assert ("GM0153", "Enschede") in TWENTE
    assert len(TWENTE) == 14


def test_fewer_gemeenten_are_the_first_of_twente() -> None:
    small = simulate_region(SimulationParams(gemeenten=3, respondenten=5))
    assert [g.code for g in small.dataset.gemeenten or ()] == ["GM0141", "GM0147", "GM1774"]


def test_more_gemeenten_add_clearly_synthetic_ones_in_regions_of_about_14() -> None:
    big = simulate_region(SimulationParams(gemeenten=40, respondenten=5))
    gemeenten = big.dataset.gemeenten or ()
    assert [g.code for g in gemeenten[:14]] == [code for code, _ in TWENTE]
    synthetic = gemeenten[14:]
    assert synthetic[0].code == "GM9001"
    assert synthetic[0].naam == "Simulatiegemeente 1"
    assert all(g.code.startswith("GM9") for g in synthetic)
    sizes = Counter(g.regio for g in synthetic)
    assert set(sizes) == {"Simulatieregio 2", "Simulatieregio 3"}
    assert sorted(sizes.values()) == [13, 13]


def test_national_case_builds_with_every_respondent_in_every_cell() -> None:
    params = SimulationParams(gemeenten=342, respondenten=60, all_cells=True)
    national = simulate_region(params)
    r = national.dataset.responses
    assert len(set(r.gemeente_codes)) == 342
    assert len(r.obs_respondent) == 342 * 60 * 4 * 2
    assert len(r.gem_respondent) == 342 * 60


# --- answers --------------------------------------------------------------------------------


def test_answers_are_on_their_scales(region: SimulatedRegion) -> None:
    r = region.dataset.responses
    axis = r.axis_answers[~np.isnan(r.axis_answers)]
    assert set(np.unique(axis).tolist()) == {1.0, 2.0, 3.0, 4.0, 5.0}
    for i, item in enumerate(r.gemeente_items):
        values = r.gemeente_answers[:, i]
        answered = set(np.unique(values[~np.isnan(values)]).tolist())
        if item.startswith(("afs", "obs")):
            assert answered == {0.0, 1.0}, item
        else:
            assert answered <= {1.0, 2.0, 3.0, 4.0, 5.0}, item
        if item.startswith("obs"):  # a checklist: ticked or not, never "weet niet"
            assert not np.isnan(values).any()


def test_weet_niet_is_rare(region: SimulatedRegion) -> None:
    missing = np.isnan(region.dataset.responses.axis_answers).mean()
    assert 0.01 < missing < 0.06


def test_reverse_keyed_items_are_stored_mirrored(region: SimulatedRegion) -> None:
    r = region.dataset.responses

    def correlations(answers: np.ndarray, items: tuple[str, ...], codes: list[str]) -> np.ndarray:
        cols = [items.index(code) for code in codes]
        values = answers[:, cols]
        values = values[~np.isnan(values).any(axis=1)]
        return np.corrcoef(values.T)

    cc = correlations(r.axis_answers, r.axis_items, [f"cc{i}" for i in range(1, 7)])
    assert (np.delete(cc[2], 2) < -0.2).all()  # cc3 against the other cc items
    assert (np.delete(cc[0], [0, 2]) > 0.2).all()
    dc = correlations(r.axis_answers, r.axis_items, [f"dc{i}" for i in range(1, 7)])
    assert (np.delete(dc[3], 3) < -0.2).all()
    for prefix in ("amb", "bel", "rel", "org", "pro"):
        scale = correlations(
            r.gemeente_answers, r.gemeente_items, [f"{prefix}{i}" for i in (1, 2, 3, 4)]
        )
        assert (scale[3, :3] < 0).all(), prefix
        assert (scale[0, 1:3] > 0).all(), prefix


def test_cronbachs_alpha_is_realistic(region: SimulatedRegion) -> None:
    r = region.dataset.responses
    for scale in load_instrument().scales:
        cols = [r.gemeente_items.index(item.code) for item in scale.items]
        values = r.gemeente_answers[:, cols].copy()
        for k, item in enumerate(scale.items):
            if item.reverse:
                values[:, k] = 6.0 - values[:, k]
        values = values[~np.isnan(values).any(axis=1)]
        k = values.shape[1]
        alpha = (
            k / (k - 1) * (1 - values.var(axis=0, ddof=1).sum() / values.sum(axis=1).var(ddof=1))
        )
        assert 0.55 < alpha < 0.9, (scale.code, alpha)


# --- respondents and network ----------------------------------------------------------------


def test_respondents_carry_their_organisation_and_answer_its_transities(
    region: SimulatedRegion,
) -> None:
    ds = region.dataset
    r = ds.responses
    naam = ds.naam_of()
    contracts = {(c.organisatie, c.gemeente_code, c.transitie) for c in ds.contracten or ()}
    types = {o.naam: o.type for o in ds.organisaties or ()}
    gem_of = dict(zip(r.gem_respondent.tolist(), r.gem_gemeente.tolist(), strict=True))
    assert len(gem_of) == len(r.respondent_ids) == 14 * 40
    for o in range(len(r.obs_respondent)):
        resp = int(r.obs_respondent[o])
        assert gem_of[resp] == int(r.obs_gemeente[o])  # one gemeente per respondent
        group = r.groups[int(r.respondent_group[resp])]
        org = r.respondent_org[resp]
        code = r.gemeente_codes[int(r.obs_gemeente[o])]
        if group in GEMEENTE_GROUPS:
            assert org == f"Gemeente {naam[code]}"
        elif group in ("aanbieder_bestuur", "aanbieder_professional", "welzijn", "zorgverzekeraar"):
            assert (org, code, r.transities[int(r.obs_transitie[o])]) in contracts
            expected = {"welzijn": "welzijn", "zorgverzekeraar": "zorgverzekeraar"}
            assert types[org] == expected.get(group, "aanbieder")


def test_all_cells_makes_every_respondent_answer_every_cell() -> None:
    region = simulate_region(SimulationParams(gemeenten=2, respondenten=10, all_cells=True))
    r = region.dataset.responses
    assert Counter(r.obs_respondent.tolist()) == dict.fromkeys(range(20), 4 * 2)


def test_network_has_regional_and_local_providers(region: SimulatedRegion) -> None:
    ds = region.dataset
    organisaties = ds.organisaties or ()
    types = Counter(o.type for o in organisaties)
    assert types["aanbieder"] + types["welzijn"] == 80
    assert types["zorgverzekeraar"] >= 1
    assert len({o.naam for o in organisaties}) == len(organisaties)
    reach = Counter()
    for c in {(c.organisatie, c.gemeente_code) for c in ds.contracten or ()}:
        reach[c[0]] += 1
    aanbieders = [o.naam for o in organisaties if o.type == "aanbieder"]
    assert sum(reach[a] >= 10 for a in aanbieders) >= 5  # regional providers
    assert sum(1 <= reach[a] <= 3 for a in aanbieders) >= 0.6 * len(aanbieders)
    for code in ds.responses.gemeente_codes:
        for transitie in ds.responses.transities:
            assert any(
                c.gemeente_code == code and c.transitie == transitie
                for c in ds.contracten or ()
                if c.organisatie in aanbieders
            )


# --- §11 tendencies -------------------------------------------------------------------------


def test_ambitions_lean_to_sturen(region: SimulatedRegion) -> None:
    quadrants = Counter(quadrant_of(*v) for k, v in region.truth.cells.items() if k[2] == "ambitie")
    assert quadrants["Sturen"] >= 0.8 * sum(quadrants.values())


def test_practice_is_more_cocreatief_or_decentraal_than_ambition(region: SimulatedRegion) -> None:
    cells = region.truth.cells
    shifts = np.asarray(
        [
            np.subtract(cells[(g, t, "praktijk")], cells[(g, t, "ambitie")])
            for g, t, p in cells
            if p == "ambitie"
        ]
    )
    assert (shifts.mean(axis=0) < -0.1).all()
    assert (shifts.min(axis=1) < 0).mean() > 0.9  # lower on at least one axis


def test_practice_almost_never_in_afspreken(region: SimulatedRegion) -> None:
    cells = region.truth.cells
    planted = [quadrant_of(*v) for k, v in cells.items() if k[2] == "praktijk"]
    assert planted.count("Afspreken") <= 1
    assert len(set(planted)) >= 3  # spread over regimes, not all in one quadrant


def test_neighbours_differ_per_transitie(region: SimulatedRegion) -> None:
    regimes = region.truth.praktijk_regime
    for transitie in region.params.transitie_order:
        assert len({q for (g, t), q in regimes.items() if t == transitie}) >= 2


def test_gemeente_groups_see_practice_as_more_cocreatief(region: SimulatedRegion) -> None:
    r = region.dataset.responses
    cc, _ = respondent_positions(region)
    group = np.asarray(r.groups)[r.obs_group]
    praktijk = r.obs_perspectief == r.perspectieven.index("praktijk")
    gemeente = np.nanmean(cc[praktijk & np.isin(group, GEMEENTE_GROUPS)])
    providers = np.nanmean(cc[praktijk & np.isin(group, PROVIDER_GROUPS)])
    assert gemeente < providers - 0.1


def test_conditions_are_middling_with_relaties_or_vorm_weakest(region: SimulatedRegion) -> None:
    scores: dict[str, list[float]] = {}
    for (_, conditie), value in region.truth.condities.items():
        scores.setdefault(conditie, []).append(value)
    means = {c: float(np.mean(v)) for c, v in scores.items()}
    assert all(30 < m < 70 for m in means.values())
    assert min(means, key=lambda c: means[c]) in ("relaties", "vorm")


def test_tendencies_are_parameters() -> None:
    flat = simulate_region(
        SimulationParams(gemeenten=4, respondenten=10, bias=0.0, praktijk_quadrants=(1, 0, 0, 0))
    )
    assert set(flat.truth.group_bias.values()) == {(0.0, 0.0)}
    assert {quadrant_of(*v) for k, v in flat.truth.cells.items() if k[2] == "praktijk"} == {
        "Afspreken"
    }


# --- mechanisms -----------------------------------------------------------------------------


def test_mechanisms_mix_catalogue_explicit_unknown_and_unplaced() -> None:
    instrument = load_instrument()
    region = simulate_region(SimulationParams(gemeenten=40, respondenten=3))
    rows = region.mechanism_rows
    counts = Counter(row.gemeente_code for row in rows)
    assert len(counts) == 40
    assert min(counts.values()) >= 3
    assert max(counts.values()) <= 12
    catalogue = {m.code for m in instrument.mechanism_types}
    kinds = Counter()
    for row in rows:
        assert set(row.transities) <= set(region.params.transities)
        if row.type in catalogue:
            kinds["explicit" if row.cc is not None else "catalogue"] += 1
        else:
            assert instrument.match_mechanism_type(row.type) is None
            kinds["unknown" if row.cc is not None else "unplaced"] += 1
    assert kinds["catalogue"] > kinds["explicit"] > kinds["unknown"] > 0
    assert kinds["unplaced"] > 0
    unplaced = [m for m in region.dataset.mechanismen or () if m.cc is None]
    assert len(unplaced) == kinds["unplaced"]


def test_more_transitie_inconsistency_means_more_mechanisms() -> None:
    region = simulate_region(SimulationParams(gemeenten=120, respondenten=2))
    counts = Counter(row.gemeente_code for row in region.mechanism_rows)
    by_regimes: dict[int, list[int]] = {}
    for gemeente in region.dataset.gemeenten or ():
        regimes = {q for (g, _), q in region.truth.praktijk_regime.items() if g == gemeente.code}
        by_regimes.setdefault(len(regimes), []).append(counts[gemeente.code])
    assert np.mean(by_regimes[1]) + 2 < np.mean(by_regimes[max(by_regimes)])


# --- files ----------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    return list(csv.reader(text.splitlines(), delimiter=delimiter))


def test_written_files_have_the_import_headers(tmp_path: Path) -> None:
    small = simulate_region(SimulationParams(gemeenten=2, respondenten=6))
    paths = write_region(small, tmp_path / "regio")
    assert sorted(p.name for p in paths) == [
        "antwoorden.csv",
        "contracten.csv",
        "gemeenten.csv",
        "mechanismen.csv",
        "organisaties.csv",
    ]
    headers = {p.stem: read_csv(p)[0] for p in paths}
    assert headers["antwoorden"] == [
        "respondent_id",
        "groep",
        "organisatie",
        "gemeente_code",
        "transitie",
        "perspectief",
        "item",
        "antwoord",
    ]
    assert headers["gemeenten"] == ["gemeente_code", "naam", "regio"]
    assert headers["organisaties"] == ["organisatie", "type"]
    assert headers["contracten"] == ["organisatie", "gemeente_code", "transitie"]
    assert headers["mechanismen"][:4] == ["gemeente_code", "naam", "type", "transities"]
    rows = read_csv(tmp_path / "regio" / "antwoorden.csv")[1:]
    assert len(rows) == len(small.long_rows())
    condition_row = next(row for row in rows if row[6] == "amb1")
    assert condition_row[4:6] == ["", ""]
    assert sorted(p.name for p in (tmp_path / "regio").iterdir()) == sorted(p.name for p in paths)


def test_same_seed_writes_byte_identical_files(tmp_path: Path) -> None:
    params = SimulationParams(gemeenten=2, respondenten=6)
    first = write_region(simulate_region(params), tmp_path / "a")
    second = write_region(simulate_region(params), tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_xlsx_has_one_sheet_per_table(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    small = simulate_region(SimulationParams(gemeenten=1, respondenten=3))
    [path] = write_region(small, tmp_path, xlsx=True)
    assert path.name == "regio.xlsx"
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert sorted(workbook.sheetnames) == sorted(small.tables())


def test_a_failed_write_leaves_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import regiekompas.core.simulate.write as write_module

    calls: list[Path] = []
    real = write_module.write_table

    def failing(path: Path, header: object, rows: object) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        real(path, header, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(write_module, "write_table", failing)
    small = simulate_region(SimulationParams(gemeenten=1, respondenten=3))
    with pytest.raises(OSError, match="disk full"):
        write_region(small, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"gemeenten": 0}, "gemeenten must be an integer from 1 to 342"),
        ({"gemeenten": 343}, "gemeenten must be an integer from 1 to 342"),
        ({"respondenten": 0}, "respondenten must be an integer ≥ 1"),
        ({"transities": ("jeugd", "zorg")}, "transities must be"),
        ({"transities": ()}, "transities must be"),
        ({"noise": -0.1}, "noise must be a number ≥ 0"),
        ({"missing": 0.5}, "missing must be in 0 … 0.2"),
        ({"aanbieders": 1}, "aanbieders must be at least 2 per region"),
        ({"praktijk_quadrants": (0, 0, 0, 0)}, "praktijk_quadrants"),
        ({"seed": -1}, "seed must be an integer ≥ 0"),
    ],
)
def test_invalid_params_are_rejected(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SimulationParams(**kwargs)  # type: ignore[arg-type]


def test_every_problem_is_listed_at_once() -> None:
    with pytest.raises(ValueError, match=r"gemeenten.*respondenten.*noise"):
        SimulationParams(gemeenten=0, respondenten=0, noise=-1)


@pytest.mark.parametrize("xlsx", [False, True])
def test_written_region_imports_back_to_the_same_dataset(tmp_path: Path, xlsx: bool) -> None:
    from regiekompas.core.io import read_dataset

    region = simulate_region(SimulationParams(gemeenten=3, respondenten=12))
    dataset, warnings = read_dataset(write_region(region, tmp_path, xlsx=xlsx))
    assert {w.code for w in warnings} <= {"rij.niet_geplaatst"}  # only unplaced mechanisms
    a, b = region.dataset.responses, dataset.responses
    for name in ("respondent_ids", "respondent_org", "groups", "gemeente_codes", "transities"):
        assert getattr(a, name) == getattr(b, name), name
    for name in ("axis_answers", "gemeente_answers", "obs_respondent", "obs_transitie"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert set(dataset.gemeenten or ()) == set(region.dataset.gemeenten or ())
    assert set(dataset.organisaties or ()) == set(region.dataset.organisaties or ())
    assert set(dataset.contracten or ()) == set(region.dataset.contracten or ())
    assert set(dataset.mechanismen or ()) == set(region.dataset.mechanismen or ())
