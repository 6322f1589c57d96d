"""Benchmark: page latency while a national scan's results are computed in the background.

Production layout on loopback: `regiekompas serve` with 2 gunicorn workers on PostgreSQL, a
Celery worker (`regiekompas worker --concurrency 1`) on the local Redis, and the shared cache
in Redis. The database holds the demo region Twente (14 gemeenten, published) and a
simulated national scan: 342 gemeenten, `--respondenten` per gemeente, published.

A few facilitators (`--clients`, each a thread: open a page, pause `--think-ms`, the next)
cycle through results pages of Twente, the region list and the national scan's own pages.
The run alternates two kinds of rounds of `--seconds` each, several times (`--rounds`), so
that drift in this shared machine's speed affects both sides alike:

* floor: nothing runs in the background;
* background: the national scan's results are recomputed again and again — the benchmark
  raises the region's data version (as an import would), the next page visit of the national
  scan starts the job `results.compute` (the app does that itself, as after a publication),
  and the worker computes and stores the document while the pages keep being served.

The table gives p50/p95 per page in both kinds of rounds and their ratio; the notes give how
many computations ran, how long one took and which share of the background rounds had one
running. Target (issue 11): p95 ≤ 300 ms while computing.

    python bench/results_background.py                      # 342 × 20 respondents, 3 × 2 × 30 s
    python bench/results_background.py --quick              # a short look (fewer respondents)

PostgreSQL: a database `rk_queue_bench` is created on --pg-url and dropped afterwards. Redis:
--redis-url (default database 8 of the local server) with a queue name of this run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PG_DATABASE = "rk_queue_bench"
TARGET_P95_MS = 300.0


class BenchError(RuntimeError):
    """The benchmark itself could not run."""


# --- the Django side: child processes with the servers' environment ------------------------


def django_setup(respondenten: int, out: Path) -> None:
    """Migrate, create Twente and the national scan (both published and computed), and a
    logged-in session of the demo facilitator; write what the load needs to `out`."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.urls import reverse

    from regiekompas.core.simulate import SimulationParams, simulate_region
    from regiekompas.web.accounts.models import Membership
    from regiekompas.web.demo import setup_demo
    from regiekompas.web.regions.loading import store_region_tables
    from regiekompas.web.regions.models import Region
    from regiekompas.web.responses.loading import store_dataset
    from regiekompas.web.responses.models import Snapshot
    from regiekompas.web.responses.snapshots import publish
    from regiekompas.web.results.models import ComputedResults
    from regiekompas.web.scans.models import Scan

    assert settings.JOBS_BACKEND == "eager"  # setup computes in this process
    call_command("migrate", interactive=False, verbosity=0)
    info = setup_demo(password=secrets.token_urlsafe(12))
    twente = info.scan
    started = time.perf_counter()
    sim = simulate_region(SimulationParams(gemeenten=342, respondenten=respondenten, seed=11))
    region = Region.objects.create(name="Nederland (simulatie)")
    store_region_tables(region, sim.dataset)
    national = Scan.objects.create(
        region=region,
        name="Landelijke scan",
        transities=list(sim.dataset.responses.transities),
        perspectieven=["ambitie", "praktijk"],
        k=5,
    )
    national.open()
    stored = store_dataset(national, sim.dataset)
    loaded = time.perf_counter() - started
    user = info.scan.region.memberships.select_related("user").first().user  # type: ignore[union-attr]
    Membership.objects.get_or_create(user=user, region=region)
    started = time.perf_counter()
    publish(national, Snapshot.Kind.INTERIM, user)
    published = time.perf_counter() - started
    computed = ComputedResults.objects.get(scan=national)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    g_twente = sorted(twente.region.gemeente_names())[0]
    g_national = sorted(region.gemeente_names())[0]
    pages = {
        "Twente overview": reverse("results:overview", args=[twente.pk]),
        "Twente gemeente": reverse("results:gemeente", args=[twente.pk, g_twente]),
        "Twente cell": reverse("results:cell", args=[twente.pk, g_twente, twente.transities[0]]),
        "region list": reverse("regions:list"),
        "national scan page": reverse("scans:detail", args=[national.pk]),
        "national gemeente": reverse("results:gemeente", args=[national.pk, g_national]),
    }
    out.write_text(
        json.dumps(
            {
                "session": session.session_key,
                "pages": pages,
                "national_region": region.pk,
                "national_trigger": reverse("results:overview", args=[national.pk]),
                "answers": stored,
                "respondents": national.respondents.count(),
                "load_seconds": loaded,
                "publish_seconds": published,
                "compute_seconds": computed.seconds,
            }
        )
    )


# --- processes ------------------------------------------------------------------------------


