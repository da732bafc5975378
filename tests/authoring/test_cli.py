"""The `handbook` command, run through its installed entry point."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sites import FIXTURES, ROOT

HANDBOOK = Path(sys.executable).parent / "handbook"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    assert HANDBOOK.exists(), "the `handbook` command is installed by `python3 dev.py test` (pip install -e .)"
    return subprocess.run([str(HANDBOOK), *args], capture_output=True, text=True, cwd=cwd)


def test_validate_real_data():
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    assert "18 roles, 65 competencies" in result.stdout


def test_validate_reports_every_problem_and_fails(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny" / "data", data)
    role = data / "roles" / "floor-sales.yml"
    role.write_text(role.read_text().replace("family: sales", "family: sale") + "colour: red\n")
    competency = data / "competencies" / "demonstrates-perseverance.yml"
    competency.write_text(competency.read_text().replace("type: attribute", "type: trait"))
    result = run("validate", "--data", str(data), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("The handbook data has 2 problems; nothing was published:")
    assert "field 'colour': unknown field 'colour'" in result.stderr
    assert "field 'type': expected one of 'skill', 'knowledge' or 'attribute', found 'trait'" in result.stderr


def test_help_lists_the_subcommands():
    result = run("--help")
    assert result.returncode == 0
    assert "validate" in result.stdout
