"""Text with page numbers from PDF, DOCX, ODT, HTML and TXT files, within stated limits.

Every file becomes a list of `Page`s whose text keeps the layout the sentence splitter needs:
paragraphs are separated by a blank line, lines inside a paragraph by one newline (a PDF only
knows lines; `text.split_sentences` joins them again). Page numbers are the PDF's pages, the
page breaks Word and LibreOffice store (rendered and hard breaks), form feeds in a text file,
and 1 for HTML.

The readers are permissive-licensed only: pypdfium2 (Apache-2.0 / BSD-3) for PDF and the
standard library for the rest (zip + XML, `html.parser`). Whatever goes wrong, a reader raises
`DocumentError` with a stable code — never another exception — so one bad file never stops
a batch. The limits (size, pages, unpacked size against zip bombs, characters) are in
`Limits`; docs/documents.md lists them.
"""

from __future__ import annotations

import codecs
import io
import re
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

from regiekompas.core.documents.errors import DocumentError

MIB: Final = 1024 * 1024

#: The file types read, by suffix.
SUFFIXES: Final[dict[str, str]] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "txt",
    ".text": "txt",
}


@dataclass(frozen=True)
class Limits:
    """What one file may cost; beyond it the file is refused with a message, not read.

    `max_unpacked_bytes` bounds what is *read* from a zip member, whatever its header claims,
    so a zip bomb costs at most that much memory.
    """

    max_bytes: int = 50 * MIB
    max_pages: int = 2000
    max_unpacked_bytes: int = 64 * MIB
    max_zip_entries: int = 5000
    max_chars: int = 10_000_000
    #: Seconds the reading of one PDF may take (checked between pages); None = no limit.
    #: The web app should pass its import budget (REGIEKOMPAS_IMPORT_SECONDS).
    max_seconds: float | None = None


DEFAULT_LIMITS: Final = Limits()


@dataclass(frozen=True)
class Page:
    number: int
    text: str


@dataclass(frozen=True)
class Extracted:
    """The text of one file: its format and its pages (at least one, with some text)."""

    format: str
    pages: tuple[Page, ...]

    @property
    def page_count(self) -> int:
        return len(self.pages)


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Read `path` (any supported format); raises `DocumentError` only."""
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise DocumentError("too_large", _mib(size, limits.max_bytes))
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError("not_found", error.strerror or type(error).__name__) from None
    return extract(data, path.name, limits)


def extract(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Read the bytes of a file called `name`; raises `DocumentError` only."""
    if len(data) > limits.max_bytes:
        raise DocumentError("too_large", _mib(len(data), limits.max_bytes))
    kind = detect_format(data, name)
    reader = _READERS[kind]
    try:
        pages = reader(data, limits)
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError("malformed", kind) from None
    except (MemoryError, ValueError, OSError, RuntimeError, LookupError, TypeError, EOFError):
        raise DocumentError("malformed", kind) from None
    if sum(len(page.text) for page in pages) > limits.max_chars:
        raise DocumentError("too_much_text", f"> {limits.max_chars}")
    if not any(page.text.strip() for page in pages):
        raise DocumentError("empty")
    return Extracted(kind, tuple(pages))


def detect_format(data: bytes, name: str) -> str:
    """The format by content where the content tells (PDF, zip), else by the file's suffix."""
    suffix = Path(name).suffix.lower()
    expected = SUFFIXES.get(suffix)
    head = data[:1024]
    if b"%PDF-" in head:
        if expected in (None, "pdf"):
            return "pdf"
        raise DocumentError("malformed", expected or "")
    if data.startswith(b"PK\x03\x04"):
        if expected in ("docx", "odt"):
            return expected
        if expected is None:
            return _zip_kind(data)
        raise DocumentError("malformed", expected)
    if expected is None:
        raise DocumentError("unsupported", f": {suffix}" if suffix else "")
    if expected in ("pdf", "docx", "odt"):
        if not data:
            raise DocumentError("empty")
        raise DocumentError("malformed", expected)
    return expected


def _mib(size: int, limit: int) -> str:
    return f"{size / MIB:.1f} MiB > {limit / MIB:.0f} MiB"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise DocumentError("unsupported", ": zip") from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        return "odt"
    raise DocumentError("unsupported", ": zip")


# --- PDF -----------------------------------------------------------------------------------

