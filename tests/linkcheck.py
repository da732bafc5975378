"""Check a built site's internal links and anchors by reading its files: no server, no network, no other user.

Every href/src of a, area, link, script, img, iframe and source on every HTML page must name a file of the site
(a directory URL names its index.html), and every #fragment must be an id (or an a's name) on the page it names.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
# Links that leave the site or are not files; any other scheme (a typo such as htps:) is reported.
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript"}
# Served at any URL depth, so MkDocs gives it absolute links under site_url on purpose; nothing links to it.
NOT_CHECKED = {"404.html"}


@dataclass
class LinkReport:
    """What a check found: how many internal links it followed and one line per broken link or anchor."""

    checked: int = 0
    broken: list[str] = field(default_factory=list)


@dataclass
class _Page:
    links: list[str]
    anchors: set[str]


def _read(page: Path) -> _Page:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [tag[attribute] for name, attribute in LINK_ATTRIBUTES.items() for tag in soup.find_all(name, attrs={attribute: True})]
    anchors = {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return _Page(links, anchors)


def check_links(root: Path, pages: Iterable[Path] | None = None) -> LinkReport:
    """Check the links of `pages` (every HTML page of the site at `root` by default) against the files under `root`."""
    root = root.resolve()
    read: dict[Path, _Page] = {}

    def page_at(path: Path) -> _Page:
        if path not in read:
            read[path] = _read(path)
        return read[path]

    report = LinkReport()
    sources = sorted(root.rglob("*.html")) if pages is None else [page.resolve() for page in pages]
    for source in sources:
        if source.name in NOT_CHECKED and source.parent == root:
            continue
        base = source.parent.relative_to(root).as_posix()
        for link in page_at(source).links:
            parts = urlsplit(link)
            if parts.scheme in EXTERNAL_SCHEMES or (not parts.scheme and parts.netloc):
                continue
            report.checked += 1
            where = f"{source.relative_to(root).as_posix()}: {link}"
            if parts.scheme:
                report.broken.append(f"{where} (unexpected URL scheme)")
                continue
            if parts.path.startswith("/"):
                # Absolute paths break when the site is served below a folder (site_url's path).
                report.broken.append(f"{where} (absolute path)")
                continue
            relative = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            target = source if not parts.path else root / relative
            if target.is_dir():
                target = target / "index.html"
            outside = relative == ".." or relative.startswith("../")
            if outside or not target.is_file() or (parts.path.endswith("/") and target.name != "index.html"):
                report.broken.append(f"{where} (no such file)")
                continue
            fragment = unquote(parts.fragment)
            # An empty fragment and #top go to the top of a page without an id (HTML's rule for fragments).
            if fragment and fragment != "top" and target.suffix == ".html" and fragment not in page_at(target).anchors:
                report.broken.append(f"{where} (no such anchor)")
    return report
