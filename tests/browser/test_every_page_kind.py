"""Every kind of page opens in a real browser with no script error and no request to another host."""

from __future__ import annotations

import pytest

PAGES = [
    "",
    "roles/",
    "roles/account-management/",
    "competencies/",
    "competencies/qualifies-prospects-for-fit/",
    "matrix/",
    "profile-mapping/",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_opens_offline_without_errors(page, url: str) -> None:
    page.goto(url)
    assert page.locator("article h1").first.is_visible()


@pytest.mark.parametrize(("query", "title"), [("account management", "Account Management"), ("team lead", "Sales Team Lead")])
def test_search_puts_the_role_asked_for_first(page, query: str, title: str) -> None:
    page.goto("")
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill(query)
    first = page.locator(".md-search-result__item > a").first
    first.wait_for()
    assert first.locator("h1").inner_text() == title
