"""Benchmark: respondents saving answers concurrently, next to a bare Django insert (the floor).

N simulated respondents (default 200) each open their personal link (the intro, then the
first page, which hands out the CSRF cookie), then save one answer after another with no
pause (a closed loop: N requests are always in flight; `--think-ms` adds a pause) against
`regiekompas serve` with 2 gunicorn workers, for 60 s measured after a short warm-up. The same
load also runs against the floor: the same settings, middleware, workers and database, but a
view (`bench/floor/`) that does nothing but insert one row per POST. Both servers stay up and
the load alternates between them in rounds (default 3 × 20 s each), so drift in this shared
machine's speed affects both sides of the ratio alike. Both run on SQLite and on PostgreSQL;
the table gives requests/s, latency percentiles, errors and the answer-save throughput as a
fraction of the floor's (the notes add each round's ratio).

After each run the database is checked: one Answer row per (respondent, gemeente, transitie,
perspectief, item) that was acknowledged with 200, holding the value last acknowledged (each
respondent saves one answer at a time, so the last acknowledged value must be the stored one).

The load generator is this process (asyncio on uvloop, raw HTTP/1.1, one connection per
request since gunicorn's sync workers close the connection after every response). It shares
the machine's cores with the workers, so it is kept lean (uvloop cut its share of a core from
about 39 % to 27 % at 1000 requests/s); the printed notes say how much CPU it used. Django is
only imported in short child processes that set up and check the database, so this process
stays a plain load generator.

    python bench/web_load.py                   # 200 users, 60 s per row, SQLite and PostgreSQL
    python bench/web_load.py --quick --db sqlite   # a 5-second look
    python bench/web_load.py --think-ms 2000   # respondents who pause between answers
    PYTHONPATH=/tmp/try python bench/web_load.py --settings try_settings   # a settings change

PostgreSQL: a database `regiekompas_bench` is created on --pg-url (default: the local server,
user postgres) and dropped afterwards. The exit status is non-zero only when the benchmark
itself could not run or the database check fails; missed targets are printed, not raised.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import uvloop

BENCH_DIR = Path(__file__).resolve().parent
PG_DATABASE = "regiekompas_bench"
TRANSITIES = ["jeugd", "wmo"]
PERSPECTIEVEN = ["ambitie", "praktijk"]
GEMEENTEN = {"GM0153": "Enschede", "GM0164": "Hengelo", "GM0141": "Almelo"}
VALUES = ["1", "2", "3", "4", "5", "1", "2", "3", "4", "5", "weet_niet"]
REQUEST_TIMEOUT = 30.0

#: Targets of the issue.
TARGET_P95_MS = 200.0
TARGET_RATIO = 0.5


class BenchError(RuntimeError):
    """The benchmark itself could not run (a server did not start, a setup step failed)."""


# --- the Django side: runs in a child process with the servers' environment ----------------


def django_prepare(users: int, out: Path) -> None:
    """Migrate, then create a region, an open scan and `users` respondents with tokens."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from django.db import transaction

    from regiekompas.web.invitations.models import Respondent
    from regiekompas.web.invitations.tokens import issue_token
    from regiekompas.web.regions.models import Region, RegionGemeente
    from regiekompas.web.scans.models import Scan

    codes = list(GEMEENTEN)
    with transaction.atomic():
        region = Region.objects.create(name="Twente (benchmark)")
        RegionGemeente.objects.bulk_create(
            RegionGemeente(region=region, code=code, naam=naam) for code, naam in GEMEENTEN.items()
        )
        scan = Scan.objects.create(
            region=region,
            name="Benchmark",
            transities=TRANSITIES,
            perspectieven=PERSPECTIEVEN,
            k=3,
        )
        scan.open()
        people = []
        for i in range(users):
            # Every third respondent is a regional party answering for all gemeenten.
            gemeenten = codes if i % 3 == 0 else [codes[i % len(codes)]]
            respondent = Respondent.objects.create(
                scan=scan,
                external_id=f"B{i:05d}",
                groep="aanbieder_bestuur" if i % 3 == 0 else "gemeente_beleid",
                gemeenten=gemeenten,
                transities=TRANSITIES,
            )
            people.append(
                {"id": respondent.pk, "token": issue_token(respondent), "gemeenten": gemeenten}
            )
        items = list(scan.instrument().axis_item_codes)
    out.write_text(json.dumps({"scan": scan.pk, "items": items, "respondents": people}))


