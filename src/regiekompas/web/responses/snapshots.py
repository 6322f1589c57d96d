"""Published snapshots: freezing a scan's answers, and deciding when a new one may appear.

product.md §6 ("no differencing over time"): results show a published snapshot of the
answers, never live figures. Closing a scan publishes the final snapshot; a facilitator may
publish an interim one only when every cell whose figures would change has gained at least
k submitted respondents since the previous snapshot. The rules, worked out here and in
docs/privacy.md:

* A *cell* is (gemeente, transitie, perspectief) for the axis answers and (gemeente) for the
  gemeente-level answers (conditions, agreements, obstacles, reported mechanisms). Within a
  cell, each stakeholder group and each rationaliteit is a *unit* too, because the pages show
  their figures.
* A cell has *changed* when any respondent's answers or group in it differ from the previous
  snapshot. Its *gain* is the number of respondents in it who were not in it before.
* A changed cell is *released* when it stays below k respondents (it shows no figure at all),
  or when it gained at least k and every group or rationaliteit of it that has k or more
  respondents in both snapshots and changed also gained at least k. Otherwise it is *held*,
  and `needed` says how many more respondents would release it.
* An interim snapshot (answers of submitted or imported respondents only) is refused while
  any cell is held. The final snapshot (on closing; every answer) is always published, but a
  held cell keeps the previous snapshot's answers, so that no two successive snapshots differ
  in a shown cell, group or rationaliteit by fewer than k respondents.

A snapshot stores the answers without respondent ids, names or organisations: respondents are
numbered in the order of their ids (so bootstrap intervals equal those of a live analysis)
and carry their primary key only so that a respondent removed later (GDPR) leaves every
output (`load`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
from django.contrib.auth.models import AnonymousUser, User
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max, Q
from django.dispatch import Signal
from django.utils.translation import gettext as _

from regiekompas.core.dataset import Dataset, Responses, build_responses
from regiekompas.core.instrument import Instrument
from regiekompas.core.measures.conditions import scale_scores
from regiekompas.core.measures.positions import respondent_positions
from regiekompas.core.model import load_model
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.dataset import (
    NoAnswers,
    Reported,
    region_dataset,
    scan_respondents,
    scan_responses,
)
from regiekompas.web.responses.dataset import reported_mechanisms as live_reported
from regiekompas.web.responses.models import Answer, MechanismUse, Snapshot
from regiekompas.web.scans.models import Scan

__all__ = [
    "CellState",
    "Frozen",
    "NotPublished",
    "PublishRefused",
    "PublishState",
    "close_and_publish",
    "latest_snapshot",
    "load",
    "publish",
    "publish_state",
    "snapshot_dataset",
    "snapshot_published",
]

#: A cell: (gemeente, transitie, perspectief); ("GM0153", "", "") for gemeente-level answers.
Cell = tuple[str, str, str]
#: A unit within a cell: ("cel", ""), ("groep", code) or ("rationaliteit", code).
Unit = tuple[str, str]

_STATE_PREFIX: Final = "rk-publish-state-v1"

#: Sent with `snapshot` (a new published `Snapshot`) and `scan` once `publish` stored it, inside
#: the publishing transaction; the results app starts computing the results on it.
snapshot_published = Signal()


class NotPublished(NoAnswers):
    """No snapshot of the scan has been published, so there are no results to show."""


class PublishRefused(ValueError):
    """An interim snapshot cannot be published now; the message says why."""


@dataclass(frozen=True, eq=False)
class Frozen:
    """The answers of one snapshot: core `Responses` plus what the web app adds to them."""

    #: Respondent ids are ordinal numbers ("0000001", …) in the order of the real ids;
    #: organisations are empty.
    responses: Responses
    #: Primary key of each respondent, aligned with `responses.respondent_ids`.
    pks: np.ndarray[Any, np.dtype[np.int64]]
    #: Mechanisms reported in use: (respondent key, gemeente, type, transities).
    reported: tuple[Reported, ...] = ()


@dataclass(frozen=True)
class CellState:
    cell: Cell
    #: "released" or "held".
    state: str
    gain: int
    #: More respondents this cell needs before it can be released (0 when released).
    needed: int


@dataclass(frozen=True)
class PublishState:
    """What publishing an interim snapshot now would do (for the scan page)."""

    latest: Snapshot | None
    changed: int
    held: list[CellState] = field(default_factory=list)
    #: Respondents counted for an interim snapshot (submitted or imported).
    eligible: int = 0

    @property
    def may_publish(self) -> bool:
        return self.changed > 0 and not self.held

    @property
    def needed(self) -> int:
        """The fewest further respondents with which some held cell would be released."""
        return min((c.needed for c in self.held), default=0)


# --- freezing and loading ----------------------------------------------------------------


def freeze_live(scan: Scan, *, submitted_only: bool) -> Frozen:
    """The scan's live answers as a `Frozen` (raises `NoAnswers` when there are none)."""
    respondents = scan_respondents(scan, submitted_only=submitted_only)
    if not respondents:
        raise NoAnswers(scan.pk)
    responses = scan_responses(scan, respondents, submitted_only=submitted_only)
    pk_of = {r.external_id: pk for pk, r in respondents.items()}
    pks = np.asarray([pk_of[rid] for rid in responses.respondent_ids], dtype=np.int64)
    return Frozen(
        responses=_anonymous(responses),
        pks=pks,
        reported=tuple(live_reported(scan, submitted_only=submitted_only)),
    )


