"""Bands that give a figure a meaning ("laag", "sterk", "betrouwbaar"), read from `banden.toml`.

The cut-offs are data next to the model, each with its source, so a reader can see where a
word such as "hoog" comes from and a later version can change a cut-off without a code
change (docs/method.md, "Bands"). A value falls in the band whose lower bound it reaches:
with bounds (b₁ < … < b_m) and bands (l₀ … l_m), value v gets l_i for the largest i with
b_i ≤ v (l₀ when v < b₁). A missing value (None or NaN) has no band.
"""

from __future__ import annotations

import bisect
import functools
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

from regiekompas.core.datafile import Table, parse_toml
from regiekompas.core.text import Text

DEFAULT_FILE: Final = "banden.toml"

#: The measures a bands file must define; the results document uses every one of them.
BAND_MEASURES: Final[tuple[str, ...]] = ("kloof", "spraakverwarring", "rwg", "alpha", "conditie")


@dataclass(frozen=True)
class Band:
    """The cut-offs of one measure, with the words for each band and their source."""

    code: str
    name: Text
    bounds: tuple[float, ...]
    bands: tuple[str, ...]
    labels: tuple[Text, ...]
    source: Text

    def of(self, value: float | None) -> str | None:
        """The band code of `value`; None when the value is missing."""
        if value is None or value != value:
            return None
        return self.bands[bisect.bisect_right(self.bounds, float(value))]

    def label(self, code: str, lang: str = "nl") -> str:
        return self.labels[self.bands.index(code)].get(lang)


@dataclass(frozen=True)
class Bands:
    versie: str
    measures: tuple[Band, ...]

    def __getitem__(self, code: str) -> Band:
        for band in self.measures:
            if band.code == code:
                return band
        raise KeyError(code)

    def of(self, measure: str, value: float | None) -> str | None:
        return self[measure].of(value)


def load_bands(path: str | os.PathLike[str] | None = None) -> Bands:
    """The packaged bands (cached), or those of another file."""
    if path is None:
        return _default_bands()
    file = Path(path)
    return parse_bands(file.read_bytes(), file=file.name)


@functools.cache
def _default_bands() -> Bands:
    data = resources.files(__package__).joinpath(DEFAULT_FILE).read_bytes()
    return parse_bands(data, file=DEFAULT_FILE)


def parse_bands(data: bytes | str, *, file: str) -> Bands:
    """Validate a bands file: bounds strictly increasing, one band more than bounds."""
    root = Table(parse_toml(data, file=file), file=file, path="")
    versie = root.string("versie")
    found = []
    for code, item in root.coded("banden"):
        raw = item.get("grenzen")
        if not isinstance(raw, list) or not raw:
            raise item.error("grenzen", "expected a non-empty list of numbers")
        bounds = tuple(_number(item, i, value) for i, value in enumerate(raw))
        if any(b >= a for a, b in zip(bounds[1:], bounds[:-1], strict=True)):
            raise item.error("grenzen", "bounds must be strictly increasing")
        bands = item.strings("banden")
        if len(bands) != len(bounds) + 1 or len(set(bands)) != len(bands):
            raise item.error("banden", "expected one distinct band more than there are bounds")
        labels = item.texts("labels")
        if len(labels) != len(bands):
            raise item.error("labels", "expected one label per band")
        found.append(
            Band(
                code=code,
                name=item.text("naam"),
                bounds=bounds,
                bands=bands,
                labels=labels,
                source=item.text("bron"),
            )
        )
        item.close()
    missing = [code for code in BAND_MEASURES if code not in {b.code for b in found}]
    if missing:
        raise root.error("banden", f"missing bands for {', '.join(missing)}")
    root.close()
    return Bands(versie=versie, measures=tuple(found))


def _number(item: Table, index: int, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise item.error(f"grenzen[{index}]", f"expected a number, got {value!r}")
    return float(value)
