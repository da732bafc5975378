"""Page specs of training: the index, coverage, curricula and their weeks, certifications, exams and cohorts."""

from __future__ import annotations

from ..handbook import Handbook
from ..handbook.schedule import curriculum_days, long_date
from ..model import EVALUATORS
from .listing import is_long_listing
from .paths import PageSpec, files_of, names, page_path, texts, texts_of


def plan_training_pages(hb: Handbook) -> list[PageSpec]:
    """The training section: index, coverage, a page per curriculum and per week, certifications, exams and cohorts."""
    curriculum_files = tuple(hb.source("curriculum", c.id).file for c in hb.curricula)
    cohorts_file = hb.source("cohort", hb.cohorts[0].id).file if hb.cohorts else ""
    missing = tuple(c for c in hb.competencies if not hb.sessions_by_competency[c.id])
    specs = [
        PageSpec(
            page_path("curricula"),
            "Training",
            "curricula_index.md",
            {"handbook": hb},
            curriculum_files + ((cohorts_file,) if cohorts_file else ()),
            "Curricula, cohorts, exams and certifications that new hires follow, day by day.",
            shows=(*names(hb.curricula), *names(hb.cohorts), *names(hb.certifications), *names(hb.exams)),
            related=(*files_of(hb, "certification", hb.certifications), *files_of(hb, "exam", hb.exams)),
        ),
        PageSpec(
            page_path("coverage"),
            "Competency coverage",
            "coverage.md",
            {"handbook": hb, "missing": missing},
            (*curriculum_files, *files_of(hb, "competency", hb.competencies), *files_of(hb, "dimension", hb.dimensions)),
            "Which sessions develop each competency of the library, and which competencies no session develops.",
            shows=(  # a long library is listed by dimension, naming only the competencies no session develops
                (*names(hb.dimensions), *names(missing))
                if is_long_listing(hb.competencies)
                else (*names(hb.competencies), *(p.session.title for sessions in hb.sessions_by_competency.values() for p in sessions))
            ),
        ),
    ]
    for curriculum in hb.curricula:
        planned = hb.planned_sessions[curriculum.id]
        source = (hb.source("curriculum", curriculum.id).file,)
        specs.append(
            PageSpec(
                page_path("curriculum", curriculum.id),
                curriculum.name,
                "curriculum.md",
                {"handbook": hb, "curriculum": curriculum, "planned": planned},
                source,
                curriculum.summary,
                shows=(
                    *texts(curriculum, "name", "summary", "assessment"),
                    *(hb.role[r].name for r in curriculum.roles),
                    *(week.title for week in curriculum.weeks),
                    *(p.session.title for p in planned),
                ),
                related=(
                    *files_of(hb, "role", (hb.role[r] for r in curriculum.roles)),
                    *files_of(hb, "competency", (hb.competency[c] for p in planned for c in p.session.competencies)),
                ),
            )
        )
        for number, week in enumerate(curriculum.weeks, start=1):
            this_week = tuple(p for p in planned if p.week == number)
            specs.append(
                PageSpec(
                    page_path("curriculum-week", f"{curriculum.id}/week-{number}"),
                    f"Week {number}: {week.title}",
                    "curriculum_week.md",
                    {
                        "handbook": hb,
                        "curriculum": curriculum,
                        "week": week,
                        "number": number,
                        "planned": this_week,
                    },
                    source,
                    week.goal or f"Week {number} of {curriculum.name}, day by day.",
                    shows=(
                        week.title,
                        *(day.title for day in week.days),
                        *texts_of((p.session for p in this_week), "title", "objectives", "pre_work", "materials"),
                        *(hb.competency[c].name for p in this_week for c in p.session.competencies),
                    ),
                )
            )
    for certification in hb.certifications:
        specs.append(
            PageSpec(
                page_path("certification", certification.id),
                certification.name,
                "certification.md",
                {
                    "handbook": hb,
                    "certification": certification,
                    "evaluator": EVALUATORS[certification.evaluator],
                    "sittings": hb.sessions_by_assessment[certification.id],
                },
                (hb.source("certification", certification.id).file,),
                certification.summary,
                hide=("navigation", "toc"),  # the rubric table needs the width, on screen and on paper
                shows=(*texts(certification, "name", "stage", "role_play"), *texts_of(certification.rubric, "behavior", "scores")),
            )
        )
    for exam in hb.exams:
        specs.append(
            PageSpec(
                page_path("exam", exam.id),
                exam.name,
                "exam.md",
                {"handbook": hb, "exam": exam, "sittings": hb.sessions_by_assessment[exam.id]},
                (hb.source("exam", exam.id).file,),
                exam.summary,
                shows=(*texts(exam, "name", "on_fail"), *texts_of(exam.questions, "question", "good_answer")),
            )
        )
    for cohort in hb.cohorts:
        curriculum = hb.curriculum[cohort.curriculum]
        specs.append(
            PageSpec(
                page_path("cohort", cohort.id),
                cohort.name,
                "cohort.md",
                {
                    "handbook": hb,
                    "cohort": cohort,
                    "curriculum": curriculum,
                    "events": hb.cohort_events[cohort.id],
                    "holidays": tuple(long_date(day) for day in cohort.holidays),
                    "days": curriculum_days(curriculum),
                },
                (cohorts_file, hb.source("curriculum", curriculum.id).file),
                f"{cohort.name}: the {curriculum.name} schedule on real dates, with a calendar to import and progress to tick off.",
                shows=(
                    cohort.name,
                    curriculum.name,
                    *(e.planned.session.title for e in hb.cohort_events[cohort.id]),
                    *(e.date_label for e in hb.cohort_events[cohort.id]),
                    *texts_of((e.planned.session for e in hb.cohort_events[cohort.id]), "pre_work"),
                ),
            )
        )
    return specs
