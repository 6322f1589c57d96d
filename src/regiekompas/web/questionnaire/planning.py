"""The stored plan of a respondent: which gemeenten, rows and condition scales they answer.

The choice itself is core's (`core.questionnaire.assignment`, design in
docs/questionnaire.md); this module feeds it the scan's current load — how many respondents
are already assigned to each gemeente, gemeente × transitie, gemeente-level block and
condition scale — and stores the result on the respondent, so the plan never changes under
them. It is recomputed only when the facilitator changes the respondent's gemeenten or
transities, or the scan's maximum. A respondent whose plan leaves nothing out (one
gemeente, at most the maximum of rows, and a scan whose instrument asks every scale)
stores nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from regiekompas.core.questionnaire import BLOCK_GEMEENTEN, SCALES_ASKED, Plan, plan_for
from regiekompas.web.invitations.models import Respondent


def _cells(gemeenten: list[str], transities: list[str]) -> list[list[str]]:
    return [[g, t] for g in gemeenten for t in transities]


def plan_key(cells: list[list[str]], cap: int, scales: Sequence[str]) -> dict[str, Any]:
    """What a stored plan was made for: when any of it changes, the plan is made again."""
    return {"van": cells, "max": cap, "blok_max": BLOCK_GEMEENTEN, "schalen_van": list(scales)}


def _stored(respondent: Respondent, key: dict[str, Any]) -> Plan | None:
    plan = respondent.plan or {}
    if any(plan.get(name) != value for name, value in key.items()):
        return None
    block = plan.get("blok")
    asked = plan.get("schalen")
    return Plan(
        tuple(plan.get("gemeenten", [])),
        tuple((g, t) for g, t in plan.get("cellen", [])),
        complete=False,
        block=None if block is None else tuple(block),
        scales=None if asked is None else tuple(asked),
    )


def plan_of(
    respondent: Respondent,
    gemeenten: list[str],
    transities: list[str],
    scales: Sequence[str] = (),
    *,
    store: bool = True,
) -> Plan:
    """The respondent's plan (gemeenten and rows in display order); computed and stored once.

    `scales` are the codes of the instrument's condition scales. `store=False` computes a
    plan not stored yet without storing it (the answer endpoint, which must change nothing
    when it refuses an answer; a respondent who answers has seen a page, which stored it).
    """
    cap = respondent.scan.max_gemeenten
    cells = _cells(gemeenten, transities)
    asks_subset = len(gemeenten) > BLOCK_GEMEENTEN or len(cells) > cap or len(gemeenten) > cap
    if not asks_subset and len(scales) <= SCALES_ASKED:
        return Plan(tuple(gemeenten), tuple((g, t) for g, t in cells), complete=True)
    key = plan_key(cells, cap, scales)
    stored = _stored(respondent, key)
    if stored is not None:
        return stored
    gemeente_load: Counter[str] = Counter()
    cell_load: Counter[tuple[str, str]] = Counter()
    block_load: Counter[str] = Counter()
    scale_load: Counter[str] = Counter()
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
            block_load.update(their_plan.get("blok") or their_plan.get("gemeenten", []))
            scale_load.update(their_plan.get("schalen") or scales)
            continue
        # Not planned (yet): counted as answering for everything they work for.
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
        block_cap=BLOCK_GEMEENTEN,
        block_load=block_load,
        scales=scales,
        scales_asked=SCALES_ASKED,
        scale_load=scale_load,
    )
    stored_plan = plan_record(key, plan)
    if not store:
        return plan
    Respondent.objects.filter(pk=respondent.pk).update(plan=stored_plan)
    respondent.plan = stored_plan
    return plan


def plan_record(key: dict[str, Any], plan: Plan) -> dict[str, Any]:
    """The JSON stored in `Respondent.plan` (`key` from `plan_key`)."""
    return {
        **key,
        "gemeenten": list(plan.gemeenten),
        "cellen": [list(c) for c in plan.cells],
        "blok": None if plan.block is None else list(plan.block),
        "schalen": None if plan.scales is None else list(plan.scales),
    }
