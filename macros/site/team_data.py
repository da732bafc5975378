"""What the team view compares loaded checklists with (/team.json): each role's competencies, expected rating and
where to develop each competency.

A file rather than page text: the team page stays the same few kilobytes however large the handbook is, and the
browser fetches the file only when a manager loads checklists.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..handbook import Handbook
from .paths import page_url

TEAM_DATA_PATH = "team.json"
DEVELOP_LINKS = 2  # sessions and plays listed per competency, each: the first ones, as on the checklist summary


class TeamLink(BaseModel):
    """A session or play that develops a competency; `url` is relative to the site root."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Literal["session", "play"]
    title: str
    url: str


class TeamCompetency(BaseModel):
    """A competency any role is rated on, written once however many roles share it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    url: str
    develop: tuple[TeamLink, ...]


class TeamRole(BaseModel):
    """A role's checklist: the rating it is expected to reach and its competencies as positions in the list."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    url: str
    expected: int
    competencies: tuple[int, ...]


class TeamData(BaseModel):
    """Everything team.js needs to place a checklist CSV: roles in handbook order and their competencies."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    roles: tuple[TeamRole, ...]
    competencies: tuple[TeamCompetency, ...]


def team_data(handbook: Handbook) -> TeamData:
    """The team view's data for this handbook."""
    members = {r.id: handbook.role_competencies(r) for r in handbook.roles}
    shared = {c.id: c for competencies in members.values() for c in competencies}
    position = {competency_id: index for index, competency_id in enumerate(shared)}
    competencies = tuple(
        TeamCompetency(
            id=c.id,
            name=c.name,
            url=page_url("competency", c.id),
            develop=(
                *(
                    TeamLink(kind="session", title=s.session.title, url=f"{page_url('curriculum-week', s.week_ref)}#{s.anchor}")
                    for s in handbook.sessions_by_competency.get(c.id, ())[:DEVELOP_LINKS]
                ),
                *(
                    TeamLink(kind="play", title=p.name, url=page_url("play", p.id))
                    for p in handbook.plays_by_competency.get(c.id, ())[:DEVELOP_LINKS]
                ),
            ),
        )
        for c in shared.values()
    )
    roles = tuple(
        TeamRole(
            id=r.id,
            name=r.name,
            url=page_url("role-checklist", r.id),
            expected=handbook.rating_for(handbook.expected_level(r)).value,
            competencies=tuple(position[c.id] for c in members[r.id]),
        )
        for r in handbook.roles
    )
    return TeamData(roles=roles, competencies=competencies)


def team_downloads(handbook: Handbook) -> dict[str, str]:
    """/team.json as a site file (compact JSON)."""
    return {TEAM_DATA_PATH: json.dumps(team_data(handbook).model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))}
