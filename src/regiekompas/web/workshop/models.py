"""A live workshop session, its anonymous participants and their dots (docs/workshop.md).

A participant is nobody in particular: a random key in a signed cookie of their phone, the
group (or only the rationaliteit) they chose, and nothing else — no name, no address, no
account. A dot (`Placement`) is one position per participant × round × transitie ×
perspectief; placing again moves it.

`version` is raised by every change the projector shows (a dot, a control); the projector
asks "anything newer than version N?" and gets an empty 204 when not, which costs one
primary-key query. `control_version` is raised only by changes participants' phones show
(lock, round, a new transitie list).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from regiekompas.core.vocabulary import MIN_K

#: Join-code alphabet: no 0/O, 1/I/L, 5/S, 2/Z or 8/B, which are easily confused when read
#: from a projector or typed on a phone.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479"
CODE_LENGTH = 6
ROUNDS = (1, 2)


def new_code() -> str:
    """A random join code: 24^6 ≈ 191 million codes, guessing is throttled (docs/workshop.md)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """What someone typed, upper-cased without spaces or dashes (so "acd-efg" works)."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())[: CODE_LENGTH + 2]


class Ask(models.TextChoices):
    GROEP = "groep", _("their group (the rationaliteit follows from it)")
    RATIONALITEIT = "rationaliteit", _("only their rationaliteit")


class Compare(models.TextChoices):
    PERSPECTIEVEN = "perspectieven", _("ambitie and praktijk side by side")
    RONDES = "rondes", _("round 1 and round 2 side by side")


class WorkshopSession(models.Model):
    code = models.CharField(_("join code"), max_length=CODE_LENGTH, unique=True)
    title = models.CharField(_("title"), max_length=200)
    #: The scan this session belongs to; empty for a standalone session.
    scan = models.ForeignKey(
        "scans.Scan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="workshop_sessions",
        verbose_name=_("scan"),
    )
    #: For a session with a scan: the gemeente whose measured positions are shown (optional).
    gemeente_code = models.CharField(_("gemeente"), max_length=6, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="workshop_sessions",
    )
    transities = models.JSONField(_("transities"), default=list)
    k = models.PositiveSmallIntegerField(
        _("minimum group size (k)"),
        default=3,
        validators=[MinValueValidator(MIN_K), MaxValueValidator(50)],
        help_text=_("Groups with fewer participants are never shown separately (at least 3)."),
    )
    ask = models.CharField(
        _("participants choose"), max_length=15, choices=Ask.choices, default=Ask.GROEP
    )
    #: The round being placed now: 1 (before the discussion) or 2 (after).
    round = models.PositiveSmallIntegerField(default=1)
    locked = models.BooleanField(default=False)
    revealed = models.BooleanField(default=False)
    #: The projector's choices: which transitie, and what is side by side.
    focus_transitie = models.CharField(max_length=30, blank=True)
    compare = models.CharField(
        max_length=15, choices=Compare.choices, default=Compare.PERSPECTIEVEN
    )
    compare_perspectief = models.CharField(max_length=10, default="praktijk")
    #: Show the scan's measured positions (published results) next to the room's dots.
    show_measured = models.BooleanField(default=False)
    version = models.PositiveBigIntegerField(default=1)
    control_version = models.PositiveBigIntegerField(default=1)
    #: Targets chosen in the room, per transitie, when the targets app cannot take them
    #: (a standalone session, or no gemeente): {transitie: {cc, dc, kwadrant, toelichting,
    #: akkoord}}.
    targets = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("workshop session")
        verbose_name_plural = _("workshop sessions")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(k__gte=MIN_K), name="workshop_k_at_least_3"),
            models.CheckConstraint(condition=models.Q(round__in=ROUNDS), name="workshop_round"),
        ]

    def __str__(self) -> str:
        return self.title

    def bump(self, *, control: bool = False) -> None:
        """Tell pollers something changed (both counters for what phones show too)."""
        changes: dict[str, Any] = {"version": F("version") + 1}
        if control:
            changes["control_version"] = F("control_version") + 1
        WorkshopSession.objects.filter(pk=self.pk).update(**changes)
        self.refresh_from_db(fields=["version", "control_version"])

    @property
    def display_code(self) -> str:
        return f"{self.code[:3]} {self.code[3:]}"


class Participant(models.Model):
    session = models.ForeignKey(
        WorkshopSession, on_delete=models.CASCADE, related_name="participants"
    )
    #: Random key, kept in the phone's signed cookie; nothing else identifies a participant.
    key = models.CharField(max_length=32, unique=True)
    groep = models.CharField(max_length=40, blank=True)
    rationaliteit = models.CharField(max_length=40, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["session", "joined_at"])]


class Placement(models.Model):
    session = models.ForeignKey(
        WorkshopSession, on_delete=models.CASCADE, related_name="placements"
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="placements"
    )
    round = models.PositiveSmallIntegerField()
    transitie = models.CharField(max_length=30)
    perspectief = models.CharField(max_length=10)
    cc = models.FloatField()
    dc = models.FloatField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "round", "transitie", "perspectief"],
                name="one_dot_per_participant_round_transitie_perspectief",
            ),
            models.CheckConstraint(
                condition=models.Q(cc__gte=-1, cc__lte=1, dc__gte=-1, dc__lte=1),
                name="placement_in_the_plane",
            ),
        ]
        indexes = [models.Index(fields=["session", "transitie", "round"])]


class WorkshopRound(models.Model):
    """A session's dots saved with a scan: an anonymous document (docs/workshop.md)."""

    scan = models.ForeignKey("scans.Scan", on_delete=models.CASCADE, related_name="workshop_rounds")
    session = models.ForeignKey(
        WorkshopSession, null=True, on_delete=models.SET_NULL, related_name="saved_rounds"
    )
    title = models.CharField(max_length=200)
    saved_at = models.DateTimeField(auto_now_add=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: The document of docs/workshop.md, "Saved rounds".
    data = models.JSONField()

    class Meta:
        ordering = ["-saved_at"]
