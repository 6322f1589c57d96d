"""Authorization rows of the documents app: a region's policy documents are managed by its
facilitators only; everyone else gets 404 (or the login page), and nothing changes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from authz_matrix import MANAGE, POST_ONLY, Row
from conftest import World
from django.core.files.uploadedfile import SimpleUploadedFile

from regiekompas.web.documents.models import PolicyDocument

TEXT = "De gemeente stelt de kaders vast en controleert de naleving door aanbieders.\n"


def gemeente_of_a(world: World) -> Sequence[object]:
    return [world.region_a.pk, world.gemeente_x]


def document_of_a(world: World) -> Sequence[object]:
    """A placed-or-not document of gemeente X in region A, which a facilitator may delete."""
    data = TEXT.encode()
    document = PolicyDocument.objects.create(
        region=world.region_a,
        gemeente_code=world.gemeente_x,
        file_name="visie.txt",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        content=data,
        uploaded_by=world.facilitator_a,
    )
    return [world.region_a.pk, world.gemeente_x, document.pk]


def upload(world: World) -> dict[str, object]:
    return {"uploads": SimpleUploadedFile("nota.txt", TEXT.encode() * 3, "text/plain")}


ROWS = {
    "documents:region": Row(lambda world: [world.region_a.pk], get=MANAGE),
    "documents:gemeente": Row(gemeente_of_a, get=MANAGE, post=MANAGE, data=upload, mutates=True),
    "documents:delete": Row(document_of_a, get=POST_ONLY, post=MANAGE, mutates=True),
    "documents:read_again": Row(document_of_a, get=POST_ONLY, post=MANAGE, mutates=True),
}
