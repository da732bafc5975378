"""MkDocs adapter: a thin hook that runs the engine once per build and hands MkDocs the generated pages."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the engine package, when not pip-installed

from macros import state
from macros.build import build_site, expand_nav
from macros.chrome import compact_chrome
from macros.completeness import missing_records
from macros.history import read_history
from macros.problems import DataError


def _data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / config.extra.get("handbook_data", "data")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load, validate and render the handbook once; a data problem stops the build before anything is written."""
    try:
        site = build_site(_data_dir(config), env=state.environment())  # templates compiled once per process (issue #6)
    except DataError as error:
        raise PluginError(error.report()) from None
    state.set_current(site)
    state.set_history(read_history(Path(config.config_file_path).resolve().parent))  # once per build, for every page
    if config.nav:
        config.nav = expand_nav(config.nav, site.nav)
    return config


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Keep the theme's compiled templates between the rebuilds of `mkdocs serve` (issue #6)."""
    env.bytecode_cache = state.COMPILED_TEMPLATES
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page as a virtual file; a hand-written page may not shadow one."""
    site = state.current()
    for src_uri, markdown in site.markdown.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} is generated from data; delete the hand-written file")
        files.append(File.generated(config, src_uri, content=markdown))
    for path, content in site.downloads.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is generated from data; delete the hand-written file")
        files.append(File.generated(config, path, content=content))
    return files


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Point a generated page's edit button at the data file it is built from; credit the page from git history."""
    spec = state.current_specs().get(page.file.src_uri)
    edit_base = _edit_base(config)
    if spec is not None and edit_base and spec.sources:
        page.edit_url = edit_base + spec.sources[0]
    # Page credit (authoring and publishing): the page's data files, or the hand-written file itself.
    docs = Path(config.docs_dir).resolve().relative_to(Path(config.config_file_path).resolve().parent).as_posix()
    sources = spec.sources if spec is not None else (f"{docs}/{page.file.src_uri}",)
    history = state.history()
    context["handbook_credit"] = history.credit(sources) if history is not None else None
    return context


def _edit_base(config: MkDocsConfig) -> str:
    """Edit URL of the repository root: `edit_uri` (which points into docs/) without its docs folder; '' without one.

    mkdocs.yml gives `edit_uri` as a full URL and no `repo_url`: with a GitHub `repo_url`, Material's header
    would ask GitHub's API for star counts on every page view, and the handbook loads nothing from other hosts.
    """
    if not config.edit_uri:
        return ""
    edit_uri = config.edit_uri.rstrip("/")
    if config.repo_url and "://" not in edit_uri:
        edit_uri = f"{config.repo_url.rstrip('/')}/{edit_uri.lstrip('/')}"
    docs = Path(config.docs_dir).name
    return f"{edit_uri[: -len(docs)]}" if edit_uri.endswith(f"/{docs}") else f"{edit_uri}/"


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    """Drop the theme's indentation around the article: navigation-heavy pages halve in size (issue #6)."""
    return compact_chrome(output)


def on_post_build(config: MkDocsConfig) -> None:
    """Nothing lost: fail the build when a record in the data is missing from the page that should show it."""
    missing = missing_records(state.current().handbook, Path(config.site_dir))
    if missing:
        listed = "\n".join(f"  - {line}" for line in missing[:50])
        more = f"\n  ... and {len(missing) - 50} more" if len(missing) > 50 else ""
        raise PluginError(f"{len(missing)} data records are missing from the built pages:\n{listed}{more}")


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when a data file or a handbook template changes."""
    server.watch(str(_data_dir(config)))
    server.watch(str(Path(__file__).resolve().parent.parent / "overrides"))
    return server
