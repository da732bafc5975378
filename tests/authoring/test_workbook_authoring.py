"""Authoring without YAML: new roles and competencies written as workbook rows, imported, and shown on the built site."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook
from sites import FIXTURES, ROOT, mkdocs_build

from macros.authoring.workbook import SHEETS, WorkbookError, export_tables, import_tables, write_tables
from macros.errors import DataError
from macros.loading import load_handbook
from macros.site.reference import workbook_reference


def snapshot(folder: Path) -> dict[str, str]:
    """Every file's content hash, to prove a failed import changed nothing."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def append(sheet, values: dict[str, str]) -> None:
    """Add a row to an openpyxl sheet by header, as an author typing into the next free row would."""
    headers = [cell.value for cell in sheet[1]]
    sheet.append([values.get(header, "") for header in headers])


def real_site_copy(dest: Path) -> Path:
    """The real site's config, pages and data in a folder of their own (engine and templates shared); returns mkdocs.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "data"):
        source = ROOT / name
        shutil.copytree(source, dest / name) if source.is_dir() else shutil.copy(source, dest / name)
    for name in ("macros", "overrides", "examples"):
        (dest / name).symlink_to(ROOT / name)
    return dest / "mkdocs.yml"


NEW_COMPETENCIES = {
    "Negotiates Win-Win Outcomes": "Trades concessions so both sides leave with something they value.",
    "Builds Partner Ecosystems": "Recruits and grows partners that bring in deals the team could not reach alone.",
}


def _add_competency(book, name: str, definition: str, dimension: str) -> None:
    levels = [
        h for h in (c.value for c in book["Competencies"][1]) if h not in ("Competency", "Dimension", "Type", "Definition", "Aliases", "Id")
    ]
    row = {"Competency": name, "Dimension": dimension, "Type": "skill", "Definition": definition}
    row |= {level: f"{name} at the {level} level: a description." for level in levels}
    append(book["Competencies"], row)
    for number in range(1, 5):
        append(book["Behaviors"], {"Competency": name, "Behavior": f"{name.split()[0]} behavior number {number}, observed on a call"})
    append(
        book["Hiring guides"],
        {
            "Competency": name,
            "Anchor 1": "Cannot give an example.",
            "Anchor 5": "Gives one example with some detail.",
            "Anchor 10": "Gives several examples with measurable results.",
            "Evaluate by": "role-play\nBehavioral questions",
            "Questions": f"Tell me about a time you showed {name.lower()}.\nWhat would you do differently?",
        },
    )


def test_new_role_and_competencies_as_rows_build_into_pages(tmp_path: Path):
    config = real_site_copy(tmp_path / "project")
    data = config.parent / "data"
    source = tmp_path / "model.xlsx"
    write_tables(export_tables(load_handbook(data), data), source)
    book = load_workbook(source)
    dimension = book["Dimensions"]["A2"].value
    for name, definition in NEW_COMPETENCIES.items():
        _add_competency(book, name, definition, dimension)
    append(
        book["Roles"],
        {
            "Role": "Channel Partner Manager",
            "Family": book["Roles"]["B2"].value,
            "Summary": "Grows revenue through resellers and distributors.",
            "Metrics": "Partner-sourced revenue\nActive partners\n  - Certified\n  - Transacting",
            "Titles": "Partner Manager\nChannel Account Manager",
            "Responsibilities": "Recruit partners\nTrain partners on the offering",
            "New business %": "60%",
            "Existing business %": "40",
            "Sales cycle": "Three to six months",
            "Buyer approach": "Owners of reseller businesses.",
            "Profile: phase": "pre-sale",
            "Profile: leadership": "individual",
            "Profile: channel": "Through a partner network",
            "Profile: business": "balanced",
            "Profile: setting": "field\ninside",
            "Profile: offering": "solution",
        },
    )
    existing = book["Competencies"]["A2"].value
    for competency in (*NEW_COMPETENCIES, existing):
        append(book["Role competencies"], {"Role": "Channel Partner Manager", "Competency": competency})
    book.save(source)
    yaml_before = {p: p.read_bytes() for p in data.rglob("*.yml")}

    summary = import_tables(source, data)
    assert summary.added == (
        "competencies/builds-partner-ecosystems.yml",
        "competencies/negotiates-win-win-outcomes.yml",
        "roles/channel-partner-manager.yml",
    )
    assert summary.changed == ()  # nothing else was touched
    assert {p: p.read_bytes() for p in yaml_before} == yaml_before
    role = yaml.safe_load((data / "roles" / "channel-partner-manager.yml").read_text())
    assert role["profile"]["channel"] == ["indirect"] and role["profile"]["setting"] == ["field", "inside"]
    assert role["how_it_sells"]["business_mix"] == {"new": 60, "existing": 40}
    competency = yaml.safe_load((data / "competencies" / "negotiates-win-win-outcomes.yml").read_text())
    assert competency["hiring"]["evaluate_by"] == ["role-play", "behavioral-questions"]

    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode == 0, built.output
    page = built.article("roles/channel-partner-manager/").get_text(" ", strip=True)
    assert "Channel Partner Manager" in page and "Train partners on the offering" in page and "Three to six months" in page
    assert "Negotiates Win-Win Outcomes" in page and "Builds Partner Ecosystems" in page
    for competency_id, name in (("negotiates-win-win-outcomes", "Negotiates"), ("builds-partner-ecosystems", "Builds")):
        text = built.article(f"competencies/{competency_id}/").get_text(" ", strip=True)
        assert f"{name} behavior number 4, observed on a call" in text
    hiring = built.article("roles/channel-partner-manager/hiring/").get_text(" ", strip=True)
    assert "Tell me about a time you showed negotiates win-win outcomes." in hiring


def test_workbook_written_from_the_contract_alone_imports(tmp_path: Path):
    """A workbook built from scratch with the documented columns (not from an export) replaces the tiny model's core."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny" / "data", data)
    handbook = load_handbook(data)
    contract = {sheet.name: sheet for sheet in workbook_reference(handbook)}
    level_names = [level.name for level in handbook.levels]
    questions = {q.id: q.answers[0].label for q in handbook.mapping.questions}
    family = "Hunters"  # a family of the company's own, replacing the fixture's
    rows: dict[str, list[dict[str, str]]] = {
        "Dimensions": [{"Dimension": "Prospecting", "Description": "Finding buyers."}],
        "Families": [{"Family": family, "Description": "Positions that find new customers."}],
        "Competencies": [
            {"Competency": f"Skill {n}", "Dimension": "prospecting", "Type": "Skill", "Definition": f"Skill {n}, defined."}
            | {name: f"Skill {n} at {name}." for name in level_names}
            for n in (1, 2)
        ],
        "Behaviors": [{"Competency": f"Skill {n}", "Behavior": f"Does thing {b} of skill {n}"} for n in (1, 2) for b in range(4)],
        "Hiring guides": [
            {"Competency": f"Skill {n}", "Anchor 1": "No.", "Anchor 5": "Some.", "Anchor 10": "Lots.", "Evaluate by": "reference-checks"}
            | {"Questions": "Why?"}
            for n in (1, 2)
        ],
        "Roles": [
            {"Role": "Hunter", "Family": family, "Summary": "Hunts.", "Metrics": "", "Titles": "", "Responsibilities": "Hunt"}
            | {f"Profile: {q}": label for q, label in questions.items()}
        ],
        "Role competencies": [{"Role": "Hunter", "Competency": "Skill 1"}, {"Role": "Hunter", "Competency": "Skill 2"}],
    }
    book = Workbook()
    book.remove(book.active)
    for sheet in SHEETS:
        documented = contract[sheet.name]
        # What the contract page says a sheet must have, and what a new row must fill.
        headers = [*documented.required, *(documented.dynamic if documented.dynamic_required else ()), *documented.new_rows]
        ws = book.create_sheet(sheet.name)
        ws.append(headers)
        for row in rows[sheet.name]:
            ws.append([row.get(h, "") for h in headers])
    book.save(tmp_path / "scratch.xlsx")
    import_tables(tmp_path / "scratch.xlsx", data)
    loaded = load_handbook(data)
    assert [r.id for r in loaded.roles] == ["hunter"]
    assert [c.id for c in loaded.competencies] == ["skill-1", "skill-2"]
    assert loaded.competencies[0].hiring is not None
    assert [f.id for f in loaded.families] == ["hunters"] and loaded.roles[0].family == "hunters"


