"""Layer 2 for training: the real curricula, exams, certifications and cohorts."""

from __future__ import annotations

import itertools

from macros.handbook.schedule import DEVELOPING_FORMATS, is_working_day
from macros.model import ACTION_VERBS, objective_verb


def test_every_role_follows_a_curriculum(real_handbook):
    assert {r.id for r in real_handbook.roles if not real_handbook.curricula_by_role[r.id]} == set()
    managers = [c.id for c in real_handbook.curricula_by_role["sales-management"]]
    assert managers == ["sales-management-course"]


def test_the_three_seed_curricula(real_handbook):
    assert [c.id for c in real_handbook.curricula] == ["adaptive-competencies-program", "onboarding-bootcamp", "sales-management-course"]
    bootcamp = real_handbook.curriculum["onboarding-bootcamp"]
    assert [len(week.days) for week in bootcamp.weeks] == [5, 5]
    last_day = bootcamp.weeks[-1].days[-1]
    assessed = {a for s in last_day.sessions for a in s.assesses}
    assert assessed == {
        "bootcamp-knowledge-exam",
        "connect-call-certification",
        "discovery-call-certification",
        "presentation-certification",
    }
    # Each bootcamp day before the last pairs two classes, taught by top performers (or the head of sales for the process).
    for week in bootcamp.weeks:
        for day in week.days[:-1] if week is bootcamp.weeks[-1] else week.days:
            trainings = [s for s in day.sessions if s.format == "training"]
            assert len(trainings) == 2, day.title
            assert {s.taught_by for s in trainings} <= {"top-performer", "head-of-sales"}, day.title
    # The adaptive program runs each cycle as training, practice, learning, coaching.
    adaptive = real_handbook.curriculum["adaptive-competencies-program"]
    for week in adaptive.weeks:
        formats = [s.format for day in week.days for s in day.sessions if s.format != "assessment"]
        assert formats == list(DEVELOPING_FORMATS), week.title
    course = real_handbook.curriculum["sales-management-course"]
    titles = " ".join(day.title for week in course.weeks for day in week.days).lower()
    for topic in ("leadership style", "feedback", "mentoring and coaching", "conflict", "change", "team", "active listening"):
        assert topic in titles, topic


def test_sessions_are_well_formed(real_handbook):
    for curriculum in real_handbook.curricula:
        ids = [p.session.id for p in real_handbook.planned_sessions[curriculum.id]]
        assert len(ids) == len(set(ids)), curriculum.id
        for planned in real_handbook.planned_sessions[curriculum.id]:
            session = planned.session
            assert all(objective_verb(o) in ACTION_VERBS for o in session.objectives), session.id
            assert all(c in real_handbook.competency for c in session.competencies), session.id
            assert (session.format == "assessment") == bool(session.assesses), session.id


def test_every_exam_and_certification_is_taken_somewhere(real_handbook):
    for record in (*real_handbook.exams, *real_handbook.certifications):
        assert real_handbook.sessions_by_assessment[record.id], record.id
    for certification in real_handbook.certifications:
        assert certification.evaluator != "hiring-manager"
        assert len({tuple(sorted(row.scores)) for row in certification.rubric}) == 1, certification.id
    exam = real_handbook.exam["bootcamp-knowledge-exam"]
    assert exam.questions_drawn <= len(exam.questions)


def test_cohorts_meet_on_working_days_only(real_handbook):
    assert len(real_handbook.cohorts) >= 3
    for cohort in real_handbook.cohorts:
        events = real_handbook.cohort_events[cohort.id]
        assert len(events) == len(real_handbook.planned_sessions[cohort.curriculum]), cohort.id
        assert events[0].date == cohort.start
        assert all(is_working_day(e.date, cohort.holidays) for e in events), cohort.id
        starts = [e.start for e in events]
        assert starts == sorted(starts), cohort.id
        assert all(a.end <= b.start for a, b in itertools.pairwise(events)), cohort.id


def test_coverage_names_the_competencies_no_session_develops(real_handbook):
    developed = {c for c, sessions in real_handbook.sessions_by_competency.items() if sessions}
    assert developed <= set(real_handbook.competency)
    assert 0 < len(developed) < len(real_handbook.competencies)
