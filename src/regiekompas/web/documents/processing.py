"""Read and place uploaded policy documents with `core.documents`, then pool per gemeente.

The background task (`tasks.py`) calls `process_documents`: each document's bytes are
written to a private temporary folder under its own file name (the suffix tells the reader
the format where the content does not) and run through `core.documents.batch`, which turns
every problem into a per-file `Failure` (docs/documents.md, "Limits"), so one bad file never
stops the others. The limits are the installation's upload limits (`web/limits.py`): the
file size of REGIEKOMPAS_MAX_UPLOAD_MB and the time budget of REGIEKOMPAS_IMPORT_SECONDS.

A gemeente's result pools the placed sentences of all its placed documents, with its own
bootstrap stream (docs/documents.md, "Scores"); it is recomputed whenever one of its
documents is placed or deleted (`refresh_gemeente`).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, Final

from django.conf import settings
from django.db import transaction

from regiekompas import __version__
from regiekompas.core.documents import (
    DocumentPlacement,
    Failure,
    Limits,
    Placed,
    batch,
    get_classifier,
    load_method_settings,
    results_document,
)
from regiekompas.web.documents.models import GemeenteDocuments, PolicyDocument
from regiekompas.web.limits import upload_limits

ProgressFn = Callable[[int, int], None]

#: Longest file name kept (the model's field).
MAX_NAME: Final = 255


def document_limits() -> Limits:
    """`core.documents.Limits` with this installation's upload size and time budget."""
    web = upload_limits()
    defaults = Limits()
    return Limits(
        max_bytes=web.file_bytes or defaults.max_bytes,
        max_seconds=web.seconds,
    )


def safe_name(name: str) -> str:
    """The last part of an uploaded file's name, without characters a file system refuses."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = re.sub(r"[\x00-\x1f/:*?\"<>|]", "_", base).strip(" .")
    return (cleaned or "document")[:MAX_NAME]


def outdated(result: Mapping[str, Any] | None) -> bool:
    """Whether a stored result was made by another method or method version than today's."""
    meta = (result or {}).get("meta") or {}
    current = _method()
    return any(meta.get(key) != value for key, value in current.items())


@lru_cache(maxsize=1)
def _method() -> dict[str, str]:
    classifier = get_classifier(None)
    return {"methode": classifier.name, "methode_versie": classifier.version}


def _meta() -> dict[str, Any]:
    return {"versie": __version__, **_method()}


def _placement(row: Mapping[str, Any]) -> DocumentPlacement:
    """A stored document as `core.documents` knows it, named by its file name."""
    name = row["file_name"]
    result = row["result"] or {}
    placed = tuple(
        Placed(str(a), int(p), float(w), str(t), int(pg), int(i), name)
        for a, p, w, t, pg, i in row["placed"]
    )
    return DocumentPlacement(
        name,
        row["gemeente_code"],
        int(result.get("paginas", 0)),
        int(result.get("zinnen", 0)),
        placed,
    )


def _per_axis(placed: Iterable[Placed]) -> dict[str, int]:
    counts = {"cc": 0, "dc": 0}
    for p in placed:
        counts[p.axis] = counts.get(p.axis, 0) + 1
    return counts


def _document_result(placement: DocumentPlacement) -> dict[str, Any]:
    document = results_document([placement], [], load_method_settings(), _meta())
    row: dict[str, Any] = document["documenten"][0]
    row["zinnen_per_as"] = _per_axis(placement.placed)
    row["meta"] = document["meta"]
    return row


def process_documents(ids: Sequence[int], progress: ProgressFn | None = None) -> tuple[int, int]:
    """Read and place the waiting documents among `ids`; (placed, failed) counts.

    Documents deleted in the meantime are skipped. Whatever happens, no document is left
    "being read": an unexpected error marks the rest as not readable before it is raised.
    """
    documents = list(
        PolicyDocument.objects.filter(
            pk__in=ids, status__in=[PolicyDocument.Status.QUEUED, PolicyDocument.Status.PROCESSING]
        )
        .defer("content")
        .order_by("pk")
    )
    if not documents:
        return 0, 0
    pks = [d.pk for d in documents]
    PolicyDocument.objects.filter(pk__in=pks).update(status=PolicyDocument.Status.PROCESSING)
    placed = failed = 0
    try:
        with tempfile.TemporaryDirectory(prefix="regiekompas-documents-") as folder:
            jobs = []
            for document in documents:
                path = Path(folder) / str(document.pk) / safe_name(document.file_name)
                path.parent.mkdir()
                content = (
                    PolicyDocument.objects.filter(pk=document.pk)
                    .values_list("content", flat=True)
                    .first()
                )
                path.write_bytes(bytes(content or b""))
                jobs.append(batch.Job(path, document.gemeente_code))
            results = batch.run(
                jobs,
                workers=int(getattr(settings, "DOCUMENT_WORKERS", 1)),
                limits=document_limits(),
                progress=progress,
            )
        for document, result in zip(documents, results, strict=True):
            if isinstance(result, Failure):
                PolicyDocument.objects.filter(pk=document.pk).update(
                    status=PolicyDocument.Status.FAILED,
                    error_code=result.code,
                    error_detail=result.detail[:200],
                    result=None,
                    placed=[],
                )
                failed += 1
                continue
            rows = [[p.axis, p.pole, p.weight, p.text, p.page, p.index] for p in result.placed]
            placement = _placement(
                {
                    "file_name": document.file_name,
                    "gemeente_code": document.gemeente_code,
                    "result": {"paginas": result.paginas, "zinnen": result.zinnen},
                    "placed": rows,
                }
            )
            PolicyDocument.objects.filter(pk=document.pk).update(
                status=PolicyDocument.Status.DONE,
                result=_document_result(placement),
                placed=rows,
                error_code="",
                error_detail="",
            )
            placed += 1
    except Exception:
        PolicyDocument.objects.filter(pk__in=pks, status=PolicyDocument.Status.PROCESSING).update(
            status=PolicyDocument.Status.FAILED, error_code="crashed", error_detail=""
        )
        raise
    finally:
        for region_id, code in sorted({(d.region_id, d.gemeente_code) for d in documents}):
            refresh_gemeente(region_id, code)
    return placed, failed


def refresh_gemeente(region_id: int, code: str) -> dict[str, Any] | None:
    """Recompute the pooled result of one gemeente from its placed documents."""
    with transaction.atomic():
        pooled, _created = GemeenteDocuments.objects.select_for_update().get_or_create(
            region_id=region_id, gemeente_code=code
        )
        rows = list(
            PolicyDocument.objects.filter(
                region_id=region_id, gemeente_code=code, status=PolicyDocument.Status.DONE
            )
            .order_by("file_name", "pk")
            .values("file_name", "gemeente_code", "result", "placed")
        )
        result: dict[str, Any] | None = None
        if rows:
            placements = [_placement(row) for row in rows]
            document = results_document(placements, [], load_method_settings(), _meta())
            result = document["gemeenten"][0]
            result["zinnen_per_as"] = _per_axis(p for d in placements for p in d.placed)
            result["meta"] = document["meta"]
        pooled.result = result
        pooled.save(update_fields=["result", "updated_at"])
    return result
