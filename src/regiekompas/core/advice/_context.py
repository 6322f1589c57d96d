"""Careful reading of the results document, and the display names advice texts use.

The results may come straight from `analyse` or be read back from a JSON file written by an
older version or edited by hand, so every key may be missing, null or of the wrong type.
Anything unusable is treated as missing — a rule lacking its figures then simply does not
fire — rather than raising halfway through a report.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from regiekompas.core.advice._bands import band_label
from regiekompas.core.advice._catalogue import SCOPES
from regiekompas.core.advice._expr import Value
from regiekompas.core.advice._profile import Position, Profile, condition_profile
from regiekompas.core.text import Text
from regiekompas.core.vocabulary import CONDITIONS, GRENS, PERSPECTIEVEN, QUADRANTS


class _Named(Protocol):
    @property
    def name(self) -> Text: ...


class ModelLike(Protocol):
    """The part of `regiekompas.core.model.Model` advice needs (a test may pass a stub)."""

    def reference(self, ref: str, lang: str = ...) -> str: ...

    def has_reference(self, ref: str) -> bool: ...

    def group(self, code: str) -> _Named: ...

    def condition(self, code: str) -> _Named: ...

    def transitie(self, code: str) -> _Named: ...

    def quadrant(self, code: str) -> _Named: ...

    def axis(self, code: str) -> _Named: ...

    def rationaliteit(self, code: str) -> _Named: ...

    @property
    def transitie_codes(self) -> tuple[str, ...]: ...


def num(value: object) -> float | None:
    """A finite number, else None (`true` is not a number here, NaN is not a figure)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def code(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


class Names:
    """Display names in both languages; an unknown code is shown as itself."""

    _FIXED: Mapping[str, Text] = {
        "ambitie": Text("ambitie", "ambition"),
        "praktijk": Text("praktijk", "practice"),
        GRENS: Text("op de grens", "on the border"),
    }

    def __init__(self, model: ModelLike, names: Mapping[str, str] | None) -> None:
        self.model = model
        self.names = names or {}

    @staticmethod
    def _lookup(getter: Callable[[str], _Named], key: str) -> Text:
        try:
            return getter(key).name
        except KeyError:
            return Text(key, key)

    def gemeente(self, key: str) -> Text:
        name = self.names.get(key) or key
        return Text(name, name)

    def transitie(self, key: str) -> Text:
        return self._lookup(self.model.transitie, key)

    def group(self, key: str) -> Text:
        return self._lookup(self.model.group, key)

    def condition(self, key: str) -> Text:
        return self._lookup(self.model.condition, key)

    def rationaliteit(self, key: str) -> Text:
        return self._lookup(self.model.rationaliteit, key)

    def axis(self, key: str) -> Text:
        return self._lookup(self.model.axis, key)

    def quadrant(self, key: str) -> Text:
        if key in self._FIXED:
            return self._FIXED[key]
        return self._lookup(self.model.quadrant, key)

    def perspectief(self, key: str) -> Text:
        return self._FIXED.get(key, Text(key, key))

    def regio(self, name: str | None) -> Text:
        return Text(name, name) if name else Text("de regio", "the region")

    def label(self, kind: str, key: str) -> Text:
        """The display name of a code figure; `kind` is `Figure.names` of the catalogue."""
        lookups = {
            "kwadrant": self.quadrant,
            "conditie": self.condition,
            "perspectief": self.perspectief,
        }
        return lookups[kind](key)


@dataclass(frozen=True)
class Cell:
    gemeente_code: str
    transitie: str
    perspectief: str
    n: float | None
    cc: float | None
    dc: float | None
    kwadrant: str | None
    helder: bool | None


@dataclass(frozen=True)
class Entry:
    """One thing a rule is evaluated on; `labels` hold every display text, codes included."""

    gemeente_code: str | None
    transitie: str | None
    figures: Mapping[str, Value]
    labels: Mapping[str, Text]
    regio: str | None = None


@dataclass
class Context:
    """The results document with its indexes, and what the caller told about it."""

    results: Mapping[str, Any]
    names: Names
    gewichten: Mapping[str, Mapping[str, float]]
    targets: Mapping[tuple[str, str], str]
    regio_of: Mapping[str, str | None] | None
    #: The model's order of the transities, for listing them in a merged advice.
    transitie_order: tuple[str, ...] = ()
    _profiles: dict[str, Profile | None] = field(default_factory=dict)

    _rows: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)

    def rows(self, key: str) -> list[Mapping[str, Any]]:
        if key not in self._rows:
            value = self.results.get(key) if isinstance(self.results, Mapping) else None
            rows = value if isinstance(value, list) else []
            self._rows[key] = [row for row in rows if isinstance(row, Mapping)]
        return self._rows[key]

    @functools.cached_property
    def gemeente_scores(self) -> dict[str, dict[str, float]]:
        """Condition scores of all respondents per gemeente (indexed once: scans are large)."""
        scores: dict[str, dict[str, float]] = {}
        for row in self.rows("condities"):
            conditie, score = row.get("conditie"), num(row.get("score"))
            gemeente = row.get("gemeente_code")
            if (
                isinstance(gemeente, str)
                and row.get("groep") is None
                and conditie in CONDITIONS
                and score is not None
            ):
                scores.setdefault(gemeente, {})[str(conditie)] = score
        return scores

    @functools.cached_property
    def transities_of(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for g, t, _ in self.cells:
            out.setdefault(g, set()).add(t)
        for g, t in self.targets:
            out.setdefault(g, set()).add(t)
        return out

    @functools.cached_property
    def cells(self) -> dict[tuple[str, str, str], Cell]:
        cells = {}
        for row in self.rows("cellen"):
            g, t, p = (
                code(row.get("gemeente_code")),
                code(row.get("transitie")),
                row.get("perspectief"),
            )
            if g is None or t is None or p not in PERSPECTIEVEN:
                continue
            kwadrant = row.get("kwadrant")
            cells[(g, t, str(p))] = Cell(
                gemeente_code=g,
                transitie=t,
                perspectief=str(p),
                n=num(row.get("n")),
                cc=num(row.get("cc")),
                dc=num(row.get("dc")),
                kwadrant=kwadrant if kwadrant in (*QUADRANTS, GRENS) else None,
                helder=flag(row.get("helder")),
            )
        return dict(sorted(cells.items()))

    def target(self, gemeente_code: str, transitie: str) -> str | None:
        target = self.targets.get((gemeente_code, transitie))
        return target if target in QUADRANTS else None

    def in_regio(self, gemeente_code: str, regio: str | None) -> bool:
        """Without a `regio_of` mapping every gemeente of the results is taken as one region."""
        if self.regio_of is None:
            return True
        return self.regio_of.get(gemeente_code) == regio

    def profile(self, gemeente_code: str) -> Profile | None:
        if gemeente_code not in self._profiles:
            self._profiles[gemeente_code] = self._profile(gemeente_code)
        return self._profiles[gemeente_code]

    def _profile(self, gemeente_code: str) -> Profile | None:
        scores = self.gemeente_scores.get(gemeente_code, {})
        transities = self.transities_of.get(gemeente_code, set())
        positions = []
        for transitie in sorted(transities):
            target = self.target(gemeente_code, transitie)
            ambitie = self.cells.get((gemeente_code, transitie, "ambitie"))
            if target is not None:
                positions.append(Position(transitie, target, is_target=True))
            elif ambitie is not None and ambitie.kwadrant in QUADRANTS:
                positions.append(Position(transitie, ambitie.kwadrant, is_target=False))
        return condition_profile(scores, positions, self.gewichten)

    def entry(
        self,
        scope: str,
        *,
        gemeente_code: str | None,
        transitie: str | None,
        figures: Mapping[str, Value],
        labels: Mapping[str, Text | None],
        regio: str | None = None,
    ) -> Entry:
        """An entry of `scope` with the standard labels added and every code checked.

        A code figure outside its valid values (a hand-edited JSON file) becomes missing, so
        a model reference built from it can never point to nothing.
        """
        spec = SCOPES[scope]
        clean: dict[str, Value] = {}
        texts: dict[str, Text] = {k: v for k, v in labels.items() if v is not None}
        for name, figure in spec.figures.items():
            value = figures.get(name)
            if figure.values is not None and value not in figure.values:
                value = None
            clean[name] = value
            if figure.names is not None and isinstance(value, str):
                texts[name] = self.names.label(figure.names, value)
            if figure.band is not None and isinstance(value, float):
                word = band_label(figure.band, value)
                if word is not None:
                    texts[f"{name}_band"] = word
        if gemeente_code is not None:
            texts.setdefault("gemeente", self.names.gemeente(gemeente_code))
            texts.setdefault("gemeente_code", Text(gemeente_code, gemeente_code))
        if transitie is not None:
            texts.setdefault("transitie", self.names.transitie(transitie))
        return Entry(gemeente_code, transitie, clean, texts, regio)