def django_verify(state_path: Path, out: Path) -> None:
    """Compare the stored answers and floor rows with what the load generator saw."""
    import django

    django.setup()
    from floor.models import Row as FloorRow
    from regiekompas.web.responses.models import Answer

    state = json.loads(state_path.read_text())
    stored = {
        (r, g, t, p, i): v
        for r, g, t, p, i, v in Answer.objects.filter(respondent__scan_id=state["scan"])
        .values_list("respondent_id", "gemeente_code", "transitie", "perspectief", "item", "value")
        .iterator()
    }
    rows = Answer.objects.filter(respondent__scan_id=state["scan"]).count()
    acked = {tuple(k): v for *k, v in state["acked"]}
    unsure = {tuple(k) for k in state["unsure"]}
    missing = [k for k in acked if k not in stored]
    wrong = [k for k, v in acked.items() if k in stored and stored[k] != v]
    unexplained = [k for k in stored if k not in acked and k not in unsure]
    out.write_text(
        json.dumps(
            {
                "answer_rows": rows,
                "answer_keys": len(stored),
                "acked_keys": len(acked),
                "missing": len(missing),
                "wrong_value": len(wrong),
                "unexplained": len(unexplained),
                "floor_rows": FloorRow.objects.count(),
            }
        )
    )


# --- a minimal asyncio HTTP/1.1 client ------------------------------------------------------


@dataclass
class Reply:
    status: int
    cookies: dict[str, str]
    body: bytes


async def http(
    port: int, method: str, path: str, headers: dict[str, str], body: bytes = b""
) -> Reply:
    """One request on its own connection, read to the end (the server closes it)."""
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
    cookies: dict[str, str] = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        if name.strip().lower() == "set-cookie":
            pair = value.strip().split(";", 1)[0]
            cookie, _, cookie_value = pair.partition("=")
            cookies[cookie.strip()] = cookie_value.strip()
    return Reply(int(parts[1]), cookies, payload)


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


# --- the load -------------------------------------------------------------------------------


@dataclass
class User:
    """One simulated respondent: the pages it opens, where it posts, what it may answer."""

    #: Pages a respondent opens first (the last one hands out the CSRF cookie).
    pages: list[str]
    post_path: str
    respondent: int | None = None
    gemeenten: list[str] = field(default_factory=list)
    cookies: dict[str, str] = field(default_factory=dict)


@dataclass
class Sample:
    ended: float
    seconds: float
    error: str | None


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    #: (respondent, gemeente, transitie, perspectief, item) -> last acknowledged value.
    acked: dict[tuple[Any, ...], int | None] = field(default_factory=dict)
    #: keys whose last request failed: the row may or may not have been written.
    unsure: set[tuple[Any, ...]] = field(default_factory=set)
    #: Failures while opening the respondents' pages, before the load (counted per kind).
    page_problems: Counter[str] = field(default_factory=Counter)
    ok_total: int = 0
    #: (begin, end) of each measured window, one per round (warm-up excluded).
    windows: list[tuple[float, float]] = field(default_factory=list)
    #: Seconds the load ran, warm-ups included, and this process's CPU seconds meanwhile.
    elapsed: float = 0.0
    cpu_seconds: float = 0.0
    #: Busy and total CPU ticks of the whole machine during the load (all processes).
    busy_ticks: int = 0
    total_ticks: int = 0

    @property
    def machine_busy(self) -> float:
        return self.busy_ticks / self.total_ticks if self.total_ticks else float("nan")


