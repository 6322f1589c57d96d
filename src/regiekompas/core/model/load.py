"""Reading `transitiemodel.toml` into a validated `Model`.

The model is data so domain experts can reword it without touching code. The codes in it
are part of the data contract, though: measures, import files and advice rules depend on
the quadrants, conditions and axes of `core.vocabulary`, so the loader refuses a file
whose codes disagree with them rather than let a figure silently lose its label.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Collection
from importlib import resources
from pathlib import Path

from regiekompas.core.datafile import Table, parse_toml
from regiekompas.core.model.types import (
    GROUP_KINDS,
    Axis,
    Condition,
    Group,
    Model,
    Problem,
    Quadrant,
    Rationaliteit,
    RegieNemen,
    Step,
    Titles,
    Transitie,
)
from regiekompas.core.vocabulary import AXES, CONDITIONS, QUADRANTS, quadrant_of

DEFAULT_FILE = "transitiemodel.toml"


def load_model(path: str | os.PathLike[str] | None = None) -> Model:
    """The packaged model (cached), or the model in another file such as a draft revision."""
    if path is None:
        return _default_model()
    file = Path(path)
    return parse_model(file.read_bytes(), file=file.name)


@functools.cache
def _default_model() -> Model:
    data = resources.files(__package__).joinpath(DEFAULT_FILE).read_bytes()
    return parse_model(data, file=DEFAULT_FILE)


def parse_model(data: bytes | str, *, file: str) -> Model:
    """Validate and build a model from the file's contents; `file` names it in errors."""
    root = Table(parse_toml(data, file=file), file=file, path="")
    rationaliteiten = _rationaliteiten(root)
    model = Model(
        versie=root.string("versie"),
        bron=root.text("bron"),
        caveat=root.text("kanttekening"),
        titles=_titles(root.table("titels")),
        axes=_axes(root),
        quadrants=_quadrants(root),
        conditions=_conditions(root),
        problems=_problems(root),
        rationaliteiten=rationaliteiten,
        groups=_groups(root, {r.code for r in rationaliteiten}),
        transities=_transities(root),
        regie_nemen=_regie_nemen(root.table("regie_nemen")),
    )
    root.close()
    return model


def _known(item: Table, code: str, what: str, expected: tuple[str, ...]) -> None:
    """A code the software does not know is a typo, not an extension."""
    if code not in expected:
        raise item.error("code", f"unknown {what} {code!r}; expected one of {', '.join(expected)}")


def _complete(root: Table, key: str, found: Collection[str], expected: tuple[str, ...]) -> None:
    """Every code the measures and advice rules depend on must be described."""
    missing = [code for code in expected if code not in found]
    if missing:
        raise root.error(key, f"missing {', '.join(repr(code) for code in missing)}")


def _sign(item: Table, key: str) -> int:
    """A quadrant's side of an axis, written -1 or 1 in the file."""
    value = item.get(key)
    # bool is an int subclass; `true` in the file is a mistake, not +1.
    if isinstance(value, bool) or not isinstance(value, int) or value not in (-1, 1):
        raise item.error(key, f"expected -1 or 1, got {value!r}")
    return value


def _titles(table: Table) -> Titles:
    titles = Titles(
        model=table.text("model"),
        assen=table.text("assen"),
        kwadranten=table.text("kwadranten"),
        condities=table.text("condities"),
        problemen=table.text("problemen"),
        regie_nemen=table.text("regie_nemen"),
    )
    table.close()
    return titles


def _axes(root: Table) -> tuple[Axis, ...]:
    axes: dict[str, Axis] = {}
    for code, item in root.coded("assen"):
        _known(item, code, "axis", AXES)
        axes[code] = Axis(
            code="cc" if code == "cc" else "dc",
            name=item.text("naam"),
            negative_pole=item.text("negatieve_pool"),
            positive_pole=item.text("positieve_pool"),
            description=item.text("beschrijving"),
        )
        item.close()
    _complete(root, "assen", axes, AXES)
    return tuple(axes[code] for code in AXES)


def _quadrants(root: Table) -> tuple[Quadrant, ...]:
    quadrants: dict[str, Quadrant] = {}
    for code, item in root.coded("kwadranten"):
        _known(item, code, "quadrant", QUADRANTS)
        cc_sign, dc_sign = _sign(item, "cc_sign"), _sign(item, "dc_sign")
        if quadrant_of(cc_sign, dc_sign) != code:
            expected = next(
                (cc, dc) for cc in (-1, 1) for dc in (-1, 1) if quadrant_of(cc, dc) == code
            )
            raise item.error(
                "cc_sign" if cc_sign != expected[0] else "dc_sign",
                f"{code} lies at cc_sign = {expected[0]}, dc_sign = {expected[1]}",
            )
        quadrants[code] = Quadrant(
            code=code,
            cc_sign=cc_sign,
            dc_sign=dc_sign,
            name=item.text("naam"),
            frameworks=item.text("kaders"),
            gemeente_role=item.text("rol_gemeente"),
            aanbieder_role=item.text("rol_aanbieders"),
            visie=item.text("visie"),
            examples=item.texts("voorbeelden"),
        )
        item.close()
    _complete(root, "kwadranten", quadrants, QUADRANTS)
    return tuple(quadrants[code] for code in QUADRANTS)


def _conditions(root: Table) -> tuple[Condition, ...]:
    conditions: dict[str, Condition] = {}
    for code, item in root.coded("condities"):
        _known(item, code, "condition", CONDITIONS)
        conditions[code] = Condition(
            code=code, name=item.text("naam"), description=item.text("beschrijving")
        )
        item.close()
    _complete(root, "condities", conditions, CONDITIONS)
    return tuple(conditions[code] for code in CONDITIONS)


def _problems(root: Table) -> tuple[Problem, ...]:
    problems = []
    for code, item in root.coded("problemen"):
        problems.append(
            Problem(
                code=code,
                name=item.text("naam"),
                description=item.text("beschrijving"),
                consequences=item.text("gevolgen"),
            )
        )
        item.close()
    return tuple(problems)


def _rationaliteiten(root: Table) -> tuple[Rationaliteit, ...]:
    found = []
    for code, item in root.coded("rationaliteiten"):
        found.append(
            Rationaliteit(code=code, name=item.text("naam"), description=item.text("beschrijving"))
        )
        item.close()
    return tuple(found)


def _groups(root: Table, rationaliteiten: set[str]) -> tuple[Group, ...]:
    groups = []
    for code, item in root.coded("groepen"):
        rationaliteit = item.code("rationaliteit")
        if rationaliteit not in rationaliteiten:
            raise item.error("rationaliteit", f"unknown rationaliteit {rationaliteit!r}")
        kind = item.code("kind")
        if kind not in GROUP_KINDS:
            raise item.error(
                "kind", f"unknown kind {kind!r}; expected one of {', '.join(GROUP_KINDS)}"
            )
        groups.append(
            Group(code=code, name=item.text("naam"), rationaliteit=rationaliteit, kind=kind)
        )
        item.close()
    return tuple(groups)


def _transities(root: Table) -> tuple[Transitie, ...]:
    transities = []
    for code, item in root.coded("transities"):
        transities.append(
            Transitie(code=code, name=item.text("naam"), description=item.text("beschrijving"))
        )
        item.close()
    return tuple(transities)


def _regie_nemen(table: Table) -> RegieNemen:
    steps = []
    for item in table.tables("stappen"):
        steps.append(Step(name=item.text("naam"), description=item.text("beschrijving")))
        item.close()
    result = RegieNemen(name=table.text("naam"), steps=tuple(steps))
    table.close()
    return result
