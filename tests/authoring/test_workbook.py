"""Spreadsheet round trip: export -> import -> export on the real model and on a nasty workbook; import errors."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from sites import FIXTURES, ROOT

from macros.authoring.workbook import EXTRA_COLUMNS_FILE, SHEETS, WorkbookError, export_tables, import_tables, read_tables, write_tables
from macros.loading import load_handbook

NASTY = [
    "Says \"no\" twice, then 'yes' — and means it",
    "Line one\nline two\n\nafter a blank line",
    "<b>bold</b> <script>alert(1)</script> & {{ macro() }} {% raw %}",
    "Ünïcödé: naïve café, 東京, emoji 🚀, right-to-left שלום",
    "=SUM(A1:A3) looks like a formula",
    "# not a heading * not a list | not a table",
    "yes",
    "1:30",
]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file's content hash, to prove a failed import changed nothing."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def lists(tables) -> list[list[list[str]]]:
    return [t.as_lists() for t in tables]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the real data to import into."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.mark.parametrize("kind", ["handbook.xlsx", "csv-folder"])
def test_real_model_round_trips_without_touching_a_file(data: Path, tmp_path: Path, kind: str):
    before = snapshot(data)
    tables = export_tables(load_handbook(data), data)
    write_tables(tables, tmp_path / kind)
    summary = import_tables(tmp_path / kind, data)
    assert summary.added == summary.changed == summary.deleted == ()
    assert snapshot(data) == before
    assert lists(export_tables(load_handbook(data), data)) == lists(tables)
    assert lists(read_tables(tmp_path / kind).values()) == lists(tables)


def test_example_workbook_follows_the_contract_and_imports(data: Path):
    tables = read_tables(ROOT / "examples" / "handbook.xlsx")
    for sheet in SHEETS:
        table = tables[sheet.name.lower()]
        assert all(table.has(column) for column in sheet.required), sheet.name
        assert table.rows, sheet.name
    import_tables(ROOT / "examples" / "handbook.xlsx", data)
    assert len(load_handbook(data).roles) == len(tables["roles"].rows)


def _nasty_workbook(data: Path, target: Path) -> None:
    """Export the real model, then write nasty text into every kind of text cell."""
    write_tables(export_tables(load_handbook(data), data), target)
    book = load_workbook(target)
    book["Dimensions"]["B2"] = NASTY[0]
    competencies = book["Competencies"]
    competencies["D2"] = NASTY[1]
    competencies["E2"] = NASTY[2]
    competencies["F3"] = NASTY[4]
    competencies["G4"] = NASTY[6]
    behaviors = book["Behaviors"]
    behaviors["B2"] = NASTY[3]
    behaviors["B3"] = NASTY[5]
    roles = book["Roles"]
    roles["C2"] = NASTY[2]
    roles["D2"] = f"{NASTY[7]}\nGroup <b>\n  - part {{{{ one }}}}\n  - part two"
    roles["E2"] = "Account <i>Manager</i>\nyes\n=1+1"
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    book.save(target)


def test_nasty_text_survives_import_and_export_unchanged(data: Path, tmp_path: Path):
    source = tmp_path / "nasty.xlsx"
    _nasty_workbook(data, source)
    imported = read_tables(source)
    summary = import_tables(source, data)
    assert "dimensions.yml" in summary.changed
    handbook = load_handbook(data)
    assert handbook.dimensions[0].description == NASTY[0]
    first = handbook.competencies[0]
    assert first.definition == NASTY[1]
    assert first.levels[handbook.levels[0].id] == NASTY[2]
    assert first.behaviors[0].text == NASTY[3]
    role = handbook.roles[0]
    assert role.summary == NASTY[2]
    assert role.titles[:3] == ("Account <i>Manager</i>", "yes", "=1+1")
    assert role.metrics[0] == NASTY[7]
    assert role.metrics[1].name == "Group <b>" and role.metrics[1].includes == ("part {{ one }}", "part two")
    # import -> export gives back exactly what was imported; export -> import -> export is stable.
    exported = export_tables(handbook, data)
    assert lists(exported) == lists(imported.values())
    write_tables(exported, tmp_path / "again.xlsx")
    again = import_tables(tmp_path / "again.xlsx", data)
    assert again.changed == again.added == again.deleted == ()
    csv_folder = tmp_path / "csv"
    write_tables(exported, csv_folder)
    assert lists(read_tables(csv_folder).values()) == lists(exported)


def test_import_keeps_comments_and_key_order_where_data_did_not_change(data: Path, tmp_path: Path):
    before = (data / "dimensions.yml").read_text(encoding="utf-8")
    tables = export_tables(load_handbook(data), data)
    tables[0].rows[1].cells["description"] = "A new description written in the spreadsheet."
    write_tables(tables, tmp_path / "edit.xlsx")
    summary = import_tables(tmp_path / "edit.xlsx", data)
    assert summary.changed == ("dimensions.yml",)
    after = (data / "dimensions.yml").read_text(encoding="utf-8")
    assert after.splitlines()[0] == before.splitlines()[0] and after.startswith("# Dimensions group")
    # The edited text keeps the folded style its neighbours use.
    assert "  description: >-\n    A new description written in the spreadsheet.\n- id: prospecting" in after
    # Everything after the edited record is byte-identical (folded text, key order).
    assert before.split("- id: prospecting-and-qualification", 1)[1] == after.split("- id: prospecting-and-qualification", 1)[1]


def _forget_role(data: Path, role_id: str) -> None:
    """Remove a role from every `roles` list outside the workbook's sheets (curricula, coaching plans, plays)."""
    for path in [*data.glob("curricula/*.yml"), *data.glob("coaching-plans/*.yml"), *data.glob("plays/*.yml")]:
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if role_id in record.get("roles", []):
            record["roles"] = [r for r in record["roles"] if r != role_id]
            path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_rows_added_and_removed_add_and_delete_records(data: Path, tmp_path: Path):
    tables = {t.name: t for t in export_tables(load_handbook(data), data)}
    competencies, behaviors = tables["Competencies"], tables["Behaviors"]
    template = competencies.rows[0]
    new = dict(template.cells, competency="Negotiates Win-Win Outcomes", id="")
    competencies.rows.append(type(template)(999, {k: v for k, v in new.items() if v}))
    for number in range(4):
        behaviors.rows.append(type(template)(999, {"competency": "negotiates win-win outcomes", "behavior": f"Trades concession {number}"}))
    roles = tables["Roles"]
    unused_role = roles.rows.pop()  # deleting a row deletes the role
    tables["Role competencies"].rows = [r for r in tables["Role competencies"].rows if r.get("Role") != unused_role.get("Role")]
    write_tables(list(tables.values()), tmp_path / "edit.xlsx")
    # Curricula, coaching plans and plays still name the role: the import is refused and nothing changes.
    before = {p: p.read_bytes() for p in data.rglob("*.yml")}
    with pytest.raises(WorkbookError) as refused:
        import_tables(tmp_path / "edit.xlsx", data)
    role_id = unused_role.get("Id")
    report = str(refused.value)
    assert f"names role '{role_id}', which this import deletes (its row is gone from sheet 'Roles')" in report
    assert f"Fix: remove '{role_id}' from this file first, or put the role's row back" in report
    assert "did you mean" not in report  # the deleted role is no typo of another one
    assert {p: p.read_bytes() for p in data.rglob("*.yml")} == before
    _forget_role(data, unused_role.get("Id"))  # what the author does first, outside the workbook
    summary = import_tables(tmp_path / "edit.xlsx", data)
    assert summary.added == ("competencies/negotiates-win-win-outcomes.yml",)
    assert summary.deleted == (f"roles/{unused_role.get('Id')}.yml",)
    created = yaml.safe_load((data / "competencies" / "negotiates-win-win-outcomes.yml").read_text())
    assert [b["id"] for b in created["behaviors"]] == [
        "trades-concession-0",
        "trades-concession-1",
        "trades-concession-2",
        "trades-concession-3",
    ]
    assert list(created)[:4] == ["id", "name", "dimension", "type"]


