"""Export the handbook as tables, and import tables back into data/: all or nothing, errors by sheet, row and column."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from ...errors import DataError, Problem, did_you_mean
from ...handbook import Handbook
from ...loading import load_handbook
from ..yaml_edit import read_text, render_file
from .draft import Draft, Sheet
from .sheets import SHEETS
from .tables import EXTRA_COLUMNS_FILE, CellProblem, Row, Table, WorkbookError, header_key, read_tables

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
    for sheet, table in pairs:
        known = {header_key(c) for c in (*sheet.required, *sheet.optional)} | sheet.dynamic_keys(draft)
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
            if path == "" or (path == "hiring" and sheet.name != "Competencies"):
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
    todos: int = 0  # content the resulting data has not written yet (a hiring guide, a level): valid, listed by validate


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
        todos = 0
        try:
            todos = len(load_handbook(trial).todos)
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
        todos,
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
            fix = problem.fix
            if problem.field == "hiring" and not cell.row:
                fix = f"add a row for competency '{problem.record}' to sheet '{cell.sheet}'"
            out.append(CellProblem(order.get(cell.sheet, 99), cell.sheet, cell.row, cell.column, problem.message, fix))
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
        "how_it_sells",
        "profile",
        "hiring",
    }
