"""Render page specs to Markdown with autoescaped Jinja templates; data text can never become markup."""

from __future__ import annotations

import functools
import hashlib
import html
import posixpath
import re
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from .listing import is_long_listing
from .paths import PageSpec, directory_url, page_path

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "overrides" / "handbook"

# Characters that Markdown (and the extensions we enable) could read as syntax inside running text.
# Backslash escapes keep the text itself intact for search; HTML escaping is left to `<`, `>` and `&`.
_MARKDOWN_SPECIALS = {ch: "\\" + ch for ch in "\\`*_[]{}#|"}
_LINE_START = re.compile(r"^(\d+)([.)])")
_MARKDOWN_ESCAPES = str.maketrans(_MARKDOWN_SPECIALS)  # performance: one C-level pass per value
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: front matter for thousands of pages


def markdown_text(value: Any) -> Markup:
    """Escape a data value for Markdown and HTML: it renders as exactly the text that was written."""
    if isinstance(value, Markup):
        return value
    return _escaped_markdown(str(value))


@functools.lru_cache(maxsize=1 << 16)  # performance: names and behaviors are shown on many pages
def _escaped_markdown(value: str) -> Markup:
    text = " ".join(value.split())  # one paragraph: a newline in data must not start a list or heading
    text = text.translate(_MARKDOWN_ESCAPES)
    text = _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)
    if text[:1] in ("-", "+", "=", "!"):  # "!": '!!! note' would open an admonition
        text = "\\" + text
    escaped = html.escape(text, quote=False)
    if escaped[:1] in ("?", "~"):
        # '??? note' (pymdownx.details) and '~~~' (a code fence) have no backslash escape: a character reference does it.
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return Markup(escaped)


def attribute_text(value: Any) -> Markup:
    """Escape a data value for an HTML attribute (no Markdown processing happens there)."""
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def _finalize(value: Any) -> Any:
    if value is None or isinstance(value, (Markup, int, float)):
        return value
    return markdown_text(value)


@pass_context
def _href(context: Any, kind: str, record_id: str = "") -> str:
    """Relative link from the page being rendered to a record's page, as MkDocs expects."""
    return _relative(page_path(kind, record_id), posixpath.dirname(context.get("here", "index.md")) or ".")


@functools.lru_cache(maxsize=1 << 16)  # performance: pages link to the same records from the same folders
def _relative(target: str, base: str) -> str:
    return posixpath.relpath(target, base)


@pass_context
def _url(context: Any, kind: str, record_id: str = "") -> str:
    """Link to a record's page for raw HTML blocks, where MkDocs does not rewrite `.md` links: relative to the published URL."""
    here = directory_url(context.get("here", "index.md")).rstrip("/") or "."
    target = directory_url(page_path(kind, record_id)).rstrip("/") or "."
    return _relative(target, here) + "/"


@pass_context
def _file_url(context: Any, path: str) -> str:
    """Link to a site file other than a page (team.json, a calendar) for raw HTML blocks, relative to the published URL."""
    here = directory_url(context.get("here", "index.md")).rstrip("/") or "."
    return _relative(path, here)


# How templates compile. Jinja's bytecode cache keys compiled templates by name and source only, so the options
# that change compiled code are part of the cache files' names: editing them here can never load stale code.
_OPTIONS = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
_COMPILED = FileSystemBytecodeCache(  # Jinja's own cache, in a folder private to this user
    pattern=f"handbook-{hashlib.sha256(repr(sorted(_OPTIONS.items())).encode()).hexdigest()[:12]}-%s.cache"
)


def make_environment(template_dir: Path = TEMPLATE_DIR) -> Environment:
    """The template environment: autoescaped, strict about undefined names; a template compiles once per change."""
    env = Environment(
        loader=FileSystemLoader(str(template_dir)),
        undefined=StrictUndefined,
        finalize=_finalize,
        bytecode_cache=_COMPILED,
        **_OPTIONS,
    )
    env.globals["href"] = _href  # for Markdown links: MkDocs checks them and rewrites .md to URLs
    env.globals["url"] = _url  # for raw HTML blocks (widgets)
    env.globals["file_url"] = _file_url
    env.filters["md"] = markdown_text
    env.filters["attr"] = attribute_text
    env.filters["html"] = attribute_text  # text inside raw HTML blocks, where Markdown escapes would show
    env.filters["with_article"] = with_article
    env.filters["anchor"] = lambda value: re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
    env.tests["long_listing"] = is_long_listing  # performance: listings switch to a compact form at scale
    return env


def render_template(env: Environment, template: str, here: str, **context: Any) -> str:
    """Render one handbook template as seen from the page at `here`."""
    return env.get_template(template).render(here=here, **context)


def with_article(word: str) -> str:
    """Prefix 'a' or 'an' as spoken: 'an attribute', 'a skill'."""
    return f"{'an' if str(word)[:1].lower() in 'aeiou' else 'a'} {word}"


def render_page(env: Environment, spec: PageSpec) -> str:
    """Markdown source of a generated page: front matter, then its template's output."""
    # Injection safety: MkDocs and Material print front-matter titles and descriptions into the page
    # unescaped (<title>, the header, <meta content="...">), so they are given as escaped HTML text.
    meta: dict[str, Any] = {"title": str(attribute_text(spec.title))}
    if spec.description:
        meta["description"] = str(attribute_text(spec.description))
    if spec.hide:
        meta["hide"] = list(spec.hide)
    front = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    body = render_template(env, spec.template, spec.src_uri, **spec.context)
    return f"---\n{front}---\n\n{body}"
