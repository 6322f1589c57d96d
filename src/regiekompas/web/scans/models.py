"""A scan and its lifecycle concept → open → gesloten.

When a scan opens, the instrument's data file is copied into the scan (`instrument_toml`), so
that a later revision of the packaged instrument never changes the questions of a scan that
respondents are already answering, nor the meaning of answers already given.
"""

from __future__ import annotations

import datetime
import functools
import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regiekompas.core.instrument import QUESTIONNAIRE_VERSION, Instrument, load_instrument
from regiekompas.core.instrument.load import parse_instrument
from regiekompas.core.vocabulary import DEFAULT_K, MIN_K, PERSPECTIEVEN


class Status(models.TextChoices):
    CONCEPT = "concept", _("draft")
    OPEN = "open", _("open")
    GESLOTEN = "gesloten", _("closed")


class Scan(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="scans")
    name = models.CharField(_("name"), max_length=200)
    transities = models.JSONField(_("transities"), default=list)
    perspectieven = models.JSONField(_("perspectives"), default=list)
    instrument_version = models.CharField(
        _("instrument version"), max_length=20, default=QUESTIONNAIRE_VERSION
    )
    #: The instrument's TOML as it was when the scan opened; empty while in concept.
    instrument_toml = models.TextField(blank=True, editable=False)
    k = models.PositiveSmallIntegerField(
        _("minimum group size (k)"),
        default=DEFAULT_K,
        validators=[MinValueValidator(MIN_K)],
        help_text=_("Groups with fewer respondents are never shown separately (at least 3)."),
    )
    #: Planned subsets (docs/questionnaire.md): a respondent who works for more gemeenten
    #: (or gemeente × transitie combinations) answers for this many, chosen at random and
    #: balanced over respondents.
    max_gemeenten = models.PositiveSmallIntegerField(
        _("maximum gemeenten per respondent"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Someone who works for more gemeenten answers for this many, chosen at random and "
            "spread evenly over respondents, so the questionnaire stays short."
        ),
    )
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CONCEPT
    )
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_rounds",
        verbose_name=_("previous round"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(k__gte=MIN_K), name="scan_k_at_least_3")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date is before the opening date.")})
        unknown = [p for p in self.perspectieven if p not in PERSPECTIEVEN]
        if unknown or not self.perspectieven:
            raise ValidationError({"perspectieven": _("Choose ambitie, praktijk or both.")})
        if not self.transities:
            raise ValidationError({"transities": _("Choose at least one transitie.")})

    # --- lifecycle -------------------------------------------------------------------------

    @property
    def is_concept(self) -> bool:
        return self.status == Status.CONCEPT

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == Status.GESLOTEN

    @property
    def accepts_answers(self) -> bool:
        """Open, and not past its closing date (answers can change until then)."""
        if not self.is_open:
            return False
        return self.closes_on is None or timezone.localdate() <= self.closes_on

    def open(self) -> None:
        """concept → open: freeze the instrument."""
        if not self.is_concept:
            raise ValidationError(_("Only a draft scan can be opened."))
        self.instrument_toml = load_instrument_text(self.instrument_version)
        self.status = Status.OPEN
        self.opened_at = timezone.now()
        self.save(update_fields=["instrument_toml", "status", "opened_at"])

    def close(self) -> None:
        """open → gesloten: no answers change any more."""
        if not self.is_open:
            raise ValidationError(_("Only an open scan can be closed."))
        self.status = Status.GESLOTEN
        self.closed_at = timezone.now()
        self.save(update_fields=["status", "closed_at"])

    def copy_as_next_round(self, name: str) -> Scan:
        """A new concept scan with the same settings and respondent list, without answers."""
        with transaction.atomic():
            new = Scan.objects.create(
                region=self.region,
                name=name,
                transities=list(self.transities),
                perspectieven=list(self.perspectieven),
                instrument_version=self.instrument_version,
                k=self.k,
                max_gemeenten=self.max_gemeenten,
                previous=self,
            )
            from regiekompas.web.invitations.models import Respondent

            Respondent.objects.bulk_create(
                Respondent(
                    scan=new,
                    external_id=r.external_id,
                    groep=r.groep,
                    organisatie=r.organisatie,
                    gemeenten=list(r.gemeenten),
                    transities=list(r.transities),
                    email=r.email,
                )
                for r in self.respondents.filter(revoked_at__isnull=True, source="uitnodiging")
            )
            from regiekompas.web.scans.signals import next_round_created

            next_round_created.send(sender=Scan, previous=self, scan=new)
        return new

    # --- instrument ------------------------------------------------------------------------

    def instrument(self) -> Instrument:
        """The frozen instrument once open; the packaged version while in concept.

        A frozen instrument never changes, so it is parsed once per process and scan (keyed
        by the moment it was frozen) without reading the stored text again.
        """
        if self.opened_at is None:
            return load_instrument(self.instrument_version)
        key = (self.pk, self.opened_at)
        cached = _FROZEN.get(key)
        if cached is None:
            cached = _parse_frozen(self.instrument_toml)
            _FROZEN[key] = cached
        return cached


_FROZEN: dict[tuple[int, datetime.datetime], Instrument] = {}


def load_instrument_text(versie: str) -> str:
    from importlib.resources import files

    load_instrument(versie)  # validates the version exists and parses
    return (files("regiekompas.core.instrument") / f"v{versie}.toml").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=16)
def _parse_cached(digest: str, text: str) -> Instrument:
    return parse_instrument(text, file=f"scan-instrument-{digest[:8]}.toml")


def _parse_frozen(text: str) -> Instrument:
    return _parse_cached(hashlib.sha256(text.encode()).hexdigest(), text)
