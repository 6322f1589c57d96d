"""Many files at once: find them, read and place each (in parallel), never stop at a bad one.

Each file is read, split and placed in a worker process; the worker sends back only the
placed sentences (`DocumentPlacement`) or the file's error message. An exception inside a
reader becomes that file's message. A worker that dies outright (a crash inside the PDF
library) breaks its pool: the files still open are then retried one at a time in a fresh
process each, so only the file that crashes again is reported as `crashed`
(docs/documents.md, "Limits").

The gemeente of a file is `--gemeente` when given, else the CBS code (`GM` + four digits) in
the file's name or, failing that, in the nearest folder name that has one.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from regiekompas import __version__
from regiekompas.core.documents.classify import (
    SentenceClassifier,
    get_classifier,
    load_method_settings,
)
from regiekompas.core.documents.errors import DocumentError
from regiekompas.core.documents.extract import DEFAULT_LIMITS, SUFFIXES, Limits, extract, read_file
from regiekompas.core.documents.score import DocumentPlacement, place_sentences, results_document
from regiekompas.core.documents.text import load_language, sentences_of

GEMEENTE_CODE: Final = re.compile(r"(?<![A-Za-z0-9])GM(\d{4})(?!\d)", re.IGNORECASE)

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class Failure:
    """A file that was not placed, with the reason as a stable code and a text."""

    bestand: str
    code: str
    detail: str

    def text(self, lang: str = "nl") -> str:
        return DocumentError(self.code, self.detail).text(lang)

    def row(self, lang: str = "nl") -> dict[str, str]:
        return {"bestand": self.bestand, "code": self.code, "reden": self.text(lang)}


@dataclass(frozen=True)
class Job:
    """One file to place: a path on disk, or (`data`) bytes already in memory.

    For bytes, `path` is only the file's name (its suffix tells the format where the content
    does not) and `name` is what results and messages call the file.
    """

    path: Path
    gemeente_code: str | None
    data: bytes | None = None
    name: str | None = None

    @property
    def bestand(self) -> str:
        return self.name if self.name is not None else str(self.path)


def gemeente_from_path(path: Path) -> str | None:
    """`GM0153` from "GM0153_beleidsplan.pdf" or from a folder ".../gm0153/visie.docx"."""
    for part in [path.name, *(parent.name for parent in path.parents)]:
        match = GEMEENTE_CODE.search(part)
        if match:
            return f"GM{match.group(1)}"
    return None


def valid_gemeente_code(code: str) -> str | None:
    """The normalised code (`gm0153` → `GM0153`), or None when it is not a CBS code."""
    match = re.fullmatch(r"GM(\d{4})", code.strip(), re.IGNORECASE)
    return f"GM{match.group(1)}" if match else None


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[Failure]]:
    """The supported files under `paths` (folders recurse), and paths that cannot be used.

    A file named explicitly with an unsupported suffix is a failure; inside a folder, other
    files are skipped silently (a folder of policy documents often holds spreadsheets too).
    """
    files: list[Path] = []
    failures: list[Failure] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES and not _sniff_supported(path):
                suffix = path.suffix.lower()
                failures.append(Failure(str(path), "unsupported", f": {suffix}" if suffix else ""))
                continue
            found = [path]
        else:
            failures.append(Failure(str(path), "not_found", "bestaat niet / does not exist"))
            continue
        for file in found:
            resolved = file.resolve()
            if resolved not in seen:
                seen.add(resolved)
                files.append(file)
    return files, failures


def _sniff_supported(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return b"%PDF-" in stream.read(1024)
    except OSError:
        return False


def jobs_for(files: Sequence[Path], gemeente: str | None) -> list[Job]:
    return [Job(path, gemeente or gemeente_from_path(path)) for path in files]


# --- one file ------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _classifier(method: str | None) -> SentenceClassifier:
    return get_classifier(method)


def process(
    job: Job, method: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> DocumentPlacement | Failure:
    """Read and place one file; every failure becomes a `Failure`, never an exception."""
    name = job.bestand
    # The cyclic garbage collector would scan the many small objects a document makes again
    # and again (about a tenth of the time); nothing here makes cycles, so it waits until
    # the file is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if job.data is not None:
            extracted = extract(job.data, job.path.name, limits)
        else:
            extracted = read_file(job.path, limits)
        sentences = sentences_of(extracted.pages, load_language())
        placed = place_sentences(sentences, _classifier(method), name)
    except DocumentError as error:
        return Failure(name, error.code, error.detail)
    except (MemoryError, RecursionError, ValueError, OSError, RuntimeError):
        return Failure(name, "malformed", "")
    finally:
        if collecting:
            gc.enable()
    return DocumentPlacement(name, job.gemeente_code, extracted.page_count, len(sentences), placed)


# --- many files ----------------------------------------------------------------------------

Result = DocumentPlacement | Failure


def run(
    jobs: Sequence[Job],
    *,
    workers: int = 1,
    method: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: ProgressFn | None = None,
) -> list[Result]:
    """All jobs' results, in the order of `jobs`."""
    results: list[Result | None] = [None] * len(jobs)
    done = 0

    def finish(i: int, result: Result) -> None:
        nonlocal done
        results[i] = result
        done += 1
        if progress is not None:
            progress(done, len(jobs))

    if workers <= 1 or len(jobs) <= 1:
        for i, job in enumerate(jobs):
            finish(i, process(job, method, limits))
    else:
        pending = _run_pool(jobs, range(len(jobs)), min(workers, len(jobs)), method, limits, finish)
        for i in pending:  # the pool broke: each remaining file alone, in its own process
            left = _run_pool(jobs, [i], 1, method, limits, finish)
            for j in left:
                finish(j, Failure(jobs[j].bestand, "crashed", ""))
    return [result for result in results if result is not None]


