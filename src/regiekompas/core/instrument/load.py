"""Reading an instrument file (`v1.toml`, …) into a validated `Instrument`.

Wording is data so it can be revised without a release, but the item codes and their keying
are the data contract of docs/method.md ("Instrument"): answers from different rounds and
versions must stay comparable, so a file that renames an item or flips the keying of an axis
item is refused.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Final

from regiekompas.core.datafile import parse_toml
from regiekompas.core.instrument.catalogue import read_mechanisms
from regiekompas.core.instrument.reader import Table
from regiekompas.core.instrument.types import (
    AnswerOption,
    AnswerScale,
    AxisItem,
    BinaryItem,
    GlossaryTerm,
    Instrument,
    InstrumentTexts,
    LikertItem,
    OpenQuestion,
    Scale,
)
from regiekompas.core.text import DataFileError, Text
from regiekompas.core.vocabulary import AXES, CONDITIONS

DEFAULT_VERSION: Final = "1"
PACKAGED_VERSIONS: Final[tuple[str, ...]] = ("1", "2")
#: The version new scans use: v2 has the same items and keying as v1, in plain Dutch (B1),
#: worded for a row per gemeente and with short pole words (docs/questionnaire.md).
QUESTIONNAIRE_VERSION: Final = "2"

AXIS_ITEM_CODES: Final[tuple[str, ...]] = tuple(f"{a}{i}" for a in AXES for i in range(1, 7))
#: Items whose answer 1 is the controle / centraal pole (docs/method.md, "Instrument"), in
#: every version.
REVERSED_AXIS_ITEMS: Final = frozenset({"cc3", "dc4"})
SCALE_PREFIXES: Final[dict[str, str]] = {
    "gedeelde_ambitie": "amb",
    "belangen": "bel",
    "relaties": "rel",
    "vorm": "org",
    "proces": "pro",
}
#: Item 4 of every condition scale is the negatively worded one (docs/method.md, "Instrument").
REVERSED_SCALE_ITEM: Final = 4

_NONE: Final[frozenset[str]] = frozenset()
_GEMEENTE: Final = frozenset({"gemeente"})
_CELL: Final = frozenset({"gemeente", "transitie"})
_SHORT_POLES: Final = frozenset({"kort_1", "kort_5"})


def load_instrument(
    versie: str = DEFAULT_VERSION, *, path: str | os.PathLike[str] | None = None
) -> Instrument:
    """A packaged version (cached), or the instrument in another file such as a draft."""
    if path is None:
        return _packaged(versie)
    file = Path(path)
    return parse_instrument(file.read_bytes(), file=file.name)


@functools.cache
def _packaged(versie: str) -> Instrument:
    file = f"v{versie}.toml"
    if versie not in PACKAGED_VERSIONS:
        known = ", ".join(PACKAGED_VERSIONS)
        raise DataFileError(file, "versie", f"no packaged instrument {versie!r} (known: {known})")
    instrument = parse_instrument(
        resources.files(__package__).joinpath(file).read_bytes(), file=file
    )
    if instrument.versie != versie:
        raise DataFileError(file, "versie", f"file says {instrument.versie!r}, expected {versie!r}")
    return instrument


def parse_instrument(data: bytes | str, *, file: str) -> Instrument:
    """Validate and build an instrument from a file's contents; `file` names it in errors."""
    root = Table(parse_toml(data, file=file), file=file, path="")
    instrument = Instrument(
        versie=root.string("versie"),
        texts=_texts(root.table("teksten"), root.table("antwoordschalen")),
        axis_items=_axis_items(root),
        scales=_scales(root),
        agreements=tuple(BinaryItem(c, t) for c, t in _coded_texts(root, "afspraken", "afs")),
        obstacles=tuple(BinaryItem(c, t) for c, t in _coded_texts(root, "belemmeringen", "obs")),
        open_questions=tuple(
            OpenQuestion(c, t) for c, t in _coded_texts(root, "open_vragen", "open")
        ),
        mechanism_types=read_mechanisms(root),
        glossary=_glossary(root),
    )
    root.close()
    return instrument


def _texts(texts: Table, scales: Table) -> InstrumentTexts:
    result = InstrumentTexts(
        intro=texts.text("intro"),
        ambitie=texts.text("ambitie", _CELL),
        praktijk=texts.text("praktijk", _CELL),
        conditions=texts.text("condities", _GEMEENTE),
        agreements=texts.text("afspraken", _GEMEENTE),
        obstacles=texts.text("belemmeringen", _GEMEENTE),
        obstacle_other=texts.text("belemmering_anders"),
        open_questions=texts.text("open_vragen"),
        axis_intro=_optional(texts, "asvragen"),
        bipolar=_answer_scale(
            scales, "bipolair", (1, 2, 3, 4, 5), weet_niet=True, placeholders=_SHORT_POLES
        ),
        likert=_answer_scale(scales, "likert", (1, 2, 3, 4, 5), weet_niet=True),
        agreement=_answer_scale(scales, "afspraak", (1, 0), weet_niet=True),
        obstacle=_answer_scale(scales, "belemmering", (1, 0), weet_niet=False),
    )
    texts.close()
    scales.close()
    return result


