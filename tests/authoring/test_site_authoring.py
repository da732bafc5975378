"""Built sites: edit links to data files, page credits from git history, /model.json, the print page, ProperDocs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from sites import ROOT, BuiltSite, copy_fixture, mkdocs_build

EDIT_BASE = "https://github.com/example-org/sales-handbook/edit/main/"


def _edit_link(site: BuiltSite, url: str) -> str:
    return site.html(url).select_one('a[title="Edit this page"]')["href"]


def test_every_edit_button_opens_the_file_the_content_comes_from(real_site, real_handbook):
    for role in real_handbook.roles:
        assert _edit_link(real_site, f"roles/{role.id}/") == f"{EDIT_BASE}data/roles/{role.id}.yml"
    for competency in real_handbook.competencies:
        assert _edit_link(real_site, f"competencies/{competency.id}/") == f"{EDIT_BASE}data/competencies/{competency.id}.yml"
    assert _edit_link(real_site, "dimensions/") == f"{EDIT_BASE}data/dimensions.yml"
    assert _edit_link(real_site, "glossary/") == f"{EDIT_BASE}docs/glossary.md"
    assert _edit_link(real_site, "") == f"{EDIT_BASE}docs/index.md"
    for path in (ROOT / "data" / "roles" / f"{real_handbook.roles[0].id}.yml", ROOT / "docs" / "glossary.md"):
        assert path.exists()


def test_no_page_asks_another_host_for_repository_facts(real_site):
    # A GitHub repo_url makes Material fetch star counts from GitHub's API in every reader's browser.
    assert real_site.html("roles/consultant/").select(".md-source") == []


def _git(repo: Path, *args: str, author: str = "", date: str = "") -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if author:
        email = author.split()[0].lower() + "@example.org"
        env |= {"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": email}
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def credited_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The tiny fixture in its own git repository: Ada wrote everything in 2024, Grace then edited the role in 2025."""
    root = tmp_path_factory.mktemp("credited")
    config = copy_fixture("tiny", root)
    text = config.read_text().replace("  font: false\n", "  font: false\n  features: [content.action.edit]\n")
    config.write_text(text + "edit_uri: https://git.example.org/team/handbook/edit/main/docs/\n")
    project = config.parent
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "First draft", author="Ada Lovelace", date="2024-01-02T10:00:00+02:00")
    role = project / "data" / "roles" / "floor-sales.yml"
    role.write_text(role.read_text().replace("Sells in a store.", "Sells in a store, face to face."))
    _git(project, "commit", "-qam", "Sharper summary", author="Grace Hopper", date="2025-03-04T23:30:00-05:00")
    site = mkdocs_build(config, root / "site")
    assert site.returncode == 0, site.output
    return site


def _credit(site: BuiltSite, url: str) -> str:
    credit = site.article(url).select_one("aside.hb-credit")
    return " ".join(credit.get_text(" ", strip=True).split()) if credit else ""


def test_pages_credit_who_changed_their_data_and_when(credited_site: BuiltSite):
    # Grace's commit was at 23:30 in New York: 2025-03-05 in UTC, the date every reader sees.
    assert _credit(credited_site, "roles/floor-sales/") == (
        "Last changed on 2025-03-05 by Grace Hopper. Written by Grace Hopper and Ada Lovelace."
    )
    assert _credit(credited_site, "competencies/demonstrates-perseverance/") == "Last changed on 2024-01-02 by Ada Lovelace."
    assert _credit(credited_site, "") == "Last changed on 2024-01-02 by Ada Lovelace."
    time = credited_site.article("roles/floor-sales/").select_one("aside.hb-credit time")
    assert time["datetime"] == "2025-03-05T04:30:00+00:00"


def test_generated_pages_edit_their_data_file_with_a_full_edit_uri(credited_site: BuiltSite):
    base = "https://git.example.org/team/handbook/edit/main/"
    assert _edit_link(credited_site, "roles/floor-sales/") == f"{base}data/roles/floor-sales.yml"
    assert _edit_link(credited_site, "") == f"{base}docs/index.md"


