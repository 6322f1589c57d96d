"""The transitiemodel as immutable values.

Frozen, because one cached `Model` is shared by every caller in the process (CLI, web app,
reports); a caller that could change a label would change it for all the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final, Protocol, TypeVar

from regiekompas.core.text import DEFAULT_LANGUAGE, Text
from regiekompas.core.vocabulary import Axis as AxisCode

#: What a stakeholder group is, independent of how it reasons: used to tell the gemeente's
#: view apart from the providers' and the insurer's.
GROUP_KINDS: Final[tuple[str, ...]] = ("gemeente", "financier", "aanbieder", "inwoner")


@dataclass(frozen=True)
class Axis:
    code: AxisCode
    name: Text
    negative_pole: Text
    positive_pole: Text
    description: Text


@dataclass(frozen=True)
class Quadrant:
    code: str
    cc_sign: int
    dc_sign: int
    name: Text
    frameworks: Text
    gemeente_role: Text
    aanbieder_role: Text
    visie: Text
    examples: tuple[Text, ...]


@dataclass(frozen=True)
class Condition:
    code: str
    name: Text
    description: Text


@dataclass(frozen=True)
class Problem:
    code: str
    name: Text
    description: Text
    consequences: Text


@dataclass(frozen=True)
class Rationaliteit:
    code: str
    name: Text
    description: Text


@dataclass(frozen=True)
class Group:
    code: str
    name: Text
    rationaliteit: str
    kind: str


@dataclass(frozen=True)
class Transitie:
    code: str
    name: Text
    description: Text


@dataclass(frozen=True)
class Step:
    name: Text
    description: Text


@dataclass(frozen=True)
class RegieNemen:
    name: Text
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Titles:
    """Section titles that `Model.reference` builds citations from."""

    model: Text
    assen: Text
    kwadranten: Text
    condities: Text
    problemen: Text
    regie_nemen: Text


class _Entry(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def name(self) -> Text: ...


_T = TypeVar("_T", bound=_Entry)


def _find(items: Iterable[_T], code: str, what: str) -> _T:
    items = tuple(items)
    for item in items:
        if item.code == code:
            return item
    known = ", ".join(item.code for item in items)
    raise KeyError(f"unknown {what} {code!r}; known: {known}")


@dataclass(frozen=True)
class Model:
    """The whole model; the order of each tuple is the order to show it in."""

    versie: str
    bron: Text
    caveat: Text
    titles: Titles
    axes: tuple[Axis, ...]
    quadrants: tuple[Quadrant, ...]
    conditions: tuple[Condition, ...]
    problems: tuple[Problem, ...]
    rationaliteiten: tuple[Rationaliteit, ...]
    groups: tuple[Group, ...]
    transities: tuple[Transitie, ...]
    regie_nemen: RegieNemen

    @property
    def group_codes(self) -> tuple[str, ...]:
        return tuple(group.code for group in self.groups)

    @property
    def transitie_codes(self) -> tuple[str, ...]:
        return tuple(transitie.code for transitie in self.transities)

    def axis(self, code: str) -> Axis:
        return _find(self.axes, code, "axis")

    def quadrant(self, code: str) -> Quadrant:
        return _find(self.quadrants, code, "quadrant")

    def condition(self, code: str) -> Condition:
        return _find(self.conditions, code, "condition")

    def problem(self, code: str) -> Problem:
        return _find(self.problems, code, "problem")

    def rationaliteit(self, code: str) -> Rationaliteit:
        return _find(self.rationaliteiten, code, "rationaliteit")

    def group(self, code: str) -> Group:
        return _find(self.groups, code, "group")

    def transitie(self, code: str) -> Transitie:
        return _find(self.transities, code, "transitie")

    def reference(self, ref: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """Human title of a part of the model, so advice can say what it rests on.

        `ref` is `assen.<cc|dc>`, `kwadranten.<Quadrant>`, `condities.<code>`,
        `problemen.<code>` or `regie_nemen`; anything else raises `KeyError`.
        """
        model = self.titles.model.get(lang)
        if ref == "regie_nemen":
            return f"{model}, {self.titles.regie_nemen.get(lang)}"
        section, dot, code = ref.partition(".")
        lookups: dict[str, tuple[Text, Callable[[str], _Entry]]] = {
            "assen": (self.titles.assen, self.axis),
            "kwadranten": (self.titles.kwadranten, self.quadrant),
            "condities": (self.titles.condities, self.condition),
            "problemen": (self.titles.problemen, self.problem),
        }
        if not dot or section not in lookups:
            valid = "assen.<code>, kwadranten.<code>, condities.<code>, problemen.<code>"
            raise KeyError(f"unknown model reference {ref!r}; expected {valid} or regie_nemen")
        title, lookup = lookups[section]
        try:
            name = lookup(code).name
        except KeyError as exc:
            raise KeyError(f"unknown model reference {ref!r}: {exc.args[0]}") from None
        return f"{model}, {title.get(lang)}: {name.get(lang)}"

    def has_reference(self, ref: str) -> bool:
        try:
            self.reference(ref)
        except KeyError:
            return False
        return True
