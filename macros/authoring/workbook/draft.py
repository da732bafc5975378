"""The draft an import edits: plain data of the files the workbook covers, where each value came from, and the Sheet type."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ...errors import did_you_mean
from ...handbook import Handbook
from ...loading.messages import slugify
from .tables import EXTRA_COLUMNS_FILE, CellProblem, Row, Table, WorkbookError

# ---------------------------------------------------------------------------------------------------- the draft


@dataclass(frozen=True)
class Cell:
    """Where a value came from in the workbook."""

    sheet: str
    row: int
    column: str


@dataclass
class Origin:
    """The workbook cells a record's fields came from, for mapping validation errors back to the sheet."""

    cells: dict[str, Cell] = field(default_factory=dict)

    def locate(self, field_path: str) -> Cell | None:
        """The cell of a field path like 'behaviors[2].text', falling back to its parents, then the record's row."""
        path = field_path
        while True:
            if path in self.cells:
                return self.cells[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                return self.cells.get("")
            path = path[:cut]


@dataclass
class Draft:
    """The data files the workbook covers, as plain data being edited, plus where each record came from."""

    data_dir: Path
    files: dict[str, Any]  # path relative to data/ -> plain data; None marks a file to delete
    origins: dict[str, Origin] = field(default_factory=dict)  # "kind:id" -> cells
    problems: list[CellProblem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(cls, data_dir: Path) -> Draft:
        """Plain data of every file a sheet may edit (unreadable files are left for validation to report)."""
        files: dict[str, Any] = {}
        unreadable: list[str] = []
        patterns = (
            "dimensions.yml",
            "families.yml",
            "proficiency-levels.yml",
            "profile-mapping.yml",
            "competencies/*.yml",
            "roles/*.yml",
            EXTRA_COLUMNS_FILE,
        )
        for pattern in patterns:
            for path in sorted(data_dir.glob(pattern)):
                try:
                    files[path.relative_to(data_dir).as_posix()] = yaml.safe_load(path.read_text(encoding="utf-8"))
                except (yaml.YAMLError, UnicodeDecodeError) as error:
                    unreadable.append(f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}: {str(error).splitlines()[0]}")
        if unreadable:
            # Importing over a file that cannot be read would lose the fields the workbook does not hold.
            fixes = [f"{line}. Fix: repair it first (`handbook validate` shows where)" for line in unreadable]
            raise WorkbookError(f"{data_dir.name}/", fixes)
        return cls(data_dir, files)

    def records(self, pattern: str) -> dict[str, dict[str, Any]]:
        """Records of a one-per-file kind ('roles/*.yml'), by id (the file name)."""
        folder = pattern.split("/")[0]
        return {Path(path).stem: data for path, data in self.files.items() if path.startswith(folder + "/") and isinstance(data, dict)}

    def listed(self, path: str) -> list[dict[str, Any]]:
        """Records of a list file ('dimensions.yml')."""
        data = self.files.get(path)
        return [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []

    def problem(self, sheet: Sheet, row: int, column: str, message: str, fix: str = "") -> None:
        """Report a mistake in one cell."""
        from .sheets import SHEETS  # the contract's order of sheets orders the report

        self.problems.append(CellProblem(SHEETS.index(sheet), sheet.name, row, column, message, fix))

    def origin(self, kind: str, record_id: str) -> Origin:
        """The (new or existing) origin of a record."""
        return self.origins.setdefault(f"{kind}:{record_id}", Origin())


class Lookup:
    """Resolve what an author typed in a reference cell (a name, an alias or an id, any case) to an id."""

    def __init__(self, records: Iterable[dict[str, Any]], name_fields: tuple[str, ...] = ("name",)):
        self.by_key: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for record in records:
            record_id = str(record.get("id", ""))
            self.by_key[record_id.lower()] = record_id
            for name_field in name_fields:
                values = record.get(name_field) or []
                for name in [values] if isinstance(values, str) else values:
                    self.by_key.setdefault(" ".join(str(name).split()).lower(), record_id)
                    self.names.setdefault(record_id, str(name))

    def __call__(self, typed: str) -> str | None:
        return self.by_key.get(" ".join(typed.split()).lower())

    def suggest(self, typed: str) -> str:
        """A 'did you mean' fix naming the closest known name."""
        guess = did_you_mean(typed, list(self.names.values()))
        return f"did you mean '{guess}'?" if guess else "use the name of an existing one, or add it first"


def lines(cell: str) -> list[str]:
    """A multi-value cell: one value per line, blank lines ignored."""
    return [line.strip() for line in cell.split("\n") if line.strip()]


def unique_id(wanted: str, taken: set[str]) -> str:
    """An id not in taken: the wanted one, else with -2, -3 ... appended."""
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


def ordered(record: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """A record with its fields in the order the data reference lists them (unknown ones kept at the end)."""
    return {**{k: record[k] for k in order if k in record}, **{k: v for k, v in record.items() if k not in order}}


def resolve_ids(
    sheet: Sheet,
    table: Table,
    draft: Draft,
    name_column: str,
    known: dict[str, dict[str, Any]],
) -> list[tuple[Row, str]]:
    """Each row's record id: the Id column, else the existing record of that name, else the kebab-case name."""
    by_name = {" ".join(str(r.get("name", "")).split()).lower(): record_id for record_id, r in known.items()}
    result: list[tuple[Row, str]] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        name = row.get(name_column)
        typed_id = row.get("Id")
        if not name:
            draft.problem(sheet, row.number, name_column, "the name is empty", "write the name, or delete the row")
            continue
        record_id = typed_id or by_name.get(" ".join(name.split()).lower()) or slugify(name)
        if record_id in seen:
            draft.problem(
                sheet,
                row.number,
                "Id" if typed_id else name_column,
                f"'{record_id}' is already used on row {seen[record_id]}; two pages would share one URL",
                "give each row its own name (and Id), or merge the two rows",
            )
            continue
        seen[record_id] = row.number
        result.append((row, record_id))
    return result


# ---------------------------------------------------------------------------------------------------- sheets


def no_dynamic_columns(handbook: Handbook) -> tuple[str, ...]:
    """No columns that depend on the data."""
    return ()


def no_dynamic_keys(draft: Draft) -> set[str]:
    """No columns that depend on the data."""
    return set()


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook contract: its columns, how to export it and how to apply it to the draft."""

    name: str
    required: tuple[str, ...]  # contract columns: a sheet without one is an error
    optional: tuple[str, ...]  # further columns the export writes; kept when absent from an import
    export: Callable[[Handbook], list[tuple[str, list[str]]]]  # -> (row key, cells in column order)
    apply: Callable[[Sheet, Table, Draft], None]
    dynamic: Callable[[Handbook], tuple[str, ...]] = no_dynamic_columns  # columns that depend on the data
    insert_dynamic_at: int = 0  # position among required + optional columns
    dynamic_keys: Callable[[Draft], set[str]] = no_dynamic_keys  # header keys the dynamic columns may have, on import
    dynamic_required: bool = False  # whether a sheet without its dynamic columns is an error
    dynamic_words: str = ""  # what the dynamic columns are, for the contract page
    new_rows: tuple[str, ...] = ()  # optional columns a row adding a record must fill (the record cannot exist without them)
    dynamic_new: bool = False  # whether a row adding a record must fill the dynamic columns too
    values: tuple[tuple[str, str], ...] = ()  # (column, what it accepts) where a cell takes more than free text

    def columns(self, handbook: Handbook) -> list[str]:
        """Export column order: required then optional columns, with the dynamic ones spliced in."""
        fixed = [*self.required, *self.optional]
        return [*fixed[: self.insert_dynamic_at], *self.dynamic(handbook), *fixed[self.insert_dynamic_at :]]
