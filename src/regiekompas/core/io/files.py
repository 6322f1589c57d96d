"""Turning the paths a user gives into the list of files to read.

A facilitator typically points at a folder exported from a survey tool or a shared drive, so
a folder stands for the CSV and XLSX files directly inside it; hidden files and the `~$`
lock files Excel leaves next to an open workbook are not data.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from regiekompas.core.io.collector import GLOBAL, Collector, Source

EXTENSIONS = (".csv", ".xlsx")


def _is_data_file(path: Path) -> bool:
    name = path.name
    return not name.startswith((".", "~$")) and path.suffix.lower() in EXTENSIONS and path.is_file()


def expand_paths(paths: Sequence[str | Path], collector: Collector) -> list[Path]:
    """The files to read, each once, in the order given; problems go to `collector`."""
    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            found.append(path)

    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        collector.error(GLOBAL, None, None, "bestand.geen_bestanden")
    for index, given in enumerate(paths):
        path = Path(given)
        source = Source(path.name or str(path), None, (-1, index))
        try:
            if path.is_dir():
                inside = sorted(
                    (p for p in path.iterdir() if _is_data_file(p)), key=lambda p: p.name
                )
                if not inside:
                    collector.error(source, None, None, "bestand.map_leeg")
                for file in inside:
                    add(file)
            elif not path.exists():
                collector.error(source, None, None, "bestand.bestaat_niet")
            elif path.suffix.lower() not in EXTENSIONS:
                collector.error(
                    source, None, None, "bestand.extensie", extensie=path.suffix or path.name
                )
            else:
                add(path)
        except OSError as exc:
            collector.error(source, None, None, "bestand.onleesbaar", reden=exc.strerror or "")
    return found
