"""The handbook of the build in progress, shared by the MkDocs hook and the macros module."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .build import Site
    from .history import History
    from .pages import PageSpec

_current: Site | None = None
_specs: dict[str, PageSpec] = {}


def set_current(site: Site) -> None:
    """Remember the site built for this run (MkDocs builds are single-threaded)."""
    global _current, _specs
    _current = site
    _specs = {spec.src_uri: spec for spec in site.pages}


def current() -> Site:
    """The site of the build in progress."""
    if _current is None:
        raise RuntimeError("the handbook has not been loaded: is macros/mkdocs_hook.py listed under 'hooks' in mkdocs.yml?")
    return _current


def current_specs() -> dict[str, PageSpec]:
    """Generated page specs of the build in progress, by source path."""
    return _specs


# Page credits (authoring and publishing): the git history, read once per build.
_history: History | None = None


def set_history(history: History) -> None:
    """Remember the git history read for this build."""
    global _history
    _history = history


def history() -> History | None:
    """The git history of the build in progress (None before the first build)."""
    return _history
