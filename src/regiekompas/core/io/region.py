"""Validating the optional region tables: gemeenten, organisaties, contracten, mechanismen.

These tables are small (hundreds of rows), so clarity beats speed here. The gemeenten and
organisaties tables are read first, because every other table is checked against them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from regiekompas.core.dataset import Contract, Gemeente, Mechanisme, Organisatie
from regiekompas.core.io.collector import Source
from regiekompas.core.io.context import Context
from regiekompas.core.io.headers import Layout
from regiekompas.core.io.limits import TEXT_LIMITS, text_problem
from regiekompas.core.io.messages import Param, Ref
from regiekompas.core.io.table import Table
from regiekompas.core.io.values import gemeente_code, parse_number


@dataclass
class _Rows:
    """Trimmed cells of a region table by column name, with errors reported per cell."""

    table: Table
    layout: Layout
    ctx: Context

    @property
    def source(self) -> Source:
        return self.table.source

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        width = self.layout.width
        columns = self.layout.columns
        kind = self.layout.kind
        for number, row in self.table.rows:
            if len(row) != width or not any(cell.strip() for cell in row):
                if any(cell.strip() for cell in row):
                    self.ctx.collector.error(
                        self.source, number, None, "rij.velden", n=len(row), m=width
                    )
                continue
            cells = {name: row[pos].strip() for name, pos in columns.items()}
            if self._too_long(number, kind, cells):
                continue
            yield number, cells

    def _too_long(self, number: int, kind: str, cells: dict[str, str]) -> bool:
        """Report texts that could not be stored (NUL, over-long); True when there were any.

        NUL characters were already reported and removed while streaming (`limits`).
        """
        bad = False
        for name, text in cells.items():
            problem = text_problem(text, TEXT_LIMITS.get((kind, name)))
            if problem is not None:
                self.error(number, name, problem[0], **problem[1])
                bad = True
        return bad

    def error(self, row: int, column: str | None, code: str, **params: Param) -> None:
        name = self.table.header[self.layout.columns[column]] if column else None
        self.ctx.collector.error(self.source, row, name, code, **params)

    def warning(self, row: int, column: str | None, code: str, **params: Param) -> None:
        name = self.table.header[self.layout.columns[column]] if column else None
        self.ctx.collector.warning(self.source, row, name, code, **params)

    def gemeente(self, row: int, text: str) -> str | None:
        """The gemeente code of a cell, checked against the gemeenten table when given."""
        code = gemeente_code(text)
        if not text:
            self.error(row, "gemeente_code", "cel.leeg")
        elif code is None:
            self.error(row, "gemeente_code", "cel.gemeentecode", waarde=text)
        elif self.ctx.known.gemeenten is not None and code not in self.ctx.known.gemeenten:
            self.error(
                row,
                "gemeente_code",
                "cel.gemeente_onbekend",
                waarde=code,
                bestand=self.ctx.known.gemeenten_file,
            )
            return None
        return code

    def transitie(self, row: int, column: str, text: str) -> str | None:
        codes = self.ctx.model.transitie_codes
        code = text.lower()
        if not code:
            self.error(row, column, "cel.leeg")
        elif code not in codes:
            self.error(row, column, "cel.transitie", waarde=text, keuzes=", ".join(codes))
        else:
            return code
        return None


def read_gemeenten(table: Table, layout: Layout, ctx: Context) -> list[Gemeente]:
    rows = _Rows(table, layout, ctx)
    seen: dict[str, Ref] = {}
    result: list[Gemeente] = []
    for number, cells in rows:
        naam = cells["naam"]
        if not naam:
            rows.error(number, "naam", "cel.leeg")
        code = gemeente_code(cells["gemeente_code"])
        if not cells["gemeente_code"]:
            rows.error(number, "gemeente_code", "cel.leeg")
        elif code is None:
            rows.error(number, "gemeente_code", "cel.gemeentecode", waarde=cells["gemeente_code"])
        elif code in seen:
            rows.error(
                number, "gemeente_code", "cel.gemeente_dubbel", waarde=code, eerder=seen[code]
            )
        else:
            seen[code] = rows.source.ref(number)
            result.append(Gemeente(code=code, naam=naam, regio=cells["regio"] or None))
    return result


def read_instrument(table: Table, layout: Layout, ctx: Context) -> str | None:
    """The instrument version of an `instrument` table: one known version (on every row)."""
    from regiekompas.core.instrument import PACKAGED_VERSIONS

    rows = _Rows(table, layout, ctx)
    version: str | None = None
    for number, cells in rows:
        value = cells["instrument"]
        if not value:
            rows.error(number, "instrument", "cel.leeg")
        elif value not in PACKAGED_VERSIONS:
            keuzes = ", ".join(PACKAGED_VERSIONS)
            rows.error(number, "instrument", "cel.instrument", waarde=value, keuzes=keuzes)
        elif version is None:
            version = value
        elif value != version:
            rows.error(number, "instrument", "cel.instrument_anders", waarde=value, eerder=version)
    return version


def read_organisaties(table: Table, layout: Layout, ctx: Context) -> list[Organisatie]:
    rows = _Rows(table, layout, ctx)
    seen: dict[str, Ref] = {}
    result: list[Organisatie] = []
    for number, cells in rows:
        naam = cells["organisatie"]
        if not naam:
            rows.error(number, "organisatie", "cel.leeg")
        elif naam in seen:
            rows.error(
                number, "organisatie", "cel.organisatie_dubbel", waarde=naam, eerder=seen[naam]
            )
        else:
            seen[naam] = rows.source.ref(number)
            result.append(Organisatie(naam=naam, type=cells["type"]))
    return result


def read_contracten(table: Table, layout: Layout, ctx: Context) -> list[Contract]:
    rows = _Rows(table, layout, ctx)
    seen: dict[Contract, Ref] = {}
    known = ctx.known.organisaties
    for number, cells in rows:
        naam = cells["organisatie"]
        if not naam:
            rows.error(number, "organisatie", "cel.leeg")
        elif known is not None and naam not in known:
            rows.error(
                number,
                "organisatie",
                "cel.organisatie_onbekend",
                waarde=naam,
                bestand=ctx.known.organisaties_file,
            )
        code = rows.gemeente(number, cells["gemeente_code"])
        transitie = rows.transitie(number, "transitie", cells["transitie"])
        if not naam or code is None or transitie is None:
            continue
        contract = Contract(organisatie=naam, gemeente_code=code, transitie=transitie)
        if contract in seen:
            rows.warning(number, None, "rij.contract_dubbel", eerder=seen[contract])
        else:
            seen[contract] = rows.source.ref(number)
    return list(seen)


def _placement(rows: _Rows, number: int, cells: dict[str, str]) -> tuple[float, float] | None:
    """The cc, dc given in a mechanismen row; None when both are empty or one is wrong."""
    if "cc" not in cells:
        return None
    given = {axis: cells[axis] for axis in ("cc", "dc")}
    if not given["cc"] and not given["dc"]:
        return None
    values: dict[str, float] = {}
    for axis, text in given.items():
        if not text:
            rows.error(number, axis, "cel.plaats_half")
            continue
        value = parse_number(text)
        if value is None:
            rows.error(number, axis, "cel.geen_getal", waarde=text)
        elif not -1.0 <= value <= 1.0:
            rows.error(number, axis, "cel.plaats_bereik", waarde=text)
        else:
            values[axis] = value
    if len(values) < 2:
        return None
    return values["cc"], values["dc"]


def read_mechanismen(table: Table, layout: Layout, ctx: Context) -> list[Mechanisme]:
    rows = _Rows(table, layout, ctx)
    result: list[Mechanisme] = []
    for number, cells in rows:
        code = rows.gemeente(number, cells["gemeente_code"])
        naam = cells["naam"]
        if not naam:
            rows.error(number, "naam", "cel.leeg")
        transities: list[str] = []
        valid = True
        parts = [part.strip() for part in cells["transities"].split(";")]
        if not any(parts):
            rows.error(number, "transities", "cel.leeg")
            valid = False
        for part in parts:
            if not part:
                continue
            transitie = rows.transitie(number, "transities", part)
            if transitie is None:
                valid = False
            elif transitie not in transities:
                transities.append(transitie)
        errors_before = ctx.collector.counts["error"]
        placement = _placement(rows, number, cells)
        if ctx.collector.counts["error"] > errors_before or code is None or not naam or not valid:
            continue
        type_text = cells["type"]
        match = ctx.instrument.match_mechanism_type(type_text) if type_text else None
        cc: float | None
        dc: float | None
        if placement is not None:
            cc, dc = placement
        elif match is not None:
            cc, dc = float(match.cc), float(match.dc)
        else:
            cc = dc = None
            rows.warning(number, "type", "rij.niet_geplaatst", naam=naam, type=type_text)
        result.append(
            Mechanisme(
                gemeente_code=code,
                naam=naam,
                type=match.code if match is not None else type_text,
                transities=tuple(transities),
                cc=cc,
                dc=dc,
            )
        )
    return result
