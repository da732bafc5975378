"""The workbook contract: each sheet's columns, how the model exports to it, and how its rows edit the draft data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ...errors import did_you_mean
from ...handbook import Handbook
from ...loading.messages import slugify
from ...model import MetricGroup
from .tables import EXTRA_COLUMNS_FILE, CellProblem, Row, Table, WorkbookError, header_key

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


def no_dynamic_columns(handbook: Handbook) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook contract: its columns, how to export it and how to apply it to the draft."""

    name: str
    required: tuple[str, ...]  # contract columns: a sheet without one is an error
    optional: tuple[str, ...]  # further columns the export writes; kept when absent from an import
    export: Callable[[Handbook], list[tuple[str, list[str]]]]  # -> (row key, cells in column order)
    apply: Callable[[Sheet, Table, Draft], None]
    dynamic: Callable[[Handbook], tuple[str, ...]] = no_dynamic_columns  # columns that depend on the data (proficiency levels)
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
