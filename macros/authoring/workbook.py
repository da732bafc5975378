"""Spreadsheet round trip: the model as tables (one per sheet), and tables back into data files.

Export reads the validated Handbook. Import reads the tables, edits a plain-data draft of the data files
the workbook covers (keeping every field and file it does not cover), and hands the draft to `apply_draft`,
which validates the whole resulting data set before anything in data/ changes. New sheets are added by
appending a `Sheet` to SHEETS with its columns, its export and its apply function.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError, Problem, did_you_mean
from ..handbook import Handbook
from ..loading import load_handbook
from ..loading.messages import slugify
from ..model import MetricGroup
from .yaml_edit import read_text, render_file

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
        patterns = ("dimensions.yml", "families.yml", "proficiency-levels.yml", "competencies/*.yml", "roles/*.yml", EXTRA_COLUMNS_FILE)
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


def _lines(cell: str) -> list[str]:
    """A multi-value cell: one value per line, blank lines ignored."""
    return [line.strip() for line in cell.split("\n") if line.strip()]


def _unique_id(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


def _ordered(record: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """A record with its fields in the order the data reference lists them (unknown ones kept at the end)."""
    return {**{k: record[k] for k in order if k in record}, **{k: v for k, v in record.items() if k not in order}}


def _resolve_ids(
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


def _no_dynamic_columns(handbook: Handbook) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook contract: its columns, how to export it and how to apply it to the draft."""

    name: str
    required: tuple[str, ...]  # contract columns: a sheet without one is an error
    optional: tuple[str, ...]  # further columns the export writes; kept when absent from an import
    export: Callable[[Handbook], list[tuple[str, list[str]]]]  # -> (row key, cells in column order)
    apply: Callable[[Sheet, Table, Draft], None]
    dynamic: Callable[[Handbook], tuple[str, ...]] = _no_dynamic_columns  # columns that depend on the data (proficiency levels)
    insert_dynamic_at: int = 0

    def columns(self, handbook: Handbook) -> list[str]:
        """Export column order: required columns with the dynamic ones spliced in, then optional ones."""
        fixed = list(self.required)
        return [*fixed[: self.insert_dynamic_at], *self.dynamic(handbook), *fixed[self.insert_dynamic_at :], *self.optional]


def _metrics_cell(metrics: Iterable[Any]) -> str:
    lines: list[str] = []
    for metric in metrics:
        if isinstance(metric, MetricGroup):
            lines += [metric.name, *(f"  - {part}" for part in metric.includes)]
        else:
            lines.append(str(metric))
    return "\n".join(lines)


def _parse_metrics(cell: str) -> tuple[list[Any], str]:
    """Metrics cell -> list of texts and {name, includes} groups; lines starting with '-' belong to the line above."""
    metrics: list[Any] = []
    for line in _lines(cell):
        if line.startswith("-"):
            part = line[1:].strip()
            if not metrics:
                return [], f"the first line '{line}' is a sub-metric but there is no metric above it"
            if isinstance(metrics[-1], str):
                metrics[-1] = {"name": metrics[-1], "includes": []}
            metrics[-1]["includes"].append(part)
        else:
            metrics.append(line)
    return metrics, ""


def _export_dimensions(hb: Handbook) -> list[tuple[str, list[str]]]:
    return [(d.id, [d.name, d.description, d.id]) for d in hb.dimensions]


def _apply_dimensions(sheet: Sheet, table: Table, draft: Draft) -> None:
    current = {str(r.get("id")): r for r in draft.listed("dimensions.yml")}
    out: list[dict[str, Any]] = []
    for row, record_id in _resolve_ids(sheet, table, draft, "Dimension", current):
        record = dict(current.get(record_id, {}))
        record.update(id=record_id, name=row.get("Dimension"), description=row.get("Description"))
        out.append(_ordered(record, ("id", "name", "description")))
        draft.origin("dimension", record_id).cells.update(
            {
                "": Cell(sheet.name, row.number, "Dimension"),
                "id": Cell(sheet.name, row.number, "Id" if table.has("Id") else "Dimension"),
                "name": Cell(sheet.name, row.number, "Dimension"),
                "description": Cell(sheet.name, row.number, "Description"),
            }
        )
    draft.files["dimensions.yml"] = out
    draft.counts["dimensions"] = len(out)


