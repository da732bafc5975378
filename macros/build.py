"""The whole data -> pages pipeline as one call, independent of any site generator."""

from __future__ import annotations

import gc
import html
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .index import Handbook, load_handbook
from .pages import PageSpec, navigation, plan_downloads, plan_pages
from .render import make_environment, render_page
from .worker import InProcess, PageWorker, worker_available


@dataclass(frozen=True)
class Site:
    """Everything a generator adapter needs: the model, page specs, their Markdown and the navigation."""

    handbook: Handbook
    pages: tuple[PageSpec, ...]
    markdown: Mapping[str, str]  # by source path: a dict, or a PageWorker still rendering (reading a page waits)
    nav: dict[str, list[Any]]
    env: Environment
    downloads: Mapping[str, str]  # non-page files served as-is (calendars, data exports), by site path; as `markdown`
    finish: InProcess | PageWorker  # give it every built page (it trims and checks them), then ask what is missing


def build_site(data_dir: Path, env: Environment | None = None, *, in_background: bool = False) -> Site:
    """Load and validate the data once, then plan and render every generated page.

    With `in_background` (and where `worker_available()`), a forked worker renders the pages and downloads, and
    finishes the built pages, while the caller goes on: a site generator's build gets the handbook's own work done
    on a second core.
    """
    with _collector_paused():
        handbook = load_handbook(Path(data_dir))
        env = env or make_environment()
        pages = tuple(plan_pages(handbook))
        worker = PageWorker(env, pages, handbook) if in_background and worker_available() else None
        markdown = worker if worker is not None else {spec.src_uri: render_page(env, spec) for spec in pages}
        downloads = worker.downloads if worker is not None else plan_downloads(handbook)
        finish = worker if worker is not None else InProcess(handbook)
        return Site(handbook, pages, markdown, navigation(handbook), env, downloads, finish)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the data is loaded and rendered (performance, issue #6).

    Loading and rendering allocate hundreds of thousands of short-lived objects, which would trigger a collection
    every 700 allocations; reference counting still frees them at once, and the few cycles left (tracebacks, template
    contexts) are collected by the first collection after the build step.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
