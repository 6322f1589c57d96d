"""Reading and checking the advice rules file (`regels.toml`).

The rules are edited by domain experts, not programmers, so everything that could go wrong
while evaluating — an unknown figure, a placeholder the scope cannot fill, a missing English
text, a reference to a part of the model that does not exist — is caught here, at load, as a
`DataFileError` naming the file and the field (`regels.<code>.als`). A rules file that loads
can therefore not crash `evaluate` later.
"""

from __future__ import annotations

import functools
import itertools
import os
import string
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final

from regiekompas.core.advice._catalogue import MERGED, SCOPES, Scope, figure_names
from regiekompas.core.advice._expr import Expr, ExprError, ExprType, compile_expr
from regiekompas.core.datafile import as_number, as_table, parse_toml, reject_unknown
from regiekompas.core.text import LANGUAGES, DataFileError, Text, text_from
from regiekompas.core.vocabulary import CONDITIONS, QUADRANTS

if TYPE_CHECKING:
    from regiekompas.core.advice._context import ModelLike

DEFAULT_FILE: Final = "regels.toml"
SUPPORTED_VERSIONS: Final = ("1",)
_ROOT_KEYS: Final = frozenset({"versie", "max_ernst", "drempels", "gewichten", "regels"})
_RULE_KEYS: Final = frozenset(
    {"code", "scope", "als", "ernst", "prioriteit", "bron", "tekst", "detail", "eerste_stap"}
)


@dataclass(frozen=True)
class Rule:
    """One advice rule; `needs` are the figures and labels its texts and reference use."""

    code: str
    scope: str
    als: Expr
    ernst: Expr | None
    prioriteit: float
    bron: str
    tekst: Text
    needs: frozenset[str]
    #: The concrete first step: who does what first (product.md §5).
    eerste_stap: Text
    #: Per-entry text of a rule of a multi scope, joined into `{details}` of `tekst`.
    detail: Text | None = None


@dataclass(frozen=True)
class Rules:
    """A checked rules file: thresholds, quadrant weights of the conditions, and the rules."""

    file: str
    versie: str
    max_ernst: float
    drempels: Mapping[str, float]
    gewichten: Mapping[str, Mapping[str, float]]
    regels: tuple[Rule, ...]


def load_rules(
    path: str | os.PathLike[str] | None = None, *, model: ModelLike | None = None
) -> Rules:
    """The packaged rules (cached), or those in another file, checked against the model.

    Model references are checked against `model`, or against the packaged model when none
    is given; only loads against the packaged model are cached (per file and modification).
    """
    if model is not None:
        if path is None:
            data = resources.files(__package__).joinpath(DEFAULT_FILE).read_bytes()
            return parse_rules(data, file=DEFAULT_FILE, model=model)
        return parse_rules(Path(path).read_bytes(), file=str(path), model=model)
    if path is None:
        return _default_rules()
    stat = Path(path).stat()
    return _cached_rules(str(path), stat.st_mtime_ns, stat.st_size)


@functools.cache
def _default_rules() -> Rules:
    data = resources.files(__package__).joinpath(DEFAULT_FILE).read_bytes()
    return parse_rules(data, file=DEFAULT_FILE, model=_packaged_model())


@functools.lru_cache(maxsize=16)
def _cached_rules(path: str, mtime_ns: int, size: int) -> Rules:
    return parse_rules(Path(path).read_bytes(), file=path, model=_packaged_model())


def _packaged_model() -> ModelLike:
    from regiekompas.core.model import load_model

    return load_model()


