"""Incremental preview (`mkdocs serve --dirty`, what `python3 dev.py serve` runs): a data edit re-renders only the pages
whose Markdown changed, writes no search index (its dialog says search works in the built site), and re-renders
everything when the navigation changes."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sites import copy_fixture, mkdocs_build

ROLE = "roles/floor-sales/index.html"
COMPETENCY = "competencies/demonstrates-perseverance/index.html"


def preview_build(config: Path, site: Path) -> None:
    """One rebuild as `python3 dev.py serve` (`mkdocs serve --dirty --no-strict`) does it; MkDocs keeps the handbook
    plugin's instance for the whole process, so the preview's memory carries over."""
    loaded = load_config(str(config), site_dir=str(site), strict=False)
    loaded.plugins.on_startup(command="serve", dirty=True)
    build(loaded, dirty=True)


def stamps(site: Path) -> dict[str, int]:
    """Modification time of every built page."""
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def test_a_data_edit_rebuilds_only_the_pages_it_changes(tmp_path: Path, caplog) -> None:
    config = copy_fixture("tiny", tmp_path)
    site = tmp_path / "site"
    role_file = config.parent / "data" / "roles" / "floor-sales.yml"
    preview_build(config, site)
    first = stamps(site)
    assert not (site / "pagefind").exists()  # the preview skips the search index: its dialog says so
    assert "Search is not available in the preview" in (site / ROLE).read_text(encoding="utf-8")

    time.sleep(0.01)
    role_file.write_text(role_file.read_text(encoding="utf-8").replace("summary: Sells in a store.", "summary: Sells in a shop."))
    with caplog.at_level(logging.INFO):
        preview_build(config, site)
    second = stamps(site)
    rebuilt = {page for page in first if second[page] != first[page]}
    assert ROLE in rebuilt and "Sells in a shop." in (site / ROLE).read_text(encoding="utf-8")
    assert COMPETENCY not in rebuilt  # its Markdown did not change
    assert "index.html" in rebuilt  # the hand-written home page runs macros over the data
    assert len(rebuilt) < len(first) / 2
    assert "ERROR" not in caplog.text

    # A new title changes the navigation every page shows: everything is rebuilt.
    time.sleep(0.01)
    role_file.write_text(role_file.read_text(encoding="utf-8").replace("name: Floor Sales", "name: Shop Floor Sales"))
    preview_build(config, site)
    third = stamps(site)
    assert all(third[page] != second[page] for page in first if page != "404.html")
    assert "Shop Floor Sales" in (site / COMPETENCY).read_text(encoding="utf-8")


def test_a_data_mistake_shows_in_the_preview_and_goes_when_fixed(tmp_path: Path, caplog) -> None:
    config = copy_fixture("tiny", tmp_path)
    site = tmp_path / "site"
    role_file = config.parent / "data" / "roles" / "floor-sales.yml"
    good = role_file.read_text(encoding="utf-8")
    preview_build(config, site)
    assert "Sells in a store." in (site / ROLE).read_text(encoding="utf-8")

    time.sleep(0.01)
    role_file.write_text(good.replace("family: sales", "family: sale"), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        preview_build(config, site)  # no exception: the browser gets the report instead of waiting on a failed build
    for page in (ROLE, COMPETENCY, "index.html"):  # generated and hand-written pages alike
        report = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").select_one(".hb-data-problems")
        assert report is not None, page
        text = " ".join(report.get_text(" ").split())
        assert "data/roles/floor-sales.yml:" in text and "unknown family 'sale'" in text, page
        assert "Fix:" in text
    assert "unknown family 'sale'" in caplog.text

    time.sleep(0.01)
    role_file.write_text(good, encoding="utf-8")
    preview_build(config, site)
    for page in (ROLE, COMPETENCY, "index.html"):
        assert "hb-data-problems" not in (site / page).read_text(encoding="utf-8"), page
    assert "Sells in a store." in (site / ROLE).read_text(encoding="utf-8")


def test_a_build_of_broken_data_still_fails(tmp_path: Path, caplog) -> None:
    config = copy_fixture("tiny", tmp_path)
    role_file = config.parent / "data" / "roles" / "floor-sales.yml"
    role_file.write_text(role_file.read_text(encoding="utf-8").replace("family: sales", "family: sale"), encoding="utf-8")
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode != 0 and "unknown family 'sale'" in built.output
    assert not (tmp_path / "site" / ROLE).exists()
    loaded = load_config(str(config), site_dir=str(tmp_path / "served"), strict=False)
    loaded.plugins.on_startup(command="serve", dirty=False)  # `mkdocs serve` without the incremental preview
    with pytest.raises(Abort), caplog.at_level(logging.ERROR):
        build(loaded)
    assert "unknown family 'sale'" in caplog.text
