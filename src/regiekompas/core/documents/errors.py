"""Why a document could not be read, in Dutch and English, named by a stable code.

A batch of hundreds of files must never stop at one bad file: every reader raises
`DocumentError` (never anything else) and the batch turns it into one line per file. The codes
are stable so the web layer and tests can react to them; the texts say what the user can do
(docs/documents.md, "Limits").
"""

from __future__ import annotations

from typing import Final

from regiekompas.core.text import Text

#: code → text; `{detail}` is filled in where a reader knows more (a limit, a page count).
MESSAGES: Final[dict[str, Text]] = {
    "not_found": Text(
        "bestand niet gevonden of niet leesbaar ({detail})",
        "file not found or not readable ({detail})",
    ),
    "unsupported": Text(
        "bestandstype niet ondersteund (alleen PDF, DOCX, ODT, HTML en TXT){detail}",
        "file type not supported (only PDF, DOCX, ODT, HTML and TXT){detail}",
    ),
    "too_large": Text(
        "bestand te groot ({detail}); splits het document of verklein het",
        "file too large ({detail}); split or shrink the document",
    ),
    "too_much_text": Text(
        "te veel tekst ({detail} tekens); splits het document",
        "too much text ({detail} characters); split the document",
    ),
    "too_slow": Text(
        "het lezen duurde te lang ({detail} pagina's); splits het document",
        "reading took too long ({detail} pages); split the document",
    ),
    "too_many_pages": Text(
        "te veel pagina's ({detail})",
        "too many pages ({detail})",
    ),
    "zip_bomb": Text(
        "uitgepakt te groot of te veel onderdelen ({detail}); mogelijk een zip-bom",
        "too large when unpacked or too many parts ({detail}); possibly a zip bomb",
    ),
    "encrypted": Text(
        "het PDF-bestand is met een wachtwoord beveiligd; sla het op zonder beveiliging",
        "the PDF is password-protected; save it without protection",
    ),
    "scanned": Text(
        "geen tekstlaag gevonden (gescand document?); maak er eerst doorzoekbare tekst van (OCR)",
        "no text layer found (a scanned document?); run text recognition (OCR) first",
    ),
    "empty": Text(
        "het document bevat geen tekst",
        "the document contains no text",
    ),
    "malformed": Text(
        "het bestand is beschadigd of geen geldig {detail}",
        "the file is damaged or not a valid {detail}",
    ),
    "binary": Text(
        "dit lijkt geen tekstbestand (binaire inhoud)",
        "this does not look like a text file (binary content)",
    ),
    "crashed": Text(
        "het verwerken van dit bestand brak af; het is overgeslagen",
        "processing this file broke off; it was skipped",
    ),
}


#: What `malformed` says the file is not, by format code.
FORMAT_NAMES: Final[dict[str, Text]] = {
    "pdf": Text("PDF-bestand", "PDF file"),
    "docx": Text("DOCX-bestand", "DOCX file"),
    "odt": Text("ODT-bestand", "ODT file"),
    "html": Text("HTML-bestand", "HTML file"),
    "txt": Text("tekstbestand", "text file"),
    "": Text("document", "document"),
}


class DocumentError(Exception):
    """A file that cannot be read as a policy document; `code` is one of `MESSAGES`."""

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in MESSAGES:
            raise ValueError(f"unknown document error code {code!r}")
        self.code = code
        self.detail = detail
        super().__init__(self.text("en"))

    def text(self, lang: str = "nl") -> str:
        detail = self.detail
        if self.code == "malformed":
            detail = FORMAT_NAMES.get(detail, FORMAT_NAMES[""]).get(lang)
        return MESSAGES[self.code].format(lang, detail=detail)