#: pdfium's load error for a missing or wrong password (FPDF_ERR_PASSWORD).
_PDFIUM_ERR_PASSWORD: Final = 4
#: Pages looked at for images when a PDF has no text at all (scanned or empty?).
_SCAN_PROBE_PAGES: Final = 5


def _read_pdf(data: bytes, limits: Limits) -> list[Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == _PDFIUM_ERR_PASSWORD:
            raise DocumentError("encrypted") from None
        raise DocumentError("malformed", "pdf") from None
    try:
        count = len(document)
        if count > limits.max_pages:
            raise DocumentError("too_many_pages", f"{count} > {limits.max_pages}")
        if count == 0:
            raise DocumentError("empty")
        pages: list[Page] = []
        chars = 0
        deadline = None if limits.max_seconds is None else time.monotonic() + limits.max_seconds
        for index in range(count):
            if deadline is not None and time.monotonic() > deadline:
                raise DocumentError("too_slow", f"{limits.max_seconds:g} s, {index}/{count}")
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            chars += len(text)
            if chars > limits.max_chars:
                raise DocumentError("too_much_text", f"> {limits.max_chars}")
            pages.append(Page(index + 1, _pdf_layout(text)))
        if not any(page.text.strip() for page in pages):
            for index in range(min(count, _SCAN_PROBE_PAGES)):
                page = document[index]
                try:
                    images = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)
                    if next(iter(images), None) is not None:
                        raise DocumentError("scanned")
                finally:
                    page.close()
            raise DocumentError("empty")
        return pages
    except pdfium.PdfiumError:
        raise DocumentError("malformed", "pdf") from None
    finally:
        document.close()


def _pdf_layout(text: str) -> str:
    # pdfium ends lines with CRLF and may leave NULs or form feeds; lines stay lines.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\f", "\n")


# --- zip + XML (DOCX, ODT) -----------------------------------------------------------------

_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _zip_member(data: bytes, member: str, kind: str, limits: Limits) -> bytes:
    """One member of a zip, read at most up to the unpacked limit (headers can lie)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > limits.max_zip_entries:
                raise DocumentError("zip_bomb", f"{len(infos)} > {limits.max_zip_entries}")
            claimed = sum(info.file_size for info in infos)
            if claimed > 4 * limits.max_unpacked_bytes:
                raise DocumentError("zip_bomb", _mib(claimed, 4 * limits.max_unpacked_bytes))
            try:
                info = archive.getinfo(member)
            except KeyError:
                raise DocumentError("malformed", kind) from None
            if info.file_size > limits.max_unpacked_bytes:
                raise DocumentError("zip_bomb", _mib(info.file_size, limits.max_unpacked_bytes))
            with archive.open(info) as stream:
                content = stream.read(limits.max_unpacked_bytes + 1)
    except DocumentError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        NotImplementedError,  # an unknown compression method
        RuntimeError,  # a password-protected zip
        EOFError,
        OSError,
        ValueError,
    ):
        raise DocumentError("malformed", kind) from None
    if len(content) > limits.max_unpacked_bytes:
        raise DocumentError("zip_bomb", f"> {limits.max_unpacked_bytes // MIB} MiB")
    return content


def _parse_xml(content: bytes, kind: str) -> ElementTree.Element:
    # Office files never carry a DTD; refusing one shuts out entity-expansion attacks.
    if _DOCTYPE.search(content[:4096]) or _DOCTYPE.search(content):
        raise DocumentError("malformed", kind)
    try:
        return ElementTree.fromstring(content)
    except ElementTree.ParseError:
        raise DocumentError("malformed", kind) from None


class _PageCollector:
    """Paragraphs gathered per page while walking a document tree."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.current: list[str] = []

    def text(self, value: str | None) -> None:
        if value:
            self.current.append(value)

    def end_paragraph(self) -> None:
        paragraph = "".join(self.current).strip()
        self.current = []
        if paragraph:
            self.pages[-1].append(paragraph)

    def page_break(self) -> None:
        self.end_paragraph()
        if self.pages[-1]:
            self.pages.append([])

    def result(self) -> list[Page]:
        self.end_paragraph()
        return [Page(i + 1, "\n\n".join(paras)) for i, paras in enumerate(self.pages)]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read_docx(data: bytes, limits: Limits) -> list[Page]:
    root = _parse_xml(_zip_member(data, "word/document.xml", "docx", limits), "docx")
    out = _PageCollector()
    paragraph, text, tab, br, rendered_break = (
        _W + "p",
        _W + "t",
        _W + "tab",
        _W + "br",
        _W + "lastRenderedPageBreak",
    )
    type_attr = _W + "type"

    def walk(element: ElementTree.Element) -> None:
        for child in element:
            tag = child.tag
            if tag == paragraph:
                out.end_paragraph()
                walk(child)
                out.end_paragraph()
            elif tag == text:
                out.text(child.text)
            elif tag == tab:
                out.text(" ")
            elif tag == br:
                if child.get(type_attr) == "page":
                    out.page_break()
                else:
                    out.text("\n")
            elif tag == rendered_break:
                out.page_break()
            else:
                walk(child)

    walk(root)
    return _limit_pages(out.result(), limits)


