"""Worker memory for hostile uploads of up to 20 MB, measured in a `regiekompas serve` worker.

One gunicorn worker (production settings, SQLite) receives each file on the answers import
page (the path that reads the most), as a logged-in facilitator. Before each upload the
worker's peak-RSS counter is reset (/proc/PID/clear_refs), so the table gives per file: the
worker's RSS before, its peak while handling the upload, RSS after, the HTTP status and the
seconds the request took. Target (issue 8): peak under 300 MB, never a 500.

    python bench/upload_memory.py
    python bench/upload_memory.py --no-baseline   # only the server

Side by side, the baseline reads each file with every limit of `core.io.limits` switched off,
in a fresh process capped at 2 GB of address space and 120 s, giving its peak RSS (VmHWM)
and seconds. (openpyxl's whole-sheet dimension scan stays off there too, so the baseline is
kinder than the code before issue 8.)
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import uvloop

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "tests"))
import faults  # noqa: E402
import hostile_files  # noqa: E402
import web_load as wl  # noqa: E402

MB = 1024 * 1024
#: Address-space cap of a baseline process, so a bomb cannot take the shared machine down.
CAP_MB = 2048
HEADER = hostile_files.LONG_HEADER


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choices(string.ascii_letters + string.digits, k=n))


def shared_strings_just_under(target: int) -> tuple[str, bytes]:
    """Incompressible shared strings just under the 32 MB limit (a ~22 MB file: refused
    for its size; with --size-mb 25 it is read)."""
    rng = random.Random(1)
    pieces: list[bytes] = []
    size = 0
    while size < 30 * MB:
        text = _random_text(rng, 2000).encode()
        pieces.append(b"<si><t>" + text + b"</t></si>")
        size += len(text) + 15
    shared = b"".join(pieces)
    row = '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    del target
    return "teksten-net-onder-grens.xlsx", hostile_files._workbook(
        hostile_files._header_row() + row, shared
    )


def csv_distinct_respondents(target: int) -> tuple[str, bytes]:
    """A 20 MB long-format CSV where every row is a new respondent with a new organisation."""
    lines = [HEADER]
    size = 0
    n = 0
    while size < target:
        line = f"R{n:07d},gemeente_beleid,Org {n:07d},GM0153,jeugd,praktijk,cc1,3"
        lines.append(line)
        size += len(line) + 1
        n += 1
    return "unieke-respondenten.csv", ("\n".join(lines) + "\n").encode()


def xlsx_rows_under_limit(target: int) -> tuple[str, bytes]:
    """900 000 rows of distinct respondents: under the row limit, so openpyxl parses them."""
    del target
    body = "".join(
        f'<row r="{r}">'
        + "".join(
            hostile_files._cell(f"{col}{r}", val)
            for col, val in zip(
                "ABCDEFGH",
                [f"R{r}", "gemeente_beleid", f"Org {r}", "GM0153", "jeugd", "praktijk", "cc1", "3"],
                strict=True,
            )
        )
        + "</row>"
        for r in range(2, 120_002)
    )
    return "rijen-onder-grens.xlsx", hostile_files._workbook(hostile_files._header_row() + body)


FILES: dict[str, Callable[[int], tuple[str, bytes]]] = {
    "zip bomb (ratio ~1000)": lambda t: hostile_files.sheet_zip_bomb(t // MB * 40),
    "huge shared string (64 MB in 64 kB)": lambda t: hostile_files.huge_shared_string(64),
    "shared strings just under 32 MB": shared_strings_just_under,
    "1.1 M compressed rows": lambda t: hostile_files.many_rows_xlsx(1_100_000),
    "XLSX rows, all distinct": xlsx_rows_under_limit,
    "CSV: one 20 MB line": lambda t: hostile_files.csv_one_long_line(t // MB),
    "CSV: 20 MB of distinct respondents": csv_distinct_respondents,
    "CSV: 20 MB of NUL-laden rows": lambda t: (
        "nul.csv",
        (
            HEADER + "\n" + "R1,gemeente_beleid,O\x00,GM0153,jeugd,praktijk,cc1,3\n" * (t // 50)
        ).encode(),
    ),
}


def django_prepare(out: Path) -> None:
    """A facilitator with a session, and a scan in a region with GM0153."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from regiekompas.web.accounts.models import Membership
    from regiekompas.web.regions.models import Region, RegionGemeente
    from regiekompas.web.scans.models import Scan

    call_command("migrate", interactive=False, verbosity=0)
    user = User.objects.create_user("bench", "bench@example.nl", "bench-password-123")
    region = Region.objects.create(name="Bench")
    RegionGemeente.objects.create(region=region, code="GM0153", naam="Enschede")
    Membership.objects.create(user=user, region=region)
    scan = Scan.objects.create(
        region=region, name="Bench", transities=["jeugd"], perspectieven=["praktijk"], k=3
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    out.write_text(json.dumps({"scan": scan.pk, "session": session.session_key}))


def _multipart(field: str, name: str, content: bytes) -> tuple[str, bytes]:
    boundary = "rkbench" + "".join(random.choices(string.ascii_lowercase, k=16))
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f"{'x' * 32}\r\n"
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
            f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return f"multipart/form-data; boundary={boundary}", body


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def serve_and_measure(files: dict[str, tuple[str, bytes]]) -> list[tuple[str, ...]]:
    folder = Path(tempfile.mkdtemp(prefix="rk-upload-memory-"))
    rows: list[tuple[str, ...]] = []
    try:
        env = wl.base_env(folder)
        prepared = folder / "prepared.json"
        step_env = {**env, "DJANGO_SETTINGS_MODULE": "regiekompas.web.settings"}
        subprocess.run(
            [sys.executable, __file__, "--django-step", str(prepared)], env=step_env, check=True
        )
        plan = json.loads(prepared.read_text())
        with faults.serving(env, folder, 1) as (port, master):
            (worker,) = faults._children(master)
            cookies = {"sessionid": plan["session"], "csrftoken": "x" * 32}
            path = f"/scans/{plan['scan']}/antwoorden/importeren/"
            warm = uvloop.run(wl.http(port, "GET", path, {"Cookie": wl.cookie_header(cookies)}))
            if warm.status != 200:
                raise wl.BenchError(f"import page gave {warm.status}")
            for label, (name, content) in files.items():
                Path(f"/proc/{worker}/clear_refs").write_text("5")
                before = _status_kb(worker, "VmRSS")
                content_type, body = _multipart("uploads", name, content)
                headers = {
                    "Cookie": wl.cookie_header(cookies),
                    "X-CSRFToken": "x" * 32,
                    "Content-Type": content_type,
                    "Referer": f"http://127.0.0.1:{port}{path}",
                }
                started = time.perf_counter()
                reply = uvloop.run(wl.http(port, "POST", path, headers, body))
                seconds = time.perf_counter() - started
                peak = _status_kb(worker, "VmHWM")
                after = _status_kb(worker, "VmRSS")
                rows.append(
                    (
                        label,
                        f"{len(content) / MB:.1f}",
                        f"{before / 1024:.0f}",
                        f"{peak / 1024:.0f}",
                        f"{after / 1024:.0f}",
                        str(reply.status),
                        f"{seconds:.1f}",
                    )
                )
                wl.say(f"{label}: {rows[-1]}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def baseline(files: dict[str, tuple[str, bytes]]) -> dict[str, tuple[str, str]]:
    """Peak RSS and seconds of reading each file without limits, in a fresh process each."""
    results: dict[str, tuple[str, str]] = {}
    folder = Path(tempfile.mkdtemp(prefix="rk-upload-baseline-"))
    try:
        for label, (name, content) in files.items():
            path = folder / name
            path.write_bytes(content)
            code = (
                "import resource,sys,time\n"
                f"resource.setrlimit(resource.RLIMIT_AS, ({CAP_MB} << 20, {CAP_MB} << 20))\n"
                "from regiekompas.core.io import read_dataset, ImportFailed\n"
                "from regiekompas.core.io.limits import Limits\n"
                "none = Limits(**{f: None for f in Limits.__dataclass_fields__})\n"
                "t=time.monotonic()\n"
                "try: read_dataset([sys.argv[1]], limits=none)\n"
                "except ImportFailed: pass\n"
                "except MemoryError: print('memory', file=sys.stderr)\n"
                "hwm=[l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
                "print(hwm.split()[1], time.monotonic()-t)\n"
            )
            try:
                done = subprocess.run(
                    [sys.executable, "-c", code, str(path)],
                    capture_output=True, text=True, timeout=120, check=False,
                )  # fmt: skip
                kb, seconds = done.stdout.split()
                peak = f"{int(kb) / 1024:.0f}"
                if "memory" in done.stderr:
                    peak = f"> {CAP_MB} (MemoryError)"
                results[label] = (peak, f"{float(seconds):.1f}")
            except (subprocess.TimeoutExpired, ValueError):
                results[label] = ("?", "> 120")
            path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=20)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--django-step", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.django_step:
        django_prepare(Path(args.django_step))
        return 0
    # Just under the upload limit, so the other limits are what stops a file.
    target = args.size_mb * MB - 64 * 1024
    wl.say("building the files")
    files = {label: make(target) for label, make in FILES.items()}
    rows = serve_and_measure(files)
    base = {} if args.no_baseline else baseline(files)
    print()
    print(
        "| upload | MB | worker RSS before (MB) | peak (MB) | after (MB) | status | s "
        "| without limits: peak (MB) | s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        extra = base.get(row[0], ("—", "—"))
        print("| " + " | ".join((*row, *extra)) + " |")
    worst = max(int(r[3]) for r in rows)
    bad = [r for r in rows if r[5] == "500"]
    print(f"\nhighest peak: {worst} MB (target < 300 MB); HTTP 500s: {len(bad)}")
    return 1 if worst >= 300 or bad else 0


if __name__ == "__main__":
    sys.exit(main())