def test_added_columns_are_kept_and_exported_again(data: Path, tmp_path: Path):
    source = tmp_path / "owners.xlsx"
    write_tables(export_tables(load_handbook(data), data), source)
    book = load_workbook(source)
    roles = book["Roles"]
    owner_column = roles.max_column + 1
    roles.cell(row=1, column=owner_column, value="Owner")
    roles.cell(row=3, column=owner_column, value="Ada Lovelace")
    book.save(source)
    import_tables(source, data)
    assert (data / EXTRA_COLUMNS_FILE).exists()
    load_handbook(data)  # the hidden file is not data: the model still loads
    exported = {t.name: t for t in export_tables(load_handbook(data), data)}
    assert exported["Roles"].headers[-1] == "Owner"
    assert exported["Roles"].rows[1].get("Owner") == "Ada Lovelace"
    assert exported["Roles"].rows[0].get("Owner") == ""


def test_errors_name_sheet_row_and_column_and_leave_data_untouched(data: Path, tmp_path: Path):
    source = tmp_path / "bad.xlsx"
    write_tables(export_tables(load_handbook(data), data), source)
    book = load_workbook(source)
    book["Competencies"]["C3"] = "trait"
    book["Roles"]["B4"] = "Sales Mgmt"
    book["Behaviors"]["A5"] = "Demonstrates Perseverence"
    book["Dimensions"]["B2"] = None
    book.save(source)
    before = snapshot(data)
    with pytest.raises(WorkbookError) as raised:
        import_tables(source, data)
    assert snapshot(data) == before
    lines = [str(p) for p in raised.value.problems]
    assert lines == [
        "sheet 'Dimensions', row 2, column 'Description': expected text, found empty text. "
        "Fix: write the text (or remove the field if it is optional)",
        "sheet 'Competencies', row 3, column 'Type': expected one of 'skill', 'knowledge' or 'attribute', found 'trait'. "
        "Fix: use one of 'skill', 'knowledge' or 'attribute'",
        "sheet 'Behaviors', row 5, column 'Competency': unknown competency 'Demonstrates Perseverence'. "
        "Fix: did you mean 'Demonstrates Perseverance'?",
        "sheet 'Roles', row 4, column 'Family': unknown family 'Sales Mgmt'. Fix: did you mean 'Sales Management'?",
    ]
    assert raised.value.report().startswith(f"{source} has 4 problems; data/ was left unchanged:")


