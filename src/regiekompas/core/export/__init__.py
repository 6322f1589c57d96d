"""Writing a results document: JSON, an XLSX workbook and CSV files (docs/method.md).

All take the document that `analysis.analyse` built, so they can only contain what passed
the k-rules there, and take their tables and columns from `core.results.tables`. Files are
written to a temporary name and moved into place, so a failed export never leaves a
half-written file behind.
"""

from regiekompas.core.export.files import write_csv_folder, write_json, write_xlsx
from regiekompas.core.export.flatten import MEASURES, columns, flat_rows

__all__ = ["MEASURES", "columns", "flat_rows", "write_csv_folder", "write_json", "write_xlsx"]
