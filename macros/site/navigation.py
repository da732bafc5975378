"""Navigation: the generated sections that replace the listing entries of mkdocs.yml, kept small at any scale."""

from __future__ import annotations

import html
from typing import Any

from ..handbook import Handbook
from ..model import Role
from .matrix import matrix_parts
from .paths import page_path


def _role_section(role: Role) -> list[Any]:
    """A role's navigation section: its profile as the section index, then its working pages."""
    return [
        page_path("role", role.id),
        {"Behavior checklist": page_path("role-checklist", role.id)},
        {"Hiring scorecard": page_path("role-hiring", role.id)},
    ]


def navigation(handbook: Handbook) -> dict[str, list[Any]]:
    """Navigation sections that replace the placeholder entries for generated listings in mkdocs.yml."""
    hb = handbook
    roles: list[Any] = [page_path("roles"), {"Team view": page_path("team")}]
    for family in hb.families:
        members = hb.roles_by_family[family.id]
        if members:
            roles.append({family.name: [{r.name: _role_section(r)} for r in members]})
    competencies: list[Any] = [page_path("competencies"), {"All dimensions": page_path("dimensions")}]
    for dimension in hb.dimensions:
        members = hb.competencies_by_dimension[dimension.id]
        competencies.append(
            {dimension.name: [page_path("dimension", dimension.id), *({c.name: page_path("competency", c.id)} for c in members)]}
        )
    sections = {page_path("roles"): roles, page_path("competencies"): competencies}
    sections[page_path("curricula")] = _training_navigation(hb) if hb.has_training else []  # empty: the entry goes
    sections[page_path("plays")] = _playbook_navigation(hb) if hb.has_playbook else []
    if parts := matrix_parts(hb):  # the parts of a split matrix, by family
        families = dict.fromkeys(part.family for part in parts)
        sections[page_path("matrix")] = [
            page_path("matrix"),
            *({f.name: [{p.title: page_path("matrix-part", p.id)} for p in parts if p.family == f]} for f in families),
        ]
    return {listing: grouped_navigation(section) for listing, section in sections.items()}


def _training_navigation(hb: Handbook) -> list[Any]:
    """The Training tab: index and coverage, a section per curriculum with its weeks, then cohorts, certifications, exams."""
    section: list[Any] = [page_path("curricula"), {"Competency coverage": page_path("coverage")}]
    curricula: list[Any] = []
    for curriculum in hb.curricula:
        weeks = [
            {f"Week {number}: {week.title}": page_path("curriculum-week", f"{curriculum.id}/week-{number}")}
            for number, week in enumerate(curriculum.weeks, start=1)
        ]
        curricula.append({curriculum.name: [page_path("curriculum", curriculum.id), *weeks]})
    # A tab's own sections are always expanded: many curricula go one level down, in groups.
    section += curricula if len(curricula) <= NAV_GROUP_MAX else [{"Curricula": curricula}]
    if hb.cohorts:
        section.append({"Cohorts": [{c.name: page_path("cohort", c.id)} for c in hb.cohorts]})
    if hb.certifications:
        section.append({"Certifications": [{c.name: page_path("certification", c.id)} for c in hb.certifications]})
    if hb.exams:
        section.append({"Exams": [{e.name: page_path("exam", e.id)} for e in hb.exams]})
    return section


def _playbook_navigation(hb: Handbook) -> list[Any]:
    """The Playbooks section: index, reference pages, plays by journey phase, coaching pages by role family."""
    section: list[Any] = [
        page_path("plays"),
        {"Journey map": page_path("journey-map")},
        {"Qualification": page_path("qualification")},
        {"Service levels": page_path("service-levels")},
        {"Experiments": page_path("experiments")},
    ]
    for phase in hb.phases:
        members = hb.plays_by_phase[phase.id]
        if members:
            section.append({f"{phase.name} plays": [{p.name: page_path("play", p.id)} for p in members]})
    coaching: list[Any] = []
    for family in hb.families:
        members = hb.roles_by_family[family.id]
        if members:
            coaching.append({family.name: [{r.name: page_path("coaching", r.id)} for r in members]})
    if coaching:
        section.append({"Coaching by role": coaching})
    return section