REPOSITORY = "https://git.example.org/team/handbook"


@pytest.fixture(scope="module")
def sourced_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The tiny fixture with its repository and branch given once, as plugin options, and no edit_uri."""
    root = tmp_path_factory.mktemp("sourced")
    config = copy_fixture("tiny", root)
    text = config.read_text().replace("  font: false\n", "  font: false\n  features: [content.action.edit]\n")
    config.write_text(text.replace("  - handbook\n", f"  - handbook:\n      repository: {REPOSITORY}/\n      branch: live\n"))
    project = config.parent
    _git(project, "init", "-q", "-b", "live")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "First draft", author="Ada Lovelace", date="2024-01-02T10:00:00+02:00")
    site = mkdocs_build(config, root / "site")
    assert site.returncode == 0, site.output
    return site


def _sources(site: BuiltSite, url: str) -> tuple[str, dict[str, str]]:
    details = site.article(url).select_one("details.hb-sources")
    return details.summary.get_text(" ", strip=True), {a.get_text(strip=True): a["href"] for a in details.select("li a")}


def test_a_page_lists_every_file_it_is_built_from_with_its_edit_link(sourced_site: BuiltSite):
    summary, files = _sources(sourced_site, "matrix/")
    expected = ["data/roles/floor-sales.yml", "data/competencies/demonstrates-perseverance.yml", "data/families.yml", "data/dimensions.yml"]
    assert summary == "Built from 4 data files"
    assert files == {path: f"{REPOSITORY}/edit/live/{path}" for path in expected}
    summary, files = _sources(sourced_site, "roles/floor-sales/")
    assert "data/roles/floor-sales.yml" in files and "data/competencies/demonstrates-perseverance.yml" in files
    assert _edit_link(sourced_site, "roles/floor-sales/") == f"{REPOSITORY}/edit/live/data/roles/floor-sales.yml"


def test_a_hand_written_page_lists_its_own_docs_file(sourced_site: BuiltSite):
    summary, files = _sources(sourced_site, "")
    assert summary == "Written by hand in docs/index.md"
    assert files == {"docs/index.md": f"{REPOSITORY}/edit/live/docs/index.md"}
    assert _edit_link(sourced_site, "") == f"{REPOSITORY}/edit/live/docs/index.md"  # Material's button, from the same setting


def test_the_credit_links_the_history_of_the_page_main_file(sourced_site: BuiltSite):
    link = sourced_site.article("roles/floor-sales/").select_one("aside.hb-credit a")
    assert link["href"] == f"{REPOSITORY}/commits/live/data/roles/floor-sales.yml"
    assert link.get_text(strip=True) == "2024-01-02"


def test_real_matrix_is_built_from_every_role_and_competency_file(real_site, real_handbook):
    summary, files = _sources(real_site, "matrix/")
    wanted = {f"data/roles/{r.id}.yml" for r in real_handbook.roles} | {f"data/competencies/{c.id}.yml" for c in real_handbook.competencies}
    assert wanted <= set(files) and summary == f"Built from {len(files)} data files"
    assert all(href == f"{EDIT_BASE}{path}" for path, href in files.items())
    assert all((ROOT / path).is_file() for path in files)


def test_without_git_history_pages_show_no_credit(tmp_path: Path):
    site = mkdocs_build(copy_fixture("tiny", tmp_path), tmp_path / "site")
    assert site.returncode == 0, site.output
    for url in ("", "roles/floor-sales/", "competencies/demonstrates-perseverance/"):
        assert site.html(url).select(".hb-credit") == []
        assert "Last changed" not in site.html(url).get_text()


def test_real_pages_credit_the_authors_in_git_history(real_site):
    log = subprocess.run(
        ["git", "log", "--no-merges", "--format=%an", "--", "data/roles/consultant.yml"], cwd=ROOT, capture_output=True, text=True
    )
    authors = list(dict.fromkeys(log.stdout.split("\n")[:-1]))
    credit = _credit(real_site, "roles/consultant/")
    assert credit.startswith("Last changed on 20") and f"by {authors[0]}." in credit
    for author in authors:
        assert author in credit or "other" in credit


def test_model_json_is_versioned_and_matches_its_schema(real_site, real_handbook):
    model = json.loads((real_site.root / "model.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site.root / "model.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(model, schema)
    assert model["schema_version"] == 1
    assert [r["id"] for r in model["roles"]] == [r.id for r in real_handbook.roles]
    assert sum(len(c["behaviors"]) for c in model["competencies"]) == real_handbook.behavior_count
    consultant = next(r for r in model["roles"] if r["id"] == "consultant")
    assert consultant["competencies"] == list(real_handbook.role["consultant"].competencies)
    broken = {**model, "roles": [{**consultant, "colour": "red"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_print_page_is_small_and_holds_templates_not_records(real_site, real_handbook):
    html_file = real_site.root / "print" / "index.html"
    assert html_file.stat().st_size < 40_000  # the records arrive as JSON, so the page does not grow with the model
    page = real_site.html("print/")
    assert {t["id"] for t in page.select("template")} >= {"hb-print-role", "hb-print-competency", "hb-print-section"}
    assert page.select_one("#hb-print")["data-model"] == "../model.json"
    text = page.get_text(" ")
    assert real_handbook.roles[0].summary not in text
    assert not [p for p in real_site.search_pages() if p["url"].startswith("/print/")], "the print page would duplicate every result"


def test_properdocs_builds_the_same_repository_unchanged(tmp_path: Path, real_site):
    properdocs = Path(sys.executable).parent / "properdocs"
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    built = BuiltSite(tmp_path / "site", result.returncode, result.stderr)
    assert 'content="mkdocs-ProperDocs' in (tmp_path / "site" / "index.html").read_text()
    for url in ("roles/consultant/", "competencies/networks-effectively/", "", "print/"):
        assert str(built.article(url)) == str(real_site.article(url)), url


def test_play_and_coaching_pages_list_the_files_they_take_names_from(real_site, real_handbook):
    play = real_handbook.plays[0]
    _, files = _sources(real_site, f"plays/{play.id}/")
    assert next(iter(files)) == f"data/plays/{play.id}.yml"
    assert {f"data/roles/{r}.yml" for r in play.roles} <= set(files) and "data/deal-stages.yml" in files
    role = real_handbook.roles[0]
    _, files = _sources(real_site, f"roles/{role.id}/coaching/")
    assert f"data/roles/{role.id}.yml" in files
    assert {f"data/plays/{p.id}.yml" for p in real_handbook.plays_by_role[role.id]} <= set(files)


def test_many_files_of_one_folder_are_one_entry_that_links_the_folder(monkeypatch):
    from macros.site import listing
    from macros.site.repository import Repository, SourceFile

    monkeypatch.setitem(listing.LONG_LISTINGS, "sources", 2)
    paths = ["data/dimensions.yml", "data/competencies/a.yml", "data/roles/x.yml", "data/competencies/b.yml", "data/competencies/c.yml"]
    repository = Repository("https://github.com/example-org/sales-handbook", "live")
    assert repository.files(paths) == (
        SourceFile("data/dimensions.yml", "https://github.com/example-org/sales-handbook/edit/live/data/dimensions.yml"),
        SourceFile("data/competencies/", "https://github.com/example-org/sales-handbook/tree/live/data/competencies", 3),
        SourceFile("data/roles/x.yml", "https://github.com/example-org/sales-handbook/edit/live/data/roles/x.yml"),
    )
    assert Repository(edit_base="https://git.example.org/edit/").files(paths)[1] == SourceFile("data/competencies/", "", 3)
