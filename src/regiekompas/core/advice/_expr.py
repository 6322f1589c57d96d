"""The small expression language of the advice rules: conditions and severities as data.

A domain expert writes `waarde >= kloof_groot and dcc < 0` in the rules file; it is parsed
with Python's `ast` and checked against a whitelist at load time, so a typo or anything
beyond the language (attribute access, subscripts, arbitrary calls such as
`__import__('os')`) is refused before a single result is read. Evaluation is a small
interpreter over the checked tree — never `eval`.

Allowed: numbers, strings, the names of the scope's figures and of the thresholds;
comparisons (`< <= > >= == !=`, strings only with `==`/`!=`); `and`, `or`, `not`;
`+ - * /`; and the functions `abs`, `min`, `max`.

Missing figures (null in the results, or not computable) follow three-valued logic as in
SQL: a comparison with a missing figure is *unknown*, `False and unknown` is False,
`True or unknown` is True, and a rule fires only when its condition is certainly true.
So a rule that lacks its figures does not fire, while `a or b` still fires on `a` alone.
In arithmetic a missing figure makes the result missing, except that `min` and `max` skip
missing arguments (missing only when all are); division by zero gives missing.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

Value = float | bool | str | None
ExprType = Literal["getal", "waarheid", "tekst"]


class ExprError(ValueError):
    """An expression outside the language or mistyped; the loader adds file and field."""


@dataclass(frozen=True)
class FigureType:
    """What a name in an expression stands for: its type, and for texts the valid values."""

    type: ExprType
    values: frozenset[str] | None = None


_COMPARE: Final[dict[type[ast.cmpop], Callable[[Any, Any], Any]]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_TEXT_COMPARE: Final = (ast.Eq, ast.NotEq)
_ARITHMETIC: Final[dict[type[ast.operator], Callable[[float, float], float]]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_FUNCTIONS: Final = ("abs", "min", "max")


@dataclass(frozen=True)
class Expr:
    """A checked expression; `names` are the figures it reads (thresholds are inlined)."""

    source: str
    names: frozenset[str]
    _tree: ast.expr
    _constants: Mapping[str, float]

    def evaluate(self, figures: Mapping[str, Value]) -> Value:
        return _Interpreter(figures, self._constants).run(self._tree)


def compile_expr(
    source: str,
    *,
    figures: Mapping[str, FigureType],
    constants: Mapping[str, float],
    want: ExprType,
) -> Expr:
    """Parse and type-check `source`; raise `ExprError` saying what is wrong."""
    if not isinstance(source, str) or not source.strip():
        raise ExprError("expected a non-empty expression")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExprError(f"invalid expression: {exc.msg}") from None
    checker = _Checker(figures, constants)
    found = checker.check(tree.body)
    if found != want:
        raise ExprError(f"expression gives a {found}, expected a {want}")
    return Expr(source, frozenset(checker.used), tree.body, dict(constants))


class _Checker:
    def __init__(self, figures: Mapping[str, FigureType], constants: Mapping[str, float]):
        self.figures = figures
        self.constants = constants
        self.used: set[str] = set()

    def check(self, node: ast.expr) -> ExprType:
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                self._expect(value, "waarheid", "and/or")
            return "waarheid"
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                self._expect(node.operand, "waarheid", "not")
                return "waarheid"
            if isinstance(node.op, ast.USub | ast.UAdd):
                self._expect(node.operand, "getal", "a sign")
                return "getal"
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            self._expect(node.left, "getal", "arithmetic")
            self._expect(node.right, "getal", "arithmetic")
            return "getal"
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or node.value is None:
                raise ExprError(f"constant {node.value!r} is not allowed")
            if isinstance(node.value, int | float):
                return "getal"
            if isinstance(node.value, str):
                return "tekst"
            raise ExprError(f"constant {node.value!r} is not allowed")
        if isinstance(node, ast.Name):
            return self._name(node.id)
        if isinstance(node, ast.Call):
            return self._call(node)
        raise ExprError(f"{type(node).__name__} is not allowed in a rule expression")

    def _expect(self, node: ast.expr, want: ExprType, where: str) -> None:
        found = self.check(node)
        if found != want:
            raise ExprError(f"{where} needs a {want}, got a {found}: {ast.unparse(node)!r}")

    def _name(self, name: str) -> ExprType:
        if name in self.figures:
            self.used.add(name)
            return self.figures[name].type
        if name in self.constants:
            return "getal"
        known = ", ".join(sorted(self.figures))
        raise ExprError(f"unknown figure or threshold {name!r}; figures here: {known}")

    def _call(self, node: ast.Call) -> ExprType:
        func = node.func
        if not isinstance(func, ast.Name) or func.id not in _FUNCTIONS:
            name = ast.unparse(func)
            raise ExprError(f"function {name!r} is not allowed (only {', '.join(_FUNCTIONS)})")
        if node.keywords or not node.args or (func.id == "abs" and len(node.args) != 1):
            raise ExprError(f"wrong arguments for {func.id}()")
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise ExprError(f"wrong arguments for {func.id}()")
            self._expect(arg, "getal", f"{func.id}()")
        return "getal"

    def _compare(self, node: ast.Compare) -> ExprType:
        operands = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
            if type(op) not in _COMPARE:
                raise ExprError(f"comparison {type(op).__name__} is not allowed")
            left_type, right_type = self.check(left), self.check(right)
            if left_type != right_type or left_type == "waarheid":
                raise ExprError(
                    f"cannot compare a {left_type} with a {right_type}: "
                    f"{ast.unparse(left)!r} and {ast.unparse(right)!r}"
                )
            if left_type == "tekst":
                if not isinstance(op, _TEXT_COMPARE):
                    raise ExprError("texts can only be compared with == or !=")
                self._known_text(left, right)
                self._known_text(right, left)
        return "waarheid"

    def _known_text(self, name: ast.expr, constant: ast.expr) -> None:
        """`kwadrant == "Coordineren"` would never be true: refuse a value the figure lacks."""
        if not (isinstance(name, ast.Name) and isinstance(constant, ast.Constant)):
            return
        values = self.figures[name.id].values
        if values is not None and constant.value not in values:
            raise ExprError(
                f"{name.id} is never {constant.value!r}; "
                f"expected one of {', '.join(sorted(values))}"
            )


class _Interpreter:
    def __init__(self, figures: Mapping[str, Value], constants: Mapping[str, float]):
        self.figures = figures
        self.constants = constants

    def run(self, node: ast.expr) -> Value:
        if isinstance(node, ast.BoolOp):
            values = [self.run(value) for value in node.values]
            decisive = isinstance(node.op, ast.Or)  # True decides `or`, False decides `and`
            if decisive in values:
                return decisive
            return None if None in values else not decisive
        if isinstance(node, ast.UnaryOp):
            operand = self.run(node.operand)
            if operand is None:
                return None
            if isinstance(node.op, ast.Not):
                return not operand
            number = _number(operand)
            return -number if isinstance(node.op, ast.USub) else number
        if isinstance(node, ast.BinOp):
            return self._arithmetic(node)
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.Constant):
            constant = node.value
            return constant if isinstance(constant, str) else _number(constant)
        if isinstance(node, ast.Name):
            if node.id in self.constants:
                return self.constants[node.id]
            return self.figures.get(node.id)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self._call(node.func.id, [self.run(arg) for arg in node.args])
        raise ExprError(f"{type(node).__name__} is not allowed")  # unreachable after check

    def _arithmetic(self, node: ast.BinOp) -> Value:
        left, right = self.run(node.left), self.run(node.right)
        if left is None or right is None:
            return None
        if isinstance(node.op, ast.Div) and _number(right) == 0:
            return None
        return _ARITHMETIC[type(node.op)](_number(left), _number(right))

    def _compare(self, node: ast.Compare) -> Value:
        result: Value = True
        operands = [self.run(item) for item in (node.left, *node.comparators)]
        for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
            if left is None or right is None:
                result = None
            elif not _COMPARE[type(op)](left, right):
                return False
        return result

    @staticmethod
    def _call(name: str, args: list[Value]) -> Value:
        numbers = [_number(arg) for arg in args if arg is not None]
        if name == "abs":
            return abs(numbers[0]) if numbers else None
        if not numbers:
            return None
        return min(numbers) if name == "min" else max(numbers)


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExprError(f"expected a number, got {value!r}")
    return float(value)
