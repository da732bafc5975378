"""Typed, frozen models: one per kind of record in data/."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, StrictInt, StringConstraints, Tag, model_validator
from pydantic.types import Strict  # training: cohort dates are YAML dates, never numbers or quoted text (issue #4)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


class Record(BaseModel):
    """Base for every data record: unknown keys are errors and records never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Family(Record):
    """A group of related role profiles (sales, sales management, service)."""

    id: Id
    name: Text
    description: Text


class Dimension(Record):
    """A big category that groups related competencies, such as Business Acumen."""

    id: Id
    name: Text
    description: Text


class ProficiencyLevel(Record):
    """One proficiency standard (good, better, best) every competency is described at."""

    id: Id
    name: Text
    short: Text
    description: Text


class Behavior(Record):
    """An observable job behavior a manager can check on a call or a ride-along."""

    id: Id
    text: Text


EvaluationMethod = Literal["role-play", "behavioral-questions", "reference-checks"]


class HiringGuide(Record):
    """How to assess a candidate on a competency: score anchors, methods and questions."""

    anchors: dict[Literal[1, 5, 10], Text] = Field(min_length=3, max_length=3)
    evaluate_by: tuple[EvaluationMethod, ...] = Field(min_length=1)
    questions: tuple[Text, ...] = Field(min_length=1)


class Competency(Record):
    """A skill, body of knowledge or attribute, broken into 4 to 7 observable behaviors."""

    id: Id
    name: Text
    aliases: tuple[Text, ...] = ()
    dimension: Id
    type: Literal["skill", "knowledge", "attribute"]
    definition: Text
    behaviors: tuple[Behavior, ...] = Field(min_length=4, max_length=7)
    levels: dict[Id, Text]
    hiring: HiringGuide | None = None


class MetricGroup(Record):
    """A metric made of several sub-metrics, as the source profiles list some of them."""

    name: Text
    includes: tuple[Text, ...] = Field(min_length=1)


def _metric_kind(value: object) -> str:
    return "metric-group" if isinstance(value, (dict, MetricGroup)) else "metric-text"


Metric = Annotated[Annotated[Text, Tag("metric-text")] | Annotated[MetricGroup, Tag("metric-group")], Discriminator(_metric_kind)]


class BusinessMix(Record):
    """Share of revenue from new versus existing business, in percent."""

    new: StrictInt = Field(ge=0, le=100)
    existing: StrictInt = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _adds_up(self) -> BusinessMix:
        if self.new + self.existing != 100:
            raise ValueError(f"new and existing must add up to 100, found {self.new} + {self.existing} = {self.new + self.existing}")
        return self


class HowItSells(Record):
    """The facts the source gives about how a role sells."""

    business_mix: BusinessMix | None = None
    sales_cycle: Text | None = None
    buyer_approach: Text | None = None


class Role(Record):
    """A benchmark role profile and the competencies that predict success in it."""

    id: Id
    name: Text
    family: Id
    summary: Text
    responsibilities: tuple[Text, ...] = Field(min_length=1)
    how_it_sells: HowItSells = HowItSells()
    metrics: tuple[Metric, ...] = ()
    titles: tuple[Text, ...] = ()
    competencies: tuple[Id, ...] = Field(min_length=1)
    profile: dict[Id, tuple[Id, ...]]


class Answer(Record):
    """One possible answer to a profile-mapping question."""

    id: Id
    label: Text


class Question(Record):
    """A question that sorts a position towards the right benchmark profile."""

    id: Id
    question: Text
    help: Text
    answers: tuple[Answer, ...] = Field(min_length=2)


class ProfileMapping(Record):
    """The decision guide that sorts a position before a profile is chosen."""

    intro: Text
    questions: tuple[Question, ...] = Field(min_length=1)


# --- Assessments and hiring (checklists, scorecards) ---


class RatingStep(Record):
    """One point of the rating scale used in behavior checklists, optionally tied to a proficiency level."""

    value: StrictInt = Field(ge=1, le=10)
    label: Text
    meaning: Text
    level: Id | None = None


