"""The labelled development set and its split by source document (docs/codebook.md).

``data/ontwikkelset.csv`` holds the texts (``id, document_id, soort, tekst, cc, dc,
valkuil``); ``data/splitsing.csv`` assigns every source document to ``train``, ``validatie``
or ``test``. The split is by document — and, because the set's documents come in writer
groups that share no sentence frames, by writer group too (docs/documents-evaluation.md) — so
no text of a test document, nor any sentence frame it was written from, is seen in training.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

__all__ = ["PARTS", "DevItem", "load_devset", "load_split", "split_items"]

PARTS = ("train", "validatie", "test")


@dataclass(frozen=True)
class DevItem:
    id: str
    document_id: str
    soort: str
    tekst: str
    cc: str
    dc: str
    valkuil: str


def _data(name: str) -> str:
    path = resources.files("regiekompas.core.documents").joinpath("data", name)
    return path.read_text(encoding="utf-8")


def load_devset() -> list[DevItem]:
    rows = csv.DictReader(io.StringIO(_data("ontwikkelset.csv"), newline=""))
    return [
        DevItem(r["id"], r["document_id"], r["soort"], r["tekst"], r["cc"], r["dc"], r["valkuil"])
        for r in rows
    ]


def load_split() -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(_data("splitsing.csv"), newline=""))
    return {r["document_id"]: r["deel"] for r in rows}


def split_items(items: list[DevItem], split: dict[str, str]) -> dict[str, list[DevItem]]:
    """Items per part; every document must be in the split exactly once."""
    parts: dict[str, list[DevItem]] = {p: [] for p in PARTS}
    for item in items:
        part = split.get(item.document_id)
        if part not in parts:
            raise ValueError(f"document {item.document_id} has no valid part in the split")
        parts[part].append(item)
    return parts
