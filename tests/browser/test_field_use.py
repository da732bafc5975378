"""The handbook in the field: a manager rating on a phone during a ride-along, a rep's file passed on, a cohort day."""

from __future__ import annotations

import csv
import io
import json

import pytest
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


def _criteria(handbook, role_id: str) -> list[tuple[str, str]]:
    """The scorecard's criteria for a role, in page order: (id, name)."""
    card = handbook.scorecard
    return [(t.id, t.name) for t in card.traits] + [(c, handbook.competency[c].name) for c in handbook.role[role_id].competencies]


def test_scorecard_recommends_only_when_every_criterion_is_scored(page, real_handbook):
    criteria = _criteria(real_handbook, "new-business-development")
    page.goto("roles/new-business-development/hiring/")
    for cid, _ in criteria[:5]:
        page.locator(f'input[name="score--{cid}"]').fill("9")
    assert page.locator('output[name="total"]').inner_text() == f"9.0 (5 of {len(criteria)} scored)"
    assert page.locator('output[name="band"]').inner_text() == "–"
    assert page.locator('output[name="reason"]').inner_text() == (
        f"No recommendation until every criterion is scored: {len(criteria) - 5} of {len(criteria)} still to score."
    )
    for cid, _ in criteria[5:]:
        page.locator(f'input[name="score--{cid}"]').fill("9")
    assert page.locator('output[name="band"]').inner_text() == "Strong hire"
    assert page.locator('output[name="reason"]').inner_text() == ""


def test_scorecard_band_needs_every_criterion_at_its_minimum(page, real_handbook):
    card = real_handbook.scorecard
    strong = next(b for b in card.bands if b.label == "Strong hire")
    assert strong.min_each == 4  # the data says what the band text says: no criterion below 4
    criteria = _criteria(real_handbook, "new-business-development")
    page.goto("roles/new-business-development/hiring/")
    for cid, _ in criteria:
        page.locator(f'input[name="score--{cid}"]').fill("9")
    weak_id, weak_name = criteria[1]
    page.locator(f'input[name="score--{weak_id}"]').fill("2")
    total = float(page.locator('output[name="total"]').inner_text())
    assert total >= strong.min  # the total alone would still say Strong hire
    expected = next(b.label for b in card.bands if total >= b.min and b.min_each is None)
    assert page.locator('output[name="band"]').inner_text() == expected == "Hold"
    assert page.locator('output[name="reason"]').inner_text() == (
        f"Not Strong hire or Hire, which need every criterion at 4 or more: {weak_name} scored 2."
    )
    page.locator(f'input[name="score--{weak_id}"]').fill("4")
    assert page.locator('output[name="band"]').inner_text() == "Strong hire"
    # The bands table states the condition too, for paper.
    assert page.locator("table", has_text="Weighted total").last.locator("td:first-child", has_text="and no criterion below 4").count() == 2


def test_development_needs_are_only_competencies_below_the_level(page, real_handbook):
    role = real_handbook.role["account-management"]
    competencies = real_handbook.role_competencies(role)
    target = real_handbook.rating_for(real_handbook.expected_level(role)).value
    page.goto(CHECKLIST)
    none = page.locator(".hb-weakest-none")
    assert none.inner_text() == "Nothing is rated yet in the self-assessment."
    rate(page, competencies[0].id, competencies[0].behaviors[0].id, 5)
    assert page.locator(".hb-weakest li:not([hidden])").count() == 0
    assert none.inner_text() == f"Every competency rated so far in the self-assessment meets the expected level ({target})."
    for competency in competencies[1:]:
        rate(page, competency.id, competency.behaviors[0].id, 5)
    low = competencies[2]
    rate(page, low.id, low.behaviors[1].id, 1)
    rate(page, low.id, low.behaviors[2].id, 1)
    assert 7 / 3 < target  # the average of 5, 1 and 1 is below the level; every other competency is above it
    shown = page.locator(".hb-weakest li:not([hidden])").evaluate_all("els => els.map(e => e.dataset.competency)")
    assert shown == [low.id]
    assert none.is_hidden()


def test_role_fit_waits_for_half_of_the_other_roles_competencies(page, real_handbook):
    role = real_handbook.role["consultative-solution-sales"]
    competencies = real_handbook.role_competencies(role)
    lead = real_handbook.role["sales-team-lead"]  # a management role sharing 6 of its 8 competencies
    page.goto("roles/consultative-solution-sales/checklist/")
    rows = page.locator(".hb-fit tbody tr[data-role]")

    def fits() -> dict[str, str]:
        return dict(rows.evaluate_all("els => els.map(e => [e.dataset.role, e.querySelector('[data-cell=fit]').textContent])"))

    first = next(c for c in competencies if c.id in lead.competencies)
    rate(page, first.id, first.behaviors[0].id, 5)
    assert fits()["sales-team-lead"] == "Not enough rated: 1 of 8 (needs 4)"
    for competency in competencies:
        rate(page, competency.id, competency.behaviors[0].id, 5)
    shown = fits()
    assert shown["sales-team-lead"] == "100% on 6 rated of 8"
    for other_id, fit in shown.items():
        other = real_handbook.role[other_id]
        shared = len(set(other.competencies) & set(role.competencies))
        if other_id != "sales-team-lead":
            assert shared * 2 < len(other.competencies)
            assert fit == f"Too few shared competencies to compare (needs {-(-len(other.competencies) // 2)} of {len(other.competencies)})"
    # Roles with a fit come before those without one.
    assert rows.first.get_attribute("data-role") == "sales-team-lead"


