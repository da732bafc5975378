"""Layer 1 for playbooks: the fixture playbook loads, and each data mistake gets its exact message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sites import FIXTURES

from macros.errors import DataError
from macros.loading import load_handbook

PLAYBOOK = FIXTURES / "playbook" / "data"
PLAY = "plays/walk-in-greeting.yml"
PLAN = "coaching-plans/floor.yml"


def problems_after(tmp_path: Path, file: str, change) -> list[str]:
    """Copy the playbook fixture data, apply one change to one file, and return every reported problem."""
    data = tmp_path / "data"
    shutil.copytree(PLAYBOOK, data)
    path = data / file
    path.write_text(change(path.read_text(encoding="utf-8")) if path.exists() else change(""), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_handbook(data, require_complete=True)  # gaps (content not written yet) count as problems here
    return [str(problem) for problem in caught.value.problems]


def test_playbook_fixture_loads_with_reverse_indexes():
    hb = load_handbook(PLAYBOOK)
    assert [p.id for p in hb.plays] == ["walk-in-greeting", "ask-for-the-sale"]  # journey order, not file order
    assert [s.id for s in hb.stages_by_phase["awareness"]] == ["prospect", "discover"]
    assert [p.id for p in hb.plays_by_stage["close"]] == ["ask-for-the-sale"]
    assert hb.plays_by_stage["discover"] == ()
    assert [p.id for p in hb.plays_by_role["floor-sales"]] == ["walk-in-greeting", "ask-for-the-sale"]
    assert [p.id for p in hb.plays_by_buyer_role["owner"]] == ["ask-for-the-sale"]
    assert [p.id for p in hb.plays_by_competency["demonstrates-perseverance"]] == ["walk-in-greeting", "ask-for-the-sale"]
    assert hb.coaching_plan_by_role["floor-sales"].id == "floor"
    competency, behavior = hb.behavior("demonstrates-perseverance/tries-again")
    assert (competency.id, behavior.text) == ("demonstrates-perseverance", "Tries a second approach.")
    assert [(c.id, [b.id for b, _ in cited]) for c, cited in hb.role_behaviors("floor-sales")] == [
        ("demonstrates-perseverance", ["calls-back", "tries-again", "asks-for-help"])
    ]


def test_handbook_without_playbook_files_has_an_empty_playbook():
    hb = load_handbook(PLAYBOOK.parent.parent / "tiny" / "data")
    assert hb.plays == () and hb.phases == () and hb.coaching_plans == ()
    assert hb.plays_by_role == {"floor-sales": ()}


CASES = {
    "unknown stage": (
        PLAY,
        lambda s: s.replace("stages: [prospect]", "stages: [prospects]"),
        [
            "data/plays/walk-in-greeting.yml:4: play 'walk-in-greeting' field 'stages[0]': unknown deal stage 'prospects'. "
            "Fix: did you mean 'prospect'?"
        ],
    ),
    "stage of another phase": (
        PLAY,
        lambda s: s.replace("stages: [prospect]", "stages: [close]"),
        [
            "data/plays/walk-in-greeting.yml:4: play 'walk-in-greeting' field 'stages[0]': the stage 'close' belongs to the phase "
            "'buying', not to the play's phase 'awareness'. Fix: set 'phase: buying', or use a stage of 'awareness': prospect, discover"
        ],
    ),
    "unknown phase": (
        PLAY,
        lambda s: s.replace("phase: awareness", "phase: awarness"),
        [
            "data/plays/walk-in-greeting.yml:3: play 'walk-in-greeting' field 'phase': unknown journey phase 'awarness'. "
            "Fix: did you mean 'awareness'?"
        ],
    ),
    "unknown role": (
        PLAY,
        lambda s: s.replace("roles: [floor-sales]", "roles: [floor-sale]"),
        [
            "data/plays/walk-in-greeting.yml:6: play 'walk-in-greeting' field 'roles[0]': unknown role 'floor-sale'. "
            "Fix: did you mean 'floor-sales'?"
        ],
    ),
    "unknown buyer role": (
        PLAY,
        lambda s: s.replace("buyer_roles: [shopper]", "buyer_roles: [buyer]"),
        [
            "data/plays/walk-in-greeting.yml:7: play 'walk-in-greeting' field 'buyer_roles[0]': unknown buyer role 'buyer'. "
            "Fix: use one of: shopper, owner"
        ],
    ),
    "unknown competency in a behavior": (
        PLAY,
        lambda s: s.replace("demonstrates-perseverance/calls-back", "demonstrate-perseverance/calls-back"),
        [
            "data/plays/walk-in-greeting.yml:14: play 'walk-in-greeting' field 'behaviors[0]': unknown competency "
            "'demonstrate-perseverance' in 'demonstrate-perseverance/calls-back'. Fix: did you mean 'demonstrates-perseverance/calls-back'?"
        ],
    ),
    "unknown behavior": (
        PLAY,
        lambda s: s.replace("demonstrates-perseverance/calls-back", "demonstrates-perseverance/call-back"),
        [
            "data/plays/walk-in-greeting.yml:14: play 'walk-in-greeting' field 'behaviors[0]': unknown behavior 'call-back' of "
            "competency 'demonstrates-perseverance'. Fix: did you mean 'demonstrates-perseverance/calls-back'?"
        ],
    ),
    "behavior without its competency": (
        PLAY,
        lambda s: s.replace("demonstrates-perseverance/calls-back", "calls-back"),
        [
            "data/plays/walk-in-greeting.yml:14: play 'walk-in-greeting' field 'behaviors[0]': expected a behavior as "
            "'competency-id/behavior-id', found 'calls-back'. Fix: write the competency's file name, a slash, then the behavior's id "
            "from that file"
        ],
    ),
    "target without a number": (
        PLAY,
        lambda s: s.replace("target: At least 90%", "target: Most of them"),
        [
            "data/plays/walk-in-greeting.yml:12: play 'walk-in-greeting' field 'activities[0].target': expected a measurable target "
            "with a number in it, found 'Most of them'. Fix: say how much and by when, such as 'at least 80%'"
        ],
    ),
    "unknown field with did-you-mean": (
        PLAY,
        lambda s: s.replace("exit_criteria:", "exit_criterias:"),
        [
            "data/plays/walk-in-greeting.yml:1: play 'walk-in-greeting' field 'exit_criteria': required field 'exit_criteria' is "
            "missing. Fix: add 'exit_criteria:' with a value to this record",
            "data/plays/walk-in-greeting.yml:22: play 'walk-in-greeting' field 'exit_criterias': unknown field 'exit_criterias' "
            "(allowed: id, name, phase, stages, trigger, roles, buyer_roles, goal, activities, behaviors, questions, talk_tracks, "
            "content, exit_criteria, frameworks, service_levels). Fix: did you mean 'exit_criteria'?",
        ],
    ),
    "buyer role listed twice": (
        "plays/ask-for-the-sale.yml",
        lambda s: s.replace("buyer_roles: [shopper, owner]", "buyer_roles: [shopper, shopper]"),
        [
            "data/plays/ask-for-the-sale.yml:7: play 'ask-for-the-sale' field 'buyer_roles[1]': buyer role 'shopper' is listed twice. "
            "Fix: remove the second entry"
        ],
    ),
    "stage mapped to an unknown phase": (
        "deal-stages.yml",
        lambda s: s.replace("phase: buying", "phase: decision"),
        ["data/deal-stages.yml:11: deal stage 'close' field 'phase': unknown journey phase 'decision'. Fix: use one of: awareness, buying"],
    ),
    "duplicate stage id": (
        "deal-stages.yml",
        lambda s: s + "- id: close\n  name: Close again\n  phase: buying\n  description: Again.\n",
        [
            "data/deal-stages.yml:13: deal stage 'close' field 'id': duplicate id (already used at data/deal-stages.yml:9); two pages "
            "would share one URL. Fix: give this record its own id, or merge the two records"
        ],
    ),
    "play id too similar to another": (
        "plays/walkin-greeting.yml",
        lambda _: (PLAYBOOK / PLAY).read_text(encoding="utf-8").replace("id: walk-in-greeting", "id: walkin-greeting"),
        [
            "data/plays/walkin-greeting.yml:1: play 'walkin-greeting' field 'id': id too similar to 'walk-in-greeting' (already used "
            "at data/plays/walk-in-greeting.yml:1); two pages would share one URL. "
            "Fix: give this record its own id, or merge the two records"
        ],
    ),
    "role in two coaching plans": (
        "coaching-plans/other.yml",
        lambda _: (PLAYBOOK / PLAN).read_text(encoding="utf-8").replace("id: floor", "id: other"),
        [
            "data/coaching-plans/other.yml:3: coaching plan 'other' field 'roles[0]': role 'floor-sales' is already coached with the "
            "plan 'floor'. Fix: list each role in one coaching plan only"
        ],
    ),
    "role without a coaching plan": (
        PLAN,
        lambda s: s.replace("roles: [floor-sales]", "roles: [floor-sales-lead]"),
        [
            "data/coaching-plans: role 'floor-sales': no coaching plan lists this role, so its manager's page would have no plan. "
            "Fix: add 'floor-sales' to the roles of the plan that fits it (floor)",
            "data/coaching-plans/floor.yml:3: coaching plan 'floor' field 'roles[0]': unknown role 'floor-sales-lead'. "
            "Fix: did you mean 'floor-sales'?",
        ],
    ),
    "diagnosis of an unknown metric and behavior": (
        PLAN,
        lambda s: s.replace("  - metric: greetings", "  - metric: greeting").replace("perseverance/calls-back", "perseverance/calls"),
        [
            "data/coaching-plans/floor.yml:10: coaching plan 'floor' field 'diagnosis[0].metric': unknown funnel metric 'greeting'. "
            "Fix: did you mean 'greetings'?",
            "data/coaching-plans/floor.yml:13: coaching plan 'floor' field 'diagnosis[0].skill': unknown behavior 'calls' of "
            "competency 'demonstrates-perseverance'. Fix: did you mean 'demonstrates-perseverance/calls-back'?",
        ],
    ),
    "experiment naming an unknown play": (
        "experiments.yml",
        lambda _: (
            "- id: louder-greeting\n  name: Louder greeting\n  hypothesis: Louder is better.\n  smallest_test: One day.\n"
            "  run_by: A floor rep\n  roles: [floor-sales]\n  plays: [walk-in-greting]\n  success_criteria:\n    - 10% more sales.\n"
        ),
        [
            "data/experiments.yml:7: experiment 'louder-greeting' field 'plays[0]': unknown play 'walk-in-greting'. "
            "Fix: did you mean 'walk-in-greeting'?"
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_playbook_mistakes_are_reported_exactly(tmp_path: Path, name: str):
    file, change, expected = CASES[name]
    assert problems_after(tmp_path, file, change) == expected


def test_every_playbook_problem_is_reported_in_one_run(tmp_path: Path):
    def break_everything(s: str) -> str:
        return s.replace("stages: [prospect]", "stages: [prospects]").replace("roles: [floor-sales]", "roles: [floor]")

    problems = problems_after(tmp_path, PLAY, break_everything)
    assert len(problems) == 2
    assert "unknown deal stage 'prospects'" in problems[0] and "unknown role 'floor'" in problems[1]
