"""Generate the labelled development set from the hand-written fragments.

    python tools/ontwikkelset/genereer.py

writes ``src/regiekompas/core/documents/data/ontwikkelset.csv`` and ``splitsing.csv``.

Design (docs/codebook.md, docs/documents-evaluation.md):

* every fictitious source document belongs to one of five *writer groups*; every sentence
  frame belongs to exactly one group, and a document only uses frames of its own group. The
  held-out test documents therefore never share a sentence frame with the training documents
  — a stricter split than by document alone, closer to meeting a new gemeente's prose;
* a document has a leaning per axis (as real documents do) and a soort (beleidsplan,
  inkoopdocument, raadsvoorstel, meerjarenvisie) that decides which frames fit its style;
* about a quarter of the items are short passages: a signal sentence with ordinary policy
  sentences around it, or a cc sentence and a dc sentence together.

The output is deterministic for a given seed.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import fragmenten as F  # noqa: N812

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src/regiekompas/core/documents/data"
GROUPS = 5
#: group -> part of the split (by document, and so by writer group)
PART = {0: "train", 1: "train", 2: "train", 3: "validatie", 4: "test"}

GEMEENTEN = [
    "Aldervoort", "Brakelveen", "Dijkmeer", "Eshorst", "Gravenwaard", "Heukelmond",
    "Kortewoude", "Lindemaas", "Merwekamp", "Oudersloot", "Rietwijk", "Schelderbeek",
    "Tolhuizen", "Vlietmonde", "Zandervoort", "Haverdijk", "Ommerveld", "Bruggerveen",
    "Duinwaarde", "Essenbroek", "Wolderkamp", "Lemmerhout", "Kreekdonk", "Marendijk",
]  # fmt: skip
SOORTEN = (
    ["beleidsplan"] * 3 + ["inkoopdocument"] * 3 + ["raadsvoorstel"] * 2 + ["meerjarenvisie"] * 2
)
SOORT_TAG = {"beleidsplan": "b", "meerjarenvisie": "b", "inkoopdocument": "i", "raadsvoorstel": "r"}

Frame = tuple[str, str, str, str, str]  # text, soort tag, cc, dc, valkuil


def frames() -> dict[str, list[Frame]]:
    cats: dict[str, list[Frame]] = {
        "cocreatie": [(t, s, "cocreatie", "geen", "") for t, s in F.COCREATIE],
        "controle": [(t, s, "controle", "geen", "") for t, s in F.CONTROLE],
        "decentraal": [(t, s, "geen", "decentraal", "") for t, s in F.DECENTRAAL],
        "centraal": [(t, s, "geen", "centraal", "") for t, s in F.CENTRAAL],
        "geen": [(t, s, "geen", "geen", "") for t, s in F.GEEN],
    }
    for t, s, cc, dc in F.BEIDE:
        cats.setdefault(f"beide:{cc}:{dc}", []).append((t, s, cc, dc, ""))
    for t, s, cc, dc, v in F.VALKUILEN:
        cats.setdefault(f"val:{v}", []).append((t, s, cc, dc, v))
    return cats


def split_groups(cats: dict[str, list[Frame]], rng: random.Random) -> dict[str, list[list[Frame]]]:
    """Deal each category's frames round-robin over the writer groups, after a shuffle."""
    out: dict[str, list[list[Frame]]] = {}
    for name, items in cats.items():
        items = items[:]
        rng.shuffle(items)
        out[name] = [items[g::GROUPS] for g in range(GROUPS)]
    return out


ALT = re.compile(r"\[([^\[\]]+)\]")
SLOT = re.compile(r"\{(\w+)\}")


def fill(text: str, rng: random.Random, gemeente: str) -> str:
    text = ALT.sub(lambda m: rng.choice(m.group(1).split("|")), text)

    def slot(m: re.Match[str]) -> str:
        key = m.group(1)
        if key == "gem":
            return gemeente
        return rng.choice(F.SLOTS[key])

    text = SLOT.sub(slot, text)
    return text[0].upper() + text[1:]


