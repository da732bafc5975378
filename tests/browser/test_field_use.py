"""The handbook in the field: a manager rating on a phone during a ride-along, a rep's file passed on, a cohort day."""

from __future__ import annotations

import json

from test_assessments import CHECKLIST, checked, rate

PHONE = {"width": 390, "height": 844}


def _stored(page, mode: str) -> dict:
    """The ratings one mode of the Account Management checklist keeps in localStorage."""
    raw = page.evaluate(f"window.localStorage.getItem('handbook:checklist:account-management:{mode}')")
    return json.loads(raw)["ratings"] if raw else {}


def _self_assessment_csv(path, rows: list[tuple[str, str, int]]) -> None:
    lines = ["role,mode,competency,behavior,rating,note"] + [f"account-management,self,{c},{b},{v}," for c, b, v in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_importing_a_reps_self_assessment_keeps_the_manager_rating_as_manager(page, real_handbook, tmp_path):
    role = real_handbook.role["account-management"]
    first, second = (real_handbook.competency[c] for c in role.competencies[:2])
    total = sum(len(real_handbook.competency[c].behaviors) for c in role.competencies)
    page.goto(CHECKLIST)
    page.locator('input[name="hb-mode"][value="manager"]').check()
    rate(page, first.id, first.behaviors[0].id, 4)
    path = tmp_path / "rep.csv"
    _self_assessment_csv(path, [(second.id, second.behaviors[0].id, 2), (second.id, second.behaviors[1].id, 3)])
    page.locator('input[data-action="import"]').set_input_files(str(path))
    status = page.locator(".hb-status")
    status.wait_for()
    assert status.inner_text() == (
        "Imported 2 ratings into the self-assessment. You are still rating as Manager observation; "
        "choose Self-assessment under Who is rating to see the imported ratings."
    )
    assert page.locator('input[name="hb-mode"][value="manager"]').is_checked()
    assert page.locator(".hb-rating-as__text").inner_text() == f"Manager observation: 1 of {total} rated"
    # The manager's next rating goes into the manager observation, never into the rep's self-assessment.
    rate(page, second.id, second.behaviors[2].id, 5)
    assert _stored(page, "manager") == {f"{first.id}/{first.behaviors[0].id}": 4, f"{second.id}/{second.behaviors[2].id}": 5}
    assert _stored(page, "self") == {f"{second.id}/{second.behaviors[0].id}": 2, f"{second.id}/{second.behaviors[1].id}": 3}
    assert page.locator(".hb-rating-as__text").inner_text() == f"Manager observation: 2 of {total} rated"
    page.locator('input[name="hb-mode"][value="self"]').check()
    assert checked(page, second.id, second.behaviors[0].id) == "2"
    assert page.locator(".hb-rating-as__text").inner_text() == f"Self-assessment: 2 of {total} rated"


def test_import_asks_before_replacing_saved_ratings(page, real_handbook, tmp_path):
    role = real_handbook.role["account-management"]
    first = real_handbook.competency[role.competencies[0]]
    page.goto(CHECKLIST)
    rate(page, first.id, first.behaviors[0].id, 4)
    page.locator('input[name="hb-mode"][value="manager"]').check()
    path = tmp_path / "rep.csv"
    _self_assessment_csv(path, [(first.id, first.behaviors[1].id, 1)])
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.locator('input[data-action="import"]').set_input_files(str(path))
    status = page.locator(".hb-status")
    status.wait_for()
    assert messages == ["This browser already holds a self-assessment for this role. Replace it with the file's ratings?"]
    assert status.inner_text() == "Nothing was imported: the saved self-assessment stays as it was."
    assert _stored(page, "self") == {f"{first.id}/{first.behaviors[0].id}": 4}
    assert page.locator('input[name="hb-mode"][value="manager"]').is_checked()


def test_who_is_rating_stays_in_sight_on_a_phone(browser, site_url, real_handbook):
    role = real_handbook.role["account-management"]
    last = real_handbook.competency[role.competencies[-1]]
    context = browser.new_context(base_url=site_url, viewport=PHONE)
    page = context.new_page()
    page.goto(CHECKLIST)
    page.locator('input[name="hb-mode"][value="manager"]').check()
    rate(page, last.id, last.behaviors[-1].id, 3)  # far down the page: the toolbar scrolled away long ago
    bar = page.locator(".hb-rating-as")
    assert page.locator(".hb-toolbar").evaluate("el => el.getBoundingClientRect().bottom < 0")
    box = bar.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] and box["width"] <= PHONE["width"]
    assert bar.inner_text().startswith("Manager observation: 1 of ")
    # Nothing rated hides behind the bar: the last behavior's note line can be scrolled above it.
    page.mouse.wheel(0, 100000)
    page.wait_for_timeout(200)
    footer_text = page.locator(".md-footer-meta").bounding_box()
    assert footer_text["y"] + footer_text["height"] <= box["y"] + 1 or page.locator(".md-footer").evaluate(
        "el => parseFloat(getComputedStyle(el).paddingBottom) > 0"
    )
    bar.locator("button").click()
    assert page.evaluate("document.activeElement.name") == "hb-mode"
    context.close()
