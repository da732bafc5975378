"""The What's new page, built from a real git repository in a temporary folder: releases, months, and no history."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sites import ROOT, BuiltSite, copy_fixture, mkdocs_build

from macros.loading import load_handbook
from macros.site.timeline import ChangeHistory

URL = "whats-new/"


def git(repo: Path, *args: str, date: str = "") -> str:
    """Run git in `repo` as a test author, whoever owns the folder, without the user's own configuration."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test Author",
        "GIT_AUTHOR_EMAIL": "author@example.org",
        "GIT_COMMITTER_NAME": "Test Author",
        "GIT_COMMITTER_EMAIL": "author@example.org",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    command = ["git", "-c", "safe.directory=*", "-c", "init.defaultBranch=main", "-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false"]
    result = subprocess.run([*command, "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return result.stdout


def commit(repo: Path, message: str, date: str = "2026-03-01T12:00:00Z") -> None:
    """Commit everything in the working copy, authored and committed at `date`."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


def add_role(data: Path, role_id: str, name: str) -> None:
    """A copy of the fixture's role under another id and name."""
    text = (data / "roles" / "floor-sales.yml").read_text(encoding="utf-8")
    text = text.replace("id: floor-sales", f"id: {role_id}").replace("name: Floor Sales", f"name: {name}")
    (data / "roles" / f"{role_id}.yml").write_text(text, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that must be in the file."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def second_version(data: Path) -> None:
    """Inside Sales removed, Field Sales added, the competency's definition and one behavior reworded."""
    (data / "roles" / "inside-sales.yml").unlink()
    add_role(data, "field-sales", "Field Sales")
    competency = data / "competencies" / "demonstrates-perseverance.yml"
    edit(competency, "definition: Keeps going after a setback.", "definition: Keeps going after every setback.")
    edit(competency, "text: Calls back after a no.", "text: Calls back the next day after a no.")


def repository(tmp_path: Path) -> tuple[Path, Path]:
    """The tiny fixture as a git repository whose first commit has two roles; returns its mkdocs.yml and data folder."""
    config = copy_fixture("tiny", tmp_path)
    repo = config.parent
    add_role(repo / "data", "inside-sales", "Inside Sales")
    git(repo, "init", "-q")
    return config, repo / "data"


def period(site: BuiltSite, heading_start: str):
    """The headings and blocks of one period (up to the next h2) of the built What's new page."""
    article = site.article(URL)
    heading = next(h for h in article.find_all("h2") if h.get_text(" ", strip=True).startswith(heading_start))
    blocks = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        blocks.append(sibling)
    return heading, blocks


def text_of(blocks) -> str:
    """The text a reader sees in the blocks, whitespace normalized."""
    return " ".join(" ".join(b.get_text().split()) for b in blocks)


def links_of(blocks) -> dict[str, str]:
    """Link text to address, for the content links of the blocks (not the headings' permalinks)."""
    return {a.get_text(strip=True): a["href"] for b in blocks for a in b.find_all("a") if not a.get("class")}


@pytest.fixture(scope="module")
def tagged_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Two releases: v1 (lightweight tag) and v2 (annotated tag), then an unreleased change in the working copy."""
    tmp_path = tmp_path_factory.mktemp("tagged")
    config, data = repository(tmp_path)
    commit(config.parent, "First release", "2026-01-10T12:00:00Z")
    git(config.parent, "tag", "v1")
    second_version(data)
    commit(config.parent, "Second release", "2026-02-20T12:00:00Z")
    git(config.parent, "tag", "-a", "v2", "-m", "Second release")
    edit(data / "roles" / "field-sales.yml", "summary: Sells in a store.", "summary: Sells on the road.")  # not committed
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode == 0, site.output
    return site


def test_releases_are_listed_newest_first(tagged_site: BuiltSite):
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in tagged_site.article(URL).find_all("h2")]
    assert headings == ["Since v2", "v2 (2026-02-20)", "v1 (2026-01-10)"]


def test_a_release_lists_what_was_added_changed_and_removed(tagged_site: BuiltSite):
    _, blocks = period(tagged_site, "v2")
    text = text_of(blocks)
    assert "Added: Field Sales" in text
    assert "Removed: Inside Sales" in text
    assert "Changed: Demonstrates Perseverance: definition" in text
    assert "Changed: Calls back the next day after a no. (Demonstrates Perseverance): wording" in text
    links = links_of(blocks)
    assert links["Field Sales"] == "../roles/field-sales/"
    assert links["Demonstrates Perseverance"] == "../competencies/demonstrates-perseverance/"
    assert links["Calls back the next day after a no."] == "../competencies/demonstrates-perseverance/#job-behaviors"


def test_removed_records_are_not_linked_and_unchanged_ones_not_listed(tagged_site: BuiltSite):
    _, blocks = period(tagged_site, "v2")
    assert "Inside Sales" not in links_of(blocks)
    assert "Floor Sales" not in text_of(blocks)  # the role did not change
    assert "Logs why a deal was lost." not in text_of(blocks)  # nor did this behavior
    assert not tagged_site.article(URL).select('a[href*="inside-sales"]')


def test_the_first_release_says_what_the_handbook_started_with(tagged_site: BuiltSite):
    _, blocks = period(tagged_site, "v1")
    assert "the handbook started with 2 roles, 1 competency, 4 behaviors" in text_of(blocks)
    assert not links_of(blocks)


def test_changes_not_released_yet_come_first(tagged_site: BuiltSite):
    _, blocks = period(tagged_site, "Since v2")
    text = text_of(blocks)
    assert "not in a release yet" in text
    assert "Changed: Field Sales: summary" in text
    assert "Demonstrates Perseverance" not in text


def test_the_page_is_in_the_navigation_and_has_no_edit_button(tagged_site: BuiltSite):
    assert "What's new" in [a.get_text(strip=True) for a in tagged_site.html("").select('nav.md-nav a[href="whats-new/"]')]
    assert tagged_site.html(URL).select_one("a.md-content__button") is None


def test_months_without_tags(tmp_path: Path):
    config, data = repository(tmp_path)
    commit(config.parent, "January", "2026-01-05T09:00:00Z")
    edit(data / "roles" / "inside-sales.yml", "summary: Sells in a store.", "summary: Sells by phone.")
    commit(config.parent, "Later in January", "2026-01-28T09:00:00Z")
    second_version(data)
    commit(config.parent, "February", "2026-02-03T09:00:00Z")
    (data / "roles" / "field-sales.yml").write_text("id: field-sales\nname: [not, text]\n", encoding="utf-8")
    commit(config.parent, "A broken March", "2026-03-03T09:00:00Z")
    git(config.parent, "revert", "--no-edit", "HEAD", date="2026-04-01T09:00:00Z")

    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode == 0, site.output
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in site.article(URL).find_all("h2")]
    assert headings == ["April 2026", "March 2026", "February 2026", "January 2026"]
    _, february = period(site, "February 2026")
    text = text_of(february)
    assert "The month's last change, on 2026-02-03." in text
    assert "Added: Field Sales" in text and "Removed: Inside Sales" in text
    assert "Inside Sales" not in links_of(february)
    # The January point is the month's last commit: Inside Sales as rewritten then.
    _, january = period(site, "January 2026")
    assert "started with 2 roles" in text_of(january)
    # A month whose data does not load is reported, and the periods on both sides of it are not compared.
    for month in ("March 2026", "April 2026"):
        _, blocks = period(site, month)
        problem = "Could not be compared: the data at March 2026 does not load with this version of the handbook (6 problems)."
        assert problem in text_of(blocks)


def test_a_folder_outside_git_builds_and_says_history_is_unavailable(tmp_path: Path):
    site = mkdocs_build(copy_fixture("tiny", tmp_path), tmp_path / "site")
    assert site.returncode == 0, site.output
    text = " ".join(site.article(URL).get_text(" ").split())
    assert "The handbook's history is not available." in text
    assert "outside a git repository" in text
    assert "fetch-depth: 0" in text
    assert not site.article(URL).find("h2")


def test_a_shallow_clone_says_so(tmp_path: Path):
    config, data = repository(tmp_path / "origin")
    commit(config.parent, "First", "2026-01-05T09:00:00Z")
    second_version(data)
    commit(config.parent, "Second", "2026-02-05T09:00:00Z")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{config.parent}", str(clone))
    whats_new = ChangeHistory(clone, clone / "data").read(load_handbook(clone / "data"))
    assert whats_new.unavailable == "shallow" and not whats_new.periods


def test_history_is_read_from_a_checkout_owned_by_someone_else(tmp_path: Path):
    if os.geteuid() != 0:
        pytest.skip("changing a folder's owner needs root (as in CI containers)")
    config, data = repository(tmp_path)
    commit(config.parent, "First", "2026-01-05T09:00:00Z")
    second_version(data)
    commit(config.parent, "Second", "2026-02-05T09:00:00Z")
    shutil.chown(config.parent, "nobody")
    for path in config.parent.rglob("*"):
        shutil.chown(path, "nobody")
    whats_new = ChangeHistory(config.parent, data).read(load_handbook(data))
    assert whats_new.unavailable == ""
    assert [p.name for p in whats_new.periods] == ["February 2026", "January 2026"]


def test_the_number_of_periods_is_capped(tmp_path: Path):
    config, data = repository(tmp_path)
    for month in range(1, 6):
        edit(data / "roles" / "inside-sales.yml", "summary: ", f"summary: {month} ")
        commit(config.parent, f"Month {month}", f"2026-0{month}-10T09:00:00Z")
    whats_new = ChangeHistory(config.parent, data, limit=2).read(load_handbook(data))
    assert [p.name for p in whats_new.periods] == ["May 2026", "April 2026"]
    assert whats_new.more
    assert all(p.changes is not None and not p.changes.empty for p in whats_new.periods)
    exactly = ChangeHistory(config.parent, data, limit=4).read(load_handbook(data))  # five points: the first is the baseline
    assert [p.name for p in exactly.periods] == ["May 2026", "April 2026", "March 2026", "February 2026"] and exactly.more
    everything = ChangeHistory(config.parent, data, limit=5).read(load_handbook(data))
    assert everything.periods[-1].start and not everything.more
    assert ChangeHistory(config.parent, data, limit=0).read(load_handbook(data)).unavailable == "off"


def test_tags_when_there_are_any_unless_months_are_asked_for(tmp_path: Path):
    config, data = repository(tmp_path)
    repo = config.parent
    assert ChangeHistory(repo, data).read(load_handbook(data)).unavailable == "no-history"  # no commit yet
    commit(repo, "First", "2026-01-05T09:00:00Z")
    assert ChangeHistory(repo, data, by="tags").read(load_handbook(data)).unavailable == "no-tags"
    git(repo, "tag", "v1")
    second_version(data)
    commit(repo, "Second, not released", "2026-02-05T09:00:00Z")
    current = load_handbook(data)
    tagged = ChangeHistory(repo, data).read(current)
    assert tagged.by == "tags" and [p.name for p in tagged.periods] == ["Since v1", "v1"]
    assert tagged.periods[0].pending and "field-sales" in [c.key for c in tagged.periods[0].changes.records()]
    monthly = ChangeHistory(repo, data, by="months").read(current)
    assert monthly.by == "months" and [p.name for p in monthly.periods] == ["February 2026", "January 2026"]


def test_the_real_site_has_the_page_in_its_navigation():
    assert "What's new: whats-new.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_plugin_keeps_loaded_points_across_rebuilds_while_its_settings_stay(tmp_path: Path):
    from macros.adapters.mkdocs_plugin import HandbookPlugin

    plugin = HandbookPlugin()
    errors, warnings = plugin.load_config({"whats_new_limit": 3})
    assert not errors and not warnings
    first = plugin._change_history(tmp_path)
    assert plugin._change_history(tmp_path) is first  # `mkdocs serve` rebuilds reuse the loaded points
    assert (first.limit, first.by, first.data_dir) == (3, "auto", tmp_path / "data")
    plugin.load_config({"whats_new_limit": 3, "whats_new_by": "months"})
    assert plugin._change_history(tmp_path) is not first
