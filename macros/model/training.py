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

    id: Id
    title: Text
    format: SessionFormat
    duration: Minutes
    taught_by: Teacher
    competencies: tuple[CompetencyId, ...] = ()
    objectives: tuple[Text, ...] = Field(min_length=1)
    pre_work: tuple[Text, ...] = ()
    materials: tuple[Text, ...] = ()
    assesses: tuple[AssessmentId, ...] = ()  # exams or certifications taken in this session (format: assessment)


class CurriculumDay(Record):
    """One working day of a curriculum: a theme and its sessions, in the order they run."""

    title: Text
    sessions: tuple[Session, ...] = Field(min_length=1, max_length=8)


class CurriculumWeek(Record):
    """One week of a curriculum: up to five working days."""

    title: Text
    goal: Text | None = None
    days: tuple[CurriculumDay, ...] = Field(min_length=1, max_length=5)


class Curriculum(Record):
    """A fixed program that every member of a cohort follows, day by day, and the roles that follow it."""

    id: Id
    name: Text
    summary: Text
    audience: Text
    roles: tuple[RoleId, ...] = Field(min_length=1)
    assessment: Text  # how the program is assessed, in words; the exams and certifications come from its sessions
    weeks: tuple[CurriculumWeek, ...] = Field(min_length=1)


class ExamQuestion(Record):
    """One question of an exam's question bank, with what a good answer covers."""

    id: Id
    question: Text
    competency: CompetencyId
    good_answer: Text


class Exam(Record):
    """A knowledge check drawn from a question bank, passed at a mark."""

    id: Id
    name: Text
    summary: Text
    pass_mark: StrictInt = Field(ge=1, le=100)  # percent of the drawn questions answered well
    questions_drawn: StrictInt = Field(gt=0)
    on_fail: Text
    questions: tuple[ExamQuestion, ...] = Field(min_length=1)


RubricScore = Literal[1, 2, 3, 4, 5]


class RubricBehavior(Record):
    """One behavior the evaluator looks for in a certification role play, and what earns each score."""

    id: Id
    behavior: Text
    competencies: tuple[CompetencyId, ...] = Field(min_length=1)
    scores: dict[RubricScore, Text] = Field(min_length=2)


class Certification(Record):
    """A role play for one sales stage, scored with a rubric, that a trainee passes before working the stage with buyers."""

    id: Id
    name: Text
    stage: Text
    summary: Text
    role_play: Text
    evaluator: Evaluator
    pass_score: RubricScore  # every behavior must score at least this
    rubric: tuple[RubricBehavior, ...] = Field(min_length=1)


class Cohort(Record):
    """A group of hires who start a curriculum together on a given date."""

    id: Id
    name: Text
    curriculum: CurriculumId
    start: StrictDate
    day_starts: ClockTime = "09:00"  # local time the first session of each day begins
    timezone: Text = "UTC"  # an IANA time zone name, e.g. Europe/Berlin
    location: Text | None = None
    holidays: tuple[StrictDate, ...] = ()  # working days the cohort does not meet
