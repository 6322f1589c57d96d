"""Reading responses tables (long and wide) and turning them into `Responses`.

Long files are the big ones (one row per answer), so their loop does per valid row only two
dictionary look-ups of precomputed key parts, a sign test and two appends; everything else —
first sight of a prefix or an (item, answer) pair, and every row with a problem — goes
through a slower path that validates and reports. Duplicate answers are found afterwards
with one sort in numpy rather than with a set of millions of tuples.
"""

from __future__ import annotations

from operator import itemgetter

import numpy as np

from regiekompas.core.dataset import Responses, build_responses
from regiekompas.core.io.answers import ROW_BITS, ROW_MASK, AnswerStore, Entries, matrix, repeats
from regiekompas.core.io.collector import Source
from regiekompas.core.io.context import Context
from regiekompas.core.io.headers import LEADING, LONG_COLUMNS, Layout
from regiekompas.core.io.messages import Ref
from regiekompas.core.io.registry import Cell, Prefix, Problems, Registry
from regiekompas.core.io.table import Lines, Table
from regiekompas.core.io.values import Invalid
from regiekompas.core.vocabulary import PERSPECTIEVEN


def _blank(row: list[str]) -> bool:
    return not any(cell.strip() for cell in row)


def _answer_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


class ResponsesReader:
    """Accumulates the responses tables of one import; `check` then `build`."""

    def __init__(self, context: Context) -> None:
        self.collector = context.collector
        self.reg = Registry(context)
        self.store = AnswerStore(
            self.reg.ranges.values(), len(self.reg.axis_items), len(self.reg.gemeente_items)
        )
        self.sources: list[Source] = []
        self.source_wide: list[bool] = []
        # Key parts of prefixes and (item, answer) pairs without problems, for the hot loop.
        self.prefix_values: dict[tuple[str, ...], int] = {}
        self.cell_values: dict[tuple[str, ...], int] = {}
        self.line_prefix_values: dict[str, int] = {}
        # Which wide row first gave each observation (a second row for it is an error).
        self.wide_rows: dict[int, int] = {}
        # Long free-text rows, validated in `check` (their text is not kept), and per file
        # (index) where free text was first found and which open questions it answers.
        self.open_rows: list[tuple[Source, int, tuple[str, ...], dict[str, str]]] = []
        self.open_found: dict[int, tuple[Source, int, set[str]]] = {}

    # -- shared -----------------------------------------------------------------------------

    def _start(self, table: Table, wide: bool) -> int:
        self.sources.append(table.source)
        self.source_wide.append(wide)
        return (len(self.sources) - 1) << ROW_BITS

    def _ref(self, loc: int) -> Ref:
        return self.sources[loc >> ROW_BITS].ref(loc & ROW_MASK)

    def _emit(self, source: Source, row: int, problems: Problems, names: dict[str, str]) -> None:
        error = self.collector.error
        for column, code, params in problems:
            error(source, row, names.get(column, column), code, **params)

    def _ragged(self, source: Source, row: int, fields: int, width: int) -> None:
        self.collector.error(source, row, None, "rij.velden", n=fields, m=width)

    def _no_rows(self, source: Source) -> None:
        self.collector.error(source, None, None, "antwoorden.geen_rijen")

    def _prefix(self, raw: tuple[str, ...], source: Source, number: int) -> Prefix:
        return self.reg.prefixes.get(raw) or self.reg.prefix(raw, source, number)

    def _found_open(self, source: Source, row: int, code: str) -> None:
        """Note free text for the one warning per file that it is not imported."""
        found = self.open_found.setdefault(source.order[0], (source, row, set()))
        found[2].add(code)

    # -- long ---------------------------------------------------------------------------------

    def read_long(self, table: Table, layout: Layout) -> None:
        columns = layout.columns
        names = {name: table.header[pos] for name, pos in columns.items()}
        standard = [columns[name] for name in LONG_COLUMNS] == list(range(len(LONG_COLUMNS)))
        if table.lines is not None and standard and layout.width == len(LONG_COLUMNS):
            self._read_long_lines(table, table.lines, names)
            return
        source = table.source
        base = self._start(table, wide=False)
        get_prefix = itemgetter(*(columns[name] for name in LEADING))
        get_cell = itemgetter(columns["item"], columns["antwoord"])
        width = layout.width
        prefix_value = self.prefix_values.get
        cell_value = self.cell_values.get
        add_key, add_loc = self.store.keys.append, self.store.locs.append
        slow = self._slow_long
        number = table.header_row
        blank = 0
        for number, row in table.rows:
            if len(row) == width:
                raw_prefix = get_prefix(row)
                raw_cell = get_cell(row)
                p = prefix_value(raw_prefix)
                c = cell_value(raw_cell)
                # Equal signs: an axis item in a cell, or a gemeente item outside one.
                if p is not None and c is not None and (p ^ c) >= 0:
                    add_key(p + c)
                    add_loc(base + number)
                    continue
                blank += slow(source, number, row, raw_prefix, raw_cell, names, base)
            elif _blank(row):
                blank += 1
            else:
                self._ragged(source, number, len(row), width)
        if number - table.header_row - blank <= 0:
            self._no_rows(source)

    def _read_long_lines(self, table: Table, lines: Lines, names: dict[str, str]) -> None:
        """`read_long` for an unquoted CSV in the standard column order, without the csv module.

        A line is cut at its last two delimiters into prefix, item and answer. Only prefixes
        with exactly six fields are ever cached, so a line with too many or too few fields
        never matches and falls through to the slow path, which reports it.
        """
        source = table.source
        base = self._start(table, wide=False)
        sep = table.delimiter
        prefix_value = self.line_prefix_values.get
        cell_value = self.cell_values.get
        add_key, add_loc = self.store.keys.append, self.store.locs.append
        number = table.header_row
        blank = 0
        for number, line in lines:
            head, _, answer = line.rpartition(sep)
            prefix, _, item = head.rpartition(sep)
            p = prefix_value(prefix)
            c = cell_value((item, answer))
            if p is not None and c is not None and (p ^ c) >= 0:
                add_key(p + c)
                add_loc(base + number)
                continue
            row = line.split(sep)
            if len(row) != len(LONG_COLUMNS):
                if _blank(row):
                    blank += 1
                else:
                    self._ragged(source, number, len(row), len(LONG_COLUMNS))
                continue
            raw_prefix = tuple(row[:6])
            if self._slow_long(source, number, row, raw_prefix, (item, answer), names, base):
                blank += 1
                continue
            value = self.prefix_values.get(raw_prefix)
            if value is not None:
                self.line_prefix_values[prefix] = value
        if number - table.header_row - blank <= 0:
            self._no_rows(source)

    def _slow_long(
        self,
        source: Source,
        number: int,
        row: list[str],
        raw_prefix: tuple[str, ...],
        raw_cell: tuple[str, ...],
        names: dict[str, str],
        base: int,
    ) -> bool:
        """A long row with a prefix or (item, answer) not seen before, or with problems.

        Returns True when the row is blank (and so skipped). A row answering an open question
        is free text: its answer is not read, and its leading cells are checked in `check`.
        """
        reg, store = self.reg, self.store
        if reg.open_codes:
            code = reg.open_code(raw_cell[0])
            if code is not None:
                self._found_open(source, number, code)
                self.open_rows.append((source, number, tuple(raw_prefix), names))
                return False
        pre = reg.prefixes.get(raw_prefix) or reg.prefix(raw_prefix, source, number)
        cell = reg.cells.get(raw_cell) or reg.cell(raw_cell)
        fits = pre.cell == (1 if cell.axis else 0)
        if pre.errors or cell.errors or not fits:
            if _blank(row):
                return True
            self._emit(source, number, pre.errors, names)
            self._emit(source, number, cell.errors, names)
            if cell.column >= 0 and not fits:
                self._misplaced(source, number, pre, cell, names)
            return False
        p = self.prefix_values.get(raw_prefix)
        if p is None:
            if pre.cell == 1:
                p = store.axis_prefix(pre.obs if pre.obs >= 0 else reg.obs(pre))
            else:
                p = store.gem_prefix(pre.gem if pre.gem >= 0 else reg.gem(pre))
            self.prefix_values[raw_prefix] = p
        c = self.cell_values.get(raw_cell)
        if c is None:
            if cell.axis:
                c = store.axis_cell(cell.column, cell.value)
            else:
                c = store.gem_cell(cell.column, cell.value)
            self.cell_values[raw_cell] = c
        store.keys.append(p + c)
        store.locs.append(base + number)
        return False

    def _misplaced(
        self, source: Source, row: int, pre: Prefix, cell: Cell, names: dict[str, str]
    ) -> None:
        """Report an axis item outside a cell, or a gemeente item inside one."""
        if cell.axis:
            column = "perspectief" if pre.transitie_given else "transitie"
            code = "cel.as_item_zonder_cel"
        else:
            column = "transitie" if pre.transitie_given else "perspectief"
            code = "cel.gemeente_item_met_cel"
        self.collector.error(source, row, names.get(column, column), code, item=cell.code)

    # -- wide ---------------------------------------------------------------------------------

    def read_wide(self, table: Table, layout: Layout) -> None:
        """Read a wide table: one row per respondent × gemeente × transitie × perspectief.

        Gemeente items may be repeated on every row of a respondent × gemeente (survey tools
        do that); only a differing value is a conflict. An empty gemeente item adds nothing,
        so it never overrides a value given on another row.
        """
        source = table.source
        base = self._start(table, wide=True)
        reg, store = self.reg, self.store
        columns = layout.columns
        names = {name: table.header[pos] for name, pos in columns.items()}
        get_prefix = itemgetter(*(columns[name] for name in LEADING))
        axis_columns = [
            (pos, code, reg.axis_column[code], *reg.ranges[code])
            for pos, code in layout.items
            if code in reg.axis_column
        ]
        gem_columns = [
            (pos, code, reg.gemeente_column[code], *reg.ranges[code])
            for pos, code in layout.items
            if code in reg.gemeente_column
        ]
        # Free-text columns are accepted but never read.
        for _, code in layout.open_items:
            self._found_open(source, table.header_row, code)
        width = layout.width
        error = self.collector.error
        number = table.header_row
        blank = 0
        for number, row in table.rows:
            if len(row) != width:
                if _blank(row):
                    blank += 1
                else:
                    self._ragged(source, number, len(row), width)
                continue
            pre = self._prefix(get_prefix(row), source, number)
            ok = not pre.errors
            if not ok:
                if _blank(row):
                    blank += 1
                    continue
                self._emit(source, number, pre.errors, names)
            loc = base + number
            if pre.cell == 2:
                column = "perspectief" if pre.transitie_given else "transitie"
                error(source, number, names[column], "cel.half_cel")
                ok = False

            if axis_columns and pre.cell == 1:
                obs = -1
                keep = ok
                if ok:
                    obs = pre.obs if pre.obs >= 0 else reg.obs(pre)
                    earlier = self.wide_rows.setdefault(obs, loc)
                    if earlier != loc:
                        error(
                            source,
                            number,
                            None,
                            "rij.dubbele_rij",
                            respondent=pre.respondent_id,
                            cel=self._obs_label(obs),
                            eerder=self._ref(earlier),
                        )
                        keep = False
                prefix = store.axis_prefix(obs) if keep else 0
                for pos, _, column_index, lo, hi in axis_columns:
                    value = self._checked(source, number, table.header[pos], row[pos], lo, hi)
                    if keep and value is not None:
                        store.keys.append(prefix + store.axis_cell(column_index, value))
                        store.locs.append(loc)
            elif axis_columns:
                for pos, code, _, _, _ in axis_columns:
                    if row[pos].strip():
                        error(
                            source, number, table.header[pos], "cel.as_item_zonder_cel", item=code
                        )

            if gem_columns:
                prefix = store.gem_prefix(pre.gem if pre.gem >= 0 else reg.gem(pre)) if ok else 0
                for pos, _, column_index, lo, hi in gem_columns:
                    value = self._checked(source, number, table.header[pos], row[pos], lo, hi)
                    if ok and value is not None and value == value:
                        store.keys.append(prefix + store.gem_cell(column_index, value))
                        store.locs.append(loc)
        if number - table.header_row - blank <= 0:
            self._no_rows(source)

    def _checked(
        self, source: Source, row: int, column: str, raw: str, lo: int, hi: int
    ) -> float | None:
        """The answer in a wide cell (NaN when empty), or None after reporting a problem."""
        value = self.reg.answers.get(raw)
        if value is None:
            value = self.reg.answer(raw)
        if isinstance(value, Invalid):
            self.collector.error(source, row, column, value.code, **dict(value.params))
            return None
        if value == value and not lo <= value <= hi:
            self.collector.error(
                source, row, column, "cel.buiten_bereik", waarde=raw.strip(), lo=lo, hi=hi
            )
            return None
        return value

    # -- finishing ------------------------------------------------------------------------------

    def _obs_label(self, obs: int) -> str:
        reg = self.reg
        _, g, t, p = reg.obs_keys[obs]
        return f"{reg.gemeente_codes[g]} {reg.transities[t]} {PERSPECTIEVEN[p]}"

    def _duplicates(self, entries: Entries, axis: bool) -> None:
        """Report every answer given twice for the same observation and item.

        Two answers are ambiguous even when equal — except a gemeente item that wide files
        repeat on several rows, where only a differing value is a conflict.
        """
        reg = self.reg
        items = reg.axis_items if axis else reg.gemeente_items
        for a, b in repeats(entries):
            loc_a, loc_b = int(entries.locs[a]), int(entries.locs[b])
            table_b = loc_b >> ROW_BITS
            wide = self.source_wide[table_b]
            lenient = not axis and wide and self.source_wide[loc_a >> ROW_BITS]
            value_a, value_b = float(entries.values[a]), float(entries.values[b])
            if lenient and value_a == value_b:
                continue
            obs, column = divmod(int(entries.slots[b]), len(items))
            if axis:
                respondent = reg.respondent_ids[reg.obs_keys[obs][0]]
                cel = self._obs_label(obs)
            else:
                r, g = reg.gem_keys[obs]
                respondent = reg.respondent_ids[r]
                cel = reg.gemeente_codes[g]
            source, row = self.sources[table_b], loc_b & ROW_MASK
            where = items[column] if wide else None
            if lenient:
                self.collector.error(
                    source,
                    row,
                    where,
                    "cel.gemeente_item_conflict",
                    waarde=_answer_text(value_b),
                    eerdere_waarde=_answer_text(value_a),
                    respondent=respondent,
                    cel=cel,
                    eerder=self._ref(loc_a),
                )
            else:
                self.collector.error(
                    source,
                    row,
                    where,
                    "rij.dubbel_antwoord",
                    item=items[column],
                    respondent=respondent,
                    cel=cel,
                    eerder=self._ref(loc_a),
                )

    def _check_open(self) -> None:
        """Check the leading cells of free-text rows; warn once per file with free text."""
        reg = self.reg
        for source, number, raw_prefix, names in self.open_rows:
            self._emit(source, number, reg.open_prefix(raw_prefix, source, number), names)
        self.open_rows.clear()
        for source, row, codes in self.open_found.values():
            items = ", ".join(code for code in reg.open_order if code in codes)
            self.collector.warning(source, row, None, "antwoorden.vrije_tekst", items=items)
        self.open_found.clear()

    def check(self) -> None:
        """Find duplicate answers; call after every table has been read."""
        self._check_open()
        axis, gem = self.store.entries()
        self._duplicates(axis, axis=True)
        self._duplicates(gem, axis=False)

    def build(self) -> Responses:
        reg = self.reg
        axis_entries, gem_entries = self.store.entries()
        obs = np.asarray(reg.obs_keys, dtype=np.intp).reshape(-1, 4)
        gems = np.asarray(reg.gem_keys, dtype=np.intp).reshape(-1, 2)
        return build_responses(
            respondent_ids=reg.respondent_ids,
            respondent_group=reg.respondent_group,
            respondent_org=reg.respondent_org,
            transities=reg.transities,
            axis_items=reg.axis_items,
            gemeente_items=reg.gemeente_items,
            gemeente_codes=reg.gemeente_codes,
            obs_respondent=obs[:, 0],
            obs_gemeente=obs[:, 1],
            obs_transitie=obs[:, 2],
            obs_perspectief=obs[:, 3],
            axis_answers=matrix(axis_entries, len(reg.obs_keys), len(reg.axis_items)),
            gem_respondent=gems[:, 0],
            gem_gemeente=gems[:, 1],
            gemeente_answers=matrix(gem_entries, len(reg.gem_keys), len(reg.gemeente_items)),
        )
