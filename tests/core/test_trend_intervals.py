"""The intervals the trend adds for spraakverwarring and condition scores, checked against
normal theory (an independent computation), and the agenda's progress by hand.

docs/method.md, "Trend": spraakverwarring's replicates resample respondents within each
shown group of the cell; a condition score's resample the gemeente's respondents.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from regiekompas.core.agenda import agenda_progress, sorted_agenda
from regiekompas.core.analysis import Settings, analyse, round_document
from regiekompas.core.instrument import load_instrument
from regiekompas.core.measures.conditions import scale_scores
from regiekompas.core.measures.confusion import bootstrap_largest_distance
from regiekompas.core.simulate import SimulationParams, simulate_region
from regiekompas.core.vocabulary import MAX_DISTANCE


def test_spraakverwarring_replicates_spread_as_the_delta_method_says() -> None:
    rng = np.random.default_rng(5)
    n1, n2, sd = 60, 40, 0.3
    # Two groups whose centroids lie 0.8 apart along cc; far apart, so the maximum is
    # always this one pair and the delta method is accurate.
    x = np.concatenate([rng.normal(-0.4, sd, n1), rng.normal(0.4, sd, n2)])
    y = np.concatenate([rng.normal(0.0, sd, n1), rng.normal(0.0, sd, n2)])
    units = np.asarray([0] * n1 + [1] * n2, dtype=np.intp)
    starts = np.asarray([0, n1 + n2], dtype=np.intp)
    shown = np.asarray([[True, True]])
    reps = bootstrap_largest_distance(
        x, y, starts, units, shown, ["GM0001|jeugd|praktijk"], replicates=4000, seed=1,
        label="groepen",
    )["GM0001|jeugd|praktijk"]  # fmt: skip
    estimate = math.hypot(x[n1:].mean() - x[:n1].mean(), y[n1:].mean() - y[:n1].mean())
    # sd of |c2 − c1| ≈ sd of the cc difference (the direction of the difference):
    # √(s1²/n1 + s2²/n2), with the bootstrap's plug-in variances (ddof = 0).
    expected_sd = math.sqrt(x[:n1].var() / n1 + x[n1:].var() / n2) / MAX_DISTANCE
    assert np.median(reps) == pytest.approx(estimate / MAX_DISTANCE, abs=0.01)
    assert reps.std() == pytest.approx(expected_sd, rel=0.1)


def test_a_cell_with_one_shown_group_gets_no_spraakverwarring_replicates() -> None:
    x = np.asarray([0.1, 0.2, 0.3, 0.4])
    units = np.asarray([0, 0, 1, 1], dtype=np.intp)
    reps = bootstrap_largest_distance(
        x, x, np.asarray([0, 4]), units, np.asarray([[True, False]]), ["k"],
        replicates=10, seed=0, label="groepen",
    )  # fmt: skip
    assert reps == {}


def test_condition_score_interval_matches_the_normal_interval_of_the_mean() -> None:
    sim = simulate_region(SimulationParams(gemeenten=2, respondenten=60, seed=9))
    instrument = load_instrument()
    reps: dict[str, dict[str, np.ndarray]] = {}
    document = analyse(
        sim.dataset, settings=Settings(bootstrap=4000, seed=2), instrument=instrument,
        replicates=reps,
    )  # fmt: skip
    r = sim.dataset.responses
    scores = scale_scores(r, instrument)
    checked = 0
    for row in document["condities"]:
        if row["groep"] is not None:
            continue
        g = r.gemeente_codes.index(row["gemeente_code"])
        s = scores.codes.index(row["conditie"])
        values = scores.scores[r.gem_gemeente == g, s]
        values = values[~np.isnan(values)]
        # Independent: the mean's standard error, mapped to 0 … 100 like the score.
        se = values.std() / math.sqrt(len(values)) * 25
        replicates = reps["condities.score"][f"{row['gemeente_code']}|{row['conditie']}"]
        assert replicates.mean() == pytest.approx(row["score"], abs=0.2 * se + 0.05)
        assert replicates.std() == pytest.approx(se, rel=0.1)
        checked += 1
    assert checked >= 10


def test_agenda_progress_counts_done_of_the_actions_that_still_count() -> None:
    rows = [
        {"gemeente_code": "GM0153", "status": s}
        for s in ("klaar", "klaar", "klaar", "bezig", "open", "open", "open", "vervallen")
    ] + [{"gemeente_code": "GM0164", "status": "klaar"}]
    progress = agenda_progress(rows, "GM0153")
    assert (progress.klaar, progress.total, progress.vervallen) == (3, 7, 1)
    assert progress.share == pytest.approx(3 / 7)
    assert agenda_progress([], "GM0153").share is None
    with pytest.raises(ValueError, match="status"):
        agenda_progress([{"gemeente_code": "GM0153", "status": "later"}])


def test_the_agenda_is_ordered_by_gemeente_subject_and_date() -> None:
    def row(g: str, onderwerp: str, deadline: str | None) -> dict[str, object]:
        return {"gemeente_code": g, "onderwerp": onderwerp, "transitie": None, "actie": "a",
                "eigenaar": "b", "deadline": deadline, "status": "open"}  # fmt: skip

    rows = [row("GM2", "kloof", None), row("GM1", "kloof", "2027-01-01"),
            row("GM1", "relaties", None), row("GM1", "gedeelde_ambitie", "2027-05-01")]  # fmt: skip
    ordered = sorted_agenda(rows)  # type: ignore[arg-type]
    assert [(r["gemeente_code"], r["onderwerp"]) for r in ordered] == [
        ("GM1", "gedeelde_ambitie"), ("GM1", "relaties"), ("GM1", "kloof"), ("GM2", "kloof"),
    ]  # fmt: skip


def test_the_published_document_never_holds_a_negative_zero() -> None:
    published = round_document({"verschil": -0.00001, "ci": [-0.00004, 0.2]})
    assert math.copysign(1, published["verschil"]) == 1
    assert math.copysign(1, published["ci"][0]) == 1
