"""The questionnaire (instrument) as versioned, validated data with typed, immutable objects.

Wording lives in `v1.toml` so it can be revised without touching code; the item codes and
their keying are fixed across versions (docs/method.md, "Instrument") and enforced when a
file is loaded.
`Instrument.texts` holds the wording around the items: the scan intro, the intros of the
two perspectives and of the gemeente-level sections, the "other, namely" prompt and the
labelled answer scales (`bipolar`, `likert`, `agreement`, `obstacle`).
"""

from __future__ import annotations

from regiekompas.core.instrument.load import (
    AXIS_ITEM_CODES,
    DEFAULT_VERSION,
    PACKAGED_VERSIONS,
    QUESTIONNAIRE_VERSION,
    REVERSED_AXIS_ITEMS,
    load_instrument,
    parse_instrument,
)
from regiekompas.core.instrument.matching import match_key
from regiekompas.core.instrument.types import (
    AnswerOption,
    AnswerScale,
    AxisItem,
    BinaryItem,
    GlossaryTerm,
    Instrument,
    InstrumentTexts,
    LikertItem,
    MechanismType,
    OpenQuestion,
    Scale,
)

__all__ = [
    "AXIS_ITEM_CODES",
    "DEFAULT_VERSION",
    "PACKAGED_VERSIONS",
    "QUESTIONNAIRE_VERSION",
    "REVERSED_AXIS_ITEMS",
    "AnswerOption",
    "AnswerScale",
    "AxisItem",
    "BinaryItem",
    "GlossaryTerm",
    "Instrument",
    "InstrumentTexts",
    "LikertItem",
    "MechanismType",
    "OpenQuestion",
    "Scale",
    "load_instrument",
    "match_key",
    "parse_instrument",
]
