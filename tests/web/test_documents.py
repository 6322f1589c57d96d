"""Policy documents in the web app: upload, background placement, the mark on the gemeente page.

Expected positions are computed here straight from `core.documents` on the same bytes (not
through the web app) and compared with what the reader gets: the mark's coordinates in the
SVG, its interval whiskers, the evidence sentences with their pages, and the words "te
weinig signaal" instead of a mark when the text has too little signal (docs/documents.md).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import World, make_region, make_scan, make_user
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regiekompas.core.charts._svg import num
from regiekompas.core.charts.frame import Frame
from regiekompas.core.documents import batch, load_method_settings, results_document
from regiekompas.core.documents.errors import MESSAGES, DocumentError
from regiekompas.core.documents.pdfwrite import paginate, write_pdf
from regiekompas.web.accounts.models import GemeenteViewer, Membership
from regiekompas.web.documents.models import PolicyDocument
from regiekompas.web.jobs.models import Job
from regiekompas.web.scans.models import Scan

#: A visie that leans to Sturen but not only: the intervals have a visible width.
STUREN = [
    "Visie op het sociaal domein",
    "De gemeente stelt de kaders vast en controleert de naleving door aanbieders.",
    "Er komt één toegang via een generalistisch wijkteam.",
    "Wij willen sturen op resultaten en aanbieders leggen verantwoording af.",
    "Medewerkers van aanbieders worden gedetacheerd in het wijkteam.",
    "Samen met aanbieders en zorgverzekeraar stellen we de kaders vast.",
    "Aanbieders blijven zelfstandig en maken onderling afspraken over de zorg.",
    "De gemeente bepaalt welke resultaten aanbieders moeten halen en toetst dat jaarlijks.",
    "Alle toegangstaken worden ondergebracht in één centrale toegang.",
    "Het college legt de prestatie-eisen eenzijdig vast in het contract.",
]
AFSPREKEN = [
    "Samen met aanbieders en zorgverzekeraar stellen we de kaders vast.",
    "Aanbieders blijven zelfstandig en maken onderling afspraken over de zorg.",
    "Elke aanbieder houdt een eigen intake; aanbieders stemmen onderling af.",
    "De kaders worden in gezamenlijkheid met de aanbieders opgesteld.",
]
#: Three signal sentences: below the minimum of 8 placed sentences per axis.
THIN = [
    "Nota over de uitvoering",
    "De gemeente stelt de kaders vast en controleert de naleving door aanbieders.",
    "Er komt één toegang via een generalistisch wijkteam.",
    "De raad wordt twee keer per jaar geïnformeerd over de voortgang.",
]


def pdf(paragraphs: Sequence[str]) -> bytes:
    return write_pdf(paginate(paragraphs))


def core_gemeente_row(files: Sequence[tuple[str, bytes]], code: str, tmp: Path) -> dict[str, Any]:
    """The gemeente row that `core.documents` computes for these files, pooled."""
    placements = []
    for name, data in files:
        path = tmp / name
        path.write_bytes(data)
        placement = batch.process(batch.Job(path, code))
        assert not isinstance(placement, batch.Failure), placement
        placements.append(placement)
    document = results_document(placements, [], load_method_settings(), {})
    row: dict[str, Any] = document["gemeenten"][0]
    return row


@pytest.fixture
def scene(simulated_scan: Callable[..., Scan]) -> tuple[Scan, User, str]:
    scan = simulated_scan(gemeenten=2, respondenten=6, seed=3)
    facilitator = make_user("fac_docs")
    Membership.objects.create(user=facilitator, region=scan.region)
    code = scan.region.gemeenten.order_by("code").first().code  # type: ignore[union-attr]
    return scan, facilitator, code


def upload(client: Client, scan: Scan, code: str, *files: tuple[str, bytes]) -> str:
    response = client.post(
        reverse("documents:gemeente", args=[scan.region.pk, code]),
        {"uploads": [SimpleUploadedFile(name, data) for name, data in files]},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def results_page(client: Client, scan: Scan, code: str) -> str:
    response = client.get(reverse("results:gemeente", args=[scan.pk, code]))
    assert response.status_code == 200
    return response.content.decode()


def svg_of(page: str) -> str:
    match = re.search(r"<svg[^>]*rk-chart--arrows.*?</svg>", page, re.S)
    assert match, "the gemeente page has its quadrant plot"
    return match.group(0)


def test_an_uploaded_document_is_placed_and_marked_where_core_places_it(
    client: Client, scene: tuple[Scan, User, str], tmp_path: Path
) -> None:
    scan, facilitator, code = scene
    files = [("visie.pdf", pdf(STUREN * 4)), ("inkoop.pdf", pdf(AFSPREKEN * 3))]
    # The web app pools a gemeente's documents in the order of their names, as here.
    expected = core_gemeente_row(sorted(files), code, tmp_path)
    assert expected["kwadrant"] not in ("te_weinig", "grens")
    client.force_login(facilitator)

    listing = upload(client, scan, code, *files)
    documents = PolicyDocument.objects.filter(region=scan.region, gemeente_code=code)
    assert [d.status for d in documents] == ["done", "done"]
    assert Job.objects.get(kind="documents.process").status == Job.Status.DONE
    assert "inkoop.pdf" in listing
    assert "visie.pdf" in listing

    page = results_page(client, scan, code)
    svg = svg_of(page)
    frame = Frame()
    x, y = frame.x(expected["cc"]), frame.y(expected["dc"])
    assert (
        f'class="rk-chart__point rk-chart__document" transform="translate({num(x)} {num(y)})"'
        in svg
    )
    (cc_lo, cc_hi), (dc_lo, dc_hi) = expected["cc_ci"], expected["dc_ci"]
    whisker_cc = (
        f'x1="{num(frame.x(cc_lo))}" y1="{num(y)}" x2="{num(frame.x(cc_hi))}" y2="{num(y)}"'
    )
    y_top, y_bottom = sorted((frame.y(dc_lo), frame.y(dc_hi)))
    whisker_dc = f'x1="{num(x)}" y1="{num(y_top)}" x2="{num(x)}" y2="{num(y_bottom)}"'
    assert whisker_cc in svg
    assert whisker_dc in svg
    legend = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert "Ambitie zoals geschreven in beleidsdocumenten (vierkant)" in legend
    description = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S)
    assert description
    assert "zoals geschreven in beleidsdocumenten: Sturen" in description.group(1)
    # The evidence: every sentence of core's evidence, with its pole, file and page.
    section = page[page.index('id="documenten"') :]
    for item in expected["bewijs"]:
        quote = html.escape(item["zin"], quote=False)
        assert quote in section, item["zin"]
    assert "visie.pdf, pagina 1" in section
    # The region's list of gemeenten names the quadrant as written.
    region = client.get(reverse("documents:region", args=[scan.region.pk])).content.decode()
    row = re.search(rf'<tr[^>]*data-gemeente="{code}".*?</tr>', region, re.S)
    assert row
    assert "Sturen" in row.group(0)
    assert "Cocreatie" in section
    assert "Centraal" in section


def test_each_bad_file_gets_its_own_message_and_the_good_one_is_still_placed(
    client: Client, scene: tuple[Scan, User, str]
) -> None:
    scan, facilitator, code = scene
    client.force_login(facilitator)
    good = pdf(STUREN * 3)
    bad = {
        "versleuteld.pdf": write_pdf(paginate(STUREN), encrypted=True),
        "gescand.pdf": write_pdf([[]], image_only=True),
        "kapot.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 4,
        "leeg.pdf": b"",
        "rapport.pdf": b"PK\x03\x04 dit is geen pdf maar ook geen zip",
        "programma.exe": b"MZ\x90\x00" * 100,
        "groot.pdf": b"%PDF-1.4\n" + b"0" * 60_000,
    }
    with override_settings(MAX_UPLOAD_BYTES=50_000):
        page = upload(client, scan, code, ("visie.pdf", good), *bad.items())
    assert "Traceback" not in page
    stored = {d.file_name: d for d in PolicyDocument.objects.filter(region=scan.region)}
    assert stored["visie.pdf"].status == "done"
    # Refused at upload, never stored: empty, too large, a file type that cannot be read.
    assert {"leeg.pdf", "groot.pdf", "programma.exe"}.isdisjoint(stored)
    text = html.unescape(page)
    assert f"leeg.pdf is niet opgeslagen: {DocumentError('empty').text('nl')}" in text
    assert "groot.pdf is niet opgeslagen: bestand te groot (0.1 MiB > 0.0 MiB)" in text
    assert "programma.exe is niet opgeslagen: bestandstype niet ondersteund" in text
    # Read in the background, each with its own reason in the list.
    reasons = {
        "versleuteld.pdf": DocumentError("encrypted").text("nl"),
        "gescand.pdf": DocumentError("scanned").text("nl"),
        "kapot.pdf": DocumentError("malformed", "pdf").text("nl"),
        "rapport.pdf": DocumentError("malformed", "pdf").text("nl"),
    }
    for name, reason in reasons.items():
        assert stored[name].status == "failed", name
        row = re.search(rf"<tr[^>]*>\s*<th[^>]*>{re.escape(name)}.*?</tr>", page, re.S)
        assert row, name
        assert reason in html.unescape(row.group(0)), (name, reason)
    # The gemeente's result is the good document's alone.
    assert "Sturen" in results_page(client, scan, code)


def test_too_little_signal_is_said_in_words_and_never_drawn(
    client: Client, scene: tuple[Scan, User, str], tmp_path: Path
) -> None:
    scan, facilitator, code = scene
    files = [("nota.pdf", pdf(THIN))]
    assert core_gemeente_row(files, code, tmp_path)["kwadrant"] == "te_weinig"
    client.force_login(facilitator)
    listing = upload(client, scan, code, *files)
    assert "Te weinig signaal" in listing

    page = results_page(client, scan, code)
    assert "rk-chart__document" not in page
    assert "Te weinig signaal" in page
    assert "minstens 8 nodig" in page
    assert "zoals geschreven in beleidsdocumenten: " not in svg_of(page)
    assert "Het vierkant is" not in page


def test_deleting_a_document_recomputes_the_gemeente(
    client: Client, scene: tuple[Scan, User, str]
) -> None:
    scan, facilitator, code = scene
    client.force_login(facilitator)
    upload(client, scan, code, ("visie.pdf", pdf(STUREN * 4)))
    assert "rk-chart__document" in results_page(client, scan, code)
    document = PolicyDocument.objects.get(region=scan.region)
    # The same file again is refused with a reason.
    again = upload(client, scan, code, ("kopie.pdf", pdf(STUREN * 4)))
    assert "kopie.pdf is niet opgeslagen" in html.unescape(again)

    response = client.post(
        reverse("documents:delete", args=[scan.region.pk, code, document.pk]), follow=True
    )
    assert response.status_code == 200
    assert not PolicyDocument.objects.exists()
    page = results_page(client, scan, code)
    assert "rk-chart__document" not in page
    assert "Er zijn geen beleidsdocumenten" in page


def test_documents_stay_inside_their_region_and_viewers_only_read_them(
    client: Client, scene: tuple[Scan, User, str]
) -> None:
    scan, facilitator, code = scene
    client.force_login(facilitator)
    upload(client, scan, code, ("visie.pdf", pdf(STUREN * 4)))
    # A viewer of this gemeente sees the mark and the evidence, but no way to manage them.
    viewer = make_user("viewer_docs")
    GemeenteViewer.objects.create(user=viewer, region=scan.region, gemeente_code=code)
    client.force_login(viewer)
    page = results_page(client, scan, code)
    assert "rk-chart__document" in page
    assert "De gemeente stelt de kaders vast" in page
    assert reverse("documents:gemeente", args=[scan.region.pk, code]) not in page
    assert client.get(reverse("documents:gemeente", args=[scan.region.pk, code])).status_code == 404
    # Another region with the same gemeente shows nothing of them.
    other_facilitator = make_user("fac_other")
    other = make_region("Elders", {code: "Zelfde gemeente"}, other_facilitator)
    other_scan = make_scan(other)
    client.force_login(other_facilitator)
    response = client.get(reverse("results:gemeente", args=[other_scan.pk, code]))
    assert response.status_code == 200
    assert "De gemeente stelt de kaders vast" not in response.content.decode()
    url = reverse("documents:gemeente", args=[scan.region.pk, code])
    assert client.get(url).status_code == 404
    # A gemeente that is not in the region is not found either.
    client.force_login(facilitator)
    assert (
        client.get(reverse("documents:gemeente", args=[scan.region.pk, "GM9999"])).status_code
        == 404
    )


def test_the_documents_app_never_imports_the_results_app() -> None:
    import regiekompas.web.documents as app

    folder = Path(app.__file__).parent
    for path in folder.rglob("*.py"):
        assert "web.results" not in path.read_text(encoding="utf-8"), path


def test_a_file_that_takes_too_long_is_stopped_with_a_message(
    client: Client, scene: tuple[Scan, User, str]
) -> None:
    scan, facilitator, code = scene
    client.force_login(facilitator)
    with override_settings(IMPORT_SECONDS=0):  # the time budget of REGIEKOMPAS_IMPORT_SECONDS
        page = upload(client, scan, code, ("lang.pdf", pdf(STUREN * 12)))
    document = PolicyDocument.objects.get(region=scan.region)
    assert document.status == "failed"
    assert document.error_code == "too_slow"
    assert "het lezen duurde te lang" in html.unescape(page)


def test_a_document_whose_job_was_lost_can_be_read_again(
    client: Client, scene: tuple[Scan, User, str]
) -> None:
    scan, facilitator, code = scene
    client.force_login(facilitator)
    upload(client, scan, code, ("visie.pdf", pdf(STUREN * 4)))
    document = PolicyDocument.objects.get(region=scan.region)
    # As if the process that ran the job stopped halfway: the job ended, the file did not.
    PolicyDocument.objects.filter(pk=document.pk).update(status="processing", result=None)
    Job.objects.filter(pk=document.job_id).update(status=Job.Status.FAILED)
    page = client.get(reverse("documents:gemeente", args=[scan.region.pk, code])).content
    text = html.unescape(page.decode())
    assert 'data-status="lost"' in text
    assert DocumentError("crashed").text("nl") in text
    assert "Er worden nog documenten gelezen" not in text

    response = client.post(
        reverse("documents:read_again", args=[scan.region.pk, code, document.pk]), follow=True
    )
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.status == "done"
    assert document.result is not None
    assert "rk-chart__document" in results_page(client, scan, code)


def test_the_pages_speak_english_when_asked(client: Client, scene: tuple[Scan, User, str]) -> None:
    scan, facilitator, code = scene
    client.force_login(facilitator)
    upload(client, scan, code, ("nota.pdf", pdf(THIN)))
    page = client.get(
        reverse("results:gemeente", args=[scan.pk, code]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Ambition as written in policy documents" in page
    assert "Too little signal" in page
    assert "at least 8 needed" in page


FUZZ = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe"]


@FUZZ
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=2_000),
    suffix=st.sampled_from([".pdf", ".docx", ".odt", ".html", ".txt", ".bin", ""]),
)
def test_random_files_never_break_the_upload_or_the_batch(
    client: Client, world: World, prefix: bytes, body: bytes, suffix: str
) -> None:
    client.force_login(world.facilitator_a)
    response = client.post(
        reverse("documents:gemeente", args=[world.region_a.pk, world.gemeente_x]),
        {"uploads": SimpleUploadedFile(f"fuzz{suffix}", prefix + body)},
    )
    assert response.status_code == 302
    for document in PolicyDocument.objects.all():
        assert document.status in ("done", "failed"), document.file_name
        assert document.error_code in ("", *MESSAGES), document.error_code
    PolicyDocument.objects.all().delete()


def test_a_document_placed_by_an_earlier_method_offers_to_be_read_again(
    client: Client, scene: tuple[Scan, User, str]
) -> None:
    scan, facilitator, code = scene
    client.force_login(facilitator)
    upload(client, scan, code, ("visie.pdf", pdf(STUREN * 4)))
    document = PolicyDocument.objects.get(region=scan.region)
    url = reverse("documents:gemeente", args=[scan.region.pk, code])
    assert "eerdere versie van de methode" not in client.get(url).content.decode()
    result = dict(document.result or {})
    result["meta"] = {**result["meta"], "methode_versie": "0-oud"}
    PolicyDocument.objects.filter(pk=document.pk).update(result=result)
    page = client.get(url).content.decode()
    assert "eerdere versie van de methode" in page
    assert reverse("documents:read_again", args=[scan.region.pk, code, document.pk]) in page
