"""Personal links for a mail merge: new tokens, written once into a CSV or XLSX file.

Only the hash of a token is stored, so a link can be handed out exactly once: every download
issues new tokens. By default only respondents that never had a link get one, so a second
download does not silently add a second working link for everybody; "new links for everyone"
does exactly that (earlier links keep working until the respondent is revoked).
"""

from __future__ import annotations

import csv
import io
import secrets
import tempfile
from pathlib import Path

from django.db import transaction
from django.db.models import QuerySet

from regiekompas.core.export.safe import csv_row
from regiekompas.core.io import write_workbook
from regiekompas.web.invitations.models import AccessToken, Respondent
from regiekompas.web.invitations.tokens import TOKEN_BYTES, hash_token, link_for
from regiekompas.web.scans.models import Scan

HEADER = ("respondent_id", "groep", "organisatie", "gemeenten", "transities", "email", "link")

LinkRow = tuple[str, str, str, str, str, str, str]


def linkable(scan: Scan, *, everyone: bool) -> QuerySet[Respondent]:
    """Respondents a download gives a link: invited ones that are not revoked.

    Respondents whose answers were imported from elsewhere get no link: their answers came
    in another way and should not be changed through this app.
    """
    people = Respondent.objects.filter(
        scan=scan, revoked_at__isnull=True, source=Respondent.Source.UITNODIGING
    )
    if not everyone:
        people = people.filter(tokens__isnull=True)
    return people.order_by("external_id")


def issue_links(scan: Scan, *, everyone: bool) -> list[LinkRow]:
    """A new token per selected respondent, as rows of the download (header `HEADER`)."""
    rows: list[LinkRow] = []
    tokens: list[AccessToken] = []
    with transaction.atomic():
        for person in linkable(scan, everyone=everyone):
            token = secrets.token_urlsafe(TOKEN_BYTES)
            tokens.append(AccessToken(respondent=person, token_hash=hash_token(token)))
            rows.append(
                (
                    person.external_id,
                    person.groep,
                    person.organisatie,
                    ";".join(person.gemeenten),
                    ";".join(person.transities),
                    person.email,
                    link_for(token),
                )
            )
        AccessToken.objects.bulk_create(tokens, batch_size=1000)
    return rows


def links_csv(rows: list[LinkRow]) -> bytes:
    """Comma-separated UTF-8, the same convention as every other export of the app."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(csv_row(row) for row in rows)
    return buffer.getvalue().encode("utf-8")


def links_xlsx(rows: list[LinkRow]) -> bytes:
    with tempfile.TemporaryDirectory(prefix="regiekompas-links-") as folder:
        path = Path(folder) / "links.xlsx"
        write_workbook(path, {"links": (HEADER, rows)})
        return path.read_bytes()
