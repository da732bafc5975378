"""The team view in a real browser: a manager loads five reps' checklist CSVs of two roles and reads the team."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from test_assessments import CHECKLIST

TEAM = "team/"
COLUMNS = ["role", "mode", "competency", "behavior", "rating", "note", "competency_name", "behavior_text", "person", "date"]


def checklist_csv(path: Path, hb, role_id: str, mode: str, person: str, date: str, ratings: dict[str, int]) -> Path:
    """A checklist export as checklist.js writes it: every behavior of the role, rated per competency."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for competency in hb.role_competencies(hb.role[role_id]):
        for behavior in competency.behaviors:
            rating = ratings.get(competency.id, "")
            writer.writerow([role_id, mode, competency.id, behavior.id, rating, "", competency.name, behavior.text, person, date])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def team_files(tmp_path: Path, hb) -> tuple[str, str, list[str]]:
    """Five reps: Ana (two dates), Ben and Cai in the first role, Dee and Eve in the second."""
    first, second = "account-management", next(r.id for r in hb.roles if r.id != "account-management")
    ids = [c.id for c in hb.role_competencies(hb.role[first])]
    other = [c.id for c in hb.role_competencies(hb.role[second])]

    def every(ids: list[str], value: int) -> dict[str, int]:
        return dict.fromkeys(ids, value)

    files = [
        checklist_csv(tmp_path / "ana-self-1.csv", hb, first, "self", "Ana", "2026-01-10", every(ids, 3)),
        checklist_csv(tmp_path / "ana-mgr-1.csv", hb, first, "manager", "Ana", "2026-01-10", every(ids, 1)),
        checklist_csv(tmp_path / "ana-self-2.csv", hb, first, "self", "Ana", "2026-06-10", every(ids, 4)),
        checklist_csv(tmp_path / "ana-mgr-2.csv", hb, first, "manager", "Ana", "2026-06-10", every(ids, 2)),
        checklist_csv(tmp_path / "ben-self.csv", hb, first, "self", "Ben", "2026-06-10", every(ids, 3)),
        checklist_csv(tmp_path / "ben-mgr.csv", hb, first, "manager", "Ben", "2026-06-10", {**every(ids, 3), ids[0]: 1}),
        checklist_csv(tmp_path / "cai-mgr.csv", hb, first, "manager", "Cai", "2026-06-10", every(ids, 2)),
        checklist_csv(tmp_path / "dee-self.csv", hb, second, "self", "Dee", "2026-06-11", every(other, 5)),
        checklist_csv(tmp_path / "dee-mgr.csv", hb, second, "manager", "Dee", "2026-06-11", every(other, 4)),
        checklist_csv(tmp_path / "eve-self.csv", hb, second, "self", "Eve", "2026-06-11", {**every(other, 5), other[-1]: 1}),
    ]
    return first, second, [str(f) for f in files]


