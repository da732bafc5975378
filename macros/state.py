"""The handbook of the build in progress, shared by the MkDocs hook and the macros module."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemBytecodeCache

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
_history: History | Callable[[], History] | None = None


def set_history(history: History | Callable[[], History]) -> None:
    """Remember the git history for this build, or a function that finishes reading it (called on first use)."""
    global _history
    if callable(_history):
        _history()  # a preview rebuild that needed no credit: reap its `git log` before starting the next one
    _history = history


def history() -> History | None:
    """The git history of the build in progress (None before the first build)."""
    global _history
    if callable(_history):
        _history = _history()
    return _history


# Performance (issue #6): Jinja compiles a template on its first use in an environment, and MkDocs makes a new theme
# environment for every build (and every `mkdocs serve` rebuild). Jinja's own bytecode cache keeps the compiled code
# of every template (the theme's and ours) in the system's temporary folder, keyed by template name and source
# checksum (and Python/Jinja version): an unchanged template is compiled once, ever; a changed one again.
COMPILED_TEMPLATES = FileSystemBytecodeCache()
_environment: Environment | None = None


def environment() -> Environment:
    """The handbook's template environment, made once per process (it reloads templates whose file changed)."""
    global _environment
    if _environment is None:
        from .render import make_environment

        _environment = make_environment()
        _environment.bytecode_cache = COMPILED_TEMPLATES
    return _environment