def _level_columns(hb: Handbook) -> tuple[str, ...]:
    return tuple(level.name for level in hb.levels)


def _export_competencies(hb: Handbook) -> list[tuple[str, list[str]]]:
    rows = []
    for c in hb.competencies:
        levels = [c.levels.get(level.id, "") for level in hb.levels]
        rows.append(
            (c.id, [c.name, hb.dimension[c.dimension].name, c.type, c.definition, *levels, "\n".join(c.aliases), c.id]),
        )
    return rows


_COMPETENCY_ORDER = ("id", "name", "aliases", "dimension", "type", "definition", "behaviors", "levels", "hiring")


def _apply_competencies(sheet: Sheet, table: Table, draft: Draft) -> None:
    current = draft.records("competencies/*.yml")
    dimensions = Lookup(draft.listed("dimensions.yml"))
    levels = draft.listed("proficiency-levels.yml")
    level_columns: list[tuple[str, str]] = []  # (level id, header as written)
    for level in levels:
        wanted = {header_key(str(level.get(k, ""))) for k in ("name", "id", "short")}
        header = next((h for h in table.headers if header_key(h) in wanted), None)
        if header is None:
            draft.problem(
                sheet,
                1,
                str(level.get("name")),
                f"the column for the '{level.get('name')}' proficiency level is missing",
                "add a column headed with the level's name, one per level in data/proficiency-levels.yml",
            )
        else:
            level_columns.append((str(level["id"]), header))
    kept = set()
    for row, record_id in _resolve_ids(sheet, table, draft, "Competency", current):
        kept.add(record_id)
        record = dict(current.get(record_id, {"behaviors": []}))
        typed_dimension = row.get("Dimension")
        dimension = dimensions(typed_dimension) if typed_dimension else ""
        if typed_dimension and dimension is None:
            draft.problem(sheet, row.number, "Dimension", f"unknown dimension '{typed_dimension}'", dimensions.suggest(typed_dimension))
        typed_type = row.get("Type")
        record.update(
            id=record_id,
            name=row.get("Competency"),
            dimension=dimension or typed_dimension,
            type=typed_type.lower() if typed_type.lower() in ("skill", "knowledge", "attribute") else typed_type,
            definition=row.get("Definition"),
            levels={level_id: row.get(header) for level_id, header in level_columns},
        )
        if table.has("Aliases"):
            aliases = _lines(row.get("Aliases"))
            if aliases or "aliases" in record:
                record["aliases"] = aliases
        origin = draft.origin("competency", record_id)
        cells = {"": "Competency", "name": "Competency", "dimension": "Dimension", "type": "Type", "definition": "Definition"}
        cells |= {
            "aliases": "Aliases",
            "id": "Id" if table.has("Id") else "Competency",
            "levels": level_columns[0][1] if level_columns else "",
        }
        cells |= {f"levels.{level_id}": header for level_id, header in level_columns}
        origin.cells.update({path: Cell(sheet.name, row.number, column) for path, column in cells.items()})
        draft.files[f"competencies/{record_id}.yml"] = _ordered(record, _COMPETENCY_ORDER)
    for record_id in current:
        if record_id not in kept:
            draft.files[f"competencies/{record_id}.yml"] = None  # a row deleted from the sheet deletes the competency
    draft.counts["competencies"] = len(kept)


def _export_behaviors(hb: Handbook) -> list[tuple[str, list[str]]]:
    return [(f"{c.id}/{b.id}", [c.name, b.text, b.id]) for c in hb.competencies for b in c.behaviors]