def _answer_form(
    user: User, items: list[str], rng: random.Random
) -> tuple[tuple[Any, ...], int | None, bytes]:
    """A random answer of this user: its key, its stored value and the form to post."""
    key = (
        user.respondent,
        rng.choice(user.gemeenten),
        rng.choice(TRANSITIES),
        rng.choice(PERSPECTIEVEN),
        rng.choice(items),
    )
    waarde = rng.choice(VALUES)
    form = {
        "gemeente": key[1],
        "transitie": key[2],
        "perspectief": key[3],
        "item": key[4],
        "waarde": waarde,
    }
    value = None if waarde == "weet_niet" else int(waarde)
    return key, value, urlencode(form).encode()


async def open_pages(port: int, user: User, problems: Counter[str]) -> None:
    """GET the respondent's pages, as a browser would; the step page sets the CSRF cookie.

    Should a page fail, the user still gets a CSRF cookie (a secret of its own, which Django
    accepts as long as cookie and header agree) so the answer endpoint can be measured, and
    the failure is counted and printed with the results.
    """
    for path in user.pages:
        try:
            reply = await asyncio.wait_for(http(port, "GET", path, {}), REQUEST_TIMEOUT)
        except (OSError, TimeoutError, ConnectionError) as exc:
            problems[f"GET {_shape(path)} failed: {type(exc).__name__}"] += 1
            continue
        user.cookies.update(reply.cookies)
        if reply.status != 200:
            problems[f"GET {_shape(path)} gave {reply.status}"] += 1
    if "csrftoken" not in user.cookies:
        problems["no csrftoken cookie from the pages; the client made its own"] += 1
        user.cookies["csrftoken"] = "".join(
            secrets.choice(string.ascii_letters + string.digits) for _ in range(32)
        )


def _shape(path: str) -> str:
    """A path with the respondent's token hidden, so failures group in the output."""
    parts = path.split("/")
    return "/".join("<token>" if len(part) > 30 else part for part in parts)


async def user_loop(
    port: int,
    user: User,
    items: list[str],
    rng: random.Random,
    stop_at: float,
    think: float,
    result: LoadResult,
) -> None:
    while time.perf_counter() < stop_at:
        key, value, body = _answer_form(user, items, rng)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(user.cookies),
            "X-CSRFToken": user.cookies["csrftoken"],
            "HX-Request": "true",
        }
        begun = time.perf_counter()
        error: str | None = None
        try:
            reply = await asyncio.wait_for(
                http(port, "POST", user.post_path, headers, body), REQUEST_TIMEOUT
            )
            if reply.status != 200:
                error = f"HTTP {reply.status}"
        except (OSError, TimeoutError, ConnectionError) as exc:
            error = type(exc).__name__
        ended = time.perf_counter()
        result.samples.append(Sample(ended, ended - begun, error))
        if error is None:
            result.ok_total += 1
            result.acked[key] = value
            result.unsure.discard(key)
        else:
            result.unsure.add(key)
        if think:
            await asyncio.sleep(rng.expovariate(1 / think))


def cpu_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine so far (Linux); (0, 0) elsewhere."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


async def open_all(port: int, users: list[User], problems: Counter[str]) -> None:
    """Every user opens its pages (ten at a time), as before a real questionnaire."""
    limit = asyncio.Semaphore(10)

    async def opened(user: User) -> None:
        async with limit:
            await open_pages(port, user, problems)

    await asyncio.gather(*(opened(u) for u in users))


