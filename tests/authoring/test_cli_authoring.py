"""The authoring commands through the installed `handbook` entry point: export, import, new, render, --help."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from sites import FIXTURES, ROOT, mkdocs_build
from test_cli import run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding a copy of the real data, to run commands in."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "import"),
        (("import",), "nothing in data/ changes"),
        (("export",), "PATH ending in .xlsx writes a workbook"),
        (("new",), "role"),
        (("new", "role"), "--family"),
        (("new", "competency"), "--dimension"),
        (("render",), "Zensical"),
        (("validate",), "TODO placeholders"),
    ],
)
def test_every_command_has_help(args: tuple[str, ...], expected: str):
    result = run(*args, "--help")
    assert result.returncode == 0, result.stderr
    assert expected in " ".join(result.stdout.split())


def test_unknown_command_is_a_usage_error():
    result = run("publish")
    assert result.returncode == 2
    assert "invalid choice: 'publish'" in result.stderr


def test_export_edit_import_validate(project: Path):
    exported = run("export", "handbook.xlsx", cwd=project)
    assert exported.returncode == 0, exported.stderr
    assert "Roles: 18 rows" in exported.stdout and "Behaviors: " in exported.stdout
    book = load_workbook(project / "handbook.xlsx")
    book["Roles"]["C2"] = "A summary rewritten by an author in a spreadsheet."
    book.save(project / "handbook.xlsx")
    imported = run("import", "handbook.xlsx", cwd=project)
    assert imported.returncode == 0, imported.stderr
    assert "18 roles" in imported.stdout
    assert "changed  data/roles/account-management.yml" in imported.stdout
    assert "0 added, 1 changed, 0 deleted" in imported.stdout
    assert "A summary rewritten by an author" in (project / "data" / "roles" / "account-management.yml").read_text()
    again = run("import", "handbook.xlsx", cwd=project)
    assert "Nothing changed" in again.stdout
    assert run("validate", cwd=project).returncode == 0


def test_import_with_errors_exits_1_and_changes_nothing(project: Path):
    run("export", "csv", cwd=project)
    roles = project / "csv" / "roles.csv"
    roles.write_text(roles.read_text(encoding="utf-8-sig").replace(",Sales,", ",Sails,", 1), encoding="utf-8")
    before = (project / "data" / "roles" / "account-management.yml").read_bytes()
    result = run("import", "csv", cwd=project)
    assert result.returncode == 1
    assert "csv has 1 problem; data/ was left unchanged:" in result.stderr
    assert "sheet 'Roles', row 2, column 'Family': unknown family 'Sails'. Fix: did you mean 'Sales'?" in result.stderr
    assert (project / "data" / "roles" / "account-management.yml").read_bytes() == before


def test_import_of_a_missing_or_wrong_file_fails_clearly(project: Path):
    (project / "notes.txt").write_text("hello")
    for target, message in (("nothing.xlsx", "the file does not exist"), ("notes.txt", "expected an .xlsx workbook or a folder")):
        result = run("import", target, cwd=project)
        assert result.returncode == 1
        assert message in result.stderr


@pytest.mark.parametrize(
    ("command", "created"),
    [
        (("new", "role", "Channel Partner Manager", "--family", "sales"), "data/roles/channel-partner-manager.yml"),
        (("new", "competency", "Negotiates Win-Win Outcomes", "--type", "skill"), "data/competencies/negotiates-win-win-outcomes.yml"),
    ],
)
def test_new_creates_a_valid_skeleton_that_validate_flags(project: Path, command: tuple[str, ...], created: str):
    result = run(*command, cwd=project)
    assert result.returncode == 0, result.stderr
    assert f"Created {created}" in result.stdout
    text = (project / created).read_text()
    assert f'name: "{command[2]}"' in text
    placeholders = text.count("TODO")
    assert placeholders > 5
    assert f"Replace its {placeholders} TODO placeholders" in result.stdout
    validated = run("validate", cwd=project)
    assert validated.returncode == 0, validated.stderr
    assert f"Note: {created} still has {placeholders} TODO placeholders" in validated.stdout
    again = run(*command, cwd=project)
    assert again.returncode == 1
    assert "already exists" in again.stderr


def test_new_rejects_unknown_choices(project: Path):
    result = run("new", "role", "Door Sales", "--family", "retail", cwd=project)
    assert result.returncode == 1
    assert "unknown family 'retail'; use one of: sales, sales-management, service" in result.stderr
    assert not (project / "data" / "roles" / "door-sales.yml").exists()


def test_render_writes_plain_pages_that_build_without_the_hook(tmp_path: Path, real_site):
    out = tmp_path / "plain"
    result = run("render", str(out))
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text())
    assert "hooks" not in config and config["plugins"] == ["search"] and "extra" not in config
    assert config["theme"]["name"] == "material" and config["nav"][1]["Roles"][0] == "roles/index.md"
    assert config["edit_uri"] == "https://github.com/example-org/sales-handbook/edit/main/docs/"  # from the plugin's repository
    assert "{{" not in (out / "docs" / "index.md").read_text()  # the home page's macros ran
    built = mkdocs_build(out / "mkdocs.yml", tmp_path / "site")
    assert built.returncode == 0, built.output
    assert "WARNING" not in built.output
    for url in ("roles/consultant/", "competencies/networks-effectively/", "", "matrix/"):
        plain, real = built.article(url), real_site.article(url)
        # From git history and the plugin, not from the pages; the search names are hidden, for Pagefind only.
        for credit in real.select(".hb-credit, .hb-sources, p[hidden][data-pagefind-meta]"):
            credit.decompose()
        assert plain.get_text(" ", strip=True) == real.get_text(" ", strip=True), url
    assert (tmp_path / "site" / "model.json").read_bytes() == (real_site.root / "model.json").read_bytes()
    refused = run("render", str(out))
    assert refused.returncode == 1 and "is not empty" in refused.stderr


def test_render_reports_data_problems(tmp_path: Path):
    project = tmp_path / "tiny"
    shutil.copytree(FIXTURES / "tiny", project)
    role = project / "data" / "roles" / "floor-sales.yml"
    role.write_text(role.read_text().replace("family: sales", "family: sale"))
    result = run("render", str(tmp_path / "out"), "--config", str(project / "mkdocs.yml"))
    assert result.returncode == 1
    assert "unknown family 'sale'" in result.stderr
