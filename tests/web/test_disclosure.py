"""Disclosure: nothing below k can be recovered from what viewers and facilitators see.

Seeded random scans grow in waves — small groups, cells just below and at k, people who
answer a question or two, people who change an answer after it was published — and after each
wave the facilitator tries to publish interim results through the scan page; at the end the
scan is closed. After every publication everything a gemeente viewer and a facilitator can
get is collected: the results document the pages render, the overview and cell pages as HTML,
and the default (pseudonymised) answers export. `disclosures` then checks, on those outputs
alone plus the true counts in the published answers (counted here independently of core):

1. no shown cell, group, rationaliteit or condition score rests on fewer than k respondents;
2. in every cell, the cell's n minus its shown groups' n is 0 or at least k, and the same
   for rationaliteiten and for the groups within each shown rationaliteit (so no hidden group
   is found by subtraction);
3. a cell with fewer than k respondents has no position anywhere: not in any measure of the
   document, not as a quadrant on the overview page, not on its cell page;
4. between two successive publications, a cell, group, rationaliteit or condition score whose
   figures differ has gained at least k respondents (no differencing over time);
5. the answers export names no respondent id or organisation, shows a group only where that
   gemeente has at least k of it, and hands out new pseudonyms every time.

`test_the_checks_catch_live_results` shows the checks can fail: fed the live results of the
code before published snapshots (a cell at n and then n + 1), rule 4 reports it.
"""

from __future__ import annotations

import csv
import io
import itertools
import random
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from conftest import make_region, make_respondent, make_scan, make_user
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.model import load_model
from regiekompas.web.accounts.models import GemeenteViewer
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.dataset import scan_dataset
from regiekompas.web.responses.saving import AnswerIn, save_answers
from regiekompas.web.responses.snapshots import latest_snapshot, snapshot_dataset
from regiekompas.web.results.service import scan_results
from regiekompas.web.scans.models import Scan

