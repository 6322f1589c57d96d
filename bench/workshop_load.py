"""Benchmark: a live workshop of 300 phones and a projector, next to a trivial endpoint (floor).

N simulated participants (default 300) first join the session over HTTP (the group page
hands out the CSRF cookie, the group choice the participant's signed cookie). Then each
phone polls `/w/<code>/stand/` every 2 s as the participant page does (204 while the
facilitator changed nothing) and places a dot every 10–30 s (mean 20 s) on a random
transitie × perspectief, while one projector polls `/werksessie/<id>/stand/` every second
with the version it shows (204 when unchanged, else the room). The server is `regiekompas
serve` with 2 gunicorn workers (docs/workshop.md), on SQLite and on PostgreSQL.

The floor runs on the same server (the bench's settings add `/_floor/`, bench/floor/):
the same phones, at the same rates, GET `/_floor/` (a view that only hands out the CSRF
cookie) instead of polling and POST `/_floor/` (one row inserted) instead of placing. The
load alternates between the workshop and the floor in rounds, so a slow spell of this
shared machine falls on both; the table shows each kind of request with its floor.

Projector latency: every placement's answer carries the session version it produced; the
projector's answers carry the version they show (read before the dots, so everything up to
it is drawn). The latency of a placement is the time from its answer to the first projector
answer showing that version or a later one (0 when the projector showed it first).

At the end the database is checked: one row per (participant, round, transitie,
perspectief) that was acknowledged, holding the last acknowledged position (each phone
places one dot at a time), and no other rows.

    python bench/workshop_load.py                    # 300 phones, SQLite and PostgreSQL
    python bench/workshop_load.py --quick --db sqlite  # 20 phones, a few seconds

The exit status is non-zero only when the benchmark could not run or the database check
fails; missed targets are printed, not raised.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_load import (  # the bench folder is not a package: found through sys.path
    REQUEST_TIMEOUT,
    BenchError,
    base_env,
    cookie_header,
    database,
    free_port,
    say,
    server,
)

TRANSITIES = ["jeugd", "wmo"]
PERSPECTIEVEN = ["ambitie", "praktijk"]
GROUPS = ["gemeente_beleid", "gemeente_bestuur", "aanbieder_bestuur", "wijkteam", "zorgverzekeraar"]
POLL_SECONDS = 2.0
PROJECTOR_SECONDS = 1.0
PLACE_SECONDS = (10.0, 30.0)

#: Targets of the issue.
TARGET_LATENCY_S = 2.0
TARGET_POLL_P95_MS = 100.0


# --- the Django side: runs in a child process with the server's environment ---------------


def django_prepare(out: Path) -> None:
    """Migrate, then a facilitator with a signed-in session and an open, revealed session."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    from regiekompas.web.workshop.service import create_session

    user = User.objects.create_superuser("bench", "bench@example.nl", "not-used-for-login-1")
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    session = create_session(
        title="Benchmark",
        transities=TRANSITIES,
        k=3,
        created_by=user,
        focus_transitie=TRANSITIES[0],
        revealed=True,
    )
    out.write_text(
        json.dumps(
            {
                "session": session.pk,
                "code": session.code,
                "cookie": {settings.SESSION_COOKIE_NAME: store.session_key},
            }
        )
    )


def django_verify(state_path: Path, out: Path) -> None:
    import django

    django.setup()
    from regiekompas.web.workshop.models import Placement

    state = json.loads(state_path.read_text())
    stored = {
        (key, rnd, t, p): [cc, dc]
        for key, rnd, t, p, cc, dc in Placement.objects.filter(session_id=state["session"])
        .values_list("participant__key", "round", "transitie", "perspectief", "cc", "dc")
        .iterator()
    }
    acked = {tuple(k): v for *k, v in state["acked"]}
    unsure = {tuple(k) for k in state["unsure"]}
    missing = [k for k in acked if k not in stored]
    wrong = [k for k, v in acked.items() if k in stored and k not in unsure and stored[k] != v]
    unexplained = [k for k in stored if k not in acked and k not in unsure]
    out.write_text(
        json.dumps(
            {
                "rows": len(stored),
                "acked_keys": len(acked),
                "missing": len(missing),
                "wrong_value": len(wrong),
                "unexplained": len(unexplained),
            }
        )
    )


