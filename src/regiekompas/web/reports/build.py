"""PDF reports per gemeente and per region, from the results pages' own sections.

A report is HTML rendered by WeasyPrint (docs/reports.md). Its body is the same section
builders (`results.gemeente.build_gemeente_page`, `results.overview.overview_sections`) and
the same section templates (`results/sections/*.html`) as the results pages, fed with one
`Results` document, so every figure in a PDF is the figure on the page. Around them the
print template adds a cover, a table of contents with page numbers (CSS paged media) and an
appendix on method and privacy.

Nothing here reads a request or the database: the web task (`reports/tasks.py`) and the
command line (`regiekompas rapport`) both hand in a `ReportInput`. Who may see what is
decided before: `gemeenten` lists only the gemeenten the reader may see, `facilitator` says
whether facilitator-only sections (region advice naming each gemeente's position) belong in
it, and `quotes` are free text already filtered by the k-rule (`results/quotes.py`).

The PDF is tagged PDF/UA-1 (`pdf_variant="pdf/ua-1"`): `<html lang>`, a `<title>` shown as
the window title, headings, table headers, and every chart an `<svg role="img">` with its
`<title>` as the figure's alternative text (`core/charts`).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regiekompas.core.instrument import Instrument
from regiekompas.core.model import Model, load_model
from regiekompas.core.model.bands import load_bands
from regiekompas.web.results.advice import gemeente_advice
from regiekompas.web.results.formatting import number
from regiekompas.web.results.gemeente import build_gemeente_page
from regiekompas.web.results.overview import overview_sections
from regiekompas.web.results.quotes import Quotes
from regiekompas.web.results.service import Results

__all__ = [
    "ReportInput",
    "gemeente_report_html",
    "region_report_html",
    "render_pdf",
]

STYLESHEET: Final = Path(__file__).parent / "static" / "reports" / "print.css"

_HEADING = re.compile(r"<h([12])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class ReportInput:
    """Everything a report shows, decided before rendering (see the module docstring)."""

    results: Results
    scan_name: str
    region_name: str
    #: (code, name) of the gemeenten the reader may see, in the order of the report.
    gemeenten: list[tuple[str, str]]
    #: The scan's transities in the model's order.
    transities: list[str]
    instrument: Instrument
    k: int
    facilitator: bool = False
    #: Free text per gemeente code, filtered by the k-rule; a gemeente missing here shows
    #: the section's sentence that no text can be shown.
    quotes: Mapping[str, Quotes] = field(default_factory=dict)
    #: One sentence on where the figures come from (a published snapshot, import files).
    source: str = ""
    #: The policy documents' summary per gemeente code (`documents.summary.GemeenteAmbition`)
    #: for the gemeente page's documents section; none on the command line.
    documents: Mapping[str, Any] = field(default_factory=dict)
    #: The regie cycle per gemeente code (`results.cycle_sections.CycleSection`: targets,
    #: agenda, trend), without links; none on the command line.
    cycle: Mapping[str, Any] = field(default_factory=dict)
    #: The region's movement since the previous round (`cycle_sections.RegionMovement`).
    movement: Any = None


@dataclass(frozen=True)
class TocEntry:
    id: str
    title: str
    level: int


def _toc(fragment: str, levels: tuple[int, ...]) -> list[TocEntry]:
    """Headings with an id in `fragment` (h1, h2) as table-of-contents entries."""
    return [
        TocEntry(id=m.group(2), title=html.unescape(_TAG.sub("", m.group(3))).strip(), level=lvl)
        for m in _HEADING.finditer(fragment)
        if (lvl := int(m.group(1))) in levels
    ]


def _context(inp: ReportInput, lang: str) -> dict[str, Any]:
    settings_used = inp.results.settings
    return {
        "lang": lang,
        "k": inp.k,
        "scan_name": inp.scan_name,
        "region": {"name": inp.region_name},
        "settings_used": settings_used,
        "snapshot": inp.results.snapshot,
        "source": inp.source,
        "made_on": date.today(),
    }


def _gemeente_chapter(
    inp: ReportInput, gemeente: str, name: str, model: Model, lang: str, *, heading: bool
) -> str:
    documents = inp.documents.get(gemeente)
    page = build_gemeente_page(
        inp.results,
        scan_pk=None,
        gemeente=gemeente,
        gemeente_name=name,
        transities=inp.transities,
        model=model,
        instrument=inp.instrument,
        lang=lang,
        quotes=inp.quotes.get(gemeente, Quotes()),
        advice=gemeente_advice(inp.results.advice, lang, gemeente),
        documents=documents.ambition if documents else None,
    )
    return render_to_string(
        "reports/_gemeente.html",
        {
            **_context(inp, lang),
            "page": page,
            "gemeente_name": name,
            "gemeente_code": gemeente,
            "documents": documents,
            "cycle": inp.cycle.get(gemeente),
            "heading": heading,
        },
    )


#: The bands the report's sections name, in the order they appear.
_BANDED: Final = ("kloof", "spraakverwarring", "conditie")


def _band_rows(lang: str) -> list[tuple[str, str]]:
    """(measure, "laag: below 0,10; midden: 0,10 to 0,25; hoog: 0,25 and above") per band."""
    bands = load_bands()
    rows = []
    for code in _BANDED:
        try:
            band = bands[code]
        except KeyError:
            continue
        digits = 0 if code == "conditie" else 2
        bounds = [number(b, digits) for b in band.bounds]
        parts = []
        for i, label in enumerate(band.labels):
            word = label.get(lang)
            if i == 0:
                parts.append(_("%(band)s: below %(high)s") % {"band": word, "high": bounds[0]})
            elif i == len(bounds):
                parts.append(_("%(band)s: %(low)s and above") % {"band": word, "low": bounds[-1]})
            else:
                parts.append(
                    _("%(band)s: %(low)s to %(high)s")
                    % {"band": word, "low": bounds[i - 1], "high": bounds[i]}
                )
        rows.append((band.name.get(lang), "; ".join(parts)))
    return rows


def _appendix(inp: ReportInput, lang: str) -> str:
    return render_to_string(
        "reports/_appendix.html", {**_context(inp, lang), "bands": _band_rows(lang)}
    )


#: Table-of-contents levels of a chapter: a whole chapter with its sections, or its title.
WITH_SECTIONS: Final[tuple[int, ...]] = (1, 2)
TITLE_ONLY: Final[tuple[int, ...]] = (1,)
Chapter = tuple[str, tuple[int, ...]]


def _document(
    inp: ReportInput, lang: str, *, title: str, subtitle: str, chapters: list[Chapter]
) -> str:
    """The whole report: cover, table of contents and the chapters (html, toc levels)."""
    body = mark_safe("\n".join(html for html, _levels in chapters))  # rendered templates
    toc = [entry for chapter, levels in chapters for entry in _toc(chapter, levels)]
    return render_to_string(
        "reports/report.html",
        {**_context(inp, lang), "title": title, "subtitle": subtitle, "toc": toc, "body": body},
    )


def gemeente_report_html(inp: ReportInput, gemeente: str, lang: str) -> str:
    """The HTML of the report of one gemeente (which must be among `inp.gemeenten`)."""
    names = dict(inp.gemeenten)
    if gemeente not in names:
        raise KeyError(gemeente)
    model = load_model()
    with translation.override(lang):
        chapters: list[Chapter] = [
            (
                _gemeente_chapter(inp, gemeente, names[gemeente], model, lang, heading=False),
                WITH_SECTIONS,
            ),
            (_appendix(inp, lang), WITH_SECTIONS),
        ]
        return _document(
            inp,
            lang,
            title=names[gemeente],
            subtitle=_("Results of %(scan)s") % {"scan": inp.scan_name},
            chapters=chapters,
        )


def region_report_html(inp: ReportInput, lang: str) -> str:
    """The HTML of the region report: the overview, then a chapter per visible gemeente."""
    model = load_model()
    with translation.override(lang):
        overview = overview_sections(
            inp.results,
            inp.gemeenten,
            inp.transities,
            model,
            lang,
            facilitator=inp.facilitator,
        )
        region = render_to_string(
            "reports/_region.html",
            {**_context(inp, lang), "page": overview, "movement": inp.movement},
        )
        # The region and the appendix with their sections; a gemeente by its name only.
        chapters: list[Chapter] = [(region, WITH_SECTIONS)]
        chapters.extend(
            (_gemeente_chapter(inp, code, name, model, lang, heading=True), TITLE_ONLY)
            for code, name in inp.gemeenten
        )
        chapters.append((_appendix(inp, lang), WITH_SECTIONS))
        return _document(
            inp,
            lang,
            title=inp.region_name,
            subtitle=_("Results of %(scan)s") % {"scan": inp.scan_name},
            chapters=chapters,
        )


@functools.cache
def _stylesheet() -> Any:
    from weasyprint import CSS

    return CSS(filename=str(STYLESHEET))


def render_pdf(document: str | SafeString) -> bytes:
    """The tagged PDF/UA-1 of a report's HTML."""
    from weasyprint import HTML

    pdf = HTML(string=str(document), base_url=str(STYLESHEET.parent)).write_pdf(
        stylesheets=[_stylesheet()],
        pdf_variant="pdf/ua-1",
        uncompressed_pdf=False,
    )
    if pdf is None:  # pragma: no cover - only without a target WeasyPrint returns bytes
        raise RuntimeError("WeasyPrint wrote no PDF")
    return bytes(pdf)
