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
    # Playbooks (issue 5)
    "plays": "plays/index.md",
    "play": "plays/{id}.md",
    "journey-map": "journey-map.md",
    "qualification": "qualification.md",
    "service-levels": "service-levels.md",
    "experiments": "experiments.md",
    "coaching": "roles/{id}/coaching.md",
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
    search_boost: float | None = None  # Material's per-page search weight; below 1 keeps a derived page under its source page


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
    specs += plan_playbook_pages(hb)  # Playbooks (issue 5)
    return specs


# --- Playbooks (issue 5): plays index and pages, journey map, qualification, SLAs, experiments, coaching pages ---


def _list_file(hb: Handbook, kind: str, records: tuple[Any, ...]) -> tuple[str, ...]:
    """The data file of a list kind (one file holds every record), or nothing when the kind has no records."""
    return (hb.source(kind, records[0].id).file,) if records else ()


def plan_playbook_pages(hb: Handbook) -> list[PageSpec]:
    """The playbook's pages: index with filters, one page per play, journey map, reference pages, coaching per role."""
    play_files = tuple(hb.source("play", p.id).file for p in hb.plays)
    journey_files = (*_list_file(hb, "journey phase", hb.phases), *_list_file(hb, "deal stage", hb.stages))
    buyer_files = _list_file(hb, "buyer role", hb.buyer_roles)
    specs = [
        PageSpec(
            page_path("plays"),
            "Playbooks",
            "plays_index.md",
            {"handbook": hb},
            (*play_files, *journey_files, *buyer_files),
            "Plays for every deal stage and buyer, filtered by role, phase, stage and buyer role.",
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
        ),
        PageSpec(
            page_path("qualification"),
            "Qualification frameworks",
            "qualification.md",
            {"handbook": hb},
            _list_file(hb, "qualification framework", hb.frameworks),
            "The qualification questions every discovery uses: GPCT and BANT.",
        ),
        PageSpec(
            page_path("service-levels"),
            "Service levels",
            "service_levels.md",
            {"handbook": hb},
            _list_file(hb, "service level", hb.service_levels),
            "Lead-response and lead-value agreements between marketing and sales, and the signals of a breach.",
        ),
        PageSpec(
            page_path("experiments"),
            "Sales experiments",
            "experiments.md",
            {"handbook": hb},
            _list_file(hb, "experiment", hb.experiments),
            "Small sales experiments: hypothesis, smallest test, who runs it and how success is judged.",
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
            )
        )
    return specs


def playbook_navigation(hb: Handbook) -> list[Any]:
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


def plan_downloads(handbook: Handbook) -> dict[str, str]:
    """Files other than pages that the handbook publishes (path in the site -> text content)."""
    return {}


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
    sections = {page_path("roles"): roles, page_path("competencies"): competencies}
    sections[page_path("plays")] = playbook_navigation(hb)  # Playbooks (issue 5)
    return sections
