"""Reading the catalogue of coordination-mechanism types (the "spaghetti") from the file.

A typed type name in an import must resolve to at most one catalogue entry, and a type's
default placement must actually lie in the quadrant it is filed under — otherwise the
spaghetti measures would count a mechanism in one quadrant while the report names another.
"""

from __future__ import annotations

from regiekompas.core.instrument.matching import match_key
from regiekompas.core.instrument.reader import Table
from regiekompas.core.instrument.types import MechanismType
from regiekompas.core.vocabulary import QUADRANTS, quadrant_of

#: The sign each axis must have inside a quadrant, derived from `quadrant_of` itself.
_SIGNS: dict[str, tuple[int, int]] = {
    quadrant_of(sx, sy): (sx, sy) for sx in (-1, 1) for sy in (-1, 1)
}


def read_mechanisms(root: Table, key: str = "mechanismen") -> tuple[MechanismType, ...]:
    claimed: dict[str, str] = {}  # match key -> code of the type it resolves to
    mechanisms: list[MechanismType] = []
    for code, item in root.coded(key, unique=False):
        if any(m.code == code for m in mechanisms):
            raise item.error("code", "duplicate code")
        mechanism = _mechanism(code, item)
        _claim_names(mechanism, item, claimed)
        mechanisms.append(mechanism)
        item.close()
    return tuple(mechanisms)


def _mechanism(code: str, item: Table) -> MechanismType:
    quadrant = item.string("kwadrant")
    if quadrant not in QUADRANTS:
        raise item.error("kwadrant", f"unknown quadrant {quadrant!r}; expected one of {QUADRANTS}")
    signs = _SIGNS[quadrant]
    place = {"cc": item.number("cc"), "dc": item.number("dc")}
    for (axis, value), sign in zip(place.items(), signs, strict=True):
        if not -1.0 <= value <= 1.0:
            raise item.error(axis, f"{value} lies outside -1 … 1")
        if value * sign <= 0:
            side = "greater" if sign > 0 else "less"
            raise item.error(
                axis,
                f"default placement {value} is not inside {quadrant}: {axis} must be {side} than 0 "
                "there (0 itself is 'op de grens')",
            )
    assert quadrant_of(place["cc"], place["dc"]) == quadrant
    return MechanismType(
        code=code,
        name=item.text("naam"),
        quadrant=quadrant,
        cc=place["cc"],
        dc=place["dc"],
        aliases=item.strings("aliassen"),
    )


def _claim_names(mechanism: MechanismType, item: Table, claimed: dict[str, str]) -> None:
    """Register every spelling of `mechanism`, refusing one that already means something else.

    The code and the two names of one type may coincide; an alias must add a new spelling.
    """
    own = {
        "code": mechanism.code,
        "naam.nl": mechanism.name.nl,
        "naam.en": mechanism.name.en,
    }
    for field, name in own.items():
        key = match_key(name)
        other = claimed.get(key, mechanism.code)
        if not key or other != mechanism.code:
            raise item.error(field, f"{name!r} already matches type {other!r}")
    claimed.update(dict.fromkeys((match_key(name) for name in own.values()), mechanism.code))
    for number, alias in enumerate(mechanism.aliases, start=1):
        key = match_key(alias)
        if not key:
            raise item.error(f"aliassen[{number}]", f"alias {alias!r} has no letters or digits")
        if key in claimed:
            raise item.error(
                f"aliassen[{number}]",
                f"duplicate alias {alias!r}: it already matches type {claimed[key]!r}",
            )
        claimed[key] = mechanism.code