def _anonymous(r: Responses) -> Responses:
    """The same responses with ordinal respondent ids and no organisations."""
    width = max(7, len(str(len(r.respondent_ids))))
    return Responses(
        respondent_ids=tuple(f"{i:0{width}d}" for i in range(len(r.respondent_ids))),
        respondent_group=r.respondent_group,
        respondent_org=("",) * len(r.respondent_ids),
        groups=r.groups,
        gemeente_codes=r.gemeente_codes,
        transities=r.transities,
        axis_items=r.axis_items,
        obs_respondent=r.obs_respondent,
        obs_gemeente=r.obs_gemeente,
        obs_transitie=r.obs_transitie,
        obs_perspectief=r.obs_perspectief,
        axis_answers=r.axis_answers,
        gemeente_items=r.gemeente_items,
        gem_respondent=r.gem_respondent,
        gem_gemeente=r.gem_gemeente,
        gemeente_answers=r.gemeente_answers,
        perspectieven=r.perspectieven,
    )


_ARRAYS: Final = (
    "respondent_group",
    "obs_respondent",
    "obs_gemeente",
    "obs_transitie",
    "obs_perspectief",
    "axis_answers",
    "gem_respondent",
    "gem_gemeente",
    "gemeente_answers",
)
_LABELS: Final = (
    "groups",
    "gemeente_codes",
    "transities",
    "axis_items",
    "gemeente_items",
    "perspectieven",
)


def dumps(frozen: Frozen) -> bytes:
    """Compressed NumPy archive (no pickles) of the frozen answers."""
    r = frozen.responses
    meta = {name: list(getattr(r, name)) for name in _LABELS}
    meta["reported"] = [[x[0], x[1], x[2], list(x[3])] for x in frozen.reported]
    arrays = {name: np.asarray(getattr(r, name)) for name in _ARRAYS}
    arrays["pks"] = frozen.pks
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, allow_pickle=False, **arrays)
    return buffer.getvalue()


def loads(data: bytes) -> Frozen:
    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in (*_ARRAYS, "pks", "meta")}
    meta = json.loads(arrays.pop("meta").tobytes().decode())
    pks = arrays.pop("pks").astype(np.int64)
    width = max(7, len(str(len(pks))))
    responses = Responses(
        respondent_ids=tuple(f"{i:0{width}d}" for i in range(len(pks))),
        respondent_org=("",) * len(pks),
        groups=tuple(meta["groups"]),
        gemeente_codes=tuple(meta["gemeente_codes"]),
        transities=tuple(meta["transities"]),
        axis_items=tuple(meta["axis_items"]),
        gemeente_items=tuple(meta["gemeente_items"]),
        perspectieven=tuple(meta["perspectieven"]),
        respondent_group=arrays["respondent_group"].astype(np.intp),
        obs_respondent=arrays["obs_respondent"].astype(np.intp),
        obs_gemeente=arrays["obs_gemeente"].astype(np.intp),
        obs_transitie=arrays["obs_transitie"].astype(np.intp),
        obs_perspectief=arrays["obs_perspectief"].astype(np.intp),
        axis_answers=arrays["axis_answers"].astype(np.float64).reshape(-1, len(meta["axis_items"])),
        gem_respondent=arrays["gem_respondent"].astype(np.intp),
        gem_gemeente=arrays["gem_gemeente"].astype(np.intp),
        gemeente_answers=arrays["gemeente_answers"]
        .astype(np.float64)
        .reshape(-1, len(meta["gemeente_items"])),
    )
    reported = tuple((int(a), str(b), str(c), tuple(d)) for a, b, c, d in meta["reported"])
    return Frozen(responses=responses, pks=pks, reported=reported)


