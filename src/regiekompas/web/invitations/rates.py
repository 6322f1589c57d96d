"""Response rates per gemeente and stakeholder group, with small groups suppressed.

A facilitator follows the response while a scan runs, but a rate per group would reveal how
many (and, with 1 invited, whether a known person) of a small group answered. So group rows
pass through core's `shown_groups`, the one k-anonymity rule of every output: groups below k
are left out, plus complementary suppression, and the left-out groups appear only together
(at least k people, or none). Gemeente totals are shown, as cell totals are in results.

Counted are respondents invited through this app (given a link or mailed), not revoked; a
respondent who names several gemeenten counts in each of them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from regiekompas.core.measures.anonymity import shown_groups
from regiekompas.web.invitations.emails import reminder_recipients
from regiekompas.web.invitations.labels import group_choices
from regiekompas.web.invitations.models import AccessToken, Respondent
from regiekompas.web.scans.models import Scan


@dataclass
class Counts:
    invited: int = 0
    started: int = 0
    submitted: int = 0

    @property
    def rate(self) -> float | None:
        """Submitted as a percentage of invited; None when nobody was invited."""
        return None if self.invited == 0 else 100.0 * self.submitted / self.invited

    def add(self, other: Counts) -> None:
        self.invited += other.invited
        self.started += other.started
        self.submitted += other.submitted


@dataclass(frozen=True)
class GroupRow:
    groep: str
    label: str
    counts: Counts
    k: int = 0

    @property
    def needed(self) -> int:
        """Submitted answers still missing before this group can be shown on its own."""
        return max(0, self.k - self.counts.submitted)


@dataclass(frozen=True)
class GroupReminder:
    """One group over the whole region: who can still be reminded (counts only)."""

    groep: str
    label: str
    invited: int
    submitted: int
    remindable: int


@dataclass
class GemeenteRates:
    code: str
    naam: str
    groups: list[GroupRow] = field(default_factory=list)
    #: The left-out groups together (never fewer than k invited); None when none left out.
    hidden: Counts | None = None
    hidden_groups: int = 0
    total: Counts = field(default_factory=Counts)


@dataclass
class RatesTable:
    k: int
    gemeenten: list[GemeenteRates]
    total: Counts
    reminders: list[GroupReminder] = field(default_factory=list)


def response_rates(scan: Scan) -> RatesTable:
    people = (
        Respondent.objects.filter(
            scan=scan, revoked_at__isnull=True, source=Respondent.Source.UITNODIGING
        )
        .filter(
            Q(invited_at__isnull=False)
            | Exists(AccessToken.objects.filter(respondent=OuterRef("pk")))
        )
        .values_list("groep", "gemeenten", "started_at", "submitted_at")
    )
    per_cell: dict[tuple[str, str], Counts] = defaultdict(Counts)
    total = Counts()
    for groep, gemeenten, started_at, submitted_at in people:
        one = Counts(
            1,
            int(started_at is not None or submitted_at is not None),
            int(submitted_at is not None),
        )
        total.add(one)
        for code in set(gemeenten):
            per_cell[(code, groep)].add(one)

    names = scan.region.gemeente_names()
    codes = sorted(set(names) | {code for code, _ in per_cell}, key=lambda c: (names.get(c, c), c))
    # Columns ordered by group code, as `shown_groups` breaks ties by column order.
    groups = sorted({groep for _, groep in per_cell})
    rows = [_gemeente(code, names.get(code, code), groups, per_cell, scan.k) for code in codes]
    return RatesTable(k=scan.k, gemeenten=rows, total=total, reminders=_reminders(scan))


def _reminders(scan: Scan) -> list[GroupReminder]:
    """Per group: invited, submitted and how many a reminder would reach (invited by mail,
    with an address, not submitted) — the recipients of `emails.send_reminders`."""
    invited: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = Respondent.objects.filter(
        scan=scan, revoked_at__isnull=True, source=Respondent.Source.UITNODIGING
    ).filter(
        Q(invited_at__isnull=False) | Exists(AccessToken.objects.filter(respondent=OuterRef("pk")))
    )
    for groep, submitted_at in rows.values_list("groep", "submitted_at"):
        invited[groep][0] += 1
        invited[groep][1] += int(submitted_at is not None)
    remindable: dict[str, int] = defaultdict(int)
    for groep in reminder_recipients(scan).values_list("groep", flat=True):
        remindable[groep] += 1
    labels = dict(group_choices())
    order = {code: i for i, code in enumerate(labels)}
    groups = sorted(invited, key=lambda g: (order.get(g, len(order)), g))
    # The same k rule as the table above, over the whole region: a group with fewer than k
    # invited (or one that would give such a group away through the region's total) is
    # not listed; the general reminder on the respondents page reaches it.
    by_code = sorted(groups)
    shown = dict(
        zip(by_code, shown_groups([invited[g][0] for g in by_code], scan.k).tolist(), strict=True)
    )
    return [
        GroupReminder(g, labels.get(g, g), invited[g][0], invited[g][1], remindable[g])
        for g in groups
        if shown[g]
    ]


def _gemeente(
    code: str, naam: str, groups: list[str], per_cell: dict[tuple[str, str], Counts], k: int
) -> GemeenteRates:
    row = GemeenteRates(code, naam)
    cells = [per_cell.get((code, groep), Counts()) for groep in groups]
    for counts in cells:
        row.total.add(counts)
    if not groups:
        return row
    shown = shown_groups([c.invited for c in cells], k)
    labels = dict(group_choices())
    order = {code: i for i, code in enumerate(labels)}
    hidden = Counts()
    for groep, counts, visible in zip(groups, cells, shown.tolist(), strict=True):
        if counts.invited == 0:
            continue
        if visible:
            row.groups.append(GroupRow(groep, labels.get(groep, groep), counts, k))
        else:
            hidden.add(counts)
            row.hidden_groups += 1
    row.groups.sort(key=lambda g: (order.get(g.groep, len(order)), g.groep))
    if hidden.invited:
        row.hidden = hidden
    return row
