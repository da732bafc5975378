"""Build a real handbook (or a fixture site) into a temporary folder and read it back."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class BuiltSite:
    """A site built into a folder, with the build's exit code and output."""

    root: Path
    returncode: int
    output: str

    def html(self, url: str) -> BeautifulSoup:
        """Parse the page served at `url` (like 'roles/consultant/')."""
        path = self.root / url.strip("/") / "index.html" if not url.endswith(".html") else self.root / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def article(self, url: str) -> BeautifulSoup:
        """The page's main content, without navigation, header or footer."""
        return self.html(url).select_one("article.md-content__inner")

    def search_pages(self) -> list[dict]:
        """Every page in the Pagefind search index as built: url, content (plain text), meta and filters."""
        # A fragment is gzip-compressed JSON after a fixed signature.
        fragments = sorted((self.root / "pagefind" / "fragment").glob("*.pf_fragment"))
        return [json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd")) for f in fragments]


def mkdocs_build(config: Path, site_dir: Path, environment: dict[str, str] | None = None) -> BuiltSite:
    """Run a strict MkDocs build in a subprocess, as an author or CI would (`environment`: extra variables)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environment or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )
    return BuiltSite(site_dir, result.returncode, result.stdout + result.stderr)


def copy_fixture(name: str, dest: Path) -> Path:
    """Copy a fixture site so a test can change its data; returns the copy's mkdocs.yml."""
    target = dest / name
    shutil.copytree(FIXTURES / name, target)
    config = target / "mkdocs.yml"
    # The fixture points at the engine by relative path; rewrite to absolute paths for the copy.
    text = config.read_text().replace("../../../", f"{ROOT.as_posix()}/")
    config.write_text(text)
    return config
