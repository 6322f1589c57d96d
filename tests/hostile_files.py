"""Hostile and careless import files, built in memory: bombs, NUL, long values, encodings.

Shared by the core limit tests, the web fuzz suite and `bench/upload_memory.py`, so every
upload path is tried with the same files. Each maker returns (file name, bytes).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

# ruff: noqa: E501 (the XML parts of a workbook are clearer on one line each)

LONG_HEADER = "respondent_id,groep,organisatie,gemeente_code,transitie,perspectief,item,antwoord"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="antwoorden" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _header_row() -> str:
    cells = "".join(_cell(f"{chr(65 + i)}1", name) for i, name in enumerate(LONG_HEADER.split(",")))
    return f'<row r="1">{cells}</row>'


def _workbook(sheet_rows: str | bytes, shared: str | bytes = "", extra: str = "") -> bytes:
    """A minimal XLSX whose one sheet has `sheet_rows` and whose shared strings are `shared`."""
    if isinstance(sheet_rows, str):
        sheet_rows = sheet_rows.encode()
    if isinstance(shared, str):
        shared = shared.encode()
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?>{extra}<worksheet xmlns="{_MAIN}"><sheetData>'.encode()
        + sheet_rows
        + b"</sheetData></worksheet>"
    )
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">'.encode() + shared + b"</sst>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", strings)
    return buffer.getvalue()


def huge_shared_string(megabytes: int = 64) -> tuple[str, bytes]:
    """One shared string of `megabytes` MB (about 1/1000 of that compressed)."""
    text = b"A" * (megabytes * 1024 * 1024)
    row = '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    return "gedeelde-tekst.xlsx", _workbook(_header_row() + row, b"<si><t>" + text + b"</t></si>")


def many_shared_strings(count: int = 600_000) -> tuple[str, bytes]:
    """`count` distinct tiny shared strings."""
    shared = "".join(f"<si><t>{i}</t></si>" for i in range(count))
    return "veel-teksten.xlsx", _workbook(_header_row(), shared)


def sheet_zip_bomb(megabytes: int = 150) -> tuple[str, bytes]:
    """A worksheet padded with `megabytes` MB of whitespace: a compression ratio of ~1000."""
    padding = b" " * (megabytes * 1024 * 1024)
    return "zip-bom.xlsx", _workbook(_header_row().encode() + padding)


def many_rows_xlsx(rows: int = 1_100_000) -> tuple[str, bytes]:
    """Long-format rows that compress well: a million rows in a few megabytes."""
    body = "".join(
        f'<row r="{r}">{_cell(f"A{r}", "R1")}{_cell(f"B{r}", "gemeente")}</row>'
        for r in range(2, rows + 2)
    )
    return "veel-rijen.xlsx", _workbook(_header_row() + body)


def xml_entity_bomb() -> tuple[str, bytes]:
    """The classic 'billion laughs' entity expansion in the shared strings."""
    dtd = (
        '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + "]>"
    )
    row = '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    data = _workbook(_header_row() + row, "<si><t>&i;</t></si>")
    # Put the DTD right after the XML declaration of the shared strings part.
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/sharedStrings.xml":
                content = content.replace(b"?><sst", b"?>" + dtd.encode() + b"<sst", 1)
            target.writestr(info.filename, content)
    return "entiteiten.xlsx", buffer.getvalue()


def csv_many_rows(rows: int = 1_100_000) -> tuple[str, bytes]:
    lines = [LONG_HEADER] + ["R1,gemeente,,GM0153,jeugd,praktijk,cc1,3"] * rows
    return "veel-rijen.csv", ("\n".join(lines) + "\n").encode()


def csv_one_long_line(megabytes: int = 15) -> tuple[str, bytes]:
    return "lange-regel.csv", (LONG_HEADER + "\n" + "x" * (megabytes * 1024 * 1024)).encode()


def csv_nul() -> tuple[str, bytes]:
    body = "R1,gemeente,Org\x00aan,GM0153,jeugd,praktijk,cc1,3\n"
    return "nul.csv", (LONG_HEADER + "\n" + body).encode()


def csv_long_values() -> tuple[str, bytes]:
    body = f"{'R' * 65},gemeente,{'O' * 201},GM0153,jeugd,praktijk,cc1,3\n"
    return "lang.csv", (LONG_HEADER + "\n" + body).encode()


def csv_utf16() -> tuple[str, bytes]:
    text = LONG_HEADER + "\nR1,gemeente,Zorg & Co,GM0153,jeugd,praktijk,cc1,3\n"
    return "utf16.csv", text.encode("utf-16")


def csv_cp1252() -> tuple[str, bytes]:
    text = LONG_HEADER + "\nR1,gemeente,Zorg café,GM0153,jeugd,praktijk,cc1,3\n"
    return "cp1252.csv", text.encode("cp1252")


def header_only_organisaties() -> tuple[str, bytes]:
    return "organisaties.csv", b"organisatie,type\n"


def organisaties_long_name() -> tuple[str, bytes]:
    return "organisaties.csv", ("organisatie,type\n" + "O" * 201 + ",aanbieder\n").encode()


def organisaties_nul() -> tuple[str, bytes]:
    return "organisaties.csv", b"organisatie,type\nZorg\x00 BV,aanbieder\n"


#: Crafted files every upload path is tried with (small enough for the test suite).
CRAFTED: dict[str, Callable[[], tuple[str, bytes]]] = {
    "huge_shared_string": lambda: huge_shared_string(40),
    "many_shared_strings": lambda: many_shared_strings(600_000),
    "sheet_zip_bomb": lambda: sheet_zip_bomb(20),
    "xml_entity_bomb": xml_entity_bomb,
    "csv_one_long_line": lambda: csv_one_long_line(1),
    "csv_nul": csv_nul,
    "csv_long_values": csv_long_values,
    "csv_utf16": csv_utf16,
    "csv_cp1252": csv_cp1252,
    "header_only_organisaties": header_only_organisaties,
    "organisaties_long_name": organisaties_long_name,
    "organisaties_nul": organisaties_nul,
}
