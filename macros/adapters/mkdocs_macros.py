"""mkdocs-macros adapter: thin macros for hand-written pages; each looks the handbook up and renders one template."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

PLUGIN_NAME = "handbook"  # the MkDocs plugin that owns the build's handbook (macros/adapters/mkdocs_plugin.py)


def define_env(env: Any) -> None:
    """Register the handbook macros with mkdocs-macros."""

    def _site() -> Any:
        plugin = env.conf["plugins"].get(PLUGIN_NAME)
        if plugin is None or plugin.site is None:
            raise RuntimeError(f"the handbook has not been loaded: add '- {PLUGIN_NAME}' under 'plugins' in mkdocs.yml, before 'macros'")
        return plugin.site

    def _render(template: str, **context: Any) -> Markup:
        here = env.page.file.src_uri if env.page is not None else "index.md"
        return Markup(_site().render_template(template, here, **context))

    @env.macro
    def has_section(name: str) -> bool:
        """Whether an optional section ('training', 'playbook') has content, so hand-written pages link to it only then."""
        handbook = _site().handbook
        return {"training": handbook.has_training, "playbook": handbook.has_playbook}[name]

    @env.macro
    def audience_cards() -> Markup:
        """The home page's first screen: a search button and one card per reader, linking to their job."""
        return _render("home_audiences.md")

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

    @env.macro
    def data_reference(domain: str = "core") -> Markup:
        """The kinds of data file of one domain with the fields of their records, read from the models that validate them."""
        from ..site import reference  # on use: only the authors' pages need it, and every build imports this module

        return _render("data_reference.md", domain=domain, kinds=reference.data_reference(domain), rules=reference.data_rules())

    @env.macro
    def workbook_contract() -> Markup:
        """The workbook's sheets and columns, read from the sheet list that import and export use."""
        from ..site import reference  # on use, as above

        return _render("workbook_contract.md", sheets=reference.workbook_reference(_site().handbook))
