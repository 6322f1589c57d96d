"""Import and export of scan data: the files of product.md §8 in, a `Dataset` out.

`read_dataset` accepts CSV (comma or semicolon, with or without BOM) and XLSX, recognises
each table by its header, validates every cell and either returns the whole dataset or
raises `ImportFailed` with every problem found — never a partial import.
"""

from regiekompas.core.io.long_rows import LONG_HEADER, dataset_to_long_rows
from regiekompas.core.io.messages import ImportFailed, ImportMessage, ImportReport, Ref, Term
from regiekompas.core.io.reader import read_dataset
from regiekompas.core.io.region_tables import RegionTables, read_region_tables
from regiekompas.core.io.texts import MESSAGES
from regiekompas.core.io.writers import write_table, write_workbook

__all__ = [
    "LONG_HEADER",
    "MESSAGES",
    "ImportFailed",
    "ImportMessage",
    "ImportReport",
    "Ref",
    "RegionTables",
    "Term",
    "dataset_to_long_rows",
    "read_dataset",
    "read_region_tables",
    "write_table",
    "write_workbook",
]
