"""The core model: families, dimensions, proficiency levels, competencies, roles, profile mapping, rating scale, hiring."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, StrictInt, Tag, model_validator

from .base import CompetencyId, DimensionId, FamilyId, Id, LevelId, QuestionId, Record, Text


class Family(Record):
    """A group of related role profiles (sales, sales management, service)."""

    id: Id = Field(description="Named by the family field of role files.")
    name: Text = Field(description="The family's name as the pages show it.")
    description: Text = Field(description="What the roles of this family have in common.")


class Dimension(Record):
    """A big category that groups related competencies, such as Business Acumen."""

    id: Id = Field(description="Named by the dimension field of competency files.")
    name: Text = Field(description="The dimension's name as the pages show it.")
    description: Text = Field(description="What the competencies of this dimension have in common.")


class ProficiencyLevel(Record):
    """One proficiency standard (good, better, best) every competency is described at."""

    id: Id = Field(description="Used as a key in every competency's levels.")
    name: Text = Field(description="The level's full name.")
    short: Text = Field(description="A short form of the name for tight spaces, such as Senior IC.")
    description: Text = Field(description="What a person at this level does, in a sentence or two.")


class Behavior(Record):
    """An observable job behavior a manager can check on a call or a ride-along."""

    id: Id = Field(description="Unique within the competency; plays cite it as competency-id/behavior-id.")
    text: Text = Field(description="The behavior as a manager would observe it.")


EvaluationMethod = Literal["role-play", "behavioral-questions", "reference-checks"]


class HiringGuide(Record):
    """How to assess a candidate on a competency: score anchors, methods and questions."""

    anchors: dict[Literal[1, 5, 10], Text] = Field(
        min_length=3, max_length=3, description="What a candidate scoring 1, 5 and 10 looks like."
    )
    evaluate_by: tuple[EvaluationMethod, ...] = Field(min_length=1, description="How to assess the competency in an interview process.")
    questions: tuple[Text, ...] = Field(min_length=1, description="Interview questions for the competency.")


class Competency(Record):
    """A skill, body of knowledge or attribute, broken into 4 to 7 observable behaviors."""

    id: Id = Field(description="The file name without .yml; the page is /competencies/<id>/.")
    name: Text = Field(description="Unique across competencies, aliases included.")
    aliases: tuple[Text, ...] = Field((), description="Other names for it found in the sources.")
    dimension: DimensionId = Field(description="The dimension it belongs to.")
    type: Literal["skill", "knowledge", "attribute"] = Field(description="What kind of capability it is (see the glossary).")
    definition: Text = Field(description="What it is, in plain words.")
    behaviors: tuple[Behavior, ...] = Field(
        min_length=4, max_length=7, description="Observable job behaviors, in the order the page lists them."
    )
    levels: dict[LevelId, Text] = Field(
        description="What it looks like at each proficiency level: one entry per level (one left out is a TODO, shown as not written yet)."
    )
    hiring: HiringGuide | None = Field(
        None,
        description="How to assess it when hiring; the hiring scorecard takes its questions from here "
        "(missing for a role's competency: a TODO, shown as not written yet).",
    )


class MetricGroup(Record):
    """A metric made of several sub-metrics, as the source profiles list some of them."""

    name: Text = Field(description="The metric as a whole.")
    includes: tuple[Text, ...] = Field(min_length=1, description="The sub-metrics it is made of.")


def _metric_kind(value: object) -> str:
    return "metric-group" if isinstance(value, (dict, MetricGroup)) else "metric-text"


Metric = Annotated[Annotated[Text, Tag("metric-text")] | Annotated[MetricGroup, Tag("metric-group")], Discriminator(_metric_kind)]


class BusinessMix(Record):
    """Share of revenue from new versus existing business, in percent."""

    new: StrictInt = Field(ge=0, le=100, description="Percent of revenue from new business.")
    existing: StrictInt = Field(ge=0, le=100, description="Percent of revenue from existing business; the two add up to 100.")

    @model_validator(mode="after")
    def _adds_up(self) -> BusinessMix:
        if self.new + self.existing != 100:
            raise ValueError(f"new and existing must add up to 100, found {self.new} + {self.existing} = {self.new + self.existing}")
        return self


class HowItSells(Record):
    """The facts the source gives about how a role sells."""

    business_mix: BusinessMix | None = Field(None, description="Share of revenue from new and existing business.")
    sales_cycle: Text | None = Field(None, description="How long a typical sale takes.")
    buyer_approach: Text | None = Field(None, description="Who the buyers are and how the role approaches them.")


class Role(Record):
    """A benchmark role profile and the competencies that predict success in it."""

    id: Id = Field(description="The file name without .yml; the page is /roles/<id>/.")
    name: Text = Field(description="The profile's name as the source spells it.")
    family: FamilyId = Field(description="The family the role belongs to.")
    summary: Text = Field(description="What the role is for and what great looks like, in two or three sentences.")
    responsibilities: tuple[Text, ...] = Field(min_length=1, description="What the role is responsible for.")
    how_it_sells: HowItSells = Field(HowItSells(), description="Facts about how the role sells.")
    metrics: tuple[Metric, ...] = Field((), description="The common metrics the role is judged on, as the source lists them.")
    titles: tuple[Text, ...] = Field((), description="Sample job titles for positions of this profile.")
    competencies: tuple[CompetencyId, ...] = Field(
        min_length=1, description="The competencies that predict success in the role, in the order the page shows them."
    )
    profile: dict[QuestionId, tuple[Id, ...]] = Field(
        description="The role's answers to every profile-mapping question: question id to answer ids."
    )  # answers are checked against their question's


class Answer(Record):
    """One possible answer to a profile-mapping question."""

    id: Id = Field(description="Unique within the question; used in roles' profile answers.")
    label: Text = Field(description="The answer as the role finder shows it.")


class Question(Record):
    """A question that sorts a position towards the right benchmark profile."""

    id: Id = Field(description="Used as a key in roles' profile answers.")
    question: Text = Field(description="The question as the role finder asks it.")
    help: Text = Field(description="What the question means and how to answer it.")
    answers: tuple[Answer, ...] = Field(min_length=2, description="The possible answers.")


class ProfileMapping(Record):
    """The decision guide that sorts a position before a profile is chosen."""

    intro: Text = Field(description="The introduction of the profile mapping guide.")
    questions: tuple[Question, ...] = Field(min_length=1, description="The questions that sort a position to a profile.")


# --- Assessments and hiring (checklists, scorecards) ---


class RatingStep(Record):
    """One point of the rating scale used in behavior checklists, optionally tied to a proficiency level."""

    value: StrictInt = Field(ge=1, le=10, description="The point on the scale; the scale counts up from 1.")
    label: Text = Field(description="A short name for the point, such as Consistently.")
    meaning: Text = Field(description="What a rating at this point means.")
    level: LevelId | None = Field(None, description="The proficiency level this point stands for, if any.")


class Assessment(Record):
    """How behaviors are rated in self-assessments and observations, and which level each role is expected at."""

    intro: Text = Field(description="The introduction of every behavior checklist.")
    scale: tuple[RatingStep, ...] = Field(min_length=3, max_length=10, description="The rating scale, lowest first.")
    expected_level_from: QuestionId = Field(
        description="The profile-mapping question whose answer sets the level a role is expected at."
    )  # the profile-mapping question whose answer sets a role's expected level
    expected_level: dict[Id, LevelId] = Field(
        min_length=1, description="For each answer of that question, the proficiency level expected."
    )  # answer id (of expected_level_from) -> proficiency level id


class HiringTrait(Record):
    """A trait every hire is scored on, besides the role's competencies (Roberge's five, for example)."""

    id: Id = Field(description="Unique among the traits.")
    name: Text = Field(description="The trait's name.")
    definition: Text = Field(description="What the trait is.")
    weight: StrictInt = Field(ge=1, le=10, description="How much the trait counts in the weighted total.")
    anchors: dict[Literal[1, 5, 10], Text] = Field(
        min_length=3, max_length=3, description="What a candidate scoring 1, 5 and 10 looks like."
    )
    evaluate_by: tuple[EvaluationMethod, ...] = Field(min_length=1, description="How to assess the trait.")
    how_to_evaluate: tuple[Text, ...] = Field(min_length=1, description="Steps for assessing the trait.")
    questions: tuple[Text, ...] = Field(min_length=1, description="Interview questions for the trait.")


class ScoreBand(Record):
    """A hiring recommendation for weighted totals from `min` (out of 10) upwards."""

    min: float = Field(ge=0, le=10, description="The lowest weighted total (out of 10) that earns this recommendation.")
    label: Text = Field(description="The recommendation, such as Hire.")
    meaning: Text = Field(description="What the recommendation means for the candidate.")
    min_each: StrictInt | None = Field(
        default=None,
        ge=1,
        le=10,
        description="The lowest score any single criterion may have for this recommendation; without it, only the weighted total counts.",
    )


class HiringScorecard(Record):
    """The scorecard every role's hiring page follows: traits, the weight of each competency, recommendation bands."""

    intro: Text = Field(description="The introduction of every hiring scorecard.")
    competency_weight: StrictInt = Field(ge=1, le=10, description="The weight of each of the role's competencies in the total.")
    traits: tuple[HiringTrait, ...] = Field(min_length=1, description="The traits every candidate is scored on.")
    bands: tuple[ScoreBand, ...] = Field(min_length=2, description="Recommendations by weighted total, from the highest minimum down to 0.")