def test_wrong_values_in_new_columns_are_all_reported_with_fixes(data_copy: Path, tmp_path: Path):
    source = tmp_path / "bad.xlsx"
    write_tables(export_tables(load_handbook(data_copy), data_copy), source)
    book = load_workbook(source)
    roles, hiring = book["Roles"], book["Hiring guides"]
    headers = {cell.value: cell.column_letter for cell in roles[1]}
    roles[f"{headers['Profile: channel']}2"] = "indirct"
    roles[f"{headers['Profile: business']}3"] = None
    roles[f"{headers['New business %']}4"] = "lots"
    roles[f"{headers['Existing business %']}4"] = "30"
    hiring["A2"] = "Demonstrates Perseverence"
    hiring["E3"] = "role play\nreference check"
    hiring["C4"] = None  # Anchor 5
    roles[f"{headers['New business %']}5"], roles[f"{headers['Existing business %']}5"] = "70", "40"
    book.save(source)
    before = snapshot(data_copy)
    with pytest.raises(WorkbookError) as raised:
        import_tables(source, data_copy)
    assert snapshot(data_copy) == before
    assert [str(p) for p in raised.value.problems] == [
        "sheet 'Hiring guides', row 2, column 'Competency': unknown competency 'Demonstrates Perseverence'. "
        "Fix: did you mean 'Demonstrates Perseverance'?",
        "sheet 'Hiring guides', row 3, column 'Evaluate by': unknown way to evaluate 'reference check'. "
        "Fix: did you mean 'reference-checks'?",
        "sheet 'Hiring guides', row 4, column 'Anchor 5': expected text, found empty text. "
        "Fix: write the text (or remove the field if it is optional)",
        "sheet 'Roles', row 2, column 'Profile: channel': 'indirct' is not an answer to the profile question 'channel'. "
        "Fix: did you mean 'indirect'?",
        "sheet 'Roles', row 3, column 'Profile: business': the profile question 'business' is not answered. "
        "Fix: write one or more of 'new', 'existing' or 'balanced', one per line",
        "sheet 'Roles', row 4, column 'New business %': expected a whole number from 0 to 100, found 'lots'. "
        "Fix: write a percentage such as 70",
        "sheet 'Roles', row 5, column 'New business %': new and existing must add up to 100, found 70 + 40 = 110. Fix: correct the values",
    ]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the real data to import into."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def test_unfinished_competency_imports_and_its_gaps_are_todos(data_copy: Path, tmp_path: Path):
    source = tmp_path / "unfinished.xlsx"
    write_tables(export_tables(load_handbook(data_copy), data_copy), source)
    book = load_workbook(source)
    levels = [c.value for c in book["Competencies"][1]][4:-2]
    name = "Negotiates Win-Win Outcomes"
    append(
        book["Competencies"], {"Competency": name, "Dimension": book["Dimensions"]["A2"].value, "Type": "skill", "Definition": "Trades."}
    )
    for number in range(4):
        append(book["Behaviors"], {"Competency": name, "Behavior": f"Trades concession {number}"})
    append(book["Role competencies"], {"Role": book["Roles"]["A2"].value, "Competency": name})
    book.save(source)
    summary = import_tables(source, data_copy)  # no level described, no hiring guide: not written yet, not wrong
    assert summary.todos == 1 + len(levels)
    todos = [(t.record, t.field) for t in load_handbook(data_copy).todos]
    assert todos == [("negotiates-win-win-outcomes", "hiring"), *[("negotiates-win-win-outcomes", "levels")] * len(levels)]
    with pytest.raises(DataError, match="no hiring guide"):
        load_handbook(data_copy, require_complete=True)


def test_a_workbook_from_before_the_new_columns_still_imports_unchanged(data_copy: Path, tmp_path: Path):
    # Workbooks exported before roles' profile answers and hiring guides were sheet columns leave those fields as they are.
    source = tmp_path / "old.xlsx"
    write_tables(export_tables(load_handbook(data_copy), data_copy), source)
    book = load_workbook(source)
    del book["Hiring guides"], book["Families"]
    roles = book["Roles"]
    for column in reversed(range(1, roles.max_column + 1)):
        if roles.cell(1, column).value not in ("Role", "Family", "Summary", "Metrics", "Titles", "Id"):
            roles.delete_cols(column)
    book.save(source)
    before = snapshot(data_copy)
    summary = import_tables(source, data_copy)
    assert summary.changed == summary.added == summary.deleted == ()
    assert snapshot(data_copy) == before
