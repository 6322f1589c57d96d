"""Bootstrap intervals are reproducible and depend only on a cell's own respondents."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from regiekompas.core.analysis import Settings, analyse
from regiekompas.core.dataset import Dataset
from regiekompas.core.measures import bootstrap
from regiekompas.core.simulate import SimulationParams, simulate_region


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return simulate_region(SimulationParams(gemeenten=3, respondenten=25, seed=3)).dataset


def _intervals(dataset: Dataset, seed: int = 1) -> dict[tuple[str, str, str], list[float]]:
    document = analyse(dataset, settings=Settings(k=5, bootstrap=400, seed=seed))
    return {
        (c["gemeente_code"], c["transitie"], c["perspectief"]): c["cc_ci"] + c["dc_ci"]
        for c in document["cellen"]
    }


def test_same_input_and_seed_give_the_same_intervals(dataset: Dataset) -> None:
    assert _intervals(dataset) == _intervals(dataset)
    assert _intervals(dataset, seed=2) != _intervals(dataset)


def test_splitting_the_work_over_threads_changes_nothing(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bootstrap, "CHUNK", 1_000_000)
    single = _intervals(dataset)
    monkeypatch.setattr(bootstrap, "CHUNK", 2)
    monkeypatch.setattr(bootstrap, "WORKERS", 3)
    assert _intervals(dataset) == single


def test_leaving_out_a_gemeente_does_not_change_the_others(dataset: Dataset) -> None:
    r = dataset.responses
    keep = r.obs_gemeente != 0
    smaller = dataclasses.replace(
        r,
        obs_respondent=r.obs_respondent[keep],
        obs_gemeente=r.obs_gemeente[keep],
        obs_transitie=r.obs_transitie[keep],
        obs_perspectief=r.obs_perspectief[keep],
        axis_answers=r.axis_answers[keep],
    )
    everything = _intervals(dataset)
    subset = _intervals(Dataset(responses=smaller))
    assert subset
    assert all(everything[key] == value for key, value in subset.items())
    assert len(everything) > len(subset)


def test_progress_reaches_the_total(dataset: Dataset) -> None:
    seen: list[tuple[int, int]] = []
    analyse(dataset, settings=Settings(bootstrap=50), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] > 0
    assert np.all(np.diff([d for d, _ in seen]) > 0)
