"""The band word of a figure ("hoog", "zwak", "onvoldoende") for advice texts.

A number in an advice text only means something to a reader with its band next to it
(product.md §4.11, docs/method.md "Bands"). The cut-offs are the defaults of §4.11; a value
equal to a cut-off belongs to the higher band.
"""

from __future__ import annotations

import bisect
from typing import Final

from regiekompas.core.text import Text

_BANDS: Final[dict[str, tuple[tuple[float, ...], tuple[Text, ...]]]] = {
    "kloof": ((0.10, 0.25), (Text("laag", "low"), Text("midden", "medium"), Text("hoog", "high"))),
    "spraakverwarring": (
        (0.10, 0.25),
        (Text("laag", "low"), Text("midden", "medium"), Text("hoog", "high")),
    ),
    "rwg": (
        (0.30, 0.50, 0.70, 0.90),
        (
            Text("geen", "none"),
            Text("zwak", "weak"),
            Text("matig", "moderate"),
            Text("sterk", "strong"),
            Text("zeer sterk", "very strong"),
        ),
    ),
    "alpha": (
        (0.667, 0.80),
        (
            Text("onvoldoende", "insufficient"),
            Text("voorlopig", "tentative"),
            Text("betrouwbaar", "reliable"),
        ),
    ),
    "conditie": (
        (40.0, 60.0),
        (Text("zwak", "weak"), Text("matig", "moderate"), Text("goed", "good")),
    ),
}


def band_label(measure: str, value: float | None) -> Text | None:
    """The band of `value` for `measure` in both languages; None for a missing value."""
    if value is None or value != value:
        return None
    bounds, labels = _BANDS[measure]
    return labels[bisect.bisect_right(bounds, value)]