class Document:
    def __init__(self, index: int, rng: random.Random) -> None:
        self.group = index % GROUPS
        self.soort = SOORTEN[(index // GROUPS) % len(SOORTEN)]
        self.gemeente = GEMEENTEN[index % len(GEMEENTEN)]
        self.id = f"D{index + 1:03d}"
        controle_bias = 0.7 if self.soort == "inkoopdocument" else 0.5
        self.cc_lean = "controle" if rng.random() < controle_bias else "cocreatie"
        self.dc_lean = "centraal" if rng.random() < 0.5 else "decentraal"
        self.size = rng.randint(19, 26)


def main(seed: int = 20261203) -> None:
    rng = random.Random(seed)
    grouped = split_groups(frames(), rng)
    uses: dict[str, int] = {}
    seen: set[str] = set()
    rows: list[dict[str, str]] = []
    docs = [Document(i, rng) for i in range(100)]

    def pick(cat: str, doc: Document) -> Frame:
        pool = grouped[cat][doc.group]
        tag = SOORT_TAG[doc.soort]
        fitting = [f for f in pool if f[1] in ("", tag)] or pool
        weights = [1.0 / (1 + uses.get(f[0], 0)) ** 2 for f in fitting]
        frame = rng.choices(fitting, weights)[0]
        uses[frame[0]] = uses.get(frame[0], 0) + 1
        return frame

    def pole(doc: Document, axis: str) -> str:
        lean = doc.cc_lean if axis == "cc" else doc.dc_lean
        other = {"cocreatie": "controle", "controle": "cocreatie"}.get(lean) or {
            "centraal": "decentraal",
            "decentraal": "centraal",
        }[lean]
        return lean if rng.random() < 0.72 else other

    traps = [c for c in grouped if c.startswith("val:")]

    def unit(doc: Document, kind: str) -> Frame:
        if kind == "cc":
            return pick(pole(doc, "cc"), doc)
        if kind == "dc":
            return pick(pole(doc, "dc"), doc)
        if kind == "beide":
            return pick(f"beide:{pole(doc, 'cc')}:{pole(doc, 'dc')}", doc)
        if kind == "val":
            return pick(rng.choice(traps), doc)
        return pick("geen", doc)

    kinds = ["geen", "cc", "dc", "beide", "val"]
    weights = [0.30, 0.20, 0.20, 0.07, 0.23]
    for doc in docs:
        made = 0
        tries = 0
        while made < doc.size and tries < 400:
            tries += 1
            kind = rng.choices(kinds, weights)[0]
            first = unit(doc, kind)
            parts = [first]
            cc, dc, val = first[2], first[3], first[4]
            r = rng.random()
            if kind in ("cc", "dc") and r < 0.12:
                # a cc sentence and a dc sentence together: labelled on both axes
                second = unit(doc, "dc" if kind == "cc" else "cc")
                parts.append(second)
                cc = first[2] if kind == "cc" else second[2]
                dc = first[3] if kind == "dc" else second[3]
            elif r < 0.30:
                # a signal (or ordinary) sentence with ordinary sentences around it
                for _ in range(rng.choice([1, 1, 2])):
                    extra = unit(doc, "geen")
                    if rng.random() < 0.5:
                        parts.insert(0, extra)
                    else:
                        parts.append(extra)
            if len({p[0] for p in parts}) < len(parts):
                continue  # the same frame twice in one passage reads as a copy error
            text = " ".join(fill(p[0], rng, doc.gemeente) for p in parts)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            rows.append(
                {
                    "document_id": doc.id,
                    "soort": doc.soort,
                    "tekst": text,
                    "cc": cc,
                    "dc": dc,
                    "valkuil": val,
                }
            )
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "ontwikkelset.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(
            fh, ["id", "document_id", "soort", "tekst", "cc", "dc", "valkuil"], lineterminator="\n"
        )
        writer.writeheader()
        for i, row in enumerate(rows, start=1):
            writer.writerow({"id": f"Z{i:04d}", **row})
    with (OUT / "splitsing.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["document_id", "deel"])
        for doc in docs:
            writer.writerow([doc.id, PART[doc.group]])
    print(f"{len(rows)} items in {len(docs)} documents; frames used: {len(uses)}")


if __name__ == "__main__":
    main()
