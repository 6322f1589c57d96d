"""Writing a results document: JSON (product.md §10), an XLSX workbook and CSV files.

Both take the document that `analysis.analyse` built, so they can only contain what passed
k-anonymity there. Files are written to a temporary name and moved into place, so a failed
export never leaves a half-written file behind.
"""

from regiekompas.core.export.files import write_csv_folder, write_json, write_xlsx
from regiekompas.core.export.flatten import MEASURES, flat_rows

__all__ = ["MEASURES", "flat_rows", "write_csv_folder", "write_json", "write_xlsx"]
