"""Spreadsheet round trip: the model as tables (one per sheet), and tables back into data files.

Export reads the validated Handbook. Import reads the tables, edits a plain-data draft of the data files
the workbook covers (keeping every field and file it does not cover), and hands the draft to `apply_draft`,
which validates the whole resulting data set before anything in data/ changes. New sheets are added by
appending a `Sheet` to SHEETS (sheets.py) with its columns, its export and its apply function.
"""

from __future__ import annotations

from .draft import Sheet
from .importer import ImportSummary, apply_draft, export_tables, import_tables
from .sheets import SHEETS
from .tables import EXTRA_COLUMNS_FILE, CellProblem, Table, WorkbookError, read_tables, workbook_summary, write_tables

__all__ = [
    "EXTRA_COLUMNS_FILE",
    "SHEETS",
    "CellProblem",
    "ImportSummary",
    "Sheet",
    "Table",
    "WorkbookError",
    "apply_draft",
    "export_tables",
    "import_tables",
    "read_tables",
    "workbook_summary",
    "write_tables",
]
