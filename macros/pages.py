"""Page specs: which pages the handbook has, where they live, what they show and where their data comes from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .index import Handbook

# Where each kind of record's page lives (source paths; MkDocs turns roles/x.md into /roles/x/).
PAGE_PATHS = {
    "role": "roles/{id}.md",
    "competency": "competencies/{id}.md",
    "dimension": "dimensions/{id}/index.md",
    "roles": "roles/index.md",
    "competencies": "competencies/index.md",
    "dimensions": "dimensions/index.md",
    "matrix": "matrix.md",
    "profile-mapping": "profile-mapping.md",
}


def page_path(kind: str, record_id: str = "") -> str:
    """Source path of the page that shows a record (or a listing when no id is given)."""
    return PAGE_PATHS[kind].format(id=record_id)


@dataclass(frozen=True)
class PageSpec:
    """One generated page: its path, title, template, the models it shows and its data files."""

    src_uri: str
    title: str
    template: str
    context: Mapping[str, Any]
    sources: tuple[str, ...]
    description: str = ""
    hide: tuple[str, ...] = field(default=())  # Material page parts to hide, e.g. the sidebars of wide pages


def plan_pages(handbook: Handbook) -> list[PageSpec]:
    """Every generated page of the handbook, in navigation order."""
    hb = handbook
    role_files = tuple(hb.source("role", r.id).file for r in hb.roles)
    competency_files = tuple(hb.source("competency", c.id).file for c in hb.competencies)
    families_file = hb.source("family", hb.families[0].id).file if hb.families else ""
    dimensions_file = hb.source("dimension", hb.dimensions[0].id).file if hb.dimensions else ""
    levels_file = hb.source("proficiency level", hb.levels[0].id).file if hb.levels else ""
    specs: list[PageSpec] = [
        PageSpec(
            page_path("roles"),
            "Roles",
            "roles_index.md",
            {"handbook": hb},
            (families_file, *role_files),
            f"The {len(hb.roles)} benchmark role profiles, grouped by family.",
        ),
    ]
    for role in hb.roles:
        specs.append(
            PageSpec(
                page_path("role", role.id),
                role.name,
                "role.md",
                {"handbook": hb, "role": role, "family": hb.family[role.family], "competencies": hb.role_competencies(role)},
                (hb.source("role", role.id).file,),
                role.summary,
            )
        )
    specs.append(
        PageSpec(
            page_path("competencies"),
            "Competencies",
            "competencies_index.md",
            {"handbook": hb},
            (dimensions_file, *competency_files),
            f"The {len(hb.competencies)} competencies of the model, grouped by dimension.",
        )
    )
    specs.append(
        PageSpec(
            page_path("dimensions"),
            "Dimensions",
            "dimensions_index.md",
            {"handbook": hb},
            (dimensions_file,),
            f"The {len(hb.dimensions)} dimensions that group the competencies.",
        )
    )
    for dimension in hb.dimensions:
        specs.append(
            PageSpec(
                page_path("dimension", dimension.id),
                dimension.name,
                "dimension.md",
                {"handbook": hb, "dimension": dimension, "competencies": hb.competencies_by_dimension[dimension.id]},
                (dimensions_file,),
                dimension.description,
            )
        )
        for competency in hb.competencies_by_dimension[dimension.id]:
            specs.append(
                PageSpec(
                    page_path("competency", competency.id),
                    competency.name,
                    "competency.md",
                    {"handbook": hb, "competency": competency, "dimension": dimension, "roles": hb.roles_by_competency[competency.id]},
                    (hb.source("competency", competency.id).file, levels_file),
                    competency.definition,
                )
            )
    specs.append(
        PageSpec(
            page_path("matrix"),
            "Roles and competencies matrix",
            "matrix.md",
            {"handbook": hb},
            (*role_files,),
            "Which role needs which competency, at a glance.",
            hide=("navigation", "toc"),
        )
    )
    mapping_file = next(f for f in hb.data_files if f.endswith("/profile-mapping.yml"))
    specs.append(
        PageSpec(
            page_path("profile-mapping"),
            "Profile mapping guide",
            "profile_mapping.md",
            {"handbook": hb},
            (mapping_file, *role_files),
            "Sort a position with a few questions before choosing its benchmark profile.",
        )
    )
    return specs


def plan_downloads(handbook: Handbook) -> dict[str, str]:
    """Files other than pages that the handbook publishes (path in the site -> text content)."""
    downloads: dict[str, str] = {}
    # Print and export (authoring and publishing): the whole model as versioned JSON, with its JSON Schema.
    from .model_export import model_downloads  # imported here to keep this feature's lines in one block

    downloads.update(model_downloads(handbook))
    return downloads


def navigation(handbook: Handbook) -> dict[str, list[Any]]:
    """Navigation sections that replace the placeholder entries for generated listings in mkdocs.yml."""
    hb = handbook
    roles: list[Any] = [page_path("roles")]
    for family in hb.families:
        members = hb.roles_by_family[family.id]
        if members:
            roles.append({family.name: [{r.name: page_path("role", r.id)} for r in members]})
    competencies: list[Any] = [page_path("competencies"), {"All dimensions": page_path("dimensions")}]
    for dimension in hb.dimensions:
        members = hb.competencies_by_dimension[dimension.id]
        competencies.append(
            {dimension.name: [page_path("dimension", dimension.id), *({c.name: page_path("competency", c.id)} for c in members)]}
        )
    return {page_path("roles"): roles, page_path("competencies"): competencies}
