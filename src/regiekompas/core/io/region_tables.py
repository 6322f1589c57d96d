"""`read_region_tables`: the region files of product.md §8 on their own, without responses.

A region is set up before any scan has answers: its gemeenten, organisaties, contracten and
mechanismen are imported on their own. `read_dataset` cannot do that, since it requires a
responses file, so this reads the same tables with the same readers and messages, and the
same promise: every problem is reported, and nothing is returned when there is any error.

The region's current gemeenten and organisaties can be passed in, so that a contracten file
is checked against them when no gemeenten or organisaties file comes along with it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from regiekompas.core.dataset import Contract, Gemeente, Mechanisme, Organisatie
from regiekompas.core.io.collector import Collector
from regiekompas.core.io.context import Context, InstrumentLike, Known, ModelLike
from regiekompas.core.io.files import expand_paths
from regiekompas.core.io.headers import (
    CONTRACTEN,
    GEMEENTEN,
    MECHANISMEN,
    ORGANISATIES,
    RESPONSE_KINDS,
    Layout,
)
from regiekompas.core.io.limits import COMMAND_LINE, Guard, LimitExceeded, Limits
from regiekompas.core.io.messages import ImportFailed, ImportMessage
from regiekompas.core.io.reader import _by_kind, _open_tables, _stream, canonical_tables
from regiekompas.core.io.region import (
    read_contracten,
    read_gemeenten,
    read_mechanismen,
    read_organisaties,
)
from regiekompas.core.io.table import Table


@dataclass(frozen=True)
class RegionTables:
    """The region tables found in the files; None for a kind of table that was not given.

    `response_files` names the files (or sheets' files) that hold responses: they are not
    read here, and the caller decides whether that is a mistake worth refusing.
    """

    gemeenten: tuple[Gemeente, ...] | None = None
    organisaties: tuple[Organisatie, ...] | None = None
    contracten: tuple[Contract, ...] | None = None
    mechanismen: tuple[Mechanisme, ...] | None = None
    bronnen: tuple[str, ...] = ()
    response_files: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return all(
            table is None
            for table in (self.gemeenten, self.organisaties, self.contracten, self.mechanismen)
        )


def read_region_tables(
    paths: Sequence[str | Path],
    *,
    lang: str = "nl",
    model: ModelLike | None = None,
    instrument: InstrumentLike | None = None,
    gemeenten: Collection[str] | None = None,
    gemeenten_label: str = "",
    organisaties: Collection[str] | None = None,
    organisaties_label: str = "",
    limits: Limits = COMMAND_LINE,
) -> tuple[RegionTables, tuple[ImportMessage, ...]]:
    """Read and validate region files (CSV or XLSX) into `RegionTables`, plus the warnings.

    `gemeenten` are gemeente codes already known (say, the region's): contracten and
    mechanismen may use these and those of a gemeenten file among `paths`; a code in
    neither is an error naming `gemeenten_label`, or the gemeenten file when one is given.
    `organisaties` and `organisaties_label` do the same for the contracten's organisaties.
    None leaves a kind unchecked unless its file is given, as in `read_dataset`.
    Raises `ImportFailed` listing every error (in `lang`) when there is any; `limits` as
    in `read_dataset` (core/io/limits.py).
    """
    if model is None:
        from regiekompas.core.model import load_model

        model = load_model()
    if instrument is None:
        from regiekompas.core.instrument import load_instrument

        instrument = load_instrument()
    collector = Collector()
    known = Known(
        gemeenten=None if gemeenten is None else set(gemeenten),
        gemeenten_file=gemeenten_label,
        organisaties=None if organisaties is None else set(organisaties),
        organisaties_file=organisaties_label,
    )
    ctx = Context(model=model, instrument=instrument, collector=collector, known=known)
    files = expand_paths(paths, collector)
    item_codes = frozenset((*instrument.axis_item_codes, *instrument.gemeente_item_codes))
    open_codes = frozenset(question.code.lower() for question in instrument.open_questions)
    found_gemeenten: list[Gemeente] | None = None
    found_organisaties: list[Organisatie] | None = None
    contracten: list[Contract] | None = None
    mechanismen: list[Mechanisme] | None = None

    with ExitStack() as stack:
        try:
            tables = _open_tables(files, collector, stack, Guard(limits))
            usable, _ = _by_kind(tables, item_codes, str(instrument.versie), collector, open_codes)
            found_gemeenten, found_organisaties, contracten, mechanismen = _read_tables(
                usable, ctx, gemeenten
            )
        except LimitExceeded as exceeded:
            stopped = Collector()
            exceeded.report(stopped)
            raise ImportFailed(stopped.report(), lang=lang) from None
    response_files = tuple(
        dict.fromkeys(
            table.source.file for kind in RESPONSE_KINDS for table, _ in usable.get(kind, [])
        )
    )

    if collector.has_errors:
        raise ImportFailed(collector.report(), lang=lang)
    tables_found = RegionTables(
        **canonical_tables(found_gemeenten, found_organisaties, contracten, mechanismen),
        bronnen=tuple(path.name for path in files),
        response_files=response_files,
    )
    return tables_found, collector.messages("warning")


_Tables = tuple[
    list[Gemeente] | None, list[Organisatie] | None, list[Contract] | None, list[Mechanisme] | None
]


def _read_tables(
    usable: dict[str, list[tuple[Table, Layout]]], ctx: Context, gemeenten: Collection[str] | None
) -> _Tables:
    collector = ctx.collector
    known = ctx.known
    found_gemeenten: list[Gemeente] | None = None
    found_organisaties: list[Organisatie] | None = None
    contracten: list[Contract] | None = None
    mechanismen: list[Mechanisme] | None = None
    for table, layout in usable.get(GEMEENTEN, []):
        read = partial(read_gemeenten, ctx=ctx)
        found_gemeenten = _stream(collector, read, table, layout) or []
        known.gemeenten = {g.code for g in found_gemeenten} | set(gemeenten or ())
        known.gemeenten_file = table.source.file
    for table, layout in usable.get(ORGANISATIES, []):
        read_o = partial(read_organisaties, ctx=ctx)
        found_organisaties = _stream(collector, read_o, table, layout) or []
        # Organisaties replace the region's list as a whole, so only the file counts.
        known.organisaties = {o.naam for o in found_organisaties}
        known.organisaties_file = table.source.file
    for table, layout in usable.get(CONTRACTEN, []):
        contracten = _stream(collector, partial(read_contracten, ctx=ctx), table, layout)
    for table, layout in usable.get(MECHANISMEN, []):
        mechanismen = _stream(collector, partial(read_mechanismen, ctx=ctx), table, layout)
    return found_gemeenten, found_organisaties, contracten, mechanismen
