"""Production defaults, checked in a fresh interpreter with the real settings module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.management import call_command
call_command("collectstatic", interactive=False, verbosity=0)  # as `regiekompas serve` does
from django.test import Client
c = Client()
plain = c.get("/account/inloggen/")
secure = c.get("/account/inloggen/", secure=True)
print(json.dumps({
    "debug": settings.DEBUG,
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "status": secure.status_code,
    "headers": {k.lower(): v for k, v in secure.headers.items()},
    "cookies": {k: dict(v) for k, v in secure.cookies.items()},
    "hashers": settings.PASSWORD_HASHERS[:1],
}))
"""


def _run(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"REGIEKOMPAS_DEV", "DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    base.update(
        DJANGO_SETTINGS_MODULE="regiekompas.web.settings",
        REGIEKOMPAS_DATA_DIR=str(tmp_path),
        ALLOWED_HOSTS="testserver",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=base, capture_output=True, text=True, timeout=120
    )


def test_it_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    done = _run({}, tmp_path)
    assert done.returncode != 0
    assert "SECRET_KEY is required" in done.stderr


def test_production_sends_secure_headers_and_cookies(tmp_path: Path) -> None:
    done = _run({"SECRET_KEY": "x" * 50, "DEBUG": "true"}, tmp_path)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["debug"] is False  # DEBUG is ignored outside development mode
    assert seen["plain_status"] == 301
    assert seen["plain_location"].startswith("https://")
    headers = seen["headers"]
    assert "max-age=31536000" in headers["strict-transport-security"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert seen["cookies"]["csrftoken"]["secure"] is True
    assert seen["hashers"] == ["django.contrib.auth.hashers.Argon2PasswordHasher"]


def test_a_malformed_variable_stops_start_up_with_its_name(tmp_path: Path) -> None:
    done = _run({"SECRET_KEY": "x" * 50, "AXES_FAILURE_LIMIT": "vijf"}, tmp_path)
    assert done.returncode != 0
    assert "AXES_FAILURE_LIMIT" in done.stderr


SETTINGS_PROBE = """
import json
from django.conf import settings
print(json.dumps(settings.DATABASES["default"].get("OPTIONS", {})))
"""


def _database_options(env: dict[str, str]) -> dict[str, object]:
    base = {k: v for k, v in os.environ.items() if k not in {"REGIEKOMPAS_DEV", "DEBUG"}}
    base.update(DJANGO_SETTINGS_MODULE="regiekompas.web.settings", SECRET_KEY="x" * 50, **env)
    done = subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE], env=base, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_postgresql_prepares_statements_unless_switched_off_for_a_pooler() -> None:
    url = {"DATABASE_URL": "postgres://app@db.example:5432/regiekompas"}

    assert _database_options(url) == {"server_side_binding": True, "prepare_threshold": 5}
    assert _database_options({**url, "DATABASE_PREPARED_STATEMENTS": "false"}) == {}
