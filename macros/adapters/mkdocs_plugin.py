"""MkDocs adapter: a plugin that runs the engine once per build and hands MkDocs the generated pages.

All build state lives on the plugin instance. MkDocs keeps an instance that defines `on_startup` for the whole
`mkdocs serve` process, so the incremental preview remembers the previous build on `self.preview`.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..errors import DataError
from ..site import Site, build_site
from ..site.completeness import CompletenessCheck
from ..site.history import History, read_history
from ..site.navigation import expand_nav
from ..site.render import make_environment, render_template
from ..site.repository import Repository
from ..site.search import SearchIndexError, index_site, search_entry
from ..site.timeline import DEFAULT_LIMIT, ChangeHistory
from .preview import PreviewMemory, fingerprint, unchanged_pages

log = logging.getLogger("mkdocs.plugins.handbook")
# What a page's Markdown becomes while the preview shows data problems: no template code for mkdocs-macros to run.
PROBLEM_PLACEHOLDER = "# Data problems\n"

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class HandbookConfig(Config):
    """The plugin's settings in mkdocs.yml."""

    data_dir = config_options.Type(str, default="data")  # the data folder, relative to mkdocs.yml (like docs_dir)
    # Content not written yet (a hiring guide, a level's description) builds with a "not written yet" note; true fails instead.
    require_complete = config_options.Type(bool, default=False)
    # The repository's web address and the published branch: every edit button, source list and history link comes from
    # them, and they set `edit_uri` (an explicit `edit_uri` is only read when no repository is given).
    repository = config_options.Type(str, default="")
    branch = config_options.Type(str, default="main")
    # The What's new page: how many releases (or months) it lists, and whether points are release tags, months, or
    # tags when the history has any ("auto"). 0 turns the reading of history off.
    whats_new_limit = config_options.Type(int, default=DEFAULT_LIMIT)
    whats_new_by = config_options.Choice(("auto", "tags", "months"), default="auto")


