"""Layer 1 for training: curricula, exams, certifications and cohorts, with the exact messages authors see."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from sites import FIXTURES

from macros.errors import DataError
from macros.handbook.schedule import add_working_days, is_working_day, week_dates, working_days
from macros.loading import load_handbook
from macros.site.calendar import cohort_calendar

CURRICULUM = "curricula/basics.yml"
CERTIFICATION = "certifications/store-call.yml"
EXAM = "exams/store-exam.yml"
COHORTS = "cohorts.yml"


def training_data(tmp_path: Path) -> Path:
    """The tiny data set with one curriculum, exam, certification and cohort laid over it."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny" / "data", data)
    shutil.copytree(FIXTURES / "training-data", data, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.md"))
    return data


def problems_after(tmp_path: Path, file: str, change) -> list[str]:
    """Apply one change to one training file and return every reported problem."""
    data = training_data(tmp_path)
    path = data / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_handbook(data, require_complete=True)  # gaps (content not written yet) count as problems here
    return [str(problem) for problem in caught.value.problems]


def test_training_data_loads_and_is_indexed(tmp_path: Path):
    handbook = load_handbook(training_data(tmp_path))
    assert [c.id for c in handbook.curricula] == ["basics"]
    assert [p.session.id for p in handbook.sessions_by_competency["demonstrates-perseverance"]] == ["keep-going", "keep-going-practice"]
    assert [c.id for c in handbook.curricula_by_role["floor-sales"]] == ["basics"]
    assert [p.session.id for p in handbook.sessions_by_assessment["store-call"]] == ["final-check"]
    planned = handbook.planned_sessions["basics"]
    assert [(p.week, p.day, p.day_index, p.anchor) for p in planned] == [
        (1, 1, 0, "session-keep-going"),
        (1, 1, 0, "session-keep-going-practice"),
        (1, 2, 1, "session-final-check"),
    ]
    events = handbook.cohort_events["spring"]
    assert [(e.start.isoformat(), e.end.isoformat()) for e in events] == [
        ("2026-03-06T09:00:00+01:00", "2026-03-06T10:00:00+01:00"),
        ("2026-03-06T10:15:00+01:00", "2026-03-06T11:00:00+01:00"),
        ("2026-03-09T09:00:00+01:00", "2026-03-09T09:30:00+01:00"),  # Friday start: day two is Monday
    ]
    assert events[2].date_label == "Monday 9 March 2026"
    assert events[0].time_label == "09:00–10:00"


CASES = {
    "unknown competency": (
        CURRICULUM,
        lambda s: s.replace("competencies: [demonstrates-perseverance]", "competencies: [demonstrates-perseverence]", 1),
        [
            "data/curricula/basics.yml:17: curriculum 'basics' field 'weeks[0].days[0].sessions[0].competencies[0]': unknown competency "
            "'demonstrates-perseverence'. Fix: did you mean 'demonstrates-perseverance'?"
        ],
    ),
    "week with no days": (
        CURRICULUM,
        lambda s: s[: s.index("    days:")] + "    days: []\n",
        [
            "data/curricula/basics.yml:9: curriculum 'basics' field 'weeks[0].days': expected 1 to 5 days, found 0. "
            "Fix: add a day with its sessions under 'days:', or remove the empty week"
        ],
    ),
    "rubric without scores": (
        CERTIFICATION,
        lambda s: s[: s.index("    scores:")] + "    scores: {}\n",
        [
            "data/certifications/store-call.yml:12: certification 'store-call' field 'rubric[0].scores': expected at least 2 scores, "
            "found 0. Fix: describe what earns each score, e.g. '1:', '3:' and '5:' lines under 'scores:'"
        ],
    ),
    "invalid date": (
        COHORTS,
        lambda s: s.replace("start: 2026-03-06", "start: 2026-02-30"),
        [
            "data/cohorts.yml:4: cohort 'spring' field 'start': '2026-02-30' is not a date in the calendar. "
            "Fix: check the day and the month (YYYY-MM-DD)"
        ],
    ),
    "date written as text": (
        COHORTS,
        lambda s: s.replace("start: 2026-03-06", "start: '6 March'"),
        [
            "data/cohorts.yml:4: cohort 'spring' field 'start': expected a date written YYYY-MM-DD, found '6 March'. "
            "Fix: write the date as YYYY-MM-DD, without quotes"
        ],
    ),
    "zero duration": (
        CURRICULUM,
        lambda s: s.replace("duration: 60", "duration: 0"),
        [
            "data/curricula/basics.yml:15: curriculum 'basics' field 'weeks[0].days[0].sessions[0].duration': expected a number above 0, "
            "found the number 0. Fix: write the session's length in minutes, from 1 to 240; split a longer block into several sessions"
        ],
    ),
    "absurd duration": (
        CURRICULUM,
        lambda s: s.replace("duration: 60", "duration: 600"),
        [
            "data/curricula/basics.yml:15: curriculum 'basics' field 'weeks[0].days[0].sessions[0].duration': expected a number of at "
            "most 240, found the number 600. Fix: write the session's length in minutes, from 1 to 240; split a longer block into "
            "several sessions"
        ],
    ),
    "day longer than a working day": (
        CURRICULUM,
        lambda s: s.replace("duration: 60", "duration: 240").replace("duration: 45", "duration: 200"),
        [
            "data/curricula/basics.yml:10: curriculum 'basics' field 'weeks[0].days[0]': week 1, day 1 has 440 minutes of sessions, "
            "more than the 420 that fit in a working day. Fix: move a session to another day, or shorten one"
        ],
    ),
    "duplicate session id": (
        CURRICULUM,
        lambda s: s.replace("id: keep-going-practice", "id: keep-going"),
        [
            "data/curricula/basics.yml:24: curriculum 'basics' field 'weeks[0].days[0].sessions[1].id': duplicate session id 'keep-going' "
            "(already used on line 12). Fix: give each session of a curriculum its own id: it is the session's link anchor and "
            "calendar entry"
        ],
    ),
    "unknown role": (
        CURRICULUM,
        lambda s: s.replace("roles: [floor-sales]", "roles: [floor-sale]"),
        ["data/curricula/basics.yml:5: curriculum 'basics' field 'roles[0]': unknown role 'floor-sale'. Fix: did you mean 'floor-sales'?"],
    ),
    "unknown curriculum": (
        COHORTS,
        lambda s: s.replace("curriculum: basics", "curriculum: basic"),
        ["data/cohorts.yml:3: cohort 'spring' field 'curriculum': unknown curriculum 'basic'. Fix: did you mean 'basics'?"],
    ),
    "unknown teacher": (
        CURRICULUM,
        lambda s: s.replace("taught_by: top-performer", "taught_by: top-performers"),
        [
            "data/curricula/basics.yml:16: curriculum 'basics' field 'weeks[0].days[0].sessions[0].taught_by': expected one of "
            "'top-performer', 'frontline-manager', 'enablement', 'sales-trainer' or 'head-of-sales', found 'top-performers'. "
            "Fix: did you mean 'top-performer'?"
        ],
    ),
    "unknown format": (
        CURRICULUM,
        lambda s: s.replace("format: training", "format: lecture"),
        [
            "data/curricula/basics.yml:14: curriculum 'basics' field 'weeks[0].days[0].sessions[0].format': expected one of 'training', "
            "'practice', 'learning', 'coaching' or 'assessment', found 'lecture'. Fix: use one of 'training', 'practice', 'learning', "
            "'coaching' or 'assessment'"
        ],
    ),
    "objective without an action verb": (
        CURRICULUM,
        lambda s: s.replace("- Explain why a visitor says no.", "- Understand why a visitor says no."),
        [
            "data/curricula/basics.yml:19: curriculum 'basics' field 'weeks[0].days[0].sessions[0].objectives[0]': the objective starts "
            "with 'Understand', which is not an action verb a trainer can observe. Fix: start with a verb a trainer can observe, such "
            "as Explain, Demonstrate, Ask, Qualify or Present (the full list is ACTION_VERBS in macros/model/training.py)"
        ],
    ),
    "objective with a misspelled verb": (
        CURRICULUM,
        lambda s: s.replace("- Explain why a visitor says no.", "- Explains why a visitor says no."),
        [
            "data/curricula/basics.yml:19: curriculum 'basics' field 'weeks[0].days[0].sessions[0].objectives[0]': the objective starts "
            "with 'Explains', which is not an action verb a trainer can observe. Fix: did you mean 'Explain'?"
        ],
    ),
    "assessment session without an assessment": (
        CURRICULUM,
        lambda s: s.replace("            assesses: [store-exam, store-call]\n", ""),
        [
            "data/curricula/basics.yml:36: curriculum 'basics' field 'weeks[0].days[1].sessions[0].assesses': an assessment session names "
            "no exam or certification. Fix: list the exam or certification ids taken in this session under 'assesses:'"
        ],
    ),
    "unknown certification": (
        CURRICULUM,
        lambda s: s.replace("assesses: [store-exam, store-call]", "assesses: [store-exam, store-cal]"),
        [
            "data/curricula/basics.yml:39: curriculum 'basics' field 'weeks[0].days[1].sessions[0].assesses[1]': unknown exam or "
            "certification 'store-cal'. Fix: did you mean 'store-call'?"
        ],
    ),
    "hiring manager as evaluator": (
        CERTIFICATION,
        lambda s: s.replace("evaluator: sales-trainer", "evaluator: hiring-manager"),
        [
            "data/certifications/store-call.yml:6: certification 'store-call' field 'evaluator': the evaluator may not be the trainee's "
            "hiring manager, who chose the hire and would be grading that choice. Fix: use one of: sales-trainer, enablement, peer-manager"
        ],
    ),
    "rubric rows with different scores": (
        CERTIFICATION,
        lambda s: (
            s
            + "  - id: offers-help\n    behavior: Offers help\n    competencies: [demonstrates-perseverance]\n    scores:\n"
            + "      1: Never.\n      5: Always.\n"
        ),
        [
            "data/certifications/store-call.yml:19: certification 'store-call' field 'rubric[1].scores': expected the scores 1, 3, 5 like "
            "the first behavior, found 1, 5. Fix: describe the same scores on every behavior, so the rubric prints as one table"
        ],
    ),
    "exam draws more questions than its bank": (
        EXAM,
        lambda s: s.replace("questions_drawn: 1", "questions_drawn: 5"),
        [
            "data/exams/store-exam.yml:5: exam 'store-exam' field 'questions_drawn': the exam draws 5 questions but its bank has only 1. "
            "Fix: add questions to the bank, or draw fewer"
        ],
    ),
    "cohort starts on a saturday": (
        COHORTS,
        lambda s: s.replace("start: 2026-03-06", "start: 2026-03-07"),
        [
            "data/cohorts.yml:4: cohort 'spring' field 'start': the start date 2026-03-07 is a Saturday, not a working day. "
            "Fix: start on 2026-03-09, the next working day"
        ],
    ),
    "unknown time zone": (
        COHORTS,
        lambda s: s.replace("timezone: Europe/Berlin", "timezone: Europe/Berlim"),
        ["data/cohorts.yml:5: cohort 'spring' field 'timezone': unknown time zone 'Europe/Berlim'. Fix: did you mean 'Europe/Berlin'?"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_training_data_is_reported_exactly(tmp_path: Path, name: str):
    file, change, expected = CASES[name]
    assert problems_after(tmp_path, file, change) == expected


def test_a_role_that_follows_no_curriculum_is_reported(tmp_path: Path):
    data = training_data(tmp_path)
    role = (data / "roles" / "floor-sales.yml").read_text(encoding="utf-8")
    (data / "roles" / "phone-sales.yml").write_text(role.replace("id: floor-sales", "id: phone-sales").replace("Floor", "Phone"))
    with pytest.raises(DataError) as caught:
        load_handbook(data, require_complete=True)
    assert [str(p) for p in caught.value.problems] == [
        "data/roles/phone-sales.yml:1: role 'phone-sales': follows no curriculum, so its new hires would have no training plan. "
        "Fix: add 'phone-sales' to the 'roles' list of a curriculum in data/curricula/"
    ]


def test_a_handbook_without_curricula_needs_none(tmp_path: Path):
    handbook = load_handbook(FIXTURES / "tiny" / "data")
    assert handbook.curricula == () and handbook.cohorts == ()
    assert handbook.curricula_by_role["floor-sales"] == ()


def test_every_training_problem_is_reported_in_one_run(tmp_path: Path):
    data = training_data(tmp_path)
    for file, old, new in [
        (CURRICULUM, "duration: 60", "duration: 0"),
        (CURRICULUM, "- Explain why", "- Know why"),
        (COHORTS, "start: 2026-03-06", "start: 2026-03-07"),
        (CERTIFICATION, "pass_score: 3", "pass_score: 4"),
    ]:
        path = data / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_handbook(data)
    assert [(p.file, p.field) for p in caught.value.problems] == [
        ("data/certifications/store-call.yml", "pass_score"),
        ("data/cohorts.yml", "start"),
        ("data/curricula/basics.yml", "weeks[0].days[0].sessions[0].duration"),
    ]


# Working days: plain functions, checked against a calendar.
MON, FRI, SAT = dt.date(2026, 3, 2), dt.date(2026, 3, 6), dt.date(2026, 3, 7)


def test_working_days_skip_weekends_and_holidays():
    assert is_working_day(MON) and is_working_day(FRI) and not is_working_day(SAT)
    assert not is_working_day(MON, [MON])
    assert add_working_days(MON, 0) == MON
    assert add_working_days(MON, 4) == FRI
    assert add_working_days(FRI, 1) == dt.date(2026, 3, 9)
    assert add_working_days(SAT, 0) == dt.date(2026, 3, 9)  # a weekend start moves to Monday
    assert add_working_days(dt.date(2026, 4, 2), 1, [dt.date(2026, 4, 3), dt.date(2026, 4, 6)]) == dt.date(2026, 4, 7)
    assert working_days(FRI, 3) == [FRI, dt.date(2026, 3, 9), dt.date(2026, 3, 10)]
    with pytest.raises(ValueError):
        add_working_days(MON, -1)


def test_curriculum_weeks_start_a_calendar_week_apart():
    # Four-day weeks started on a Monday leave the Fridays free.
    assert week_dates(MON, [4, 2]) == [
        [MON, dt.date(2026, 3, 3), dt.date(2026, 3, 4), dt.date(2026, 3, 5)],
        [dt.date(2026, 3, 9), dt.date(2026, 3, 10)],
    ]
    # Holidays that push week 1 past the start of week 2 push week 2 along instead of overlapping it.
    easter = [dt.date(2026, 4, 3), dt.date(2026, 4, 6)]
    weeks = week_dates(dt.date(2026, 4, 1), [5, 2], easter)
    assert weeks[0][-1] == dt.date(2026, 4, 9)
    assert weeks[1] == [dt.date(2026, 4, 10), dt.date(2026, 4, 13)]


# iCalendar text: folding, escaping, line endings.


def test_cohort_calendar_is_escaped_folded_and_in_utc(real_handbook):
    cohort = real_handbook.cohorts[0]
    first = real_handbook.cohort_events[cohort.id][0]
    session = first.planned.session.model_copy(update={"title": "Hello, world; " + "é" * 60})
    event = dataclasses.replace(first, planned=dataclasses.replace(first.planned, session=session))
    text = cohort_calendar(cohort, [event], dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", ""), "every line ends with CRLF"
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), "lines are folded at 75 octets"
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Hello\\, world\\; " + "é" * 60 + "\r\n" in unfolded
    assert f"DTSTART:{event.start.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}\r\n" in unfolded
    assert "DTSTAMP:20260101T000000Z\r\n" in unfolded
