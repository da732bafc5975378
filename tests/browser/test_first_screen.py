"""The reader's first screen on a phone: the home page by audience, role and play pages in the order a reader needs
them, and a cohort page that says where the cohort is on the browser's date."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from test_field_use import SMALL_TARGETS

PHONE = {"width": 390, "height": 844}
COHORT = "onboarding-2027-01"  # ten training days from Monday 11 January 2027, Europe/Berlin
ZONE = "Europe/Berlin"

# Whether element a comes before element b in the document.
BEFORE = "([a, b]) => !!(document.querySelector(a).compareDocumentPosition(document.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING)"


def _fits_a_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(SMALL_TARGETS) == []


def _heading_ids(page) -> list[str]:
    return page.locator("article h2[id]").evaluate_all("els => els.map(e => e.id)")


def test_home_page_opens_with_one_card_per_reader_then_the_role_finder(page) -> None:
    page.set_viewport_size(PHONE)
    page.goto("")
    cards = page.locator(".hb-audiences > ul > li")
    titles = cards.evaluate_all("els => els.map(e => e.querySelector('strong').textContent)")
    assert titles == ["I sell", "I manage", "I'm new", "I write the handbook"]
    assert page.evaluate(BEFORE, [".hb-audiences", "#find-your-role"])
    assert page.evaluate(BEFORE, [".hb-audiences", "form.hb-finder"])
    # On the first screen: who it is for, the search button and the first cards.
    assert cards.first.bounding_box()["y"] < PHONE["height"] / 2
    for card, link in [(0, "Find my role"), (0, "Plays by stage"), (2, "January 2027 onboarding"), (3, "Authors' guide")]:
        assert cards.nth(card).get_by_role("link", name=link).is_visible()
    _fits_a_phone(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_home_search_button_opens_the_header_search(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("")
    button = page.locator("article").get_by_role("button", name="Search the handbook")  # the header has one too
    assert button.is_visible()
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    button.click()
    page.locator("#hb-search-input").wait_for(state="visible")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'hb-search-input'")
    page.keyboard.type("account management")
    page.locator(".hb-search__result").first.wait_for()


def test_role_page_leads_with_what_great_looks_like(page) -> None:
    page.set_viewport_size(PHONE)
    page.goto("roles/account-management/")
    ids = _heading_ids(page)
    great = ids.index("what-great-looks-like")
    assert great == 0, ids
    assert great < ids.index("plays-by-deal-stage") < ids.index("training")
    for reference in ("responsibilities", "common-metrics", "sample-position-titles", "how-this-profile-is-sorted"):
        assert ids.index("training") < ids.index(reference), (reference, ids)
    _fits_a_phone(page)


def test_play_page_leads_with_what_the_rep_says_and_asks(page) -> None:
    page.set_viewport_size(PHONE)
    page.goto("plays/account-growth-review/")
    ids = _heading_ids(page)
    assert ids[:4] == ["talk-tracks", "questions-to-ask", "activities-to-manage", "behaviors-to-coach"], ids
    assert {"where-it-fits", "content-to-use", "exit-criteria"} <= set(ids[4:])
    assert page.locator("article blockquote").first.bounding_box()["y"] < PHONE["height"]  # a talk track on the first screen
    _fits_a_phone(page)


# --- A cohort page on a given day: the browser's clock is set, in the cohort's time zone. ---


@pytest.fixture
def cohort_on(browser, site_url, watch):
    """Open the cohort page at a moment of local time in Berlin, at 390 px; returns the page."""
    contexts = []

    def open_at(moment: dt.datetime):
        context = browser.new_context(base_url=site_url, viewport=PHONE, timezone_id=ZONE)
        contexts.append(context)
        tab = context.new_page()
        tab.on("console", lambda msg: watch.errors.append(f"console: {msg.text}") if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: watch.errors.append(f"exception: {exc}"))
        tab.clock.set_fixed_time(moment)
        tab.goto(f"cohorts/{COHORT}/")
        tab.locator(".hb-today").wait_for(state="visible")
        return tab

    yield open_at
    for context in contexts:
        context.close()
    assert watch.errors == []


def _berlin(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=ZoneInfo(ZONE))


def _titles(handbook, day: int) -> list[str]:
    """The session titles of a training day (1-based) of the cohort."""
    return [e.planned.session.title for e in handbook.cohort_events[COHORT] if e.planned.day_index + 1 == day]


def _panel(page) -> dict:
    today = page.locator(".hb-today")
    return {
        "status": today.locator(".hb-today__status").inner_text(),
        "leads": today.locator(".hb-today__when strong").all_inner_texts(),
        "sessions": today.locator(".hb-today__sessions").evaluate_all(
            "lists => lists.map(l => [...l.children].map(li => li.childNodes[1].textContent.trim()))"
        ),
    }


def test_cohort_before_its_start_says_when_it_starts_and_what_to_prepare(cohort_on, real_handbook) -> None:
    page = cohort_on(_berlin(2027, 1, 4, 18, 0))
    panel = _panel(page)
    assert panel["status"] == "Starts in 7 days: Monday 11 January 2027."
    assert panel["leads"] == ["Day 1:"]
    assert panel["sessions"] == [_titles(real_handbook, 1)]
    assert "Before: Open a trial account and finish the setup wizard." in page.locator(".hb-today").inner_text()
    _fits_a_phone(page)


def test_cohort_on_day_three_shows_today_and_the_next_day(cohort_on, real_handbook) -> None:
    page = cohort_on(_berlin(2027, 1, 13, 10, 0))
    panel = _panel(page)
    assert panel["status"] == "Week 1, day 3: today (day 3 of 10)"
    assert panel["leads"] == ["Today:", "Next, Week 1, day 4 (day 4):"]
    assert panel["sessions"] == [_titles(real_handbook, 3), _titles(real_handbook, 4)]
    assert "Before: Log in to the CRM training sandbox once to check your access." in page.locator(".hb-today").inner_text()
    today = page.locator("#week-1-day-3")
    assert today.get_attribute("aria-current") == "date"
    assert page.locator("h3[aria-current]").count() == 1
    page.locator(".hb-today a", has_text="Wednesday 13 January 2027").click()
    assert page.evaluate("location.hash") == "#week-1-day-3"
    _fits_a_phone(page)


def test_cohort_inside_week_two_counts_training_days(cohort_on, real_handbook) -> None:
    page = cohort_on(_berlin(2027, 1, 19, 15, 0))  # Tuesday of the second week: the 7th working day
    panel = _panel(page)
    assert panel["status"] == "Week 2, day 2: today (day 7 of 10)"
    assert panel["leads"] == ["Today:", "Next, Week 2, day 3 (day 8):"]
    assert panel["sessions"] == [_titles(real_handbook, 7), _titles(real_handbook, 8)]


def test_cohort_on_a_weekend_points_to_the_next_day(cohort_on, real_handbook) -> None:
    page = cohort_on(_berlin(2027, 1, 16, 12, 0))  # Saturday after week 1
    panel = _panel(page)
    assert panel["status"] == "No sessions today; 5 of 10 days done."
    assert panel["leads"] == ["Next, Week 2, day 1 (day 6):"]
    assert panel["sessions"] == [_titles(real_handbook, 6)]
    assert page.locator("h3[aria-current]").count() == 0


def test_cohort_after_its_end_says_it_has_ended(cohort_on) -> None:
    page = cohort_on(_berlin(2027, 1, 25, 9, 0))
    assert _panel(page) == {"status": "This cohort has ended: its last day was Friday 22 January 2027.", "leads": [], "sessions": []}


def test_cohort_today_is_the_browsers_local_date_not_utc(cohort_on) -> None:
    page = cohort_on(_berlin(2027, 1, 13, 0, 30))  # still 12 January in UTC
    assert _panel(page)["status"] == "Week 1, day 3: today (day 3 of 10)"


def test_cohort_page_without_javascript_keeps_every_day_label_and_date(browser, site_url, real_handbook) -> None:
    context = browser.new_context(base_url=site_url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"cohorts/{COHORT}/")
    assert page.locator(".hb-today").is_hidden()
    labels = page.locator("h3.hb-day .hb-day-number").all_inner_texts()
    assert labels == [f"Day {n}" for n in range(1, 11)]
    dates = page.locator("h3.hb-day").evaluate_all("els => els.map(e => e.dataset.date)")
    events = real_handbook.cohort_events[COHORT]
    assert dates == list(dict.fromkeys(e.date.isoformat() for e in events))
    assert page.get_by_text("Before: Log in to the CRM training sandbox once to check your access.").is_visible()
    context.close()


def test_home_role_picker_turns_the_cards_into_links_to_that_role(page) -> None:
    page.set_viewport_size(PHONE)
    page.goto("")
    sell, manage = page.locator(".hb-audiences > ul > li").nth(0), page.locator(".hb-audiences > ul > li").nth(1)
    assert sell.get_by_role("link", name="My checklist").is_hidden()
    sell.get_by_label("My role").select_option("account-management")
    assert sell.get_by_role("link", name="Find my role").is_hidden()
    names = ("What great looks like", "My checklist", "Plays by stage")
    links = {name: sell.get_by_role("link", name=name).get_attribute("href") for name in names}
    assert links == {
        "What great looks like": "roles/account-management/#what-great-looks-like",
        "My checklist": "roles/account-management/checklist/",
        "Plays by stage": "plays/?role=account-management",
    }
    manage.get_by_label("My team's role").select_option("sales-team-lead")
    hrefs = [manage.get_by_role("link", name=name).get_attribute("href") for name in ("Observe", "Coach", "Hire")]
    assert hrefs == ["roles/sales-team-lead/checklist/", "roles/sales-team-lead/coaching/", "roles/sales-team-lead/hiring/"]
    _fits_a_phone(page)
    # The choice is kept in this browser: back on the home page, the cards still lead to the chosen roles.
    manage.get_by_role("link", name="Observe").click()
    page.wait_for_url("**/roles/sales-team-lead/checklist/")
    page.go_back()
    assert page.locator("select[data-my-role='sell']").input_value() == "account-management"
    assert manage.get_by_role("link", name="Hire").get_attribute("href") == "roles/sales-team-lead/hiring/"
    # Choosing no role again brings back the way to the role directory.
    sell.get_by_label("My role").select_option("")
    assert sell.get_by_role("link", name="Find my role").is_visible()
    assert sell.get_by_role("link", name="Plays by stage").get_attribute("href") == "plays/"


# The layout shifts since the page started loading that no reader input caused (Chromium's Layout Instability API).
LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) total += e.value; }))
        .observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.parametrize("path", ["", "plays/", "roles/account-management/", "roles/account-management/checklist/"])
def test_first_screen_does_not_move_while_its_scripts_start(page, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(path, wait_until="load")
    assert page.evaluate(LAYOUT_SHIFT) < 0.01


def test_home_with_a_role_chosen_earlier_does_not_move_either(page) -> None:
    page.set_viewport_size(PHONE)
    page.goto("")
    page.evaluate("localStorage.setItem('handbook:home:role:sell', 'account-management')")
    page.reload(wait_until="load")
    assert page.locator(".hb-audiences > ul > li").first.get_by_role("link", name="My checklist").is_visible()
    assert page.evaluate(LAYOUT_SHIFT) < 0.01


def test_home_without_javascript_hides_the_widgets_that_need_it(browser, site_url) -> None:
    context = browser.new_context(base_url=site_url, java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto("")
    assert page.locator(".hb-my-role").first.is_hidden()
    assert page.locator("article button.hb-search-open").is_hidden()
    assert page.locator(".hb-audiences").get_by_role("link", name="Find my role").is_visible()
    context.close()
