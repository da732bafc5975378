"""Nothing lost: every record text a page spec says its page shows must be readable text on the built page."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import lxml.html

from ..handbook import Handbook
from .paths import PageSpec
from .plan import plan_pages

# Elements whose content a reader does not see as text.
_HIDDEN = "//script|//style|//template"


def shown_text(html: str) -> str:
    """Whitespace-normalized visible text of a built page's article (or of a fragment), read with lxml's HTML parser."""
    article = _article(html)
    if not article.strip():
        return ""
    root = lxml.html.fromstring(article)
    for hidden in root.xpath(_HIDDEN):
        hidden.drop_tree()
    return " ".join(root.text_content().split())


def _article(page: str) -> str:
    """Only the main article of a built page: the theme's header, navigation and footer need no parsing."""
    start = page.find('<article class="md-content__inner')
    end = page.rfind("</article>")
    return page[start : end + len("</article>")] if 0 <= start < end else page


def missing_texts(spec: PageSpec, html: str) -> list[str]:
    """The texts of `spec.shows` that the page's HTML does not show, as 'page: text' lines."""
    if not spec.shows:
        return []
    shown = shown_text(html)
    return [f"{spec.src_uri}: {' '.join(text.split())!r}" for text in spec.shows if " ".join(text.split()) not in shown]


class CompletenessCheck:
    """Collects, page by page as a generator builds them, the record texts that did not reach the reader."""

    def __init__(self, specs: Iterable[PageSpec]) -> None:
        self._specs = {spec.src_uri: spec for spec in specs if spec.shows}
        self._missing: dict[str, list[str]] = {}

    def check_page(self, src_uri: str, html: str) -> None:
        """Compare one built page's content with what its spec says it shows."""
        spec = self._specs.get(src_uri)
        if spec is not None:
            self._missing[src_uri] = missing_texts(spec, html)

    def missing(self, built: Iterable[str] | None = None) -> list[str]:
        """Every expected text not shown, and every page that was not built (of those checked when `built` is None)."""
        lines: list[str] = []
        for src_uri in self._specs:
            if src_uri in self._missing:
                lines += self._missing[src_uri]
            elif built is None or src_uri not in built:
                lines.append(f"{src_uri}: the page was not built")
        return lines


def built_page(site_dir: Path, src_uri: str) -> Path:
    """The HTML file MkDocs writes for a source page (directory URLs)."""
    stem = src_uri[: -len(".md")]
    return site_dir / (stem[: -len("index")] if stem.endswith("index") else stem + "/") / "index.html"


def missing_records(handbook: Handbook, site_dir: Path) -> list[str]:
    """Every expected record text that a built site folder does not show, as 'page: text' lines."""
    specs = plan_pages(handbook)
    check = CompletenessCheck(specs)
    built = set()
    for spec in specs:
        page = built_page(site_dir, spec.src_uri)
        if page.exists():
            built.add(spec.src_uri)
            check.check_page(spec.src_uri, page.read_text(encoding="utf-8"))
    return check.missing(built)
