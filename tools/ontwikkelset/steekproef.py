"""Draw the stratified sample for the second, independent labelling.

    python tools/ontwikkelset/steekproef.py

writes ``src/regiekompas/core/documents/data/steekproef_tweede_codering.csv`` with 300 ids and
their texts only (no labels, shuffled, so neither order nor columns give the labels away).
Strata: the (cc, dc) label pair, and trap versus no trap; each stratum gets its proportional
share (largest remainders), at least 5 where it has that many, so rare combinations are
represented.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "src/regiekompas/core/documents/data"
SIZE = 300
MINIMUM = 5


def main(seed: int = 12) -> None:
    with (DATA / "ontwikkelset.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    strata: dict[tuple[str, str, bool], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        strata[(row["cc"], row["dc"], bool(row["valkuil"]))].append(row)
    rng = random.Random(seed)
    keys = sorted(strata)
    quota = {k: min(len(strata[k]), max(MINIMUM, SIZE * len(strata[k]) // len(rows))) for k in keys}
    # hand out what is left by largest remainder, then trim from the largest strata
    rest = sorted(keys, key=lambda k: -(SIZE * len(strata[k]) / len(rows)) % 1)
    while sum(quota.values()) < SIZE:
        for k in rest:
            if sum(quota.values()) < SIZE and quota[k] < len(strata[k]):
                quota[k] += 1
    while sum(quota.values()) > SIZE:
        biggest = max(keys, key=lambda k: quota[k])
        quota[biggest] -= 1
    sample = [row for k in keys for row in rng.sample(strata[k], quota[k])]
    rng.shuffle(sample)
    with (DATA / "steekproef_tweede_codering.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["id", "tekst"])
        for row in sample:
            writer.writerow([row["id"], row["tekst"]])
    print(f"{len(sample)} ids in {len(keys)} strata")


if __name__ == "__main__":
    main()
