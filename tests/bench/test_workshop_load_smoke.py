"""The workshop benchmark runs end to end on SQLite: phones join, poll and place, the
projector sees the dots and the database check holds.

A handful of phones for a few seconds (mostly starting the server), so a broken benchmark
shows up in the normal suite; the numbers themselves are for `python bench/workshop_load.py`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "workshop_load.py"
ARGS = ["--db", "sqlite", "--participants", "8", "--duration", "3", "--rounds", "1"]
#: Placements every 0.5–1.5 s instead of 10–30 s, so a 3-second run places some.
FAST = ["--place-every", "0.5", "1.5"]


def test_phones_join_poll_and_place_and_every_dot_is_stored() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *ARGS, *FAST],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith("| requests"))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    errors = columns.index("errors")
    rows = {
        cells[0]: cells
        for line in lines
        if line.startswith("| ") and "(SQLite)" in line
        for cells in [[cell.strip() for cell in line.strip("|").split("|")]]
    }
    assert {"phone poll (SQLite)", "floor GET (SQLite)", "placement (SQLite)"} <= set(rows)
    assert all(cells[errors] == "0" for cells in rows.values()), done.stdout
    assert int(rows["phone poll (SQLite)"][1]) > 0
    assert int(rows["placement (SQLite)"][1]) > 0
    assert any(line.startswith("OK   SQLite: ") for line in lines), done.stdout
    assert any("SQLite: projector showed each of" in line for line in lines), done.stdout