class HandbookPlugin(BasePlugin[HandbookConfig]):
    """Adds the generated pages, their navigation, edit links, credits and downloads; fails on any data problem."""

    def __init__(self) -> None:
        self.site: Site | None = None  # the handbook of the build in progress (the mkdocs-macros adapter reads it)
        self.preview: PreviewMemory | None = None  # set in `mkdocs serve --dirty`: what the previous build produced
        self._command = "build"
        self._env: Environment | None = None  # templates compiled once per process, reloaded when a file changes
        self._check: CompletenessCheck | None = None
        self._history = History()
        self._changes: ChangeHistory | None = None  # kept for the whole `mkdocs serve` session: old data is loaded once
        self._repository = Repository()
        self._docs = "docs"
        self._downloads: list[File] = []
        self._problems: str = ""  # the preview's problem report (HTML) while the data has problems; '' otherwise

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this process is a `mkdocs serve --dirty` preview (incremental rebuilds)."""
        self._command = command
        if command == "serve" and dirty:
            self.preview = self.preview or PreviewMemory()
        else:
            self.preview = None  # MkDocs may reuse this instance: a build never keeps a preview's memory (or its leniency)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load, validate and render the handbook once; a data problem stops the build before anything is written."""
        root = Path(config.config_file_path).resolve().parent
        if self._env is None:
            self._env = make_environment()
        self._problems = ""
        try:
            self.site = build_site(
                root / self.config.data_dir,
                env=self._env,
                require_complete=self.config.require_complete,
                history=self._change_history(root),
            )
        except DataError as error:
            if self.preview is None:  # a build, or a preview that is not incremental: nothing invalid is ever published
                raise PluginError(error.report()) from None
            # The preview shows the report in the browser instead of failing (livereload would wait on a dead build).
            log.warning(error.report())
            self.site = None
            self._problems = render_template(self._env, "data_problems.html", "index.md", problems=error.problems)
            self.preview.fingerprint = ""  # every page shows the report: the next good build renders them all
            config.nav = self.preview.nav or config.nav
            return config
        if config.nav:
            config.nav = expand_nav(config.nav, self.site.nav)
        if self.preview is not None:
            self.preview.nav = config.nav
        self._history = read_history(root)
        self._docs = Path(config.docs_dir).resolve().relative_to(root).as_posix()
        if self.config.repository:
            self._repository = Repository(self.config.repository.rstrip("/"), self.config.branch)
            config.edit_uri = self._repository.edit_url(self._docs) + "/"  # hand-written pages: Material's edit button
        else:
            self._repository = Repository(edit_base=_edit_base(config))
        self._check = CompletenessCheck(self.site.pages)
        return config

    def _change_history(self, root: Path) -> ChangeHistory:
        """The reader of the What's new history, reused across the rebuilds of a preview while its settings stay the same."""
        settings = (root, root / self.config.data_dir, self.config.whats_new_limit, self.config.whats_new_by)
        if self._changes is None or self._changes.settings != settings:
            self._changes = ChangeHistory(*settings)
        return self._changes

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add every generated page and download as a generated file; a hand-written page may not shadow one."""
        if self._problems:
            return self._problem_files(files, config)
        site = self._site()
        unchanged: set[str] = set()
        if self.preview is not None:
            unchanged = self._unchanged_in_preview(files, config)
        for src_uri, markdown in site.markdown.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} is generated from data; delete the hand-written file")
            file = File.generated(config, src_uri, content=markdown)
            if src_uri in unchanged:
                file.is_modified = lambda: False  # type: ignore[method-assign]  # dirty mode skips the unchanged page
            files.append(file)
        for path, content in site.downloads.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} is generated from data; delete the hand-written file")
            files.append(File.generated(config, path, content=content))
        return files

    def _problem_files(self, files: Files, config: MkDocsConfig) -> Files:
        """While the preview shows data problems: the previous build's generated pages stay at their URLs, every page
        is rebuilt, and each shows the report."""
        assert self.preview is not None
        for src_uri in self.preview.markdown:
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=PROBLEM_PLACEHOLDER))
        for page_file in files.documentation_pages():
            page_file.is_modified = lambda: True  # type: ignore[method-assign]
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """While the preview shows data problems, no page runs its macros (they need the handbook)."""
        return PROBLEM_PLACEHOLDER if self._problems else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """While the preview shows data problems, every page's content is the report."""
        return self._problems or html

    def _unchanged_in_preview(self, files: Files, config: MkDocsConfig) -> set[str]:
        """Generated pages the incremental preview need not rebuild; after any change, hand-written pages are rebuilt too
        (the home page's macros show data)."""
        assert self.preview is not None
        site = self._site()
        watched = [Path(config.config_file_path), *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
        current = fingerprint(site.nav, [(s.src_uri, s.title) for s in site.pages], watched)
        unchanged = unchanged_pages(self.preview, current, site.markdown)
        if self.preview.fingerprint != current or len(unchanged) < len(site.markdown):
            for page_file in files.documentation_pages():
                page_file.is_modified = lambda: True  # type: ignore[method-assign]
        self.preview.fingerprint, self.preview.markdown = current, dict(site.markdown)
        return unchanged

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Drop the whitespace that the theme's block tags leave on every line (Jinja's own options); tell the search
        dialog whether this build has a search index."""
        env.trim_blocks = True
        env.lstrip_blocks = True
        # Every page, 404 included: the preview writes no search index (on_post_build), so its search dialog says so.
        env.globals["handbook_search_ready"] = self._command != "serve"
        return env

    @event_priority(-100)  # after every other plugin: the check reads the page exactly as it is written
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Nothing lost: compare the built page with the record texts its spec says it shows (the page is unchanged)."""
        if self._check is not None and not self._problems:
            self._check.check_page(page.file.src_uri, output)
        return output

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        """Point a generated page's edit button at the data file it is built from; list every file it is built from
        with its edit link; credit the page from git history."""
        if self._problems:
            return context
        spec = self._site().spec(page.file.src_uri)
        if spec is not None and spec.sources and self._repository.edit_url(spec.sources[0]):
            page.edit_url = self._repository.edit_url(spec.sources[0])
        elif spec is not None and not spec.sources:
            page.edit_url = None  # built from history, not from a file: there is nothing to edit
        sources = spec.sources if spec is not None else (f"{self._docs}/{page.file.src_uri}",)
        context["handbook_credit"] = self._history.credit(sources)
        # The credit links the history of the page's main file (a page of optional files may be built from none).
        context["handbook_history_url"] = self._repository.history_url(sources[0]) if sources else ""
        context["handbook_sources"] = self._repository.files(spec.files if spec is not None else sources)
        context["handbook_generated"] = spec is not None
        excluded = bool((page.meta.get("search") or {}).get("exclude"))
        context["handbook_search"] = search_entry(spec, exclude=excluded)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Fail the build when a record in the data is missing from the page that should show it; then index the site
        for search."""
        if self._problems:
            return  # the preview shows the data problems
        assert self._check is not None
        if self.preview is not None:
            missing = self._check.missing(built=self._site().markdown)  # unchanged pages were checked when last built
        else:
            missing = self._check.missing()
        if missing:
            listed = "\n".join(f"  - {line}" for line in missing[:50])
            more = f"\n  ... and {len(missing) - 50} more" if len(missing) > 50 else ""
            raise PluginError(f"{len(missing)} data records are missing from the built pages:\n{listed}{more}")
        # `mkdocs serve` skips the index: it would add seconds to every incremental rebuild, and the preview's search
        # dialog says that search works in the built site. Builds (and the tests' sites) always index.
        if self._command != "serve":
            start = time.perf_counter()
            try:
                pages = index_site(Path(config.site_dir))
            except SearchIndexError as error:
                raise PluginError(f"Search: {error}") from None
            log.info("Search: indexed %d pages with Pagefind in %.1f s", pages, time.perf_counter() - start)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when a data file or a handbook template changes."""
        server.watch(str(Path(config.config_file_path).resolve().parent / self.config.data_dir))
        server.watch(str(PROJECT_ROOT / "overrides"))
        return server

    def _site(self) -> Site:
        if self.site is None:
            raise PluginError("the handbook was not loaded (on_config did not run)")
        return self.site


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
