"""Benchmark: the terminal summary of a simulated national scan, next to the analysis itself.

The scan is what `regiekompas simulate OUT --gemeenten 342` writes (342 gemeenten, 40
respondents each, 25 regions), analysed with advice as `regiekompas analyse` does (B = 1000).
The baseline is that analysis; next to it, the time and the number of lines of the terminal
summary by default and with `--details`, rendered at a width of 100 columns into memory (so
the terminal's own speed does not count). The ratio is each step's time over the analysis.

    python bench/terminal_summary.py                 # the national scan (about a minute)
    python bench/terminal_summary.py --gemeenten 40  # a quicker look
"""

from __future__ import annotations

import argparse
import io
import time

from rich.console import Console

from regiekompas.cli.summary import render
from regiekompas.core.analysis import Settings
from regiekompas.core.model import load_model
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.core.simulate import SimulationParams, simulate_region


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gemeenten", type=int, default=342)
    parser.add_argument("--respondenten", type=int, default=40)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--width", type=int, default=100)
    args = parser.parse_args()

    region = simulate_region(
        SimulationParams(gemeenten=args.gemeenten, respondenten=args.respondenten)
    )
    start = time.perf_counter()
    document, advice = analyse_with_advice(
        region.dataset, settings=Settings(bootstrap=args.bootstrap)
    )
    analysis = time.perf_counter() - start
    model, names = load_model(), region.dataset.naam_of()

    rows: list[tuple[str, float, int | None]] = [
        ("analysis with advice (baseline)", analysis, None)
    ]
    for details in (False, True):
        buffer = io.StringIO()
        console = Console(file=buffer, width=args.width, color_system=None)
        start = time.perf_counter()
        render(document, advice, model, names, "nl", console, details=details)
        took = time.perf_counter() - start
        lines = buffer.getvalue().count("\n")
        name = "summary --details" if details else "summary (default)"
        rows.append((name, took, lines))

    print(
        f"{args.gemeenten} gemeenten, {len(advice)} advice items, "
        f"{len(document['cellen'])} cells, width {args.width}"
    )
    print(f"| {'step':<31} | {'wall time (s)':>13} | {'lines':>6} | {'vs analysis':>11} |")
    print(f"|{'-' * 33}|{'-' * 14}:|{'-' * 7}:|{'-' * 12}:|")
    for name, took, count in rows:
        shown = "" if count is None else str(count)
        print(f"| {name:<31} | {took:>13.2f} | {shown:>6} | {took / analysis:>10.2f}× |")


if __name__ == "__main__":
    main()
