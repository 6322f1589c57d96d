"""The upload limits of this installation: `core.io.limits.WEB` with the configured sizes.

Every upload path (region tables, respondent lists, answers, and later documents) reads its
files with these limits, so none of them can take a worker beyond its memory or past the
server's timeout (docs/security.md lists the numbers).
"""

from __future__ import annotations

import dataclasses

from django.conf import settings

from regiekompas.core.io.limits import WEB, Limits


def upload_limits() -> Limits:
    """`WEB` with the file size of REGIEKOMPAS_MAX_UPLOAD_MB and the time budget of
    REGIEKOMPAS_IMPORT_SECONDS (both in settings.py)."""
    return dataclasses.replace(
        WEB,
        file_bytes=settings.MAX_UPLOAD_BYTES,
        seconds=float(settings.IMPORT_SECONDS),
    )