async def run_round(
    port: int,
    users: list[User],
    items: list[str],
    rngs: list[random.Random],
    warmup: float,
    duration: float,
    think: float,
    result: LoadResult,
) -> None:
    """One round: all users answer for `warmup + duration` s; adds to `result`."""
    begun = time.perf_counter()
    result.windows.append((begun + warmup, begun + warmup + duration))
    stop_at = begun + warmup + duration
    cpu = time.process_time()
    machine = cpu_ticks()
    await asyncio.gather(
        *(
            user_loop(port, u, items, rng, stop_at, think, result)
            for u, rng in zip(users, rngs, strict=True)
        )
    )
    result.cpu_seconds += time.process_time() - cpu
    result.elapsed += time.perf_counter() - begun
    busy, total = (after - before for after, before in zip(cpu_ticks(), machine, strict=True))
    result.busy_ticks += busy
    result.total_ticks += total


# --- servers and databases ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(command: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[None]:
    """Start gunicorn (in its own process group), wait until it answers, stop it after."""
    with log.open("ab") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise BenchError(f"server exited with {process.returncode}; see {log}")
            try:
                uvloop.run(asyncio.wait_for(http(port, "GET", "/", {}), 5))
                break
            except (OSError, TimeoutError, ConnectionError):
                if time.monotonic() > deadline:
                    raise BenchError(f"server did not answer within 90 s; see {log}") from None
                time.sleep(0.3)
        yield
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


@contextmanager
def database(kind: str, pg_url: str) -> Iterator[dict[str, str]]:
    """The environment variables of a fresh database; dropped or removed afterwards."""
    if kind == "sqlite":
        yield {}
        return
    import psycopg

    admin = pg_url.rstrip("/") + "/postgres"
    try:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {PG_DATABASE}")
    except psycopg.Error as exc:
        raise BenchError(f"cannot create {PG_DATABASE} on {pg_url}: {exc}") from None
    try:
        yield {"DATABASE_URL": f"{pg_url.rstrip('/')}/{PG_DATABASE}"}
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


#: Access-log line per request: method, path, status, time in the worker (microseconds).
ACCESS_LOG_FORMAT = "%(m)s %(U)s %(s)s %(D)s"


def worker_ms(log: Path) -> float:
    """Mean time a worker spent on one POST (queueing excluded), from the access log."""
    times = []
    for line in log.read_text(errors="replace").splitlines():
        parts = line.split(" ")
        if len(parts) == 4 and parts[0] == "POST" and parts[3].isdigit():
            times.append(int(parts[3]))
    return sum(times) / len(times) / 1000 if times else float("nan")


def base_env(folder: Path) -> dict[str, str]:
    """Production settings over plain HTTP on localhost (as `regiekompas serve` runs)."""
    env = {k: v for k, v in os.environ.items() if k not in ("REGIEKOMPAS_DEV", "DEBUG")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    python_path = [str(BENCH_DIR), env.get("PYTHONPATH", "")]
    env.update(
        {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "REGIEKOMPAS_DATA_DIR": str(folder),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": os.pathsep.join(p for p in python_path if p),
            # Read by gunicorn in both servers; only the access log's format changes.
            "GUNICORN_CMD_ARGS": f"--access-logformat '{ACCESS_LOG_FORMAT}'",
        }
    )
    return env


def django_step(env: dict[str, str], settings: str | None, *args: str) -> None:
    env = {**env, "DJANGO_SETTINGS_MODULE": settings or "floor.settings"}
    done = subprocess.run(
        [sys.executable, __file__, "--django-step", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"{args[0]} failed:\n{done.stderr[-3000:]}")


# --- one database: answer save, then floor --------------------------------------------------


@dataclass
class TableRow:
    name: str
    requests_per_s: float
    p50: float
    p95: float
    p99: float
    errors: int
    error_kinds: Counter[str]
    cpu_share: float
    page_problems: Counter[str]
    machine_busy: float
    worker_ms: float = float("nan")
    ratio: float | None = None
    #: The answer/floor ratio of each round on its own, to show how steady it was.
    round_ratios: list[float] = field(default_factory=list)


def summarise(name: str, result: LoadResult) -> TableRow:
    """Throughput and latency over the measured windows of all rounds together."""
    window = [s for s in result.samples if any(b <= s.ended <= e for b, e in result.windows)]
    ok = sum(1 for s in window if s.error is None)
    latencies = sorted(s.seconds * 1000 for s in window)
    kinds = Counter(s.error for s in result.samples if s.error)

    def pct(q: float) -> float:
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))]

    return TableRow(
        name,
        ok / sum(e - b for b, e in result.windows),
        pct(0.50),
        pct(0.95),
        pct(0.99),
        sum(kinds.values()),
        kinds,
        result.cpu_seconds / result.elapsed if result.elapsed else float("nan"),
        result.page_problems,
        result.machine_busy,
    )