def test_printed_checklist_has_no_screen_notices_or_empty_note_hints(page, real_handbook):
    role = real_handbook.role["account-management"]
    first = real_handbook.competency[role.competencies[0]]
    page.goto(CHECKLIST)
    rate(page, first.id, first.behaviors[0].id, 4)
    rate(page, first.id, first.behaviors[1].id, 2)
    page.locator(f'fieldset[data-behavior="{first.behaviors[1].id}"] input[type="text"]').fill("Seen on the Acme QBR")
    notice = page.locator(".admonition", has_text="Your ratings stay in this browser")
    assert notice.is_visible()
    page.emulate_media(media="print")
    assert notice.is_hidden()
    note = 'fieldset[data-behavior="{}"] input[type="text"]'
    assert page.locator(note.format(first.behaviors[0].id)).is_hidden()  # rated, no note: nothing to print
    assert page.locator(note.format(first.behaviors[1].id)).is_visible()  # the note written
    unrated = page.locator(note.format(first.behaviors[2].id))
    assert unrated.is_visible()  # a line to write on
    assert unrated.evaluate("el => getComputedStyle(el, '::placeholder').color") == "rgba(0, 0, 0, 0)"


def test_printed_scorecard_has_no_screen_notice(page):
    page.goto("roles/new-business-development/hiring/")
    notice = page.locator(".admonition", has_text="Scores stay in this browser")
    assert notice.is_visible()
    page.emulate_media(media="print")
    assert notice.is_hidden()


NOTES = [
    '=HYPERLINK("http://example.com","click")',
    "+1 on pricing",
    "-5% discount asked",
    "@Sam to follow up",
    "'quoted' by the buyer",
    "''",
    "plain note",
]


def test_exported_notes_never_become_formulas_and_import_restores_them(page, browser, site_url, real_handbook, tmp_path, watch):
    competencies = real_handbook.role_competencies(real_handbook.role["account-management"])
    behaviors = [(c.id, b.id) for c in competencies for b in c.behaviors][: len(NOTES)]
    page.goto(CHECKLIST)
    for (competency, behavior), note in zip(behaviors, NOTES, strict=True):
        rate(page, competency, behavior, 3)
        page.locator(f'fieldset[data-behavior="{behavior}"] input[type="text"]').fill(note)
    with page.expect_download() as download_info:
        page.locator('button[data-action="export"]').click()
    path = tmp_path / "ratings.csv"
    download_info.value.save_as(path)
    rows = {r["behavior"]: r for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}
    # Every cell a spreadsheet would run as a formula starts with a quote; a quote already there is doubled.
    assert [rows[b]["note"] for _, b in behaviors] == ["'" + note if note[0] in "=+-@'" else note for note in NOTES]
    assert not any(cell[:1] in ("=", "+", "-", "@") for row in rows.values() for cell in row.values())

    fresh = browser.new_context(base_url=site_url)
    other = fresh.new_page()
    other.on("pageerror", lambda exc: watch.errors.append(f"exception: {exc}"))
    other.goto(CHECKLIST)
    other.locator('input[data-action="import"]').set_input_files(str(path))
    other.locator(".hb-status", has_text="Imported").wait_for()
    for (_, behavior), note in zip(behaviors, NOTES, strict=True):
        assert other.locator(f'fieldset[data-behavior="{behavior}"] input[type="text"]').input_value() == note
    fresh.close()


def test_one_or_two_dimensions_draw_bars_and_more_draw_a_radar(page, real_handbook):
    role = real_handbook.role["account-management"]
    competencies = real_handbook.role_competencies(role)
    dimensions = [d for d in real_handbook.dimensions if any(c.dimension == d.id for c in competencies)]
    assert len(dimensions) == 2
    page.goto(CHECKLIST)
    for competency in competencies:
        rate(page, competency.id, competency.behaviors[0].id, 5 if competency.dimension == dimensions[0].id else 2)
    assert page.locator(".hb-radar polygon").count() == 0
    bars = page.locator(".hb-radar__series--self rect")
    widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
    expected = page.locator(".hb-radar__series--expected rect").first.bounding_box()["width"]
    assert len(widths) == 2 and widths[0] == pytest.approx(widths[1] * 5 / 2, rel=0.01)
    target = real_handbook.rating_for(real_handbook.expected_level(role)).value
    assert expected == pytest.approx(widths[0] * target / 5, rel=0.01)
    labels = page.locator(".hb-radar__grid text").evaluate_all("els => els.map(e => e.textContent)")
    assert labels == [d.name for d in dimensions]
    # The bars sit inside the chart's box: nothing drawn outside the figure.
    figure = page.locator(".hb-radar").bounding_box()
    chart = page.locator(".hb-radar svg").evaluate("el => { const b = el.getBBox(); return [b.width, b.height]; }")
    assert chart[0] <= 340 and figure["width"] > 0

    page.goto("roles/consultative-solution-sales/checklist/")
    five = real_handbook.role_competencies(real_handbook.role["consultative-solution-sales"])
    for competency in five:
        rate(page, competency.id, competency.behaviors[0].id, 4)
    assert page.locator(".hb-radar__series--self polygon").count() == 1
    assert page.locator(".hb-radar rect").count() == 0