# --- Navigation that stays small at enterprise scale ---
# Material renders, on every page, the active tab's sections and their direct entries (navigation.sections), and
# with navigation.prune nothing inside collapsed sections. A list of more than NAV_GROUP_MAX entries is therefore
# split into collapsed groups ("Account Management – Consultant"), nested again when there are many groups: a page
# then carries a few dozen navigation links whatever the number of records, and every page stays a few clicks away.
NAV_GROUP_MAX = 12
NAV_GROUP_FANOUT = 6  # at most this many groups side by side; more are nested one level deeper


def grouped_navigation(entries: list[Any], depth: int = 1) -> list[Any]:
    """A navigation section with every long list of entries split into alphabetical groups, recursively."""
    entries = [_grouped_entry(entry, depth) for entry in entries]
    index = [entries[0]] if entries and isinstance(entries[0], str) else []  # the section's own page stays first
    members = entries[len(index) :]
    if depth == 1 or len(members) <= NAV_GROUP_MAX:  # a tab's top level is always expanded: grouping it saves nothing
        return entries
    return index + _groups(members)


def _grouped_entry(entry: Any, depth: int) -> Any:
    if isinstance(entry, dict) and len(entry) == 1:
        ((title, value),) = entry.items()
        if isinstance(value, list):
            return {title: grouped_navigation(value, depth + 1)}
    return entry


def _groups(members: list[Any]) -> list[Any]:
    """Split entries (in their order) into at most NAV_GROUP_MAX groups of near-equal size, nesting when needed."""
    count = -(-len(members) // NAV_GROUP_MAX)
    size = -(-len(members) // count)
    chunks = [members[i : i + size] for i in range(0, len(members), size)]
    groups = [{f"{_nav_title(chunk[0])} – {_nav_title(chunk[-1])}": chunk} for chunk in chunks]
    # Every collapsed group's label is rendered on each page of its section: many groups are grouped again.
    return groups if len(groups) <= NAV_GROUP_FANOUT else _groups_of(groups)


def _groups_of(groups: list[Any]) -> list[Any]:
    """Groups of at most NAV_GROUP_FANOUT groups, nested until one level has few enough."""
    count = -(-len(groups) // NAV_GROUP_FANOUT)
    size = -(-len(groups) // count)
    outer = [{f"{_nav_title(chunk[0])} – {_nav_title(chunk[-1], last=True)}": chunk} for chunk in _chunks(groups, size)]
    return outer if len(outer) <= NAV_GROUP_FANOUT else _groups_of(outer)


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _nav_title(entry: Any, limit: int = 28, last: bool = False) -> str:
    title = next(iter(entry)) if isinstance(entry, dict) else str(entry)
    if " – " in title:  # a nested group is named after its first (or last) entry
        title = title.split(" – ")[-1 if last else 0]
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def expand_nav(nav: list[Any], sections: dict[str, list[Any]]) -> list[Any]:
    """Replace `Title: listing.md` entries of a configured nav with the generated section for that listing."""
    expanded: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            ((title, value),) = entry.items()
            if isinstance(value, str) and value in sections:
                if sections[value]:  # a section without pages (no training written) leaves the navigation
                    expanded.append({title: escape_titles(sections[value])})
            elif isinstance(value, list):
                expanded.append({title: expand_nav(value, sections)})
            else:
                expanded.append(entry)
        elif isinstance(entry, str) and entry in sections:
            if sections[entry]:
                expanded.append(escape_titles(sections[entry]))
        else:
            expanded.append(entry)
    return expanded


def escape_titles(nav: list[Any]) -> list[Any]:
    """Escape the titles of a generated nav section: MkDocs themes print nav titles as HTML, and they come from data."""
    escaped: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict):
            escaped.append(
                {html.escape(str(title)): escape_titles(value) if isinstance(value, list) else value for title, value in entry.items()}
            )
        else:
            escaped.append(entry)
    return escaped
