"""Workbook tables: reading and writing .xlsx workbooks and CSV folders as named tables of rows."""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import Problem

EXTRA_COLUMNS_FILE = ".workbook-extra-columns.yml"  # columns authors added to sheets; hidden, so the data loader skips it


def header_key(text: str) -> str:
    """Headers and sheet names match case-insensitively, with runs of spaces, hyphens and underscores as one space."""
    return " ".join(re.split(r"[\s_\-]+", str(text).strip().lower())).strip()


# ---------------------------------------------------------------------------------------------------- tables


@dataclass
class Row:
    """One data row of a sheet: its 1-based row number in the sheet (headers are row 1) and its cells by header key."""

    number: int
    cells: dict[str, str]

    def get(self, header: str) -> str:
        """The cell under a header ('' when empty or absent)."""
        return self.cells.get(header_key(header), "")


@dataclass
class Table:
    """One sheet (or CSV file): headers as written, then data rows."""

    name: str
    headers: list[str]
    rows: list[Row] = field(default_factory=list)

    def has(self, header: str) -> bool:
        """Whether the sheet has this column."""
        return header_key(header) in {header_key(h) for h in self.headers}

    def as_lists(self) -> list[list[str]]:
        """Headers and rows as plain lists, in column order (what a spreadsheet shows)."""
        keys = [header_key(h) for h in self.headers]
        return [list(self.headers), *([row.cells.get(k, "") for k in keys] for row in self.rows)]


@dataclass(frozen=True, order=True)
class CellProblem:
    """A mistake in the workbook, located by sheet, row and column."""

    sheet_order: int
    sheet: str
    row: int
    column: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"sheet '{self.sheet}'"
        if self.row:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message.rstrip('.')}." + (f" Fix: {self.fix}" if self.fix else "")


class WorkbookError(Exception):
    """The workbook cannot be imported; data/ was left untouched."""

    def __init__(self, source: str, problems: Iterable[CellProblem | Problem | str]):
        self.source = source
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem, one per line, after a count."""
        count = len(self.problems)
        lines = [f"{self.source} has {count} problem{'s' if count != 1 else ''}; data/ was left unchanged:"]
        return "\n".join([*lines, *(f"  - {p}" for p in self.problems)])


def _cell_text(value: Any) -> str:
    """A cell's value as the text an author typed: numbers without '.0', line breaks as '\\n', no outer spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _table(name: str, raw_rows: Iterable[Iterable[Any]], problems: list[CellProblem]) -> Table:
    """Turn raw rows (first one = headers) into a Table, reporting blank or repeated headers."""
    rows = [[_cell_text(v) for v in row] for row in raw_rows]
    headers = rows[0] if rows else []
    while headers and not headers[-1]:
        headers = headers[:-1]
    table = Table(name, headers)
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        column = _column_letter(index)
        if not header:
            if any(len(r) > index and r[index] for r in rows[1:]):
                problems.append(CellProblem(0, name, 1, column, "this column has values but no header", "name the column in row 1"))
            continue
        key = header_key(header)
        if key in seen:
            problems.append(
                CellProblem(0, name, 1, header, f"the column '{header}' appears twice", "delete or rename one of the two columns")
            )
        seen[key] = index
    for number, values in enumerate(rows[1:], start=2):
        cells = {key: values[i] for key, i in seen.items() if i < len(values) and values[i]}
        if cells:
            table.rows.append(Row(number, cells))
    return table


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_tables(source: Path) -> dict[str, Table]:
    """Read an .xlsx workbook or a folder of .csv files (one per sheet) into tables by sheet-name key."""
    problems: list[CellProblem] = []
    tables: dict[str, Table] = {}
    if source.is_dir():
        files = sorted(source.glob("*.csv"))
        if not files:
            raise WorkbookError(str(source), ["the folder has no .csv files. Fix: export one first with `handbook export FOLDER`"])
        for path in files:
            with path.open(encoding="utf-8-sig", newline="") as handle:  # spreadsheet programs add a byte-order mark
                tables[header_key(path.stem)] = _table(path.stem, csv.reader(handle), problems)
    elif source.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        if not source.exists():
            raise WorkbookError(str(source), ["the file does not exist"])
        try:
            book = load_workbook(source, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise WorkbookError(
                str(source), [f"this is not an .xlsx workbook ({error}). Fix: save it as 'Excel Workbook (.xlsx)'"]
            ) from None
        for sheet in book.worksheets:
            tables[header_key(sheet.title)] = _table(sheet.title, sheet.iter_rows(values_only=True), problems)
        book.close()
    else:
        raise WorkbookError(str(source), ["expected an .xlsx workbook or a folder of .csv files"])
    if problems:
        raise WorkbookError(str(source), sorted(problems))
    from .sheets import SHEETS  # the contract's sheets are defined on top of these tables

    order = [header_key(s.name) for s in SHEETS]  # contract order first, whatever order the files or sheets came in
    return dict(sorted(tables.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)))


def write_tables(tables: list[Table], target: Path) -> None:
    """Write tables as an .xlsx workbook (one sheet each) or, for any other target, a folder of .csv files."""
    if target.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        book = Workbook()
        book.remove(book.active)
        for table in tables:
            sheet = book.create_sheet(table.name)
            for values in table.as_lists():
                sheet.append(values)
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.data_type = "s"  # text starting with '=' is text, not a formula
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            sheet.freeze_panes = "A2"
            for index, header in enumerate(table.headers):
                long_text = header_key(header) in _WIDE_COLUMNS
                sheet.column_dimensions[_column_letter(index)].width = 60 if long_text else 28
        target.parent.mkdir(parents=True, exist_ok=True)
        book.save(target)
        return
    target.mkdir(parents=True, exist_ok=True)
    for table in tables:
        path = target / f"{table.name.lower().replace(' ', '-')}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:  # the mark makes Excel read UTF-8
            csv.writer(handle).writerows(table.as_lists())


_WIDE_COLUMNS = {"description", "definition", "summary", "behavior", "metrics", "responsibilities"}


def workbook_summary(tables: list[Table]) -> str:
    """'Dimensions 8 rows, Competencies 65 rows, ...' for progress output."""
    return ", ".join(f"{t.name} {len(t.rows)} rows" for t in tables)
