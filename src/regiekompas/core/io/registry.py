"""What the leading cells and (item, answer) pairs of responses rows mean, decided once each.

A national file has millions of rows but only thousands of distinct respondents, a few
hundred gemeenten, eight transitie × perspectief combinations and a few hundred (item,
answer) pairs. Each distinct text is validated on first sight and the outcome — an index, or
the errors to report for every row that repeats it — is kept, so a row costs dictionary
look-ups only. The registry also numbers respondents, gemeenten and observations in order of
appearance.
"""

from __future__ import annotations

import math

from regiekompas.core.io.collector import Source
from regiekompas.core.io.context import Context
from regiekompas.core.io.limits import TEXT_LIMITS, LimitExceeded, text_problem
from regiekompas.core.io.messages import Param, Ref
from regiekompas.core.io.values import Invalid, gemeente_code, parse_answer
from regiekompas.core.vocabulary import PERSPECTIEVEN

Problem = tuple[str, str, dict[str, Param]]  # column, message code, parameters
Problems = tuple[Problem, ...]


class Prefix:
    """The validated leading cells of a row: respondent, gemeente, transitie, perspectief.

    `cell` is 0 when transitie and perspectief are both empty, 1 when both are given, 2 when
    only one is. `obs`/`gem` are observation indexes once allocated: -1 means "allocate on
    first use", -2 "impossible" (the prefix has errors, or there is no cell).
    """

    __slots__ = (
        "cell",
        "errors",
        "gem",
        "gemeente",
        "obs",
        "perspectief",
        "respondent",
        "respondent_id",
        "transitie",
        "transitie_given",
    )

    def __init__(
        self,
        errors: Problems,
        respondent_id: str,
        respondent: int,
        gemeente: int,
        transitie: int,
        perspectief: int,
        cell: int,
        transitie_given: bool,
    ) -> None:
        self.errors = errors
        self.respondent_id = respondent_id
        self.respondent = respondent
        self.gemeente = gemeente
        self.transitie = transitie
        self.perspectief = perspectief
        self.cell = cell
        self.transitie_given = transitie_given
        self.gem = -2 if errors else -1
        self.obs = -1 if not errors and cell == 1 else -2


class Cell:
    """A validated (item, answer) pair of a long table; `column` is the item's index."""

    __slots__ = ("axis", "code", "column", "errors", "value")

    def __init__(self, code: str, axis: bool, column: int, value: float, errors: Problems) -> None:
        self.code = code
        self.axis = axis
        self.column = column
        self.value = value
        self.errors = errors


