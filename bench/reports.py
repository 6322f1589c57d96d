"""Benchmark: PDF reports of a gemeente and of a region of 14 gemeenten, next to a floor.

The targets (issue 11): a gemeente PDF in at most 1 s and a region PDF (14 gemeenten) in at
most 10 s of worker time. Worker time is the CPU time of this process (`time.process_time`)
for what the background task does once the results are computed: build the sections from
the results document, render the templates and lay out the tagged PDF with WeasyPrint. The
results themselves are computed when a snapshot is published, not per report, so they are
computed once here, before the clock starts.

The floor is WeasyPrint laying out a plain HTML document of two A4 pages of text (no
stylesheet, no tagging) in the same process, measured the same way, interleaved with the
reports so that a busy machine slows both alike. Each case runs once to warm up (fonts,
templates: a worker process is long-lived), then `--repeat` times; the table shows the
median, and the ratio to the floor's median.

    python bench/reports.py              # the demo region Twente: 14 gemeenten
    python bench/reports.py --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import pypdfium2

from regiekompas.web.reports.standalone import configure

configure()

from regiekompas.core.analysis import Settings  # noqa: E402
from regiekompas.core.instrument import load_instrument  # noqa: E402
from regiekompas.core.model import load_model  # noqa: E402
from regiekompas.core.simulate import SimulationParams, simulate_region  # noqa: E402
from regiekompas.web.reports.build import (  # noqa: E402
    ReportInput,
    gemeente_report_html,
    region_report_html,
    render_pdf,
)
from regiekompas.web.results.overview import scan_transities  # noqa: E402
from regiekompas.web.results.service import dataset_results  # noqa: E402

PARAGRAPH = (
    "Regie in het sociaal domein vraagt om afspraken tussen gemeenten, zorgverzekeraars en "
    "aanbieders over wie wat doet, wanneer en met welk doel. Deze alinea is vultekst voor de "
    "ondergrens van de meting: gewone tekst zonder opmaak, tabellen of figuren. "
)


def floor_html() -> str:
    """A plain HTML document that WeasyPrint lays out on exactly two A4 pages."""
    body = "".join(f"<p>{PARAGRAPH * 3}</p>" for _ in range(7))
    head = "<!DOCTYPE html><html lang='nl'><head><title>Vloer</title></head>"
    return f"{head}<body>{body}</body></html>"


def pages(data: bytes) -> int:
    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def measure(fn: Callable[[], bytes]) -> tuple[float, float, bytes]:
    cpu, wall = time.process_time(), time.perf_counter()
    data = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gemeenten", type=int, default=14)
    parser.add_argument("--respondenten", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    args = parser.parse_args()

    from weasyprint import HTML

    region = simulate_region(
        SimulationParams(gemeenten=args.gemeenten, respondenten=args.respondenten, seed=2026)
    )
    dataset = region.dataset
    results = dataset_results(dataset, Settings(k=5, bootstrap=1000, seed=0), args.lang)
    names = dataset.naam_of()
    inp = ReportInput(
        results=results,
        scan_name="Regiescan 2026",
        region_name="Twente",
        gemeenten=sorted(names.items(), key=lambda item: (item[1].casefold(), item[0])),
        transities=scan_transities(list(dataset.responses.transities), load_model()),
        instrument=load_instrument(),
        k=5,
        facilitator=True,
    )
    gemeente = inp.gemeenten[0][0]
    lang = args.lang
    cases: dict[str, Callable[[], bytes]] = {
        "floor: plain 2-page HTML": lambda: HTML(string=floor_html()).write_pdf(),
        f"gemeente PDF ({names[gemeente]})": lambda: render_pdf(
            gemeente_report_html(inp, gemeente, lang)
        ),
        f"region PDF ({len(names)} gemeenten)": lambda: render_pdf(region_report_html(inp, lang)),
    }
    targets = {1: "≤ 1 s", 2: "≤ 10 s"}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    wall: dict[str, list[float]] = {name: [] for name in cases}
    cold: dict[str, float] = {}
    page_count: dict[str, int] = {}
    for run in range(args.repeat + 1):
        for name, fn in cases.items():
            c, w, data = measure(fn)
            if run == 0:
                cold[name] = c
                page_count[name] = pages(data)
            else:
                cpu[name].append(c)
                wall[name].append(w)
    floor = statistics.median(cpu["floor: plain 2-page HTML"])
    print(
        f"PDF reports, {args.repeat} runs after a warm-up, median CPU time of this process "
        f"(language {lang})"
    )
    print()
    print("| case | pages | CPU s | wall s | first run CPU s | × floor | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for i, name in enumerate(cases):
        c = statistics.median(cpu[name])
        w = statistics.median(wall[name])
        print(
            f"| {name} | {page_count[name]} | {c:.2f} | {w:.2f} | {cold[name]:.2f} | "
            f"{c / floor:.1f} | {targets.get(i, '')} |"
        )


if __name__ == "__main__":
    main()
