"""The registry of the results document: every table, its fields, keys, labels and band.

One definition serves every output. The fields of a table and their order are those of its
row type in `core.results.rows` (the JSON keys in that order); this module adds how each
field is laid out in a flat table, the key fields, which fields the trend compares and which
band applies, and takes the labels and descriptions in Dutch and English from the data file
`tabellen.toml`. The XLSX workbook and the CSV files take their columns from `columns()`,
the trend its key and numeric fields, and web pages and reports can take their labels here.
Methods and formulas behind the fields are in docs/method.md.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final, Literal

from regiekompas.core.datafile import Table as DataTable
from regiekompas.core.datafile import parse_toml
from regiekompas.core.results import rows
from regiekompas.core.text import Text

#: How a field is laid out in a flat table (XLSX, CSV).
#: - value: one column as is;
#: - interval: `[low, high]` as `<name>_laag`, `<name>_hoog`;
#: - axes: `{cc, dc}` as `<name>_cc`, `<name>_dc`;
#: - pair: a sorted pair `[a, b]` as the two columns given in `Field.flat`;
#: - listing: a list of codes as one `;`-separated column;
#: - mapping: `{code: value}` as one column `code=value; …`.
Layout = Literal["value", "interval", "axes", "pair", "listing", "mapping"]


@dataclass(frozen=True)
class Field:
    name: str
    label: Text
    description: Text
    layout: Layout = "value"
    #: Column names for a `pair` field.
    flat: tuple[str, ...] = ()
    #: Whether the trend between two rounds compares this field (numbers only).
    trend: bool = False
    #: Whether a change of this (categorical) field is reported by the trend as from → to.
    category: bool = False

    def columns(self) -> tuple[str, ...]:
        if self.layout == "interval":
            return (f"{self.name}_laag", f"{self.name}_hoog")
        if self.layout == "axes":
            return (f"{self.name}_cc", f"{self.name}_dc")
        if self.layout == "pair":
            return self.flat
        return (self.name,)

    def flatten(self, value: Any) -> tuple[Any, ...]:
        if self.layout in ("interval", "pair"):
            pair = [*(value or ()), None, None]
            return (pair[0], pair[1])
        if self.layout == "axes":
            value = value or {}
            return (value.get("cc"), value.get("dc"))
        if self.layout == "listing":
            return (";".join(value) if value else None,)
        if self.layout == "mapping":
            return ("; ".join(f"{k}={v}" for k, v in value.items()) if value else None,)
        return (value,)


@dataclass(frozen=True)
class Table:
    name: str
    row: type
    label: Text
    description: Text
    key: tuple[str, ...]
    fields: tuple[Field, ...]
    #: The bands measure (`core/model/banden.toml`) of the table's `band` field, if any.
    band: str | None = None
    #: Added in the second version of the document (docs/method.md, "Results").
    since: int = 1
    #: The XLSX sheet name when the table name is longer than Excel's 31 characters.
    short: str | None = None

    @property
    def sheet(self) -> str:
        return self.short or self.name

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def columns(self) -> tuple[str, ...]:
        return tuple(column for f in self.fields for column in f.columns())

    def flat_rows(self, document: Mapping[str, Any]) -> Iterator[tuple[Any, ...]]:
        """The table's rows as tuples in the order of `columns()`."""
        for row in document.get(self.name) or ():
            yield tuple(value for f in self.fields for value in f.flatten(row.get(f.name)))

    @property
    def trend_numbers(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.trend)

    @property
    def trend_categories(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.category)


@dataclass(frozen=True)
class _Shape:
    """What the row type cannot say about a table: its key, layouts, trend fields, band."""

    name: str
    row: type
    key: tuple[str, ...]
    layouts: Mapping[str, Layout | tuple[str, str]]
    trend: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    band: str | None = None
    since: int = 1
    short: str | None = None


_INTERVAL: Final = "interval"
_AXES: Final = "axes"
_QUADRANT_FIELDS: Final = ("Afspreken", "Afstemmen", "Coördineren", "Sturen", "grens")