def _apply_behaviors(sheet: Sheet, table: Table, draft: Draft) -> None:
    competencies = draft.records("competencies/*.yml")
    lookup = Lookup(competencies.values(), ("name", "aliases"))
    grouped: dict[str, list[Row]] = {record_id: [] for record_id in competencies}
    for row in table.rows:
        typed = row.get("Competency")
        competency_id = lookup(typed) if typed else None
        if not typed:
            draft.problem(sheet, row.number, "Competency", "the competency is empty", "name the competency this behavior belongs to")
        elif competency_id is None:
            draft.problem(sheet, row.number, "Competency", f"unknown competency '{typed}'", lookup.suggest(typed))
        else:
            grouped[competency_id].append(row)
    total = 0
    for competency_id, rows in grouped.items():
        record = competencies[competency_id]
        before = {str(b.get("text", "")).strip(): b.get("id") for b in record.get("behaviors") or [] if isinstance(b, dict)}
        taken = {row.get("Behavior id") for row in rows if row.get("Behavior id")}
        behaviors = []
        origin = draft.origin("competency", competency_id)
        for index, row in enumerate(rows):
            text = row.get("Behavior")
            behavior_id = row.get("Behavior id") or before.get(text)
            if not behavior_id:
                behavior_id = _unique_id(slugify(" ".join(text.split()[:5]))[:60].strip("-") or "behavior", taken)
                taken.add(behavior_id)
            behaviors.append({"id": behavior_id, "text": text})
            origin.cells[f"behaviors[{index}]"] = Cell(sheet.name, row.number, "Behavior")
            origin.cells[f"behaviors[{index}].id"] = Cell(sheet.name, row.number, "Behavior id" if table.has("Behavior id") else "Behavior")
        if rows:
            origin.cells["behaviors"] = Cell(sheet.name, rows[0].number, "Behavior")
        else:
            origin.cells.setdefault("behaviors", Cell(sheet.name, 0, "Competency"))
        record["behaviors"] = behaviors
        total += len(behaviors)
    draft.counts["behaviors"] = total


def _export_roles(hb: Handbook) -> list[tuple[str, list[str]]]:
    return [
        (
            r.id,
            [
                r.name,
                hb.family[r.family].name,
                r.summary,
                _metrics_cell(r.metrics),
                "\n".join(r.titles),
                "\n".join(r.responsibilities),
                r.id,
            ],
        )
        for r in hb.roles
    ]


_ROLE_ORDER = ("id", "name", "family", "summary", "responsibilities", "how_it_sells", "metrics", "titles", "competencies", "profile")


def _apply_roles(sheet: Sheet, table: Table, draft: Draft) -> None:
    current = draft.records("roles/*.yml")
    families = Lookup(draft.listed("families.yml"))
    kept = set()
    for row, record_id in _resolve_ids(sheet, table, draft, "Role", current):
        kept.add(record_id)
        record = dict(current.get(record_id, {"competencies": []}))
        typed_family = row.get("Family")
        family = families(typed_family) if typed_family else ""
        if typed_family and family is None:
            draft.problem(sheet, row.number, "Family", f"unknown family '{typed_family}'", families.suggest(typed_family))
        metrics, metrics_error = _parse_metrics(row.get("Metrics"))
        if metrics_error:
            draft.problem(sheet, row.number, "Metrics", metrics_error, "put the metric's name on the line above its '- ' lines")
        record.update(id=record_id, name=row.get("Role"), family=family or typed_family, summary=row.get("Summary"))
        for key, values in (("metrics", metrics), ("titles", _lines(row.get("Titles")))):
            if values or key in record:
                record[key] = values
        if table.has("Responsibilities"):
            record["responsibilities"] = _lines(row.get("Responsibilities"))
        cells = {"": "Role", "name": "Role", "family": "Family", "summary": "Summary", "metrics": "Metrics", "titles": "Titles"}
        cells |= {"id": "Id" if table.has("Id") else "Role", "responsibilities": "Responsibilities"}
        draft.origin("role", record_id).cells.update({path: Cell(sheet.name, row.number, col) for path, col in cells.items()})
        draft.files[f"roles/{record_id}.yml"] = _ordered(record, _ROLE_ORDER)
    for record_id in current:
        if record_id not in kept:
            draft.files[f"roles/{record_id}.yml"] = None  # a row deleted from the sheet deletes the role
    draft.counts["roles"] = len(kept)


def _export_role_competencies(hb: Handbook) -> list[tuple[str, list[str]]]:
    return [(f"{r.id}/{c.id}", [r.name, c.name]) for r in hb.roles for c in hb.role_competencies(r)]


