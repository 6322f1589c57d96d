"""A minimal PDF writer: text pages (and image-only or password-protected files) from scratch.

The benchmark and the tests need multi-page PDFs whose text is known, plus the awkward cases
a batch must survive (a scan without a text layer, a password-protected file). Writing the
few PDF objects by hand keeps the project free of a PDF-generation dependency (and of AGPL
code). Text uses the standard Helvetica font with WinAnsiEncoding, so Dutch accents (é, ë, ï)
come out right. Not meant for anything else.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Final

PAGE_WIDTH: Final = 595
PAGE_HEIGHT: Final = 842
FONT_SIZE: Final = 10
LEADING: Final = 13
#: Characters per line and lines per page at that font size (A4, 2.5 cm margins).
LINE_CHARS: Final = 95
PAGE_LINES: Final = 56


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def paginate(paragraphs: Sequence[str]) -> list[list[str]]:
    """Paragraphs wrapped into lines and cut into pages (a blank line between paragraphs)."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, LINE_CHARS) or [""])
        lines.append("")
    pages = [lines[i : i + PAGE_LINES] for i in range(0, len(lines), PAGE_LINES)]
    return pages or [[]]


def _text_stream(lines: Sequence[str]) -> bytes:
    out = [b"BT", f"/F1 {FONT_SIZE} Tf {LEADING} TL 70 {PAGE_HEIGHT - 72} Td".encode()]
    for line in lines:
        out.append(b"(" + _escape(line) + b") Tj T*")
    out.append(b"ET")
    return b"\n".join(out)


_IMAGE_STREAM: Final = b"q 400 0 0 560 97 140 cm /Im1 Do Q"


def write_pdf(
    pages: Sequence[Sequence[str]], *, image_only: bool = False, encrypted: bool = False
) -> bytes:
    """A PDF with one page per item of `pages` (its lines of text).

    `image_only` draws a small grey image on each page instead of text (what a scanner
    produces); `encrypted` adds a standard security handler whose user password is not
    empty, so a reader must ask for it.
    """
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pixels = bytes((x * 16 + y * 8) % 256 for y in range(16) for x in range(16))
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length " + str(len(pixels)).encode() + b" >>\nstream\n"
        b"" + pixels + b"\nendstream"
    )
    kids: list[int] = []
    for lines in pages:
        content = _IMAGE_STREAM if image_only else _text_stream(lines)
        stream = add(
            b"<< /Length "
            + str(len(content)).encode()
            + b" >>\nstream\n"
            + content
            + b"\nendstream"
        )
        resources = f"/Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >>".encode()
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_WIDTH} "
                f"{PAGE_HEIGHT}] /Contents {stream} 0 R /Resources << ".encode()
                + resources
                + b" >> >>"
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    kid_refs = " ".join(f"{k} 0 R" for k in kids)
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{kid_refs}] /Count {len(kids)} >>".encode()
    encrypt = None
    if encrypted:
        encrypt = add(
            b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"
            + b"11" * 32
            + b"> /U <"
            + b"22" * 32
            + b"> >>"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root {catalog} 0 R".encode()
    if encrypt is not None:
        trailer += f" /Encrypt {encrypt} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]".encode()
    out += b"trailer\n" + trailer + f" >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
