"""Handbook engine, and the mkdocs-macros entry point for hand-written pages.

The engine (load -> validate -> index -> pages -> render) lives in the submodules and imports nothing
from MkDocs; `define_env` below only exposes thin macros that look a record up and render its template.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from . import state
from .render import render_template


def define_env(env: Any) -> None:
    """Register the handbook macros with mkdocs-macros."""

    def _render(template: str, **context: Any) -> Markup:
        site = state.current()
        here = env.page.file.src_uri if env.page is not None else "index.md"
        return Markup(render_template(site.env, template, here, handbook=site.handbook, **context))

    @env.macro
    def role_directory() -> Markup:
        """Every role, grouped by family, as cards linking to the role pages."""
        return _render("role_directory.md")

    @env.macro
    def handbook_stats() -> Markup:
        """One line counting roles, competencies, behaviors and dimensions."""
        return _render("stats.md")

    @env.macro
    def role_finder() -> Markup:
        """The profile-mapping questions as an interactive form that narrows down the matching profiles."""
        return _render("role_finder.html")
