"""Checklists, scorecards and the role finder in a real browser, as a rep, a manager and a hiring manager use them."""

from __future__ import annotations

import csv
import io

import pytest

CHECKLIST = "roles/account-management/checklist/"


def rate(page, competency: str, behavior: str, value: int) -> None:
    """Click one rating button, as a reader would."""
    page.locator(f'.hb-rate-list[data-competency="{competency}"] fieldset[data-behavior="{behavior}"] label').nth(value - 1).click()


def checked(page, competency: str, behavior: str) -> str | None:
    """The rating shown for a behavior, or None."""
    radios = page.locator(f'.hb-rate-list[data-competency="{competency}"] fieldset[data-behavior="{behavior}"] input[type="radio"]:checked')
    return radios.first.get_attribute("value") if radios.count() else None


def test_rating_and_note_survive_reload_and_instant_navigation(page, real_handbook):
    role = real_handbook.role["account-management"]
    first = real_handbook.competency[role.competencies[0]]
    page.goto(CHECKLIST)
    rate(page, first.id, first.behaviors[0].id, 4)
    page.locator(f'fieldset[data-behavior="{first.behaviors[0].id}"] input[type="text"]').fill("Seen on the Acme QBR")
    page.reload()
    assert checked(page, first.id, first.behaviors[0].id) == "4"
    assert page.locator(f'fieldset[data-behavior="{first.behaviors[0].id}"] input[type="text"]').input_value() == "Seen on the Acme QBR"
    # Away and back through Material's instant navigation (no full page load).
    page.locator("a", has_text="Account Management profile").first.click()
    page.wait_for_url("**/roles/account-management/")
    page.locator("a.md-button", has_text="Behavior checklist").click()
    page.wait_for_url(f"**/{CHECKLIST}")
    assert checked(page, first.id, first.behaviors[0].id) == "4"


def test_modes_keep_separate_ratings_and_reset_clears_one(page, real_handbook):
    role = real_handbook.role["account-management"]
    competency = real_handbook.competency[role.competencies[1]]
    behavior = competency.behaviors[0].id
    page.goto(CHECKLIST)
    rate(page, competency.id, behavior, 2)
    page.locator('input[name="hb-mode"][value="manager"]').check()
    assert checked(page, competency.id, behavior) is None
    rate(page, competency.id, behavior, 5)
    row = page.locator(f'.hb-scores tr[data-competency="{competency.id}"]')
    assert row.locator('[data-cell="self"]').inner_text() == "2.0"
    assert row.locator('[data-cell="manager"]').inner_text() == "5.0"
    assert row.locator('[data-cell="gap"]').inner_text() == "3.0"
    # Biggest disagreement first.
    assert page.locator(".hb-scores tbody tr").first.get_attribute("data-competency") == competency.id
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('button[data-action="reset"]').click()
    assert checked(page, competency.id, behavior) is None
    page.locator('input[name="hb-mode"][value="self"]').check()
    assert checked(page, competency.id, behavior) == "2"


def test_export_then_import_on_a_fresh_browser(page, browser, site_url, real_handbook, tmp_path, watch):
    role = real_handbook.role["account-management"]
    competencies = real_handbook.role_competencies(role)
    page.goto(CHECKLIST)
    page.locator('input[name="hb-mode"][value="manager"]').check()
    rated = [(c.id, b.id, 1 + (i % 5)) for i, (c, b) in enumerate((c, b) for c in competencies for b in c.behaviors[:2])]
    for competency, behavior, value in rated:
        rate(page, competency, behavior, value)
    tricky = 'Said "great call", then: next steps, owners\nand dates'
    page.locator(f'fieldset[data-behavior="{rated[0][1]}"] input[type="text"]').fill(tricky.replace("\n", " "))
    with page.expect_download() as download_info:
        page.locator('button[data-action="export"]').click()
    path = tmp_path / "ratings.csv"
    download_info.value.save_as(path)

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == sum(len(c.behaviors) for c in competencies)
    assert {(r["role"], r["mode"]) for r in rows} == {("account-management", "manager")}
    assert sorted((r["competency"], r["behavior"], int(r["rating"])) for r in rows if r["rating"]) == sorted(rated)
    first = next(r for r in rows if r["behavior"] == rated[0][1])
    assert first["note"] == tricky.replace("\n", " ")
    assert first["behavior_text"] == " ".join(competencies[0].behaviors[0].text.split())

    fresh = browser.new_context(base_url=site_url)
    other = fresh.new_page()
    other.on("pageerror", lambda exc: watch.errors.append(f"exception: {exc}"))
    other.goto(CHECKLIST)
    other.locator('input[data-action="import"]').set_input_files(str(path))
    other.locator(".hb-status", has_text="Imported").wait_for()
    assert other.locator(".hb-status").inner_text().startswith(f"Imported {len(rated)} ratings and 1 note into the manager observation.")
    # Importing never changes who is rating: the reader switches to the imported mode themselves.
    assert other.locator('input[name="hb-mode"][value="self"]').is_checked()
    other.locator('input[name="hb-mode"][value="manager"]').check()
    for competency, behavior, value in rated:
        assert checked(other, competency, behavior) == str(value)
    fresh.close()