class Registry:
    def __init__(self, context: Context) -> None:
        self.ctx = context
        self.collector = context.collector
        inst = context.instrument
        self.axis_items = tuple(inst.axis_item_codes)
        self.gemeente_items = tuple(inst.gemeente_item_codes)
        self.axis_column = {code: i for i, code in enumerate(self.axis_items)}
        self.gemeente_column = {code: i for i, code in enumerate(self.gemeente_items)}
        self.ranges = {
            code: inst.answer_range(code) for code in (*self.axis_items, *self.gemeente_items)
        }
        #: The free-text questions, in the instrument's order: accepted, never imported.
        self.open_order = tuple(question.code.lower() for question in inst.open_questions)
        self.open_codes = frozenset(self.open_order)
        self.groups = frozenset(context.model.group_codes)
        self.transities = tuple(context.model.transitie_codes)
        self.transitie_index = {code: i for i, code in enumerate(self.transities)}
        self.perspectief_index = {code: i for i, code in enumerate(PERSPECTIEVEN)}

        self.respondent_index: dict[str, int] = {}
        self.respondent_ids: list[str] = []
        self.respondent_group: list[str] = []
        self.respondent_org: list[str] = []
        self.respondent_first: list[tuple[Source, int]] = []
        self.gemeente_index: dict[str, int] = {}
        self.gemeente_codes: list[str] = []
        self.obs_index: dict[tuple[int, int, int, int], int] = {}
        self.obs_keys: list[tuple[int, int, int, int]] = []
        self.gem_index: dict[tuple[int, int], int] = {}
        self.gem_keys: list[tuple[int, int]] = []
        self.warned_orgs: set[str] = set()

        self.prefixes: dict[tuple[str, ...], Prefix] = {}
        self.cells: dict[tuple[str, ...], Cell] = {}
        self.answers: dict[str, float | Invalid] = {}
        self._who: dict[tuple[str, str, str], tuple[str, int, Problems]] = {}
        self._where: dict[str, tuple[int, Problems]] = {}
        self._cells: dict[tuple[str, str], tuple[int, int, int, bool, Problems]] = {}
        # Respondents seen only in free-text rows: groep, organisatie and where first seen.
        self._open_who: dict[str, tuple[str, str, tuple[Source, int]]] = {}

    # -- prefixes -----------------------------------------------------------------------------

    def prefix(self, raw: tuple[str, ...], source: Source, row: int) -> Prefix:
        limit = self.ctx.max_prefixes
        if limit is not None and len(self.prefixes) >= limit:
            # Each distinct prefix is kept (with its respondent) for the rest of the import;
            # the limit bounds that memory (docs/security.md).
            raise LimitExceeded(source, row, "grens.combinaties", max=limit)
        rid, groep, org, gem, trans, persp = raw
        who = self._who.get((rid, groep, org)) or self._respondent(rid, groep, org, source, row)
        where = self._where.get(gem) or self._gemeente(gem)
        cell = self._cells.get((trans, persp)) or self._cell_part(trans, persp)
        pre = Prefix(
            who[2] + where[1] + cell[4],
            who[0],
            who[1],
            where[0],
            cell[0],
            cell[1],
            cell[2],
            cell[3],
        )
        self.prefixes[raw] = pre
        return pre

    def _respondent(
        self, rid_raw: str, groep_raw: str, org_raw: str, source: Source, row: int
    ) -> tuple[str, int, Problems]:
        """Check a respondent's id and group, and that they match earlier rows.

        Each distinct (id, groep, organisatie) text is checked once, so a conflicting group
        is reported on every row that carries it, pointing at the respondent's first row.
        """
        rid, groep_text, org = rid_raw.strip(), groep_raw.strip(), org_raw.strip()
        groep = groep_text.lower()
        errors = self._groep_org(groep_text, org, source, row)
        for column, text in (("respondent_id", rid), ("organisatie", org)):
            problem = text_problem(text, TEXT_LIMITS[("antwoorden", column)])
            if problem is not None:
                errors.append((column, *problem))
        respondent = -1
        if not rid:
            errors.append(("respondent_id", "cel.leeg", {}))
        elif rid not in self.respondent_index:
            respondent = len(self.respondent_ids)
            self.respondent_index[rid] = respondent
            self.respondent_ids.append(rid)
            self.respondent_group.append(groep)
            self.respondent_org.append(org)
            self.respondent_first.append((source, row))
        else:
            respondent = self.respondent_index[rid]
            first_source, first_row = self.respondent_first[respondent]
            errors.extend(
                _conflicts(
                    rid,
                    groep,
                    org,
                    self.respondent_group[respondent],
                    self.respondent_org[respondent],
                    first_source.ref(first_row),
                )
            )
        result = (rid, respondent, tuple(errors))
        self._who[(rid_raw, groep_raw, org_raw)] = result
        return result

    def _groep_org(self, groep_text: str, org: str, source: Source, row: int) -> list[Problem]:
        """Check a row's groep; warn (once per name) about an organisatie nobody declared."""
        groep = groep_text.lower()
        errors: list[Problem] = []
        if not groep:
            errors.append(("groep", "cel.leeg", {}))
        elif groep not in self.groups:
            keuzes = ", ".join(self.ctx.model.group_codes)
            errors.append(("groep", "cel.groep", {"waarde": groep_text, "keuzes": keuzes}))
        known_orgs = self.ctx.known.organisaties
        if known_orgs is not None and org and org not in known_orgs and org not in self.warned_orgs:
            self.warned_orgs.add(org)
            self.collector.warning(
                source,
                row,
                "organisatie",
                "cel.organisatie_onbekend_antwoorden",
                waarde=org,
                bestand=self.ctx.known.organisaties_file,
            )
        return errors

    def _gemeente_check(self, text: str) -> tuple[str | None, Problem | None]:
        code = gemeente_code(text)
        known = self.ctx.known
        problem: Problem | None = None
        if not text:
            problem = ("gemeente_code", "cel.leeg", {})
        elif code is None:
            problem = ("gemeente_code", "cel.gemeentecode", {"waarde": text})
        elif known.gemeenten is not None and code not in known.gemeenten:
            params: dict[str, Param] = {"waarde": code, "bestand": known.gemeenten_file}
            problem = ("gemeente_code", "cel.gemeente_onbekend", params)
        return code, problem

    def _gemeente(self, raw: str) -> tuple[int, Problems]:
        code, problem = self._gemeente_check(raw.strip())
        result: tuple[int, Problems]
        if problem is not None or code is None:
            result = (-1, (problem,) if problem else ())
        else:
            index = self.gemeente_index.get(code)
            if index is None:
                index = len(self.gemeente_codes)
                self.gemeente_index[code] = index
                self.gemeente_codes.append(code)
            result = (index, ())
        self._where[raw] = result
        return result

    def _cell_part(self, trans_raw: str, persp_raw: str) -> tuple[int, int, int, bool, Problems]:
        trans_text, persp_text = trans_raw.strip(), persp_raw.strip()
        trans, persp = trans_text.lower(), persp_text.lower()
        errors: list[Problem] = []
        transitie = perspectief = -1
        if trans:
            transitie = self.transitie_index.get(trans, -1)
            if transitie < 0:
                keuzes = ", ".join(self.transities)
                errors.append(
                    ("transitie", "cel.transitie", {"waarde": trans_text, "keuzes": keuzes})
                )
        if persp:
            perspectief = self.perspectief_index.get(persp, -1)
            if perspectief < 0:
                keuzes = ", ".join(PERSPECTIEVEN)
                errors.append(
                    ("perspectief", "cel.perspectief", {"waarde": persp_text, "keuzes": keuzes})
                )
        cell = 0 if not (trans or persp) else 1 if (trans and persp) else 2
        result = (transitie, perspectief, cell, bool(trans), tuple(errors))
        self._cells[(trans_raw, persp_raw)] = result
        return result

    def obs(self, pre: Prefix) -> int:
        """The observation of a prefix without errors that has a cell, allocated on first use."""
        key = (pre.respondent, pre.gemeente, pre.transitie, pre.perspectief)
        index = self.obs_index.get(key)
        if index is None:
            index = len(self.obs_keys)
            self.obs_index[key] = index
            self.obs_keys.append(key)
        pre.obs = index
        return index

    def gem(self, pre: Prefix) -> int:
        """The gemeente observation of a prefix without errors, allocated on first use."""
        key = (pre.respondent, pre.gemeente)
        index = self.gem_index.get(key)
        if index is None:
            index = len(self.gem_keys)
            self.gem_index[key] = index
            self.gem_keys.append(key)
        pre.gem = index
        return index

    # -- free-text rows -----------------------------------------------------------------------

    def open_code(self, item_raw: str) -> str | None:
        """The open question a long row's item names, or None for any other item."""
        code = item_raw.strip().lower()
        return code if code in self.open_codes else None

    def open_prefix(self, raw: tuple[str, ...], source: Source, row: int) -> Problems:
        """The problems of the leading cells of a free-text row, which is not imported.

        The same checks as for a row with a number, except that transitie and perspectief may
        be left empty (or only one given), and that nothing is registered: a respondent or
        gemeente that only has free text does not appear in the dataset. Call this after all
        rows with numbers have been read, so a conflict with any of them is found.
        """
        rid_raw, groep_raw, org_raw, gem, trans, persp = raw
        rid = rid_raw.strip()
        errors: list[Problem] = []
        if not rid or rid in self.respondent_index:
            key = (rid_raw, groep_raw, org_raw)
            who = self._who.get(key) or self._respondent(rid_raw, groep_raw, org_raw, source, row)
            errors.extend(who[2])
        else:
            groep_text, org = groep_raw.strip(), org_raw.strip()
            groep = groep_text.lower()
            errors.extend(self._groep_org(groep_text, org, source, row))
            earlier = self._open_who.setdefault(rid, (groep, org, (source, row)))
            first_source, first_row = earlier[2]
            if (first_source, first_row) != (source, row):
                first = first_source.ref(first_row)
                errors.extend(_conflicts(rid, groep, org, earlier[0], earlier[1], first))
        where = self._where.get(gem)
        if where is not None:
            errors.extend(where[1])
        else:
            _, problem = self._gemeente_check(gem.strip())
            if problem is not None:
                errors.append(problem)
        cell = self._cells.get((trans, persp)) or self._cell_part(trans, persp)
        errors.extend(cell[4])
        return tuple(errors)

    # -- (item, answer) pairs -----------------------------------------------------------------

    def cell(self, raw: tuple[str, ...]) -> Cell:
        item_raw, answer_raw = raw[0].strip(), raw[1].strip()
        item = item_raw.lower()
        errors: list[Problem] = []
        axis = item in self.axis_column
        column = self.axis_column.get(item, self.gemeente_column.get(item, -1))
        value = math.nan
        if column < 0:
            problem = "cel.leeg" if not item else "cel.item"
            errors.append(
                ("item", problem, {"waarde": item_raw, "versie": self.ctx.instrument.versie})
            )
        parsed = parse_answer(answer_raw)
        if isinstance(parsed, Invalid):
            errors.append(("antwoord", parsed.code, dict(parsed.params)))
        else:
            value = parsed
            if column >= 0 and value == value:
                lo, hi = self.ranges[item]
                if not lo <= value <= hi:
                    params: dict[str, Param] = {"waarde": answer_raw, "lo": lo, "hi": hi}
                    errors.append(("antwoord", "cel.buiten_bereik", params))
        cell = Cell(item, axis, column, value, tuple(errors))
        self.cells[raw] = cell
        return cell

    def answer(self, raw: str) -> float | Invalid:
        """A wide table's answer cell; its range is checked by the caller per column."""
        value = parse_answer(raw.strip())
        self.answers[raw] = value
        return value


def _conflicts(
    rid: str, groep: str, org: str, earlier_groep: str, earlier_org: str, first: Ref
) -> list[Problem]:
    """A respondent's groep and organisatie that differ from those of their first row."""
    errors: list[Problem] = []
    if earlier_groep != groep:
        errors.append(
            (
                "groep",
                "cel.groep_conflict",
                {"respondent": rid, "eerdere_waarde": earlier_groep or "''", "eerder": first},
            )
        )
    if earlier_org != org:
        errors.append(
            (
                "organisatie",
                "cel.organisatie_conflict",
                {"respondent": rid, "eerdere_waarde": earlier_org, "eerder": first},
            )
        )
    return errors
