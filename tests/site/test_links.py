"""Links: LinkChecker (pinned in requirements.txt) finds no broken internal link or anchor anywhere in the built site.

MkDocs' strict validation already refuses broken links written in Markdown; this checks the HTML as published,
theme navigation, tabs, footers and every in-page anchor included. It reads the files, so it needs no server and
no network (external links are not followed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LINKCHECKER = Path(sys.executable).parent / "linkchecker"
CONFIG = """
[checking]
threads=4
[filtering]
checkextern=0
# Reading files, LinkChecker cannot check an anchor on a directory URL (../page/#anchor); those anchors are checked
# by tests/test_site.py::test_every_internal_link_and_anchor_resolves instead.
ignorewarnings=file-anchorcheck-directory
# Material's scripts and the search index hold no links a reader follows; the gzipped sitemap is not HTML.
ignore=
  /assets/javascripts/
  /search/
  sitemap\\.xml
[AnchorCheck]
[output]
status=0
"""


def run_linkchecker(site: Path, work: Path) -> subprocess.CompletedProcess[str]:
    """Check every page reachable from the site's home page; exit 0 only with no error and no warning."""
    assert LINKCHECKER.exists(), "LinkChecker is installed by `python3 dev.py test` from requirements.txt"
    config = work / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    return subprocess.run(
        [str(LINKCHECKER), "--config", str(config), "--no-status", "-o", "text", str(site / "index.html")],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(work)},  # LinkChecker keeps state in ~/.linkchecker
    )


def readable_copy(site: Path) -> Path:
    """A copy anyone can read: run as root, LinkChecker drops to user 'nobody', who cannot enter pytest's private tmp."""
    folder = Path(tempfile.mkdtemp(prefix="handbook-links-"))
    folder.chmod(0o755)
    shutil.copytree(site, folder / "site")
    for path in (folder / "site").rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    (folder / "site").chmod(0o755)
    return folder


def test_no_broken_link_or_anchor_in_the_built_site(real_site):
    folder = readable_copy(real_site.root)
    try:
        result = run_linkchecker(folder / "site", folder)
        assert result.returncode == 0, result.stdout[-5000:]
        assert " 0 warnings found. 0 errors found." in result.stdout
    finally:
        shutil.rmtree(folder)


def test_the_checker_finds_a_broken_link_and_a_broken_anchor(real_site):
    folder = Path(tempfile.mkdtemp(prefix="handbook-links-"))
    try:
        # Two real pages only, so this negative check stays fast; one gets a broken anchor and a broken link.
        site = folder / "site"
        role = site / "roles" / "account-management" / "index.html"
        role.parent.mkdir(parents=True)
        page = (real_site.root / "roles" / "account-management" / "index.html").read_text(encoding="utf-8")
        assert 'href="#what-great-looks-like"' in page and 'href="../../profile-mapping/"' in page
        broken = page.replace('href="#what-great-looks-like"', 'href="#what-great-look-like"', 1)
        role.write_text(broken.replace('href="../../profile-mapping/"', 'href="../../profile-maping/"', 1), encoding="utf-8")
        (site / "index.html").write_text('<a href="roles/account-management/">role</a>', encoding="utf-8")
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        result = run_linkchecker(site, folder)
        assert result.returncode == 1
        assert "Anchor `what-great-look-like' (decoded:" in result.stdout
        assert "No such file or directory: '" in result.stdout and "/site/profile-maping/'>" in result.stdout
    finally:
        shutil.rmtree(folder)