def _apply_role_competencies(sheet: Sheet, table: Table, draft: Draft) -> None:
    roles = draft.records("roles/*.yml")
    role_lookup = Lookup(roles.values())
    competency_lookup = Lookup(draft.records("competencies/*.yml").values(), ("name", "aliases"))
    grouped: dict[str, list[tuple[Row, str]]] = {record_id: [] for record_id in roles}
    for row in table.rows:
        typed_role, typed_competency = row.get("Role"), row.get("Competency")
        role_id = role_lookup(typed_role) if typed_role else None
        competency_id = competency_lookup(typed_competency) if typed_competency else None
        if role_id is None:
            fix = role_lookup.suggest(typed_role) if typed_role else "name the role, or delete the row"
            draft.problem(sheet, row.number, "Role", f"unknown role '{typed_role}'" if typed_role else "the role is empty", fix)
        if competency_id is None:
            fix = competency_lookup.suggest(typed_competency) if typed_competency else "name the competency, or delete the row"
            message = f"unknown competency '{typed_competency}'" if typed_competency else "the competency is empty"
            draft.problem(sheet, row.number, "Competency", message, fix)
        if role_id and competency_id:
            grouped[role_id].append((row, competency_id))
    for role_id, pairs in grouped.items():
        origin = draft.origin("role", role_id)
        for index, (row, _) in enumerate(pairs):
            origin.cells[f"competencies[{index}]"] = Cell(sheet.name, row.number, "Competency")
        origin.cells["competencies"] = Cell(sheet.name, pairs[0][0].number if pairs else 0, "Role")
        roles[role_id]["competencies"] = [competency_id for _, competency_id in pairs]
    draft.counts["role competencies"] = sum(len(p) for p in grouped.values())


# The workbook contract, in sheet order. Later sheets may rely on earlier ones having been applied.
SHEETS: list[Sheet] = [
    Sheet("Dimensions", ("Dimension", "Description"), ("Id",), _export_dimensions, _apply_dimensions),
    Sheet(
        "Competencies",
        ("Competency", "Dimension", "Type", "Definition"),
        ("Aliases", "Id"),
        _export_competencies,
        _apply_competencies,
        dynamic=_level_columns,
        insert_dynamic_at=4,
    ),
    Sheet("Behaviors", ("Competency", "Behavior"), ("Behavior id",), _export_behaviors, _apply_behaviors),
    Sheet("Roles", ("Role", "Family", "Summary", "Metrics", "Titles"), ("Responsibilities", "Id"), _export_roles, _apply_roles),
    Sheet("Role competencies", ("Role", "Competency"), (), _export_role_competencies, _apply_role_competencies),
]


# ---------------------------------------------------------------------------------------------------- export


def export_tables(handbook: Handbook, data_dir: Path) -> list[Table]:
    """The whole model as workbook tables, with the columns authors added to earlier imports put back."""
    extras = _read_extras(data_dir)
    tables = []
    for sheet in SHEETS:
        headers = sheet.columns(handbook)
        added = extras.get(sheet.name, {})
        added_headers = [h for h in added.get("columns", []) if header_key(h) not in {header_key(x) for x in headers}]
        table = Table(sheet.name, [*headers, *added_headers])
        for number, (key, values) in enumerate(sheet.export(handbook), start=2):
            kept = added.get("rows", {}).get(key, {})
            cells = dict(zip([header_key(h) for h in headers], values, strict=True))
            cells |= {header_key(h): str(kept[h]) for h in added_headers if kept.get(h)}
            table.rows.append(Row(number, {k: v for k, v in cells.items() if v}))
        tables.append(table)
    return tables


def _read_extras(data_dir: Path) -> dict[str, Any]:
    path = data_dir / EXTRA_COLUMNS_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return data if isinstance(data, dict) else {}


# ---------------------------------------------------------------------------------------------------- import


