"""Every kind of page opens in a real browser with no script error and no request to another host."""

from __future__ import annotations

import pytest
from sites import ROOT

from macros.loading import load_handbook
from macros.site.plan import plan_pages


def _url(src_uri: str) -> str:
    """The served URL of a source page (directory URLs): roles/x.md -> roles/x/, roles/index.md -> roles/."""
    stem = src_uri.removesuffix(".md").removesuffix("index")
    return stem if not stem or stem.endswith("/") else stem + "/"


def _one_page_per_kind() -> list[str]:
    """The first generated page of every template (so a new kind of page is opened as soon as it exists),
    a role and a competency named explicitly, and every hand-written page."""
    pages = {"roles/account-management.md": "role.md", "competencies/qualifies-prospects-for-fit.md": "competency.md"}
    for spec in plan_pages(load_handbook(ROOT / "data")):
        if spec.template not in pages.values():
            pages.setdefault(spec.src_uri, spec.template)
    hand_written = [p.relative_to(ROOT / "docs").as_posix() for p in sorted((ROOT / "docs").rglob("*.md"))]
    return [_url(src_uri) for src_uri in [*hand_written, *pages]]


# Offline and private: every kind of page, opened by the `page` fixture, which fails on any request
# to another host, any console error and any uncaught exception.
PAGES = _one_page_per_kind()


@pytest.mark.parametrize("url", PAGES)
def test_page_opens_offline_without_errors(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.locator("article h1").first.is_visible()


def test_every_kind_of_page_is_opened() -> None:
    assert {"", "glossary/", "roles/", "roles/account-management/", "competencies/", "dimensions/", "matrix/"} <= set(PAGES)
    assert any(url.startswith("dimensions/") and url != "dimensions/" for url in PAGES)