MODEL = load_model()
RATIONALITEIT = {g.code: g.rationaliteit for g in MODEL.groups}
#: Groups from three rationaliteiten, so nested suppression has work to do.
GROUPS = ("gemeente_beleid", "gemeente_inkoop", "wijkteam", "aanbieder_professional", "welzijn")
GEMEENTEN = {"GM0153": "Enschede", "GM0164": "Hengelo (O.)"}
QUADRANT_NAMES = [q.name.nl for q in MODEL.quadrants]
#: Measures of the document keyed by a cell (gemeente, transitie, perspectief).
CELL_MEASURES = (
    "cellen",
    "groepen",
    "rationaliteiten",
    "spraakverwarring",
    "spraakverwarring_rationaliteiten",
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@dataclass
class Observation:
    """What could be seen after one publication."""

    number: int
    document: dict[str, Any]
    #: True respondents with a position per cell, and per (cell, group), in the snapshot.
    cell_n: dict[tuple[str, str, str], int]
    overview: dict[str, str] = field(default_factory=dict)
    cell_pages: dict[tuple[str, str], str] = field(default_factory=dict)
    export: list[dict[str, str]] = field(default_factory=list)


# --- the checks --------------------------------------------------------------------------


def _key(row: dict[str, Any]) -> tuple[str, str, str]:
    return (row["gemeente_code"], row["transitie"], row["perspectief"])


def _hidden_ok(rest: int, k: int) -> bool:
    return rest == 0 or rest >= k


def disclosures(
    k: int, observations: list[Observation], ids: set[str], orgs: set[str]
) -> list[str]:
    """Every way in which `observations` reveal something below k (empty: nothing)."""
    found: list[str] = []
    for obs in observations:
        doc = obs.document
        tag = f"snapshot {obs.number}"
        # 1. nothing shown below k
        for measure in ("cellen", "groepen", "rationaliteiten", "condities"):
            for row in doc.get(measure) or []:
                if row.get("n") is not None and row["n"] < k:
                    found.append(f"{tag}: {measure} row with n={row['n']} < k: {row}")
        # 2. complementary and nested suppression: nothing recoverable by subtraction
        groups = defaultdict(list)
        for row in doc.get("groepen") or []:
            groups[_key(row)].append(row)
        rats = defaultdict(list)
        for row in doc.get("rationaliteiten") or []:
            rats[_key(row)].append(row)
        for row in doc.get("cellen") or []:
            cell = _key(row)
            if row["n"] != obs.cell_n.get(cell):
                found.append(
                    f"{tag}: {cell} shows n={row['n']}, the snapshot holds {obs.cell_n.get(cell)}"
                )
            rest = row["n"] - sum(g["n"] for g in groups[cell])
            if not _hidden_ok(rest, k):
                found.append(f"{tag}: {cell} hides groups of {rest} respondents in total")
            rest = row["n"] - sum(r["n"] for r in rats[cell])
            if not _hidden_ok(rest, k):
                found.append(f"{tag}: {cell} hides rationaliteiten of {rest} in total")
            for rat in rats[cell]:
                inside = [
                    g for g in groups[cell] if RATIONALITEIT[g["groep"]] == rat["rationaliteit"]
                ]
                rest = rat["n"] - sum(g["n"] for g in inside)
                if not _hidden_ok(rest, k):
                    found.append(f"{tag}: {cell} {rat['rationaliteit']} hides {rest}")
            for group in groups[cell]:
                if not any(r["rationaliteit"] == RATIONALITEIT[group["groep"]] for r in rats[cell]):
                    found.append(f"{tag}: {cell} shows {group['groep']} of a hidden rationaliteit")
        # 3. small cells have no position anywhere
        small = {cell for cell, n in obs.cell_n.items() if n < k}
        for measure in CELL_MEASURES:
            for row in doc.get(measure) or []:
                if _key(row) in small:
                    found.append(f"{tag}: small cell {_key(row)} appears in {measure}")
        for row in doc.get("kloof") or []:
            if any(
                (row["gemeente_code"], row["transitie"], p) in small
                for p in ("ambitie", "praktijk")
            ):
                found.append(f"{tag}: kloof of a small cell {row['gemeente_code']}")
        for who, page in obs.overview.items():
            for cell in small:
                text = _overview_cell_text(page, cell)
                if text is not None and any(name in text for name in QUADRANT_NAMES):
                    found.append(
                        f"{tag}: the {who} overview shows a quadrant for small cell {cell}"
                    )
        for (code, transitie), page in obs.cell_pages.items():
            both_small = all((code, transitie, p) in small for p in ("ambitie", "praktijk"))
            if both_small and 'id="posities"' in page:
                found.append(f"{tag}: the cell page of {code} {transitie} shows positions")
        # 5. the default answers export
        people: dict[tuple[str, str], set[str]] = defaultdict(set)
        for line in obs.export:
            if line["respondent_id"] in ids or line["organisatie"] in orgs - {""}:
                found.append(f"{tag}: the export names a respondent or organisation: {line}")
            people[(line["gemeente_code"], line["groep"])].add(line["respondent_id"])
        for (code, groep), who in people.items():
            if groep != "overig" and len(who) < k:
                found.append(
                    f"{tag}: the export shows {groep} in {code} with {len(who)} respondents"
                )
    # 4. no differencing between successive publications
    for old, new in itertools.pairwise(observations):
        for measure, key in (
            ("cellen", lambda r: _key(r)),
            ("groepen", lambda r: (*_key(r), r["groep"])),
            ("rationaliteiten", lambda r: (*_key(r), r["rationaliteit"])),
            ("condities", lambda r: (r["gemeente_code"], r.get("groep"), r["conditie"])),
        ):
            before = {key(r): r for r in old.document.get(measure) or []}
            for row in new.document.get(measure) or []:
                was = before.get(key(row))
                if was is None or was == row:
                    continue
                if row["n"] - was["n"] < k:
                    found.append(
                        f"snapshots {old.number}→{new.number}: {measure} {key(row)} changed with "
                        f"{row['n'] - was['n']} new respondents (n {was['n']}→{row['n']})"
                    )
        reused = {r["respondent_id"] for r in old.export} & {r["respondent_id"] for r in new.export}
        if reused:
            found.append(f"snapshots {old.number}→{new.number}: pseudonyms were reused")
    return found


def _overview_cell_text(page: str, cell: tuple[str, str, str]) -> str | None:
    """The overview's HTML for one perspective of one cell, or None if it is not on the page."""
    code, transitie, perspectief = cell
    row = page.split(f'data-gemeente="{code}"', 1)
    if len(row) < 2:
        return None
    part = row[1].split("data-gemeente=", 1)[0].split(f'data-transitie="{transitie}"', 1)
    if len(part) < 2:
        return None
    piece = part[1].split("data-transitie=", 1)[0].split(f'data-perspectief="{perspectief}"', 1)
    if len(piece) < 2:
        return None
    return piece[1].split("data-perspectief=", 1)[0]


# --- the scenario ------------------------------------------------------------------------


def _true_counts(scan: Scan) -> dict[tuple[str, str, str], int]:
    """Respondents with a position per cell in the latest snapshot, counted here: at least
    half the items of both axes answered (docs/method.md)."""
    r = snapshot_dataset(scan).responses
    instrument = scan.instrument()
    cols = {
        axis: [r.axis_items.index(code) for code in instrument.axis_codes(axis)]
        for axis in ("cc", "dc")
    }
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for i in range(len(r.obs_respondent)):
        row = r.axis_answers[i]
        if all(2 * sum(row[c] == row[c] for c in cols[axis]) >= len(cols[axis]) for axis in cols):
            cell = (
                r.gemeente_codes[r.obs_gemeente[i]],
                r.transities[r.obs_transitie[i]],
                r.perspectieven[r.obs_perspectief[i]],
            )
            counts[cell] += 1
    return dict(counts)


def _answer(rng: random.Random, scan: Scan, person: Respondent, code: str) -> None:
    instrument = scan.instrument()
    answers = []
    perspectieven = rng.sample(["ambitie", "praktijk"], rng.randint(1, 2))
    partial = rng.random() < 0.15  # a question or two: no position
    for perspectief in perspectieven:
        items = list(instrument.axis_item_codes)
        if partial:
            items = items[:2]
        answers += [AnswerIn(code, "jeugd", perspectief, item, rng.randint(1, 5)) for item in items]
    if rng.random() < 0.6:
        for scale in instrument.scales:
            answers += [
                AnswerIn(code, "", "", item.code, rng.randint(1, 5)) for item in scale.items
            ]
    save_answers(person, answers)


def _observe(scan: Scan, facilitator: Client, viewer: Client) -> Observation:
    snapshot = latest_snapshot(scan)
    assert snapshot is not None
    document = dict(scan_results(scan, "nl").document)
    obs = Observation(snapshot.number, document, _true_counts(scan))
    overview = reverse("results:overview", args=[scan.pk])
    obs.overview = {
        "facilitator": facilitator.get(overview).content.decode(),
        "viewer": viewer.get(overview).content.decode(),
    }
    for code in GEMEENTEN:
        url = reverse("results:cell", args=[scan.pk, code, "jeugd"])
        obs.cell_pages[(code, "jeugd")] = facilitator.get(url).content.decode()
    response = facilitator.get(reverse("responses:export", args=[scan.pk]))
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        text = archive.read("antwoorden.csv").decode("utf-8")
    obs.export = list(csv.DictReader(io.StringIO(text)))
    return obs


def _run(seed: int) -> tuple[Scan, list[Observation], int, int]:
    rng = random.Random(seed)
    k = rng.choice([3, 4, 5])
    fac = make_user(f"fac_disclosure_{seed}")
    region = make_region(f"Regio {seed}", GEMEENTEN, fac)
    viewer_user = make_user(f"viewer_disclosure_{seed}")
    GemeenteViewer.objects.create(user=viewer_user, region=region, gemeente_code="GM0153")
    scan = make_scan(region, transities=["jeugd"], k=k)
    facilitator, viewer = Client(), Client()
    facilitator.force_login(fac)
    viewer.force_login(viewer_user)
    observations: list[Observation] = []
    refused = 0
    people: list[tuple[Respondent, str]] = []
    for wave in range(rng.randint(4, 6)):
        for code in GEMEENTEN:
            for _ in range(rng.choice([0, 1, 2, k - 1, k, k + 1])):
                person, _token = make_respondent(
                    scan,
                    f"S{seed}-W{wave}-{len(people):03d}",
                    groep=rng.choice(GROUPS),
                    organisatie=f"Organisatie {len(people)}",
                    gemeenten=[code],
                    transities=["jeugd"],
                )
                _answer(rng, scan, person, code)
                Respondent.objects.filter(pk=person.pk).update(submitted_at=timezone.now())
                people.append((person, code))
        if people and rng.random() < 0.4:  # someone changes an answer already published
            person, code = rng.choice(people)
            _answer(rng, scan, person, code)
        before = latest_snapshot(scan)
        facilitator.post(reverse("scans:publish", args=[scan.pk]))
        after = latest_snapshot(scan)
        if after is not None and (before is None or after.pk != before.pk):
            observations.append(_observe(scan, facilitator, viewer))
        else:
            refused += 1
    facilitator.post(reverse("scans:close", args=[scan.pk]))
    scan.refresh_from_db()
    assert scan.is_closed
    if latest_snapshot(scan) is not None:
        observations.append(_observe(scan, facilitator, viewer))
    return scan, observations, k, refused


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(6))
def test_nothing_below_k_is_recoverable_from_pages_exports_and_successive_snapshots(
    seed: int, db: None
) -> None:
    scan, observations, k, _refused = _run(seed)
    assert observations, "the scenario published nothing"
    assert observations[-1].document["meta"]["k"] == k
    ids = set(Respondent.objects.filter(scan=scan).values_list("external_id", flat=True))
    orgs = set(Respondent.objects.filter(scan=scan).values_list("organisatie", flat=True))
    assert disclosures(k, observations, ids, orgs) == []


