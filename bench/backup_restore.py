"""Backup and restore end to end: the restored database gives an identical analysis.

Fills a fresh PostgreSQL database with a simulated scan (region tables included), writes
its analysis document, and restores it twice (docs/security.md, "Backups and restore"):

1. `pg_dump --format=custom` → drop the database → `pg_restore` into a new one;
2. `regiekompas manage dumpdata` (from PostgreSQL) → `loaddata` into a fresh SQLite database.

Each restored database is analysed again; the documents must be byte-identical JSON.

    python bench/backup_restore.py [--gemeenten 12] [--respondenten 30]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG_URL = "postgres://postgres@127.0.0.1:5432"
DATABASE = "regiekompas_backup_bench"
EXCLUDE = ["contenttypes", "auth.permission", "admin.logentry", "sessions", "axes"]


def step_fill(out: Path, gemeenten: int, respondenten: int) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from regiekompas.core.simulate import SimulationParams, simulate_region
    from regiekompas.web.regions.loading import store_region_tables
    from regiekompas.web.regions.models import Region, RegionGemeente
    from regiekompas.web.responses.loading import store_dataset
    from regiekompas.web.scans.models import Scan

    sim = simulate_region(SimulationParams(gemeenten=gemeenten, respondenten=respondenten, seed=3))
    region = Region.objects.create(name="Backup")
    RegionGemeente.objects.bulk_create(
        RegionGemeente(region=region, code=g.code, naam=g.naam) for g in sim.dataset.gemeenten or ()
    )
    scan = Scan.objects.create(
        region=region, name="Backup", transities=list(sim.dataset.responses.transities), k=3
    )
    store_dataset(scan, sim.dataset)
    store_region_tables(region, sim.dataset)
    step_analyse(out)


def step_analyse(out: Path) -> None:
    import django

    django.setup()
    from regiekompas.core.analysis import Settings, analyse
    from regiekompas.web.responses.dataset import scan_dataset
    from regiekompas.web.responses.models import Answer
    from regiekompas.web.scans.models import Scan

    scan = Scan.objects.get()
    settings = Settings(k=scan.k, bootstrap=200, seed=0)
    document = analyse(scan_dataset(scan), settings=settings, instrument=scan.instrument())
    out.write_text(
        json.dumps({"answers": Answer.objects.count(), "document": document}, sort_keys=True)
    )


def run_step(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, __file__, "--step", *args], env=env, check=True)


def manage(env: dict[str, str], *args: str) -> None:
    regiekompas = str(Path(sys.executable).with_name("regiekompas"))
    subprocess.run([regiekompas, "manage", *args], env=env, check=True, capture_output=True)


def psql(sql: str) -> None:
    subprocess.run(["psql", f"{PG_URL}/postgres", "-qc", sql], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gemeenten", type=int, default=12)
    parser.add_argument("--respondenten", type=int, default=30)
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        if args.step[0] == "fill":
            step_fill(Path(args.step[1]), int(args.step[2]), int(args.step[3]))
        else:
            step_analyse(Path(args.step[1]))
        return 0

    folder = Path(tempfile.mkdtemp(prefix="rk-backup-"))
    url = f"{PG_URL}/{DATABASE}"
    base = {k: v for k, v in os.environ.items() if k not in ("REGIEKOMPAS_DEV", "DATABASE_URL")}
    base.update(
        DJANGO_SETTINGS_MODULE="regiekompas.web.settings",
        SECRET_KEY="backup-bench-" + "x" * 40,
        REGIEKOMPAS_DATA_DIR=str(folder / "sqlite"),
        STATIC_ROOT=str(folder / "static"),
    )
    pg_env = {**base, "DATABASE_URL": url}
    rows: list[tuple[str, str, str, str]] = []
    try:
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        psql(f"CREATE DATABASE {DATABASE}")
        original = folder / "original.json"
        run_step(pg_env, "fill", str(original), str(args.gemeenten), str(args.respondenten))
        before = original.read_text()
        answers = json.loads(before)["answers"]

        started = time.perf_counter()
        dump = folder / "regiekompas.dump"
        subprocess.run(["pg_dump", "--format=custom", "--file", str(dump), url], check=True)
        psql(f"DROP DATABASE {DATABASE} WITH (FORCE)")
        psql(f"CREATE DATABASE {DATABASE}")
        subprocess.run(["pg_restore", "--no-owner", "--dbname", url, str(dump)], check=True)
        restored = folder / "restored-pg.json"
        run_step(pg_env, "analyse", str(restored))
        rows.append(
            (
                "pg_dump → pg_restore",
                f"{dump.stat().st_size / 1024:.0f} kB",
                f"{time.perf_counter() - started:.1f}",
                "identical" if restored.read_text() == before else "DIFFERENT",
            )
        )

        started = time.perf_counter()
        backup = folder / "backup.json"
        manage(
            pg_env, "dumpdata", "--natural-foreign", "--natural-primary",
            *[f"--exclude={e}" for e in EXCLUDE], "--output", str(backup),
        )  # fmt: skip
        (folder / "sqlite").mkdir()
        manage(base, "migrate")
        manage(base, "loaddata", str(backup))
        restored_sqlite = folder / "restored-sqlite.json"
        run_step(base, "analyse", str(restored_sqlite))
        rows.append(
            (
                "dumpdata (PostgreSQL) → loaddata (SQLite)",
                f"{backup.stat().st_size / 1024:.0f} kB",
                f"{time.perf_counter() - started:.1f}",
                "identical" if restored_sqlite.read_text() == before else "DIFFERENT",
            )
        )
    finally:
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\nscan: {args.gemeenten} gemeenten, {answers} answers\n")
    print("| route | backup size | seconds | analysis document after restore |")
    print("|---|---:|---:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0 if all(r[3] == "identical" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
