"""Flatten the nested rows of a results document for spreadsheets and CSV.

The tables, their columns and how each nested field is laid out come from the registry in
`core.results.tables`, so the JSON, the workbook and the CSV files cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from regiekompas.core.results.tables import TABLE_NAMES, table

#: The list-valued keys of the document, in document order.
MEASURES: Final[tuple[str, ...]] = TABLE_NAMES


def columns(measure: str) -> tuple[str, ...]:
    """Column headers of one measure, so an empty sheet still shows what it would contain."""
    return table(measure).columns()


def flat_rows(document: Mapping[str, Any], measure: str) -> Iterator[tuple[Any, ...]]:
    """Rows of one measure as tuples in the order of `columns(measure)`."""
    return table(measure).flat_rows(document)