class Assessment(Record):
    """How behaviors are rated in self-assessments and observations, and which level each role is expected at."""

    intro: Text
    scale: tuple[RatingStep, ...] = Field(min_length=3, max_length=10)
    expected_level_from: Id  # the profile-mapping question whose answer sets a role's expected level
    expected_level: dict[Id, Id] = Field(min_length=1)  # answer id -> proficiency level id


class HiringTrait(Record):
    """A trait every hire is scored on, besides the role's competencies (Roberge's five, for example)."""

    id: Id
    name: Text
    definition: Text
    weight: StrictInt = Field(ge=1, le=10)
    anchors: dict[Literal[1, 5, 10], Text] = Field(min_length=3, max_length=3)
    evaluate_by: tuple[EvaluationMethod, ...] = Field(min_length=1)
    how_to_evaluate: tuple[Text, ...] = Field(min_length=1)
    questions: tuple[Text, ...] = Field(min_length=1)


class ScoreBand(Record):
    """A hiring recommendation for weighted totals from `min` (out of 10) upwards."""

    min: float = Field(ge=0, le=10)
    label: Text
    meaning: Text


class HiringScorecard(Record):
    """The scorecard every role's hiring page follows: traits, the weight of each competency, recommendation bands."""

    intro: Text
    competency_weight: StrictInt = Field(ge=1, le=10)
    traits: tuple[HiringTrait, ...] = Field(min_length=1)
    bands: tuple[ScoreBand, ...] = Field(min_length=2)


# --- Training: curricula, exams, certifications and cohorts (issue #4) ---------------------------------------------

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
    taught_by: Id
    competencies: tuple[Id, ...] = ()
    objectives: tuple[Text, ...] = Field(min_length=1)
    pre_work: tuple[Text, ...] = ()
    materials: tuple[Text, ...] = ()
    assesses: tuple[Id, ...] = ()  # exams or certifications taken in this session (format: assessment)


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
    roles: tuple[Id, ...] = Field(min_length=1)
    assessment: Text  # how the program is assessed, in words; the exams and certifications come from its sessions
    weeks: tuple[CurriculumWeek, ...] = Field(min_length=1)


class ExamQuestion(Record):
    """One question of an exam's question bank, with what a good answer covers."""

    id: Id
    question: Text
    competency: Id
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
    competencies: tuple[Id, ...] = Field(min_length=1)
    scores: dict[RubricScore, Text] = Field(min_length=2)


class Certification(Record):
    """A role play for one sales stage, scored with a rubric, that a trainee passes before working the stage with buyers."""

    id: Id
    name: Text
    stage: Text
    summary: Text
    role_play: Text
    evaluator: Id
    pass_score: RubricScore  # every behavior must score at least this
    rubric: tuple[RubricBehavior, ...] = Field(min_length=1)


class Cohort(Record):
    """A group of hires who start a curriculum together on a given date."""

    id: Id
    name: Text
    curriculum: Id
    start: StrictDate
    day_starts: ClockTime = "09:00"  # local time the first session of each day begins
    timezone: Text = "UTC"  # an IANA time zone name, e.g. Europe/Berlin
    location: Text | None = None
    holidays: tuple[StrictDate, ...] = ()  # working days the cohort does not meet


# --- Playbooks (issue 5): journey phases, deal stages, buyer roles, plays, qualification, SLAs, coaching, experiments ---

_BEHAVIOR_REF = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$")


def _behavior_ref(text: str) -> str:
    """A behavior is cited as 'competency-id/behavior-id', both ids as written in the competency's file."""
    if not _BEHAVIOR_REF.match(text):
        raise ValueError(
            f"expected a behavior as 'competency-id/behavior-id', found '{text}'. "
            "Fix: write the competency's file name, a slash, then the behavior's id from that file"
        )
    return text


def _has_number(text: str) -> str:
    """A measurable target names a number (a count, a percentage, minutes, days)."""
    if not any(ch.isdigit() for ch in text):
        raise ValueError(
            f"expected a measurable target with a number in it, found '{text}'. Fix: say how much and by when, such as 'at least 80%'"
        )
    return text


# "competency-id/behavior-id": a behavior of a competency, as plays and coaching plans cite it.
BehaviorRef = Annotated[Text, AfterValidator(_behavior_ref)]


