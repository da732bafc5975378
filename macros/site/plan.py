"""Page specs of the core model: roles and their working pages, competencies, dimensions, the matrix, profile mapping."""

from __future__ import annotations

from ..handbook import Handbook
from .listing import is_long_listing
from .matrix import matrix_pages
from .paths import PageSpec, files_of, names, page_path, texts, texts_of
from .plan_evidence import competency_evidence, plan_evidence_pages
from .plan_playbook import plan_playbook_pages
from .plan_training import plan_training_pages
from .plan_whats_new import plan_whats_new_page
from .timeline import WhatsNew


def plan_pages(handbook: Handbook, whats_new: WhatsNew | None = None) -> list[PageSpec]:
    """Every generated page of the handbook, in navigation order; `whats_new` is the history read for its page."""
    hb = handbook
    role_files = tuple(hb.source("role", r.id).file for r in hb.roles)
    competency_files = tuple(hb.source("competency", c.id).file for c in hb.competencies)
    families_file = hb.source("family", hb.families[0].id).file if hb.families else ""
    dimensions_file = hb.source("dimension", hb.dimensions[0].id).file if hb.dimensions else ""
    levels_file = hb.source("proficiency level", hb.levels[0].id).file if hb.levels else ""
    mapping_file = data_file(hb, "profile-mapping.yml")
    specs: list[PageSpec] = [
        PageSpec(
            page_path("roles"),
            "Roles",
            "roles_index.md",
            {"handbook": hb},
            (families_file, *role_files),
            f"The {len(hb.roles)} benchmark role profiles, grouped by family.",
            shows=names(hb.roles),
        ),
    ]
    assessment_file = data_file(hb, "assessment.yml")
    scorecard_file = data_file(hb, "hiring-scorecard.yml")
    for role in hb.roles:
        role_file = hb.source("role", role.id).file
        competencies = hb.role_competencies(role)
        own_files = files_of(hb, "competency", competencies)
        specs.append(
            PageSpec(
                page_path("role", role.id),
                role.name,
                "role.md",
                {"handbook": hb, "role": role, "family": hb.family[role.family], "competencies": competencies},
                (role_file, *own_files),
                role.summary,
                search_names=(role.name, *role.titles),
                shows=(
                    *texts(role),
                    *texts_of(competencies, "name", "behaviors"),
                    *names(hb.plays_by_role[role.id]),
                    *names(hb.curricula_by_role[role.id]),
                ),
                related=(
                    families_file,
                    dimensions_file,
                    mapping_file,
                    *files_of(hb, "play", hb.plays_by_role[role.id]),
                    *files_of(hb, "curriculum", hb.curricula_by_role[role.id]),
                ),
            )
        )
        expected = hb.expected_level(role)
        specs.append(
            PageSpec(
                page_path("role-checklist", role.id),
                f"{role.name}: behavior checklist",
                "role_checklist.md",
                {
                    "handbook": hb,
                    "role": role,
                    "groups": hb.by_dimension(competencies),
                    "expected": expected,
                    "expected_rating": hb.rating_for(expected),
                    "related": hb.related_roles(role),
                },
                (role_file, assessment_file, *own_files),
                f"Rate the {sum(len(c.behaviors) for c in competencies)} behaviors of the {role.name} profile, "
                "as a self-assessment or an observation.",
                hide=("navigation",),
                search_boost=0.5,
                shows=(*texts_of(competencies, "name", "behaviors"), *texts_of(hb.assessment.scale, "meaning")),
                related=(dimensions_file, levels_file),
            )
        )
        scorecard = hb.scorecard
        specs.append(
            PageSpec(
                page_path("role-hiring", role.id),
                f"{role.name}: hiring scorecard",
                "role_hiring.md",
                {"handbook": hb, "role": role, "competencies": competencies, "scorecard": scorecard},
                (scorecard_file, role_file, *own_files),
                f"Score {role.name} candidates on the five hiring traits and the profile's predictive competencies.",
                hide=("navigation",),
                search_boost=0.5,
                shows=(
                    *texts_of(scorecard.traits, "name", "anchors", "how_to_evaluate", "questions"),
                    *names(competencies),
                    *texts_of((c.hiring for c in competencies if c.hiring), "anchors", "questions"),
                    *texts_of(scorecard.bands, "label"),
                ),
            )
        )
    specs.append(
        PageSpec(
            page_path("team"),
            "Team view",
            "team.md",
            {"handbook": hb},
            (*role_files, assessment_file),
            "Load your team's checklist CSVs: a heatmap per role, self against manager, the weakest competencies and the trend.",
            hide=("navigation",),
        )
    )
    evidence_files = tuple(f for f in hb.data_files if f.endswith(("/metrics.yml", "/evidence.yml")))
    long_library = is_long_listing(hb.competencies)  # a compact listing names dimensions, not every competency
    specs.append(
        PageSpec(
            page_path("competencies"),
            "Competencies",
            "competencies_index.md",
            {"handbook": hb},
            (dimensions_file, *competency_files),
            f"The {len(hb.competencies)} competencies of the model, grouped by dimension.",
            shows=names(hb.dimensions if long_library else hb.competencies),
            related=role_files,  # how many roles need each competency
        )
    )
    specs.append(
        PageSpec(
            page_path("dimensions"),
            "Dimensions",
            "dimensions_index.md",
            {"handbook": hb},
            (dimensions_file, *competency_files),
            f"The {len(hb.dimensions)} dimensions that group the competencies.",
            shows=names(hb.dimensions),
        )
    )
    for dimension in hb.dimensions:
        members = hb.competencies_by_dimension[dimension.id]
        specs.append(
            PageSpec(
                page_path("dimension", dimension.id),
                dimension.name,
                "dimension.md",
                {"handbook": hb, "dimension": dimension, "competencies": members},
                (dimensions_file, *files_of(hb, "competency", members)),
                dimension.description,
                shows=names(members),
                related=tuple(f for c in members for f in files_of(hb, "role", hb.roles_by_competency[c.id])),
            )
        )
        for competency in members:
            evidence = competency_evidence(hb, competency)
            specs.append(
                PageSpec(
                    page_path("competency", competency.id),
                    competency.name,
                    "competency.md",
                    {
                        "handbook": hb,
                        "competency": competency,
                        "dimension": dimension,
                        "roles": hb.roles_by_competency[competency.id],
                        "evidence": evidence,
                    },
                    (hb.source("competency", competency.id).file, levels_file, *evidence_files),
                    competency.definition,
                    search_names=(competency.name, *competency.aliases),
                    shows=(
                        *texts(competency, "name", "definition", "behaviors", "levels"),
                        *names(hb.roles_by_competency[competency.id]),
                        *names(hb.plays_by_competency[competency.id]),
                        *(p.session.title for p in hb.sessions_by_competency[competency.id]),
                        *dict.fromkeys(s.metric.name for _, items in evidence for s in items),
                    ),
                    related=(
                        dimensions_file,
                        families_file,
                        *files_of(hb, "role", hb.roles_by_competency[competency.id]),
                        *files_of(hb, "play", hb.plays_by_competency[competency.id]),
                        *files_of(hb, "curriculum", (p.curriculum for p in hb.sessions_by_competency[competency.id])),
                    ),
                )
            )
    specs += matrix_pages(hb, (families_file, dimensions_file))
    specs.append(
        PageSpec(
            page_path("profile-mapping"),
            "Profile mapping guide",
            "profile_mapping.md",
            {"handbook": hb},
            (data_file(hb, "profile-mapping.yml"), *role_files),
            "Sort a position with a few questions before choosing its benchmark profile.",
            shows=texts(hb.mapping),
        )
    )
    # A section with nothing written (a company's own model before its training or plays) is left out, not shown empty.
    if hb.has_training:
        specs += plan_training_pages(hb)
    if hb.has_playbook:
        specs += plan_playbook_pages(hb)
    specs += plan_evidence_pages(hb)
    specs.append(plan_whats_new_page(hb, whats_new))
    return specs


def data_file(handbook: Handbook, name: str) -> str:
    """The data-folder path of a top-level data file, as written in edit links."""
    return next(f for f in handbook.data_files if f.endswith("/" + name))
