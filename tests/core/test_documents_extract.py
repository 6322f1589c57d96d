"""Reading policy documents: text and page numbers per format, and a clear refusal otherwise."""

from __future__ import annotations

import codecs

import pytest

from document_files import docx, html, lying_zip, odt, zip_bomb
from regiekompas.core.documents.errors import DocumentError
from regiekompas.core.documents.extract import MIB, Limits, extract, read_file
from regiekompas.core.documents.pdfwrite import paginate, write_pdf

PARAGRAPHS = [
    "De gemeente stelt de kaders vast.",
    "Samen met aanbieders ontwikkelen we één toegang voor inwoners.",
]


def _code(data: bytes, name: str, limits: Limits | None = None) -> str:
    with pytest.raises(DocumentError) as caught:
        extract(data, name, limits or Limits())
    return caught.value.code


def test_it_reads_a_multi_page_pdf_with_page_numbers() -> None:
    pages = [["Pagina een over de toegang."], ["Pagina twee over één frontoffice."], ["Drie."]]
    result = extract(write_pdf(pages), "plan.pdf")
    assert result.format == "pdf"
    assert [page.number for page in result.pages] == [1, 2, 3]
    assert "één frontoffice" in result.pages[1].text
    assert "Drie." in result.pages[2].text


def test_it_reads_docx_paragraphs_and_hard_page_breaks() -> None:
    result = extract(docx([["Visie", *PARAGRAPHS], ["Tweede pagina met tekst."]]), "visie.docx")
    assert result.format == "docx"
    assert [page.number for page in result.pages] == [1, 2]
    assert result.pages[0].text.split("\n\n") == ["Visie", *PARAGRAPHS]
    assert result.pages[1].text == "Tweede pagina met tekst."


def test_it_reads_odt_headings_paragraphs_and_soft_page_breaks() -> None:
    result = extract(odt([["Kop", "Eerste  alinea."], ["Tweede pagina."]]), "nota.odt")
    assert result.format == "odt"
    assert result.pages[0].text.split("\n\n") == ["Kop", "Eerste  alinea."]
    assert result.pages[1].number == 2


def test_it_reads_visible_html_text_only() -> None:
    result = extract(html(PARAGRAPHS), "pagina.html")
    text = result.pages[0].text
    assert result.page_count == 1
    assert PARAGRAPHS[1] in text
    assert "eerste punt" in text
    assert "geen tekst" not in text  # the script
    assert "color" not in text  # the style


def test_html_declared_in_windows_1252_keeps_its_accents() -> None:
    result = extract(html(["Eén toegang en coördinatie."], charset="windows-1252"), "a.htm")
    assert "Eén toegang en coördinatie." in result.pages[0].text


@pytest.mark.parametrize(
    "encoded",
    [
        "Eén toegang, coördinatie.".encode(),
        codecs.BOM_UTF8 + "Eén toegang, coördinatie.".encode(),
        "Eén toegang, coördinatie.".encode("cp1252"),
        codecs.BOM_UTF16_LE + "Eén toegang, coördinatie.".encode("utf-16-le"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16"],
)
def test_text_files_are_decoded_whatever_their_encoding(encoded: bytes) -> None:
    assert extract(encoded, "notitie.txt").pages[0].text == "Eén toegang, coördinatie."


def test_form_feeds_in_a_text_file_are_page_breaks() -> None:
    result = extract(b"Een.\fTwee.\fDrie.", "a.txt")
    assert [(p.number, p.text) for p in result.pages] == [(1, "Een."), (2, "Twee."), (3, "Drie.")]


def test_a_pdf_is_recognised_by_its_content_whatever_its_name() -> None:
    assert extract(write_pdf([["Tekst."]]), "download").format == "pdf"


def test_an_encrypted_pdf_is_refused_as_such() -> None:
    with pytest.raises(DocumentError) as error:
        extract(write_pdf([["x"]], encrypted=True), "a.pdf")
    assert error.value.code == "encrypted"
    assert "wachtwoord" in error.value.text("nl")
    assert "password" in error.value.text("en")


def test_a_pdf_without_a_text_layer_is_called_scanned() -> None:
    assert _code(write_pdf([[], []], image_only=True), "scan.pdf") == "scanned"


def test_a_pdf_without_text_or_images_is_empty() -> None:
    assert _code(write_pdf([[], []]), "leeg.pdf") == "empty"


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "leeg.pdf", "empty"),
        (b"", "leeg.txt", "empty"),
        (b"   \n\n  ", "wit.txt", "empty"),
        (b"geen pdf", "a.pdf", "malformed"),
        (b"geen docx", "a.docx", "malformed"),
        (b"PK\x03\x04afgebroken", "a.odt", "malformed"),
        (b"\x00\x01\x02\x03" * 50, "a.txt", "binary"),
        (b"Tekst", "tabel.xlsx", "unsupported"),
    ],
)
def test_bad_files_get_their_own_code(data: bytes, name: str, code: str) -> None:
    assert _code(data, name) == code


def test_a_truncated_pdf_is_malformed() -> None:
    pdf = write_pdf(paginate(PARAGRAPHS * 40))
    assert _code(pdf[: len(pdf) // 3], "kapot.pdf") == "malformed"


def test_a_docx_that_is_an_odt_or_lacks_its_body_is_malformed() -> None:
    assert _code(odt([["Tekst."]]), "verkeerd.docx") == "malformed"


def test_a_zip_bomb_is_refused_without_unpacking_it() -> None:
    bomb = zip_bomb("word/document.xml", unpacked_mib=8)
    assert len(bomb) < MIB // 4
    assert _code(bomb, "bom.docx", Limits(max_unpacked_bytes=2 * MIB)) == "zip_bomb"


def test_a_zip_whose_header_lies_about_its_size_is_still_bounded() -> None:
    xml = b"<w:document xmlns:w='x'>" + b"<w:p/>" * 400_000 + b"</w:document>"
    lying = lying_zip("word/document.xml", xml, claimed_size=100)
    assert _code(lying, "leugen.docx", Limits(max_unpacked_bytes=MIB)) in {"zip_bomb", "malformed"}


def test_xml_with_entity_declarations_is_refused() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
        b"<w:document xmlns:w='x'>&lol;</w:document>"
    )
    from document_files import _zip

    assert _code(_zip({"word/document.xml": laughs}), "lol.docx") == "malformed"


def test_limits_on_size_pages_and_text_are_enforced() -> None:
    pdf = write_pdf([["Tekst op een pagina."]] * 5)
    assert _code(pdf, "a.pdf", Limits(max_bytes=100)) == "too_large"
    assert _code(pdf, "a.pdf", Limits(max_pages=4)) == "too_many_pages"
    assert _code(b"woord " * 100, "a.txt", Limits(max_chars=50)) == "too_much_text"
    assert _code(pdf, "a.pdf", Limits(max_seconds=0.0)) == "too_slow"


def test_a_missing_file_is_reported_not_raised(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DocumentError) as caught:
        read_file(tmp_path / "bestaat-niet.pdf")
    assert caught.value.code == "not_found"
