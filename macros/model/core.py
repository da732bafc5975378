"""The core model: families, dimensions, proficiency levels, competencies, roles, profile mapping, rating scale, hiring."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, StrictInt, Tag, model_validator

from .base import CompetencyId, DimensionId, FamilyId, Id, LevelId, QuestionId, Record, Text


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
    dimension: DimensionId
    type: Literal["skill", "knowledge", "attribute"]
    definition: Text
    behaviors: tuple[Behavior, ...] = Field(min_length=4, max_length=7)
    levels: dict[LevelId, Text]
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
    family: FamilyId
    summary: Text
    responsibilities: tuple[Text, ...] = Field(min_length=1)
    how_it_sells: HowItSells = HowItSells()
    metrics: tuple[Metric, ...] = ()
    titles: tuple[Text, ...] = ()
    competencies: tuple[CompetencyId, ...] = Field(min_length=1)
    profile: dict[QuestionId, tuple[Id, ...]]  # answers are checked against their question's


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
    level: LevelId | None = None


class Assessment(Record):
    """How behaviors are rated in self-assessments and observations, and which level each role is expected at."""

    intro: Text
    scale: tuple[RatingStep, ...] = Field(min_length=3, max_length=10)
    expected_level_from: QuestionId  # the profile-mapping question whose answer sets a role's expected level
    expected_level: dict[Id, LevelId] = Field(min_length=1)  # answer id (of expected_level_from) -> proficiency level id


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
