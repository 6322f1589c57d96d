"""What each rule scope offers: the figures a condition may test and the text placeholders.

This catalogue is the contract between the rules file and the code that reads the results
document: the loader refuses a rule that names anything not listed for its scope, and the
scope builders fill exactly these names. Figures are numbers, yes/no or codes (with their
valid values, so a misspelt quadrant is caught at load); labels are display texts only
(names of gemeenten, groups, overviews) and can be used in texts but not in conditions.

A figure with a `band` also offers the label `<name>_band`: the word for its band ("hoog",
"zwak", …; docs/method.md, "Bands"), so a text never shows a bare number without meaning.

A scope is `multi` when one gemeente (or region) can have several of its entries — one per
transitie, perspectief or condition. The same rule firing on several of them is one advice
(product.md §5): its `tekst` is written once, with `{details}` (one `detail` text per entry,
most severe first) and `{transities}` (the names of the transities involved), and may
otherwise use only the scope's `shared` placeholders — those that are the same for every
entry of one gemeente or region, so the merged text cannot quote one transitie's figure as
if it held for all.
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
    #: For numbers: the measure of the bands file whose band word `<name>_band` gives.
    band: str | None = None

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
    #: Several entries per gemeente (or region): rules need a `detail` text (module doc).
    multi: bool = False
    #: Placeholders the same for every entry of one gemeente or region (for `tekst` of a
    #: multi scope; `transities` and `details` are always available there).
    shared: frozenset[str] = frozenset()

    @property
    def band_labels(self) -> frozenset[str]:
        return frozenset(f"{name}_band" for name, f in self.figures.items() if f.band)

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(self.figures) | self.labels | self.band_labels

    @property
    def text_placeholders(self) -> frozenset[str]:
        """What the `tekst` (and `eerste_stap`) of a rule of this scope may use."""
        if not self.multi:
            return self.placeholders
        return self.shared | MERGED


#: Placeholders of a merged text: the transities involved and the per-entry details.
MERGED: Final = frozenset({"transities", "details"})

_NUMBER: Final = Figure("getal")
_SIGNED: Final = Figure("verschil")
_SCORE: Final = Figure("score")
_CONDITION_SCORE: Final = Figure("score", band="conditie")
_GAP: Final = Figure("getal", band="kloof")
_CONFUSION: Final = Figure("getal", band="spraakverwarring")
_RWG: Final = Figure("getal", band="rwg")
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
        multi=True,
        shared=_GEMEENTE,
    ),
    "kloof": Scope(
        "one per gemeente x transitie in `kloof`; dcc/ddc = praktijk minus ambitie (cellen)",
        {
            "waarde": _GAP,
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
        multi=True,
        shared=_GEMEENTE,
    ),
    "spraakverwarring": Scope(
        "one per cell in `spraakverwarring` or `spraakverwarring_rationaliteiten`: the larger "
        "of the two values, who is furthest apart (rationaliteiten first, then groups), and "
        "r_wg over all respondents of the cell",
        {
            "perspectief": _PERSPECTIEF,
            "waarde": _CONFUSION,
            "waarde_groepen": _CONFUSION,
            "waarde_rationaliteiten": _CONFUSION,
            "rwg_cc": _RWG,
            "rwg_dc": _RWG,
            "rwg_min": _RWG,
        },
        _CELL | {"wie", "laagste_as"},
        multi=True,
        shared=_GEMEENTE,
    ),
    "gemeente_condities": Scope(
        "one per gemeente with condition scores: the lowest condition (argmin of the scores) "
        "and the one that matters most for its form of regie (largest weighted shortfall)",
        {
            "laagste_conditie": _CONDITION,
            "laagste_score": _CONDITION_SCORE,
            "bepalende_conditie": _CONDITION,
            "bepalende_score": _CONDITION_SCORE,
            "gewicht": _NUMBER,
            "gemiddelde": _CONDITION_SCORE,
            "n": _COUNT,
        },
        _GEMEENTE | {"weging"},
    ),
    "conditie_groepen": Scope(
        "one per gemeente x condition with at least two shown groups",
        {
            "conditie": _CONDITION,
            "verschil": _SCORE,
            "score_hoog": _CONDITION_SCORE,
            "score_laag": _CONDITION_SCORE,
            "groepen": _COUNT,
        },
        _GEMEENTE | {"groep_hoog", "groep_laag"},
        multi=True,
        shared=_GEMEENTE,
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
        multi=True,
        shared=frozenset({"regio"}),
    ),
    "bureaucratie": Scope(
        "one per gemeente x transitie with a cell: both positions and the gemeente's mean "
        "condition score and lowest condition",
        {
            "cc_ambitie": _SIGNED,
            "dc_ambitie": _SIGNED,
            "cc_praktijk": _SIGNED,
            "dc_praktijk": _SIGNED,
            "condities_gemiddeld": _CONDITION_SCORE,
            "laagste_score": _CONDITION_SCORE,
        },
        _CELL | {"positie_ambitie", "positie_praktijk", "laagste"},
        multi=True,
        shared=_GEMEENTE
        | {"condities_gemiddeld", "condities_gemiddeld_band", "laagste", "laagste_score"}
        | {"laagste_score_band"},
    ),
    "regio": Scope(
        "one per region in `regio`",
        {"alpha_groepen": Figure("getal", band="alpha")},
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
        multi=True,
        shared=_GEMEENTE,
    ),
}


def figure_names() -> frozenset[str]:
    """Every figure name of every scope: a threshold may not reuse one (it would be ambiguous)."""
    return frozenset(name for scope in SCOPES.values() for name in scope.figures)
