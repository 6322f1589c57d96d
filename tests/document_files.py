"""Small DOCX, ODT and HTML files written from scratch for the document tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(pages: Sequence[Sequence[str]], *, heading_first: bool = False) -> bytes:
    """A DOCX whose pages (lists of paragraphs) are separated by hard page breaks."""
    body: list[str] = []
    for number, paragraphs in enumerate(pages):
        if number:
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        for i, text in enumerate(paragraphs):
            style = (
                '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' if heading_first and i == 0 else ""
            )
            # Two runs per paragraph, as Word writes them.
            half = len(text) // 2
            body.append(
                f'<w:p>{style}<w:r><w:t xml:space="preserve">{escape(text[:half])}</w:t></w:r>'
                f'<w:r><w:t xml:space="preserve">{escape(text[half:])}</w:t></w:r></w:p>'
            )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}</w:body></w:document>'
    )
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": xml})


def odt(pages: Sequence[Sequence[str]]) -> bytes:
    """An ODT whose pages are separated by soft page breaks (as LibreOffice stores them)."""
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    body: list[str] = []
    for number, paragraphs in enumerate(pages):
        if number:
            body.append("<text:soft-page-break/>")
        for i, text in enumerate(paragraphs):
            tag = "text:h" if i == 0 else "text:p"
            words = escape(text).replace("  ", ' <text:s text:c="1"/>')
            body.append(f"<{tag}><text:span>{words}</text:span></{tag}>")
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office_ns}"'
        f' xmlns:text="{text_ns}"><office:body><office:text>{"".join(body)}</office:text>'
        "</office:body></office:document-content>"
    )
    return _zip(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": xml},
    )


def _zip(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_bomb(member: str, unpacked_mib: int) -> bytes:
    """A small zip whose one member unpacks to `unpacked_mib` MiB of zeros."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open(member, "w", force_zip64=True) as stream,
    ):
        for _ in range(unpacked_mib):
            stream.write(b"\0" * (1024 * 1024))
    return buffer.getvalue()


def lying_zip(member: str, content: bytes, claimed_size: int) -> bytes:
    """A zip whose header understates the member's unpacked size (the header lies)."""
    data = bytearray(_zip({member: content}))
    # Patch the central directory's uncompressed size (offset 24 in the entry header).
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = claimed_size.to_bytes(4, "little")
    local = data.find(b"PK\x03\x04")
    data[local + 22 : local + 26] = claimed_size.to_bytes(4, "little")
    return bytes(data)


def html(paragraphs: Sequence[str], *, charset: str = "utf-8") -> bytes:
    items = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    page = (
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="{charset}"><title>Titel</title>'
        f"<style>p {{ color: red }}</style><script>var x = 'geen tekst';</script></head>"
        f"<body><h1>Beleidsplan</h1>{items}<ul><li>eerste punt</li><li>tweede punt</li></ul>"
        "</body></html>"
    )
    return page.encode(charset)
