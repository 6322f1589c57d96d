"""Smoke test of the production stack of docs/deployment.md, on loopback.

Starts what the document describes — gunicorn app processes (`regiekompas serve`) on the local
PostgreSQL, a Celery worker (`regiekompas worker`) on the local Redis, and nginx in front with
TLS, using the nginx file *as printed in docs/deployment.md* (only addresses, ports and
certificate paths are replaced) — then acts as a facilitator through the proxy:

1. the login page over HTTPS, with the app's security headers; plain HTTP is redirected;
2. logging in (CSRF, secure cookies: works only if X-Forwarded-Proto reaches the app);
3. publishing interim results on the scan page → the results page says "being computed"
   or shows results; the job `results.compute` must be done by the Celery worker;
4. the results workbook (XLSX) and a region PDF report (a background job in the worker);
5. `manage check --deploy` with the production environment.

Then everything it started is stopped and the database dropped. nginx is installed from
Debian when missing (as root); openssl makes a self-signed certificate.

    python bench/stack_smoke.py [--port 8182] [--redis-url redis://127.0.0.1:6379/8]
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import json
import os
import re
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "rk_queue_smoke"
PASSWORD = "smoke-" + secrets.token_urlsafe(12)


class SmokeError(RuntimeError):
    pass


# --- the seed step (a child process with the app's environment) ---------------------------


def django_seed(out: Path) -> None:
    """A region with simulated answers (as an import gives), an open scan, a facilitator."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.urls import reverse

    from regiekompas.core.simulate import SimulationParams, simulate_region
    from regiekompas.web.accounts.models import Membership
    from regiekompas.web.regions.loading import store_region_tables
    from regiekompas.web.regions.models import Region
    from regiekompas.web.responses.loading import store_dataset
    from regiekompas.web.scans.models import Scan

    sim = simulate_region(SimulationParams(gemeenten=5, respondenten=12, seed=5))
    region = Region.objects.create(name="Rookproef")
    store_region_tables(region, sim.dataset)
    scan = Scan.objects.create(
        region=region,
        name="Rookproef 2026",
        transities=list(sim.dataset.responses.transities),
        perspectieven=["ambitie", "praktijk"],
        k=5,
    )
    scan.open()
    store_dataset(scan, sim.dataset)
    user = User.objects.create_user("rook", "rook@example.nl", os.environ["SMOKE_PASSWORD"])
    Membership.objects.create(user=user, region=region)
    out.write_text(
        json.dumps(
            {
                "scan": scan.pk,
                "login": reverse("accounts:login"),
                "scan_page": reverse("scans:detail", args=[scan.pk]),
                "publish": reverse("scans:publish", args=[scan.pk]),
                "results": reverse("results:overview", args=[scan.pk]),
                "xlsx": reverse("reports:results_xlsx", args=[scan.pk]),
                "pdf": reverse("reports:region_pdf", args=[scan.pk]),
            }
        )
    )


# --- an HTTPS client through the proxy ----------------------------------------------------


class Browser:
    def __init__(self, port: int, host: str) -> None:
        self.port, self.host = port, host
        self.cookies: dict[str, str] = {}
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE  # our own self-signed certificate

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=60)
        headers = {"Host": self.host}
        origin = f"https://{self.host}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            form = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **form}
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = origin + path
            headers["Origin"] = origin
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            found = {k.lower(): v for k, v in response.getheaders()}
            for value in response.headers.get_all("Set-Cookie") or []:
                cookie = http.cookies.SimpleCookie(value)
                for name, morsel in cookie.items():
                    self.cookies[name] = morsel.value
            return response.status, found, data
        finally:
            conn.close()

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path)

    def post(self, path: str, form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        return self.request("POST", path, form)


# --- processes ------------------------------------------------------------------------------


@contextmanager
def started(name: str, command: list[str], env: dict[str, str], log: Path) -> Iterator[None]:
    with log.open("ab") as out:
        child = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    say(f"started {name} (pid {child.pid})")
    try:
        yield
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
        say(f"stopped {name}")


def say(text: str) -> None:
    print(text, flush=True)


def check(ok: bool, text: str) -> None:
    say(f"  {'ok  ' if ok else 'FAIL'} {text}")
    if not ok:
        raise SmokeError(text)


def ensure_nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if found:
        return found
    say("nginx is missing: installing Debian's nginx")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "nginx-light"], check=False, env=env)
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=True, env=env)
    # The package may start the system's nginx on port 80; this test runs its own.
    subprocess.run(["nginx", "-s", "stop"], check=False, capture_output=True)
    return found


