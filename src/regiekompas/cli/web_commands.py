"""The commands that run the web application: `demo` (development), `serve`, `worker`, `manage`.

Django is configured only inside these commands, so the analysis commands keep starting fast
and work without any web settings.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click

from regiekompas.cli.messages import message


def _django(dev: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiekompas.web.settings")
    if dev:
        os.environ["REGIEKOMPAS_DEV"] = "true"
    import django

    django.setup()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def run_web_demo(*, port: int, seed: int, lang: str) -> None:
    """Migrate, create the demo region (first run only), print the links, serve."""
    os.environ.setdefault("REGIEKOMPAS_BASE_URL", f"http://127.0.0.1:{port}")
    _django(dev=True)
    from django.conf import settings
    from django.core.management import call_command
    from django.urls import reverse

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    click.echo(message("web_demo_setup", lang, folder=settings.DATA_DIR))
    _migrate()
    from regiekompas.web.demo import setup_demo

    info = setup_demo(password=os.environ.get("REGIEKOMPAS_DEMO_PASSWORD") or None, seed=seed)
    base = settings.BASE_URL
    click.echo(message("web_demo_login", lang, url=base + reverse("accounts:login")))
    click.echo(message("web_demo_user", lang, user=info.username))
    if info.password is not None:
        click.echo(message("web_demo_password", lang, password=info.password))
    else:
        click.echo(message("web_demo_password_kept", lang))
    click.echo(message("web_demo_respondent", lang, url=info.respondent_link))
    click.echo(message("web_demo_stop", lang))
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres om op te luisteren.")
@click.option("--port", default=8000, show_default=True, help="Poort.")
@click.option("--workers", default=2, show_default=True, help="Aantal gunicorn-werkprocessen.")
@click.option("--no-migrate", is_flag=True, help="Sla het bijwerken van de database over.")
def serve(host: str, port: int, workers: int, no_migrate: bool) -> None:
    """Draai de webapplicatie in productie (gunicorn, statische bestanden via whitenoise)."""
    _django(dev=False)
    from django.core.management import call_command

    if not no_migrate:
        _migrate()
    call_command("collectstatic", interactive=False, verbosity=0)
    gunicorn = shutil.which("gunicorn") or str(Path(sys.executable).with_name("gunicorn"))
    args = [
        gunicorn,
        "regiekompas.web.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    ]
    os.execv(gunicorn, args)


@click.command()
@click.option(
    "--concurrency", default=2, show_default=True, help="Aantal taken tegelijk (processen)."
)
@click.option(
    "--loglevel",
    default="INFO",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
    help="Hoeveel de worker logt.",
)
def worker(concurrency: int, loglevel: str) -> None:
    """Voer achtergrondwerk uit: Celery-worker op CELERY_BROKER_URL (REGIEKOMPAS_JOBS=celery)."""
    _django(dev=False)
    from regiekompas.web.jobs.celery_app import app

    app.worker_main(
        [
            "worker",
            f"--concurrency={max(1, concurrency)}",
            f"--loglevel={loglevel.upper()}",
            "--without-gossip",
            "--without-mingle",
        ]
    )


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Django-beheeropdrachten, bv. `regiekompas manage createsuperuser`."""
    _django(dev=False)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["regiekompas manage", *args])
