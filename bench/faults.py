"""Faults under load: a killed worker, a restarted PostgreSQL, a full disk — nothing lost.

Respondents save answers against `regiekompas serve` (the machinery of `bench/web_load.py`)
while a fault is injected; afterwards the database is compared with what the server
acknowledged. Printed per scenario: requests answered, failed requests (never acknowledged,
so the respondent sees the failure and saves again), acknowledged answers lost or stored
with a different value, duplicated rows, and the seconds until the app served again.

    python bench/faults.py                         # all scenarios
    python bench/faults.py --only kill9 --db sqlite
    python bench/faults.py --only pg-restart

Scenarios:
- kill9 (SQLite and PostgreSQL): SIGKILL of one gunicorn worker mid-load; gunicorn starts a
  new one. Recovery = from the kill until the replacement worker has answered.
- pg-restart: a fast restart of PostgreSQL mid-load. To leave the shared server of the
  development machine alone, a private cluster (initdb, port 5499) is started and restarted;
  `--system-cluster` restarts the machine's own cluster instead, as an operator would:
  `pg_ctlcluster --skip-systemctl-redirect <version> main restart`. Recovery = from the
  restart until the last failed request.
- disk-full (SQLite): the database lives on a 24 MB tmpfs that is then filled up (needs
  root; otherwise `PRAGMA max_page_count` caps the file). Saves must fail with a clear 503
  page, and every acknowledged answer must be there and the database intact.

The exit status is non-zero when an answer was lost or duplicated, or a fault left the app
not serving.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_load as wl

# Its own database name, so a `bench/web_load.py` run on the same server is not disturbed.
wl.PG_DATABASE = "regiekompas_faults"
PG_BIN = Path("/usr/lib/postgresql")
PRIVATE_PG_PORT = 5499


@dataclass
class Outcome:
    scenario: str
    database: str
    requests: int
    failed: int
    lost: int
    wrong_value: int
    duplicated: int
    recover_s: float
    note: str = ""


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


@contextmanager
def serving(env: dict[str, str], folder: Path, workers: int) -> Iterator[tuple[int, int]]:
    """`regiekompas serve` on a free port; yields (port, gunicorn master pid)."""
    port = wl.free_port()
    command = [
        str(Path(sys.executable).with_name("regiekompas")), "serve", "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(workers), "--no-migrate",
    ]  # fmt: skip
    log = folder / "serve.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise wl.BenchError(f"server exited with {process.returncode}; see {log}")
            try:
                uvloop.run(asyncio.wait_for(wl.http(port, "GET", "/", {}), 5))
                break
            except (OSError, TimeoutError, ConnectionError):
                if time.monotonic() > deadline:
                    raise wl.BenchError("server did not answer within 90 s") from None
                time.sleep(0.3)
        yield port, process.pid
    finally:
        wl.stop(process)


#: key -> values sent after the last acknowledged one whose requests failed (any may be stored).
ATTEMPTS: dict[tuple[object, ...], list[int | None]] = {}


async def _user_loop(
    port: int,
    user: wl.User,
    items: list[str],
    rng: random.Random,
    stop_at: float,
    think: float,
    result: wl.LoadResult,
) -> None:
    """`web_load.user_loop`, also remembering the values of failed saves per key."""
    while time.perf_counter() < stop_at:
        key, value, body = wl._answer_form(user, items, rng)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": wl.cookie_header(user.cookies),
            "X-CSRFToken": user.cookies["csrftoken"],
            "HX-Request": "true",
        }
        begun = time.perf_counter()
        error: str | None = None
        try:
            reply = await asyncio.wait_for(
                wl.http(port, "POST", user.post_path, headers, body), wl.REQUEST_TIMEOUT
            )
            if reply.status != 200:
                error = f"HTTP {reply.status}"
        except (OSError, TimeoutError, ConnectionError) as exc:
            error = type(exc).__name__
        ended = time.perf_counter()
        result.samples.append(wl.Sample(ended, ended - begun, error))
        if error is None:
            result.acked[key] = value
            ATTEMPTS.pop(key, None)
        else:
            ATTEMPTS.setdefault(key, []).append(value)
        await asyncio.sleep(rng.expovariate(1 / think))


async def _load_with_fault(
    port: int,
    users: list[wl.User],
    items: list[str],
    seconds: float,
    fault_at: float,
    fault: Callable[[], None],
    result: wl.LoadResult,
) -> float:
    """Run the load for `seconds`; call `fault` (in a thread) at `fault_at`; its start time."""
    rngs = [random.Random(n) for n in range(len(users))]
    started = time.perf_counter()
    stop_at = started + seconds
    loop = asyncio.get_running_loop()

    async def inject() -> float:
        await asyncio.sleep(fault_at)
        at = time.perf_counter()
        await loop.run_in_executor(None, fault)
        return at

    tasks = [
        _user_loop(port, u, items, rng, stop_at, 0.02, result)
        for u, rng in zip(users, rngs, strict=True)
    ]
    at, *_ = await asyncio.gather(inject(), *tasks)
    return float(at)


def _verify(env: dict[str, str], result: wl.LoadResult) -> dict[str, int]:
    """Compare the stored answers with what was acknowledged, straight from the database.

    lost: acknowledged but not stored. wrong_value: stored value is neither the last
    acknowledged one nor one of the failed saves after it (a failed save may have been
    written: the respondent was told to save again, and did not lose anything).
    """
    query = (
        "SELECT respondent_id, gemeente_code, transitie, perspectief, item, value "
        "FROM responses_answer"
    )
    url = env.get("DATABASE_URL")
    if url:
        import psycopg

        with psycopg.connect(url) as conn:
            rows = conn.execute(query).fetchall()
    else:
        import sqlite3

        path = Path(env["REGIEKOMPAS_DATA_DIR"]) / "regiekompas.sqlite3"
        with sqlite3.connect(path) as conn:
            rows = conn.execute(query).fetchall()
    stored = {tuple(r[:5]): r[5] for r in rows}
    lost = [k for k in result.acked if k not in stored]
    written_anyway = 0
    wrong = 0
    for key, value in result.acked.items():
        if key not in stored or stored[key] == value:
            continue
        if stored[key] in ATTEMPTS.get(key, []):
            written_anyway += 1
        else:
            wrong += 1
    return {
        "missing": len(lost),
        "wrong_value": wrong,
        "written_anyway": written_anyway,
        "answer_rows": len(rows),
        "answer_keys": len(stored),
    }


def _prepare(
    env: dict[str, str], folder: Path, users: int
) -> tuple[dict[str, object], list[wl.User]]:
    prepared = folder / "prepared.json"
    wl.django_step(env, None, "prepare", str(users), str(prepared))
    plan = json.loads(prepared.read_text())
    people = [
        wl.User(
            [f"/r/{p['token']}/", f"/r/{p['token']}/stap/1/"],
            f"/r/{p['token']}/antwoord/",
            p["id"],
            p["gemeenten"],
        )
        for p in plan["respondents"]
    ]
    return plan, people


def _outcome(
    scenario: str,
    label: str,
    result: wl.LoadResult,
    found: dict[str, int],
    recover: float,
    note: str = "",
) -> Outcome:
    failed = sum(1 for s in result.samples if s.error)
    return Outcome(
        scenario=scenario,
        database=label,
        requests=len(result.samples),
        failed=failed,
        lost=found["missing"],
        wrong_value=found["wrong_value"],
        duplicated=found["answer_rows"] - found["answer_keys"],
        recover_s=recover,
        note=note
        + (
            f"; {found['written_anyway']} failed saves had been stored after all"
            if found["written_anyway"]
            else ""
        ),
    )


def _first_ok_after(result: wl.LoadResult, t: float) -> float:
    oks = [s.ended for s in result.samples if s.error is None and s.ended > t]
    return min(oks) - t if oks else float("inf")


def _last_error_after(result: wl.LoadResult, t: float) -> float:
    errors = [s.ended for s in result.samples if s.error and s.ended >= t]
    return max(errors) - t if errors else 0.0


# --- scenarios ------------------------------------------------------------------------------


def kill9(kind: str, env: dict[str, str], folder: Path, args: argparse.Namespace) -> Outcome:
    ATTEMPTS.clear()
    label = "SQLite" if kind == "sqlite" else "PostgreSQL"
    plan, users = _prepare(env, folder, args.users)
    result = wl.LoadResult()
    replaced: dict[str, float] = {}
    with serving(env, folder, 2) as (port, master):
        uvloop.run(wl.open_all(port, users, result.page_problems))
        before = _children(master)

        def fault() -> None:
            victim = before[0]
            os.kill(victim, signal.SIGKILL)
            killed = time.perf_counter()
            while time.perf_counter() - killed < 30:
                now = _children(master)
                if len(now) == len(before) and victim not in now:
                    replaced["at"] = time.perf_counter()
                    return
                time.sleep(0.02)

        at = uvloop.run(
            _load_with_fault(
                port, users, plan["items"], args.seconds, args.seconds / 3, fault, result
            )  # type: ignore[arg-type]
        )
    found = _verify(env, result)
    # Serving again: the replacement worker is up and a request after that succeeded.
    back = replaced.get("at", float("inf"))
    recover = back - at + _first_ok_after(result, back)
    kinds = Counter(s.error for s in result.samples if s.error)
    note = "failed on the killed worker (never acknowledged): " + (
        ", ".join(f"{n} × {kind}" for kind, n in kinds.most_common()) or "none"
    )
    return _outcome("kill -9 of a worker", label, result, found, recover, note)


@contextmanager
def private_postgres(folder: Path) -> Iterator[tuple[str, Callable[[], None]]]:
    """A throw-away PostgreSQL cluster; yields its URL and a function that restarts it."""
    versions = sorted(p.name for p in PG_BIN.iterdir() if (p / "bin" / "initdb").exists())
    if not versions:
        raise wl.BenchError("no PostgreSQL server binaries under /usr/lib/postgresql")
    bin_dir = PG_BIN / versions[-1] / "bin"
    data = folder / "pgdata"
    data.mkdir()
    shutil.chown(folder, "postgres")
    shutil.chown(data, "postgres")
    as_pg = ["runuser", "-u", "postgres", "--"]
    initdb = [*as_pg, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
    subprocess.run(initdb, check=True, capture_output=True)
    options = f"-p {PRIVATE_PG_PORT} -k {data} -c listen_addresses=127.0.0.1"
    pg_ctl = [*as_pg, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(data / "log")]
    pg_ctl += ["-o", options, "-w"]
    subprocess.run([*pg_ctl, "start"], check=True, capture_output=True)
    try:
        yield (
            f"postgres://postgres@127.0.0.1:{PRIVATE_PG_PORT}",
            lambda: subprocess.run(
                [*pg_ctl, "-m", "fast", "restart"], check=True, capture_output=True
            ),
        )
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], check=False, capture_output=True)


def _system_restart() -> None:
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True)
    version = clusters.stdout.split()[0]
    restart = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"]
    subprocess.run(restart, check=True)


def pg_restart(env: dict[str, str], folder: Path, args: argparse.Namespace) -> Outcome:
    ATTEMPTS.clear()
    with (
        (
            nullcontext_pg(args.pg_url, _system_restart)
            if args.system_cluster
            else private_postgres(folder)
        ) as (url, restart),
        wl.database("postgres", url) as db_env,
    ):
        env = {**env, **db_env}
        plan, users = _prepare(env, folder, args.users)
        result = wl.LoadResult()
        with serving(env, folder, 2) as (port, _master):
            uvloop.run(wl.open_all(port, users, result.page_problems))
            at = uvloop.run(
                _load_with_fault(
                    port, users, plan["items"], args.seconds, args.seconds / 3, restart, result
                )  # type: ignore[arg-type]
            )
        found = _verify(env, result)
    recover = _last_error_after(result, at)
    kinds = Counter(s.error for s in result.samples if s.error)
    note = "failed while the server restarted (never acknowledged): " + ", ".join(
        f"{n} × {kind}" for kind, n in kinds.most_common()
    )
    return _outcome("PostgreSQL restart", "PostgreSQL", result, found, recover, note)


@contextmanager
def nullcontext_pg(
    url: str, restart: Callable[[], None]
) -> Iterator[tuple[str, Callable[[], None]]]:
    yield url, restart


@contextmanager
def small_disk(folder: Path, megabytes: int) -> Iterator[Path]:
    """A tmpfs of `megabytes` MB mounted in `folder` (root only)."""
    mount = folder / "disk"
    mount.mkdir()
    command = ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(mount)]
    subprocess.run(command, check=True, capture_output=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True)


def disk_full(env: dict[str, str], folder: Path, args: argparse.Namespace) -> Outcome:
    ATTEMPTS.clear()
    with small_disk(folder, 24) as disk:
        env = {**env, "REGIEKOMPAS_DATA_DIR": str(disk), "STATIC_ROOT": str(folder / "static")}
        plan, users = _prepare(env, folder, args.users)
        result = wl.LoadResult()
        statuses: list[int] = []
        with serving(env, folder, 2) as (port, _master):
            uvloop.run(wl.open_all(port, users, result.page_problems))

            def fill() -> None:
                # Leave a few hundred kB: the WAL fills it within seconds of saving.
                free = shutil.disk_usage(disk).free
                with (disk / "vulling").open("wb") as out:
                    out.write(b"\0" * max(free - 300_000, 0))

            at = uvloop.run(
                _load_with_fault(port, users, plan["items"], args.seconds, 1.0, fill, result)  # type: ignore[arg-type]
            )
            # What a respondent sees when saving now: the clear page, not a stack trace.
            reply = uvloop.run(wl.http(port, "GET", users[0].pages[1], {}))
            statuses.append(reply.status)
            (disk / "vulling").unlink()
            freed = time.perf_counter()
            # Space is back: saving works again without a restart.
            again = wl.LoadResult()
            uvloop.run(
                _load_with_fault(port, users[:5], plan["items"], 3.0, 0.0, lambda: None, again)
            )
        result.acked.update(again.acked)  # later saves of the same key win
        found = _verify(env, result)
        check = subprocess.run(
            ["sqlite3", str(disk / "regiekompas.sqlite3"), "PRAGMA integrity_check;"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    failures = [s.error for s in result.samples if s.error]
    kinds = sorted(set(failures))
    works_again = sum(1 for s in again.samples if s.error is None)
    note = (
        f"after filling: {len(failures)} saves refused ({', '.join(kinds) or 'none'}); "
        f"integrity_check: {check.stdout.strip() or check.stderr.strip()}; "
        f"{works_again} saves ok once space was freed"
    )
    recover = _first_ok_after(again, freed) if works_again else float("inf")
    del at, statuses
    # "serving again" here: from freeing the space until the first save succeeded.
    return _outcome("disk full (tmpfs)", "SQLite", result, found, recover, note)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["kill9", "pg-restart", "disk-full"])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--system-cluster", action="store_true")
    parser.add_argument("--django-step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    outcomes: list[Outcome] = []
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    todo = [args.only] if args.only else ["kill9", "pg-restart", "disk-full"]
    for scenario in todo:
        runs: list[tuple[str, Callable[[dict[str, str], Path], Outcome]]] = []
        if scenario == "kill9":
            for kind in kinds:
                runs.append((kind, lambda env, f, k=kind: _with_db(k, env, f, args)))
        elif scenario == "pg-restart":
            runs.append(("postgres", lambda env, f: pg_restart(env, f, args)))
        else:
            runs.append(("sqlite", lambda env, f: disk_full(env, f, args)))
        for _kind, run in runs:
            folder = Path(tempfile.mkdtemp(prefix=f"rk-fault-{scenario}-"))
            try:
                wl.say(f"{scenario}: running ({_kind})")
                outcomes.append(run(wl.base_env(folder), folder))
            except BaseException:
                for log in sorted(folder.glob("*.log")):
                    tail = log.read_text(errors="replace").splitlines()[-30:]
                    print(f"--- {log.name} ---", *tail, sep="\n", file=sys.stderr)
                raise
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    print()
    print(
        "| scenario | database | requests | failed (not acknowledged) | acknowledged lost "
        "| wrong value | duplicated | serving again after (s) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for o in outcomes:
        print(
            f"| {o.scenario} | {o.database} | {o.requests} | {o.failed} | {o.lost} "
            f"| {o.wrong_value} | {o.duplicated} | {o.recover_s:.2f} |"
        )
    print()
    for o in outcomes:
        if o.note:
            print(f"- {o.scenario} ({o.database}): {o.note}")
    bad = [o for o in outcomes if o.lost or o.wrong_value or o.duplicated or o.recover_s > 30]
    return 1 if bad else 0


def _with_db(kind: str, env: dict[str, str], folder: Path, args: argparse.Namespace) -> Outcome:
    with wl.database(kind, args.pg_url) as db_env:
        return kill9(kind, {**env, **db_env}, folder, args)


if __name__ == "__main__":
    if "--django-step" in sys.argv:
        wl.main()
    else:
        sys.exit(main())
