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

    id: Id
    name: Text
    dynamics: Text
    question: Text
    description: Text


class DealStage(Record):
    """A stage of a deal, in the order deals move, belonging to one journey phase."""

    id: Id
    name: Text
    phase: PhaseId
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
    phase: PhaseId
    stages: tuple[StageId, ...] = Field(min_length=1)
    trigger: Text
    roles: tuple[RoleId, ...] = Field(min_length=1)
    buyer_roles: tuple[BuyerRoleId, ...] = Field(min_length=1)
    goal: Text
    activities: tuple[Activity, ...] = Field(min_length=1)
    behaviors: tuple[BehaviorRef, ...] = Field(min_length=1)
    questions: tuple[Text, ...] = Field(min_length=1)
    talk_tracks: tuple[TalkTrack, ...] = ()
    content: tuple[Text, ...] = Field(min_length=1)
    exit_criteria: tuple[Text, ...] = Field(min_length=1)
    frameworks: tuple[FrameworkId, ...] = ()
    service_levels: tuple[ServiceLevelId, ...] = ()


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

    metric: Id  # one of the plan's own funnel metrics
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
    roles: tuple[RoleId, ...] = Field(min_length=1)
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
    roles: tuple[RoleId, ...] = Field(min_length=1)
    plays: tuple[PlayId, ...] = ()
    success_criteria: tuple[Text, ...] = Field(min_length=1)
