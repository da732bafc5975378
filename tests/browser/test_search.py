"""Site search in a real browser: Pagefind's index, the header's search dialog, and the handbook's ranking rules.

Every page here is opened by the `page` fixture, which also fails on a console error or a request to another host.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

# Kinds that a dated cohort page may never outrank.
RECORD_KINDS = ("Role", "Competency", "Play")


def search(page, query: str) -> list[dict[str, str]]:
    """Type `query` into the open search dialog; the results shown for it, best first."""
    page.locator("#hb-search-input").fill(query)
    page.wait_for_function(
        "q => document.querySelector('[data-hb-search-results]').getAttribute('data-query') === q", arg=query, timeout=15000
    )
    return page.eval_on_selector_all(
        ".hb-search__result",
        """links => links.map(a => ({
            kind: a.querySelector('.hb-search__kind').textContent,
            title: a.querySelector('.hb-search__title').textContent,
            excerpt: a.querySelector('.hb-search__excerpt').textContent,
            href: new URL(a.href).pathname,
        }))""",
    )


def open_search(page, url: str = "") -> None:
    """Open `url` and the search dialog with the keyboard shortcut."""
    page.goto(url)
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    page.locator("#hb-search-input").wait_for(state="visible")


def test_nothing_of_the_index_loads_before_search_is_opened(page) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("roles/account-management/")
    page.wait_for_load_state("load")
    assert not [url for url in requested if "/pagefind/" in url]
    page.keyboard.press("/")
    search(page, "discovery")
    assert [url for url in requested if url.endswith("/pagefind/pagefind.js")]


@pytest.mark.parametrize(
    ("query", "href"),
    [
        ("Account Manager", "/roles/account-management/"),
        ("account management", "/roles/account-management/"),
        ("Key Account Executive", "/roles/account-management/"),
        ("team lead", "/roles/sales-team-lead/"),
    ],
)
def test_a_role_title_or_name_finds_its_role_first(page, query: str, href: str) -> None:
    open_search(page)
    results = search(page, query)
    assert results[0]["href"] == href, results[:3]
    assert results[0]["kind"] == "Role"


def test_a_competency_name_finds_its_competency_first(page, real_handbook) -> None:
    open_search(page)
    for competency in real_handbook.competencies[:: max(1, len(real_handbook.competencies) // 5)]:
        results = search(page, competency.name)
        assert results[0]["href"] == f"/competencies/{competency.id}/", (competency.name, results[:3])
        assert results[0]["kind"] == "Competency"


def test_an_alias_finds_its_competency_first(page, real_handbook) -> None:
    aliased = [c for c in real_handbook.competencies if c.aliases]
    assert aliased, "the real data has competencies with aliases"
    open_search(page)
    for competency in aliased:
        results = search(page, competency.aliases[0])
        assert results[0]["href"] == f"/competencies/{competency.id}/", (competency.aliases[0], results[:3])


@pytest.mark.parametrize("query", ["onboarding", "new managers", "account manager", "adaptive competencies", "spring", "discovery"])
def test_no_cohort_page_outranks_a_role_competency_or_play(page, query: str) -> None:
    open_search(page)
    kinds = [result["kind"] for result in search(page, query)]
    assert kinds, query
    if "Cohort" in kinds:
        records = [i for i, kind in enumerate(kinds) if kind in RECORD_KINDS]
        assert not records or kinds.index("Cohort") > max(records), kinds


def test_cohort_pages_are_still_found(page) -> None:
    open_search(page)
    results = search(page, "January 2027 onboarding")
    assert any(result["href"] == "/cohorts/onboarding-2027-01/" and result["kind"] == "Cohort" for result in results)


def test_results_show_title_excerpt_and_kind(page) -> None:
    open_search(page)
    first = search(page, "Account Manager")[0]
    assert first["title"] == "Account Management"
    assert first["kind"] == "Role"
    assert len(first["excerpt"]) > 20
    assert page.locator(".hb-search__excerpt mark").first.is_visible()
    assert "result" in page.locator("#hb-search-status").inner_text()


def test_keyboard_opens_searches_reaches_results_and_closes(page) -> None:
    page.goto("roles/account-management/")
    page.wait_for_load_state("load")
    dialog = page.locator("dialog.hb-search__dialog")
    page.keyboard.press("s")
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.id") == "hb-search-input"
    page.keyboard.type("negotiation")
    page.locator(".hb-search__result").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('hb-search__result')")
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-hb-search-open')"), "focus returns to the search button"
    page.keyboard.press("/")
    search(page, "Account Manager")
    page.keyboard.press("ArrowDown")
    # The result is the page already open: wait for it to load again (closing the tab mid-navigation can hang Chromium).
    with page.expect_navigation(url="**/roles/account-management/", wait_until="load"):
        page.keyboard.press("Enter")


def test_typing_s_or_slash_in_a_form_field_does_not_open_search(page) -> None:
    page.goto("roles/account-management/checklist/")
    page.wait_for_load_state("load")
    field = page.locator("article input[type=text], article textarea").first
    if field.count():
        field.click()
        page.keyboard.type("s/")
        assert not page.locator("dialog.hb-search__dialog").is_visible()


def test_search_opens_and_works_on_a_phone(browser, site_url: str, watch) -> None:
    context = browser.new_context(base_url=site_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    phone.on("pageerror", lambda exc: watch.errors.append(str(exc)))

    def only_local(route) -> None:
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            watch.foreign_requests.append(route.request.url)
            route.abort()

    phone.route("**/*", only_local)
    try:
        phone.goto("plays/")
        phone.wait_for_load_state("load")
        button = phone.get_by_role("button", name="Search the handbook")
        box = button.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24 and box["x"] + box["width"] <= 390
        button.click()
        dialog = phone.get_by_role("dialog", name="Search the handbook")
        assert dialog.is_visible()
        assert dialog.bounding_box()["width"] >= 389  # full width
        results = search(phone, "Account Manager")
        assert results[0]["href"] == "/roles/account-management/"
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        phone.get_by_role("button", name="Close search").click()
        assert not dialog.is_visible()
    finally:
        context.close()
    assert watch.errors == [] and watch.foreign_requests == []


def test_open_search_dialog_is_accessible(page) -> None:
    open_search(page, "roles/account-management/")
    search(page, "Account Manager")
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    serious = [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_a_search_button_in_a_page_opens_the_dialog(page, site_url: str) -> None:
    # Pages may offer their own "Search the handbook" button (class hb-search-open, hidden until a search exists).
    def add_button(route) -> None:
        response = route.fetch()
        button = '<button type="button" class="hb-search-open" hidden>Search the handbook</button>'
        route.fulfill(response=response, body=response.text().replace("</article>", button + "</article>", 1))

    page.route(site_url + "roles/", add_button)
    page.goto("roles/")
    page.wait_for_load_state("load")
    page.locator("article button.hb-search-open").click()
    assert page.locator("dialog.hb-search__dialog").is_visible()
    assert page.evaluate("document.activeElement.id") == "hb-search-input"
