"""The instrument as immutable objects, so no caller can alter the questions of a live scan.

Everything here is built by `load.py` from a validated data file; the objects themselves do
no validation. Lookups that importers and measures run per row (`answer_range`,
`match_mechanism_type`) are backed by indexes built once per instrument.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from regiekompas.core.instrument.matching import match_key
from regiekompas.core.text import Text
from regiekompas.core.vocabulary import AXES, PERSPECTIEVEN, Axis

_NO_TEXT = Text(nl="", en="")


def _per_perspectief(perspectief: str, ambitie: Text, praktijk: Text) -> Text:
    """The text for one perspectief, or a clear error for an unknown one."""
    if perspectief == "ambitie":
        return ambitie
    if perspectief == "praktijk":
        return praktijk
    raise ValueError(f"unknown perspectief {perspectief!r}; expected one of {PERSPECTIEVEN}")


@dataclass(frozen=True)
class AnswerOption:
    """One choice on an answer scale; `value` None is "weet niet", stored as an empty answer."""

    value: int | None
    label: Text


@dataclass(frozen=True)
class AnswerScale:
    """The labelled choices of one item kind, in the order a form shows them."""

    code: str
    options: tuple[AnswerOption, ...]

    @functools.cached_property
    def bounds(self) -> tuple[int, int]:
        values = [option.value for option in self.options if option.value is not None]
        return min(values), max(values)

    def label(self, value: int | None) -> Text:
        for option in self.options:
            if option.value == value:
                return option.label
        raise KeyError(value)


@dataclass(frozen=True)
class AxisItem:
    """A bipolar item; `pole_1`/`pole_5` are the texts shown at answers 1 and 5.

    For a reverse-keyed item (`reverse`) the controle / centraal text is `pole_1`, so the raw
    answer must be negated before it counts towards the position (docs/method.md, "Instrument").
    """

    code: str
    axis: Axis
    reverse: bool
    topic: Text
    pole_1: Text
    pole_5: Text
    ambitie: Text
    praktijk: Text
    #: Short pole words for the answer labels ("samen", "de gemeente alleen"); v2 onwards.
    short_1: Text | None = None
    short_5: Text | None = None
    #: The question without a perspectief, for a statement answered for both in rows (v2).
    statement: Text | None = None

    @property
    def keying(self) -> int:
        return -1 if self.reverse else 1

    def question(self, perspectief: str) -> Text:
        """Wording for one perspectief; placeholders `{gemeente}` and `{transitie}`."""
        return _per_perspectief(perspectief, self.ambitie, self.praktijk)


@dataclass(frozen=True)
class LikertItem:
    """A condition statement; `reverse` items are negatively worded and scored as 6 − a."""

    code: str
    reverse: bool
    text: Text


@dataclass(frozen=True)
class Scale:
    """The items measuring one of the five conditions; `code` is a `vocabulary.CONDITIONS` code.

    `condition` describes what the scale measures, for the questionnaire and the report.
    """

    code: str
    prefix: str
    name: Text
    items: tuple[LikertItem, ...]
    condition: Text = _NO_TEXT

    @property
    def item_codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)


@dataclass(frozen=True)
class BinaryItem:
    """An agreement (1 = ja, 0 = nee) or obstacle (1 = this holds us back, 0 = nee)."""

    code: str
    text: Text


@dataclass(frozen=True)
class OpenQuestion:
    """Optional free text: shown in forms, never imported as a number nor shown with a name."""

    code: str
    text: Text


@dataclass(frozen=True)
class MechanismType:
    """A catalogue type of coordination arrangement, with its default place in the model."""

    code: str
    name: Text
    quadrant: str
    cc: float
    dc: float
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    """A model term and its plain explanation; `forms` are other spellings to recognise."""

    term: Text
    explanation: Text
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class InstrumentTexts:
    """Wording around the items: intros, the "other, namely" prompt and the answer labels.

    `ambitie` and `praktijk` introduce the two perspectives and may use `{gemeente}` and
    `{transitie}`; `conditions`, `agreements` and `obstacles` may use `{gemeente}`.
    """

    intro: Text
    ambitie: Text
    praktijk: Text
    conditions: Text
    agreements: Text
    obstacles: Text
    obstacle_other: Text
    open_questions: Text
    bipolar: AnswerScale
    likert: AnswerScale
    agreement: AnswerScale
    obstacle: AnswerScale
    #: Introduces axis statements answered for both perspectieven in rows (v2 onwards).
    axis_intro: Text | None = None

    def perspective(self, perspectief: str) -> Text:
        return _per_perspectief(perspectief, self.ambitie, self.praktijk)


@dataclass(frozen=True)
class Instrument:
    """One validated version of the questionnaire; item codes are stable across versions."""

    versie: str
    texts: InstrumentTexts
    axis_items: tuple[AxisItem, ...]
    scales: tuple[Scale, ...]
    agreements: tuple[BinaryItem, ...]
    obstacles: tuple[BinaryItem, ...]
    open_questions: tuple[OpenQuestion, ...]
    mechanism_types: tuple[MechanismType, ...]
    glossary: tuple[GlossaryTerm, ...] = ()

    @functools.cached_property
    def axis_item_codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.axis_items)

    def axis_codes(self, axis: str) -> tuple[str, ...]:
        if axis not in AXES:
            raise ValueError(f"unknown axis {axis!r}; expected one of {AXES}")
        return tuple(item.code for item in self.axis_items if item.axis == axis)

    @functools.cached_property
    def axis_keying(self) -> tuple[int, ...]:
        """+1 or −1 per axis item (in `axis_items` order), to vectorise s = ±(a − 3) / 2."""
        return tuple(item.keying for item in self.axis_items)

    @functools.cached_property
    def likert_items(self) -> tuple[LikertItem, ...]:
        return tuple(item for scale in self.scales for item in scale.items)

    @functools.cached_property
    def gemeente_item_codes(self) -> tuple[str, ...]:
        """Items asked once per gemeente: they concern the collaboration, not one transitie."""
        return (
            *(item.code for item in self.likert_items),
            *(item.code for item in self.agreements),
            *(item.code for item in self.obstacles),
        )

    @functools.cached_property
    def _answer_scales(self) -> dict[str, AnswerScale]:
        texts = self.texts
        scales = dict.fromkeys(self.axis_item_codes, texts.bipolar)
        scales.update(dict.fromkeys((item.code for item in self.likert_items), texts.likert))
        scales.update(dict.fromkeys((item.code for item in self.agreements), texts.agreement))
        scales.update(dict.fromkeys((item.code for item in self.obstacles), texts.obstacle))
        return scales

    def answer_range(self, code: str) -> tuple[int, int]:
        """Lowest and highest valid answer; `KeyError` for a code that is not a numeric item."""
        return self._answer_scales[code].bounds

    def answer_scale(self, code: str) -> AnswerScale:
        """The labelled choices a form shows for item `code`; `KeyError` when unknown."""
        return self._answer_scales[code]

    def is_axis_item(self, code: str) -> bool:
        return code in self.axis_item_codes

    def is_known_item(self, code: str) -> bool:
        """True for every code that may carry a number in a responses file.

        Open questions are not items in this sense: their answers are text only.
        """
        return code in self._answer_scales

    def is_open_question(self, code: str) -> bool:
        return any(question.code == code for question in self.open_questions)

    @functools.cached_property
    def _mechanism_index(self) -> dict[str, MechanismType]:
        index: dict[str, MechanismType] = {}
        for mechanism in self.mechanism_types:
            names = (mechanism.code, mechanism.name.nl, mechanism.name.en, *mechanism.aliases)
            for name in names:
                index.setdefault(match_key(name), mechanism)
        index.pop("", None)
        return index

    def match_mechanism_type(self, text: str) -> MechanismType | None:
        """The catalogue type a typed name refers to, or None.

        Case, accents, spaces, hyphens, underscores and punctuation are ignored, so
        "Sociaal-Wijkteam", "sociaal_wijkteam" and "sociaal wijkteam" all match; plurals
        and abbreviations match through the aliases in the data file.
        """
        key = match_key(text)
        return self._mechanism_index.get(key) if key else None
