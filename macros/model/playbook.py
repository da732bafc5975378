"""The playbook model: journey phases, deal stages, buyer roles, plays, qualification, service levels, coaching, experiments."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StrictInt

from .base import BuyerRoleId, FrameworkId, Id, PhaseId, PlayId, Record, Ref, RoleId, ServiceLevelId, StageId, Text

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
BehaviorRef = Annotated[Text, AfterValidator(_behavior_ref), Ref("behavior")]


class JourneyPhase(Record):
    """A phase of the customer's journey and the dynamics a seller navigates in it."""

    id: Id = Field(description="Named by deal stages and plays.")
    name: Text = Field(description="The phase's name.")
    dynamics: Text = Field(description="The dynamics a seller navigates in the phase.")
    question: Text = Field(description="The buyer's question in this phase.")
    description: Text = Field(description="What happens in the phase.")


class DealStage(Record):
    """A stage of a deal, in the order deals move, belonging to one journey phase."""

    id: Id = Field(description="Named by plays; stages are listed in deal order.")
    name: Text = Field(description="The stage's name.")
    phase: PhaseId = Field(description="The journey phase the stage belongs to.")
    description: Text = Field(description="What happens in the stage.")


class BuyerRole(Record):
    """A person on the buyer's side (a persona) that plays are written for."""

    id: Id = Field(description="Named by plays.")
    name: Text = Field(description="The persona's name.")
    description: Text = Field(description="Who this person is on the buyer's side.")
    cares_about: Text = Field(description="What this person cares about.")


class Activity(Record):
    """An activity a manager manages, with the leading indicator that shows it is happening."""

    activity: Text = Field(description="What the rep does.")
    leading_indicator: Text = Field(description="What shows the activity is happening.")
    target: Annotated[Text, AfterValidator(_has_number)] = Field(description="How much, by when; it must contain a number.")


class TalkTrack(Record):
    """Words a rep can adapt for one moment of a play."""

    label: Text = Field(description="The moment the words are for.")
    text: Text = Field(description="The words.")


class Play(Record):
    """What to do at a moment of the deal, for which sellers and buyers, and what a manager coaches in it."""

    id: Id = Field(description="The file name without .yml; the page is /plays/<id>/.")
    name: Text = Field(description="The play's name.")
    phase: PhaseId = Field(description="The journey phase the play belongs to.")
    stages: tuple[StageId, ...] = Field(min_length=1, description="The deal stages it is used in, all in the play's phase.")
    trigger: Text = Field(description="The moment that calls for the play.")
    roles: tuple[RoleId, ...] = Field(min_length=1, description="The roles whose pages list the play.")
    buyer_roles: tuple[BuyerRoleId, ...] = Field(min_length=1, description="The buyers the play is written for.")
    goal: Text = Field(description="What the play should achieve.")
    activities: tuple[Activity, ...] = Field(min_length=1, description="What a manager manages, with indicators and targets.")
    behaviors: tuple[BehaviorRef, ...] = Field(min_length=1, description="The behaviors to coach, as competency-id/behavior-id.")
    questions: tuple[Text, ...] = Field(min_length=1, description="Questions to ask the buyer.")
    talk_tracks: tuple[TalkTrack, ...] = Field((), description="Words a rep can adapt.")
    content: tuple[Text, ...] = Field(min_length=1, description="Content to use.")
    exit_criteria: tuple[Text, ...] = Field(min_length=1, description="What must be true before moving on.")
    frameworks: tuple[FrameworkId, ...] = Field((), description="Qualification frameworks the play uses.")
    service_levels: tuple[ServiceLevelId, ...] = Field((), description="Service levels the play must meet.")


class FrameworkPart(Record):
    """One letter of a qualification framework (the G of GPCT) and its questions."""

    id: Id = Field(description="Unique within the framework.")
    name: Text = Field(description="The part's name, such as Goals.")
    meaning: Text = Field(description="What the part covers.")
    questions: tuple[Text, ...] = Field(min_length=1, description="Questions for this part.")


