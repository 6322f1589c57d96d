"""Model instances from plain SQL, for the few queries every respondent click runs.

Django compiles each ORM query anew; for the lookup behind a respondent's link that
compiling cost several times what the database spends answering (bench/web_load.py). The
SQL here is written once per process from the models' metadata, and each column is converted
exactly as the ORM converts it (the backend's converters, then the field's), so the
instances are the same as a queryset's — JSON decoded, datetimes aware, deferred columns
loaded on first access.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from django.db import connection
from django.db.models import Field, Model

M = TypeVar("M", bound=Model)
Converter = Callable[[Any, Any, Any], Any]


class Columns(Generic[M]):
    """The concrete columns of one model (minus `defer`) and how to read them back."""

    def __init__(self, model: type[M], *, defer: Iterable[str] = ()) -> None:
        skipped = set(defer)
        self.model = model
        self.fields: list[Field[Any, Any]] = [
            f for f in model._meta.concrete_fields if f.name not in skipped
        ]
        self.attnames = [f.attname for f in self.fields]
        self._converters: list[list[Converter]] | None = None

    def __len__(self) -> int:
        return len(self.fields)

    def select(self, alias: str) -> str:
        """`alias."col", …` for a SELECT list, in the order `build` expects."""
        q = connection.ops.quote_name
        return ", ".join(f"{alias}.{q(f.column)}" for f in self.fields)

    def build(self, values: Sequence[Any]) -> M:
        """An instance from this model's slice of a row, as a queryset would give it."""
        if self._converters is None:
            self._converters = [
                # Field.get_db_converters is what the ORM's compiler calls; the stubs lack it.
                [
                    *connection.ops.get_db_converters(f.cached_col),
                    *f.get_db_converters(connection),  # type: ignore[attr-defined]
                ]
                for f in self.fields
            ]
        converted = []
        for field, converters, value in zip(self.fields, self._converters, values, strict=True):
            for convert in converters:
                value = convert(value, field.cached_col, connection)
            converted.append(value)
        return self.model.from_db(connection.alias, self.attnames, converted)


def field(model: type[Model], name: str) -> Field[Any, Any]:
    """A concrete field of `model` (a relation's reverse side is not one)."""
    found = model._meta.get_field(name)
    if not isinstance(found, Field) or found.column is None:
        raise TypeError(f"{model.__name__}.{name} is not a column")
    return found


def quoted(model: type[Model], name: str) -> str:
    """The quoted column name of field `name`, for an INSERT's column list."""
    return connection.ops.quote_name(str(field(model, name).column))


def table(model: type[Model], alias: str) -> str:
    return f"{connection.ops.quote_name(model._meta.db_table)} {alias}"


def column(model: type[Model], alias: str, name: str) -> str:
    return f"{alias}.{quoted(model, name)}"