def django_step(env: dict[str, str], *args: str) -> None:
    import subprocess

    env = {**env, "DJANGO_SETTINGS_MODULE": "floor.settings"}
    done = subprocess.run(
        [sys.executable, __file__, "--django-step", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"{args[0]} failed:\n{done.stderr[-3000:]}")


# --- the load -------------------------------------------------------------------------------


@dataclass
class Phone:
    key: str = ""
    cookies: dict[str, str] = field(default_factory=dict)
    floor_cookies: dict[str, str] = field(default_factory=dict)


@dataclass
class Run:
    """Samples per kind of request: (time the answer ended, seconds, error or None)."""

    samples: dict[str, list[tuple[float, float, str | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: (participant key, round, transitie, perspectief) -> last acknowledged [cc, dc].
    acked: dict[tuple[Any, ...], list[float]] = field(default_factory=dict)
    unsure: set[tuple[Any, ...]] = field(default_factory=set)
    #: (version a placement produced, time its answer arrived).
    placed_versions: list[tuple[int, float]] = field(default_factory=list)
    #: (time a projector answer arrived, version it shows).
    projector_seen: list[tuple[float, int]] = field(default_factory=list)
    windows: list[tuple[float, float]] = field(default_factory=list)


VERSION = re.compile(rb'data-version="(\d+)"')


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str]
    body: bytes


async def http(
    port: int, method: str, path: str, headers: dict[str, str], body: bytes = b""
) -> Reply:
    """One HTTP/1.1 request on its own connection (gunicorn's sync workers close it)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        raw = await reader.read(-1)
    finally:
        writer.close()
    head, _, payload = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[1].isdigit():
        raise ConnectionError(f"malformed response: {status_line[:60]!r}")
    found: dict[str, str] = {}
    cookies: dict[str, str] = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        if name == "set-cookie":
            cookie, _, cookie_value = value.split(";", 1)[0].partition("=")
            cookies[cookie.strip()] = cookie_value.strip()
        else:
            found[name] = value
    return Reply(int(parts[1]), found, cookies, payload)


async def timed(
    run: Run,
    kind: str,
    port: int,
    method: str,
    path: str,
    headers: dict[str, str],
    body: bytes = b"",
) -> Any:
    begun = time.perf_counter()
    error: str | None = None
    reply = None
    try:
        reply = await asyncio.wait_for(http(port, method, path, headers, body), REQUEST_TIMEOUT)
        if reply.status >= 400:
            error = f"HTTP {reply.status}"
    except (OSError, TimeoutError, ConnectionError) as exc:
        error = type(exc).__name__
    ended = time.perf_counter()
    run.samples[kind].append((ended, ended - begun, error))
    return reply if error is None else None


async def join_all(port: int, code: str, phones: list[Phone]) -> None:
    """Every phone opens the session and chooses a group (ten at a time)."""
    limit = asyncio.Semaphore(10)
    path = f"/w/{code}/"

    async def join(i: int, phone: Phone) -> None:
        async with limit:
            page = await http(port, "GET", path, {})
            phone.cookies.update(page.cookies)
            form = urlencode({"choice": GROUPS[i % len(GROUPS)]}).encode()
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie_header(phone.cookies),
                "X-CSRFToken": phone.cookies.get("csrftoken", ""),
            }
            reply = await http(port, "POST", path, headers, form)
            if reply.status != 302:
                raise BenchError(f"joining answered {reply.status}")
            phone.cookies.update(reply.cookies)
            name = next(c for c in reply.cookies if c.startswith("rk_w"))
            phone.key = reply.cookies[name].strip('"').split(":")[0]
            floor = await http(port, "GET", "/_floor/", {})
            phone.floor_cookies.update(floor.cookies)

    await asyncio.gather(*(join(i, p) for i, p in enumerate(phones)))


#: Seconds between one phone's placements (uniform); `--place-every` changes it.
place_seconds = PLACE_SECONDS


async def phone_loop(
    port: int, code: str, phone: Phone, rng: random.Random, stop_at: float, floor: bool, run: Run
) -> None:
    now = time.perf_counter()
    next_poll = now + rng.uniform(0, POLL_SECONDS)
    next_place = now + rng.uniform(0, place_seconds[1])
    poll_path = "/_floor/" if floor else f"/w/{code}/stand/?v=1"
    place_path = "/_floor/" if floor else f"/w/{code}/plaats/"
    cookies = phone.floor_cookies if floor else phone.cookies
    while True:
        at = min(next_poll, next_place)
        if at >= stop_at:
            return
        await asyncio.sleep(max(0.0, at - time.perf_counter()))
        if at == next_poll:
            next_poll += POLL_SECONDS
            await timed(run, "floor GET" if floor else "phone poll", port, "GET", poll_path, {})
            continue
        next_place += rng.uniform(*place_seconds)
        transitie, perspectief = rng.choice(TRANSITIES), rng.choice(PERSPECTIEVEN)
        cc, dc = rng.randint(-20, 20) * 5, rng.randint(-20, 20) * 5
        form = {"transitie": transitie, "perspectief": perspectief, "cc": cc, "dc": dc}
        if floor:
            form = {"waarde": str(rng.randint(1, 5))}
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(cookies),
            "X-CSRFToken": cookies.get("csrftoken", ""),
            "HX-Request": "true",
        }
        kind = "floor POST" if floor else "placement"
        reply = await timed(run, kind, port, "POST", place_path, headers, urlencode(form).encode())
        if floor:
            continue
        key = (phone.key, 1, transitie, perspectief)
        if reply is None:
            run.unsure.add(key)
            continue
        run.acked[key] = [cc / 100, dc / 100]
        run.unsure.discard(key)
        version = reply.headers.get("x-workshop-version")
        if version is not None:
            run.placed_versions.append((int(version), time.perf_counter()))


async def projector_loop(
    port: int, session: int, cookies: dict[str, str], stop_at: float, run: Run
) -> None:
    version = 0
    headers = {"Cookie": cookie_header(cookies), "HX-Request": "true"}
    next_at = time.perf_counter()
    while next_at < stop_at:
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
        next_at += PROJECTOR_SECONDS
        path = f"/werksessie/{session}/stand/?v={version}"
        reply = await timed(run, "projector poll", port, "GET", path, headers)
        if reply is None:
            continue
        if reply.status == 200:
            found = VERSION.search(reply.body)
            if found is None:
                run.samples["projector poll"][-1] = (time.perf_counter(), 0.0, "no version")
                continue
            version = int(found.group(1))
            ended, seconds, _ = run.samples["projector poll"].pop()
            run.samples["projector poll (new room)"].append((ended, seconds, None))
            run.projector_seen.append((ended, version))
        elif reply.status == 204:
            ended, seconds, _ = run.samples["projector poll"].pop()
            run.samples["projector poll (nothing new)"].append((ended, seconds, None))


async def workshop_round(
    port: int,
    plan: dict[str, Any],
    phones: list[Phone],
    rngs: list[random.Random],
    seconds: float,
    floor: bool,
    run: Run,
) -> None:
    begun = time.perf_counter()
    stop_at = begun + seconds
    run.windows.append((begun, stop_at))
    tasks = [
        phone_loop(port, plan["code"], p, r, stop_at, floor, run)
        for p, r in zip(phones, rngs, strict=True)
    ]
    if not floor:
        tasks.append(projector_loop(port, plan["session"], plan["cookie"], stop_at + 2.5, run))
    await asyncio.gather(*tasks)


# --- one database -----------------------------------------------------------------------------


def latencies(run: Run) -> list[float]:
    """Seconds from each placement's answer to the first projector answer showing it."""
    seen = sorted(run.projector_seen)
    out = []
    for version, acked_at in run.placed_versions:
        shown = next((t for t, v in seen if v >= version and t >= acked_at - 60), None)
        if shown is None:
            out.append(float("inf"))
            continue
        # Shown before the phone got its answer: the projector was first.
        first = min((t for t, v in seen if v >= version), default=shown)
        out.append(max(0.0, first - acked_at))
    return out


@dataclass
class Row:
    name: str
    count: int
    per_s: float
    p50: float
    p95: float
    p99: float
    worst: float
    errors: int
    #: Time a worker spent on the request (gunicorn's access log), queueing excluded.
    worker_p50: float = float("nan")
    worker_p95: float = float("nan")


def worker_times(log: Path) -> dict[str, list[float]]:
    """Milliseconds in the worker per kind of request, from the access log of the run."""
    found: dict[str, list[float]] = defaultdict(list)
    for line in log.read_text(errors="replace").splitlines():
        parts = line.split(" ")
        if len(parts) != 4 or not parts[3].isdigit():
            continue
        method, path, status, micros = parts
        if method == "GET" and path.startswith("/w/") and path.endswith("/stand/"):
            kind = "phone poll"
        elif method == "POST" and path.endswith("/plaats/"):
            kind = "placement"
        elif path == "/_floor/":
            kind = f"floor {method}"
        elif path.startswith("/werksessie/") and path.endswith("/stand/"):
            kind = (
                "projector poll (nothing new)" if status == "204" else "projector poll (new room)"
            )
        else:
            continue
        found[kind].append(int(micros) / 1000)
    return found


def summarise(name: str, samples: list[tuple[float, float, str | None]], seconds: float) -> Row:
    times = sorted(s * 1000 for _, s, e in samples if e is None)

    def pct(q: float) -> float:
        return times[min(len(times) - 1, int(q * len(times)))] if times else float("nan")

    errors = sum(1 for _, _, e in samples if e is not None)
    return Row(
        name,
        len(samples),
        len(samples) / seconds if seconds else float("nan"),
        pct(0.50),
        pct(0.95),
        pct(0.99),
        times[-1] if times else float("nan"),
        errors,
    )


def bench_database(kind: str, args: argparse.Namespace) -> tuple[list[Row], list[str], list[float]]:
    label = "SQLite" if kind == "sqlite" else "PostgreSQL"
    folder = Path(tempfile.mkdtemp(prefix=f"rk-workshop-bench-{kind}-"))
    try:
        with database(kind, args.pg_url) as db_env:
            env = {**base_env(folder), **db_env, "DJANGO_SETTINGS_MODULE": "floor.settings"}
            say(f"{label}: preparing the session")
            prepared = folder / "prepared.json"
            django_step(env, "prepare", str(prepared))
            plan = json.loads(prepared.read_text())
            port = free_port()
            serve = [
                str(Path(sys.executable).with_name("regiekompas")),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
                "--no-migrate",
            ]
            phones = [Phone() for _ in range(args.participants)]
            rngs = [random.Random(n) for n in range(len(phones))]
            work, floor = Run(), Run()
            per_round = args.duration / args.rounds
            with server(serve, env, port, folder / "serve.log"):
                say(f"{label}: {len(phones)} phones join")
                uvloop.run(join_all(port, plan["code"], phones))
                for n in range(args.rounds):
                    for what, run, is_floor in (("workshop", work, False), ("floor", floor, True)):
                        say(f"{label}: {what}, round {n + 1} of {args.rounds}: {per_round:g} s")
                        uvloop.run(
                            workshop_round(port, plan, phones, rngs, per_round, is_floor, run)
                        )
            state = folder / "state.json"
            state.write_text(
                json.dumps(
                    {
                        "session": plan["session"],
                        "acked": [[*k, v] for k, v in work.acked.items()],
                        "unsure": [list(k) for k in work.unsure],
                    }
                )
            )
            in_worker = worker_times(folder / "serve.log")
            verified = folder / "verified.json"
            django_step(env, "verify", str(state), str(verified))
            found = json.loads(verified.read_text())
    except BaseException:
        for log in sorted(folder.glob("*.log")):
            tail = log.read_text(errors="replace").splitlines()[-40:]
            print(f"--- last lines of {log.name} ---", *tail, sep="\n", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    seconds = args.duration
    rows = [
        summarise(f"{kind_name} ({label})", run.samples[kind_name], seconds)
        for kind_name, run in (
            ("phone poll", work),
            ("floor GET", floor),
            ("placement", work),
            ("floor POST", floor),
            ("projector poll (nothing new)", work),
            ("projector poll (new room)", work),
        )
    ]
    for row in rows:
        times = sorted(in_worker.get(row.name.rsplit(" (", 1)[0], []))
        if times:
            row.worker_p50 = times[len(times) // 2]
            row.worker_p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    stray = sum(len(v) for k, v in work.samples.items() if k == "projector poll")
    if stray:
        rows.append(
            summarise(f"projector poll, failed ({label})", work.samples["projector poll"], seconds)
        )
    ok = (
        found["missing"] == 0
        and found["wrong_value"] == 0
        and found["unexplained"] == 0
        and (found["rows"] == found["acked_keys"] if not work.unsure else True)
    )
    checks = [
        f"{'OK  ' if ok else 'FAIL'} {label}: {found['rows']} dots stored for "
        f"{found['acked_keys']} acknowledged (participant, round, transitie, perspectief) keys "
        f"(+{len(work.unsure)} whose last placement failed); {found['missing']} missing, "
        f"{found['wrong_value']} not at the last acknowledged position, "
        f"{found['unexplained']} never sent"
    ]
    return rows, checks, latencies(work)


# --- output ---------------------------------------------------------------------------------


def print_table(rows: list[Row]) -> None:
    width = max(len(r.name) for r in rows)
    print(
        f"| {'requests':<{width}} | count | per s | p50 ms | p95 ms | p99 ms | max ms | errors "
        "| worker p50 ms | worker p95 ms |"
    )
    print(
        f"|{'-' * (width + 2)}|------:|------:|-------:|-------:|-------:|-------:|-------:"
        "|--------------:|--------------:|"
    )
    for r in rows:
        print(
            f"| {r.name:<{width}} | {r.count:5d} | {r.per_s:5.0f} | {r.p50:6.1f} | {r.p95:6.1f} "
            f"| {r.p99:6.1f} | {r.worst:6.0f} | {r.errors:6d} | {r.worker_p50:13.1f} "
            f"| {r.worker_p95:13.1f} |"
        )


def print_latency(label: str, seconds: list[float]) -> list[str]:
    finite = sorted(s for s in seconds if s != float("inf"))
    never = len(seconds) - len(finite)
    if not finite:
        return [f"FAIL {label}: no placement was seen on the projector"]
    p50 = finite[len(finite) // 2]
    p95 = finite[min(len(finite) - 1, int(0.95 * len(finite)))]
    worst = finite[-1]
    ok = never == 0 and worst <= TARGET_LATENCY_S
    return [
        f"{'PASS' if ok else 'FAIL'} {label}: projector showed each of {len(seconds)} placements "
        f"{p50:.2f} s (p50), {p95:.2f} s (p95), {worst:.2f} s (max) after its answer "
        f"(target ≤ {TARGET_LATENCY_S:g} s; never shown: {never})"
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--duration", type=float, default=60.0, help="Seconds of workshop load.")
    parser.add_argument("--rounds", type=int, default=2, help="Alternations with the floor.")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--quick", action="store_true", help="20 phones, 6 s.")
    parser.add_argument(
        "--place-every",
        nargs=2,
        type=float,
        default=PLACE_SECONDS,
        metavar=("LOW", "HIGH"),
        help="Seconds between one phone's placements, uniform between LOW and HIGH.",
    )
    parser.add_argument("--django-step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    global place_seconds
    place_seconds = tuple(args.place_every)
    if args.django_step:
        step, *rest = args.django_step
        if step == "prepare":
            django_prepare(Path(rest[0]))
        else:
            django_verify(Path(rest[0]), Path(rest[1]))
        return 0
    if args.quick:
        args.participants, args.duration, args.rounds = 20, 6.0, 1
    load_before = os.getloadavg()[0]
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    rows: list[Row] = []
    checks: list[str] = []
    try:
        for kind in kinds:
            more_rows, more_checks, seconds = bench_database(kind, args)
            rows += more_rows
            checks += more_checks
            checks += print_latency("SQLite" if kind == "sqlite" else "PostgreSQL", seconds)
    except BenchError as exc:
        print(f"benchmark could not run: {exc}", file=sys.stderr)
        return 1
    print()
    print_table(rows)
    print()
    for r in rows:
        if r.name.startswith(("phone poll", "projector poll (nothing")):
            verdict = "PASS" if r.p95 <= TARGET_POLL_P95_MS else "FAIL"
            print(f"{verdict} {r.name}: p95 {r.p95:.1f} ms ≤ {TARGET_POLL_P95_MS:g} ms")
        if r.errors:
            print(f"FAIL {r.name}: {r.errors} errors")
    print("\n".join(checks))
    print(
        f"\nnotes: {args.participants} phones polling every {POLL_SECONDS:g} s and placing every "
        f"{place_seconds[0]:g}–{place_seconds[1]:g} s, one projector polling every "
        f"{PROJECTOR_SECONDS:g} s; {args.duration:g} s of workshop load and as much floor load, "
        f"alternating in {args.rounds} round(s); `regiekompas serve` with {args.workers} gunicorn "
        f"workers on {os.cpu_count()} CPU cores shared with the load generator and other work "
        f"(load average before: {load_before:.1f}). Latency is from connect to the last byte; "
        "'per s' is over the measured seconds of its own kind of load; 'worker' is the time a "
        "gunicorn worker spent on the request (access log), without the wait for a free worker."
    )
    return 2 if any(line.startswith("FAIL") and "dots stored" in line for line in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
