"""The whole data -> pages pipeline as one call, independent of any site generator."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from ..handbook import Handbook
from ..loading import load_handbook
from .downloads import plan_downloads
from .navigation import navigation
from .paths import PageSpec
from .plan import plan_pages
from .render import make_environment, render_page, render_template
from .timeline import ChangeHistory


@dataclass(frozen=True)
class Site:
    """Everything a generator adapter needs: the model, page specs, their Markdown, downloads and the navigation."""

    handbook: Handbook
    pages: tuple[PageSpec, ...]
    markdown: dict[str, str]  # by source path
    nav: dict[str, list[Any]]
    env: Environment
    downloads: dict[str, str]  # non-page files served as-is (calendars, data exports), by site path
    specs: dict[str, PageSpec]  # the same page specs, by source path

    def spec(self, src_uri: str) -> PageSpec | None:
        """The spec of a generated page, or None for a hand-written one."""
        return self.specs.get(src_uri)

    def render_template(self, template: str, here: str, **context: Any) -> str:
        """Render one handbook template for a hand-written page (the macros), with the handbook in its context."""
        return render_template(self.env, template, here, handbook=self.handbook, **context)


def build_site(
    data_dir: Path, env: Environment | None = None, *, require_complete: bool = False, history: ChangeHistory | None = None
) -> Site:
    """Load and validate the data once, then plan and render every generated page and download; `history` gives the
    What's new page (without it, the page says history was not read)."""
    handbook = load_handbook(Path(data_dir), require_complete=require_complete)
    env = env or make_environment()
    pages = tuple(plan_pages(handbook, history.read(handbook) if history is not None else None))
    markdown = {spec.src_uri: render_page(env, spec) for spec in pages}
    specs = {spec.src_uri: spec for spec in pages}
    return Site(handbook, pages, markdown, navigation(handbook), env, plan_downloads(handbook), specs)