def test_import_refuses_another_roles_file(page, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("role,mode,competency,behavior,rating,note\nconsultant,self,x,y,3,\n", encoding="utf-8")
    page.goto(CHECKLIST)
    page.locator('input[data-action="import"]').set_input_files(str(path))
    status = page.locator(".hb-status")
    status.wait_for()
    assert status.inner_text() == "Row 2 is for the role 'consultant', not 'account-management': nothing was imported."


def test_summary_radar_and_weakest_competencies(page, real_handbook):
    role = real_handbook.role["account-management"]
    competencies = real_handbook.role_competencies(role)
    page.goto(CHECKLIST)
    assert page.locator(".hb-radar__series--self").count() == 0
    for index, competency in enumerate(competencies):
        rate(page, competency.id, competency.behaviors[0].id, 1 + index % 5)
    # Account Management has two dimensions: bars, one per dimension, rather than a flat radar.
    bars = page.locator(".hb-radar__series--self rect")
    assert bars.count() == 2
    assert bars.first.bounding_box()["width"] > 20
    axes = page.locator(".hb-radar__grid text").evaluate_all("els => els.map(e => e.textContent)")
    assert axes == [d.name for d in real_handbook.dimensions if any(c.dimension == d.id for c in competencies)]
    weakest = page.locator(".hb-weakest li:not([hidden]) > a:first-child").all_inner_texts()
    scores = sorted(((1 + i % 5, c.name) for i, c in enumerate(competencies)), key=lambda pair: pair[0])
    assert set(weakest) == {name for _, name in scores[:3]}  # ties may come in either order
    first = page.locator(".hb-weakest li:not([hidden]) > a:first-child").first
    assert first.get_attribute("href").startswith("../../../competencies/")
    fit = page.locator(".hb-fit tbody tr[data-role]").first.locator('[data-cell="fit"]').inner_text()
    # Account Management shares one competency with each other role: too few for a fit to mean anything.
    assert fit.startswith("Too few shared competencies to compare")


def test_print_hides_navigation_and_controls(page):
    page.goto(CHECKLIST)
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".hb-toolbar").is_visible()
    assert page.locator(".hb-behavior").first.is_visible()
    breaks = page.locator(".hb-checklist__competency").evaluate_all("els => els.map(e => getComputedStyle(e).breakBefore)")
    assert set(breaks) == {"page"}


def test_scorecard_weighted_total_is_saved(page, real_handbook):
    card = real_handbook.scorecard
    role = real_handbook.role["new-business-development"]
    criteria = [(t.id, t.weight) for t in card.traits] + [(c, card.competency_weight) for c in role.competencies]
    scores = {cid: 3 + (i * 2) % 8 for i, (cid, _) in enumerate(criteria)}
    page.goto(f"roles/{role.id}/hiring/")
    page.locator('input[name="candidate"]').fill("Jordan Lee")
    for cid, score in scores.items():
        page.locator(f'input[name="score--{cid}"]').fill(str(score))
    weighted = sum(scores[c] * w for c, w in criteria) / sum(w for _, w in criteria)
    # A band's minimum per criterion counts as well as its minimum total.
    band = next(b.label for b in card.bands if weighted >= b.min and (b.min_each is None or min(scores.values()) >= b.min_each))
    assert page.locator('output[name="total"]').inner_text() == f"{weighted:.1f}"
    assert page.locator('output[name="band"]').inner_text() == band
    page.reload()
    assert page.locator('input[name="candidate"]').input_value() == "Jordan Lee"
    assert page.locator('output[name="total"]').inner_text() == f"{weighted:.1f}"
    page.emulate_media(media="print")
    assert not page.locator(".hb-toolbar").is_visible()
    assert page.locator(".hb-scorecard__table").is_visible()


def _answer_path(handbook, role_id: str) -> dict[str, str]:
    """Answer every question the way a given profile does (its first answer each time)."""
    return {question: answers[0] for question, answers in handbook.role[role_id].profile.items()}


