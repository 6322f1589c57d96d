"""Authorization rows of the reports app: whoever may read the results may ask for their PDF.

Asking starts a background job (a POST that creates a `Job`), so outsiders must leave the
database as it was; the PDF itself is served by `jobs:download` to the requester only
(`authz_jobs.py`).
"""

from __future__ import annotations

from authz_matrix import POST_ONLY, RESULTS, Row, scan_a

ROWS = {
    "reports:region_pdf": Row(scan_a, get=POST_ONLY, post=RESULTS, mutates=True),
    "reports:gemeente_pdf": Row(
        lambda world: [world.scan_a.pk, world.gemeente_x],
        get=POST_ONLY,
        post=RESULTS,
        mutates=True,
    ),
}

# Results downloads (reports/downloads.py): their rows live in authz_downloads.py.
from authz_downloads import DOWNLOAD_ROWS  # noqa: E402

ROWS = {**ROWS, **DOWNLOAD_ROWS}
