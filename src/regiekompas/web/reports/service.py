"""A scan's report input as one reader may see it (web): the bridge from the ORM to `build`.

Access is the results pages' (`accounts.access.results_access`): a facilitator gets every
gemeente and the facilitator-only sections, a gemeente viewer their own gemeente(n) and the
regional aggregates. Only a published snapshot is ever reported (product.md §6): without
one `scan_results` raises `NotPublished`.
"""

from __future__ import annotations

from regiekompas.core.model import load_model
from regiekompas.web.accounts.access import ResultsAccess
from regiekompas.web.documents.summary import gemeente_ambition
from regiekompas.web.reports.build import ReportInput
from regiekompas.web.results.cycle_sections import gemeente_cycle, region_movement
from regiekompas.web.results.overview import scan_transities, visible_gemeenten
from regiekompas.web.results.quotes import Quotes, gemeente_quotes
from regiekompas.web.results.service import scan_results


def report_input(access: ResultsAccess, lang: str, *, gemeente: str | None = None) -> ReportInput:
    """What the reader's report of the scan (one `gemeente`, or the region) shows."""
    scan = access.scan
    results = scan_results(scan, lang)  # NotPublished without a published snapshot
    gemeenten = visible_gemeenten(access, scan.region.gemeente_names(), results)
    instrument = scan.instrument()
    names = dict(gemeenten)
    wanted = [gemeente] if gemeente is not None else list(names)
    quotes: dict[str, Quotes] = {
        code: gemeente_quotes(scan, code, names[code], instrument, lang, snapshot=results.snapshot)
        for code in wanted
        if code in names
    }
    model = load_model()
    documents = {
        code: summary
        for code in wanted
        if code in names
        and (summary := gemeente_ambition(scan.region_id, code, model, lang)) is not None
    }
    cycle = {
        code: gemeente_cycle(scan, code, results.document, model, lang, links=False)
        for code in wanted
        if code in names
    }
    return ReportInput(
        results=results,
        scan_name=scan.name,
        region_name=scan.region.name,
        gemeenten=gemeenten,
        transities=scan_transities(list(scan.transities), model),
        instrument=instrument,
        k=scan.k,
        facilitator=access.is_facilitator,
        quotes=quotes,
        documents=documents,
        cycle=cycle,
        movement=region_movement(scan, results.document, gemeenten, model, lang)
        if gemeente is None
        else None,
    )