def parse_rules(data: bytes | str, *, file: str, model: ModelLike) -> Rules:
    """Validate and build the rules from a file's contents; `file` names it in errors."""
    raw = parse_toml(data, file=file)
    _no_unknown(raw, _ROOT_KEYS, file, "")
    versie = raw.get("versie")
    if versie not in SUPPORTED_VERSIONS:
        expected = ", ".join(repr(v) for v in SUPPORTED_VERSIONS)
        raise DataFileError(file, "versie", f"unsupported version {versie!r}; expected {expected}")
    max_ernst = as_number(raw.get("max_ernst", 3.0), file=file, field="max_ernst")
    if max_ernst < 1:
        raise DataFileError(file, "max_ernst", "must be at least 1")
    drempels = _drempels(raw.get("drempels", {}), file)
    gewichten = _gewichten(raw.get("gewichten"), file)
    regels = _regels(raw.get("regels"), file, drempels, model)
    return Rules(file, str(versie), max_ernst, drempels, gewichten, regels)


def _no_unknown(table: Mapping[str, object], allowed: frozenset[str], file: str, path: str) -> None:
    """Every table of the rules file has fixed keys, so the error lists them."""
    reject_unknown(table, allowed, file=file, path=path, list_allowed=True)


def _drempels(value: object, file: str) -> dict[str, float]:
    taken = figure_names()
    drempels = {}
    for name, number in as_table(value, file=file, field="drempels").items():
        field = f"drempels.{name}"
        if not name.isidentifier():
            raise DataFileError(file, field, "a threshold name must be a single word (a-z, _)")
        if name in taken:
            raise DataFileError(file, field, "this name is also a figure; choose another")
        drempels[name] = as_number(number, file=file, field=field)
    return drempels


def _gewichten(value: object, file: str) -> dict[str, dict[str, float]]:
    """Every quadrant weighs every condition: a missing one would silently count as zero."""
    table = as_table(value, file=file, field="gewichten")
    _no_unknown(table, frozenset(QUADRANTS), file, "gewichten")
    weights: dict[str, dict[str, float]] = {}
    for quadrant in QUADRANTS:
        if quadrant not in table:
            raise DataFileError(file, f"gewichten.{quadrant}", "missing table of weights")
        row = as_table(table[quadrant], file=file, field=f"gewichten.{quadrant}")
        _no_unknown(row, frozenset(CONDITIONS), file, f"gewichten.{quadrant}")
        weights[quadrant] = {}
        for condition in CONDITIONS:
            field = f"gewichten.{quadrant}.{condition}"
            if condition not in row:
                raise DataFileError(file, field, "missing weight")
            weight = as_number(row[condition], file=file, field=field)
            if weight <= 0:
                raise DataFileError(file, field, "a weight must be positive")
            weights[quadrant][condition] = weight
    return weights


def _regels(
    value: object, file: str, drempels: Mapping[str, float], model: ModelLike
) -> tuple[Rule, ...]:
    if not isinstance(value, list) or not value:
        raise DataFileError(file, "regels", "expected a non-empty list of [[regels]] tables")
    rules: dict[str, Rule] = {}
    for index, item in enumerate(value):
        table = as_table(item, file=file, field=f"regels[{index}]")
        code = table.get("code")
        if not isinstance(code, str) or not code.isidentifier():
            raise DataFileError(file, f"regels[{index}].code", "expected a code (a-z, 0-9, _)")
        if code in rules:
            raise DataFileError(file, f"regels.{code}", "duplicate code")
        rules[code] = _regel(table, f"regels.{code}", file, drempels, model)
    return tuple(rules.values())