def _check_sheets(tables: dict[str, Table], draft: Draft) -> list[tuple[Sheet, Table]]:
    """Pair tables with contract sheets; a missing contract column or a misspelt sheet name is an error."""
    known = {header_key(s.name): s for s in SHEETS}
    found: list[tuple[Sheet, Table]] = []
    for key, table in tables.items():
        if key not in known:
            guess = did_you_mean(key, list(known))
            if guess:
                draft.problems.append(
                    CellProblem(
                        -1, table.name, 0, "", "this sheet is not part of the workbook contract", f"did you mean '{known[guess].name}'?"
                    )
                )
            continue  # an author's own sheet (notes, a pivot table) is left alone
    for sheet in SHEETS:
        table = tables.get(header_key(sheet.name))
        if table is None:
            continue  # a sheet left out leaves its data unchanged
        for column in sheet.required:
            if not table.has(column):
                draft.problem(sheet, 1, column, f"the column '{column}' is missing", f"add a column headed '{column}'")
        found.append((sheet, table))
    return found


def _extra_columns(pairs: list[tuple[Sheet, Table]], draft: Draft) -> None:
    """Remember columns the contract does not know, by record, so the next export puts them back."""
    extras = dict(draft.files.get(EXTRA_COLUMNS_FILE) or {})
    level_headers = {header_key(str(level.get(k, ""))) for level in draft.listed("proficiency-levels.yml") for k in ("name", "id", "short")}
    for sheet, table in pairs:
        known = {header_key(c) for c in (*sheet.required, *sheet.optional)}
        if sheet.dynamic is not _no_dynamic_columns:
            known |= level_headers  # the only data-dependent columns so far: one per proficiency level
        added = [h for h in table.headers if header_key(h) not in known]
        if not added:
            extras.pop(sheet.name, None)
            continue
        keys = _row_keys(sheet, table, draft)
        rows = {}
        for row in table.rows:
            values = {h: row.get(h) for h in added if row.get(h)}
            if values and row.number in keys:
                rows[keys[row.number]] = values
        extras[sheet.name] = {"columns": added, "rows": rows}
    draft.files[EXTRA_COLUMNS_FILE] = extras or None


