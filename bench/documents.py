"""Benchmark: policy documents placed per second, next to pypdfium2 extracting alone (the floor).

The corpus: generated multi-page PDFs in the style of a beleidsplan (headings, paragraphs,
lists; sentences with and without lexicon signals, traps and negations), written with the
project's own minimal PDF writer. Each page is a full A4 page of text (about 450 words).

"Ours" is everything `regiekompas documenten` does per file: read the PDF (pypdfium2), split
Dutch sentences, lemmatise, mark negation and modality, place every sentence with the default
method, then the document and gemeente scores with their bootstrap CIs. "Floor" is pypdfium2
opening the same files and extracting every page's text, nothing else — no pipeline can be
faster than its extraction. Both run one file after another in a fresh process (one core),
so pages/s is per core; CPU time (not wall time) is the measure, because the machine is
shared. Each process reports its peak RSS: the memory one worker needs.

    python bench/documents.py                  # 60 documents × 25 pages, default method
    python bench/documents.py --methode alle   # every method, next to the same floor
    python bench/documents.py --docs 10        # a quicker look
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIGNALS = [
    "Samen met aanbieders en de zorgverzekeraar stellen wij de inhoudelijke kaders vast.",
    "De gemeente stelt de financiële kaders vast en controleert de naleving van de afspraken.",
    "Er komt één toegang voor alle inwoners via het sociaal wijkteam in de wijk.",
    "Aanbieders blijven zelfstandige organisaties en maken onderling afspraken over overdracht.",
    "Medewerkers van aanbieders worden gedetacheerd in het generalistisch team.",
    "Wij willen sturen op resultaten; aanbieders leggen elk kwartaal verantwoording af.",
    "De jeugdhulp wordt regionaal ingekocht via de centrumgemeente.",
    "De inwoner staat centraal in alles wat wij doen.",
    "Er komt geen centrale toegang; inwoners melden zich bij de aanbieder van hun keuze.",
    "Wij werken samen met andere gemeenten in de regio aan een gezonde leefomgeving.",
    "Nu heeft elke aanbieder nog een eigen intake en een eigen dossier.",
    "In een gelijkwaardig partnerschap bepalen gemeente en aanbieders samen het budget.",
]
FILLER = [
    "In 2026 is voor de uitvoering van dit plan een budget van 4,2 miljoen euro beschikbaar.",
    "Het aantal jongeren met een vorm van jeugdhulp steeg in de afgelopen jaren licht.",
    "De raad wordt gevraagd in te stemmen met de uitgangspunten van deze nota.",
    "Uit de monitor blijkt dat een op de tien ouderen zich regelmatig eenzaam voelt.",
    "De planning van de uitvoering staat in bijlage 2, o.a. met de mijlpalen per kwartaal.",
    "Preventie en vroegsignalering krijgen de komende jaren bijzondere aandacht.",
    "De wachttijden voor begeleiding zijn in het tweede halfjaar bijv. sterk teruggelopen.",
    "Dit beleidsplan vervangt het plan uit 2021 en loopt tot en met 2029.",
    "Mantelzorgers geven aan behoefte te hebben aan meer respijtzorg in de buurt.",
    "De kosten per cliënt verschillen sterk tussen de verschillende productcategorieën.",
]
#: Share of sentences drawn from SIGNALS (the rest is ordinary policy prose without a signal).
SIGNAL_SHARE = 0.15
HEADINGS = ["Inleiding", "Visie op de toegang", "Kaders en sturing", "Financiën", "Planning"]


def sentence_pools(varied: bool) -> tuple[list[str], list[str]]:
    """(signal, filler) sentences: the fixed lists above, or the development set's texts.

    The fixed lists make a corpus of 22 distinct sentences, whose 160 words every
    per-process cache (lemmas, chunks, bigrams) soon holds; the 2,216 texts of the
    development set (about 1,400 distinct words) show the cost of a larger vocabulary.
    """
    if not varied:
        return SIGNALS, FILLER
    from regiekompas.core.documents.devset import load_devset

    items = load_devset()
    signal = [i.tekst for i in items if i.cc != "geen" or i.dc != "geen"]
    filler = [i.tekst for i in items if i.cc == "geen" and i.dc == "geen"]
    return signal, filler


def make_corpus(folder: Path, docs: int, pages: int, seed: int, varied: bool = False) -> list[Path]:
    from regiekompas.core.documents.pdfwrite import LINE_CHARS, PAGE_LINES, paginate, write_pdf

    rng = random.Random(seed)
    signals, filler = sentence_pools(varied)
    paths = []
    for d in range(docs):
        paragraphs: list[str] = []
        # Estimate the lines as they go (wrapping is slow); make more than enough, then cut.
        lines_needed, lines_made = (pages + 1) * PAGE_LINES, 0
        while lines_made < lines_needed:
            paragraphs.append(f"{len(paragraphs) % 9 + 1}. {rng.choice(HEADINGS)}")
            for _ in range(rng.randint(3, 6)):
                sentences = [
                    rng.choice(signals if rng.random() < SIGNAL_SHARE else filler) for _ in range(5)
                ]
                paragraphs.append(" ".join(sentences))
                lines_made += len(paragraphs[-1]) // LINE_CHARS + 2
        lines = paginate(paragraphs)[:pages]
        if len(lines) < pages:
            raise RuntimeError("the corpus generator made too few pages")
        path = folder / f"GM{d % 20:04d}_beleidsplan_{d:03d}.pdf"
        path.write_bytes(write_pdf(lines))
        paths.append(path)
    return paths


def run_floor(paths: list[str]) -> dict[str, float]:
    import pypdfium2 as pdfium

    start = time.process_time()
    pages = chars = 0
    for path in paths:
        document = pdfium.PdfDocument(path)
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
            pages += 1
        document.close()
    return {"pages": pages, "cpu": time.process_time() - start, "chars": chars}


def run_ours(paths: list[str], method: str | None) -> dict[str, float]:
    from regiekompas.core.documents.batch import Job, gemeente_from_path, process
    from regiekompas.core.documents.classify import get_classifier, load_method_settings
    from regiekompas.core.documents.score import DocumentPlacement, results_document
    from regiekompas.core.documents.text import lemma, load_language

    # Loading the lexicon, the language file and simplemma's dictionary happens once per
    # worker; it is measured separately, not per page.
    setup = time.process_time()
    get_classifier(method)
    load_language()
    lemma("aanbieders")
    setup = time.process_time() - setup
    start = time.process_time()
    results = [process(Job(Path(path), gemeente_from_path(Path(path))), method) for path in paths]
    documents = [r for r in results if isinstance(r, DocumentPlacement)]
    document = results_document(documents, [], load_method_settings(), {})
    cpu = time.process_time() - start
    pages = sum(d.paginas for d in documents)
    sentences = sum(d.zinnen for d in documents)
    placed = sum(len(d.placed) for d in documents)
    return {
        "pages": pages,
        "cpu": cpu,
        "setup": setup,
        "sentences": sentences,
        "placed": placed,
        "gemeenten": len(document["gemeenten"]),
    }


def child(kind: str, listing: str, method: str) -> None:
    paths = Path(listing).read_text().split("\n")
    result = run_floor(paths) if kind == "floor" else run_ours(paths, method or None)
    result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(kind: str, listing: Path, method: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(listing), method],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--pages", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=3, help="Best of this many runs each.")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--methode",
        default="",
        help="Placement method (default: the data's); 'alle' measures every method.",
    )
    parser.add_argument(
        "--gevarieerd",
        action="store_true",
        help="Sentences from the development set (a larger vocabulary) instead of 22 fixed ones.",
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        paths = make_corpus(folder, args.docs, args.pages, args.seed, args.gevarieerd)
        size = sum(p.stat().st_size for p in paths) / 1024 / 1024
        print(
            f"Corpus: {len(paths)} PDFs × {args.pages} pages ({size:.1f} MiB), "
            f"written in {time.perf_counter() - started:.1f} s"
        )
        listing = folder / "files.txt"
        listing.write_text("\n".join(str(p) for p in paths))
        methods = _methods(args.methode)
        floors: list[dict[str, float]] = []
        ours: dict[str, list[dict[str, float]]] = {m: [] for m in methods}
        for _ in range(args.rounds):  # alternate, so load from others hits all alike
            floors.append(measure("floor", listing, ""))
            for method in methods:
                ours[method].append(measure("ours", listing, method))
    floor = min(floors, key=lambda r: r["cpu"])
    floor_rate = floor["pages"] / floor["cpu"]
    rows = [
        ("", "pages", "CPU s", "pages/s per core", "peak RSS per worker", "vs floor"),
        (
            "pypdfium2 extraction alone (floor)",
            f"{floor['pages']:.0f}",
            f"{floor['cpu']:.2f}",
            f"{floor_rate:,.0f}",
            f"{floor['rss_mib']:.0f} MiB",
            "100 %",
        ),
    ]
    bests = {m: min(runs, key=lambda r: r["cpu"]) for m, runs in ours.items()}
    for method, best in bests.items():
        rate = best["pages"] / best["cpu"]
        rows.append(
            (
                f"regiekompas documenten --methode {method}",
                f"{best['pages']:.0f}",
                f"{best['cpu']:.2f}",
                f"{rate:,.0f}",
                f"{best['rss_mib']:.0f} MiB",
                f"{rate / floor_rate:.0%}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        print(
            " | ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if number == 0:
            print("-+-".join("-" * w for w in widths))
    print(f"\nBest of {args.rounds} runs each (CPU time of one process = one core).")
    for method, best in bests.items():
        rate = best["pages"] / best["cpu"]
        print(
            f"{method}: {best['sentences']:.0f} sentences"
            f" ({best['sentences'] / best['pages']:.0f} per page),"
            f" {best['placed']:.0f} placed on an axis, {best['gemeenten']:.0f} gemeenten scored;"
            f" one-off start per worker {best['setup']:.2f} s CPU."
            f" Targets: ≥ 200 pages/s per core: {'yes' if rate >= 200 else 'NO'};"
            f" ≥ 60 % of the floor: {'yes' if rate >= 0.6 * floor_rate else 'NO'}."
        )


def _methods(option: str) -> list[str]:
    from regiekompas.core.documents.classify import load_method_settings, method_names

    if option == "alle":
        return list(method_names())
    return [option or load_method_settings().default]


if __name__ == "__main__":
    main()
