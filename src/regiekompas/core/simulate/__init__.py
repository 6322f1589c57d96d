"""Seeded simulation of realistic regions, with the planted truth behind them.

A simulated region is what a demo shows, what benchmarks run on and what tests of the
measures check against: `simulate_region(SimulationParams(...))` gives the `Dataset` the
measures read, the same data as the import files (docs/method.md, "Import files") (`tables()`,
`write_region`), and the `PlantedTruth` — the exact expected value of each measured cell
position and condition score — so a test can ask "does the measure recover what was
planted?". Same params → same region, byte for byte.

The generative model in short (defaults of `SimulationParams` in brackets; each step is
described in its module, the order in `region`):

- per gemeente × transitie an ambitie point around (0.5, 0.45) in Sturen (90 % of
  gemeenten; the others mirror one axis) and a praktijk point in a regime drawn from
  Afspreken/Afstemmen/Coördineren/Sturen = 0.01/0.32/0.37/0.30, 0.35 ± 0.15 from each axis,
  following the gemeente's main regime with chance 0.45; all clipped to ±0.8;
- ten stakeholder groups with per-gemeente shares (Dirichlet around the defaults) and
  perception biases: gemeente groups see practice up to 0.15 more cocreatief, providers up
  to 0.15 more controlerend (`bias` = 1 scales them);
- about 80 providers per 14 gemeenten (regional ones for most gemeenten, local ones for
  1–3), a welfare organisation per gemeente and an insurer per region; provider
  respondents answer only their contracts' transities unless `all_cells`;
- item score = clip(point + group bias + N(0, 0.2) per respondent + item offset + N(0, 0.25),
  −1, 1), answer 3 + 2·score rounded stochastically, reverse-keyed items stored mirrored,
  3 % "weet niet";
- conditions around 60/55/40/42.5/52.5 (relaties and vorm weakest) with a shared respondent
  trait (Cronbach's α ≈ 0.7–0.75), agreements and obstacles following the same trait;
- 3–12 mechanisms per gemeente, two more per extra practice quadrant over its transities.
"""

from regiekompas.core.simulate.params import (
    DEFAULT_GROUPS,
    TRANSITIES,
    GroupProfile,
    SimulationParams,
)
from regiekompas.core.simulate.places import TWENTE, TWENTE_REGIO
from regiekompas.core.simulate.region import HEADERS, SimulatedRegion, simulate_region
from regiekompas.core.simulate.truth import PlantedTruth
from regiekompas.core.simulate.write import write_region

__all__ = [
    "DEFAULT_GROUPS",
    "HEADERS",
    "TRANSITIES",
    "TWENTE",
    "TWENTE_REGIO",
    "GroupProfile",
    "PlantedTruth",
    "SimulatedRegion",
    "SimulationParams",
    "simulate_region",
    "write_region",
]
