"""`regiekompas manage forget_respondent SCAN RESPONDENT_ID`: erase one person (GDPR art. 17).

Deletes the respondent with every answer, free-text answer, reported mechanism and link
token (all cascade from `Respondent`), in one transaction, so no export, results page or API
built from the answers can show them afterwards; cached results are keyed on the answers,
so they are recomputed (docs/security.md). What it cannot reach: files already downloaded,
and backups — those age out with the backup retention.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from regiekompas.web.invitations.models import Respondent


class Command(BaseCommand):
    help = "Delete one respondent of a scan with all their answers (right to erasure)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("scan", type=int, help="The scan's number (as in its URL).")
        parser.add_argument("respondent_id", help="The respondent id (R0001, or as imported).")

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            person = (
                Respondent.objects.select_for_update()
                .filter(scan_id=options["scan"], external_id=options["respondent_id"])
                .first()
            )
            if person is None:
                raise CommandError(
                    f"scan {options['scan']} has no respondent {options['respondent_id']!r}"
                )
            _, removed = person.delete()
        counts = ", ".join(f"{model.split('.')[-1]}: {n}" for model, n in sorted(removed.items()))
        self.stdout.write(f"Deleted respondent {options['respondent_id']} ({counts}).")
