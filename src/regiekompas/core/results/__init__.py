"""The results document as a typed contract (docs/method.md, "Results document").

`rows` holds one TypedDict per table; `tables` the registry every export reads its fields
from (key fields, field order, labels and descriptions in Dutch and English, the band).
"""

from regiekompas.core.results.rows import Document
from regiekompas.core.results.tables import (
    TABLE_NAMES,
    Field,
    Table,
    definitions,
    meta_fields,
    table,
    tables,
)

__all__ = [
    "TABLE_NAMES",
    "Document",
    "Field",
    "Table",
    "definitions",
    "meta_fields",
    "table",
    "tables",
]
