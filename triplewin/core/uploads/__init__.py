"""Reading uploaded files safely: one set of limits for every importer.

Spreadsheets (CSV and XLSX), JSON and PDF uploads are opened here, never directly with csv,
openpyxl, json or pypdf, so every file is read within the same limits (`caps`) and every
refusal is a `Refused` error carrying the message to show next to the file. Nothing here
touches a database: callers read and check a whole file first, then write in one short
transaction.
"""

from triplewin.core.uploads.caps import MAX_BYTES, Refused
from triplewin.core.uploads.pdf import pdf_pages
from triplewin.core.uploads.text import check_json_nesting, csv_records
from triplewin.core.uploads.workbook import xlsx_rows

__all__ = ["MAX_BYTES", "Refused", "check_json_nesting", "csv_records", "pdf_pages", "xlsx_rows"]
