"""The roles x competencies matrix: one page, or an overview and parts of one family's roles when there are many."""

from __future__ import annotations

from dataclasses import dataclass

from ..handbook import Handbook
from ..model import Competency, Dimension, Family, Role
from .paths import PageSpec, files_of, names, page_path

# The roles x competencies matrix grows with roles x competencies. Up to MATRIX_MAX_ROLES roles it
# is one page; beyond, an overview page links to parts of at most MATRIX_PART_ROLES roles of one family, each with only
# the competencies those roles need (rows still grouped by dimension), so every part stays a readable table.
MATRIX_MAX_ROLES = 24
MATRIX_PART_ROLES = 8


@dataclass(frozen=True)
class MatrixPart:
    """One part of a split matrix: a family's group of roles and the competencies they need."""

    id: str
    title: str
    family: Family
    roles: tuple[Role, ...]
    groups: tuple[tuple[Dimension, tuple[Competency, ...]], ...]


def matrix_parts(hb: Handbook) -> tuple[MatrixPart, ...]:
    """The parts of the matrix, or none when the whole matrix fits on one page."""
    if len(hb.roles) <= MATRIX_MAX_ROLES:
        return ()
    parts: list[MatrixPart] = []
    for family in hb.families:
        members = hb.roles_by_family[family.id]
        count = -(-len(members) // MATRIX_PART_ROLES)
        size = -(-len(members) // count) if count else 1
        for number, start in enumerate(range(0, len(members), size), start=1):
            roles = members[start : start + size]
            needed = {c for role in roles for c in role.competencies}
            title = family.name if count == 1 else f"{family.name} {number}: {roles[0].name} – {roles[-1].name}"
            groups = hb.by_dimension(tuple(c for c in hb.competencies if c.id in needed))
            parts.append(MatrixPart(f"{family.id}-{number}", title, family, roles, groups))
    return tuple(parts)


def matrix_pages(hb: Handbook, shared: tuple[str, ...]) -> list[PageSpec]:
    """The matrix page, or its overview and parts when the handbook has many roles (`shared`: the families and dimensions files)."""
    parts = matrix_parts(hb)
    role_files = files_of(hb, "role", hb.roles)
    hide = ("navigation", "toc")
    description = "Which role needs which competency, at a glance."
    if not parts:
        context = {"handbook": hb, "roles": hb.roles, "groups": hb.by_dimension(hb.competencies), "part": None}
        shows = (*names(hb.roles), *names(hb.competencies))
        return [
            PageSpec(
                page_path("matrix"),
                "Roles and competencies matrix",
                "matrix.md",
                context,
                (*role_files, *files_of(hb, "competency", hb.competencies), *shared),
                description,
                hide=hide,
                shows=shows,
            )
        ]
    by_family: dict[str, list[PageSpec]] = {}
    specs = []
    for part in parts:
        competencies = tuple(c for _, members in part.groups for c in members)
        files = (*files_of(hb, "role", part.roles), *files_of(hb, "competency", competencies), *shared)
        context = {"handbook": hb, "roles": part.roles, "groups": part.groups, "part": part.title, "part_id": part.id}
        shows = (*names(part.roles), *(c.name for _, members in part.groups for c in members))
        path = page_path("matrix-part", part.id)
        spec = PageSpec(path, f"Matrix: {part.title}", "matrix.md", context, files, description, hide=hide, shows=shows)
        by_family.setdefault(part.family.id, []).append(spec)
        specs.append(spec)
    overview = {
        "handbook": hb,
        "parts": tuple((hb.family[f], tuple(members)) for f, members in by_family.items()),
        "part_size": MATRIX_PART_ROLES,
    }
    title = "Roles and competencies matrix"
    index = PageSpec(page_path("matrix"), title, "matrix_index.md", overview, (*role_files, *shared), description, shows=names(hb.roles))
    return [index, *specs]
