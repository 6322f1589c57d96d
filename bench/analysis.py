"""Benchmark: the full analysis of a simulated national scan, next to a pandas baseline.

The scan: 342 gemeenten × 4 transities × 2 perspectieven, 60 respondents per gemeente who
answer every item (about 164 000 axis observations, 2.5 million answers). "Ours" is the
complete analysis with advice (`run_analysis`, B = 1000 bootstrap replicates). "Baseline"
is what a data analyst would write first with pandas: group the long answer table into
respondent positions, then cell means, then for every cell a loop of B resamples of its
respondents (numpy indexing inside the loop, as a careful analyst would write it; pandas'
own `DataFrame.sample` in that loop is about 100× slower still). The baseline computes only
the cell positions and their CIs, a small part of what ours computes.

Both run in this process, one after the other, on the same data. Wall time is measured with
time.perf_counter; peak memory with tracemalloc (numpy and pandas report their buffers to
it) in a separate repeat of each run.

    python bench/analysis.py                 # the full national scan (a few minutes)
    python bench/analysis.py --gemeenten 30  # a quicker look
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from regiekompas.core.analysis import Settings
from regiekompas.core.dataset import Dataset
from regiekompas.core.instrument import load_instrument
from regiekompas.core.pipeline import run_analysis
from regiekompas.core.simulate import SimulationParams, simulate_region

MIB = 1024 * 1024


def long_frame(dataset: Dataset) -> pd.DataFrame:
    """The axis answers as the long table a survey export gives (input of the baseline)."""
    r = dataset.responses
    n_obs, n_items = r.axis_answers.shape
    frame = pd.DataFrame(
        {
            "respondent_id": np.repeat(
                np.asarray(r.respondent_ids, dtype=object)[r.obs_respondent], n_items
            ),
            "gemeente_code": np.repeat(
                np.asarray(r.gemeente_codes, dtype=object)[r.obs_gemeente], n_items
            ),
            "transitie": np.repeat(
                np.asarray(r.transities, dtype=object)[r.obs_transitie], n_items
            ),
            "perspectief": np.repeat(
                np.asarray(r.perspectieven, dtype=object)[r.obs_perspectief], n_items
            ),
            "item": np.tile(np.asarray(r.axis_items, dtype=object), n_obs),
            "antwoord": r.axis_answers.ravel(),
        }
    )
    return frame.dropna(subset=["antwoord"])


def baseline(frame: pd.DataFrame, replicates: int, seed: int) -> pd.DataFrame:
    """Straightforward pandas: groupby for positions, a loop of resamples per cell for CIs."""
    instrument = load_instrument()
    keying = dict(zip(instrument.axis_item_codes, instrument.axis_keying, strict=True))
    items_per_axis = {axis: len(instrument.axis_codes(axis)) for axis in ("cc", "dc")}
    frame = frame.assign(
        axis=frame["item"].str[:2],
        score=(frame["antwoord"] - 3) / 2 * frame["item"].map(keying),
    )
    cell = ["gemeente_code", "transitie", "perspectief"]
    per_axis = frame.groupby([*cell, "respondent_id", "axis"])["score"].agg(["mean", "count"])
    enough = per_axis["count"] * 2 >= per_axis.index.get_level_values("axis").map(items_per_axis)
    positions = per_axis["mean"].where(enough).unstack("axis").dropna()
    rng = np.random.default_rng(seed)

    def summarise(group: pd.DataFrame) -> pd.Series:
        values = group[["cc", "dc"]].to_numpy()
        n = len(values)
        boot = pd.DataFrame(
            [values[rng.integers(0, n, size=n)].mean(axis=0) for _ in range(replicates)],
            columns=["cc", "dc"],
        )
        low, high = boot.quantile(0.025), boot.quantile(0.975)
        return pd.Series(
            {
                "n": n,
                "cc": group["cc"].mean(),
                "dc": group["dc"].mean(),
                "cc_low": low["cc"],
                "cc_high": high["cc"],
                "dc_low": low["dc"],
                "dc_high": high["dc"],
            }
        )

    return positions.groupby(level=cell).apply(summarise)


def measure(run: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall time of one run, then peak traced memory of a second run."""
    gc.collect()
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    del result
    gc.collect()
    tracemalloc.start()
    result = run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / MIB, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gemeenten", type=int, default=342)
    parser.add_argument("--respondenten", type=int, default=60)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-baseline", action="store_true", help="Only time our analysis.")
    args = parser.parse_args()

    start = time.perf_counter()
    region = simulate_region(
        SimulationParams(
            gemeenten=args.gemeenten, respondenten=args.respondenten, seed=args.seed, all_cells=True
        )
    )
    simulated = time.perf_counter() - start
    r = region.dataset.responses
    answers = int((~np.isnan(r.axis_answers)).sum() + (~np.isnan(r.gemeente_answers)).sum())
    print(
        f"scan: {args.gemeenten} gemeenten, {len(r.respondent_ids)} respondents, "
        f"{len(r.obs_respondent)} axis observations, {answers} answers "
        f"(simulated in {simulated:.1f} s); B = {args.bootstrap}"
    )

    settings = Settings(k=5, bootstrap=args.bootstrap, seed=args.seed)
    ours_s, ours_mib, document = measure(lambda: run_analysis(region.dataset, settings=settings))
    rows = [("ours: full analysis + advice (numpy)", ours_s, ours_mib)]

    if not args.no_baseline:
        frame = long_frame(region.dataset)
        base_s, base_mib, table = measure(lambda: baseline(frame, args.bootstrap, args.seed))
        rows.append(("baseline: cell positions + CIs (pandas groupby)", base_s, base_mib))
        ours_cells = {
            (c["gemeente_code"], c["transitie"], c["perspectief"]): (c["cc"], c["dc"])
            for c in document["cellen"]
        }
        diff = max(
            max(abs(ours_cells[key][0] - row.cc), abs(ours_cells[key][1] - row.dc))
            for key, row in table.iterrows()
        )
        print(f"cell positions: ours and baseline agree to {diff:.1e} over {len(table)} cells")

    width = max(len(name) for name, _, _ in rows)
    print()
    print(f"| {'implementation':<{width}} | wall time (s) | peak memory (MiB) | speed-up |")
    print(f"|{'-' * (width + 2)}|--------------:|------------------:|---------:|")
    slowest = max(seconds for _, seconds, _ in rows)
    for name, seconds, mib in rows:
        print(f"| {name:<{width}} | {seconds:13.2f} | {mib:17.0f} | {slowest / seconds:7.1f}× |")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nwhole process, everything above included: peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