def per_window_rate(result: LoadResult) -> list[float]:
    """Acknowledged requests per second in each round's measured window."""
    return [
        sum(1 for s in result.samples if s.error is None and b <= s.ended <= e) / (e - b)
        for b, e in result.windows
    ]


def bench_database(kind: str, args: argparse.Namespace) -> tuple[list[TableRow], list[str]]:
    label = "SQLite" if kind == "sqlite" else "PostgreSQL"
    folder = Path(tempfile.mkdtemp(prefix=f"rk-bench-{kind}-"))
    checks: list[str] = []
    try:
        with database(kind, args.pg_url) as db_env:
            env = {**base_env(folder), **db_env}
            say(f"{label}: preparing {args.users} respondents")
            prepared = folder / "prepared.json"
            django_step(env, args.settings, "prepare", str(args.users), str(prepared))
            plan = json.loads(prepared.read_text())
            items: list[str] = plan["items"]
            gunicorn_args = [
                "--access-logfile",
                "-",
                "--forwarded-allow-ips",
                "127.0.0.1",
            ]

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
            users = [
                User(
                    [f"/r/{p['token']}/", f"/r/{p['token']}/stap/1/"],
                    f"/r/{p['token']}/antwoord/",
                    p["id"],
                    p["gemeenten"],
                )
                for p in plan["respondents"]
            ]
            serve_env = {**env, "DJANGO_SETTINGS_MODULE": args.settings} if args.settings else env
            floor_port = free_port()
            floor = [
                str(Path(sys.executable).with_name("gunicorn")),
                "regiekompas.web.wsgi:application",
                "--bind",
                f"127.0.0.1:{floor_port}",
                "--workers",
                str(args.workers),
                *gunicorn_args,
            ]
            floor_users = [
                User(["/_floor/"], "/_floor/", p["id"], p["gemeenten"]) for p in plan["respondents"]
            ]
            floor_env = {**env, "DJANGO_SETTINGS_MODULE": args.settings or "floor.settings"}
            answers, floors = LoadResult(), LoadResult()
            answer_rngs = [random.Random(n) for n in range(len(users))]
            floor_rngs = [random.Random(n) for n in range(len(users))]
            per_round = args.duration / args.rounds
            # Both servers stay up (an idle one costs nothing) and the load alternates
            # between them round by round, so a slow spell of this shared machine falls on
            # both sides of the ratio instead of on one of them.
            with (
                server(serve, serve_env, port, folder / "serve.log"),
                server(floor, floor_env, floor_port, folder / "floor.log"),
            ):
                uvloop.run(open_all(port, users, answers.page_problems))
                uvloop.run(open_all(floor_port, floor_users, floors.page_problems))
                for n in range(args.rounds):
                    warmup = args.warmup if n == 0 else min(args.warmup, 1.0)
                    for what, at, who, rngs, result in (
                        ("answer save", port, users, answer_rngs, answers),
                        ("floor insert", floor_port, floor_users, floor_rngs, floors),
                    ):
                        say(
                            f"{label}: {what}, round {n + 1} of {args.rounds}: "
                            f"{warmup:g} s warm-up + {per_round:g} s"
                        )
                        uvloop.run(
                            run_round(at, who, items, rngs, warmup, per_round, args.think, result)
                        )
            answer_row = summarise(f"answer save ({label})", answers)
            answer_row.worker_ms = worker_ms(folder / "serve.log")
            floor_row = summarise(f"floor insert ({label})", floors)
            floor_row.worker_ms = worker_ms(folder / "floor.log")
            answer_row.ratio = answer_row.requests_per_s / floor_row.requests_per_s
            answer_row.round_ratios = [
                a / f
                for a, f in zip(per_window_rate(answers), per_window_rate(floors), strict=True)
                if f
            ]

            state = folder / "state.json"
            state.write_text(
                json.dumps(
                    {
                        "scan": plan["scan"],
                        "acked": [[*k, v] for k, v in answers.acked.items()],
                        "unsure": [list(k) for k in answers.unsure],
                    }
                )
            )
            verified = folder / "verified.json"
            django_step(env, args.settings, "verify", str(state), str(verified))
            checks += check_lines(label, json.loads(verified.read_text()), answers, floors)
    except BaseException:
        for log in sorted(folder.glob("*.log")):
            tail = log.read_text(errors="replace").splitlines()[-40:]
            print(f"--- last lines of {log.name} ---", *tail, sep="\n", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [answer_row, floor_row], checks


def check_lines(
    label: str, found: dict[str, int], answers: LoadResult, floors: LoadResult
) -> list[str]:
    """Human-readable results of the database check; raises nothing, marks failures."""
    unsure = len(answers.unsure)
    exact = unsure == 0
    rows_ok = (
        found["answer_rows"] == found["answer_keys"]
        and found["missing"] == 0
        and found["wrong_value"] == 0
        and found["unexplained"] == 0
        and (found["answer_rows"] == found["acked_keys"] if exact else True)
    )
    floor_errors = sum(1 for s in floors.samples if s.error)
    floor_ok = floors.ok_total <= found["floor_rows"] <= floors.ok_total + floor_errors
    return [
        f"{'OK  ' if rows_ok else 'FAIL'} {label}: {found['answer_rows']} Answer rows for "
        f"{found['acked_keys']} distinct (respondent, gemeente, transitie, perspectief, item) "
        f"keys acknowledged with 200 (+{unsure} keys whose last save failed); "
        f"{found['missing']} missing, {found['wrong_value']} not holding the last acknowledged "
        f"value, {found['unexplained']} never sent",
        f"{'OK  ' if floor_ok else 'FAIL'} {label}: {found['floor_rows']} floor rows for "
        f"{floors.ok_total} inserts acknowledged with 200",
    ]


# --- output ---------------------------------------------------------------------------------


def say(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


def print_table(rows: list[TableRow]) -> None:
    name_w = max(len(r.name) for r in rows)
    print(
        f"| {'run':<{name_w}} | requests/s | p50 ms | p95 ms | p99 ms | errors "
        "| throughput vs floor | ms in worker |"
    )
    rule = "-----------:|-------:|-------:|-------:|-------:|--------------------:|-------------:|"
    print(f"|{'-' * (name_w + 2)}|{rule}")
    for r in rows:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        print(
            f"| {r.name:<{name_w}} | {r.requests_per_s:10.0f} | {r.p50:6.0f} | {r.p95:6.0f} "
            f"| {r.p99:6.0f} | {r.errors:6d} | {ratio:>19} | {r.worker_ms:12.1f} |"
        )


def print_targets(rows: list[TableRow], think: float) -> None:
    print()
    for r in rows:
        if r.ratio is None:
            continue
        verdicts = [
            f"{'PASS' if r.p95 <= TARGET_P95_MS else 'FAIL'} p95 {r.p95:.0f} ms "
            f"≤ {TARGET_P95_MS:.0f} ms",
            f"{'PASS' if r.errors == 0 else 'FAIL'} errors {r.errors} = 0",
        ]
        if think:
            # Both servers then answer the same offered load; the ratio says nothing.
            verdicts.append("throughput vs floor not tested (think time > 0)")
        else:
            rounds = ", ".join(f"{x:.2f}" for x in r.round_ratios)
            verdicts.append(
                f"{'PASS' if r.ratio >= TARGET_RATIO else 'FAIL'} throughput {r.ratio:.3f} "
                f"× floor ≥ {TARGET_RATIO} (rounds: {rounds})"
            )
        print(f"{r.name}: " + "; ".join(verdicts))
    for r in rows:
        if r.error_kinds:
            kinds = ", ".join(f"{n}× {kind}" for kind, n in r.error_kinds.most_common())
            print(f"errors in {r.name}: {kinds}")
        if r.page_problems:
            kinds = ", ".join(f"{n}× {kind}" for kind, n in r.page_problems.most_common())
            print(f"WARNING {r.name}, opening the pages before the load: {kinds}")


def print_notes(args: argparse.Namespace, rows: list[TableRow]) -> None:
    cores = os.cpu_count() or 1
    generator = max(r.cpu_share for r in rows)
    needed = args.users / (TARGET_P95_MS / 1000)
    print(
        f"\nnotes: {args.users} users, think time {args.think * 1000:.0f} ms, "
        f"{args.duration:g} s measured per row in {args.rounds} round(s) alternating with the "
        f"floor, after {args.warmup:g} s warm-up (later rounds: up to 1 s), "
        f"{args.workers} gunicorn sync workers, {cores} CPU cores shared with the load "
        f"generator (which used up to {generator:.0%} of one core). Errors count the whole run "
        "including warm-up; latency is from connect to the last byte; 'ms in worker' is the "
        "mean time a worker spent on one POST (gunicorn's access log), queueing excluded."
    )
    busy = ", ".join(f"{r.machine_busy:.0%}" for r in rows)
    print(
        f"Machine load average (1 min) before the first row: {args.load_before:.1f} (above about "
        f"0.5, other processes were busy too and the numbers are low); all CPU cores busy "
        f"during each row, in table order: {busy}."
    )
    if args.think == 0:
        print(
            "Closed loop without think time: every user waits only for its own previous "
            "answer, so by Little's law the mean latency is users / throughput; a p95 of "
            f"{TARGET_P95_MS:.0f} ms with {args.users} users needs about {needed:.0f} requests/s."
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60.0, help="Measured seconds per row.")
    parser.add_argument("--warmup", type=float, default=5.0, help="Unmeasured seconds first.")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--think-ms", type=float, default=0.0, help="Mean pause per answer.")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="Alternate answer and floor load this many times (the duration is split).",
    )
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--quick", action="store_true", help="20 users, 1 s + 5 s.")
    parser.add_argument(
        "--settings",
        help="Settings module for both servers instead of the product's, to try a settings "
        "change first; it must start with `from floor.settings import *` (PYTHONPATH).",
    )
    parser.add_argument("--django-step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.django_step:
        step, *rest = args.django_step
        if step == "prepare":
            django_prepare(int(rest[0]), Path(rest[1]))
        else:
            django_verify(Path(rest[0]), Path(rest[1]))
        return 0

    if args.quick:
        args.users, args.duration, args.warmup, args.rounds = 20, 5.0, 1.0, 1
    args.think = args.think_ms / 1000
    args.load_before = os.getloadavg()[0]
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    rows: list[TableRow] = []
    checks: list[str] = []
    try:
        for kind in kinds:
            more_rows, more_checks = bench_database(kind, args)
            rows += more_rows
            checks += more_checks
    except BenchError as exc:
        print(f"benchmark could not run: {exc}", file=sys.stderr)
        return 1
    print()
    print_table(rows)
    print_targets(rows, args.think)
    print()
    print("\n".join(checks))
    print_notes(args, rows)
    return 2 if any(line.startswith("FAIL") for line in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