def test_missing_column_and_misspelt_sheet_are_reported(data: Path, tmp_path: Path):
    folder = tmp_path / "csv"
    write_tables(export_tables(load_handbook(data), data), folder)
    roles = folder / "roles.csv"
    roles.write_text(roles.read_text(encoding="utf-8-sig").replace("Role,Family,", "Role,Familly,", 1), encoding="utf-8")
    (folder / "behaviors.csv").rename(folder / "behaviours.csv")
    before = snapshot(data)
    with pytest.raises(WorkbookError) as raised:
        import_tables(folder, data)
    assert snapshot(data) == before
    assert [str(p) for p in raised.value.problems] == [
        "sheet 'behaviours': this sheet is not part of the workbook contract. Fix: did you mean 'Behaviors'?",
        "sheet 'Roles', row 1, column 'Family': the column 'Family' is missing. Fix: add a column headed 'Family'",
    ]


def test_headers_match_case_insensitively(data: Path, tmp_path: Path):
    folder = tmp_path / "csv"
    write_tables(export_tables(load_handbook(data), data), folder)
    path = folder / "dimensions.csv"
    path.write_text(path.read_text(encoding="utf-8-sig").replace("Dimension,Description,Id", "DIMENSION, description ,id", 1))
    assert import_tables(folder, data).changed == ()


def test_new_role_row_needs_its_profile_answers_and_responsibilities(tmp_path: Path):
    # The workbook now holds profile answers and responsibilities, so a new role's missing ones point at cells.
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny" / "data", data)
    folder = tmp_path / "csv"
    tables = {t.name: t for t in export_tables(load_handbook(data), data)}
    row = tables["Roles"].rows[0]
    cells = {k: v for k, v in row.cells.items() if k not in ("id", "responsibilities", "profile: phase")}
    tables["Roles"].rows.append(type(row)(3, dict(cells, role="Door Sales")))
    competency = tables["Role competencies"].rows[0].get("Competency")
    tables["Role competencies"].rows.append(type(row)(99, {"role": "Door Sales", "competency": competency}))
    write_tables(list(tables.values()), folder)
    before = snapshot(data)
    with pytest.raises(WorkbookError) as raised:
        import_tables(folder, data)
    assert snapshot(data) == before
    assert [str(p) for p in raised.value.problems] == [
        "sheet 'Roles', row 3, column 'Profile: phase': the profile question 'phase' is not answered. "
        "Fix: write one or more of 'pre-sale' or 'post-sale', one per line",
        "sheet 'Roles', row 3, column 'Responsibilities': expected at least 1 item, found 0. Fix: add at least one item",
    ]
