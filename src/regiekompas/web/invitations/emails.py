"""Invitation and reminder mails, each with a freshly issued personal link.

Mails go through Django's configured email backend (SMTP in production, the console in
development). They are sent one by one over one connection, and a respondent is marked as
invited or reminded only after their mail was accepted — so when the mail server fails
half-way, pressing the button again reaches exactly the respondents that were missed.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from regiekompas.web.invitations.models import Respondent
from regiekompas.web.invitations.tokens import issue_token, link_for
from regiekompas.web.scans.models import Scan

logger = logging.getLogger(__name__)

Kind = Literal["invitation", "reminder"]


#: Minutes a respondent's route takes, or None when unknown. The questionnaire app, which
#: knows the route, installs its estimate at start-up (`set_time_estimate`), so this app
#: need not import it (apps import each other one way only).
def _no_estimate(respondent: Respondent) -> int | None:
    return None


_time_estimate: Callable[[Respondent], int | None] = _no_estimate


def set_time_estimate(estimate: Callable[[Respondent], int | None]) -> None:
    global _time_estimate
    _time_estimate = estimate


@dataclass(frozen=True)
class SendResult:
    sent: int
    #: Respondents not reached because the mail server refused or failed; None = no failure.
    error: str | None = None


def invitation_recipients(scan: Scan) -> QuerySet[Respondent]:
    """Respondents with an email address who have not been mailed an invitation yet."""
    return (
        Respondent.objects.filter(
            scan=scan,
            revoked_at__isnull=True,
            invited_at__isnull=True,
            source=Respondent.Source.UITNODIGING,
        )
        .exclude(email="")
        .order_by("external_id")
    )


def reminder_recipients(scan: Scan) -> QuerySet[Respondent]:
    """Invited respondents with an email address who have not submitted their answers."""
    return (
        Respondent.objects.filter(
            scan=scan,
            revoked_at__isnull=True,
            invited_at__isnull=False,
            submitted_at__isnull=True,
            source=Respondent.Source.UITNODIGING,
        )
        .exclude(email="")
        .order_by("external_id")
    )


def send_invitations(scan: Scan) -> SendResult:
    return _send(scan, invitation_recipients(scan), "invitation")


def send_reminders(scan: Scan, groep: str | None = None) -> SendResult:
    """Remind every invited respondent who has not submitted, or only those of one group."""
    recipients = reminder_recipients(scan)
    if groep is not None:
        recipients = recipients.filter(groep=groep)
    return _send(scan, recipients, "reminder")


def compose(
    scan: Scan, kind: Kind, link: str, to: str, *, minutes: int | None = None
) -> EmailMessage:
    """One mail in the active language; the templates are plain text."""
    context = {
        "scan": scan,
        "region": scan.region,
        "link": link,
        "closes_on": scan.closes_on,
        "k": scan.k,
        "minutes": minutes,
    }
    subject = render_to_string(f"invitations/email/{kind}_subject.txt", context)
    body = render_to_string(f"invitations/email/{kind}_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )


def _send(scan: Scan, recipients: QuerySet[Respondent], kind: Kind) -> SendResult:
    stamp = "invited_at" if kind == "invitation" else "reminded_at"
    sent = 0
    people = list(recipients)
    if not people:
        return SendResult(0)
    try:
        with get_connection() as connection:
            for person in people:
                # The token is only kept when the mail carrying it was accepted.
                with transaction.atomic():
                    person.scan = scan
                    link = link_for(issue_token(person))
                    minutes = _time_estimate(person)
                    message = compose(scan, kind, link, person.email, minutes=minutes)
                    message.connection = connection
                    message.send()
                    Respondent.objects.filter(pk=person.pk).update(**{stamp: timezone.now()})
                sent += 1
    except (smtplib.SMTPException, OSError) as exc:  # SMTP, socket and TLS errors
        logger.warning("sending %s mails for scan %s stopped: %s", kind, scan.pk, exc)
        return SendResult(sent, str(exc) or type(exc).__name__)
    return SendResult(sent)