@pytest.mark.parametrize(
    "role_id", ["sales-team-lead", "inbound-inside-sales", "strategic-account-director", "customer-service-representative"]
)
def test_role_finder_reaches_the_profile(page, real_handbook, role_id: str):
    answers = _answer_path(real_handbook, role_id)
    page.goto("")
    for question, answer in answers.items():
        page.locator(f'.hb-finder input[name="{question}"][value="{answer}"]').check()
    shown = page.locator(".hb-finder__roles li:not([hidden])").evaluate_all("els => els.map(e => e.dataset.role)")
    expected = [
        r.id for r in real_handbook.roles if all(a in r.profile[q] for q, a in answers.items())
    ]  # every profile that gives these answers too
    assert role_id in shown
    assert shown == expected
    page.locator(".hb-finder button[type=reset]").click()
    page.wait_for_function("document.querySelectorAll('.hb-finder__roles li:not([hidden])').length > 10")


def test_checklist_can_be_rated_with_the_keyboard_alone(page, real_handbook):
    role = real_handbook.role["account-management"]
    first = real_handbook.competency[role.competencies[0]]
    page.goto(CHECKLIST)
    radio = page.locator(f'fieldset[data-behavior="{first.behaviors[0].id}"] input[type="radio"]').first
    radio.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert checked(page, first.id, first.behaviors[0].id) == "3"
    # The focused rating shows a visible focus ring on its circle.
    outline = page.evaluate("getComputedStyle(document.activeElement.nextElementSibling).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Tab")
    page.keyboard.type("Heard it on a call")
    page.reload()
    assert checked(page, first.id, first.behaviors[0].id) == "3"
    assert page.locator(f'fieldset[data-behavior="{first.behaviors[0].id}"] input[type="text"]').input_value() == "Heard it on a call"


def test_export_names_who_was_rated_and_the_date_and_old_files_still_import(page, real_handbook, tmp_path):
    import datetime

    competency = real_handbook.role_competencies(real_handbook.role["account-management"])[0]
    behavior = competency.behaviors[0].id
    page.goto(CHECKLIST)
    page.locator('input[name="hb-person"]').fill("rep-042")
    rate(page, competency.id, behavior, 3)
    page.reload()
    assert page.locator('input[name="hb-person"]').input_value() == "rep-042"  # kept for the next export
    with page.expect_download() as download_info:
        page.locator('button[data-action="export"]').click()
    path = tmp_path / "ratings.csv"
    download_info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    local_date = "(() => { const d = new Date(); return new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10); })()"
    today = page.evaluate(local_date)
    assert {(r["person"], r["date"]) for r in rows} == {("rep-042", today)}
    assert abs(datetime.date.fromisoformat(today) - datetime.date.today()).days <= 1

    old = tmp_path / "old.csv"  # an export from before the person and date columns
    old.write_text(
        f"role,mode,competency,behavior,rating,note,competency_name,behavior_text\r\naccount-management,self,{competency.id},{behavior},5,,x,y\r\n",
        encoding="utf-8",
    )
    page.once("dialog", lambda dialog: dialog.accept())  # replaces the self-assessment rated above
    page.locator('input[data-action="import"]').set_input_files(str(old))
    page.locator(".hb-status", has_text="Imported 1 rating into the self-assessment").wait_for()
    assert checked(page, competency.id, behavior) == "5"
    assert page.locator('input[name="hb-person"]').input_value() == "rep-042"  # a file without a person changes nothing


def test_manager_importing_a_reps_file_rates_the_same_person(page, real_handbook, tmp_path):
    competency = real_handbook.role_competencies(real_handbook.role["account-management"])[0]
    behavior = competency.behaviors[0].id
    header = "role,mode,competency,behavior,rating,note,competency_name,behavior_text,person,date\r\n"
    rep = tmp_path / "rep.csv"
    rep.write_text(header + f"account-management,self,{competency.id},{behavior},4,,x,y,rep-007,2026-11-30\r\n", encoding="utf-8")
    page.goto(CHECKLIST)
    page.locator('input[name="hb-mode"][value="manager"]').check()
    page.locator('input[data-action="import"]').set_input_files(str(rep))
    page.locator(".hb-status", has_text="Who is rated is now 'rep-007'").wait_for()
    assert page.locator('input[name="hb-person"]').input_value() == "rep-007"
    assert page.locator('input[name="hb-mode"][value="manager"]').is_checked()

    # A name the manager typed is never overwritten by a file for someone else.
    page.locator('input[name="hb-person"]').fill("rep-009")
    page.locator('input[name="hb-person"]').dispatch_event("change")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('input[data-action="import"]').set_input_files(str(rep))
    page.locator(".hb-status", has_text="The file rated 'rep-007'; Who is rated still says 'rep-009'.").wait_for()
    assert page.locator('input[name="hb-person"]').input_value() == "rep-009"
