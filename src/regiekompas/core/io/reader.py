"""`read_dataset`: all import files in, one `Dataset` out — or every problem, and nothing.

A half-imported scan is worse than none (figures would silently lack a gemeente), so every
file is read and validated to the end, and the dataset is only built when no error at all
was found. The region tables are validated before the responses, whatever order the files
come in, because responses and contracts are checked against the gemeenten and organisaties
they declare.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypedDict, TypeVar

from regiekompas.core.dataset import Contract, Dataset, Gemeente, Mechanisme, Organisatie
from regiekompas.core.io.collector import GLOBAL, Collector, Source
from regiekompas.core.io.context import Context, InstrumentLike, Known, ModelLike
from regiekompas.core.io.csvfile import open_csv
from regiekompas.core.io.files import expand_paths
from regiekompas.core.io.headers import (
    CONTRACTEN,
    GEMEENTEN,
    INSTRUMENT,
    LONG,
    MECHANISMEN,
    ORGANISATIES,
    RESPONSE_KINDS,
    Layout,
    classify,
)
from regiekompas.core.io.limits import COMMAND_LINE, Guard, LimitExceeded, Limits
from regiekompas.core.io.messages import ImportFailed, ImportMessage, Term
from regiekompas.core.io.region import (
    read_contracten,
    read_gemeenten,
    read_instrument,
    read_mechanismen,
    read_organisaties,
)
from regiekompas.core.io.responses import ResponsesReader
from regiekompas.core.io.table import Table, UnreadableError
from regiekompas.core.io.xlsxfile import open_xlsx

_T = TypeVar("_T")


def _open_tables(
    files: list[Path], collector: Collector, stack: ExitStack, guard: Guard | None = None
) -> list[Table]:
    """Every file's tables; `guard` checks each file before it is parsed (`LimitExceeded`)."""
    tables: list[Table] = []
    for index, path in enumerate(files):
        source = Source(path.name, None, (index, -1))
        try:
            if guard is not None:
                guard.check_file(path, source)
            if path.suffix.lower() == ".csv":
                table = open_csv(path, source, collector, stack, guard)
                if table is not None:
                    tables.append(table)
            else:
                tables.extend(open_xlsx(path, index, collector, stack, guard))
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            collector.error(source, None, None, "bestand.onleesbaar", reden=reason)
        except (csv.Error, ValueError) as exc:
            collector.error(source, None, None, "bestand.csv_fout", reden=str(exc))
    return tables


def _stream(
    collector: Collector, read: Callable[[Table, Layout], _T], table: Table, layout: Layout
) -> _T | None:
    """Run `read` over a table; a file that breaks while streaming becomes an error."""
    try:
        return read(table, layout)
    except UnreadableError as exc:
        collector.error(table.source, exc.row, None, exc.code, reden=exc.reason)
    except (csv.Error, UnicodeDecodeError) as exc:
        collector.error(table.source, table.position(), None, "bestand.csv_fout", reden=str(exc))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        collector.error(table.source, None, None, "bestand.onleesbaar", reden=reason)
    return None


def _by_kind(
    tables: list[Table],
    item_codes: frozenset[str],
    versie: str,
    collector: Collector,
    open_codes: frozenset[str] = frozenset(),
) -> tuple[dict[str, list[tuple[Table, Layout]]], set[str]]:
    """Usable tables per kind, and every kind seen (usable or not)."""
    usable: dict[str, list[tuple[Table, Layout]]] = {}
    first: dict[str, Source] = {}
    for table in tables:
        layout = classify(table, item_codes, versie, collector, open_codes)
        if layout is None:
            continue
        kind = layout.kind
        if kind in first and kind not in RESPONSE_KINDS:
            collector.error(
                table.source,
                None,
                None,
                "kop.soort_dubbel",
                soort=Term(f"soort.{kind}"),
                eerder=first[kind].ref(),
            )
            continue
        first.setdefault(kind, table.source)
        if layout.usable:
            usable.setdefault(kind, []).append((table, layout))
    return usable, set(first)


def _mechanism_key(m: Mechanisme) -> tuple[str, str, str, tuple[str, ...], bool, float, float]:
    placed = m.cc is not None and m.dc is not None
    return (m.gemeente_code, m.naam, m.type, m.transities, placed, m.cc or 0.0, m.dc or 0.0)