def _run_pool(
    jobs: Sequence[Job],
    indices: Iterable[int],
    workers: int,
    method: str | None,
    limits: Limits,
    finish: Callable[[int, Result], None],
) -> list[int]:
    """Run the jobs at `indices`; the indices still open when the pool broke."""
    context = multiprocessing.get_context("spawn")
    open_ = list(indices)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[Future[Result], int] = {
            pool.submit(process, jobs[i], method, limits): i for i in open_
        }
        broken: list[int] = []
        for future in as_completed(futures):
            i = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool:
                broken.append(i)
                continue
            finish(i, result)
    return broken


def default_workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def analyse_paths(
    paths: Sequence[Path],
    *,
    gemeente: str | None = None,
    workers: int = 1,
    method: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    lang: str = "nl",
    progress: ProgressFn | None = None,
) -> tuple[dict[str, Any], list[Failure]]:
    """Everything `regiekompas documenten` does short of printing: the §7 JSON and failures."""
    files, failures = collect(paths)
    results = run(
        jobs_for(files, gemeente), workers=workers, method=method, limits=limits, progress=progress
    )
    return _results(results, failures, method, lang)


# --- files in memory (uploads) ---------------------------------------------------------------


def jobs_for_files(files: Sequence[tuple[str, bytes]], gemeente: str | None = None) -> list[Job]:
    """Jobs for (name, bytes) pairs: the gemeente is `gemeente`, else the code in the name."""
    jobs = []
    for name, data in files:
        base = Path(name.replace("\\", "/")).name or "document"
        jobs.append(Job(Path(base), gemeente or gemeente_from_path(Path(base)), data, name))
    return jobs


def analyse_files(
    files: Sequence[tuple[str, bytes]],
    *,
    gemeente: str | None = None,
    workers: int = 1,
    method: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    lang: str = "nl",
    progress: ProgressFn | None = None,
) -> tuple[dict[str, Any], list[Failure]]:
    """`analyse_paths` for files in memory, e.g. uploads: (name, bytes) pairs.

    Returns the §7 results document — per document and per gemeente (all placed documents
    of a gemeente pooled) the scores with their bootstrap CIs, the signal (`voldoende` /
    `te_weinig`), the quadrant and the evidence sentences — and the files that could not
    be read, each with its stable code and message (`fouten`). Never raises for a bad
    file; `limits` are the caller's (the web app passes its upload limits and time budget).
    """
    results = run(
        jobs_for_files(files, gemeente),
        workers=workers,
        method=method,
        limits=limits,
        progress=progress,
    )
    return _results(results, [], method, lang)


def _results(
    results: Sequence[Result], failures: list[Failure], method: str | None, lang: str
) -> tuple[dict[str, Any], list[Failure]]:
    documents = [r for r in results if isinstance(r, DocumentPlacement)]
    failures = failures + [r for r in results if isinstance(r, Failure)]
    classifier = _classifier(method)
    settings = load_method_settings()
    meta = {
        "versie": __version__,
        "methode": classifier.name,
        "methode_versie": classifier.version,
        "taal_versie": load_language().version,
    }
    document = results_document(documents, [f.row(lang) for f in failures], settings, meta)
    return document, failures
