"""Framework-free parts of the respondent's questionnaire: planned subsets, time, readability.

- `assignment`: which gemeenten and gemeente × transitie rows a respondent answers when they
  work for more than the scan's maximum (planned missingness, balanced and seeded);
- `timing`: the reading-time model behind the time estimate on the start page and in the
  invitation mail;
- `readability`: Flesch-Douma reading ease with a Dutch syllable counter.

The design and the figures behind it are in `docs/questionnaire.md`.
"""

from regiekompas.core.questionnaire.assignment import BLOCK_GEMEENTEN, SCALES_ASKED, Plan, plan_for
from regiekompas.core.questionnaire.readability import flesch_douma, syllables
from regiekompas.core.questionnaire.timing import PACE, Pace, PageLoad, estimate_seconds

__all__ = [
    "BLOCK_GEMEENTEN",
    "PACE",
    "SCALES_ASKED",
    "Pace",
    "PageLoad",
    "Plan",
    "estimate_seconds",
    "flesch_douma",
    "plan_for",
    "syllables",
]
