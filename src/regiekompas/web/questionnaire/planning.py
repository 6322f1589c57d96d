"""The stored planned subset of a respondent who works for more gemeenten than the maximum.

The choice itself is core's (`core.questionnaire.assignment`, design in
docs/questionnaire.md); this module feeds it the scan's current load — how many respondents
are already assigned to each gemeente and gemeente × transitie — and stores the result on
the respondent, so the subset never changes under them. It is recomputed only when the
facilitator changes the respondent's gemeenten or transities, or the scan's maximum.
Respondents within the maximum answer for everything and store nothing, so this costs no
statement on their clicks.
"""

from __future__ import annotations

from collections import Counter

from regiekompas.core.questionnaire import Plan, plan_for
from regiekompas.web.invitations.models import Respondent


def _cells(gemeenten: list[str], transities: list[str]) -> list[list[str]]:
    return [[g, t] for g in gemeenten for t in transities]


def _stored(respondent: Respondent, cells: list[list[str]], cap: int) -> Plan | None:
    plan = respondent.plan or {}
    if plan.get("van") != cells or plan.get("max") != cap:
        return None
    return Plan(
        tuple(plan.get("gemeenten", [])),
        tuple((g, t) for g, t in plan.get("cellen", [])),
        complete=False,
    )


def plan_of(respondent: Respondent, gemeenten: list[str], transities: list[str]) -> Plan:
    """The respondent's gemeenten and rows (display order); computed and stored once."""
    cap = respondent.scan.max_gemeenten
    cells = _cells(gemeenten, transities)
    if len(gemeenten) <= cap and len(cells) <= cap:
        return Plan(tuple(gemeenten), tuple((g, t) for g, t in cells), complete=True)
    stored = _stored(respondent, cells, cap)
    if stored is not None:
        return stored
    gemeente_load: Counter[str] = Counter()
    cell_load: Counter[tuple[str, str]] = Counter()
    scan = respondent.scan
    others = (
        Respondent.objects.filter(scan_id=respondent.scan_id, revoked_at__isnull=True)
        .exclude(pk=respondent.pk)
        .values_list("gemeenten", "transities", "plan")
    )
    for their_gemeenten, their_transities, their_plan in others:
        if their_plan and their_plan.get("max") == cap:
            gemeente_load.update(their_plan.get("gemeenten", []))
            cell_load.update((g, t) for g, t in their_plan.get("cellen", []))
            continue
        gs = [g for g in dict.fromkeys(their_gemeenten or []) if isinstance(g, str)]
        ts = [t for t in their_transities or [] if t in scan.transities]
        gemeente_load.update(gs)
        cell_load.update((g, t) for g in gs for t in ts)
    plan = plan_for(
        gemeenten,
        transities,
        cap,
        gemeente_load=gemeente_load,
        cell_load=cell_load,
        seed=f"{scan.pk}:{respondent.external_id}",
    )
    stored_plan = {
        "van": cells,
        "max": cap,
        "gemeenten": list(plan.gemeenten),
        "cellen": [list(c) for c in plan.cells],
    }
    Respondent.objects.filter(pk=respondent.pk).update(plan=stored_plan)
    respondent.plan = stored_plan
    return plan
