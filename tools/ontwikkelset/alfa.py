"""Krippendorff's α between the development set and the second labelling.

    python tools/ontwikkelset/alfa.py [PATH/tweede_codering.csv]

Default path: ``src/regiekompas/core/documents/data/tweede_codering.csv`` (``id, cc, dc``).
Prints α (nominal) and the raw agreement per axis; see
`regiekompas.core.documents.agreement`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from regiekompas.core.documents.agreement import agreement, read_second_labelling
from regiekompas.core.documents.devset import load_devset

DATA = Path(__file__).resolve().parents[2] / "src/regiekompas/core/documents/data"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA / "tweede_codering.csv"
    first = {i.id: {"cc": i.cc, "dc": i.dc} for i in load_devset()}
    second = read_second_labelling(path)
    unknown = sorted(set(second) - set(first))
    if unknown:
        sys.exit(f"{path.name}: onbekende ids: {', '.join(unknown[:10])}")
    print("as  n    alfa   overeenstemming")
    for axis, result in agreement(first, second).items():
        print(f"{axis}  {result.n:<4} {result.alpha:.3f}  {result.overeenstemming:.1%}")


if __name__ == "__main__":
    main()
