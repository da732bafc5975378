"""The data -> pages step on its own: every page as finished Markdown plus a plain mkdocs.yml, no plugins or macros.

This is the pre-build step for generators that cannot run this project's MkDocs plugin (Zensical), and a baseline
for measuring what the plugin costs: the output builds with MkDocs, ProperDocs or Zensical as an ordinary site.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml
from jinja2 import Environment, StrictUndefined

from ..site import Site, build_site
from ..site.navigation import expand_nav
from ..site.repository import Repository
from ..site.timeline import DEFAULT_LIMIT, ChangeHistory
from .mkdocs_macros import PLUGIN_NAME, define_env

# mkdocs.yml keys that only exist for this project's generation code.
_PROJECT_ONLY_KEYS = ("hooks", "watch", "site_dir")
_PROJECT_PLUGINS = {"macros", PLUGIN_NAME}


@dataclass(frozen=True)
class PlainSite:
    """What `render_plain_site` wrote."""

    config: Path
    generated: int
    hand_written: int
    downloads: int


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def plain_config(config: dict[str, Any], site: Site) -> dict[str, Any]:
    """The project's MkDocs configuration without the handbook and macros plugins, with the navigation expanded."""
    plain = {key: value for key, value in config.items() if key not in _PROJECT_ONLY_KEYS}
    plain["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) not in _PROJECT_PLUGINS]
    if "search" not in map(_plugin_name, plain["plugins"]):
        # The handbook plugin writes the Pagefind index; without it, the theme's own search keeps the site searchable.
        plain["plugins"].insert(0, "search")
    plain["docs_dir"] = "docs"
    if "theme" in plain and isinstance(plain["theme"], dict) and plain["theme"].get("custom_dir"):
        plain["theme"] = {**plain["theme"], "custom_dir": "overrides"}
    if config.get("nav"):
        plain["nav"] = expand_nav(config["nav"], site.nav)
    options = _plugin_options(config)
    if options.get("repository") and "edit_uri" not in plain:  # the plugin's one setting, as plain MkDocs reads it
        plain["edit_uri"] = Repository(str(options["repository"]).rstrip("/"), str(options.get("branch", "main"))).edit_url("docs/")
    return plain


def _plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The handbook plugin's options in a raw mkdocs.yml ({} when it has none)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get(PLUGIN_NAME), dict):
            return entry[PLUGIN_NAME]
    return {}


def data_folder(config: dict[str, Any]) -> str:
    """The handbook plugin's `data_dir` setting in a raw mkdocs.yml (its default when not set)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get(PLUGIN_NAME), dict):
            return str(entry[PLUGIN_NAME].get("data_dir", "data"))
    return "data"


def requires_complete(config: dict[str, Any]) -> bool:
    """The handbook plugin's `require_complete` setting in a raw mkdocs.yml (false when not set)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get(PLUGIN_NAME), dict):
            return bool(entry[PLUGIN_NAME].get("require_complete", False))
    return False


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return yaml.safe_load(text[4:end]) or {}, text[end + 5 :]
    return {}, text


def _join_front_matter(meta: dict[str, Any], body: str) -> str:
    if not meta:
        return body
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)}---\n{body}"


def _macro_renderer(site: Site) -> Any:
    """Render a hand-written page's macros exactly as the mkdocs-macros adapter would, without mkdocs-macros."""
    macros: dict[str, Any] = {}
    plugins = {PLUGIN_NAME: SimpleNamespace(site=site)}
    env = SimpleNamespace(page=None, conf={"plugins": plugins}, macro=lambda fn: macros.setdefault(fn.__name__, fn))
    define_env(env)
    jinja = Environment(undefined=StrictUndefined, keep_trailing_newline=True)
    jinja.globals.update(macros)

    def render(src_uri: str, body: str) -> str:
        env.page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))
        return jinja.from_string(body).render()

    return render


def _page_templates(folder: str, names: list[str]) -> list[str]:
    """The engine's page templates (overrides/handbook/*.md) are not theme files: the baseline leaves them out."""
    return [name for name in names if Path(folder).name == "handbook" and name.endswith(".md")]


def render_plain_site(config_file: Path, out_dir: Path) -> PlainSite:
    """Write docs/ (generated and hand-written pages, downloads), overrides/ and a plain mkdocs.yml into `out_dir`."""
    config_file = Path(config_file).resolve()
    if not config_file.exists():
        raise FileNotFoundError(f"{config_file} does not exist")
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} is not empty; choose a new folder so nothing is overwritten")
    root = config_file.parent
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    options = _plugin_options(config)
    history = ChangeHistory(
        root, root / data_folder(config), int(options.get("whats_new_limit", DEFAULT_LIMIT)), options.get("whats_new_by", "auto")
    )
    site = build_site(root / data_folder(config), require_complete=requires_complete(config), history=history)
    docs_out = out_dir / "docs"
    docs_out.mkdir(parents=True, exist_ok=True)
    for src_uri, markdown in {**site.markdown, **site.downloads}.items():
        target = docs_out / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    render_macros = _macro_renderer(site)
    hand_written = 0
    docs_dir = root / config.get("docs_dir", "docs")
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        src_uri = path.relative_to(docs_dir).as_posix()
        target = docs_out / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copy2(path, target)
            continue
        hand_written += 1
        meta, body = _split_front_matter(path.read_text(encoding="utf-8"))
        if meta.pop("render_macros", False):
            body = render_macros(src_uri, body)
        target.write_text(_join_front_matter(meta, body), encoding="utf-8")
    custom_dir = (config.get("theme") or {}).get("custom_dir") if isinstance(config.get("theme"), dict) else None
    if custom_dir:
        shutil.copytree(root / custom_dir, out_dir / "overrides", ignore=_page_templates)
    plain = plain_config(config, site)
    target_config = out_dir / "mkdocs.yml"
    header = "# Written by `handbook render`: plain pages, no handbook plugin or macros. Edit the project's data/ and docs/ instead.\n"
    target_config.write_text(header + yaml.safe_dump(plain, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return PlainSite(target_config, len(site.markdown), hand_written, len(site.downloads))