def _population(scan_id: int, max_pk: int) -> int:
    return Respondent.objects.filter(scan_id=scan_id, pk__lte=max_pk).count()


def removed_respondents(snapshot: Snapshot) -> int:
    """How many of the scan's respondents (up to the snapshot's highest key) were removed
    since publishing; 0 means the snapshot's answers are all still there."""
    return max(snapshot.population - _population(snapshot.scan_id, snapshot.max_respondent_pk), 0)


def load(snapshot: Snapshot) -> Frozen:
    """The snapshot's answers, without respondents removed since it was published."""
    frozen = loads(bytes(snapshot.data))
    if removed_respondents(snapshot):
        existing = set(
            Respondent.objects.filter(pk__in=frozen.pks.tolist()).values_list("pk", flat=True)
        )
        frozen = _select(frozen, keep_pks=existing)
    return frozen


def latest_snapshot(scan: Scan) -> Snapshot | None:
    return Snapshot.objects.filter(scan=scan).order_by("-number").defer("data").first()


def snapshot_dataset(scan: Scan, snapshot: Snapshot | None = None) -> Dataset:
    """The answers of a published snapshot (the latest by default) with the region's tables
    as they are now; raises `NotPublished` when there is none."""
    snapshot = snapshot or latest_snapshot(scan)
    if snapshot is None:
        raise NotPublished(scan.pk)
    frozen = load(snapshot)
    return region_dataset(scan, frozen.responses, frozen.reported)


# --- cells, units and the publishing rule -------------------------------------------------


#: Units that stand for a whole cell's figure (the rest are breakdowns by group).
_WHOLE: Final = frozenset({"cel", "schaal", "rij", "item", "mechanismen"})


