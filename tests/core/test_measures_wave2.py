"""The second-wave measures checked against hand computations, and the nested k-rule.

Rationaliteiten and their spraakverwarring, afspraken, obstakels, quadrant counts, bands,
the providers' quadrant per gemeente and the small-cell rule, each on a fixture small enough
to work out by hand (the working is in the comments).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.dataset import Contract, Dataset, Gemeente, build_responses
from regiekompas.core.instrument import load_instrument
from regiekompas.core.measures.anonymity import nested_shown, shown_groups
from regiekompas.core.model.bands import load_bands, parse_bands

INSTRUMENT = load_instrument()
TRANSITIES = ("jeugd", "wmo", "participatie", "eerste_lijn")
N_GEM_ITEMS = len(INSTRUMENT.gemeente_item_codes)


def _answers_at(x: float, y: float) -> list[float]:
    """Axis answers that put a respondent exactly at (x, y): a = 3 + 2·s·keying."""
    return [3 + 2 * (x if item.axis == "cc" else y) * item.keying for item in INSTRUMENT.axis_items]


def _dataset(
    people: list[tuple[str, float, float]],
    *,
    gemeente: str = "GM0001",
    perspectieven: tuple[int, ...] = (1,),
    gemeente_answers: dict[str, list[float]] | None = None,
    contracts: tuple[Contract, ...] | None = None,
) -> Dataset:
    """One gemeente, transitie jeugd; each person (group, x, y) answers every perspectief."""
    n = len(people)
    obs = [(i, p) for i in range(n) for p in perspectieven]
    gem = np.full((n, N_GEM_ITEMS), np.nan)
    for code, values in (gemeente_answers or {}).items():
        gem[:, INSTRUMENT.gemeente_item_codes.index(code)] = values
    responses = build_responses(
        respondent_ids=[f"R{i:02d}" for i in range(n)],
        respondent_group=[group for group, _, _ in people],
        respondent_org=["Org"] * n,
        transities=TRANSITIES,
        axis_items=INSTRUMENT.axis_item_codes,
        gemeente_items=INSTRUMENT.gemeente_item_codes,
        gemeente_codes=[gemeente],
        obs_respondent=np.array([i for i, _ in obs]),
        obs_gemeente=np.zeros(len(obs), dtype=np.intp),
        obs_transitie=np.zeros(len(obs), dtype=np.intp),
        obs_perspectief=np.array([p for _, p in obs]),
        axis_answers=np.array([_answers_at(*people[i][1:]) for i, _ in obs], dtype=float),
        gem_respondent=np.arange(n) if gemeente_answers else np.zeros(0, dtype=np.intp),
        gem_gemeente=np.zeros(n if gemeente_answers else 0, dtype=np.intp),
        gemeente_answers=gem if gemeente_answers else np.zeros((0, N_GEM_ITEMS)),
    )
    return Dataset(
        responses=responses,
        gemeenten=(Gemeente(gemeente, "Ergens", "Regio"),),
        contracten=contracts,
    )


# --- rationaliteiten and nested suppression ---------------------------------------------------


def test_rationaliteit_centroids_and_their_spraakverwarring_by_hand() -> None:
    # politiek: 3 × gemeente_beleid at (1, 1); professioneel: 3 × wijkteam at (−1, −1) and
    # 3 × aanbieder_bestuur at (−1, 0) → centroid (−1, −0.5).
    people = [("gemeente_beleid", 1, 1)] * 3
    people += [("wijkteam", -1, -1)] * 3 + [("aanbieder_bestuur", -1, 0)] * 3
    doc = analyse(_dataset(people), settings=Settings(k=3, bootstrap=20))
    rats = {row["rationaliteit"]: row for row in doc["rationaliteiten"]}
    assert set(rats) == {"politiek", "professioneel"}
    assert (rats["politiek"]["n"], rats["politiek"]["cc"], rats["politiek"]["dc"]) == (3, 1, 1)
    prof = rats["professioneel"]
    assert (prof["n"], prof["cc"], prof["dc"]) == (6, -1, pytest.approx(-0.5))
    (sv,) = doc["spraakverwarring_rationaliteiten"]
    # ‖(1, 1) − (−1, −0.5)‖ = √(4 + 2.25) = 2.5 → 2.5 / 2√2
    assert sv["waarde"] == pytest.approx(2.5 / (2 * math.sqrt(2)))
    assert sv["band"] == "hoog"
    assert sv["rationaliteiten"] == ["politiek", "professioneel"]
    assert list(sv) == ["gemeente_code", "transitie", "perspectief", "waarde", "band",
                        "rationaliteiten"]  # fmt: skip
    # Between groups the largest distance is beleid (1, 1) ↔ wijkteam (−1, −1): 2√2 → 1.
    (groups,) = doc["spraakverwarring"]
    assert groups["waarde"] == pytest.approx(1.0)
    assert groups["groepen"] == ["gemeente_beleid", "wijkteam"]
    assert groups["band"] == "hoog"


def test_nested_suppression_leaves_out_what_the_flat_rule_would_show() -> None:
    # k = 3. Groups: beleid 3, inkoop 2 (both politiek, 5), wijkteam 5 (professioneel),
    # clientvertegenwoordiging 1 (leefwereld). Rationaliteiten: leefwereld 1 < 3 is out;
    # 1 left out < k, so the smallest shown one goes too: politiek and professioneel tie at
    # 5, politiek comes first alphabetically. Only professioneel (and wijkteam) is shown.
    # The flat rule on groups alone would have shown gemeente_beleid (left out 2 + 1 = 3).
    people = [("gemeente_beleid", 0.5, 0.5)] * 3 + [("gemeente_inkoop", 0.5, 0.5)] * 2
    people += [("wijkteam", -0.5, 0.5)] * 5 + [("clientvertegenwoordiging", 0, 0)]
    doc = analyse(_dataset(people), settings=Settings(k=3, bootstrap=20))
    assert [row["rationaliteit"] for row in doc["rationaliteiten"]] == ["professioneel"]
    assert [row["groep"] for row in doc["groepen"]] == ["wijkteam"]
    assert doc["spraakverwarring_rationaliteiten"] == []
    # client 1, beleid 3, inkoop 2, wijkteam 5 (code order): the flat rule shows 2 groups
    flat = shown_groups([[1, 3, 2, 5]], 3)
    assert flat.tolist() == [[False, True, False, True]]


def test_nested_suppression_by_hand_on_counts() -> None:
    # Two rationaliteiten: r0 = groups 0, 1; r1 = groups 2, 3. k = 3.
    counts = np.array(
        [
            [4, 4, 6, 0],  # r0 8, r1 6: both shown; all groups ≥ 3 shown (group 3 is 0)
            [4, 2, 6, 0],  # r0 6: group 1 (2) out, left out 2 < 3 → group 0 out too
            [1, 1, 9, 9],  # r0 2 out → left out 2 < 3 → r1 (18) out too: nothing shown
            [4, 4, 4, 2],  # r1 6 shown; group 3 out → group 2 out too (within r1)
        ]
    )
    rats, groups = nested_shown(counts, [0, 0, 1, 1], 2, 3)
    assert rats.tolist() == [[True, True], [True, True], [False, False], [True, True]]
    assert groups.tolist() == [
        [True, True, True, False],
        [False, False, True, False],
        [False, False, False, False],
        [True, True, False, False],
    ]


def _recoverable_hidden_totals(
    counts: np.ndarray, parent: np.ndarray, rats: np.ndarray, groups: np.ndarray
) -> list[int]:
    """Every hidden total an onlooker can compute from what is shown, by brute force.

    Shown are: the cell total, the totals of the shown rationaliteiten and the counts of the
    shown groups. Every combination of them with coefficients −1, 0 or 1 that adds up to a
    set of groups (a 0/1 vector) tells the total of that set; subtracting the shown groups in
    it leaves the total of its hidden groups.
    """
    n_groups = len(counts)
    known = [np.ones(n_groups, dtype=int)]
    known += [(parent == r).astype(int) for r in np.flatnonzero(rats)]
    known += [np.eye(n_groups, dtype=int)[g] for g in np.flatnonzero(groups)]
    coefficients = np.array(list(itertools.product((-1, 0, 1), repeat=len(known))))
    vectors = coefficients @ np.array(known)
    sets = vectors[((vectors == 0) | (vectors == 1)).all(axis=1)].astype(bool)
    return [int(counts[s & ~groups].sum()) for s in sets]


@settings(max_examples=300, deadline=None)
@given(
    data=st.data(),
    k=st.integers(min_value=3, max_value=5),
    n_rats=st.integers(min_value=1, max_value=3),
)
def test_no_group_or_rationaliteit_below_k_can_be_recovered(
    data: st.DataObject, k: int, n_rats: int
) -> None:
    parent = np.array(
        sorted(
            data.draw(
                st.lists(st.integers(0, n_rats - 1), min_size=n_rats, max_size=5).filter(
                    lambda p: set(p) == set(range(n_rats))
                )
            )
        )
    )
    counts = np.array(
        data.draw(st.lists(st.integers(0, 9), min_size=len(parent), max_size=len(parent)))
    )
    rats, groups = nested_shown(counts[None, :], parent, n_rats, k)
    rats, groups = rats[0], groups[0]
    rat_totals = np.bincount(parent, weights=counts, minlength=n_rats)
    # What is shown passes k; a group is shown only inside a shown rationaliteit.
    assert (counts[groups] >= k).all()
    assert (rat_totals[rats] >= k).all()
    assert not (groups & ~rats[parent]).any()
    # Nothing hidden can be recovered below k: every computable hidden total is 0 or ≥ k.
    if counts.sum() >= k:  # a cell below k shows no total at all (small-cell rule)
        for total in _recoverable_hidden_totals(counts, parent, rats, groups):
            assert total == 0 or total >= k, (counts.tolist(), parent.tolist(), total)


# --- afspraken and obstakels ---------------------------------------------------------------


def test_afspraken_and_obstakels_shares_by_hand() -> None:
    people = [("wijkteam", 0.5, 0.5)] * 5
    answers = {
        "afs1": [1, 1, 0, np.nan, 1],  # ja 3/5, nee 1/5, weet niet 1/5
        "obs1": [1, 0, np.nan, 1, 1],  # n = 4 answered 0/1, aandeel 3/4
        "obs2": [1, np.nan, np.nan, np.nan, 0],  # n = 2 < k
    }
    doc = analyse(_dataset(people, gemeente_answers=answers), settings=Settings(k=3, bootstrap=20))
    afs1 = next(row for row in doc["afspraken"] if row["afspraak"] == "afs1")
    assert afs1 == {"gemeente_code": "GM0001", "afspraak": "afs1", "ja": pytest.approx(0.6),
                    "nee": pytest.approx(0.2), "weet_niet": pytest.approx(0.2), "n": 5}  # fmt: skip
    afs2 = next(row for row in doc["afspraken"] if row["afspraak"] == "afs2")
    assert (afs2["weet_niet"], afs2["n"]) == (1.0, 5)  # asked, nobody knew
    obstacles = {row["obstakel"]: row for row in doc["obstakels"]}
    assert obstacles["obs1"]["aandeel"] == pytest.approx(0.75)
    assert obstacles["obs1"]["n"] == 4
    assert "obs2" not in obstacles  # n = 2 < k = 3
    assert {"gemeente_code": "GM0001", "transitie": None, "perspectief": None,
            "reden": "obstakels"} in doc["onderdrukt"]  # fmt: skip


def test_afspraken_not_asked_in_a_gemeente_give_no_rows() -> None:
    people = [("wijkteam", 0.5, 0.5)] * 5
    doc = analyse(
        _dataset(people, gemeente_answers={"amb1": [4] * 5}), settings=Settings(k=3, bootstrap=20)
    )
    assert doc["afspraken"] == []
    assert doc["obstakels"] == []


def test_afspraken_below_k_are_suppressed_and_listed() -> None:
    people = [("wijkteam", 0.5, 0.5)] * 2
    doc = analyse(
        _dataset(people, gemeente_answers={"afs1": [1, 0], "amb1": [4, 4], "amb2": [4, 4]}),
        settings=Settings(k=3, bootstrap=20),
    )
    assert doc["afspraken"] == []
    assert doc["condities"] == []
    redenen = {row["reden"] for row in doc["onderdrukt"] if row["transitie"] is None}
    assert redenen == {"afspraken", "condities"}
    assert all("n" not in row for row in doc["onderdrukt"])


# --- quadrant counts, providers, small cells ----------------------------------------------


def _region(cells: dict[str, list[tuple[str, float, float]]], k: int = 3) -> Dataset:
    """Several gemeenten, praktijk only; each value is the list of (group, x, y) people."""
    codes = sorted(cells)
    people = [(code, person) for code in codes for person in cells[code]]
    n = len(people)
    responses = build_responses(
        respondent_ids=[f"R{i:03d}" for i in range(n)],
        respondent_group=[p[1][0] for p in people],
        respondent_org=["Org"] * n,
        transities=TRANSITIES,
        axis_items=INSTRUMENT.axis_item_codes,
        gemeente_items=INSTRUMENT.gemeente_item_codes,
        gemeente_codes=codes,
        obs_respondent=np.arange(n),
        obs_gemeente=np.array([codes.index(c) for c, _ in people]),
        obs_transitie=np.zeros(n, dtype=np.intp),
        obs_perspectief=np.ones(n, dtype=np.intp),
        axis_answers=np.array([_answers_at(p[1][1], p[1][2]) for p in people], dtype=float),
        gem_respondent=np.zeros(0, dtype=np.intp),
        gem_gemeente=np.zeros(0, dtype=np.intp),
        gemeente_answers=np.zeros((0, N_GEM_ITEMS)),
    )
    contracts = tuple(Contract("Zorg BV", code, "jeugd") for code in codes)
    return Dataset(
        responses=responses,
        gemeenten=tuple(Gemeente(code, code, "Oost") for code in codes),
        contracten=contracts,
    )


def test_quadrant_counts_per_region_and_provider_quadrant_per_gemeente() -> None:
    # GM1 Sturen (clear), GM2 Sturen but spread so not clear, GM3 Afstemmen, GM4 has 2
    # respondents (small cell: counted nowhere, not in the provider's gemeenten either).
    dataset = _region(
        {
            "GM0001": [("wijkteam", 0.5, 0.5)] * 3,
            "GM0002": [("wijkteam", 1, 1), ("wijkteam", -1, -1), ("wijkteam", 0.5, 0.5)],
            "GM0003": [("wijkteam", 0.5, -0.5)] * 3,
            "GM0004": [("wijkteam", -0.5, -0.5)] * 2,
        }
    )
    doc = analyse(dataset, settings=Settings(k=3, bootstrap=200))
    (count,) = doc["kwadranten"]
    assert count == {"regio": "Oost", "transitie": "jeugd", "perspectief": "praktijk",
                     "Afspreken": 0, "Afstemmen": 1, "Coördineren": 0, "Sturen": 2,
                     "grens": 0, "niet_helder": 1}  # fmt: skip
    (provider,) = doc["aanbieders"]
    assert provider["per_gemeente"] == {"GM0001": "Sturen", "GM0002": "Sturen",
                                        "GM0003": "Afstemmen"}  # fmt: skip
    assert (provider["gemeenten"], provider["regimes"]) == (3, 2)
    assert doc["onderdrukt"] == [
        {"gemeente_code": "GM0004", "transitie": "jeugd", "perspectief": "praktijk",
         "reden": "kleine_cel"}
    ]  # fmt: skip
    assert "GM0004" not in {row["gemeente_code"] for row in doc["cellen"]}
    # versnippering uses the three shown gemeenten only: 2 regimes, weight 3
    (fragment,) = doc["versnippering"]
    assert fragment["gewogen_gemiddelde"] == 2.0


# --- bands ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "value", "band"),
    [
        ("kloof", 0.0999, "laag"), ("kloof", 0.10, "midden"), ("kloof", 0.25, "hoog"),
        ("spraakverwarring", 0.2499, "midden"),
        ("rwg", 0.29, "geen"), ("rwg", 0.30, "zwak"), ("rwg", 0.5, "matig"),
        ("rwg", 0.7, "sterk"), ("rwg", 0.9, "zeer sterk"),
        ("alpha", 0.6669, "onvoldoende"), ("alpha", 0.667, "voorlopig"),
        ("alpha", 0.80, "betrouwbaar"),
        ("conditie", 39.99, "zwak"), ("conditie", 40, "matig"), ("conditie", 60, "goed"),
        ("kloof", None, None), ("rwg", float("nan"), None),
    ],
)  # fmt: skip
def test_bands_follow_the_spec_cut_offs(measure: str, value: float | None, band: str) -> None:
    assert load_bands().of(measure, value) == band


def test_every_band_names_its_source_in_both_languages() -> None:
    for band in load_bands().measures:
        assert all((band.source.nl, band.source.en))
        assert len(band.labels) == len(band.bands)
    assert "LeBreton" in load_bands()["rwg"].source.en
    assert "Krippendorff" in load_bands()["alpha"].source.en


def test_a_bands_file_with_decreasing_bounds_is_refused() -> None:
    text = (
        'versie = "x"\n[[banden]]\ncode = "kloof"\nnaam = {nl = "a", en = "a"}\n'
        'grenzen = [0.5, 0.1]\nbanden = ["a", "b", "c"]\n'
        'labels = [{nl="a",en="a"},{nl="b",en="b"},{nl="c",en="c"}]\nbron = {nl="x",en="x"}\n'
    )
    with pytest.raises(ValueError, match="strictly increasing"):
        parse_bands(text, file="banden.toml")


#: Six groups over all four rationaliteiten (more would make the brute force too slow).
RATIONALITEIT = {
    "gemeente_beleid": "politiek", "gemeente_inkoop": "politiek",
    "zorgverzekeraar": "juridisch_financieel", "aanbieder_bestuur": "professioneel",
    "wijkteam": "professioneel", "clientvertegenwoordiging": "leefwereld",
}  # fmt: skip
GROUPS = tuple(sorted(RATIONALITEIT))


@settings(max_examples=40, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 7), min_size=len(GROUPS), max_size=len(GROUPS)),
    k=st.integers(3, 5),
)
def test_the_document_shows_nothing_from_which_a_total_below_k_follows(
    sizes: list[int], k: int
) -> None:
    """End to end: what the document shows of one cell never reveals fewer than k people."""
    people = [(group, 0.5, -0.5) for group, size in zip(GROUPS, sizes, strict=True)
              for _ in range(size)]  # fmt: skip
    if not people:
        return
    doc = analyse(_dataset(people), settings=Settings(k=k, bootstrap=1))
    present = sorted(g for g, size in zip(GROUPS, sizes, strict=True) if size)
    counts = np.array([sizes[GROUPS.index(g)] for g in present])
    rat_codes = sorted({RATIONALITEIT[g] for g in present})
    parent = np.array([rat_codes.index(RATIONALITEIT[g]) for g in present])
    if sum(sizes) < k:
        assert doc["cellen"] == doc["groepen"] == doc["rationaliteiten"] == []
        assert [row["reden"] for row in doc["onderdrukt"]] == ["kleine_cel"]
        return
    (cell,) = doc["cellen"]
    assert cell["n"] == sum(sizes)
    shown_groups = {row["groep"]: row["n"] for row in doc["groepen"]}
    shown_rats = {row["rationaliteit"]: row["n"] for row in doc["rationaliteiten"]}
    for group, n in shown_groups.items():
        assert n == sizes[GROUPS.index(group)] >= k
    groups = np.array([g in shown_groups for g in present])
    rats = np.array([r in shown_rats for r in rat_codes])
    for total in _recoverable_hidden_totals(counts, parent, rats, groups):
        assert total == 0 or total >= k
