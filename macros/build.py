"""The whole data -> pages pipeline as one call, independent of any site generator."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .index import Handbook, load_handbook
from .pages import PageSpec, navigation, plan_downloads, plan_pages
from .render import make_environment, render_page


@dataclass(frozen=True)
class Site:
    """Everything a generator adapter needs: the model, page specs, their Markdown and the navigation."""

    handbook: Handbook
    pages: tuple[PageSpec, ...]
    markdown: dict[str, str]
    nav: dict[str, list[Any]]
    env: Environment
    downloads: dict[str, str]  # non-page files served as-is (calendars, data exports), by site path


def build_site(data_dir: Path, env: Environment | None = None) -> Site:
    """Load and validate the data once, then plan and render every generated page."""
    handbook = load_handbook(Path(data_dir))
    env = env or make_environment()
    pages = tuple(plan_pages(handbook))
    markdown = {spec.src_uri: render_page(env, spec) for spec in pages}
    return Site(handbook, pages, markdown, navigation(handbook), env, plan_downloads(handbook))


def expand_nav(nav: list[Any], sections: dict[str, list[Any]]) -> list[Any]:
    """Replace `Title: listing.md` entries of a configured nav with the generated section for that listing."""
    expanded: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            ((title, value),) = entry.items()
            if isinstance(value, str) and value in sections:
                expanded.append({title: escape_titles(sections[value])})
            elif isinstance(value, list):
                expanded.append({title: expand_nav(value, sections)})
            else:
                expanded.append(entry)
        elif isinstance(entry, str) and entry in sections:
            expanded.append(escape_titles(sections[entry]))
        else:
            expanded.append(entry)
    return expanded


def escape_titles(nav: list[Any]) -> list[Any]:
    """Escape the titles of a generated nav section: MkDocs themes print nav titles as HTML, and they come from data."""
    escaped: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict):
            escaped.append(
                {html.escape(str(title)): escape_titles(value) if isinstance(value, list) else value for title, value in entry.items()}
            )
        else:
            escaped.append(entry)
    return escaped
