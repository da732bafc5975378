"""Cohort progress: tick a session off, reload, and the tick and the week's progress are still there."""

from __future__ import annotations

import json

COHORT = "onboarding-2027-01"


def test_ticked_session_survives_a_reload_and_counts_in_its_week(page) -> None:
    page.goto(f"cohorts/{COHORT}/")
    week_one = page.locator(".hb-cohort-progress[data-week='1']")
    total = page.locator("input.hb-tick[data-week='1']").count()
    assert week_one.inner_text() == f"0 of {total} sessions done"

    box = page.get_by_role("checkbox", name="Product overview")
    box.focus()
    page.keyboard.press("Space")  # keyboard-usable: a real checkbox
    assert box.is_checked()
    assert week_one.inner_text() == f"1 of {total} sessions done"

    page.reload()
    box = page.get_by_role("checkbox", name="Product overview")
    assert box.is_checked()
    assert page.locator(".hb-cohort-progress[data-week='1']").inner_text() == f"1 of {total} sessions done"
    assert page.locator(".hb-cohort-progress[data-week='2']").inner_text().startswith("0 of ")
    overall = page.locator(".hb-cohort-progress[data-week='all']").inner_text()
    assert overall.startswith("1 of ")
    stored = page.evaluate(f"window.localStorage.getItem('handbook:cohort:{COHORT}')")
    assert json.loads(stored) == ["product-overview"]

    # Another cohort of the same curriculum keeps its own progress.
    page.goto("cohorts/onboarding-2027-03/")
    assert not page.get_by_role("checkbox", name="Product overview").is_checked()


def test_calendar_link_downloads_the_ics_file(page) -> None:
    page.goto(f"cohorts/{COHORT}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the calendar (.ics)").click()
    assert download.value.suggested_filename == f"{COHORT}.ics"
    assert download.value.path().read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


TRAINING_PAGES = [
    "curricula/",
    "curricula/onboarding-bootcamp/",
    "curricula/onboarding-bootcamp/week-2/",
    "certifications/discovery-call-certification/",
    "exams/bootcamp-knowledge-exam/",
    "coverage/",
]


def test_training_pages_open_offline_without_errors(page) -> None:
    for url in TRAINING_PAGES:
        page.goto(url)
        assert page.locator("article h1").first.is_visible(), url