@contextmanager
def process(
    command: list[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("ab") as out:
        child = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield child
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()


def get(port: int, path: str, session: str, timeout: float = 60) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Cookie": f"sessionid={session}", "Host": "127.0.0.1"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_for(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"server exited with {server.returncode}; see {log}")
        try:
            get(port, "/account/inloggen/", "", timeout=5)
            return
        except OSError:
            time.sleep(0.3)
    raise BenchError(f"server did not answer within 120 s; see {log}")


# --- the load ------------------------------------------------------------------------------


class Load:
    """Client threads cycling through the pages; samples are kept per (round kind, page)."""

    def __init__(self, port: int, session: str, pages: dict[str, str], think: float) -> None:
        self.port, self.session, self.pages, self.think = port, session, pages, think
        self.kind = "warm-up"
        self.samples: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.stopping = threading.Event()
        self.lock = threading.Lock()

    def client(self, offset: int) -> None:
        names = list(self.pages)
        i = offset
        while not self.stopping.is_set():
            name = names[i % len(names)]
            i += 1
            kind = self.kind
            started = time.perf_counter()
            try:
                status, _body = get(self.port, self.pages[name], self.session)
            except OSError:
                status = 0
            ms = (time.perf_counter() - started) * 1000
            with self.lock:
                if status == 200:
                    self.samples[(kind, name)].append(ms)
                else:
                    self.errors[f"{kind} {name} {status}"] += 1
            self.stopping.wait(self.think)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondenten", type=int, default=20, help="per gemeente")
    parser.add_argument("--seconds", type=float, default=30.0, help="per round")
    parser.add_argument("--rounds", type=int, default=3, help="pairs of rounds")
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--think-ms", type=float, default=200.0)
    parser.add_argument("--port", type=int, default=8181)
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--quick", action="store_true", help="8 respondents, 2 × 2 × 10 s")
    parser.add_argument("--django-setup", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.django_setup:
        django_setup(int(args.django_setup[0]), Path(args.django_setup[1]))
        return 0
    if args.quick:
        args.respondenten, args.seconds, args.rounds = 8, 10.0, 2
    try:
        return run(args)
    except BenchError as error:
        print(f"benchmark could not run: {error}", file=sys.stderr)
        return 1


def run(args: argparse.Namespace) -> int:
    import psycopg

    folder = Path(tempfile.mkdtemp(prefix="rk-bench-bg-"))
    admin = args.pg_url.rstrip("/") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {PG_DATABASE}")
    database_url = f"{args.pg_url.rstrip('/')}/{PG_DATABASE}"
    bin_dir = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if k not in ("REGIEKOMPAS_DEV", "DEBUG")}
    env.update(
        {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "REGIEKOMPAS_DATA_DIR": str(folder),
            "DATABASE_URL": database_url,
            "REDIS_URL": args.redis_url,
            "REGIEKOMPAS_JOBS": "celery",
            "CELERY_BROKER_URL": args.redis_url,
            "CELERY_QUEUE": f"rk-bench-{secrets.token_hex(4)}",
            "REGIEKOMPAS_BOOTSTRAP": "1000",
            "DJANGO_SETTINGS_MODULE": "regiekompas.web.settings",
            "LOG_LEVEL": "WARNING",
        }
    )
    try:
        print(f"setting up 342 gemeenten × {args.respondenten} respondents …", flush=True)
        state_path = folder / "state.json"
        done = subprocess.run(
            [sys.executable, __file__, "--django-setup", str(args.respondenten), str(state_path)],
            env={**env, "REGIEKOMPAS_JOBS": "eager"},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise BenchError(f"setup failed:\n{done.stderr[-3000:]}")
        state = json.loads(state_path.read_text())
        serve = [str(bin_dir / "regiekompas"), "serve", "--workers", "2", "--port", str(args.port)]
        worker = [str(bin_dir / "regiekompas"), "worker", "--concurrency", "1"]
        worker += ["--loglevel", "WARNING"]
        with (
            process(serve, env, folder / "serve.log") as server,
            process(worker, env, folder / "worker.log"),
            psycopg.connect(database_url, autocommit=True) as db,
        ):
            wait_for(args.port, server, folder / "serve.log")
            return measure(args, state, db)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)


def measure(args: argparse.Namespace, state: dict[str, Any], db: Any) -> int:
    load = Load(args.port, state["session"], state["pages"], args.think_ms / 1000)
    for path in state["pages"].values():  # warm every worker's caches a little
        for _ in range(2):
            get(args.port, path, state["session"])
    threads = [threading.Thread(target=load.client, args=(i,)) for i in range(args.clients)]
    for thread in threads:
        thread.start()
    busy = 0.0
    background_time = 0.0
    computations: list[float] = []
    began = db.execute("SELECT now()").fetchone()[0]
    try:
        for _ in range(args.rounds):
            for kind in ("floor", "background"):
                load.kind = kind
                end = time.monotonic() + args.seconds
                while time.monotonic() < end:
                    if kind == "background":
                        busy += recompute(args, state, db, end, computations)
                    else:
                        time.sleep(0.2)
                if kind == "background":
                    background_time += args.seconds
                # Let a computation still running end before the next floor round.
                wait_idle(db, 120)
    finally:
        load.stopping.set()
        for thread in threads:
            thread.join()
    print_table(load, args)
    print()
    share = busy / background_time if background_time else 0.0
    print(
        f"national scan: 342 gemeenten, {state['respondents']} respondents, "
        f"{state['answers']} answers; storing them took {state['load_seconds']:.0f} s, "
        f"publishing (snapshot + first computation, in-process) {state['publish_seconds']:.1f} s"
    )
    durations = [
        float(seconds)
        for (seconds,) in db.execute(
            "SELECT EXTRACT(EPOCH FROM finished_at - started_at) FROM jobs_job "
            "WHERE kind = 'results.compute' AND status = 'done' AND created_at >= %s",
            (began,),
        ).fetchall()
    ]
    mean = statistics.mean(durations) if durations else float("nan")
    print(
        f"background rounds: {len(durations)} computations by the worker, {mean:.1f} s each "
        f"(mean wall time, job started → done); a computation ran {share:.0%} of the time"
    )
    print(
        f"{args.clients} clients, {args.think_ms:.0f} ms pause between pages, "
        f"{args.rounds} × (floor, background) rounds of {args.seconds:.0f} s; 2 gunicorn "
        "workers and 1 Celery worker on this machine's 2 cores (shared with other work)"
    )
    if load.errors:
        print("errors:", dict(load.errors))
    return 0


def recompute(
    args: argparse.Namespace, state: dict[str, Any], db: Any, end: float, computations: list[float]
) -> float:
    """Start one recomputation of the national scan and wait for it (or the round's end);
    returns the seconds it was running within the round."""
    db.execute(
        "UPDATE regions_region SET data_version = data_version + 1 WHERE id = %s",
        (state["national_region"],),
    )
    since = db.execute("SELECT now()").fetchone()[0]
    get(args.port, state["national_trigger"], state["session"])  # the app submits the job
    running_since: float | None = None
    while time.monotonic() < end:
        row = db.execute(
            "SELECT status, EXTRACT(EPOCH FROM finished_at - started_at) FROM jobs_job "
            "WHERE kind = 'results.compute' AND created_at >= %s ORDER BY created_at DESC "
            "LIMIT 1",
            (since,),
        ).fetchone()
        if row is not None and row[0] == "running" and running_since is None:
            running_since = time.monotonic()
        if row is not None and row[0] in ("done", "failed"):
            if row[0] == "done" and row[1] is not None:
                computations.append(float(row[1]))
            if running_since is None:
                return float(row[1] or 0.0)
            return time.monotonic() - running_since
        time.sleep(0.1)
    return time.monotonic() - running_since if running_since is not None else 0.0


def wait_idle(db: Any, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = db.execute(
            "SELECT count(*) FROM jobs_job WHERE status IN ('queued', 'running')"
        ).fetchone()
        if row[0] == 0:
            return
        time.sleep(0.2)


def print_table(load: Load, args: argparse.Namespace) -> None:
    print()
    print(
        "| page                 | n floor | p50 floor (ms) | p95 floor (ms) "
        "| n bg | p50 bg (ms) | p95 bg (ms) | p95 bg / floor | ≤ 300 ms |"
    )
    print(
        "|"
        + "|".join(
            ["-" * 22, "-" * 9, "-" * 16, "-" * 16, "-" * 6] + ["-" * 13] * 2 + ["-" * 16, "-" * 10]
        )
        + "|"
    )
    every_floor: list[float] = []
    every_bg: list[float] = []
    for name in load.pages:
        floor = load.samples[("floor", name)]
        bg = load.samples[("background", name)]
        every_floor += floor
        every_bg += bg
        row(name, floor, bg)
    row("all pages", every_floor, every_bg)


def row(name: str, floor: list[float], bg: list[float]) -> None:
    ratio = pct(bg, 0.95) / pct(floor, 0.95) if floor and bg else float("nan")
    ok = "yes" if pct(bg, 0.95) <= TARGET_P95_MS else "NO"
    print(
        f"| {name:<20} | {len(floor):>7} | {pct(floor, 0.5):>14.0f} | {pct(floor, 0.95):>14.0f} "
        f"| {len(bg):>4} | {pct(bg, 0.5):>11.0f} | {pct(bg, 0.95):>11.0f} | {ratio:>13.2f}× "
        f"| {ok:>8} |"
    )


if __name__ == "__main__":
    sys.exit(main())