def _units(frozen: Frozen, instrument: Instrument) -> dict[Cell, dict[Unit, dict[int, bytes]]]:
    """Per cell and unit: the answers (and group) of each respondent who enters that unit's
    figure, as comparable bytes.

    Only respondents who count for a figure are in its unit — a position needs half the items
    of both axes (`respondent_positions`), a condition score half the items of its scale
    (`scale_scores`), an obstacle share an answer to that item — so that the gain of a unit is
    the growth of the n behind the figure that a reader sees, not of people who answered a
    question or two. Units of a transitie cell: the cell, and each group and rationaliteit in
    it. Units of a gemeente: each condition scale and each group within it, every gemeente
    row (agreement shares count everyone asked), each other item, and reported mechanisms.
    """
    model = load_model()
    rationaliteit = {g.code: g.rationaliteit for g in model.groups}
    r = frozen.responses
    pks = frozen.pks.tolist()
    group_of = [r.groups[g] for g in r.respondent_group.tolist()]
    out: dict[Cell, dict[Unit, dict[int, bytes]]] = defaultdict(lambda: defaultdict(dict))

    def add(cell: Cell, units: Iterable[Unit], resp: int, content: bytes) -> None:
        pk = pks[resp]
        stamp = group_of[resp].encode() + b"|" + content
        for unit in units:
            out[cell][unit][pk] = out[cell][unit].get(pk, b"") + stamp

    valid: list[bool] = (
        respondent_positions(r, instrument).valid.tolist() if len(r.obs_respondent) else []
    )
    axis = np.nan_to_num(r.axis_answers, nan=-1.0)
    for i, (resp, g, t, p) in enumerate(
        zip(
            r.obs_respondent.tolist(),
            r.obs_gemeente.tolist(),
            r.obs_transitie.tolist(),
            r.obs_perspectief.tolist(),
            strict=True,
        )
    ):
        if not valid[i]:
            continue
        group = group_of[resp]
        cell = (r.gemeente_codes[g], r.transities[t], r.perspectieven[p])
        units = [("cel", ""), ("groep", group), ("rationaliteit", rationaliteit.get(group, group))]
        add(cell, units, resp, axis[i].tobytes())

    scales = scale_scores(r, instrument) if len(r.gem_respondent) else None
    keyed = [np.nan_to_num(c, nan=-1.0) for c in scales.complete] if scales is not None else []
    in_scale = {item.code for scale in instrument.scales for item in scale.items}
    other = [(j, code) for j, code in enumerate(r.gemeente_items) if code not in in_scale]
    answers = np.nan_to_num(r.gemeente_answers, nan=-1.0)
    for i, (resp, g) in enumerate(
        zip(r.gem_respondent.tolist(), r.gem_gemeente.tolist(), strict=True)
    ):
        cell = (r.gemeente_codes[g], "", "")
        group = group_of[resp]
        add(cell, [("rij", "")], resp, answers[i].tobytes())
        for j, code in other:
            if answers[i, j] >= 0:  # answered (not NaN, now -1)
                add(cell, [("item", code)], resp, answers[i, j].tobytes())
        if scales is not None:
            for s_index, code in enumerate(scales.codes):
                if not np.isnan(scales.scores[i, s_index]):
                    content = keyed[s_index][i].tobytes()
                    add(cell, [("schaal", code), ("schaalgroep", f"{code}|{group}")], resp, content)
    index = {pk: i for i, pk in enumerate(pks)}
    for pk, code, type_, transities in frozen.reported:
        if pk in index:
            content = f"m:{type_}:{','.join(transities)}".encode()
            add((code, "", ""), [("mechanismen", "")], index[pk], content)
    return out


def decide(
    previous: Frozen | None, candidate: Frozen, k: int, instrument: Instrument
) -> dict[Cell, CellState]:
    """The state of every cell that changed between `previous` and `candidate`.

    A changed unit for a whole cell that has k or more respondents must have gained at least
    k; a changed breakdown (group, rationaliteit, group within a scale) that has k or more in
    both snapshots likewise. A unit below k shows nothing, so its changes hold nothing back.
    """
    before = _units(previous, instrument) if previous is not None else {}
    after = _units(candidate, instrument)
    states: dict[Cell, CellState] = {}
    for cell in sorted(set(before) | set(after)):
        old, new = before.get(cell, {}), after.get(cell, {})
        changed = False
        needed = 0
        gain = 0
        for unit in set(old) | set(new):
            a, b = old.get(unit, {}), new.get(unit, {})
            if a == b:
                continue
            changed = True
            gained = len(set(b) - set(a))
            whole = unit[0] in _WHOLE
            if whole:
                gain = max(gain, gained)
            if len(b) >= k and (whole or len(a) >= k):
                needed = max(needed, k - gained)
        if changed:
            states[cell] = CellState(cell, "held" if needed > 0 else "released", gain, needed)
    return states


def merge(previous: Frozen | None, candidate: Frozen, held: Iterable[Cell]) -> Frozen:
    """`candidate`, except that held cells keep the answers they had in `previous`."""
    held_set = set(held)
    if not held_set:
        return candidate

    def masks(f: Frozen, take_held: bool) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        r = f.responses
        obs = np.asarray(
            [
                ((r.gemeente_codes[g], r.transities[t], r.perspectieven[p]) in held_set)
                == take_held
                for g, t, p in zip(
                    r.obs_gemeente.tolist(),
                    r.obs_transitie.tolist(),
                    r.obs_perspectief.tolist(),
                    strict=True,
                )
            ],
            dtype=bool,
        ).reshape(-1)
        gem = np.asarray(
            [((r.gemeente_codes[g], "", "") in held_set) == take_held for g in r.gem_gemeente],
            dtype=bool,
        ).reshape(-1)
        return obs, gem

    parts = [(candidate, *masks(candidate, False))]
    if previous is not None:
        parts.append((previous, *masks(previous, True)))
    return _combine(parts, held_set, previous, candidate)


