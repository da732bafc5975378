"""MkDocs adapter: a thin hook that runs the engine once per build and hands MkDocs the generated pages."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the engine package, when not pip-installed

from macros import state
from macros.build import build_site, expand_nav
from macros.history import start_history
from macros.preview import PreviewMemory, fingerprint, merge_search_docs, unchanged_pages
from macros.problems import DataError
from macros.worker import WorkerError

_preview = {"dirty": False, "command": "build"}  # set by on_startup: `mkdocs serve --dirty`, or a build
_memory = PreviewMemory()  # lives as long as the `mkdocs serve` process
_live_urls: set[str] = set()  # URLs of this build's pages, as the search index writes them
_build: dict[str, Any] = {}  # per build: what every page's edit link and credit need, and the download files


def _data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / config.extra.get("handbook_data", "data")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load, validate and render the handbook once; a data problem stops the build before anything is written."""
    try:
        # Templates are compiled once per process; a build renders and checks pages on a second core (issue #6).
        site = build_site(_data_dir(config), env=state.environment(), in_background=_preview["command"] != "serve")
    except DataError as error:
        raise PluginError(error.report()) from None
    state.set_current(site)
    root = Path(config.config_file_path).resolve().parent
    state.set_history(start_history(root))  # once per build, for every page
    if config.nav:
        config.nav = expand_nav(config.nav, site.nav)
    _build.update(
        edit_base=_edit_base(config),
        docs=Path(config.docs_dir).resolve().relative_to(root).as_posix(),
    )
    return config


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Keep the theme's compiled templates between the rebuilds of `mkdocs serve` (issue #6); give the downloads
    their content just before MkDocs copies them."""
    env.bytecode_cache = state.COMPILED_TEMPLATES
    downloads = state.current().downloads
    for download in _build.get("downloads", []):
        download.content_string = downloads[download.src_uri]
    return env


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process is a `mkdocs serve --dirty` preview (incremental rebuilds)."""
    _preview["dirty"] = command == "serve" and dirty
    _preview["command"] = command
    if _preview["dirty"]:
        # MkDocs warns that dirty builds may leave navigation stale; this preview rebuilds every page whenever the
        # navigation, a template or mkdocs.yml changes (macros/preview.py), so the warning must not stop strict mode.
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


class _DirtyNotice(logging.Filter):
    """Turns MkDocs' dirty-build warning into an info line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and "'dirty' build" in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.msg, record.args = "Incremental preview: only pages whose content changed are rebuilt.", ()
        return True


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page as a virtual file; a hand-written page may not shadow one."""
    site = state.current()
    unchanged: set[str] = set()
    if _preview["dirty"]:
        watched = [Path(config.config_file_path), *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
        current = fingerprint(site.nav, [(s.src_uri, s.title) for s in site.pages], watched)
        unchanged = unchanged_pages(_memory, current, site.markdown)
        if _memory.fingerprint != current or len(unchanged) < len(site.markdown):
            # Hand-written pages too: after a navigation, template or config change every page shows it, and after a
            # data change the home page's macros (role directory, role finder) may show it.
            for page_file in files.documentation_pages():
                page_file.is_modified = lambda: True  # type: ignore[method-assign]
        _memory.fingerprint, _memory.markdown = current, dict(site.markdown)
    for src_uri in site.markdown:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} is generated from data; delete the hand-written file")
        file = _GeneratedPage.generated(config, src_uri, content="")  # the content is read from `site.markdown`
        file.pages = site.markdown
        if src_uri in unchanged:
            file.is_modified = lambda: False  # type: ignore[method-assign]  # dirty mode skips the unchanged page
        files.append(file)
    if _preview["dirty"]:
        _live_urls.clear()
        _live_urls.update("" if f.url == "./" else f.url for f in files if f.is_documentation_page())
    _build["downloads"] = []
    for path in site.downloads:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is generated from data; delete the hand-written file")
        download = File.generated(config, path, content="")  # filled in by on_env: the worker may still write it
        files.append(download)
        _build["downloads"].append(download)
    return files


class _GeneratedPage(File):
    """A generated page whose Markdown is read from the site when MkDocs reads the page: in a build, a worker
    process may still be rendering it (macros/worker.py, issue #6)."""

    pages: Mapping[str, str] = {}
    _replaced = False  # True once a plugin has set the content itself

    @property
    def content_string(self) -> str:  # type: ignore[override]
        return File.content_string.fget(self) if self._replaced else self.pages[self.src_uri]  # type: ignore[attr-defined]

    @content_string.setter
    def content_string(self, value: str) -> None:
        self._replaced = True
        File.content_string.fset(self, value)  # type: ignore[attr-defined]

    @property
    def content_bytes(self) -> bytes:  # type: ignore[override]
        return File.content_bytes.fget(self) if self._replaced else self.pages[self.src_uri].encode("utf-8")  # type: ignore[attr-defined]

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._replaced = True
        File.content_bytes.fset(self, value)  # type: ignore[attr-defined]


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Point a generated page's edit button at the data file it is built from; credit the page from git history."""
    spec = state.current_specs().get(page.file.src_uri)
    edit_base = _build["edit_base"]
    if spec is not None and edit_base and spec.sources:
        page.edit_url = edit_base + spec.sources[0]
    # Page credit (authoring and publishing): the page's data files, or the hand-written file itself.
    sources = spec.sources if spec is not None else (f"{_build['docs']}/{page.file.src_uri}",)
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


@event_priority(-100)  # last, so that the check sees the page exactly as it is written
def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    """Drop the theme's indentation around the article (navigation-heavy pages halve in size, issue #6), and check
    that the page shows every record it should; in a build, the worker does both (macros/worker.py)."""
    return state.current().finish.page_built(page.file.src_uri, output, page.file.abs_dest_path)


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Nothing lost: fail the build when a record in the data is missing from the page that should show it."""
    if _preview["dirty"]:
        _restore_search_index(Path(config.site_dir))
    try:
        missing = state.current().finish.missing(Path(config.site_dir))
    except WorkerError as error:
        raise PluginError(str(error)) from None
    if missing:
        listed = "\n".join(f"  - {line}" for line in missing[:50])
        more = f"\n  ... and {len(missing) - 50} more" if len(missing) > 50 else ""
        raise PluginError(f"{len(missing)} data records are missing from the built pages:\n{listed}{more}")


def _restore_search_index(site_dir: Path) -> None:
    """In an incremental preview the search plugin indexes only the rebuilt pages: merge the others back in."""
    index_file = site_dir / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    if _memory.search_docs:
        index["docs"] = merge_search_docs(_memory.search_docs, index["docs"], _live_urls)
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    _memory.search_docs = index["docs"]


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when a data file or a handbook template changes."""
    server.watch(str(_data_dir(config)))
    server.watch(str(Path(__file__).resolve().parent.parent / "overrides"))
    return server
