"""Write one part of the development set as a labels file for `documenten evalueer`.

    python tools/ontwikkelset/toetsdeel.py [test|validatie|train] OUT.csv

The held-out figures of docs/documents-evaluation.md are `regiekompas documenten evalueer`
on the ``test`` part (never trained or tuned on).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from regiekompas.core.documents.devset import load_devset, load_split, split_items


def main() -> None:
    part, out = sys.argv[1], Path(sys.argv[2])
    items = split_items(load_devset(), load_split())[part]
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["id", "tekst", "cc", "dc"])
        for i in items:
            writer.writerow([i.id, i.tekst, i.cc, i.dc])
    print(f"{len(items)} teksten ({part}) geschreven naar {out}")


if __name__ == "__main__":
    main()