def _combine(
    parts: Sequence[tuple[Frozen, np.ndarray[Any, Any], np.ndarray[Any, Any]]],
    held: set[Cell],
    previous: Frozen | None,
    candidate: Frozen,
) -> Frozen:
    """Selected rows of several `Frozen`s as one, respondents matched by primary key."""
    order = {pk: i for i, pk in enumerate(candidate.pks.tolist())}
    group_of: dict[int, str] = {}
    for f, _obs, _gem in reversed(parts):
        r = f.responses
        for pk, g in zip(f.pks.tolist(), r.respondent_group.tolist(), strict=True):
            group_of[pk] = r.groups[g]
    obs_rows: list[tuple[int, str, int, int, np.ndarray[Any, Any]]] = []
    gem_rows: list[tuple[int, str, np.ndarray[Any, Any]]] = []
    first = candidate.responses
    for f, obs_mask, gem_mask in parts:
        r = f.responses
        pks = f.pks.tolist()
        t_index = {t: first.transities.index(t) for t in r.transities if t in first.transities}
        for i in np.flatnonzero(obs_mask).tolist():
            t = r.transities[r.obs_transitie[i]]
            if t not in t_index:
                continue
            obs_rows.append(
                (
                    pks[r.obs_respondent[i]],
                    r.gemeente_codes[r.obs_gemeente[i]],
                    t_index[t],
                    int(r.obs_perspectief[i]),
                    r.axis_answers[i],
                )
            )
        for i in np.flatnonzero(gem_mask).tolist():
            gem_rows.append(
                (
                    pks[r.gem_respondent[i]],
                    r.gemeente_codes[r.gem_gemeente[i]],
                    r.gemeente_answers[i],
                )
            )
    reported = [m for m in candidate.reported if (m[1], "", "") not in held]
    if previous is not None:
        reported += [m for m in previous.reported if (m[1], "", "") in held]
    used = sorted(
        {row[0] for row in obs_rows} | {row[0] for row in gem_rows},
        key=lambda pk: (order.get(pk, len(order)), pk),
    )
    r_index = {pk: i for i, pk in enumerate(used)}
    codes = sorted({row[1] for row in obs_rows} | {row[1] for row in gem_rows})
    g_index = {c: i for i, c in enumerate(codes)}
    width = max(7, len(str(len(used))))
    responses = build_responses(
        respondent_ids=[f"{i:0{width}d}" for i in range(len(used))],
        respondent_group=[group_of[pk] for pk in used],
        respondent_org=[""] * len(used),
        transities=first.transities,
        axis_items=first.axis_items,
        gemeente_items=first.gemeente_items,
        gemeente_codes=codes,
        obs_respondent=np.asarray([r_index[row[0]] for row in obs_rows], dtype=np.intp),
        obs_gemeente=np.asarray([g_index[row[1]] for row in obs_rows], dtype=np.intp),
        obs_transitie=np.asarray([row[2] for row in obs_rows], dtype=np.intp),
        obs_perspectief=np.asarray([row[3] for row in obs_rows], dtype=np.intp),
        axis_answers=np.asarray([row[4] for row in obs_rows], dtype=np.float64).reshape(
            len(obs_rows), len(first.axis_items)
        ),
        gem_respondent=np.asarray([r_index[row[0]] for row in gem_rows], dtype=np.intp),
        gem_gemeente=np.asarray([g_index[row[1]] for row in gem_rows], dtype=np.intp),
        gemeente_answers=np.asarray([row[2] for row in gem_rows], dtype=np.float64).reshape(
            len(gem_rows), len(first.gemeente_items)
        ),
    )
    return Frozen(
        responses=responses,
        pks=np.asarray(used, dtype=np.int64),
        reported=tuple(m for m in reported if m[0] in r_index),
    )


def _select(frozen: Frozen, *, keep_pks: set[int]) -> Frozen:
    """The frozen answers of only the respondents in `keep_pks`."""
    r = frozen.responses
    keep = np.asarray([pk in keep_pks for pk in frozen.pks.tolist()], dtype=bool)
    parts = [(frozen, keep[r.obs_respondent], keep[r.gem_respondent])]
    return _combine(parts, set(), None, frozen)


# --- publishing ----------------------------------------------------------------------------


