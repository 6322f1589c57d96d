"""Issue 8's hardening as users (and attackers) meet it: confirmations, throttles, proxies,
formula-safe downloads and column lengths (docs/security.md)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from conftest import World, make_respondent, make_user
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client, RequestFactory
from django.urls import reverse

from regiekompas.core.export.safe import TRIGGERS, neutralise
from regiekompas.core.io.limits import TEXT_LIMITS
from regiekompas.web.invitations.models import Respondent
from regiekompas.web.regions.models import Mechanisme, Organisatie, RegionGemeente
from regiekompas.web.scans.models import Scan
from regiekompas.web.throttle import client_ip


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _csv(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


# --- confirmation before an import removes or renames --------------------------------------


def test_a_header_only_organisaties_file_deletes_nothing_without_confirmation(
    world: World,
) -> None:
    region = world.region_a
    Organisatie.objects.bulk_create(
        Organisatie(region=region, naam=n, type="aanbieder") for n in ("Zorg Oost", "Wijkteam")
    )
    client = _client(world.facilitator_a)
    url = reverse("regions:import", args=[region.pk])

    response = client.post(url, {"uploads": [_csv("organisaties.csv", "organisatie,type\n")]})

    assert response.status_code == 200
    page = response.content.decode()
    assert "import-pending" in page
    assert "2 van de 2 organisaties" in page or "2 of the region" in page
    assert region.organisaties.count() == 2  # nothing happened yet

    confirmed = client.post(
        url,
        {"uploads": [_csv("organisaties.csv", "organisatie,type\n")], "confirm_changes": "1"},
    )
    assert confirmed.status_code == 200
    assert region.organisaties.count() == 0  # the facilitator asked for it


def test_renaming_a_gemeente_asks_first_and_adding_does_not(world: World) -> None:
    region = world.region_a
    client = _client(world.facilitator_a)
    url = reverse("regions:import", args=[region.pk])
    renaming = "gemeente_code,naam,regio\nGM0153,Enschede-Stad,Twente\n"
    response = client.post(url, {"uploads": [_csv("gemeenten.csv", renaming)]})
    page = response.content.decode()
    assert "GM0153" in page
    assert "Enschede-Stad" in page
    assert RegionGemeente.objects.get(region=region, code="GM0153").naam == "Enschede"
    # Only adding: stored straight away.
    adding = "organisatie,type\nNieuw,aanbieder\n"
    client.post(url, {"uploads": [_csv("organisaties.csv", adding)]})
    assert list(region.organisaties.values_list("naam", flat=True)) == ["Nieuw"]


def test_an_answers_import_that_would_replace_region_tables_asks_first(
    simulated_scan: Callable[..., Scan],
) -> None:
    scan = simulated_scan()
    before = scan.region.mechanismen.count()
    assert before == 0
    Mechanisme.objects.create(
        region=scan.region, gemeente_code=scan.region.gemeenten.first().code,  # type: ignore[union-attr]
        naam="Regiotafel", type="overleg", transities=["jeugd"],
    )  # fmt: skip
    user = make_user("fac_sim")
    scan.region.memberships.create(user=user)
    code = scan.region.gemeenten.order_by("code").first().code  # type: ignore[union-attr]
    answers = (
        "respondent_id,groep,organisatie,gemeente_code,transitie,perspectief,item,antwoord\n"
        f"NIEUW1,gemeente_beleid,,{code},{scan.transities[0]},praktijk,cc1,3\n"
    )
    mechanismen = "gemeente_code,naam,type,transities\n" + f"{code},Anders,overleg,jeugd\n"
    respondents = Respondent.objects.filter(scan=scan).count()
    response = _client(user).post(
        reverse("responses:import", args=[scan.pk]),
        {"uploads": [_csv("antwoorden.csv", answers), _csv("mechanismen.csv", mechanismen)]},
    )
    assert "import-pending" in response.content.decode()
    assert Respondent.objects.filter(scan=scan).count() == respondents
    assert list(scan.region.mechanismen.values_list("naam", flat=True)) == ["Regiotafel"]


# --- throttles ---------------------------------------------------------------------------


def test_token_guessing_is_refused_after_the_limit_and_valid_links_are_never_counted(
    world: World, settings: Any
) -> None:
    settings.TOKEN_FAILURES_PER_WINDOW = 5
    _, token = make_respondent(world.scan_a, "R900")
    guesser, other = Client(REMOTE_ADDR="203.0.113.9"), Client(REMOTE_ADDR="198.51.100.7")
    # A respondent opening their own link many times is never throttled.
    assert {other.get(f"/r/{token}/").status_code for _ in range(20)} == {200}
    statuses = [guesser.get(f"/r/gok{i}/").status_code for i in range(8)]
    assert statuses == [404] * 5 + [429] * 3
    # Refused outright now, even for a valid token: a hit can no longer be told from a miss.
    assert guesser.get(f"/r/{token}/").status_code == 429
    assert other.get(f"/r/{token}/").status_code == 200


def test_password_reset_mails_are_throttled_per_address_and_per_client(
    world: World, settings: Any
) -> None:
    settings.RESETS_PER_ADDRESS = 2
    settings.RESETS_PER_CLIENT = 4
    url = reverse("accounts:password_reset")
    client = Client(REMOTE_ADDR="203.0.113.10")
    email = world.facilitator_a.email
    statuses = [client.post(url, {"email": email}).status_code for _ in range(4)]
    # Every request reads the same ("sent"), but only two mails went out.
    assert statuses == [302, 302, 302, 302]
    assert len(mail.outbox) == 2
    assert client.post(url, {"email": "iemand@example.nl"}).status_code == 429
    # Another client may still ask for a different address.
    assert (
        Client(REMOTE_ADDR="198.51.100.8").post(url, {"email": "x@example.nl"}).status_code == 302
    )


# --- the client behind a proxy -----------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.1"),  # no proxy: the header is the client's to forge
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # the forged first entry is ignored
        (2, "6.6.6.6, 1.2.3.4, 10.0.0.9", "1.2.3.4"),
        (2, "1.2.3.4", "10.0.0.1"),  # fewer entries than proxies: misconfigured, use the peer
        (1, "niet-een-adres", "10.0.0.1"),
    ],
)
def test_the_client_address_trusts_exactly_the_configured_proxies(
    settings: Any, proxies: int, forwarded: str, expected: str
) -> None:
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_behind_a_proxy_a_lockout_hits_the_attacker_not_everyone(
    world: World, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = 1
    url = reverse("accounts:login")
    proxy = "10.0.0.1"
    attacker = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post(url, {"username": world.facilitator_a.username, "password": "fout"})
    locked = attacker.post(url, {"username": world.facilitator_a.username, "password": "x"})
    assert locked.status_code == 429
    colleague = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    from conftest import PASSWORD

    response = colleague.post(url, {"username": world.facilitator_a.username, "password": PASSWORD})
    assert response.status_code == 302  # logged in: the same proxy, another client


# --- declared lengths ----------------------------------------------------------------------


def test_every_imported_text_fits_the_column_it_is_stored_in() -> None:
    """core.io refuses texts longer than TEXT_LIMITS; the models must hold at least that."""
    from regiekompas.web.regions.models import Contract

    stored_in: dict[tuple[str, str], models.Field[Any, Any]] = {
        ("antwoorden", "respondent_id"): Respondent._meta.get_field("external_id"),
        ("antwoorden", "organisatie"): Respondent._meta.get_field("organisatie"),
        ("gemeenten", "naam"): RegionGemeente._meta.get_field("naam"),
        ("organisaties", "organisatie"): Organisatie._meta.get_field("naam"),
        ("organisaties", "type"): Organisatie._meta.get_field("type"),
        ("contracten", "organisatie"): Contract._meta.get_field("organisatie"),
        ("mechanismen", "naam"): Mechanisme._meta.get_field("naam"),
        ("mechanismen", "type"): Mechanisme._meta.get_field("type"),
    }
    for key, field in stored_in.items():
        assert field.max_length is not None
        assert TEXT_LIMITS[key] <= field.max_length, key


# --- formula-safe downloads ----------------------------------------------------------------


def _runs(text: str) -> bool:
    return text.startswith(TRIGGERS) and neutralise(text) != text


def test_the_links_download_neutralises_formulas_in_csv_and_xlsx(world: World) -> None:
    make_respondent(world.scan_a, "R777", organisatie='=HYPERLINK("https://x.example")')
    client = _client(world.facilitator_a)
    url = reverse("invitations:links", args=[world.scan_a.pk])
    as_csv = client.post(url, {"format": "csv", "scope": "all"}).content.decode("utf-8")
    cells = [cell for row in csv.reader(io.StringIO(as_csv)) for cell in row]
    assert '\'=HYPERLINK("https://x.example")' in cells
    assert not [c for c in cells if _runs(c)]
    as_xlsx = client.post(url, {"format": "xlsx", "scope": "all"}).content
    sheet = openpyxl.load_workbook(io.BytesIO(as_xlsx)).active
    assert sheet is not None
    values = [(c.value, c.data_type) for row in sheet.iter_rows() for c in row if c.value]
    assert ('\'=HYPERLINK("https://x.example")', "s") in values
    assert not [v for v, t in values if t == "f" or (isinstance(v, str) and _runs(v))]


def test_the_answers_export_neutralises_formulas(simulated_scan: Callable[..., Scan]) -> None:
    scan = simulated_scan()
    code = scan.region.gemeenten.order_by("code").first().code  # type: ignore[union-attr]
    Mechanisme.objects.create(
        region=scan.region, gemeente_code=code, naam="@SUM(1+1)*cmd", type="overleg",
        transities=list(scan.transities),
    )  # fmt: skip
    user = make_user("fac_export")
    scan.region.memberships.create(user=user)
    response = _client(user).get(reverse("responses:export", args=[scan.pk]))
    assert response.status_code == 200
    cells: list[str] = []
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8")
            cells += [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'@SUM(1+1)*cmd" in cells
    assert not [c for c in cells if _runs(c)]


# --- deployment ------------------------------------------------------------------------------


def test_check_deploy_is_clean_with_production_settings(tmp_path: Any) -> None:
    """`manage.py check --deploy` with the settings production uses (docs/security.md)."""
    import os
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "REGIEKOMPAS_DEV",
            "DEBUG",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            # Set by the browser tests' conftest when they share this worker.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="regiekompas.web.settings",
        SECRET_KEY="k" * 20 + "-production-like-secret-key-of-sufficient-length-0123456789",
        ALLOWED_HOSTS="regiekompas.example.nl",
        REGIEKOMPAS_DATA_DIR=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    assert "no issues" in done.stdout


# --- outages -------------------------------------------------------------------------------


def test_a_full_disk_or_an_unreachable_database_gives_a_clear_503(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The request's transaction is gone; the person reads what happened, not a stack trace."""
    from django.db import OperationalError

    from regiekompas.web.questionnaire import views

    _, token = make_respondent(world.scan_a, "R950")
    client = Client(raise_request_exception=False)
    client.get(f"/r/{token}/stap/1/")  # the CSRF cookie, as a browser gets it
    for message, heading in (
        ("database or disk is full", "Niet opgeslagen"),
        ("connection to server at 127.0.0.1 failed: Connection refused", "Even niet bereikbaar"),
    ):

        def broken(*args: object, message: str = message, **kwargs: object) -> None:
            raise OperationalError(message)

        monkeypatch.setattr(views, "save_one", broken)
        response = client.post(
            f"/r/{token}/antwoord/",
            {"gemeente": "GM0153", "transitie": "jeugd", "perspectief": "praktijk",
             "item": "cc1", "waarde": "3"},
        )  # fmt: skip
        assert response.status_code == 503
        assert response["Retry-After"]
        assert heading in response.content.decode()
        assert "Traceback" not in response.content.decode()
