"""A facilitator uploads a gemeente's policy document and sees its mark and evidence.

The document is a small PDF written by `core.documents.pdfwrite`; the live server reads it
in the upload request (the test settings run jobs eagerly). The gemeente page then shows the
ambitie as written as a square on the quadrant plot and the evidence sentences, and both
pages pass axe-core. Screenshots at 1280 and 390 px go to test-artifacts/screenshots/.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from browser.conftest import (
    assert_accessible,
    build_results_scene,
    horizontal_overflow,
    login_as,
    screenshot,
    url,
)
from regiekompas.core.documents.pdfwrite import paginate, write_pdf

VISIE = [
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


def test_an_uploaded_document_appears_as_a_mark_with_its_evidence(
    live_server: Any, desktop: Any, phone: Any
) -> None:
    scene = build_results_scene(gemeenten=2, respondenten=6, seed=3)
    code = scene.region.gemeenten.order_by("code").first().code
    login_as(desktop, live_server, scene.facilitator)

    desktop.goto(url(live_server, "documents:gemeente", scene.region.pk, code))
    assert_accessible(desktop)
    desktop.locator("input[type=file]").set_input_files(
        files=[
            {
                "name": "visie-sociaal-domein.pdf",
                "mimeType": "application/pdf",
                "buffer": write_pdf(paginate(VISIE * 4)),
            },
            {"name": "leeg.pdf", "mimeType": "application/pdf", "buffer": b""},
        ]
    )
    desktop.get_by_role("button", name="Uploaden").click()
    expect(desktop.get_by_role("alert")).to_contain_text("leeg.pdf is niet opgeslagen")
    row = desktop.locator("#document-list tr[data-status=done]")
    expect(row).to_contain_text("visie-sociaal-domein.pdf")
    expect(row).to_contain_text("Sturen")
    assert_accessible(desktop)
    screenshot(desktop, "documents-gemeente-1280")

    desktop.goto(url(live_server, "results:gemeente", scene.scan.pk, code))
    mark = desktop.locator("svg .rk-chart__document")
    expect(mark).to_have_count(1)
    expect(desktop.locator("svg .rk-chart__document-ci line")).to_have_count(6)
    section = desktop.locator("#documenten")
    expect(section).to_contain_text("Zoals geschreven ligt de ambitie in Sturen")
    expect(section.locator(".rk-evidence li").first).to_be_visible()
    expect(section).to_contain_text("De gemeente stelt de kaders vast")
    expect(section).to_contain_text("visie-sociaal-domein.pdf, pagina 1")
    assert_accessible(desktop)
    screenshot(desktop, "documents-results-gemeente-1280")

    login_as(phone, live_server, scene.facilitator)
    phone.goto(url(live_server, "results:gemeente", scene.scan.pk, code))
    expect(phone.locator("svg .rk-chart__document")).to_have_count(1)
    assert horizontal_overflow(phone) == 0
    assert_accessible(phone)
    screenshot(phone, "documents-results-gemeente-390")
    phone.goto(url(live_server, "documents:gemeente", scene.region.pk, code))
    expect(phone.locator("#document-list")).to_contain_text("visie-sociaal-domein.pdf")
    assert horizontal_overflow(phone) == 0
    assert_accessible(phone)
    screenshot(phone, "documents-gemeente-390")
