"""The load benchmark runs end to end on SQLite: servers start, answers arrive, rows check out.

A few users for a couple of seconds (about 15 s in all, mostly starting two gunicorn
servers), so a broken benchmark shows up in the normal suite rather than on the day someone
needs its numbers. It asserts that the run works and its table has the documented shape; the
numbers themselves are for `python bench/web_load.py`, never for a test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "web_load.py"
ARGS = ["--db", "sqlite", "--users", "5", "--duration", "1", "--warmup", "0.3"]


def test_it_saves_answers_under_load_without_errors_or_duplicate_rows() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *ARGS],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith("| run"))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    assert columns == [
        "run",
        "requests/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "throughput vs floor",
        "ms in worker",
    ]
    rows = {
        cells[0]: cells
        for line in lines
        if line.startswith("| answer") or line.startswith("| floor")
        for cells in [[cell.strip() for cell in line.strip("|").split("|")]]
    }
    assert set(rows) == {"answer save (SQLite)", "floor insert (SQLite)"}
    assert all(cells[5] == "0" for cells in rows.values()), done.stdout
    assert float(rows["answer save (SQLite)"][1]) > 0
    assert float(rows["answer save (SQLite)"][6]) > 0
    checks = [line for line in lines if "Answer rows for" in line or "floor rows for" in line]
    assert len(checks) == 2
    assert all(line.startswith("OK") for line in checks), checks