class QualificationFramework(Record):
    """An agreed set of qualification questions, such as GPCT or BANT."""

    id: Id = Field(description="Named by plays.")
    name: Text = Field(description="The framework's name, such as GPCT.")
    summary: Text = Field(description="What the framework is.")
    when_to_use: Text = Field(description="When to use it.")
    parts: tuple[FrameworkPart, ...] = Field(min_length=2, description="The framework's parts, in order.")


class FollowUp(Record):
    """How many follow-up touches a lead of one market segment gets."""

    segment: Text = Field(description="The market segment.")
    touches: StrictInt = Field(ge=1, le=50, description="How many follow-up touches a lead of the segment gets.")


class BreachSignal(Record):
    """A dashboard signal that an SLA is being broken, and what to do about it."""

    signal: Text = Field(description="What the dashboard shows.")
    threshold: Text = Field(description="When the signal counts as a breach.")
    action: Text = Field(description="What to do about it.")


class ServiceLevel(Record):
    """A service level agreement between marketing and sales."""

    id: Id = Field(description="Named by plays.")
    name: Text = Field(description="The agreement's name.")
    owner: Text = Field(description="Who is accountable.")
    commitment: Text = Field(description="What is promised.")
    response_time: Text = Field(description="How fast leads are answered.")
    follow_up: tuple[FollowUp, ...] = Field((), description="Follow-up touches by segment.")
    breach_signals: tuple[BreachSignal, ...] = Field(min_length=1, description="How a breach shows, and what to do.")


class FunnelMetric(Record):
    """A funnel metric a manager reviews with each rep."""

    id: Id = Field(description="Unique within the plan; named by its diagnosis entries.")
    name: Text = Field(description="The metric's name.")
    shows: Text = Field(description="What the metric shows about a rep.")


class Diagnosis(Record):
    """From a metric that looks wrong to the question a manager asks and the skill to coach."""

    metric: Id = Field(description="One of the plan's own funnel metrics.")  # one of the plan's own funnel metrics
    signal: Text = Field(description="What looks wrong in the metric.")
    question: Text = Field(description="The question a manager asks.")
    skill: BehaviorRef = Field(description="The behavior to coach, as competency-id/behavior-id.")


class MonthlyPlan(Record):
    """The template for a month's coaching: the conversation, actions to choose from, how progress is measured."""

    conversation: tuple[Text, ...] = Field(min_length=1, description="The steps of the monthly coaching conversation.")
    actions: tuple[Text, ...] = Field(min_length=1, description="Actions to choose from.")
    measure: Text = Field(description="How progress is measured.")


class CoachingPlan(Record):
    """A manager's metrics-driven coaching plan, shared by the roles it lists."""

    id: Id = Field(description="The file name without .yml.")
    name: Text = Field(description="The plan's name.")
    roles: tuple[RoleId, ...] = Field(min_length=1, description="The roles the plan serves; each role is in exactly one plan.")
    summary: Text = Field(description="What the plan is for.")
    funnel_metrics: tuple[FunnelMetric, ...] = Field(min_length=1, description="Metrics a manager reviews with each rep.")
    diagnosis: tuple[Diagnosis, ...] = Field(min_length=1, description="From a metric that looks wrong to the skill to coach.")
    monthly_plan: MonthlyPlan = Field(description="The template for a month's coaching.")


class Experiment(Record):
    """A small sales experiment: a hypothesis and the smallest test that could prove it wrong."""

    id: Id = Field(description="Unique among experiments.")
    name: Text = Field(description="The experiment's name.")
    hypothesis: Text = Field(description="What the experiment tests.")
    smallest_test: Text = Field(description="The smallest test that could prove the hypothesis wrong.")
    run_by: Text = Field(description="Who runs it.")
    roles: tuple[RoleId, ...] = Field(min_length=1, description="The roles taking part.")
    plays: tuple[PlayId, ...] = Field((), description="Plays the experiment changes or tests.")
    success_criteria: tuple[Text, ...] = Field(min_length=1, description="What counts as success.")