def nginx_config(folder: Path, app_port: int, https_port: int, http_port: int) -> Path:
    """The nginx file of docs/deployment.md inside a minimal main configuration."""
    doc = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    found = re.search(r"```nginx\n(.*?)```", doc, re.S)
    if found is None:
        raise SmokeError("docs/deployment.md has no nginx block")
    site = found.group(1)
    replacements = {
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        "listen 443 ssl": f"listen 127.0.0.1:{https_port} ssl",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "server_name regiekompas.example.nl;": "server_name localhost;",
        "/etc/ssl/regiekompas/fullchain.pem": str(folder / "cert.pem"),
        "/etc/ssl/regiekompas/privkey.pem": str(folder / "key.pem"),
    }
    for old, new in replacements.items():
        if old not in site:
            raise SmokeError(f"the nginx block of docs/deployment.md lacks {old!r}")
        site = site.replace(old, new)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-keyout", str(folder / "key.pem"),
         "-out", str(folder / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    temp = folder / "nginx-temp"
    temp.mkdir()
    conf = folder / "nginx.conf"
    conf.write_text(
        f"""daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log {folder}/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{site}
}}
"""
    )
    return conf


def wait_until(test: Any, seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = test()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.5)
    raise SmokeError(f"{what}: not within {seconds:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8182, help="app; nginx gets +1 (https), +2")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--django-seed", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.django_seed:
        django_seed(Path(args.django_seed))
        return 0
    try:
        run(args)
    except (SmokeError, subprocess.CalledProcessError) as error:
        say(f"SMOKE TEST FAILED: {error}")
        return 1
    say("SMOKE TEST PASSED")
    return 0


def run(args: argparse.Namespace) -> None:
    import psycopg

    started_at = time.monotonic()
    nginx = ensure_nginx()
    folder = Path(tempfile.mkdtemp(prefix="rk-smoke-"))
    app, https, plain = args.port, args.port + 1, args.port + 2
    admin = args.pg_url.rstrip("/") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DATABASE}")
    database_url = f"{args.pg_url.rstrip('/')}/{DATABASE}"
    queue = f"rk-smoke-{secrets.token_hex(4)}"
    origin = f"https://localhost:{https}"
    env = {k: v for k, v in os.environ.items() if k not in ("REGIEKOMPAS_DEV", "DEBUG")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    # The production environment of docs/deployment.md (addresses on loopback).
    env.update(
        {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost",
            "CSRF_TRUSTED_ORIGINS": origin,
            "REGIEKOMPAS_BASE_URL": origin,
            "REGIEKOMPAS_BEHIND_PROXY": "true",
            "REGIEKOMPAS_TRUSTED_PROXIES": "1",
            "FORWARDED_ALLOW_IPS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": args.redis_url,
            "REGIEKOMPAS_JOBS": "celery",
            "CELERY_BROKER_URL": args.redis_url,
            "CELERY_QUEUE": queue,
            "REGIEKOMPAS_DATA_DIR": str(folder),
            "STATIC_ROOT": str(folder / "static"),
            "REGIEKOMPAS_BOOTSTRAP": "200",
            "LOG_LEVEL": "WARNING",
            "SMOKE_PASSWORD": PASSWORD,
        }
    )
    bin_dir = Path(sys.executable).parent
    regiekompas = str(bin_dir / "regiekompas")
    try:
        say("migrate and seed (a region with simulated answers, an open scan, a facilitator)")
        subprocess.run([regiekompas, "manage", "migrate", "-v", "0"], env=env, check=True)
        deploy = subprocess.run(
            [regiekompas, "manage", "check", "--deploy"], env=env, capture_output=True, text=True
        )
        issues = re.findall(r"\((security\.\w+)\)", deploy.stdout + deploy.stderr)
        check(
            deploy.returncode == 0 and not issues,
            f"manage check --deploy: no security issues {issues}",
        )
        seed = folder / "seed.json"
        done = subprocess.run(
            [sys.executable, __file__, "--django-seed", str(seed)],
            env={**env, "DJANGO_SETTINGS_MODULE": "regiekompas.web.settings"},
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SmokeError(f"seed failed: {done.stderr[-2000:]}")
        urls = json.loads(seed.read_text())
        conf = nginx_config(folder, app, https, plain)
        with ExitStack() as stack:
            serve = [regiekompas, "serve", "--workers", "2", "--port", str(app), "--no-migrate"]
            stack.enter_context(started("gunicorn (2 workers)", serve, env, folder / "app.log"))
            worker = [regiekompas, "worker", "--concurrency", "1", "--loglevel", "WARNING"]
            stack.enter_context(started("celery worker", worker, env, folder / "worker.log"))
            stack.enter_context(
                started(
                    "nginx", [nginx, "-c", str(conf), "-p", str(folder)], env, folder / "ng.log"
                )
            )
            smoke(urls, https, plain, database_url)
        # Nothing left running: the ports are free again.
        for port in (app, https, plain):
            with socket_to(port) as reachable:
                check(not reachable, f"nothing listens on 127.0.0.1:{port} any more")
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        import redis

        redis.Redis.from_url(args.redis_url).delete(queue)
        shutil.rmtree(folder, ignore_errors=True)
        say(f"cleaned up ({time.monotonic() - started_at:.0f} s in all)")


@contextmanager
def socket_to(port: int) -> Iterator[bool]:
    import socket

    with socket.socket() as s:
        s.settimeout(1)
        yield s.connect_ex(("127.0.0.1", port)) == 0


def smoke(urls: dict[str, Any], https: int, plain: int, database_url: str) -> None:
    import psycopg

    host = f"localhost:{https}"
    browser = Browser(https, host)
    wait_until(lambda: browser.get(urls["login"])[0] == 200, 120, "the app through nginx")
    say("through nginx (TLS) as a facilitator:")
    status, headers, body = browser.get(urls["login"])
    check(status == 200, f"GET {urls['login']} → {status}")
    check("max-age=31536000" in headers.get("strict-transport-security", ""), "HSTS header")
    check("script-src 'self'" in headers.get("content-security-policy", ""), "CSP header")
    check(re.fullmatch(r"nginx", headers.get("server", "")) is not None, "nginx hides its version")
    conn = http.client.HTTPConnection("127.0.0.1", plain, timeout=10)
    conn.request("GET", "/", headers={"Host": "localhost"})
    redirect = conn.getresponse()
    check(redirect.status == 301, f"plain HTTP is redirected ({redirect.status})")
    status, headers, _ = browser.post(urls["login"], {"username": "rook", "password": PASSWORD})
    check(status == 302 and "sessionid" in browser.cookies, f"login → {status}, session cookie")
    status, _, body = browser.get(urls["scan_page"])
    check(status == 200, f"scan page → {status}")
    status, headers, _ = browser.post(urls["publish"], {})
    check(status == 302, f"publish interim results → {status}")
    status, _, body = browser.get(urls["results"])
    pending = b'id="results-pending"' in body
    say(f"  first results visit: {'being computed' if pending else 'results already computed'}")

    def results_shown() -> bool:
        code, _, page = browser.get(urls["results"])
        return code == 200 and b'id="beeld-kop"' in page

    wait_until(results_shown, 120, "results on the results page")
    with psycopg.connect(database_url) as db:
        row = db.execute(
            "SELECT status, EXTRACT(EPOCH FROM finished_at - started_at) FROM jobs_job "
            "WHERE kind = 'results.compute' ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
    check(row is not None and row[0] == "done", f"results.compute job done by the worker ({row})")
    check(True, f"results page shows the published results (computed in {float(row[1]):.1f} s)")
    status, headers, body = browser.get(urls["xlsx"])
    check(status == 200 and body[:2] == b"PK", f"results workbook → {status}, {len(body)} bytes")
    status, headers, _ = browser.post(urls["pdf"], {})
    job_page = headers.get("location", "")
    check(status == 302 and "/taken/" in job_page, f"region PDF asked → {status} {job_page}")
    job_path = "/" + job_page.split("/", 3)[-1] if job_page.startswith("http") else job_page

    def pdf_ready() -> bool:
        code, _, page = browser.get(job_path)
        if b"mislukt" in page or b"failed" in page.lower():
            raise SmokeError("the PDF job failed")
        return code == 200 and b"/bestand/" in page

    wait_until(pdf_ready, 240, "the region PDF")
    status, headers, body = browser.get(job_path.rstrip("/") + "/bestand/")
    check(status == 200 and body.startswith(b"%PDF"), f"region PDF → {status}, {len(body)} bytes")


if __name__ == "__main__":
    sys.exit(main())