def _candidate_fingerprint(scan: Scan, submitted_only: bool) -> str:
    who = Q(respondent__scan=scan)
    if submitted_only:
        who &= Q(respondent__submitted_at__isnull=False) | Q(
            respondent__source=Respondent.Source.IMPORT
        )
    answers = Answer.objects.filter(who).aggregate(n=Count("id"), last=Max("updated_at"))
    mechanisms = MechanismUse.objects.filter(who).aggregate(n=Count("id"), last=Max("updated_at"))
    people = Respondent.objects.filter(scan=scan).aggregate(
        n=Count("pk"),
        last=Max("pk"),
        submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
    )
    return repr((scan.k, answers, mechanisms, people))


def _prepare(scan: Scan, kind: str) -> tuple[Snapshot | None, Frozen, dict[Cell, CellState]]:
    latest = Snapshot.objects.filter(scan=scan).order_by("-number").first()
    previous = load(latest) if latest is not None else None
    candidate = freeze_live(scan, submitted_only=kind == Snapshot.Kind.INTERIM)
    return latest, candidate, decide(previous, candidate, scan.k, scan.instrument())


def publish_state(scan: Scan) -> PublishState:
    """What an interim snapshot would do now; cached until answers or snapshots change."""
    latest = latest_snapshot(scan)
    fingerprint = hashlib.sha256(_candidate_fingerprint(scan, True).encode()).hexdigest()
    key = f"{_STATE_PREFIX}:{scan.pk}:{latest.pk if latest else 0}:{fingerprint}"
    cached = cache.get(key)
    if isinstance(cached, tuple) and len(cached) == 3:
        changed, held, eligible = cached
        return PublishState(latest, changed, held, eligible)
    try:
        _latest, candidate, states = _prepare(scan, Snapshot.Kind.INTERIM)
    except NoAnswers:
        return PublishState(latest, 0, [], 0)
    held = [s for s in states.values() if s.state == "held"]
    eligible = len(candidate.pks)
    cache.set(key, (len(states), held, eligible), 3600)
    return PublishState(latest, len(states), held, eligible)


def publish(scan: Scan, kind: str, user: User | AnonymousUser | None = None) -> Snapshot:
    """Publish a snapshot of `kind`; raises `PublishRefused` for an interim one that the rule
    forbids (nothing changed, or a cell is held). Call inside a transaction that locked the
    scan, so that two facilitators cannot publish the same number."""
    try:
        latest, candidate, states = _prepare(scan, kind)
    except NoAnswers as error:
        raise PublishRefused(_("There are no submitted answers to publish yet.")) from error
    held = [s.cell for s in states.values() if s.state == "held"]
    if kind == Snapshot.Kind.INTERIM:
        if not states:
            raise PublishRefused(_("Nothing changed since the last published snapshot."))
        if held:
            raise PublishRefused(
                _(
                    "Not yet: %(cells)s cells would change by fewer than %(k)s new "
                    "respondents. See the scan page for how many are still needed."
                )
                % {"cells": len(held), "k": scan.k}
            )
    previous = load(latest) if latest is not None and held else None
    frozen = merge(previous, candidate, held)
    max_pk = int(frozen.pks.max()) if len(frozen.pks) else 0
    by = user if isinstance(user, User) and user.pk is not None else None
    snapshot = Snapshot.objects.create(
        scan=scan,
        number=(latest.number + 1) if latest is not None else 1,
        kind=kind,
        published_by=by,
        data=dumps(frozen),
        respondents=len(frozen.pks),
        max_respondent_pk=max_pk,
        population=_population(scan.pk, max_pk),
        held_back=len(held),
    )
    snapshot_published.send(sender=Snapshot, snapshot=snapshot, scan=scan)
    return snapshot


def close_and_publish(scan: Scan, user: User | AnonymousUser | None = None) -> None:
    """Close the scan and publish its final snapshot, in one transaction (scan row locked)."""
    with transaction.atomic():
        locked = Scan.objects.select_for_update().get(pk=scan.pk)
        locked.close()
        # Without any answer there is nothing to publish.
        with contextlib.suppress(PublishRefused):
            publish(locked, Snapshot.Kind.FINAL, user)
    scan.refresh_from_db()
