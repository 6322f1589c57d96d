"""The rows of the results document, one TypedDict per table (docs/method.md, "Results").

These types are the contract between the measures (which fill the rows, in
`core.analysis`) and everything that reads them: the JSON, XLSX and CSV exports, the trend,
the terminal, the web pages and, later, the API and the PDF reports. The order of the fields
here is the order of the keys in the JSON; `core.results.tables` adds per table the key
fields, labels and descriptions in both languages, and the band that applies.

Floats are unrounded in the document that `analyse` returns; `round_document` gives the
published form (4 decimals, NaN as null).
"""

# No `from __future__ import annotations`: TypedDict must see `NotRequired` at class creation
# to know which keys are optional (`__optional_keys__`).
from typing import Any, NotRequired, TypedDict

#: A whole results document, keyed by table name (`cellen`, …, `meta`). Kept a plain dict so
#: callers may add tables (advice, targets) after the analysis.
Document = dict[str, Any]

Interval = list[float]  # [low, high]


class CellKey(TypedDict):
    """The fields that name a cell."""

    gemeente_code: str
    transitie: str
    perspectief: str


class Rwg(TypedDict):
    cc: float | None
    dc: float | None


class CelRow(TypedDict):
    gemeente_code: str
    transitie: str
    perspectief: str
    n: int
    cc: float
    dc: float
    cc_ci: Interval
    dc_ci: Interval
    kwadrant: str
    helder: bool


class GroepRow(TypedDict):
    gemeente_code: str
    transitie: str
    perspectief: str
    groep: str
    n: int
    cc: float
    dc: float
    rwg: Rwg


class KloofRow(TypedDict):
    gemeente_code: str
    transitie: str
    waarde: float
    ci: Interval
    van: str
    naar: str
    band: str | None


class SpraakverwarringRow(TypedDict):
    gemeente_code: str
    transitie: str
    perspectief: str
    waarde: float | None
    groepen: list[str]
    rwg: Rwg
    band: str | None


class RegioRow(TypedDict):
    regio: str | None
    alpha_groepen: float | None


class ConditieRow(TypedDict):
    gemeente_code: str
    groep: str | None
    conditie: str
    score: float
    alpha: float | None
    n: int
    band: str | None


class SpaghettiRow(TypedDict):
    gemeente_code: str
    n: int
    kwadranten: int
    entropie: float
    transitie_inconsistentie: int


class VersnipperingRow(TypedDict):
    regio: str | None
    transitie: str
    gewogen_gemiddelde: float | None
    aandeel_3_of_meer: float | None
    spreiding: float | None


class AanbiederRow(TypedDict):
    organisatie: str
    transitie: str
    gemeenten: int
    regimes: int
    per_gemeente: dict[str, str]


class AdviesRow(TypedDict):
    """An advice item. `rang`, `eerste_stap` and `transities` are filled by `core.advice`
    when it ranks and merges items (docs/method.md, "Advice"); until then they may be absent.
    """

    gemeente_code: str | None
    transitie: str | None
    regel: str
    prioriteit: int
    tekst: str
    rang: NotRequired[int | None]
    eerste_stap: NotRequired[str | None]
    transities: NotRequired[list[str]]


class RationaliteitRow(TypedDict):
    gemeente_code: str
    transitie: str
    perspectief: str
    rationaliteit: str
    n: int
    cc: float
    dc: float


class SpraakverwarringRationaliteitenRow(TypedDict):
    gemeente_code: str
    transitie: str
    perspectief: str
    waarde: float
    band: str | None
    rationaliteiten: list[str]


class AfspraakRow(TypedDict):
    gemeente_code: str
    afspraak: str
    ja: float
    nee: float
    weet_niet: float
    n: int


class ObstakelRow(TypedDict):
    gemeente_code: str
    obstakel: str
    aandeel: float
    n: int


class KwadrantenRow(TypedDict):
    regio: str | None
    transitie: str
    perspectief: str
    Afspreken: int
    Afstemmen: int
    Coördineren: int
    Sturen: int
    grens: int
    niet_helder: int


class OnderdruktRow(TypedDict):
    gemeente_code: str
    transitie: str | None
    perspectief: str | None
    reden: str


class DoelRow(TypedDict):
    gemeente_code: str
    transitie: str
    cc: float
    dc: float
    kwadrant: str
    afstand: float | None
    afstand_ci: Interval | None


class AgendaRow(TypedDict):
    """One action of a gemeente's verbeteragenda (product.md §13); `deadline` as ISO date."""

    gemeente_code: str
    onderwerp: str
    transitie: str | None
    actie: str
    eigenaar: str
    deadline: str | None
    status: str


class TrendRow(TypedDict):
    maat: str
    sleutel: str
    oud: float | None
    nieuw: float | None
    verschil: float | None
    ci: Interval | None
    zeker: bool | None


class MetaRow(TypedDict):
    versie: str
    instrument: str
    k: int
    bootstrap: int
    seed: int
    banden: str
