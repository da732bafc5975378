"""Incremental preview: `mkdocs serve --dirty` rebuilds only the generated pages whose Markdown changed.

MkDocs' dirty mode re-renders a page only when its file reports a change. Generated pages always do (their content
is in memory), so a data edit re-rendered every page: about as slow as a full build. This module remembers each
generated page's Markdown between the rebuilds of one `mkdocs serve` and tells which ones are unchanged. A full
rebuild still happens whenever something every page shows may have changed: the navigation (any title or path),
a template or asset under overrides/, or mkdocs.yml. The preview writes no search index (the plugin's on_post_build
says why). While the data has problems, the plugin serves their report in every page (the previous build's pages and
navigation keep their URLs), and the next good build renders everything again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class PreviewMemory:
    """What the previous build of this `mkdocs serve` process produced."""

    fingerprint: str = ""
    markdown: dict[str, str] = field(default_factory=dict)
    nav: Any = None  # the last good build's expanded navigation, kept while the data has problems


def fingerprint(nav: Any, titles: list[tuple[str, str]], watched: list[Path]) -> str:
    """A digest of everything shown on every page: navigation, page titles, and the files under `watched`."""
    digest = hashlib.sha256(repr((nav, titles)).encode("utf-8"))
    for root in watched:
        for path in sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root] if root.exists() else []:
            stat = path.stat()
            digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


def unchanged_pages(memory: PreviewMemory, current: str, markdown: dict[str, str]) -> set[str]:
    """Source paths of generated pages that need no re-render (none after a change every page shows)."""
    if not memory.markdown or memory.fingerprint != current:
        return set()
    return {src for src, text in markdown.items() if memory.markdown.get(src) == text}