# --- Phones: every kind of page fits a 360 or 390 px screen, and every control is big enough to tap. ---

SMALL_TARGETS = """() => {
  const shown = el => { const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && r.right > 0 && r.left < window.innerWidth; };
  const small = [];
  document.querySelectorAll("a[href], button, input, select, textarea, label").forEach(el => {
    if (el.tagName === "LABEL" && !el.control) return;
    // A visually hidden radio, checkbox or file input is operated through its label: measure the label.
    const box = el.tagName === "INPUT" && el.closest("label") && getComputedStyle(el).opacity === "0" ? el.closest("label") : el;
    if (!shown(box) || el.closest("[hidden], .md-sidebar, dialog:not([open])")) return;
    const r = box.getBoundingClientRect();
    const name = (el.textContent || el.name || "").trim().slice(0, 40);
    if (r.width < 24 || r.height < 24) small.push(`${el.tagName} '${name}' ${Math.round(r.width)}x${Math.round(r.height)}`);
  });
  return small;
}"""


def _phone(browser, site_url: str, width: int, watch):
    context = browser.new_context(base_url=site_url, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.on("pageerror", lambda exc: watch.errors.append(f"exception: {exc}"))
    return context, page


@pytest.mark.parametrize("width", [360, 390])
def test_every_kind_of_page_fits_a_phone_and_its_controls_are_big_enough(browser, site_url, watch, width: int):
    from test_every_page_kind import PAGES

    context, page = _phone(browser, site_url, width, watch)
    wide, small = {}, {}
    for url in [*PAGES, CHECKLIST]:
        page.goto(url)
        if url == CHECKLIST:  # with the summary shown: chart and tables too
            page.locator(".hb-behavior__scale label").first.click()
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide[url] = scroll
        if targets := page.evaluate(SMALL_TARGETS):
            small[url] = targets
    context.close()
    assert wide == {}, f"pages wider than a {width} px screen"
    assert small == {}, "controls smaller than 24 x 24 px"


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("url", ["", CHECKLIST, "roles/account-management/hiring/", "cohorts/onboarding-2027-01/"])
def test_every_control_is_big_enough_to_tap_on_a_phone(browser, site_url, watch, width: int, url: str):
    context, page = _phone(browser, site_url, width, watch)
    page.goto(url)
    if url == CHECKLIST:
        page.locator(".hb-behavior__scale label").first.click()
    assert page.evaluate(SMALL_TARGETS) == []
    if url == CHECKLIST:
        heights = page.locator(".hb-behavior__scale label").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
        assert min(heights) >= 44
        # The rating row sits under the behavior's text, which keeps the whole width.
        legend = page.locator(".hb-behavior legend").first.bounding_box()
        assert legend["width"] >= width - 60
    context.close()


BROKEN_WORDS = """() => [...document.querySelectorAll("article table td")].filter(td => {
  const text = td.textContent.trim();
  if (!text || /\\s/.test(text) || text.length > 12 || !td.getClientRects().length) return false;
  const range = document.createRange();
  range.selectNodeContents(td);
  return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;  // on two lines: broken mid-word
}).map(td => td.textContent.trim())"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("url", [CHECKLIST, "roles/account-management/", "competencies/qualifies-prospects-for-fit/"])
def test_table_cells_never_break_an_ordinary_word(page, width: int, url: str):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    assert page.evaluate(BROKEN_WORDS) == []


# Header texts cut short: an ellipsis on one line, or lines clamped away.
CLIPPED_HEADER_TEXTS = """() => [...document.querySelectorAll(".md-header__topic .md-ellipsis")]
  .filter(e => e.getClientRects().length && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
  .map(e => e.textContent.trim())"""


@pytest.mark.parametrize("width", [360, 390])
def test_header_shows_the_whole_site_name_and_page_title_on_a_phone(browser, site_url, watch, width: int):
    context, page = _phone(browser, site_url, width, watch)
    page.goto("roles/account-management/checklist/")
    assert page.evaluate(CLIPPED_HEADER_TEXTS) == []
    # Scrolled past the heading, the header shows the page's title instead of the site name.
    page.mouse.wheel(0, 1200)
    page.locator(".md-header__title--active").wait_for(state="attached")
    assert page.evaluate(CLIPPED_HEADER_TEXTS) == []
    context.close()
