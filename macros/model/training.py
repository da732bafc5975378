"""The training model: curricula of weeks, days and sessions, exams, certifications and cohorts."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StrictInt, StringConstraints
from pydantic.types import Strict  # cohort dates are YAML dates, never numbers or quoted text

from .base import AssessmentId, CompetencyId, CurriculumId, Id, Record, RoleId, Text

# Closed vocabularies: the values the data may use, and how a page says each one.
TEACHERS = {
    "top-performer": "A top performer",
    "frontline-manager": "A frontline manager",
    "enablement": "The enablement team",
    "sales-trainer": "A sales trainer",
    "head-of-sales": "The head of sales",
}
Teacher = Literal["top-performer", "frontline-manager", "enablement", "sales-trainer", "head-of-sales"]

# Never the trainee's hiring manager: they chose the hire and would grade their own choice (see FORBIDDEN_VALUES).
EVALUATORS = {
    "sales-trainer": "A sales trainer",
    "enablement": "The enablement team",
    "peer-manager": "A frontline manager from another team",
}
Evaluator = Literal["sales-trainer", "enablement", "peer-manager"]

# Values that look plausible but are refused on purpose, with the reason an author is told: (field, value) -> reason.
FORBIDDEN_VALUES = {
    ("evaluator", "hiring-manager"): (
        "the evaluator may not be the trainee's hiring manager, who chose the hire and would be grading that choice"
    ),
}

# Verbs a trainer can observe a trainee doing; an objective such as "Understand X" cannot be checked.
ACTION_VERBS = frozenset(
    """
    analyze answer apply ask assess build calculate choose classify close compare complete conduct create deliver demonstrate
    describe design diagnose draft explain facilitate find give handle identify lead list listen map name negotiate open
    plan practice prepare present prioritize qualify rank read recognize record reframe respond review run score select
    set share summarize tailor use write
    """.split()
)


def objective_verb(objective: str) -> str:
    """The first word of a learning objective, lowercased and without punctuation."""
    words = objective.split()
    return words[0].strip(".,:;").lower() if words else ""


FORMATS = {
    "training": "Training",
    "practice": "Practice",
    "learning": "Learning",
    "coaching": "Coaching",
    "assessment": "Assessment",
}
SessionFormat = Literal["training", "practice", "learning", "coaching", "assessment"]
Minutes = Annotated[StrictInt, Field(gt=0, le=240)]  # one session; longer blocks are split so a cohort can take breaks
StrictDate = Annotated[date, Strict()]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


class Session(Record):
    """One block of a curriculum day: a class, a practice round, a debrief, a coaching slot or an assessment sitting."""

    id: Id = Field(description="Unique within the curriculum; the session's anchor and calendar entry.")
    title: Text = Field(description="What the session is called on the schedule.")
    format: SessionFormat = Field(description="What kind of session it is.")
    duration: Minutes = Field(description="Length in minutes.")
    taught_by: Teacher = Field(description="Who runs the session.")
    competencies: tuple[CompetencyId, ...] = Field((), description="The competencies it develops; required except for assessment sessions.")
    objectives: tuple[Text, ...] = Field(min_length=1, description="What trainees can do afterwards, each starting with an action verb.")
    pre_work: tuple[Text, ...] = Field((), description="What trainees do before the session.")
    materials: tuple[Text, ...] = Field((), description="What the session needs.")
    assesses: tuple[AssessmentId, ...] = Field(
        (), description="The exams or certifications taken in the session (assessment sessions only)."
    )  # exams or certifications taken in this session (format: assessment)


class CurriculumDay(Record):
    """One working day of a curriculum: a theme and its sessions, in the order they run."""

    title: Text = Field(description="The day's theme.")
    sessions: tuple[Session, ...] = Field(min_length=1, max_length=8, description="The day's sessions, in the order they run.")


class CurriculumWeek(Record):
    """One week of a curriculum: up to five working days."""

    title: Text = Field(description="The week's theme.")
    goal: Text | None = Field(None, description="What the week should achieve.")
    days: tuple[CurriculumDay, ...] = Field(min_length=1, max_length=5, description="The week's days, in order.")


class Curriculum(Record):
    """A fixed program that every member of a cohort follows, day by day, and the roles that follow it."""

    id: Id = Field(description="The file name without .yml; the page is /curricula/<id>/.")
    name: Text = Field(description="The program's name.")
    summary: Text = Field(description="What the program is, in a few sentences.")
    audience: Text = Field(description="Who the program is for.")
    roles: tuple[RoleId, ...] = Field(min_length=1, description="The roles that follow the program.")
    assessment: Text = Field(
        description="How the program is assessed, in words; the exams and certifications come from its sessions."
    )  # how the program is assessed, in words; the exams and certifications come from its sessions
    weeks: tuple[CurriculumWeek, ...] = Field(min_length=1, description="The program, week by week.")


class ExamQuestion(Record):
    """One question of an exam's question bank, with what a good answer covers."""

    id: Id = Field(description="Unique within the exam.")
    question: Text = Field(description="The question as asked.")
    competency: CompetencyId = Field(description="The competency the question checks.")
    good_answer: Text = Field(description="What a good answer covers.")


