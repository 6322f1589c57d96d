"""The knobs of the simulated field, each a tendency (docs/method.md, "Simulated regions").

The defaults tell the source's story (ambitions in Sturen, practice more cocreatief and/or
decentraal, hardly any Afspreken in practice, gemeente groups seeing practice as more
cocreatief than providers, middling conditions with "relaties" and "vorm" weakest), so a
demo looks like the real field. Every tendency can be switched off or turned up, which is
what tests of the measures and the advice rules need: a measure that should detect a planted
effect is checked against a region where the effect is known.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from regiekompas.core.simulate.places import region_count
from regiekompas.core.vocabulary import CONDITIONS, QUADRANTS

#: The transities of the model (docs/method.md, "Notation"), in the model's order.
TRANSITIES: Final[tuple[str, ...]] = ("jeugd", "wmo", "participatie", "eerste_lijn")

#: Number of Dutch gemeenten (2023); the national benchmark simulates all of them.
MAX_GEMEENTEN: Final = 342

#: Groups whose respondents speak for the gemeente ("Gemeente <naam>").
GEMEENTE_GROUPS: Final[frozenset[str]] = frozenset(
    {"gemeente_bestuur", "gemeente_beleid", "gemeente_inkoop"}
)

#: Groups whose respondents work at a contracted provider and answer only its transities.
PROVIDER_GROUPS: Final[dict[str, str]] = {
    "aanbieder_bestuur": "aanbieder",
    "aanbieder_professional": "aanbieder",
    "welzijn": "welzijn",
    "zorgverzekeraar": "zorgverzekeraar",
}


@dataclass(frozen=True)
class GroupProfile:
    """How one stakeholder group is sampled and how it sees the field.

    `share` is the group's expected share of a gemeente's respondents. The biases are added
    to the planted cell position when a member of the group answers (score units, −1 … 1):
    a negative `praktijk_cc` means the group sees practice as more cocreatief than it is
    planted. `conditie` shifts the group's condition items (positive = rosier view).
    All biases are multiplied by `SimulationParams.bias`.
    """

    code: str
    share: float
    praktijk_cc: float
    praktijk_dc: float
    ambitie_cc: float
    ambitie_dc: float
    conditie: float

    def bias(self, perspectief: str) -> tuple[float, float]:
        if perspectief == "ambitie":
            return (self.ambitie_cc, self.ambitie_dc)
        return (self.praktijk_cc, self.praktijk_dc)


#: Default groups: gemeente groups see practice as more cocreatief (and rate the conditions
#: higher) than providers do; the insurer sits in between; residents are close to neutral.
DEFAULT_GROUPS: Final[tuple[GroupProfile, ...]] = (
    GroupProfile("gemeente_bestuur", 0.06, -0.15, 0.05, 0.05, 0.05, 0.15),
    GroupProfile("gemeente_beleid", 0.13, -0.12, 0.00, 0.03, 0.03, 0.10),
    GroupProfile("gemeente_inkoop", 0.07, -0.06, -0.03, 0.05, 0.00, 0.05),
    GroupProfile("zorgverzekeraar", 0.04, 0.05, -0.05, 0.00, -0.05, -0.05),
    GroupProfile("aanbieder_bestuur", 0.13, 0.10, -0.05, -0.03, -0.03, -0.05),
    GroupProfile("aanbieder_professional", 0.22, 0.15, -0.08, -0.05, -0.05, -0.10),
    GroupProfile("wijkteam", 0.14, 0.08, 0.05, -0.03, 0.02, 0.00),
    GroupProfile("welzijn", 0.10, 0.10, -0.08, -0.05, -0.05, -0.05),
    GroupProfile("clientvertegenwoordiging", 0.07, 0.05, 0.03, 0.00, 0.00, -0.10),
    GroupProfile("overig", 0.04, 0.00, 0.00, 0.00, 0.00, 0.00),
)

#: Codes of the model (docs/method.md, "Notation"), which a simulated group must use.
GROUP_CODES: Final[tuple[str, ...]] = tuple(g.code for g in DEFAULT_GROUPS)


@dataclass(frozen=True)
class SimulationParams:
    """Everything that shapes a simulated region; same params → identical region.

    Size and sampling:
      gemeenten: 1 … 342. Up to 14 are the first N Twente gemeenten; beyond that synthetic
        gemeenten (GM9001 …) in synthetic regions of about 14.
      respondenten: respondents per gemeente.
      transities: the simulated transities (subset of jeugd, wmo, participatie, eerste_lijn).
      aanbieders: providers (aanbieder + welzijn) in all; None = about 80 per 14 gemeenten.
      zorgverzekeraars: insurers; None = one per region, at most 4. Each region has one.
      all_cells: every respondent answers every transitie × perspectief (benchmarks and
        recovery tests); otherwise provider respondents answer only their contracts'
        transities.
      seed: seed of every random draw.

    Answers (score units, −1 … 1; an answer is a = 3 + 2·score, stochastically rounded):
      noise: item-level noise sd. respondent_sd: a respondent's deviation from their
      group's view of a cell (shared by the items of one axis). item_spread: sd of the
      fixed per-item offsets (centred per axis/scale). missing: MCAR "weet niet" rate of
      Likert items; missing_afspraken: the same for the ja/nee agreement items (both at
      most 0.2; obstacles are a checklist and never missing).

    Positions (planted per gemeente × transitie, clipped to ±position_limit):
      ambitie_center: where ambitions lean (Sturen). ambitie_gemeente_sd, ambitie_transitie_sd:
      spread between gemeenten and between a gemeente's transities. ambitie_sturen: share of
      gemeenten whose ambition lies in Sturen (the others mirror one axis).
      praktijk_quadrants: weights of the practice regimes in QUADRANTS order (Afspreken,
      Afstemmen, Coördineren, Sturen). praktijk_magnitude(_sd): distance of a practice
      position from each axis. transitie_samenhang: chance that a transitie follows the
      gemeente's own main regime (low = practice differs per transitie, more spaghetti).
      Neighbouring gemeenten draw their regimes independently, so providers meet several.

    Groups: groups (GroupProfile per stakeholder group: share and perception biases),
      bias (multiplies every group bias; 0 = all groups see the same), group_concentration
      (Dirichlet concentration of a gemeente's group shares around the default shares).

    Network: regional_share (share of aanbieders working region-wide), regional_reach
      (chance that a gemeente of the region contracts a regional aanbieder), welzijn_share
      (share of providers that are welfare organisations).

    Conditions (score units): condition_levels in CONDITIONS order (gedeelde_ambitie,
      belangen, relaties, vorm, proces), condition_gemeente_sd, condition_trait_sd (a
      respondent's mood shared by all scales, which makes Cronbach's α positive),
      condition_scale_sd (a respondent's view of one scale), condition_noise (item noise).
      agreement_rates: chance of "ja" for afs1 … afs4; obstacle_rates: chance that obs1 …
      obs5 is ticked. Both follow the respondent's view of the conditions.

    Mechanisms: mechanisms_min … mechanisms_max per gemeente, plus mechanisms_per_regime for
      each distinct practice quadrant beyond the first (transitie-inconsistentie breeds
      spaghetti) and Poisson(mechanisms_extra). mechanism_explicit: share placed explicitly,
      mechanism_unknown: share with a type outside the catalogue (placed explicitly),
      mechanism_unplaced: share with an unknown type and no placement.
    """

    gemeenten: int = 14
    respondenten: int = 40
    transities: tuple[str, ...] = TRANSITIES
    aanbieders: int | None = None
    zorgverzekeraars: int | None = None
    all_cells: bool = False
    seed: int = 0

    noise: float = 0.25
    respondent_sd: float = 0.2
    item_spread: float = 0.08
    missing: float = 0.03
    missing_afspraken: float = 0.12

    position_limit: float = 0.8
    ambitie_center: tuple[float, float] = (0.5, 0.45)
    ambitie_gemeente_sd: float = 0.1
    ambitie_transitie_sd: float = 0.07
    ambitie_sturen: float = 0.9
    praktijk_quadrants: tuple[float, float, float, float] = (0.01, 0.32, 0.37, 0.30)
    praktijk_magnitude: float = 0.35
    praktijk_magnitude_sd: float = 0.15
    transitie_samenhang: float = 0.45

    groups: tuple[GroupProfile, ...] = DEFAULT_GROUPS
    bias: float = 1.0
    group_concentration: float = 40.0

    regional_share: float = 0.15
    regional_reach: float = 0.85
    welzijn_share: float = 0.18

    condition_levels: tuple[float, float, float, float, float] = (0.2, 0.1, -0.2, -0.15, 0.05)
    condition_gemeente_sd: float = 0.08
    condition_trait_sd: float = 0.3
    condition_scale_sd: float = 0.2
    condition_noise: float = 0.4
    agreement_rates: tuple[float, float, float, float] = (0.55, 0.4, 0.6, 0.3)
    obstacle_rates: tuple[float, float, float, float, float] = (0.55, 0.65, 0.4, 0.5, 0.3)

    mechanisms_min: int = 3
    mechanisms_max: int = 12
    mechanisms_per_regime: float = 2.0
    mechanisms_extra: float = 1.5
    mechanism_explicit: float = 0.25
    mechanism_unknown: float = 0.08
    mechanism_unplaced: float = 0.04

    def __post_init__(self) -> None:
        if isinstance(self.transities, list):  # accept a list; store it hashable
            object.__setattr__(self, "transities", tuple(self.transities))
        errors = _problems(self)
        if errors:
            raise ValueError("invalid simulation parameters: " + "; ".join(errors))

    @property
    def transitie_order(self) -> tuple[str, ...]:
        """The simulated transities in the model's order."""
        return tuple(t for t in TRANSITIES if t in self.transities)

    def group(self, code: str) -> GroupProfile:
        for profile in self.groups:
            if profile.code == code:
                return profile
        raise KeyError(code)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _problems(p: SimulationParams) -> list[str]:
    """Every problem with `p`, so one error message lists them all."""
    errors: list[str] = []

    def need(ok: bool, message: str) -> None:
        if not ok:
            errors.append(message)

    need(
        _is_int(p.gemeenten) and 1 <= p.gemeenten <= MAX_GEMEENTEN,
        f"gemeenten must be an integer from 1 to {MAX_GEMEENTEN}, got {p.gemeenten!r}",
    )
    need(
        _is_int(p.respondenten) and p.respondenten >= 1,
        f"respondenten must be an integer ≥ 1, got {p.respondenten!r}",
    )
    transities = tuple(p.transities) if isinstance(p.transities, tuple | list) else ()
    unknown = [t for t in transities if t not in TRANSITIES]
    need(
        bool(transities) and not unknown and len(set(transities)) == len(transities),
        "transities must be a non-empty tuple of distinct codes from "
        f"{', '.join(TRANSITIES)}, got {p.transities!r}",
    )
    for name in ("aanbieders", "zorgverzekeraars"):
        value = getattr(p, name)
        need(
            value is None or (_is_int(value) and value >= 1),
            f"{name} must be None or an integer ≥ 1, got {value!r}",
        )
    if _is_int(p.gemeenten) and 1 <= p.gemeenten <= MAX_GEMEENTEN:
        regions = region_count(p.gemeenten)
        aanbieders, verzekeraars = p.aanbieders, p.zorgverzekeraars
        need(
            not isinstance(aanbieders, int) or aanbieders >= 2 * regions,
            f"aanbieders must be at least 2 per region ({2 * regions} for {p.gemeenten} "
            f"gemeenten in {regions} regions), got {p.aanbieders!r}",
        )
        need(
            not isinstance(verzekeraars, int) or verzekeraars <= p.gemeenten,
            f"zorgverzekeraars must not exceed gemeenten ({p.gemeenten}), "
            f"got {p.zorgverzekeraars!r}",
        )
    need(_is_int(p.seed) and p.seed >= 0, f"seed must be an integer ≥ 0, got {p.seed!r}")
    for name in (
        "noise",
        "respondent_sd",
        "item_spread",
        "ambitie_gemeente_sd",
        "ambitie_transitie_sd",
        "praktijk_magnitude_sd",
        "bias",
        "condition_gemeente_sd",
        "condition_trait_sd",
        "condition_scale_sd",
        "condition_noise",
        "mechanisms_per_regime",
        "mechanisms_extra",
    ):
        value = getattr(p, name)
        need(_finite(value) and value >= 0, f"{name} must be a number ≥ 0, got {value!r}")
    for name in ("missing", "missing_afspraken"):
        value = getattr(p, name)
        need(_finite(value) and 0 <= value <= 0.2, f"{name} must be in 0 … 0.2, got {value!r}")
    for name in (
        "ambitie_sturen",
        "transitie_samenhang",
        "regional_share",
        "regional_reach",
        "welzijn_share",
        "mechanism_explicit",
        "mechanism_unknown",
        "mechanism_unplaced",
    ):
        value = getattr(p, name)
        need(_finite(value) and 0 <= value <= 1, f"{name} must be in 0 … 1, got {value!r}")
    need(
        _finite(p.mechanism_explicit + p.mechanism_unknown + p.mechanism_unplaced)
        and p.mechanism_explicit + p.mechanism_unknown + p.mechanism_unplaced <= 1,
        "mechanism_explicit + mechanism_unknown + mechanism_unplaced must not exceed 1",
    )
    need(
        _finite(p.position_limit) and 0 < p.position_limit <= 1,
        f"position_limit must be in (0, 1], got {p.position_limit!r}",
    )
    need(
        _finite(p.praktijk_magnitude) and 0 <= p.praktijk_magnitude <= 1,
        f"praktijk_magnitude must be in 0 … 1, got {p.praktijk_magnitude!r}",
    )
    need(
        len(p.ambitie_center) == 2 and all(_finite(v) and -1 <= v <= 1 for v in p.ambitie_center),
        f"ambitie_center must be two numbers in −1 … 1, got {p.ambitie_center!r}",
    )
    weights = p.praktijk_quadrants
    need(
        len(weights) == len(QUADRANTS)
        and all(_finite(w) and w >= 0 for w in weights)
        and sum(weights) > 0,
        f"praktijk_quadrants must be {len(QUADRANTS)} weights ≥ 0 (in the order "
        f"{', '.join(QUADRANTS)}) with a positive sum, got {weights!r}",
    )
    need(
        _finite(p.group_concentration) and p.group_concentration > 0,
        f"group_concentration must be a number > 0, got {p.group_concentration!r}",
    )
    need(
        len(p.condition_levels) == len(CONDITIONS)
        and all(_finite(v) and -1 <= v <= 1 for v in p.condition_levels),
        f"condition_levels must be {len(CONDITIONS)} numbers in −1 … 1 "
        f"({', '.join(CONDITIONS)}), got {p.condition_levels!r}",
    )
    for name, size in (("agreement_rates", 4), ("obstacle_rates", 5)):
        rates = getattr(p, name)
        need(
            len(rates) == size and all(_finite(r) and 0 < r < 1 for r in rates),
            f"{name} must be {size} probabilities strictly between 0 and 1, got {rates!r}",
        )
    need(
        _is_int(p.mechanisms_min)
        and _is_int(p.mechanisms_max)
        and 0 <= p.mechanisms_min <= p.mechanisms_max,
        "mechanisms_min and mechanisms_max must be integers with 0 ≤ min ≤ max, got "
        f"{p.mechanisms_min!r} and {p.mechanisms_max!r}",
    )
    errors.extend(_group_problems(p.groups))
    return errors


def _group_problems(groups: tuple[GroupProfile, ...]) -> list[str]:
    errors: list[str] = []
    codes = [g.code for g in groups]
    unknown = sorted(set(codes) - set(GROUP_CODES))
    if unknown:
        errors.append(f"unknown groups {', '.join(unknown)}; known: {', '.join(GROUP_CODES)}")
    if len(set(codes)) != len(codes):
        errors.append("groups must not repeat a group code")
    for g in groups:
        values = (g.share, g.praktijk_cc, g.praktijk_dc, g.ambitie_cc, g.ambitie_dc, g.conditie)
        if not all(_finite(v) for v in values) or g.share < 0:
            errors.append(f"group {g.code}: share must be ≥ 0 and every bias a number")
    if groups and not sum(max(g.share, 0) for g in groups if _finite(g.share)) > 0:
        errors.append("the group shares must have a positive sum")
    return errors
