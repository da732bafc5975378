"""Links: no broken internal link or anchor anywhere in the built site (tests/linkcheck.py reads the built files).

MkDocs' strict validation already refuses broken links written in Markdown; this checks the HTML as published:
theme navigation, tabs, footers, links inside raw HTML widgets (which MkDocs neither rewrites nor checks: a '.md'
link there would 404) and every in-page anchor, directory URLs (../page/#anchor) included. It reads the files in
this process, so it needs no server, no network and no other user: it works as root in a private (mode 700) checkout.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from linkcheck import check_links

ROLE = Path("roles") / "account-management" / "index.html"


def test_every_internal_link_and_anchor_resolves(real_site):
    report = check_links(real_site.root)
    assert report.checked > 10_000  # a checker that silently skips everything must not pass
    assert report.broken == []


def test_the_checker_finds_a_broken_link_and_a_broken_anchor(real_site, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(real_site.root, site)
    page = (site / ROLE).read_text(encoding="utf-8")
    assert 'href="#what-great-looks-like"' in page and 'href="../../profile-mapping/"' in page
    broken = page.replace('href="#what-great-looks-like"', 'href="#what-great-look-like"', 1)
    (site / ROLE).write_text(broken.replace('href="../../profile-mapping/"', 'href="../../profile-maping/"', 1), encoding="utf-8")
    # Only the changed page, so this negative check stays fast; the rest of the copy is what its links point at.
    report = check_links(site, [site / ROLE])
    assert report.broken == [
        "roles/account-management/index.html: ../../profile-maping/ (no such file)",
        "roles/account-management/index.html: #what-great-look-like (no such anchor)",
    ]