class Exam(Record):
    """A knowledge check drawn from a question bank, passed at a mark."""

    id: Id = Field(description="The file name without .yml; the page is /exams/<id>/.")
    name: Text = Field(description="The exam's name.")
    summary: Text = Field(description="What the exam checks.")
    pass_mark: StrictInt = Field(
        ge=1, le=100, description="Percent of the drawn questions that must be answered well."
    )  # percent of the drawn questions answered well
    questions_drawn: StrictInt = Field(gt=0, description="How many questions of the bank each sitting uses.")
    on_fail: Text = Field(description="What happens after a failed sitting.")
    questions: tuple[ExamQuestion, ...] = Field(min_length=1, description="The question bank.")


RubricScore = Literal[1, 2, 3, 4, 5]


class RubricBehavior(Record):
    """One behavior the evaluator looks for in a certification role play, and what earns each score."""

    id: Id = Field(description="Unique within the rubric.")
    behavior: Text = Field(description="What the evaluator looks for.")
    competencies: tuple[CompetencyId, ...] = Field(min_length=1, description="The competencies the behavior shows.")
    scores: dict[RubricScore, Text] = Field(min_length=2, description="What earns each score, from 1 to 5.")


class Certification(Record):
    """A role play for one sales stage, scored with a rubric, that a trainee passes before working the stage with buyers."""

    id: Id = Field(description="The file name without .yml; the page is /certifications/<id>/.")
    name: Text = Field(description="The certification's name.")
    stage: Text = Field(description="The sales stage it certifies, in words.")
    summary: Text = Field(description="What the certification checks.")
    role_play: Text = Field(description="The scenario the trainee plays through.")
    evaluator: Evaluator = Field(description="Who scores the role play; never the trainee's hiring manager.")
    pass_score: RubricScore = Field(description="The score every behavior must reach at least.")  # every behavior must score at least this
    rubric: tuple[RubricBehavior, ...] = Field(min_length=1, description="The behaviors the evaluator scores.")


class Cohort(Record):
    """A group of hires who start a curriculum together on a given date."""

    id: Id = Field(description="Unique among cohorts; the page is /cohorts/<id>/.")
    name: Text = Field(description="The cohort's name.")
    curriculum: CurriculumId = Field(description="The curriculum the cohort follows.")
    start: StrictDate = Field(description="The first day of week 1.")
    day_starts: ClockTime = Field(
        "09:00", description="Local time the first session of each day begins."
    )  # local time the first session of each day begins
    timezone: Text = Field(
        "UTC", description="An IANA time zone name, such as Europe/Berlin."
    )  # an IANA time zone name, e.g. Europe/Berlin
    location: Text | None = Field(None, description="Where the cohort meets.")
    holidays: tuple[StrictDate, ...] = Field(
        (), description="Working days the cohort does not meet."
    )  # working days the cohort does not meet