def read_dataset(
    paths: Sequence[str | Path],
    *,
    model: ModelLike | None = None,
    instrument: InstrumentLike | None = None,
    lang: str = "nl",
    limits: Limits = COMMAND_LINE,
) -> tuple[Dataset, tuple[ImportMessage, ...]]:
    """Read and validate import files (product.md §8) into a `Dataset`.

    `paths` are CSV or XLSX files, or folders holding them. Returns the dataset and the
    warnings; raises `ImportFailed` listing every error (in `lang`) when there is any.
    `limits` bound sizes, rows and time (core/io/limits.py; the web app passes `WEB`): the
    first limit passed stops reading and is reported as the only error.
    """
    if model is None:
        from regiekompas.core.model import load_model

        model = load_model()
    if instrument is None:
        from regiekompas.core.instrument import load_instrument

        instrument = load_instrument()
    collector = Collector()
    ctx = Context(
        model=model,
        instrument=instrument,
        collector=collector,
        known=Known(),
        max_prefixes=limits.prefixes,
    )
    files = expand_paths(paths, collector)
    responses = ResponsesReader(ctx)
    tables_found = _Found()
    try:
        all_recognised, seen = _read_all(files, ctx, responses, Guard(limits), tables_found)
    except LimitExceeded as exceeded:
        stopped = Collector()
        exceeded.report(stopped)
        raise ImportFailed(stopped.report(), lang=lang) from None
    if all_recognised and not seen.intersection(RESPONSE_KINDS):
        collector.error(GLOBAL, None, None, "antwoorden.ontbreken")
    responses.check()

    if collector.has_errors:
        raise ImportFailed(collector.report(), lang=lang)
    dataset = Dataset(
        responses=responses.build(),
        **canonical_tables(
            tables_found.gemeenten,
            tables_found.organisaties,
            tables_found.contracten,
            tables_found.mechanismen,
        ),
        bronnen=tuple(path.name for path in files),
        instrument=tables_found.instrument,
    )
    return dataset, collector.messages("warning")


@dataclass
class _Found:
    gemeenten: list[Gemeente] | None = None
    organisaties: list[Organisatie] | None = None
    contracten: list[Contract] | None = None
    mechanismen: list[Mechanisme] | None = None
    instrument: str | None = None


def _read_all(
    files: list[Path], ctx: Context, responses: ResponsesReader, guard: Guard, found: _Found
) -> tuple[bool, set[str]]:
    """Read every table into `found` and `responses`; (all files recognised, kinds seen)."""
    collector = ctx.collector
    instrument = ctx.instrument
    item_codes = frozenset((*instrument.axis_item_codes, *instrument.gemeente_item_codes))
    with ExitStack() as stack:
        tables = _open_tables(files, collector, stack, guard)
        usable, seen = _by_kind(
            tables, item_codes, str(instrument.versie), collector, responses.reg.open_codes
        )
        # A file that could not be read or recognised may well be the responses file.
        all_recognised = not collector.has_errors
        for table, layout in usable.get(GEMEENTEN, []):
            gemeenten = _stream(collector, partial(read_gemeenten, ctx=ctx), table, layout) or []
            found.gemeenten = gemeenten
            ctx.known.gemeenten = {g.code for g in gemeenten}
            ctx.known.gemeenten_file = table.source.file
        for table, layout in usable.get(ORGANISATIES, []):
            organisaties = _stream(collector, partial(read_organisaties, ctx=ctx), table, layout)
            found.organisaties = organisaties or []
            ctx.known.organisaties = {o.naam for o in found.organisaties}
            ctx.known.organisaties_file = table.source.file
        for table, layout in usable.get(CONTRACTEN, []):
            found.contracten = _stream(collector, partial(read_contracten, ctx=ctx), table, layout)
        for table, layout in usable.get(INSTRUMENT, []):
            found.instrument = _stream(collector, partial(read_instrument, ctx=ctx), table, layout)
        for table, layout in usable.get(MECHANISMEN, []):
            found.mechanismen = _stream(
                collector, partial(read_mechanismen, ctx=ctx), table, layout
            )
        response_tables = sorted(
            (entry for kind in RESPONSE_KINDS for entry in usable.get(kind, [])),
            key=lambda entry: entry[0].source.order,
        )
        for table, layout in response_tables:
            read = responses.read_long if layout.kind == LONG else responses.read_wide
            _stream(collector, read, table, layout)
    return all_recognised, seen


class CanonicalTables(TypedDict):
    gemeenten: tuple[Gemeente, ...] | None
    organisaties: tuple[Organisatie, ...] | None
    contracten: tuple[Contract, ...] | None
    mechanismen: tuple[Mechanisme, ...] | None


def canonical_tables(
    gemeenten: list[Gemeente] | None,
    organisaties: list[Organisatie] | None,
    contracten: list[Contract] | None,
    mechanismen: list[Mechanisme] | None,
) -> CanonicalTables:
    """The region tables in one fixed order, so the order of rows in a file never matters."""
    return CanonicalTables(
        gemeenten=None if gemeenten is None else tuple(sorted(gemeenten, key=lambda g: g.code)),
        organisaties=(
            None if organisaties is None else tuple(sorted(organisaties, key=lambda o: o.naam))
        ),
        contracten=(
            None
            if contracten is None
            else tuple(
                sorted(contracten, key=lambda c: (c.organisatie, c.gemeente_code, c.transitie))
            )
        ),
        mechanismen=None if mechanismen is None else tuple(sorted(mechanismen, key=_mechanism_key)),
    )
