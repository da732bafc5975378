"""Page specs of the playbook: plays index and pages, journey map, qualification, service levels, experiments, coaching."""

from __future__ import annotations

from typing import Any

from ..handbook import Handbook
from ..model import CoachingPlan
from .listing import is_long_listing
from .paths import PageSpec, files_of, names, page_path, texts, texts_of


def list_file(hb: Handbook, kind: str, records: tuple[Any, ...]) -> tuple[str, ...]:
    """The data file of a list kind (one file holds every record), or nothing when the kind has no records."""
    return (hb.source(kind, records[0].id).file,) if records else ()


def plan_playbook_pages(hb: Handbook) -> list[PageSpec]:
    """The playbook's pages: index with filters, one page per play, journey map, reference pages, coaching per role."""
    play_files = tuple(hb.source("play", p.id).file for p in hb.plays)
    long_playbook = is_long_listing(hb.plays, "plays")  # compact listings: names by phase, counts per stage
    journey_files = (*list_file(hb, "journey phase", hb.phases), *list_file(hb, "deal stage", hb.stages))
    buyer_files = list_file(hb, "buyer role", hb.buyer_roles)
    specs = [
        PageSpec(
            page_path("plays"),
            "Playbooks",
            "plays_index.md",
            {"handbook": hb},
            (*play_files, *journey_files, *buyer_files),
            "Plays for every deal stage and buyer, filtered by role, phase, stage and buyer role.",
            shows=(
                *names(hb.plays),
                *(() if long_playbook else texts_of(hb.plays, "trigger")),
                *(phase.name for phase in hb.phases if hb.plays_by_phase[phase.id]),
            ),
        )
    ]
    for play in hb.plays:
        specs.append(
            PageSpec(
                page_path("play", play.id),
                play.name,
                "play.md",
                {"handbook": hb, "play": play, "behaviors": hb.play_behaviors(play), "experiments": hb.experiments_by_play[play.id]},
                (hb.source("play", play.id).file,),
                play.goal,
                search_names=(play.name,),
                shows=(
                    *texts(play, "name", "goal", "trigger", "activities", "questions", "talk_tracks", "content", "exit_criteria"),
                    hb.phase[play.phase].name,
                    *(hb.stage[s].name for s in play.stages),
                    *(hb.role[r].name for r in play.roles),
                    *(hb.buyer_role[b].name for b in play.buyer_roles),
                    *(text for competency, behaviors in hb.play_behaviors(play) for text in (competency.name, *texts_of(behaviors))),
                ),
                related=(
                    *journey_files,
                    *buyer_files,
                    *files_of(hb, "role", (hb.role[r] for r in play.roles)),
                    *files_of(hb, "competency", (competency for competency, _ in hb.play_behaviors(play))),
                    *list_file(hb, "experiment", hb.experiments_by_play[play.id]),
                ),
            )
        )
    specs += [
        PageSpec(
            page_path("journey-map"),
            "Journey map",
            "journey_map.md",
            {"handbook": hb},
            (*journey_files, *play_files),
            "The customer's journey phases and deal stages, with the plays for each stage.",
            hide=("navigation", "toc"),
            shows=(
                *texts_of(hb.phases, "name", "description"),
                *texts_of(hb.stages, "name", "description"),
                *(() if long_playbook else names(hb.plays)),
                *texts_of(hb.buyer_roles, "name", "description"),
            ),
        ),
        PageSpec(
            page_path("qualification"),
            "Qualification frameworks",
            "qualification.md",
            {"handbook": hb},
            list_file(hb, "qualification framework", hb.frameworks),
            "The qualification questions every discovery uses: GPCT and BANT.",
            shows=texts_of(hb.frameworks, "name", "summary", "parts"),
        ),
        PageSpec(
            page_path("service-levels"),
            "Service levels",
            "service_levels.md",
            {"handbook": hb},
            list_file(hb, "service level", hb.service_levels),
            "Lead-response and lead-value agreements between marketing and sales, and the signals of a breach.",
            shows=texts_of(hb.service_levels, "name", "commitment", "follow_up", "breach_signals"),
        ),
        PageSpec(
            page_path("experiments"),
            "Sales experiments",
            "experiments.md",
            {"handbook": hb},
            list_file(hb, "experiment", hb.experiments),
            "Small sales experiments: hypothesis, smallest test, who runs it and how success is judged.",
            shows=texts_of(hb.experiments, "name", "hypothesis", "smallest_test", "run_by", "success_criteria"),
        ),
    ]
    for role in hb.roles:
        plan = hb.coaching_plan_by_role.get(role.id)
        specs.append(
            PageSpec(
                page_path("coaching", role.id),
                f"Coaching {role.name}",
                "coaching.md",
                {
                    "handbook": hb,
                    "role": role,
                    "plan": plan,
                    "plays": hb.plays_by_role[role.id],
                    "behaviors": hb.role_behaviors(role.id),
                },
                (hb.source("coaching plan", plan.id).file,) if plan else (hb.source("role", role.id).file,),
                f"What a manager of {role.name} manages and coaches, and the monthly one-skill coaching plan.",
                search_boost=0.5,  # a search for the role's name must find the role page first
                shows=(
                    *texts_of(activity for play in hb.plays_by_role[role.id] for activity in play.activities),
                    *(text for competency, cited in hb.role_behaviors(role.id) for text in (competency.name, *(b.text for b, _ in cited))),
                    *(_plan_texts(hb, plan) if plan else ()),
                ),
                related=(
                    hb.source("role", role.id).file,
                    *files_of(hb, "play", hb.plays_by_role[role.id]),
                    *files_of(hb, "competency", (competency for competency, _ in hb.role_behaviors(role.id))),
                ),
            )
        )
    return specs


def _plan_texts(hb: Handbook, plan: CoachingPlan) -> tuple[str, ...]:
    """What a role's coaching page shows of its coaching plan: metrics, diagnoses with their skills, the monthly plan."""
    return (
        *texts_of(plan.funnel_metrics, "name", "shows"),
        *(text for d in plan.diagnosis for text in (d.signal, d.question, hb.behavior(d.skill)[1].text)),
        *texts(plan.monthly_plan),
    )
