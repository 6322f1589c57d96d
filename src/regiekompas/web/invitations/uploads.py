"""Uploaded files to a private temporary folder, under their own (sanitised) names.

`core.io` reads paths and reports problems by file name, so an upload is written to disk
under the name the user gave it; the folder is removed as soon as the import is done.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile

_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)


def safe_name(name: str, fallback: str) -> str:
    """The base name of an upload without path parts or unusual characters."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip(" .")
    return cleaned[:120] or fallback


def save_uploads(files: Iterable[UploadedFile], directory: Path) -> list[Path]:
    """Write each upload into `directory`; a repeated name gets a number in front."""
    paths: list[Path] = []
    for index, upload in enumerate(files, start=1):
        name = safe_name(upload.name or "", f"bestand-{index}")
        path = directory / name
        if path.exists():
            path = directory / f"{index}-{name}"
        with path.open("wb") as stream:
            for chunk in upload.chunks():
                stream.write(chunk)
        paths.append(path)
    return paths
