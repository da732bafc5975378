"""Domain checks of playbook data: a play's stages belong to its phase, and coaching plans cover every role once."""

from __future__ import annotations

from ..errors import Problems, Source, Subject, did_you_mean
from ..model import CoachingPlan, DealStage, JourneyPhase, Play, Role


def check_plays(
    plays: dict[str, Play],
    phases: dict[str, JourneyPhase],
    stages: dict[str, DealStage],
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> None:
    """Each of a play's stages belongs to the play's phase (unknown phases and stages are reported by the walker)."""
    for play in plays.values():
        source = sources[("play", play.id)]
        for index, stage_id in enumerate(play.stages):
            stage = stages.get(stage_id)
            if play.phase not in phases or stage is None or stage.phase not in phases or stage.phase == play.phase:
                continue
            fitting = [s.id for s in stages.values() if s.phase == play.phase]
            problems.add(
                source.file,
                source.at("stages", index),
                Subject("play", play.id),
                f"stages[{index}]",
                f"the stage '{stage_id}' belongs to the phase '{stage.phase}', not to the play's phase '{play.phase}'",
                f"set 'phase: {stage.phase}', or use a stage of '{play.phase}': {', '.join(fitting)}",
            )


def check_coaching_plans(
    plans: dict[str, CoachingPlan], roles: dict[str, Role], sources: dict[tuple[str, str], Source], problems: Problems
) -> None:
    """Diagnoses name the plan's own metrics, and (once any plan exists) every role is coached with exactly one plan."""
    covered: dict[str, str] = {}
    for plan in plans.values():
        source = sources[("coaching plan", plan.id)]
        label = Subject("coaching plan", plan.id)
        for index, role_id in enumerate(plan.roles):
            if role_id not in roles:
                continue  # reported by the reference walker
            if role_id in covered and covered[role_id] != plan.id:
                problems.add(
                    source.file,
                    source.at("roles", index),
                    label,
                    f"roles[{index}]",
                    f"role '{role_id}' is already coached with the plan '{covered[role_id]}'",
                    "list each role in one coaching plan only",
                )
                continue
            covered[role_id] = plan.id
        metric_ids = [m.id for m in plan.funnel_metrics]
        for index, diagnosis in enumerate(plan.diagnosis):
            if diagnosis.metric not in metric_ids:
                guess = did_you_mean(diagnosis.metric, metric_ids)
                problems.add(
                    source.file,
                    source.at("diagnosis", index, "metric"),
                    label,
                    f"diagnosis[{index}].metric",
                    f"unknown funnel metric '{diagnosis.metric}'",
                    f"did you mean '{guess}'?" if guess else f"use one of: {', '.join(metric_ids)}",
                    unknown=("funnel metric", diagnosis.metric),
                )
    if plans and ("coaching plan", "*") not in problems.broken:
        folder = sources[("coaching plan", next(iter(plans)))].file.rsplit("/", 1)[0]
        for role_id in roles:
            if role_id not in covered:
                problems.add(
                    folder,
                    0,
                    Subject("role", role_id),
                    "",
                    "no coaching plan lists this role, so its manager's page would have no plan",
                    f"add '{role_id}' to the roles of the plan that fits it ({', '.join(plans)})",
                    todo=True,
                )