_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE_NS = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _read_odt(data: bytes, limits: Limits) -> list[Page]:
    root = _parse_xml(_zip_member(data, "content.xml", "odt", limits), "odt")
    out = _PageCollector()
    blocks = {_TEXT_NS + "p", _TEXT_NS + "h"}
    skipped = {_OFFICE_NS + "annotation", _TEXT_NS + "note", _TEXT_NS + "tracked-changes"}
    space, tab, line_break, soft_break = (
        _TEXT_NS + "s",
        _TEXT_NS + "tab",
        _TEXT_NS + "line-break",
        _TEXT_NS + "soft-page-break",
    )
    count_attr = _TEXT_NS + "c"

    def walk(element: ElementTree.Element, inside: bool) -> None:
        if inside:
            out.text(element.text)
        for child in element:
            tag = child.tag
            if tag in skipped:
                pass
            elif tag in blocks:
                out.end_paragraph()
                walk(child, True)
                out.end_paragraph()
            elif tag == space:
                out.text(" " * min(int(child.get(count_attr, "1") or 1), 100))
            elif tag == tab:
                out.text(" ")
            elif tag == line_break:
                out.text("\n")
            elif tag == soft_break:
                out.page_break()
            else:
                walk(child, inside)
            if inside:
                out.text(child.tail)

    walk(root, False)
    return _limit_pages(out.result(), limits)


def _limit_pages(pages: list[Page], limits: Limits) -> list[Page]:
    if len(pages) > limits.max_pages:
        raise DocumentError("too_many_pages", f"{len(pages)} > {limits.max_pages}")
    return pages


# --- HTML and plain text -------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: a BOM wins, then a declared charset, then UTF-8, then Windows-1252.

    Dutch office files saved on Windows are the usual non-UTF-8 case; cp1252 decodes every
    byte (undefined ones become U+FFFD), so the fallback never fails.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if declared:
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
    if declared and codecs.lookup(declared).name not in ("utf-8", "ascii"):
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _looks_binary(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 20)


def _read_txt(data: bytes, limits: Limits) -> list[Page]:
    if _looks_binary(data):
        raise DocumentError("binary")
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\f")
    pages = [Page(i + 1, part.strip("\n")) for i, part in enumerate(parts)]
    return _limit_pages(pages, limits)


class _HtmlText(HTMLParser):
    """Visible text of an HTML page, with blank lines around block elements."""

    BLOCKS: Final = frozenset(
        [
            "p",
            "div",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "article",
            "header",
            "footer",
            "main",
            "aside",
            "table",
            "tr",
            "td",
            "th",
            "blockquote",
            "pre",
            "dt",
            "dd",
            "dl",
            "figcaption",
            "address",
            "nav",
            "form",
            "hr",
        ]
    )
    HIDDEN: Final = frozenset(["script", "style", "noscript", "template", "head", "title", "svg"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def _read_html(data: bytes, limits: Limits) -> list[Page]:
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DocumentError("binary")
    match = _META_CHARSET.search(data[:4096])
    text = decode_text(data, match.group(1).decode("ascii") if match else None)
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    joined = "".join(parser.parts)
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n", joined)]
    return [Page(1, "\n\n".join(p for p in paragraphs if p))]


_READERS: Final[dict[str, Callable[[bytes, Limits], list[Page]]]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "odt": _read_odt,
    "html": _read_html,
    "txt": _read_txt,
}
