"""Injection safety in a real browser: data holding script, handlers, javascript: links and template code runs nothing."""

from __future__ import annotations

import pytest

PAGES = [
    "",
    "roles/",
    "roles/floor-sales/",
    "competencies/",
    "competencies/demonstrates-perseverance/",
    "dimensions/",
    "dimensions/drive/",
    "matrix/",
    "profile-mapping/",
]
# Checklists and scorecards (#3), training (#4) and playbooks (#5) pages of the injection fixture.
PAGES += ["roles/floor-sales/checklist/", "roles/floor-sales/hiring/", "roles/floor-sales/coaching/"]
PAGES += ["curricula/", "curricula/basics/", "curricula/basics/week-1/", "certifications/store-call/", "exams/store-exam/"]
PAGES += ["cohorts/spring/", "coverage/", "plays/", "plays/ask-for-the-sale/", "plays/walk-in-greeting/", "journey-map/"]
PAGES += ["qualification/", "service-levels/", "experiments/"]
PAGES += ["team/"]


@pytest.fixture
def site_url(injection_site_url: str) -> str:
    """Every test here opens the injection fixture site instead of the real handbook."""
    return injection_site_url


@pytest.fixture
def dialogs(page) -> list[str]:
    """Messages of every alert/confirm/prompt the page opens (each is dismissed so the test goes on)."""
    opened: list[str] = []

    def record(dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    # alert(1) is the payload; a script that ran but was blocked from alerting would still leave this mark.
    page.add_init_script(
        "window.__ran = []; for (const name of ['alert', 'confirm', 'prompt']) { const real = window[name]; "
        "window[name] = (...args) => { window.__ran.push(name); return real.apply(window, args); }; }"
    )
    return opened


@pytest.mark.parametrize("url", PAGES)
def test_no_script_from_data_runs(page, dialogs: list[str], url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    # Handlers such as onmouseover or onfocus would fire now if any had survived into the page.
    page.evaluate(
        "for (const el of document.querySelectorAll('body *')) for (const type of ['mouseover', 'focus']) "
        "el.dispatchEvent(new Event(type, {bubbles: false, cancelable: true}))"
    )
    assert dialogs == []
    assert page.evaluate("window.__ran") == []
    assert page.locator("article img[src='x'], article script, a[href^='javascript']").count() == 0


@pytest.mark.parametrize("url", ["roles/floor-sales/", "competencies/demonstrates-perseverance/", "roles/"])
@pytest.mark.parametrize("width", [1280, 390])
def test_a_long_unbroken_string_does_not_widen_the_page(page, url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    page.wait_for_load_state("load")
    assert "W" * 200 in page.locator("article").inner_text()
    scroll, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= viewport, f"the page scrolls sideways: {scroll}px wide in a {viewport}px window"
    # Tables scroll inside their own wrapper; a long word must wrap in its cell rather than stretch the table.
    wide = page.evaluate(
        "[...document.querySelectorAll('article .md-typeset__scrollwrap')].filter(w => w.scrollWidth > w.clientWidth + 1).length"
    )
    assert wide == 0, "a table is wider than the page"


def test_search_results_show_data_payloads_as_text(page, dialogs: list[str]) -> None:
    page.goto("roles/floor-sales/")
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    page.locator("#hb-search-input").fill("Floor Sales")
    page.wait_for_function("document.querySelector('[data-hb-search-results]').getAttribute('data-query') === 'Floor Sales'")
    titles = page.locator(".hb-search__title").all_inner_texts()
    assert "Floor Sales <script>alert(1)</script>" in titles  # the name as the reader wrote it, shown as text
    assert page.locator("[data-hb-search-results] script, [data-hb-search-results] img").count() == 0
    assert dialogs == [] and page.evaluate("window.__ran") == []


def test_team_view_shows_markup_in_names_as_text(page, dialogs: list[str], tmp_path) -> None:
    page.goto("team/")
    data = page.evaluate("fetch('../team.json').then(r => r.json())")
    role = next(r for r in data["roles"] if r["id"] == "floor-sales")
    competency = data["competencies"][role["competencies"][0]]["id"]
    person = "<img src=x onerror=alert(1)>"
    path = tmp_path / "rep.csv"
    path.write_text(f'role,mode,competency,behavior,rating,person,date\r\nfloor-sales,manager,{competency},b,1,"{person}",2026-01-01\r\n')
    page.locator('input[data-action="load"]').set_input_files(str(path))
    page.locator(".hb-status", has_text="Loaded 1 file").wait_for()
    page.locator(".hb-team__weakest li").first.hover()
    assert page.locator(".hb-team__heatmap tbody th").inner_text() == person
    # The role and competency names hold markup and template code: team.js writes them as text.
    assert data["competencies"][role["competencies"][0]]["name"] in page.locator(".hb-team__heatmap thead").inner_text()
    assert dialogs == []
    assert page.evaluate("window.__ran") == []
    assert page.locator("article img[src='x'], article script").count() == 0
