"""Layer 3 for training: curriculum, week, certification, exam, cohort and coverage pages as a reader sees them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from sites import FIXTURES, copy_fixture, mkdocs_build

from macros.handbook.schedule import is_working_day


def _text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def _section(article, section_id: str) -> list:
    """The elements between a heading and the next heading of the same level."""
    heading = article.find(id=section_id)
    assert heading is not None, section_id
    out = []
    for sibling in heading.find_next_siblings():
        if sibling.name == heading.name or {"hb-credit", "hb-sources"} & set(sibling.get("class", [])):
            break  # the next section, or the credit and file list under the page (page_credit.html)
        out.append(sibling)
    return out


def test_curriculum_schedule_lists_every_session_with_a_working_anchor(real_site, real_handbook):
    for curriculum in real_handbook.curricula:
        article = real_site.article(f"curricula/{curriculum.id}/")
        planned = real_handbook.planned_sessions[curriculum.id]
        rows = [
            row
            for table in _section(article, "schedule")
            if table.name == "div" or table.name == "table"
            for row in table.select("tbody tr")
        ]
        assert [_text(row.find_all("td")[1]) for row in rows] == [p.session.title for p in planned], curriculum.id
        for row, item in zip(rows, planned, strict=True):
            cells = row.find_all("td")
            assert _text(cells[2]) == item.format_label
            assert _text(cells[4]) == item.teacher_label
            href = cells[1].a["href"]
            assert href == f"week-{item.week}/#{item.anchor}", href
        roles = {a["href"] for a in article.select("li a") if a["href"].startswith("../../roles/")}
        assert roles == {f"../../roles/{r}/" for r in curriculum.roles}
        for week_number in range(1, len(curriculum.weeks) + 1):
            week = real_site.article(f"curricula/{curriculum.id}/week-{week_number}/")
            anchors = [h["id"] for h in week.select("h3[id^='session-']")]
            assert anchors == [p.anchor for p in planned if p.week == week_number]
            days = [_text(h).rstrip("¶").strip() for h in week.select("h2")]
            assert days == [f"Day {n}: {day.title}" for n, day in enumerate(curriculum.weeks[week_number - 1].days, start=1)]


def test_week_page_shows_objectives_pre_work_materials_and_competency_links(real_site, real_handbook):
    article = real_site.article("curricula/onboarding-bootcamp/week-1/")
    text = _text(article)
    session = real_handbook.curriculum["onboarding-bootcamp"].weeks[0].days[0].sessions[0]
    for item in (*session.objectives, *session.pre_work, *session.materials):
        assert item in text
    heading = article.find(id="session-product-overview")
    links = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        links += [a["href"] for a in sibling.select("a")]
    assert links == [f"../../../competencies/{c}/" for c in session.competencies]


def test_competency_and_role_pages_link_back_to_training(real_site, real_handbook):
    for competency in real_handbook.competencies:
        listed = [
            a for el in _section(real_site.article(f"competencies/{competency.id}/"), "sessions-that-develop-it") for a in el.select("a")
        ]
        sessions = real_handbook.sessions_by_competency[competency.id]
        if not sessions:
            assert [a["href"] for a in listed] == ["../../curricula/"], competency.id
            continue
        assert [_text(a) for a in listed] == [p.session.title for p in sessions], competency.id
        assert [a["href"] for a in listed] == [f"../../curricula/{p.week_ref}/#{p.anchor}" for p in sessions]
    for role in real_handbook.roles:
        listed = [a["href"] for el in _section(real_site.article(f"roles/{role.id}/"), "training") for a in el.select("a")]
        assert listed == [f"../../curricula/{c.id}/" for c in real_handbook.curricula_by_role[role.id]], role.id
        assert listed, role.id


def test_certification_pages_print_the_rubric_as_a_table(real_site, real_handbook):
    for certification in real_handbook.certifications:
        article = real_site.article(f"certifications/{certification.id}/")
        table = article.select_one(".hb-rubric table")
        scale = sorted(certification.rubric[0].scores)
        assert [_text(th) for th in table.select("thead th")] == [
            "Behavior the evaluator looks for",
            *(f"What earns a {score}" for score in scale),
            "Score",
        ]
        rows = table.select("tbody tr")
        assert len(rows) == len(certification.rubric)
        for row, behavior in zip(rows, certification.rubric, strict=True):
            cells = row.find_all("td")
            assert _text(cells[0].strong) == behavior.behavior
            assert [_text(c) for c in cells[1:-1]] == [behavior.scores[s] for s in scale]
            assert _text(cells[-1]) == ""  # left blank for the evaluator
        assert "never the trainee's hiring manager" in _text(article)
        assert f"every behavior scores {certification.pass_score} or more" in _text(article)
        # Wide page for the table: no navigation sidebar.
        assert real_site.html(f"certifications/{certification.id}/").select_one(".md-sidebar--primary[hidden]") is not None


def test_exam_page_lists_the_question_bank(real_site, real_handbook):
    exam = real_handbook.exam["bootcamp-knowledge-exam"]
    article = real_site.article(f"exams/{exam.id}/")
    rows = article.select("tbody tr")
    assert [_text(r.find_all("td")[1]) for r in rows] == [q.question for q in exam.questions]
    assert f"Pass mark: {exam.pass_mark}%" in _text(article)
    assert "knowledge-exam" in article.select_one("li a[href*='week-2']")["href"]


def test_coverage_lists_every_competency_and_those_no_session_develops(real_site, real_handbook):
    article = real_site.article("coverage/")
    rows = {_text(r.find("td").a): r for r in article.select("tbody tr")}
    assert set(rows) == {c.name for c in real_handbook.competencies}
    missing = [c for c in real_handbook.competencies if not real_handbook.sessions_by_competency[c.id]]
    for competency in real_handbook.competencies:
        sessions = real_handbook.sessions_by_competency[competency.id]
        cell = rows[competency.name].find_all("td")[1]
        assert [_text(a) for a in cell.select("a")] == [p.session.title for p in sessions]
        assert (_text(cell) == "None") == (not sessions)
    listed = [_text(a) for el in _section(article, "not-developed") for a in el.select("a")]
    assert listed == [c.name for c in missing]
    assert f"{len(real_handbook.competencies) - len(missing)} of the {len(real_handbook.competencies)} competencies" in _text(article)


def test_cohort_page_shows_real_dates_ticks_and_the_calendar(real_site, real_handbook):
    for cohort in real_handbook.cohorts:
        article = real_site.article(f"cohorts/{cohort.id}/")
        events = real_handbook.cohort_events[cohort.id]
        boxes = article.select(f".hb-cohort[data-cohort='{cohort.id}'] input.hb-tick[type=checkbox]")
        assert [b["data-session"] for b in boxes] == [e.planned.session.id for e in events]
        assert [b["data-week"] for b in boxes] == [str(e.planned.week) for e in events]
        labels = [_text(b.parent) for b in boxes]
        assert labels == [f"{e.time_label} {e.planned.session.title}" for e in events]
        day_headings = [_text(h).rstrip("¶").strip() for h in article.select("h3")]
        days = list(dict.fromkeys((e.planned.day_index + 1, e.date_label, e.date.isoformat()) for e in events))
        assert [h.split(":")[0] for h in day_headings] == [f"Day {n} {label}" for n, label, _ in days]
        # The browser picks "today" from these dates; the page itself already carries them.
        assert [h["data-date"] for h in article.select("h3.hb-day")] == [iso for _, _, iso in days]
        link = article.select_one("a[download]")
        assert link["href"] == f"../{cohort.id}.ics"
        assert (real_site.root / "cohorts" / f"{cohort.id}.ics").is_file()
    april = _text(real_site.article("cohorts/onboarding-2027-03/"))
    assert "no sessions on Friday 26 March 2027 or Monday 29 March 2027" in april


def test_each_cohort_calendar_parses_with_one_event_per_session_on_working_days(real_site, real_handbook):
    for cohort in real_handbook.cohorts:
        raw = (real_site.root / "cohorts" / f"{cohort.id}.ics").read_bytes()
        assert raw.count(b"\r\n") == raw.count(b"\n"), "every line ends with CRLF"
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
        calendar = icalendar.Calendar.from_ical(raw)
        events = calendar.walk("VEVENT")
        expected = real_handbook.cohort_events[cohort.id]
        assert len(events) == len(real_handbook.planned_sessions[cohort.curriculum]) == len(expected)
        zone = ZoneInfo(cohort.timezone)
        dates = [event.decoded("DTSTART").astimezone(zone).date() for event in events]
        assert dates[0] == cohort.start
        assert all(is_working_day(d) and d not in cohort.holidays and d >= cohort.start for d in dates)
        for event, planned in zip(events, expected, strict=True):
            assert event.decoded("DTSTART") == planned.start
            assert event.decoded("DTEND") == planned.end
            assert str(event["SUMMARY"]) == planned.planned.session.title
            assert str(event["UID"]) == f"{cohort.id}.{planned.planned.session.id}@sales-enablement-handbook"
            assert isinstance(event.decoded("DTSTAMP"), dt.datetime)
        assert len({str(e["UID"]) for e in events}) == len(events)


def test_training_fixture_site_escapes_data_and_stops_on_bad_data(tmp_path: Path):
    config = copy_fixture("tiny", tmp_path)
    data = config.parent / "data"
    shutil.copytree(FIXTURES / "training-data", data, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.md"))
    curriculum = data / "curricula" / "basics.yml"
    curriculum.write_text(
        curriculum.read_text(encoding="utf-8").replace("title: Keep going after a no", 'title: "<b>Keep</b> {{ going }} *after* a no"'),
        encoding="utf-8",
    )
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode == 0, site.output
    cohort = site.article("cohorts/spring/")
    label = cohort.select_one("input[data-session='keep-going']").parent
    assert _text(label) == "09:00–10:00 <b>Keep</b> {{ going }} *after* a no"
    assert cohort.find("b") is None and cohort.find("em") is None
    week = site.article("curricula/basics/week-1/")
    assert _text(week.find(id="session-keep-going")).startswith("<b>Keep</b> {{ going }} *after* a no")
    calendar = icalendar.Calendar.from_ical((site.root / "cohorts" / "spring.ics").read_bytes())
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "<b>Keep</b> {{ going }} *after* a no"
    description = str(calendar.walk("VEVENT")[1]["DESCRIPTION"])
    assert "with commas; semicolons and a long title" in description

    cohorts = data / "cohorts.yml"
    cohorts.write_text(cohorts.read_text(encoding="utf-8").replace("start: 2026-03-06", "start: 2026-02-30"), encoding="utf-8")
    broken = mkdocs_build(config, tmp_path / "broken")
    assert broken.returncode != 0
    assert "data/cohorts.yml:4: cohort 'spring' field 'start': '2026-02-30' is not a date in the calendar" in broken.output
    assert not (tmp_path / "broken").exists()
