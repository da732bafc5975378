"""Incremental preview (`mkdocs serve --dirty`, what `python3 dev.py serve` runs): a data edit re-renders only the pages
whose Markdown changed, keeps the search index whole, and re-renders everything when the navigation changes."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from sites import copy_fixture

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


def locations(site: Path) -> set[str]:
    """Pages present in the search index."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return {doc["location"].split("#")[0] for doc in docs}


def test_a_data_edit_rebuilds_only_the_pages_it_changes(tmp_path: Path, caplog) -> None:
    config = copy_fixture("tiny", tmp_path)
    site = tmp_path / "site"
    role_file = config.parent / "data" / "roles" / "floor-sales.yml"
    preview_build(config, site)
    first, indexed = stamps(site), locations(site)
    assert len(indexed) >= len(first) - 1  # every page is searchable (404 is not)

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
    assert locations(site) == indexed  # the search index still covers every page
    assert "ERROR" not in caplog.text

    # A new title changes the navigation every page shows: everything is rebuilt.
    time.sleep(0.01)
    role_file.write_text(role_file.read_text(encoding="utf-8").replace("name: Floor Sales", "name: Shop Floor Sales"))
    preview_build(config, site)
    third = stamps(site)
    assert all(third[page] != second[page] for page in first if page != "404.html")
    assert "Shop Floor Sales" in (site / COMPETENCY).read_text(encoding="utf-8")