_SHAPES: Final[tuple[_Shape, ...]] = (
    _Shape(
        "cellen", rows.CelRow, ("gemeente_code", "transitie", "perspectief"),
        {"cc_ci": _INTERVAL, "dc_ci": _INTERVAL},
        trend=("n", "cc", "dc"), category=("kwadrant", "helder"),
    ),
    _Shape(
        "groepen", rows.GroepRow, ("gemeente_code", "transitie", "perspectief", "groep"),
        {"rwg": _AXES}, trend=("n", "cc", "dc"),
    ),
    _Shape(
        "kloof", rows.KloofRow, ("gemeente_code", "transitie"), {"ci": _INTERVAL},
        trend=("waarde",), category=("van", "naar"), band="kloof",
    ),
    _Shape(
        "spraakverwarring", rows.SpraakverwarringRow,
        ("gemeente_code", "transitie", "perspectief"),
        {"groepen": ("groep_a", "groep_b"), "rwg": _AXES},
        trend=("waarde",), band="spraakverwarring",
    ),
    _Shape("regio", rows.RegioRow, ("regio",), {}, trend=("alpha_groepen",)),
    _Shape(
        "condities", rows.ConditieRow, ("gemeente_code", "groep", "conditie"), {},
        trend=("score", "alpha", "n"), band="conditie",
    ),
    _Shape(
        "spaghetti", rows.SpaghettiRow, ("gemeente_code",), {},
        trend=("n", "kwadranten", "entropie", "transitie_inconsistentie"),
    ),
    _Shape(
        "versnippering", rows.VersnipperingRow, ("regio", "transitie"), {},
        trend=("gewogen_gemiddelde", "aandeel_3_of_meer", "spreiding"),
    ),
    _Shape(
        "aanbieders", rows.AanbiederRow, ("organisatie", "transitie"),
        {"per_gemeente": "mapping"}, trend=("gemeenten", "regimes"),
    ),
    _Shape(
        "advies", rows.AdviesRow, ("gemeente_code", "transitie", "regel"),
        {"transities": "listing"},
    ),
    _Shape(
        "rationaliteiten", rows.RationaliteitRow,
        ("gemeente_code", "transitie", "perspectief", "rationaliteit"), {},
        trend=("n", "cc", "dc"), since=2,
    ),
    _Shape(
        "spraakverwarring_rationaliteiten", rows.SpraakverwarringRationaliteitenRow,
        ("gemeente_code", "transitie", "perspectief"),
        {"rationaliteiten": ("rationaliteit_a", "rationaliteit_b")},
        trend=("waarde",), band="spraakverwarring", since=2,
        short="spraakverwarring_rationaliteit",
    ),
    _Shape(
        "afspraken", rows.AfspraakRow, ("gemeente_code", "afspraak"), {},
        trend=("ja", "nee", "weet_niet", "n"), since=2,
    ),
    _Shape(
        "obstakels", rows.ObstakelRow, ("gemeente_code", "obstakel"), {},
        trend=("aandeel", "n"), since=2,
    ),
    _Shape(
        "kwadranten", rows.KwadrantenRow, ("regio", "transitie", "perspectief"), {},
        trend=(*_QUADRANT_FIELDS, "niet_helder"), since=2,
    ),
    _Shape(
        "onderdrukt", rows.OnderdruktRow,
        ("gemeente_code", "transitie", "perspectief", "reden"), {}, since=2,
    ),
    _Shape(
        "doelen", rows.DoelRow, ("gemeente_code", "transitie"), {"afstand_ci": _INTERVAL},
        trend=("afstand",), since=2,
    ),
    _Shape(
        "agenda", rows.AgendaRow, ("gemeente_code", "onderwerp", "transitie", "actie"), {},
        since=2,
    ),
)  # fmt: skip

TEXTS_FILE: Final = "tabellen.toml"


def _field_texts(table: DataTable, name: str) -> tuple[Text, Text]:
    entry = table.table(name)
    texts = (entry.text("label"), entry.text("beschrijving"))
    entry.close()
    return texts


def _build(data: bytes | str, *, file: str) -> tuple[tuple[Table, ...], tuple[Field, ...], str]:
    root = DataTable(parse_toml(data, file=file), file=file, path="")
    versie = root.string("versie")
    shared_table = root.table("velden")
    names = shared_table.keys()
    shared = {name: _field_texts(shared_table, name) for name in names}
    shared_table.close()
    all_tables = root.table("tabellen")
    tables = []
    for shape in _SHAPES:
        entry = all_tables.table(shape.name)
        own: dict[str, tuple[Text, Text]] = {}
        if "velden" in entry.keys():  # noqa: SIM118 (a data-file table, not a dict)
            own_table = entry.table("velden")
            names = own_table.keys()
            own = {name: _field_texts(own_table, name) for name in names}
            own_table.close()
        fields = []
        for name in shape.row.__annotations__:
            texts = own.get(name) or shared.get(name)
            if texts is None:
                raise entry.error("velden", f"no label for field {name!r}")
            given = shape.layouts.get(name, "value")
            layout: Layout = "pair" if isinstance(given, tuple) else given
            flat: tuple[str, ...] = given if isinstance(given, tuple) else ()
            fields.append(
                Field(
                    name,
                    texts[0],
                    texts[1],
                    layout=layout,
                    flat=flat,
                    trend=name in shape.trend,
                    category=name in shape.category,
                )
            )
        tables.append(
            Table(
                shape.name,
                shape.row,
                entry.text("naam"),
                entry.text("beschrijving"),
                shape.key,
                tuple(fields),
                band=shape.band,
                since=shape.since,
                short=shape.short,
            )
        )
        entry.close()
    all_tables.close()
    meta = root.table("meta")
    meta_fields = meta.table("velden")
    meta_list = tuple(
        Field(name, *_field_texts(meta_fields, name)) for name in rows.MetaRow.__annotations__
    )
    meta_fields.close()
    meta.close()
    root.close()
    return tuple(tables), meta_list, versie


@functools.cache
def _registry() -> tuple[tuple[Table, ...], tuple[Field, ...], str]:
    data = resources.files(__package__).joinpath(TEXTS_FILE).read_bytes()
    return _build(data, file=TEXTS_FILE)


def tables() -> tuple[Table, ...]:
    """Every list-valued table of the document, in document order."""
    return _registry()[0]


def meta_fields() -> tuple[Field, ...]:
    """The fields of `meta`, the document's one mapping."""
    return _registry()[1]


#: The list-valued keys of the document, in document order (the JSON's key order).
TABLE_NAMES: Final[tuple[str, ...]] = tuple(shape.name for shape in _SHAPES)


def table(name: str) -> Table:
    for t in tables():
        if t.name == name:
            return t
    raise KeyError(f"unknown results table {name!r}")


@dataclass(frozen=True)
class Definition:
    """One line of the "lees mij" sheet: a column of a table with its label and meaning."""

    table: str
    column: str
    label: Text
    description: Text


def definitions() -> Iterator[Definition]:
    for t in tables():
        for f in t.fields:
            for column in f.columns():
                yield Definition(t.name, column, f.label, f.description)
