"""Authorization rows of the results downloads (reports/downloads.py), merged into
`authz_reports.ROWS`: whoever may read the results pages may download them; everyone else
gets what the pages give them (404)."""

from __future__ import annotations

from collections.abc import Sequence

from authz_matrix import RESULTS, Row
from conftest import World, make_respondent
from django.utils import timezone

from regiekompas.web.invitations.models import Respondent
from regiekompas.web.responses.models import Answer, Snapshot
from regiekompas.web.responses.snapshots import publish


def scan_a_published(world: World) -> Sequence[object]:
    """Scan A with a published snapshot in which GM0153 × jeugd has k respondents (so its
    pages show charts)."""
    scan = world.scan_a
    items = scan.instrument().axis_item_codes
    for i in range(scan.k):
        person, _token = make_respondent(scan, f"DL{i}", gemeenten=[world.gemeente_x])
        for perspectief in ("ambitie", "praktijk"):
            for j, item in enumerate(items):
                Answer.objects.create(
                    respondent=person,
                    gemeente_code=world.gemeente_x,
                    transitie="jeugd",
                    perspectief=perspectief,
                    item=item,
                    value=1 + (i + j) % 5,
                )
    Respondent.objects.filter(scan=scan).update(submitted_at=timezone.now())
    publish(scan, Snapshot.Kind.INTERIM)
    return [scan.pk]


def chart_of_a(world: World) -> Sequence[object]:
    return [*scan_a_published(world), "svg"]


DOWNLOAD_ROWS = {
    "reports:results_xlsx": Row(scan_a_published, get=RESULTS),
    "reports:results_csv": Row(scan_a_published, get=RESULTS),
    "reports:chart": Row(
        chart_of_a,
        get=RESULTS,
        query={"pagina": "GM0153/jeugd/", "grafiek": "kwadrant-GM0153-jeugd"},
    ),
}
