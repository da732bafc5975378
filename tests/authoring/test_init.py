"""`handbook init --from`: a company's own model from a workbook alone replaces the sample, and the site builds strictly."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from sites import mkdocs_build
from test_cli import run
from test_workbook_authoring import real_site_copy, snapshot

LEVELS = ("Individual Contributor", "Senior Individual Contributor", "Leader")
PROFILE = {"phase": "pre-sale", "leadership": "individual", "channel": "direct", "business": "new", "setting": "field"}


def company_workbook(target: Path, *, dimension: str = "Hunting") -> Path:
    """A small company's model, written from scratch following the workbook contract."""
    skills = ("Opens Doors", "Closes Deals")
    sheets: dict[str, list[dict[str, str]]] = {
        "Dimensions": [{"Dimension": "Hunting", "Description": "Finding and winning new customers."}],
        "Competencies": [
            {"Competency": s, "Dimension": dimension, "Type": "skill", "Definition": f"{s}, done well."}
            | {lv: f"{s} as {lv}." for lv in LEVELS}
            for s in skills
        ],
        "Behaviors": [{"Competency": s, "Behavior": f"{s}: observable behavior {n}"} for s in skills for n in range(1, 5)],
        "Hiring guides": [
            {"Competency": s, "Anchor 1": "Never has.", "Anchor 5": "Sometimes.", "Anchor 10": "Always, with proof."}
            | {"Evaluate by": "behavioral-questions", "Questions": f"When did you last show that you {s.lower()}?"}
            for s in skills
        ],
        "Roles": [
            {
                "Role": "Door Opener",
                "Family": "Sales",
                "Summary": "Opens doors.",
                "Metrics": "",
                "Titles": "",
                "Responsibilities": "Book meetings",
            }
            | {f"Profile: {q}": a for q, a in PROFILE.items()}
            | {"Profile: offering": "product"}
        ],
        "Role competencies": [{"Role": "Door Opener", "Competency": s} for s in skills],
    }
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        headers = list(dict.fromkeys(h for row in rows for h in row))
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h, "") for h in headers])
    book.save(target)
    return target


def test_init_replaces_the_sample_with_the_workbook_and_the_site_builds(tmp_path: Path):
    config = real_site_copy(tmp_path / "project")
    data = config.parent / "data"
    source = company_workbook(tmp_path / "company.xlsx")
    result = run("init", "--from", str(source), cwd=config.parent)
    assert result.returncode == 0, result.stderr
    assert "data/ now holds the workbook's model: 1 dimensions, 2 competencies, 8 behaviors, 2 hiring guides, 1 roles" in result.stdout
    assert "Removed from the sample, as it was written for the old roles and competencies:" in result.stdout
    assert "  18 role files (the workbook's replace them)" in result.stdout
    assert "curriculum file" in result.stdout and "play files" in result.stdout
    assert sorted(p.name for p in (data / "roles").iterdir()) == ["door-opener.yml"]
    assert sorted(p.name for p in (data / "competencies").iterdir()) == ["closes-deals.yml", "opens-doors.yml"]
    assert not list(data.glob("plays/*.yml")) and not list(data.glob("curricula/*.yml"))
    assert (data / "families.yml").exists() and (data / "profile-mapping.yml").exists()  # the framework stays
    assert "Sales Management" in (data / "families.yml").read_text()  # no Families sheet: the families are kept
    validate = run("validate", cwd=config.parent)
    assert validate.returncode == 0, validate.stderr
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert "Book meetings" in built.article("roles/door-opener/").get_text(" ", strip=True)
    assert "Opens Doors: observable behavior 4" in built.article("competencies/opens-doors/").get_text(" ", strip=True)
    # Training and playbooks have nothing written: their sections leave the navigation and the home page.
    assert not (tmp_path / "site" / "curricula").exists() and not (tmp_path / "site" / "plays").exists()
    home = built.html("")
    tabs = [a.get_text(" ", strip=True) for a in home.select(".md-tabs__link, .md-nav__link")]
    assert "Roles" in tabs and not {"Training", "Playbooks"} & set(tabs)
    links = {a.get("href", "") for a in built.article("").find_all("a")}
    assert not any(section in href for href in links for section in ("curricula/", "cohorts/", "plays/", "journey-map/"))
    cards = [" ".join(li.get_text(" ", strip=True).split()) for li in built.article("").select(".hb-audiences > ul > li")]
    assert [card.split(" ")[0:2] for card in cards] == [["I", "sell"], ["I", "manage"], ["I'm", "new"], ["I", "write"]]
    assert "play" not in cards[0] and "cohort" not in cards[2]
    role = built.article("roles/door-opener/").get_text(" ", strip=True)
    assert "Plays by deal stage" not in role and "Coaching" not in role and "No curriculum" not in role


def test_init_with_mistakes_changes_nothing(tmp_path: Path):
    config = real_site_copy(tmp_path / "project")
    data = config.parent / "data"
    before = snapshot(data)
    source = company_workbook(tmp_path / "company.xlsx", dimension="Huntin")
    result = run("init", "--from", str(source), cwd=config.parent)
    assert result.returncode == 1
    assert "sheet 'Competencies', row 2, column 'Dimension': unknown dimension 'Huntin'. Fix: did you mean 'Hunting'?" in result.stderr
    assert snapshot(data) == before


def test_init_needs_every_sheet_of_the_model(tmp_path: Path):
    config = real_site_copy(tmp_path / "project")
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "dimensions.csv").write_text("Dimension,Description\nHunting,Finding customers.\n", encoding="utf-8")
    result = run("init", "--from", str(folder), cwd=config.parent)
    assert result.returncode == 1
    assert "sheet 'Roles' is missing. Fix: add it (see the workbook contract), or export a model to start from" in result.stderr