def _answer_scale(
    parent: Table,
    code: str,
    values: tuple[int, ...],
    *,
    weet_niet: bool,
    placeholders: frozenset[str] = _NONE,
) -> AnswerScale:
    """Labels for the fixed stored values; which values exist is code, not data.

    Bipolar labels may carry an item's short pole words (`{kort_1}`, `{kort_5}`), so the
    answer itself says what it means ("Vooral samen").
    """
    table = parent.table(code)
    options = [AnswerOption(value, table.text(str(value), placeholders)) for value in values]
    if weet_niet:
        options.append(AnswerOption(None, table.text("weet_niet", placeholders)))
    table.close()
    return AnswerScale(code=code, options=tuple(options))


def _exactly(parent: Table, key: str, expected: Sequence[str]) -> list[tuple[str, Table]]:
    """The coded items under `key`, which must be exactly `expected`, in that order."""
    found: dict[str, Table] = {}
    for code, item in parent.coded(key, unique=False):
        if code in found:
            raise item.error("code", "duplicate code")
        if code not in expected:
            raise item.error("code", f"unknown code {code!r}; expected {', '.join(expected)}")
        found[code] = item
    missing = [code for code in expected if code not in found]
    if missing:
        raise parent.error(key, f"missing {', '.join(missing)}")
    return [(code, found[code]) for code in expected]


def _numbered(parent: Table, key: str, prefix: str) -> list[tuple[str, Table]]:
    """Items coded `prefix1`, `prefix2`, … without gaps, so codes never skip a number."""
    value = parent.get(key)
    count = len(value) if isinstance(value, list) else 0
    return _exactly(parent, key, [f"{prefix}{n}" for n in range(1, count + 1)])


def _axis_items(root: Table) -> tuple[AxisItem, ...]:
    items = []
    for code, item in _exactly(root, "asvragen", AXIS_ITEM_CODES):
        axis = item.string("as")
        if axis != code[:2]:
            raise item.error("as", f"{code} belongs to axis {code[:2]!r}, not {axis!r}")
        reverse = item.flag("omgekeerd")
        if reverse != (code in REVERSED_AXIS_ITEMS):
            expected = "true" if code in REVERSED_AXIS_ITEMS else "false"
            raise item.error(
                "omgekeerd",
                f"must be {expected}: the keying of axis items is fixed across versions "
                f"(reverse-keyed are exactly {', '.join(sorted(REVERSED_AXIS_ITEMS))})",
            )
        if (item.get("pool_1_kort", None) is None) != (item.get("pool_5_kort", None) is None):
            raise item.error("pool_1_kort", "give both pool_1_kort and pool_5_kort, or neither")
        items.append(
            AxisItem(
                code=code,
                axis="cc" if axis == "cc" else "dc",
                reverse=reverse,
                topic=item.text("onderwerp"),
                pole_1=item.text("pool_1"),
                pole_5=item.text("pool_5"),
                short_1=_optional(item, "pool_1_kort"),
                statement=_optional(item, "vraag"),
                short_5=_optional(item, "pool_5_kort"),
                ambitie=item.text("ambitie", _CELL),
                praktijk=item.text("praktijk", _CELL),
            )
        )
        item.close()
    return tuple(items)


def _scales(root: Table) -> tuple[Scale, ...]:
    scales = []
    for code, table in _exactly(root, "condities", CONDITIONS):
        prefix = table.string("prefix")
        if prefix != SCALE_PREFIXES[code]:
            raise table.error("prefix", f"the items of {code} are coded {SCALE_PREFIXES[code]!r}")
        items = _likert_items(table, prefix)
        scales.append(
            Scale(
                code=code,
                prefix=prefix,
                name=table.text("naam"),
                items=items,
                condition=table.text("conditie"),
            )
        )
        table.close()
    return tuple(scales)


def _likert_items(scale: Table, prefix: str) -> tuple[LikertItem, ...]:
    numbered = _numbered(scale, "items", prefix)
    if not 3 <= len(numbered) <= 4:
        raise scale.error("items", f"a scale has 3 or 4 items, found {len(numbered)}")
    items = []
    for number, (code, item) in enumerate(numbered, start=1):
        reverse = item.flag("omgekeerd")
        if number == REVERSED_SCALE_ITEM and not reverse:
            raise item.error("omgekeerd", f"item {number} of every scale is reverse-keyed")
        items.append(LikertItem(code=code, reverse=reverse, text=item.text("tekst", _GEMEENTE)))
        item.close()
    if not any(item.reverse for item in items):
        raise scale.error("items", "needs at least one reverse-keyed item (omgekeerd = true)")
    return tuple(items)


def _coded_texts(root: Table, key: str, prefix: str) -> list[tuple[str, Text]]:
    """Numbered items that are only a code and a `tekst` (agreements, obstacles, open)."""
    result = []
    for code, item in _numbered(root, key, prefix):
        result.append((code, item.text("tekst", _GEMEENTE)))
        item.close()
    return result


def _glossary(root: Table) -> tuple[GlossaryTerm, ...]:
    """The optional `[[woordenlijst]]`: model terms explained where a respondent meets them."""
    if root.get("woordenlijst", None) is None:
        return ()
    terms = []
    for entry in root.tables("woordenlijst"):
        forms = entry.strings("ook") if entry.get("ook", None) is not None else ()
        terms.append(GlossaryTerm(entry.text("term"), entry.text("uitleg"), forms))
        entry.close()
    return tuple(terms)


def _optional(table: Table, key: str) -> Text | None:
    """A text that versions before 2 do not have."""
    return table.text(key) if table.get(key, None) is not None else None