class JourneyPhase(Record):
    """A phase of the customer's journey and the dynamics a seller navigates in it."""

    id: Id
    name: Text
    dynamics: Text
    question: Text
    description: Text


class DealStage(Record):
    """A stage of a deal, in the order deals move, belonging to one journey phase."""

    id: Id
    name: Text
    phase: Id
    description: Text


class BuyerRole(Record):
    """A person on the buyer's side (a persona) that plays are written for."""

    id: Id
    name: Text
    description: Text
    cares_about: Text


class Activity(Record):
    """An activity a manager manages, with the leading indicator that shows it is happening."""

    activity: Text
    leading_indicator: Text
    target: Annotated[Text, AfterValidator(_has_number)]


class TalkTrack(Record):
    """Words a rep can adapt for one moment of a play."""

    label: Text
    text: Text


class Play(Record):
    """What to do at a moment of the deal, for which sellers and buyers, and what a manager coaches in it."""

    id: Id
    name: Text
    phase: Id
    stages: tuple[Id, ...] = Field(min_length=1)
    trigger: Text
    roles: tuple[Id, ...] = Field(min_length=1)
    buyer_roles: tuple[Id, ...] = Field(min_length=1)
    goal: Text
    activities: tuple[Activity, ...] = Field(min_length=1)
    behaviors: tuple[BehaviorRef, ...] = Field(min_length=1)
    questions: tuple[Text, ...] = Field(min_length=1)
    talk_tracks: tuple[TalkTrack, ...] = ()
    content: tuple[Text, ...] = Field(min_length=1)
    exit_criteria: tuple[Text, ...] = Field(min_length=1)
    frameworks: tuple[Id, ...] = ()
    service_levels: tuple[Id, ...] = ()


class FrameworkPart(Record):
    """One letter of a qualification framework (the G of GPCT) and its questions."""

    id: Id
    name: Text
    meaning: Text
    questions: tuple[Text, ...] = Field(min_length=1)


class QualificationFramework(Record):
    """An agreed set of qualification questions, such as GPCT or BANT."""

    id: Id
    name: Text
    summary: Text
    when_to_use: Text
    parts: tuple[FrameworkPart, ...] = Field(min_length=2)


class FollowUp(Record):
    """How many follow-up touches a lead of one market segment gets."""

    segment: Text
    touches: StrictInt = Field(ge=1, le=50)


class BreachSignal(Record):
    """A dashboard signal that an SLA is being broken, and what to do about it."""

    signal: Text
    threshold: Text
    action: Text


class ServiceLevel(Record):
    """A service level agreement between marketing and sales."""

    id: Id
    name: Text
    owner: Text
    commitment: Text
    response_time: Text
    follow_up: tuple[FollowUp, ...] = ()
    breach_signals: tuple[BreachSignal, ...] = Field(min_length=1)


class FunnelMetric(Record):
    """A funnel metric a manager reviews with each rep."""

    id: Id
    name: Text
    shows: Text


class Diagnosis(Record):
    """From a metric that looks wrong to the question a manager asks and the skill to coach."""

    metric: Id
    signal: Text
    question: Text
    skill: BehaviorRef


class MonthlyPlan(Record):
    """The template for a month's coaching: the conversation, actions to choose from, how progress is measured."""

    conversation: tuple[Text, ...] = Field(min_length=1)
    actions: tuple[Text, ...] = Field(min_length=1)
    measure: Text


class CoachingPlan(Record):
    """A manager's metrics-driven coaching plan, shared by the roles it lists."""

    id: Id
    name: Text
    roles: tuple[Id, ...] = Field(min_length=1)
    summary: Text
    funnel_metrics: tuple[FunnelMetric, ...] = Field(min_length=1)
    diagnosis: tuple[Diagnosis, ...] = Field(min_length=1)
    monthly_plan: MonthlyPlan


class Experiment(Record):
    """A small sales experiment: a hypothesis and the smallest test that could prove it wrong."""

    id: Id
    name: Text
    hypothesis: Text
    smallest_test: Text
    run_by: Text
    roles: tuple[Id, ...] = Field(min_length=1)
    plays: tuple[Id, ...] = ()
    success_criteria: tuple[Text, ...] = Field(min_length=1)
