"""The band word of a figure ("hoog", "zwak", "onvoldoende") for advice and terminal texts.

A number only means something to a reader with its band next to it (product.md §4.11,
docs/method.md "Bands"). The cut-offs come from the model's bands file
(`core/model/banden.toml`), the same that gives the `band` fields of the results document,
so a text and the table beside it always agree.
"""

from __future__ import annotations

from regiekompas.core.model.bands import load_bands
from regiekompas.core.text import Text


def band_label(measure: str, value: float | None) -> Text | None:
    """The band of `value` for `measure` in both languages; None for a missing value."""
    band = load_bands()[measure]
    code = band.of(value)
    if code is None:
        return None
    return band.labels[band.bands.index(code)]