def test_team_view_from_five_reps_of_two_roles(page, real_handbook, tmp_path):
    hb = real_handbook
    first, second, files = team_files(tmp_path, hb)
    ids = [c.id for c in hb.role_competencies(hb.role[first])]
    expected = hb.rating_for(hb.expected_level(hb.role[first])).value
    assert expected > 7 / 3  # the team's manager average on ids[0] is below it
    page.goto(TEAM)
    page.locator('input[data-action="load"]').set_input_files(files)
    page.locator(".hb-status", has_text="Loaded 10 files").wait_for()

    # Grouped per role, one section each, sorted by role name.
    roles = page.locator("section.hb-team__role")
    assert sorted(roles.evaluate_all("els => els.map(e => e.dataset.role)")) == sorted([first, second])
    team = page.locator(f'section.hb-team__role[data-role="{first}"]')
    assert team.locator(".hb-team__heatmap tbody tr").evaluate_all("rows => rows.map(r => r.dataset.person)") == ["Ana", "Ben", "Cai"]
    assert page.locator(f'section.hb-team__role[data-role="{second}"] .hb-team__heatmap tbody tr').count() == 2

    # Heatmap: the latest date, self and manager side by side.
    cell = team.locator(f'.hb-team__heatmap tr[data-person="Ana"] td[data-competency="{ids[0]}"]')
    assert cell.locator('[data-mode="self"]').inner_text() == "4.0"
    assert cell.locator('[data-mode="manager"]').inner_text() == "2.0"
    band = "near" if expected - 2 <= 1 else "below"
    assert f"hb-team__cell--{band}" in cell.locator('[data-mode="manager"]').get_attribute("class")
    cai = team.locator(f'.hb-team__heatmap tr[data-person="Cai"] td[data-competency="{ids[1]}"]')
    assert cai.locator('[data-mode="self"]').inner_text() == "–"

    # Calibration: Ana rates herself two points above her manager, Ben's is lower than his on one competency.
    assert team.locator('.hb-team__calibration tr[data-person="Ana"] [data-cell="gap"]').inner_text() == "+2.0"
    ben_gap = 2 / len(ids)
    assert team.locator('.hb-team__calibration tr[data-person="Ben"] [data-cell="gap"]').inner_text() == f"+{ben_gap:.1f}"
    assert team.locator('.hb-team__calibration tr[data-person="Cai"] [data-cell="gap"]').inner_text() == "–"

    # Weakest: ids[0] first (manager average (2 + 1 + 2) / 3), with links to what develops it.
    weakest = team.locator(".hb-team__weakest li")
    assert 1 <= weakest.count() <= 3
    assert weakest.first.get_attribute("data-competency") == ids[0]
    assert "manager 1.7 against " + str(expected) in weakest.first.inner_text()
    plays = [p.name for p in hb.plays_by_competency.get(ids[0], ())[:2]]
    links = weakest.first.locator(".hb-develop a").all_inner_texts()
    assert all(name in links for name in plays)
    assert weakest.first.locator("a").first.get_attribute("href").endswith(f"competencies/{ids[0]}/")

    # Trend: only Ana has two dates.
    trend = team.locator(".hb-team__trend tbody tr")
    assert trend.evaluate_all("rows => rows.map(r => [r.dataset.person, r.dataset.date])") == [["Ana", "2026-01-10"], ["Ana", "2026-06-10"]]
    assert trend.nth(0).locator('[data-mode="self"]').inner_text() == "3.0"
    assert trend.nth(1).locator('[data-mode="manager"]').inner_text() == "2.0"
    assert page.locator(f'section.hb-team__role[data-role="{second}"] .hb-team__trend').count() == 0

    # The summary CSV: one row per role, person, date and competency.
    with page.expect_download() as download_info:
        page.locator('button[data-action="export"]').click()
    path = tmp_path / "summary.csv"
    download_info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    other = len(hb.role_competencies(hb.role[second]))
    assert len(rows) == 4 * len(ids) + 2 * other  # Ana twice, Ben, Cai; Dee, Eve
    ana = next(r for r in rows if r["person"] == "Ana" and r["date"] == "2026-06-10" and r["competency"] == ids[0])
    assert (ana["role"], ana["self"], ana["manager"], ana["gap"], ana["expected"]) == (first, "4.0", "2.0", "2.0", str(expected))
    eve = next(r for r in rows if r["person"] == "Eve" and r["competency"] == hb.role_competencies(hb.role[second])[-1].id)
    assert (eve["self"], eve["manager"], eve["gap"]) == ("1.0", "", "")


def test_team_view_fits_a_phone(page, real_handbook, tmp_path):
    _, _, files = team_files(tmp_path, real_handbook)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(TEAM)
    page.locator('input[data-action="load"]').set_input_files(files)
    page.locator(".hb-status", has_text="Loaded 10 files").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    boxes = page.locator(".hb-team__scroll").evaluate_all("els => els.map(e => [e.scrollWidth, e.clientWidth])")
    assert any(scroll > client for scroll, client in boxes)  # the wide heatmap scrolls inside its box
    for control in page.locator(".hb-team button, .hb-team label.md-button").all():
        box = control.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24


def test_old_checklist_csv_without_person_or_date_loads_under_its_file_name(page, real_handbook, tmp_path):
    hb = real_handbook
    competency = hb.role_competencies(hb.role["account-management"])[0]
    path = tmp_path / "old-rep.csv"
    path.write_text(
        "role,mode,competency,behavior,rating,note,competency_name,behavior_text\r\n"
        f"account-management,self,{competency.id},{competency.behaviors[0].id},2,,x,y\r\n",
        encoding="utf-8",
    )
    page.goto(TEAM)
    page.locator('input[data-action="load"]').set_input_files(str(path))
    page.locator(".hb-status", has_text="Loaded 1 file").wait_for()
    cell = page.locator(f'.hb-team__heatmap tr[data-person="old-rep"] td[data-competency="{competency.id}"]')
    assert cell.locator('[data-mode="self"]').inner_text() == "2.0"