def _regel(
    table: Mapping[str, object],
    path: str,
    file: str,
    drempels: Mapping[str, float],
    model: ModelLike,
) -> Rule:
    _no_unknown(table, _RULE_KEYS, file, path)
    scope_code = table.get("scope")
    if not isinstance(scope_code, str) or scope_code not in SCOPES:
        known = ", ".join(SCOPES)
        raise DataFileError(
            file, f"{path}.scope", f"unknown scope {scope_code!r}; expected {known}"
        )
    scope = SCOPES[scope_code]
    als = _expr(table.get("als"), scope, drempels, "waarheid", file, f"{path}.als")
    ernst = None
    if "ernst" in table:
        ernst = _expr(table["ernst"], scope, drempels, "getal", file, f"{path}.ernst")
    prioriteit = as_number(table.get("prioriteit"), file=file, field=f"{path}.prioriteit")
    if prioriteit <= 0:
        raise DataFileError(file, f"{path}.prioriteit", "must be positive")
    tekst = text_from(table.get("tekst"), file=file, field=f"{path}.tekst")
    eerste_stap = text_from(table.get("eerste_stap"), file=file, field=f"{path}.eerste_stap")
    detail = None
    if scope.multi:
        detail = text_from(table.get("detail"), file=file, field=f"{path}.detail")
    elif "detail" in table:
        raise DataFileError(
            file, f"{path}.detail", "only rules of a scope with several entries per gemeente"
        )
    needs: set[str] = set()
    for lang in LANGUAGES:
        allowed = scope.text_placeholders
        for key, template in (("tekst", tekst), ("eerste_stap", eerste_stap)):
            field = f"{path}.{key}.{lang}"
            needs |= _placeholders(template.get(lang), allowed, drempels, file, field)
        if detail is not None:
            field = f"{path}.detail.{lang}"
            needs |= _placeholders(detail.get(lang), scope.placeholders, drempels, file, field)
            if "details" not in _fields(tekst.get(lang), file, f"{path}.tekst.{lang}"):
                raise DataFileError(
                    file, f"{path}.tekst.{lang}", "a merged text must show its {details}"
                )
    needs -= MERGED
    bron, bron_needs = _bron(table.get("bron"), scope, model, file, f"{path}.bron")
    return Rule(
        code=str(table["code"]),
        scope=scope_code,
        als=als,
        ernst=ernst,
        prioriteit=prioriteit,
        bron=bron,
        tekst=tekst,
        needs=frozenset(needs | bron_needs),
        eerste_stap=eerste_stap,
        detail=detail,
    )


def _expr(
    source: object,
    scope: Scope,
    drempels: Mapping[str, float],
    want: ExprType,
    file: str,
    field: str,
) -> Expr:
    if not isinstance(source, str):
        raise DataFileError(file, field, "expected an expression in quotes")
    figures = {name: figure.type for name, figure in scope.figures.items()}
    try:
        return compile_expr(source, figures=figures, constants=drempels, want=want)
    except ExprError as exc:
        raise DataFileError(file, field, str(exc)) from None


def _fields(template: str, file: str, field: str) -> list[str]:
    """The `{names}` of a template; positional, formatted or dotted fields are refused."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise DataFileError(file, field, f"bad braces: {exc}") from None
    names = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise DataFileError(
                file, field, f"placeholder {{{name}}} must be a plain {{name}} (no format spec)"
            )
        names.append(name)
    return names


def _placeholders(
    template: str, allowed: frozenset[str], drempels: Mapping[str, float], file: str, field: str
) -> set[str]:
    needs = set()
    for name in _fields(template, file, field):
        if name in drempels:
            continue
        if name not in allowed:
            available = ", ".join(sorted(allowed))
            raise DataFileError(
                file, field, f"placeholder {{{name}}} is not available here; use one of {available}"
            )
        needs.add(name)
    return needs


def _bron(
    value: object, scope: Scope, model: ModelLike, file: str, field: str
) -> tuple[str, set[str]]:
    """The model reference, possibly `condities.{conditie}`: every expansion must exist."""
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(file, field, "expected a model reference such as 'condities.vorm'")
    names = _fields(value, file, field)
    options: list[list[str]] = []
    for name in names:
        figure = scope.figures.get(name)
        if figure is None or figure.values is None:
            raise DataFileError(file, field, f"{{{name}}} is not a code figure of this scope")
        options.append(sorted(figure.values))
    for combination in itertools.product(*options):
        ref = value.format(**dict(zip(names, combination, strict=True)))
        if not model.has_reference(ref):
            raise DataFileError(file, field, f"the model has no part {ref!r}")
    return value, set(names)
