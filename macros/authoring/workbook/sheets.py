"""The workbook contract: each sheet's columns, how the model exports to it, and how its rows edit the draft data."""

from __future__ import annotations

from typing import Any

from ...handbook import Handbook
from ...loading.messages import slugify
from .draft import Cell, Draft, Lookup, Sheet, lines, ordered, resolve_ids, unique_id
from .roles import HIRING_GUIDES, ROLES
from .tables import Row, Table, header_key


def _export_dimensions(hb: Handbook) -> list[tuple[str, list[str]]]:
    return [(d.id, [d.name, d.description, d.id]) for d in hb.dimensions]


def _export_families(hb: Handbook) -> list[tuple[str, list[str]]]:
    return [(f.id, [f.name, f.description, f.id]) for f in hb.families]


def _apply_named_list(sheet: Sheet, table: Table, draft: Draft, *, kind: str, path: str, column: str, count: str) -> None:
    """A list file of id, name and description records (dimensions, families): the sheet's rows, in order, replace it."""
    current = {str(r.get("id")): r for r in draft.listed(path)}
    out: list[dict[str, Any]] = []
    for row, record_id in resolve_ids(sheet, table, draft, column, current):
        record = dict(current.get(record_id, {}))
        record.update(id=record_id, name=row.get(column), description=row.get("Description"))
        out.append(ordered(record, ("id", "name", "description")))
        draft.origin(kind, record_id).cells.update(
            {
                "": Cell(sheet.name, row.number, column),
                "id": Cell(sheet.name, row.number, "Id" if table.has("Id") else column),
                "name": Cell(sheet.name, row.number, column),
                "description": Cell(sheet.name, row.number, "Description"),
            }
        )
    draft.files[path] = out
    draft.counts[count] = len(out)


def _apply_dimensions(sheet: Sheet, table: Table, draft: Draft) -> None:
    _apply_named_list(sheet, table, draft, kind="dimension", path="dimensions.yml", column="Dimension", count="dimensions")


def _apply_families(sheet: Sheet, table: Table, draft: Draft) -> None:
    _apply_named_list(sheet, table, draft, kind="family", path="families.yml", column="Family", count="families")


def _level_columns(hb: Handbook) -> tuple[str, ...]:
    return tuple(level.name for level in hb.levels)


def _level_keys(draft: Draft) -> set[str]:
    return {header_key(str(level.get(k, ""))) for level in draft.listed("proficiency-levels.yml") for k in ("name", "id", "short")}


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
    for row, record_id in resolve_ids(sheet, table, draft, "Competency", current):
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
            levels={level_id: row.get(header) for level_id, header in level_columns if row.get(header)},  # empty: not written yet
        )
        if table.has("Aliases"):
            aliases = lines(row.get("Aliases"))
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
        draft.files[f"competencies/{record_id}.yml"] = ordered(record, _COMPETENCY_ORDER)
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
                behavior_id = unique_id(slugify(" ".join(text.split()[:5]))[:60].strip("-") or "behavior", taken)
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
    Sheet("Families", ("Family", "Description"), ("Id",), _export_families, _apply_families),
    Sheet(
        "Competencies",
        ("Competency", "Dimension", "Type", "Definition"),
        ("Aliases", "Id"),
        _export_competencies,
        _apply_competencies,
        dynamic=_level_columns,
        insert_dynamic_at=4,
        dynamic_keys=_level_keys,
        dynamic_required=True,
        dynamic_words="one column per proficiency level, headed with its name",
        values=(("Type", "one of skill, knowledge or attribute"), ("Dimension", "a dimension's name, alias or id")),
    ),
    Sheet(
        "Behaviors",
        ("Competency", "Behavior"),
        ("Behavior id",),
        _export_behaviors,
        _apply_behaviors,
        values=(("Competency", "a competency's name, alias or id; a competency has 4 to 7 behaviors"),),
    ),
    HIRING_GUIDES,
    ROLES,
    Sheet(
        "Role competencies",
        ("Role", "Competency"),
        (),
        _export_role_competencies,
        _apply_role_competencies,
        values=(("Role", "a role's name or id"), ("Competency", "a competency's name, alias or id")),
    ),
]
