"""Progressive authoring: a valid but unfinished record builds with "not written yet", and validate lists the gaps as TODOs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import copy_fixture, mkdocs_build
from test_cli import run

from macros.errors import DataError
from macros.loading import load_handbook

COMPETENCY = "competencies/demonstrates-perseverance.yml"


def unfinished(tmp_path: Path) -> Path:
    """The tiny site with its competency's hiring guide and 'leader' level not written yet; returns mkdocs.yml."""
    config = copy_fixture("tiny", tmp_path)
    path = config.parent / "data" / COMPETENCY
    text = path.read_text(encoding="utf-8")
    text = text[: text.index("hiring:")].replace("  leader: Helps the team keep going.\n", "")
    path.write_text(text, encoding="utf-8")
    return config


def test_unfinished_record_builds_and_says_not_written_yet(tmp_path: Path):
    config = unfinished(tmp_path)
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode == 0, built.output
    page = built.article("competencies/demonstrates-perseverance/")
    ladder = page.select(".hb-ladder__new")
    assert [p.get_text(" ", strip=True).endswith("Not written yet.") for p in ladder] == [False, False, True]
    assert "Hiring guide ¶ Not written yet. The score anchors" in page.get_text(" ", strip=True)
    hiring = built.article("roles/floor-sales/hiring/").get_text(" ", strip=True)
    assert "Not written yet." in hiring and "Gives up after the first no" not in hiring


def test_validate_lists_every_gap_as_a_todo_and_strict_refuses_them(tmp_path: Path):
    config = unfinished(tmp_path)
    result = run("validate", cwd=config.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "2 TODOs: content not written yet; its pages say so (`--strict` makes these errors):",
        "  - TODO data/competencies/demonstrates-perseverance.yml:1: competency 'demonstrates-perseverance' field 'hiring': "
        "no hiring guide, but the competency is predictive for floor-sales and their hiring scorecards score it. "
        "Fix: add a 'hiring:' section with anchors (1, 5, 10), evaluate_by and questions",
        "  - TODO data/competencies/demonstrates-perseverance.yml:16: competency 'demonstrates-perseverance' field 'levels': "
        "the 'leader' level is not described. Fix: add 'leader:' under 'levels' with what the competency looks like at that level",
    ]
    strict = run("validate", "--strict", cwd=config.parent)
    assert strict.returncode == 1
    assert strict.stderr.startswith("The handbook data has 2 problems; nothing was published:")
    assert "TODO" not in strict.stderr  # required content is missing content, reported as an error


def test_require_complete_makes_the_build_fail_on_gaps(tmp_path: Path):
    config = unfinished(tmp_path)
    config.write_text(config.read_text().replace("  - handbook\n", "  - handbook:\n      require_complete: true\n"))
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode != 0
    assert "the 'leader' level is not described" in built.output and "no hiring guide" in built.output
    assert not (tmp_path / "site").exists()
    rendered = run("render", str(tmp_path / "plain"), "--config", str(config))  # the plain Markdown export reads the setting too
    assert rendered.returncode == 1 and "no hiring guide" in rendered.stderr


def test_broken_references_stay_errors_whatever_the_setting(tmp_path: Path):
    config = unfinished(tmp_path)
    role = config.parent / "data" / "roles" / "floor-sales.yml"
    role.write_text(role.read_text().replace("demonstrates-perseverance", "demonstrates-perseverence"))
    with pytest.raises(DataError) as caught:
        load_handbook(config.parent / "data")
    assert any("unknown competency 'demonstrates-perseverence'" in str(p) for p in caught.value.problems)
    assert not any(p.todo for p in caught.value.problems)