def _row_keys(sheet: Sheet, table: Table, draft: Draft) -> dict[int, str]:
    """The record key of each row (as the export uses), from the origins the apply step recorded."""
    keys: dict[int, str] = {}
    for name, origin in draft.origins.items():
        record_id = name.split(":", 1)[1]
        for path, cell in origin.cells.items():
            if cell.sheet != sheet.name or not cell.row:
                continue
            if path == "":
                keys[cell.row] = record_id
            elif m := re.fullmatch(r"(behaviors|competencies)\[(\d+)\]", path):
                record = draft.files.get(f"{'competencies' if m.group(1) == 'behaviors' else 'roles'}/{record_id}.yml") or {}
                item = (record.get(m.group(1)) or [])[int(m.group(2))]
                keys[cell.row] = f"{record_id}/{item['id'] if isinstance(item, dict) else item}"
    return keys


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed."""

    counts: dict[str, int]
    added: tuple[str, ...]
    changed: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int


def import_tables(source: Path, data_dir: Path) -> ImportSummary:
    """Import a workbook or CSV folder into data/: all or nothing, validated as a whole data set first."""
    tables = read_tables(source)
    draft = Draft.read(data_dir)
    pairs = _check_sheets(tables, draft)
    if draft.problems:
        raise WorkbookError(str(source), sorted(draft.problems))
    for sheet, table in pairs:
        sheet.apply(sheet, table, draft)
    _extra_columns(pairs, draft)
    return apply_draft(draft, str(source))


def apply_draft(draft: Draft, source: str) -> ImportSummary:
    """Write the draft into a copy of data/, validate it with the engine, and only then change data/ itself."""
    data_dir = draft.data_dir
    writes: dict[str, str] = {}
    deletes: list[str] = []
    added: list[str] = []
    for path, new in draft.files.items():
        before = read_text(data_dir / path)
        if new is None:
            if before is not None:
                deletes.append(path)
            continue
        if before is not None and yaml.safe_load(before) == new:
            continue  # unchanged data: the file is not touched at all
        writes[path] = render_file(before, new)
        if before is None:
            added.append(path)
    with tempfile.TemporaryDirectory(prefix="handbook-import-") as tmp:
        trial = Path(tmp) / data_dir.name
        shutil.copytree(data_dir, trial)
        _write_all(trial, writes, deletes)
        problems = list(draft.problems)
        try:
            load_handbook(trial)
        except DataError as error:
            problems += _map_problems(_explain_deletions(error.problems, deletes), draft, data_dir.name)
        if problems:
            # A cell already reported (an unknown name) is not reported again by validation (not a kebab-case id).
            reported = {(p.sheet, p.row, p.column) for p in draft.problems}
            unique = [p for p in dict.fromkeys(problems) if p in draft.problems or not isinstance(p, CellProblem)]
            unique += [
                p
                for p in dict.fromkeys(problems)
                if isinstance(p, CellProblem) and p not in draft.problems and (p.sheet, p.row, p.column) not in reported
            ]
            raise WorkbookError(source, sorted(p for p in unique if isinstance(p, CellProblem)) + [p for p in unique if isinstance(p, str)])
    _write_all(data_dir, writes, deletes)
    total = sum(1 for v in draft.files.values() if v is not None)
    return ImportSummary(
        dict(draft.counts),
        tuple(sorted(added)),
        tuple(sorted(p for p in writes if p not in added)),
        tuple(sorted(deletes)),
        total - len(writes),
    )


_SHEET_OF = {"role": ("roles", "Roles"), "competency": ("competencies", "Competencies")}


def _explain_deletions(problems: list[Problem], deletes: list[str]) -> list[Problem]:
    """A reference to a record this import deletes is not a typo: say so, instead of guessing a similar id."""
    explained: list[Problem] = []
    for problem in problems:
        kind, record_id = problem.unknown or ("", "")
        if kind in _SHEET_OF and f"{_SHEET_OF[kind][0]}/{record_id}.yml" in deletes:
            problem = replace(
                problem,
                message=f"names {kind} '{record_id}', which this import deletes (its row is gone from sheet '{_SHEET_OF[kind][1]}')",
                fix=f"remove '{record_id}' from this file first, or put the {kind}'s row back",
            )
        explained.append(problem)
    return explained


def _write_all(root: Path, writes: dict[str, str], deletes: list[str]) -> None:
    """Write each file through a temporary name so a reader never sees half a file."""
    for path, text in writes.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    for path in deletes:
        (root / path).unlink(missing_ok=True)


def _map_problems(problems: list[Problem], draft: Draft, data_name: str) -> list[CellProblem | str]:
    """Validation problems of the trial data, pointed back at the workbook cell they came from where there is one."""
    out: list[CellProblem | str] = []
    order = {s.name: i for i, s in enumerate(SHEETS)}
    for problem in problems:
        origin = None
        if problem.kind and problem.record:
            origin = draft.origins.get(f"{problem.kind}:{problem.record}")
        elif problem.file.startswith(f"{data_name}/"):
            stem = Path(problem.file).stem
            kind = {"competencies": "competency", "roles": "role"}.get(Path(problem.file).parent.name, "")
            origin = draft.origins.get(f"{kind}:{stem}")
        cell = origin.locate(problem.field) if origin else None
        if cell is None:
            out.append(str(problem))  # a record the workbook did not touch: fix it in the data file named
        elif problem.field and not _covered(problem.field):
            out.append(
                f"{problem} (from sheet '{cell.sheet}', row {cell.row}; the workbook does not hold '{problem.field}': "
                "create new records with `handbook new role|competency NAME` before importing them)"
            )
        else:
            out.append(CellProblem(order.get(cell.sheet, 99), cell.sheet, cell.row, cell.column, problem.message, problem.fix))
    return out


def _covered(field_path: str) -> bool:
    """Whether a field is held by the workbook (otherwise errors point at the data file)."""
    head = re.split(r"[.\[]", field_path, maxsplit=1)[0]
    return head in {
        "id",
        "name",
        "description",
        "dimension",
        "type",
        "definition",
        "levels",
        "aliases",
        "behaviors",
        "family",
        "summary",
        "metrics",
        "titles",
        "responsibilities",
        "competencies",
    }


def workbook_summary(tables: list[Table]) -> str:
    """'Dimensions 8 rows, Competencies 65 rows, ...' for progress output."""
    return ", ".join(f"{t.name} {len(t.rows)} rows" for t in tables)
