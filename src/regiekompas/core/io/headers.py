"""Recognising what a table holds from its header row alone.

Users do not name their files consistently ("export_2024 (3).xlsx"), so the columns decide.
Column names are compared case-insensitively with spaces and hyphens read as underscores,
in any order. When a header is close to one kind but incomplete, the reader says which
column is missing instead of only "unknown file".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Final

from regiekompas.core.io.collector import Collector
from regiekompas.core.io.messages import Term
from regiekompas.core.io.table import Table

LONG: Final = "antwoorden_lang"
WIDE: Final = "antwoorden_breed"
GEMEENTEN: Final = "gemeenten"
ORGANISATIES: Final = "organisaties"
CONTRACTEN: Final = "contracten"
MECHANISMEN: Final = "mechanismen"
#: One column `instrument`, one row: the instrument version the answers were given with
#: (docs/questionnaire.md, "Instrument version in exports"); written by the web export.
INSTRUMENT: Final = "instrument"
RESPONSE_KINDS: Final = (LONG, WIDE)

LEADING: Final = (
    "respondent_id",
    "groep",
    "organisatie",
    "gemeente_code",
    "transitie",
    "perspectief",
)
LONG_COLUMNS: Final = (*LEADING, "item", "antwoord")

#: Required and optional columns of the region files, most specific first.
REGION_KINDS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    MECHANISMEN: (("gemeente_code", "naam", "type", "transities"), ("cc", "dc")),
    GEMEENTEN: (("gemeente_code", "naam", "regio"), ()),
    CONTRACTEN: (("organisatie", "gemeente_code", "transitie"), ()),
    ORGANISATIES: (("organisatie", "type"), ()),
    INSTRUMENT: (("instrument",), ()),
}

#: Columns that only a responses file has.
_RESPONSE_MARKS: Final = frozenset({"respondent_id", "groep", "perspectief", "item", "antwoord"})

_SEPARATORS = re.compile(r"[\s\-]+")


def normalise(name: str) -> str:
    return _SEPARATORS.sub("_", name.strip().lower())


@dataclass
class Layout:
    """Where the columns of a recognised table are: `columns` maps column name → position.

    `items` lists (position, item code) for the item columns of a wide responses table, and
    `open_items` the same for its free-text columns (open questions), which are not imported.
    """

    kind: str
    columns: dict[str, int]
    width: int
    items: list[tuple[int, str]] = field(default_factory=list)
    usable: bool = True
    open_items: list[tuple[int, str]] = field(default_factory=list)


def classify(
    table: Table,
    item_codes: Collection[str],
    versie: str,
    collector: Collector,
    open_codes: Collection[str] = (),
) -> Layout | None:
    """The layout of `table`, None when its kind is unknown; problems go to `collector`.

    A layout that is not `usable` (a column missing, doubled or unknown) still tells the
    kind, so the reader does not also complain that, say, no responses file was given.
    `open_codes` are the instrument's free-text questions: a wide table may have a column
    for them, which is accepted but not read.
    """
    source, row = table.source, table.header_row
    names = [normalise(name) for name in table.header]
    positions: dict[str, int] = {}
    duplicate = False
    for position, name in enumerate(names):
        if not name:
            continue
        if name in positions:
            collector.error(source, row, table.header[position], "kop.kolom_dubbel")
            duplicate = True
        else:
            positions[name] = position
    present = set(positions)
    kind = _kind(present, item_codes)
    if kind is None:
        collector.error(source, row, None, "kop.onbekend")
        return None

    if kind == LONG:
        required: tuple[str, ...] = LONG_COLUMNS
        optional: tuple[str, ...] = ()
    elif kind == WIDE:
        required, optional = LEADING, ()
    else:
        required, optional = REGION_KINDS[kind]
    missing = [name for name in required if name not in present]
    if kind == MECHANISMEN and ("cc" in present) != ("dc" in present):
        missing.append("dc" if "cc" in present else "cc")
    for name in missing:
        collector.error(source, row, name, "kop.kolom_ontbreekt", soort=Term(f"soort.{kind}"))

    wanted = (*required, *optional)
    layout = Layout(kind, {name: positions[name] for name in wanted if name in present}, len(names))
    problem = duplicate or bool(missing)
    for name, position in positions.items():
        if name in layout.columns:
            continue
        if kind != WIDE:
            collector.warning(source, row, table.header[position], "kop.kolom_genegeerd")
        elif name in item_codes:
            layout.items.append((position, name))
        elif name in open_codes:
            layout.open_items.append((position, name))
        else:
            collector.error(
                source,
                row,
                table.header[position],
                "kop.geen_item",
                kolom=table.header[position],
                versie=versie,
            )
            problem = True
    if kind == WIDE and not layout.items:
        collector.error(source, row, None, "kop.geen_itemkolommen")
        problem = True
    layout.usable = not problem
    return layout


def _kind(present: set[str], item_codes: Collection[str]) -> str | None:
    if "item" in present or "antwoord" in present:
        return LONG
    if present & _RESPONSE_MARKS or any(name in item_codes for name in present):
        return WIDE
    complete = [
        kind for kind, (required, _) in REGION_KINDS.items() if present.issuperset(required)
    ]
    if complete:
        return max(complete, key=lambda kind: len(REGION_KINDS[kind][0]))
    scored = []
    for order, (kind, (required, optional)) in enumerate(REGION_KINDS.items()):
        matched = len(present.intersection(required)) + len(present.intersection(optional))
        missing = len(set(required) - present)
        scored.append((matched, -missing, -order, kind))
    matched, _, _, kind = max(scored)
    return kind if matched >= 2 else None
