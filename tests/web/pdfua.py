"""A structural check of a PDF's tag tree against the machine-checkable parts of PDF/UA-1.

veraPDF (the reference PDF/UA validator) is a Java program distributed outside the package
registries this project can use, so the reports are checked with this documented subset of
the Matterhorn Protocol's machine checks instead (docs/reports.md). It reads the PDF with
pikepdf and reports, as sentences:

- document: `MarkInfo/Marked` true (01-004); a `StructTreeRoot` with children (01-001);
  `Lang` on the catalog (11-006); a title in the metadata shown as window title
  (`ViewerPreferences/DisplayDocTitle` true, 06-003, 07-001); the XMP `pdfuaid:part` 1
  (06-002);
- structure: every `Figure` has a non-empty `Alt` (13-004); every `Table` has at least one
  `TH` (15-00x: header cells); headings start at `H1` and never skip a level going down
  (14-002, 14-003);
- pages: every page with annotations has `Tabs` = `S` (structure order, 28-002); every
  `Link` annotation has a `StructParent` (28-011, tagged);
- fonts: every font used on a page is embedded (31-001 … 31-009: a `FontFile`, `FontFile2`
  or `FontFile3` in its descriptor or its descendant's).

It cannot judge what a human must: whether an alternative text says the right thing, or
whether the reading order makes sense — for that the report's pages were looked at.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pikepdf

_HEADING = re.compile(r"^/H([1-6])$")


def _children(node: Any) -> Iterator[pikepdf.Dictionary]:
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else node
    if kids is None:
        return
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                yield kid
    elif isinstance(kids, pikepdf.Dictionary) and "/S" in kids:
        yield kids


def _walk(node: Any) -> Iterator[pikepdf.Dictionary]:
    for kid in _children(node):
        yield kid
        yield from _walk(kid)


def _embedded(font: pikepdf.Dictionary) -> bool:
    fonts = [font]
    for descendant in font.get("/DescendantFonts", []):
        fonts.append(descendant)
    for f in fonts:
        descriptor = f.get("/FontDescriptor")
        if descriptor is not None and any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            return True
    return font.get("/Subtype") == "/Type3"  # glyphs drawn by the PDF itself


def problems(data: bytes) -> list[str]:
    """Every violation found of the checks in the module docstring (empty: all pass)."""
    out: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        mark = root.get("/MarkInfo")
        if mark is None or not bool(mark.get("/Marked", False)):
            out.append("MarkInfo/Marked is not true")
        tree = root.get("/StructTreeRoot")
        if tree is None or not list(_children(tree)):
            out.append("no structure tree")
            tree = None
        if not str(root.get("/Lang", "")).strip():
            out.append("no document language (Lang)")
        prefs = root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            out.append("ViewerPreferences/DisplayDocTitle is not true")
        if not str(pdf.docinfo.get("/Title", "")).strip():
            out.append("no document title")
        metadata = root.get("/Metadata")
        xmp = metadata.read_bytes().decode("utf-8", "replace") if metadata is not None else ""
        if not re.search(r"pdfuaid:part(>|=\")\s*1", xmp):
            out.append("XMP metadata does not claim PDF/UA-1 (pdfuaid:part)")

        if tree is not None:
            level = 0
            for node in _walk(tree):
                kind = str(node.get("/S"))
                if kind == "/Figure" and not str(node.get("/Alt", "")).strip():
                    out.append("a Figure without alternative text (Alt)")
                if kind == "/Table" and not any(str(n.get("/S")) == "/TH" for n in _walk(node)):
                    out.append("a Table without header cells (TH)")
                heading = _HEADING.match(kind)
                if heading:
                    new = int(heading.group(1))
                    if level == 0 and new != 1:
                        out.append(f"the first heading is H{new}, not H1")
                    elif new > level + 1 and level:
                        out.append(f"heading level skipped: H{level} to H{new}")
                    level = new

        for number, page in enumerate(pdf.pages, 1):
            annots = page.obj.get("/Annots") or []
            if len(annots) and str(page.obj.get("/Tabs", "")) != "/S":
                out.append(f"page {number}: annotations but Tabs is not S")
            for annot in annots:
                if str(annot.get("/Subtype")) == "/Link" and "/StructParent" not in annot:
                    out.append(f"page {number}: a link annotation outside the structure tree")
            resources = page.obj.get("/Resources", {})
            for name, font in (resources.get("/Font") or {}).items():
                if not _embedded(font):
                    out.append(f"page {number}: font {name} is not embedded")
    return sorted(set(out))