def test_the_scenarios_exercise_refusals_small_cells_and_several_snapshots(db: None) -> None:
    """The random scans are not too easy: over the seeds, interim publishing is refused at
    times, some snapshots hold small cells, and some scans publish several times."""
    refused = small = several = 0
    for seed in range(3):
        _scan, observations, k, refusals = _run(seed)
        refused += refusals
        several += len(observations) >= 2
        small += sum(any(n < k for n in obs.cell_n.values()) for obs in observations)
    assert refused > 0, "interim publishing was never refused"
    assert small > 0, "no snapshot held a cell below k"
    assert several > 0, "no scan published more than once"


def test_the_checks_catch_live_results(db: None) -> None:
    """Live results (the code before published snapshots): a cell seen at n and at n + 1
    gives away the new respondent's answers, and `disclosures` says so."""
    rng = random.Random(1)
    fac = make_user("fac_live")
    region = make_region("Live", GEMEENTEN, fac)
    scan = make_scan(region, transities=["jeugd"], k=3)
    live: list[Observation] = []
    for i in range(4):
        person, _token = make_respondent(
            scan, f"L{i}", groep="wijkteam", gemeenten=["GM0153"], transities=["jeugd"]
        )
        items = scan.instrument().axis_item_codes
        save_answers(
            person, [AnswerIn("GM0153", "jeugd", "praktijk", c, rng.randint(1, 5)) for c in items]
        )
        if i >= 2:  # n = 3, then n = 4
            document = analyse(scan_dataset(scan), settings=Settings(k=3, bootstrap=20, seed=0))
            counts = {("GM0153", "jeugd", "praktijk"): i + 1}
            live.append(Observation(i, dict(document), counts))
    found = disclosures(3, live, set(), set())
    assert any("changed with 1 new respondents (n 3→4)" in f for f in found), found
