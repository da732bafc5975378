"""What changed between two handbooks: records added, changed and removed per kind, behaviors and sessions included."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sites import FIXTURES

from macros.handbook import Handbook
from macros.handbook.changes import Changes, KindChanges, RecordChange, diff_handbooks
from macros.loading import load_handbook
from macros.site.plan_whats_new import plan_whats_new_page
from macros.site.timeline import Period, WhatsNew


@pytest.fixture(scope="module")
def tiny() -> Handbook:
    """The smallest fixture's handbook: one role, one competency with four behaviors, no training or playbook."""
    return load_handbook(FIXTURES / "tiny" / "data")


def _kind(changes: Changes, kind: str) -> KindChanges:
    """The changes to one kind."""
    return next(k for k in changes.kinds if k.kind == kind)


def _keys(items) -> list[str]:
    """The keys of record changes, in order."""
    return [c.key for c in items]


def test_the_same_handbook_has_no_changes(tiny: Handbook):
    changes = diff_handbooks(tiny, tiny)
    assert changes.empty
    assert [k.kind for k in changes.kinds] == ["role", "competency", "behavior"]  # no training or playbook at either point


def test_roles_added_changed_and_removed_by_id(tiny: Handbook):
    floor = tiny.roles[0]
    inside = floor.model_copy(update={"id": "inside-sales", "name": "Inside Sales"})
    field = floor.model_copy(update={"id": "field-sales", "name": "Field Sales"})
    old = replace(tiny, roles=(floor, inside))
    new = replace(tiny, roles=(floor.model_copy(update={"summary": "Sells on the floor.", "titles": ("Clerk",)}), field))

    roles = _kind(diff_handbooks(old, new), "role")
    assert _keys(roles.added) == ["field-sales"] and roles.added[0].label == "Field Sales"
    assert _keys(roles.removed) == ["inside-sales"] and roles.removed[0].label == "Inside Sales"
    assert [(c.key, c.fields) for c in roles.changed] == [("floor-sales", ("summary", "titles"))]


def test_an_unchanged_role_is_not_listed(tiny: Handbook):
    competency = tiny.competencies[0]
    new = replace(tiny, competencies=(competency.model_copy(update={"definition": "Never gives up."}),))
    changes = diff_handbooks(tiny, new)
    assert _kind(changes, "role").empty
    assert [(c.key, c.fields) for c in _kind(changes, "competency").changed] == [("demonstrates-perseverance", ("definition",))]


def test_behaviors_are_compared_within_their_competency(tiny: Handbook):
    competency = tiny.competencies[0]
    first, second, *rest = competency.behaviors
    reworded = first.model_copy(update={"text": "Calls back the next day after a no."})
    added = first.model_copy(update={"id": "keeps-notes", "text": "Keeps notes of every call."})
    new = replace(tiny, competencies=(competency.model_copy(update={"behaviors": (reworded, *rest, added)}),))

    changes = diff_handbooks(tiny, new)
    behaviors = _kind(changes, "behavior")
    assert [(c.key, c.label, c.within) for c in behaviors.added] == [
        ("demonstrates-perseverance/keeps-notes", "Keeps notes of every call.", "Demonstrates Perseverance")
    ]
    assert [(c.key, c.fields) for c in behaviors.changed] == [("demonstrates-perseverance/calls-back", ("wording",))]
    assert [(c.key, c.label) for c in behaviors.removed] == [(f"demonstrates-perseverance/{second.id}", second.text)]
    # Behaviors added or removed are listed as behaviors: the competency itself did not change.
    assert _kind(changes, "competency").empty


def test_reordered_behaviors_change_the_competency(tiny: Handbook):
    competency = tiny.competencies[0]
    new = replace(tiny, competencies=(competency.model_copy(update={"behaviors": tuple(reversed(competency.behaviors))}),))
    changes = diff_handbooks(tiny, new)
    assert [c.fields for c in _kind(changes, "competency").changed] == [("behavior order",)]
    assert _kind(changes, "behavior").empty


def test_plays_and_sessions_are_compared_when_both_points_have_them(real_handbook: Handbook):
    play = real_handbook.plays[0]
    curriculum = real_handbook.curricula[0]
    week = curriculum.weeks[0]
    day = week.days[0]
    session = day.sessions[0]
    renamed = session.model_copy(update={"title": "A new title", "duration": session.duration + 5})
    new_day = day.model_copy(update={"sessions": (renamed, *day.sessions[1:])})
    new_week = week.model_copy(update={"days": (new_day, *week.days[1:])})
    new_curriculum = curriculum.model_copy(update={"weeks": (new_week, *curriculum.weeks[1:])})
    new = replace(real_handbook, plays=real_handbook.plays[1:], curricula=(new_curriculum, *real_handbook.curricula[1:]))

    changes = diff_handbooks(real_handbook, new)
    assert _keys(_kind(changes, "play").removed) == [play.id]
    sessions = _kind(changes, "session")
    assert [(c.key, c.label, c.within, c.fields) for c in sessions.changed] == [
        (f"{curriculum.id}/{session.id}", "A new title", curriculum.name, ("title", "duration"))
    ]
    assert not sessions.added and not sessions.removed


def test_a_section_one_point_lacks_is_a_note_not_a_list_of_every_record(tiny: Handbook, real_handbook: Handbook):
    changes = diff_handbooks(tiny, real_handbook)
    assert "play" not in [k.kind for k in changes.kinds] and "session" not in [k.kind for k in changes.kinds]
    assert changes.notes == (
        f"The playbook was added ({len(real_handbook.plays)} plays).",
        f"Training was added ({len(real_handbook.curricula)} curricula).",
    )
    assert diff_handbooks(real_handbook, tiny).notes == ("The playbook was removed.", "Training was removed.")


def test_records_still_in_the_handbook_link_to_their_current_page(real_handbook: Handbook):
    competency = real_handbook.competencies[0]
    behavior = competency.behaviors[0]
    planned = real_handbook.planned_sessions[real_handbook.curricula[0].id][3]
    play = real_handbook.plays[0]
    kinds = (
        KindChanges("behavior", "Behaviors", changed=(RecordChange("behavior", f"{competency.id}/{behavior.id}", behavior.text),)),
        KindChanges("play", "Plays", added=(RecordChange("play", play.id, play.name),), removed=(RecordChange("play", play.id, "Old"),)),
        KindChanges(
            "session",
            "Sessions",
            added=(
                RecordChange("session", f"{planned.curriculum.id}/{planned.session.id}", planned.session.title),
                RecordChange("session", f"{planned.curriculum.id}/gone", "A session no longer taught"),
            ),
        ),
    )
    whats_new = WhatsNew("tags", (Period("v2", "2026-02-01", Changes(kinds)),))
    spec = plan_whats_new_page(real_handbook, whats_new)
    (shown,) = spec.context["periods"]
    behaviors, plays, sessions = shown.kinds
    assert (behaviors.changed[0].page, behaviors.changed[0].page_id, behaviors.changed[0].anchor) == (
        "competency",
        competency.id,
        "job-behaviors",
    )
    assert (plays.added[0].page, plays.added[0].page_id) == ("play", play.id)
    assert plays.removed[0].page == ""  # removed in that period: plain text, even though the id exists now
    assert (sessions.added[0].page, sessions.added[0].page_id, sessions.added[0].anchor) == (
        "curriculum-week",
        planned.week_ref,
        planned.anchor,
    )
    assert sessions.added[1].page == ""
    assert spec.shows == ("v2", behavior.text, play.name, "Old", planned.session.title, "A session no longer taught")
    assert spec.sources == ()