def test_files_dropped_on_the_page_load_and_print_shows_only_the_results(page, real_handbook, tmp_path):
    hb = real_handbook
    ids = [c.id for c in hb.role_competencies(hb.role["account-management"])]
    path = checklist_csv(tmp_path / "x.csv", hb, "account-management", "self", "=HYPERLINK(1)", "2026-06-10", dict.fromkeys(ids, 2))
    page.goto(TEAM)
    page.evaluate(
        """text => {
            const data = new DataTransfer();
            data.items.add(new File([text], "dropped.csv", { type: "text/csv" }));
            const drop = new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
            document.querySelector(".hb-team__drop").dispatchEvent(drop);
        }""",
        path.read_text(encoding="utf-8"),
    )
    page.locator(".hb-status", has_text="Loaded 1 file").wait_for()
    # The name is shown as text, and neutralised in the summary CSV so a spreadsheet does not run it.
    assert page.locator(".hb-team__heatmap tbody th").inner_text() == "=HYPERLINK(1)"
    with page.expect_download() as download_info:
        page.locator('button[data-action="export"]').click()
    saved = tmp_path / "summary.csv"
    download_info.value.save_as(saved)
    assert {r["person"] for r in csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8")))} == {"'=HYPERLINK(1)"}

    page.emulate_media(media="print")
    assert not page.locator(".hb-team__controls").is_visible()
    assert page.locator(".hb-team-roles").count() == 1 and not page.locator(".hb-team-roles").is_visible()
    assert not page.locator("#roles").is_visible()
    assert page.locator(".hb-team__heatmap").is_visible()


def test_loaded_team_view_has_no_serious_accessibility_violation(page, real_handbook, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    _, _, files = team_files(tmp_path, real_handbook)
    page.goto(TEAM)
    page.locator('input[data-action="load"]').set_input_files(files)
    page.locator(".hb-status", has_text="Loaded 10 files").wait_for()
    violations = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
    assert page.locator(".hb-team__heatmap td .hb-team__sr").first.text_content() == "Self "


def test_team_view_works_after_instant_navigation(page, real_handbook, tmp_path):
    _, _, files = team_files(tmp_path, real_handbook)
    page.goto("roles/")
    page.locator("nav a", has_text="Team view").first.click()
    page.wait_for_url(f"**/{TEAM}")
    page.locator('input[data-action="load"]').set_input_files(files[:2])
    page.locator(".hb-status", has_text="Loaded 2 files").wait_for()
    assert page.locator(".hb-team__heatmap tbody tr").count() == 1


def test_role_data_is_fetched_only_when_files_are_loaded_and_a_failure_is_said(page, real_handbook, tmp_path, watch):
    hb = real_handbook
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(TEAM)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if u.endswith("/team.json")]  # opening the page costs only its HTML
    ids = [c.id for c in hb.role_competencies(hb.role["account-management"])]
    one = checklist_csv(tmp_path / "one.csv", hb, "account-management", "self", "Ana", "2026-06-10", dict.fromkeys(ids, 3))

    page.route("**/team.json", lambda route: route.fulfill(status=503, body="down"))
    page.locator('input[data-action="load"]').set_input_files(str(one))
    page.locator(".hb-status", has_text="Could not read the handbook's roles").wait_for()
    assert "HTTP 503" in page.locator(".hb-status").inner_text()
    assert page.locator(".hb-team__heatmap").count() == 0
    watch.errors[:] = [e for e in watch.errors if "status of 503" not in e]  # the failure this test asked for

    page.unroute("**/team.json")  # the next attempt fetches again and succeeds
    page.locator('input[data-action="load"]').set_input_files(str(one))
    page.locator(".hb-status", has_text="Loaded 1 file").wait_for()
    assert page.locator(".hb-team__heatmap").count() == 1
    assert len([u for u in requested if u.endswith("/team.json")]) == 2


def test_a_name_the_checklist_guarded_against_formulas_reads_as_typed_on_the_team_view(page, real_handbook, tmp_path):
    role = real_handbook.role["account-management"]
    competency = real_handbook.competency[role.competencies[0]]
    page.goto(CHECKLIST)
    page.locator('input[name="hb-person"]').fill("@Sam")
    page.locator(f'fieldset[data-behavior="{competency.behaviors[0].id}"] input[value="3"]').check(force=True)
    with page.expect_download() as download_info:
        page.locator('button[data-action="export"]').click()
    path = tmp_path / "sam.csv"
    download_info.value.save_as(path)
    # The export keeps a spreadsheet from running the name; the team view shows it as the rep typed it.
    assert {r["person"] for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))} == {"'@Sam"}
    page.goto(TEAM)
    page.locator('input[data-action="load"]').set_input_files(str(path))
    page.locator(".hb-status", has_text="Loaded 1 file").wait_for()
    assert page.locator(".hb-team__heatmap tbody th").inner_text() == "@Sam"
