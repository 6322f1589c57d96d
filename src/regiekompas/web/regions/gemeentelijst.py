"""The built-in list of every Dutch gemeente, so a facilitator picks gemeenten instead of codes.

The list ships as `data/gemeenten.csv` (code, name and provincie as CBS publishes them; see
`data/BRON.md` for the source and how to renew it each January). It is read once, checked
strictly and kept in memory: a broken file must fail loudly at the first use rather than offer
a facilitator a half list. Nothing here touches Django, so forms, management commands and the
CLI can all use it.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Final

__all__ = [
    "DATA_FILE",
    "PROVINCIES",
    "REFERENCE_DATE",
    "SOURCE",
    "GemeenteInfo",
    "GemeentelijstError",
    "all_gemeenten",
    "gemeente_by_code",
    "parse_gemeenten",
    "sort_key",
]

#: Where the list comes from; shown wherever the list is offered.
SOURCE: Final = "CBS, Gemeentelijke indeling op 1 januari 2026"

#: The day on which this list of gemeenten is valid.
REFERENCE_DATE: Final = datetime.date(2026, 1, 1)

#: The package-relative path of the data file.
DATA_FILE: Final = "data/gemeenten.csv"

#: The twelve provincies, spelled as CBS spells them.
PROVINCIES: Final = frozenset(
    {
        "Drenthe",
        "Flevoland",
        "Fryslân",
        "Gelderland",
        "Groningen",
        "Limburg",
        "Noord-Brabant",
        "Noord-Holland",
        "Overijssel",
        "Utrecht",
        "Zeeland",
        "Zuid-Holland",
    }
)

_HEADER: Final = ("gemeente_code", "naam", "provincie")
# ASCII digits only: `\d` would also accept digits from other scripts.
_CODE: Final = re.compile(r"GM[0-9]{4}")
_ARTICLE: Final = "'s-"
_PACKAGE: Final = "regiekompas.web.regions"


class GemeentelijstError(ValueError):
    """The gemeente list file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class GemeenteInfo:
    """One gemeente as CBS lists it.

    `naam` keeps CBS's spelling, including disambiguations such as "Hengelo (O.)" and
    "Bergen (NH.)", so two gemeenten never share a name.
    """

    code: str
    naam: str
    provincie: str


def sort_key(naam: str) -> tuple[str, str]:
    """Alphabetical order as a Dutch reader expects it, independent of the server's locale.

    A leading "'s-" is ignored ('s-Hertogenbosch sits under H), accents do not move a name
    ("Súdwest-Fryslân" sorts as "Sudwest-Fryslan") and case does not count. The name itself
    breaks ties so the order is total.
    """
    base = naam[len(_ARTICLE) :] if naam.startswith(_ARTICLE) else naam
    plain = "".join(
        char for char in unicodedata.normalize("NFKD", base) if not unicodedata.combining(char)
    )
    return plain.casefold(), naam


def parse_gemeenten(text: str, *, source: str = DATA_FILE) -> tuple[GemeenteInfo, ...]:
    """Read and check the CSV text of a gemeente list; the result is sorted by `sort_key`.

    Raises GemeentelijstError naming `source` and the line number when the header is not
    exactly `gemeente_code,naam,provincie`, a row has the wrong number of fields, a code is not
    "GM" plus four digits or appears twice, a name is empty or a provincie is not one of the
    twelve.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise GemeentelijstError(f"{source}: the file is empty")
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0].removeprefix("\ufeff")
    if tuple(header) != _HEADER:
        raise GemeentelijstError(
            f"{source}, line 1: the header must be {','.join(_HEADER)}, found {','.join(header)}"
        )
    seen: dict[str, int] = {}
    gemeenten: list[GemeenteInfo] = []
    for row in reader:
        line = reader.line_num
        if not row:
            continue
        if len(row) != len(_HEADER):
            raise GemeentelijstError(
                f"{source}, line {line}: expected {len(_HEADER)} fields, found {len(row)}"
            )
        code, naam, provincie = (field.strip() for field in row)
        if not _CODE.fullmatch(code):
            raise GemeentelijstError(
                f"{source}, line {line}: gemeente code {code!r} is not 'GM' followed by 4 digits"
            )
        if code in seen:
            raise GemeentelijstError(
                f"{source}, line {line}: gemeente code {code} already appears on line {seen[code]}"
            )
        if not naam:
            raise GemeentelijstError(f"{source}, line {line}: gemeente {code} has no name")
        if provincie not in PROVINCIES:
            raise GemeentelijstError(
                f"{source}, line {line}: {provincie!r} is not one of the twelve provincies"
            )
        seen[code] = line
        gemeenten.append(GemeenteInfo(code=code, naam=naam, provincie=provincie))
    if not gemeenten:
        raise GemeentelijstError(f"{source}: the file has a header but no gemeenten")
    return tuple(sorted(gemeenten, key=lambda gemeente: sort_key(gemeente.naam)))


@functools.cache
def all_gemeenten() -> tuple[GemeenteInfo, ...]:
    """Every gemeente on `REFERENCE_DATE`, sorted by name (see `sort_key`); read once."""
    resource = resources.files(_PACKAGE).joinpath(DATA_FILE)
    return parse_gemeenten(resource.read_text(encoding="utf-8"), source=str(resource))


@functools.cache
def _by_code() -> dict[str, GemeenteInfo]:
    return {gemeente.code: gemeente for gemeente in all_gemeenten()}


def gemeente_by_code(code: str) -> GemeenteInfo | None:
    """The gemeente with this CBS code ("GM0153"; case and surrounding spaces are forgiven)."""
    return _by_code().get(code.strip().upper())
