"""What each rule scope offers: the figures a condition may test and the text placeholders.

This catalogue is the contract between the rules file and the code that reads the results
document: the loader refuses a rule that names anything not listed for its scope, and the
scope builders fill exactly these names. Figures are numbers, yes/no or codes (with their
valid values, so a misspelt quadrant is caught at load); labels are display texts only
(names of gemeenten, groups, overviews) and can be used in texts but not in conditions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from regiekompas.core.advice._expr import ExprType, FigureType
from regiekompas.core.vocabulary import CONDITIONS, GRENS, PERSPECTIEVEN, QUADRANTS


@dataclass(frozen=True)
class Figure:
    """A named figure of a scope; `kind` decides its type and how it is written."""

    kind: str
    values: frozenset[str] | None = None
    #: For codes: which list of the model gives their display name (see `Names.label`).
    names: str | None = None

    @property
    def type(self) -> FigureType:
        expr_type: ExprType = (
            "waarheid" if self.kind == "bool" else "tekst" if self.kind == "tekst" else "getal"
        )
        return FigureType(expr_type, self.values)


@dataclass(frozen=True)
class Scope:
    """One kind of entry a rule is evaluated on, one advice per entry at most."""

    description: str
    figures: Mapping[str, Figure]
    labels: frozenset[str]

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(self.figures) | self.labels


_NUMBER: Final = Figure("getal")
_SIGNED: Final = Figure("verschil")
_SCORE: Final = Figure("score")
_COUNT: Final = Figure("aantal")
_BOOL: Final = Figure("bool")
_PERSPECTIEF: Final = Figure("tekst", frozenset(PERSPECTIEVEN), "perspectief")
_QUADRANT: Final = Figure("tekst", frozenset(QUADRANTS), "kwadrant")
_POSITION: Final = Figure("tekst", frozenset((*QUADRANTS, GRENS)), "kwadrant")
_CONDITION: Final = Figure("tekst", frozenset(CONDITIONS), "conditie")

_GEMEENTE: Final = frozenset({"gemeente", "gemeente_code"})
_CELL: Final = _GEMEENTE | {"transitie"}

SCOPES: Final[Mapping[str, Scope]] = {
    "cel": Scope(
        "one per cell (gemeente x transitie x perspectief) in `cellen`",
        {
            "perspectief": _PERSPECTIEF,
            "kwadrant": _POSITION,
            "helder": _BOOL,
            "n": _COUNT,
            "cc": _SIGNED,
            "dc": _SIGNED,
        },
        _CELL,
    ),
    "kloof": Scope(
        "one per gemeente x transitie in `kloof`; dcc/ddc = praktijk minus ambitie (cellen)",
        {
            "waarde": _NUMBER,
            "ci_laag": _NUMBER,
            "ci_hoog": _NUMBER,
            "van": _POSITION,
            "naar": _POSITION,
            "dcc": _SIGNED,
            "ddc": _SIGNED,
            "abs_dcc": _NUMBER,
            "abs_ddc": _NUMBER,
        },
        _CELL,
    ),
    "spraakverwarring": Scope(
        "one per cell in `spraakverwarring`; rwg over all respondents of the cell",
        {
            "perspectief": _PERSPECTIEF,
            "waarde": _NUMBER,
            "rwg_cc": _NUMBER,
            "rwg_dc": _NUMBER,
            "rwg_min": _NUMBER,
        },
        _CELL | {"groep_a", "groep_b", "laagste_as"},
    ),
    "gemeente_condities": Scope(
        "one per gemeente with condition scores; the weakest condition after quadrant weights",
        {
            "conditie": _CONDITION,
            "score": _SCORE,
            "gewicht": _NUMBER,
            "zwakte": _NUMBER,
            "laagste_conditie": _CONDITION,
            "laagste_score": _SCORE,
            "gemiddelde": _SCORE,
            "alpha": _NUMBER,
            "n": _COUNT,
        },
        _GEMEENTE | {"weging"},
    ),
    "conditie_groepen": Scope(
        "one per gemeente x condition with at least two shown groups",
        {
            "conditie": _CONDITION,
            "verschil": _SCORE,
            "score_hoog": _SCORE,
            "score_laag": _SCORE,
            "groepen": _COUNT,
        },
        _GEMEENTE | {"groep_hoog", "groep_laag"},
    ),
    "spaghetti": Scope(
        "one per gemeente in `spaghetti` (only when mechanisms were imported)",
        {
            "n": _COUNT,
            "kwadranten": _COUNT,
            "entropie": _NUMBER,
            "transitie_inconsistentie": _COUNT,
        },
        _GEMEENTE,
    ),
    "inconsistentie": Scope(
        "one per gemeente: distinct praktijk quadrants over its transities, from `cellen`",
        {"kwadranten": _COUNT, "transities": _COUNT},
        _GEMEENTE | {"overzicht", "regio"},
    ),
    "versnippering": Scope(
        "one per region x transitie in `versnippering`",
        {
            "gewogen_gemiddelde": _NUMBER,
            "aandeel_3_of_meer": Figure("procent"),
            "spreiding": _NUMBER,
        },
        frozenset({"regio", "transitie", "regimes"}),
    ),
    "bureaucratie": Scope(
        "one per gemeente x transitie with a cell: both positions and the mean condition score",
        {
            "cc_ambitie": _SIGNED,
            "dc_ambitie": _SIGNED,
            "cc_praktijk": _SIGNED,
            "dc_praktijk": _SIGNED,
            "condities_gemiddeld": _SCORE,
        },
        _CELL | {"positie_ambitie", "positie_praktijk", "zwakste"},
    ),
    "regio": Scope(
        "one per region in `regio`",
        {"alpha_groepen": _NUMBER},
        frozenset({"regio"}),
    ),
    "doel": Scope(
        "one per target position recorded by the partners, with its praktijk cell",
        {
            "doel": _QUADRANT,
            "kwadrant": _POSITION,
            "bereikt": _BOOL,
            "cc": _SIGNED,
            "dc": _SIGNED,
        },
        _CELL,
    ),
}


def figure_names() -> frozenset[str]:
    """Every figure name of every scope: a threshold may not reuse one (it would be ambiguous)."""
    return frozenset(name for scope in SCOPES.values() for name in scope.figures)
