"""Layer 2 for playbooks: the real playbook covers every phase, stage and role, and holds the plays the sources call for."""

from __future__ import annotations

PLAYS_THE_ISSUE_NAMES = {
    "discovery-with-gpct": "discover",
    "navigate-group-change-decision": "align-vision",
    "build-the-business-case": "propose",
    "confirm-value-with-executive-sponsor": "expand",
    "inbound-lead-response-within-sla": "prospect",
    "context-led-voicemail-and-email-sequence": "prospect",
}


def test_three_journey_phases_with_their_dynamics(real_handbook):
    assert [(p.id, p.dynamics) for p in real_handbook.phases] == [
        ("awareness", "Change dynamics"),
        ("buying", "Decision dynamics"),
        ("implementation", "Value dynamics"),
    ]
    for phase in real_handbook.phases:
        assert real_handbook.stages_by_phase[phase.id], phase.id
        assert real_handbook.plays_by_phase[phase.id], phase.id


def test_stages_run_in_journey_order(real_handbook):
    order = [p.id for p in real_handbook.phases]
    phases_of_stages = [order.index(s.phase) for s in real_handbook.stages]
    assert phases_of_stages == sorted(phases_of_stages)


def test_several_plays_per_stage_and_plays_for_every_role(real_handbook):
    for stage in real_handbook.stages:
        assert len(real_handbook.plays_by_stage[stage.id]) >= 2, stage.id
    assert len(real_handbook.roles) == 18
    for role in real_handbook.roles:
        assert real_handbook.plays_by_role[role.id], role.id
        assert real_handbook.coaching_plan_by_role[role.id].id, role.id
    covered = [r for plan in real_handbook.coaching_plans for r in plan.roles]
    assert sorted(covered) == sorted(r.id for r in real_handbook.roles)  # each role exactly once


def test_the_plays_the_issue_names_exist_at_their_stage(real_handbook):
    for play_id, stage_id in PLAYS_THE_ISSUE_NAMES.items():
        assert stage_id in real_handbook.play[play_id].stages, play_id
    assert real_handbook.play["discovery-with-gpct"].frameworks == ("gpct",)
    assert "sales-lead-response" in real_handbook.play["inbound-lead-response-within-sla"].service_levels
    assert real_handbook.play["confirm-value-with-executive-sponsor"].buyer_roles == ("executive-sponsor",)
    assert len(real_handbook.play["context-led-voicemail-and-email-sequence"].talk_tracks) >= 4
    assert len(real_handbook.play["navigate-group-change-decision"].buyer_roles) >= 3


def test_plays_cite_behaviors_of_real_competencies_and_index_back(real_handbook):
    for play in real_handbook.plays:
        assert len(set(play.behaviors)) == len(play.behaviors), play.id
        for ref in play.behaviors:
            competency, behavior = real_handbook.behavior(ref)
            assert play in real_handbook.plays_by_competency[competency.id], (play.id, ref)
            assert behavior in competency.behaviors
    cited = {ref.split("/")[0] for play in real_handbook.plays for ref in play.behaviors}
    assert {c for c, plays in real_handbook.plays_by_competency.items() if plays} == cited


def test_qualification_frameworks_and_slas_from_the_sources(real_handbook):
    assert [[p.name for p in f.parts] for f in real_handbook.frameworks] == [
        ["Goals", "Plans", "Challenges", "Timeline"],
        ["Budget", "Authority", "Need", "Timing"],
    ]
    for framework in real_handbook.frameworks:
        assert all(part.questions for part in framework.parts)
    response = real_handbook.service_level["sales-lead-response"]
    assert [(f.segment, f.touches) for f in response.follow_up] == [("Small business", 5), ("Mid-market", 8), ("Enterprise", 12)]
    assert len(response.breach_signals) == 3


def test_coaching_plans_diagnose_from_their_own_metrics_to_a_skill(real_handbook):
    for plan in real_handbook.coaching_plans:
        metrics = {m.id for m in plan.funnel_metrics}
        assert {d.metric for d in plan.diagnosis} <= metrics, plan.id
        for diagnosis in plan.diagnosis:
            real_handbook.behavior(diagnosis.skill)  # resolves
        assert plan.monthly_plan.actions and plan.monthly_plan.conversation


def test_experiments_have_a_leader_and_measurable_success(real_handbook):
    assert len(real_handbook.experiments) >= 3
    for experiment in real_handbook.experiments:
        assert any(ch.isdigit() for text in experiment.success_criteria for ch in text), experiment.id
        for play_id in experiment.plays:
            assert experiment in real_handbook.experiments_by_play[play_id]
