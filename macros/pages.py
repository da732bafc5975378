"""Page specs: which pages the handbook has, where they live, what they show and where their data comes from."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .index import Handbook
from .model import Competency, Dimension, Family, Role
from .training import EVALUATORS, cohort_calendar, long_date  # issue #4

# Where each kind of record's page lives (source paths; MkDocs turns roles/x.md into /roles/x/).
PAGE_PATHS = {
    "role": "roles/{id}/index.md",
    "role-checklist": "roles/{id}/checklist.md",
    "role-hiring": "roles/{id}/hiring.md",
    "competency": "competencies/{id}.md",
    "dimension": "dimensions/{id}/index.md",
    "roles": "roles/index.md",
    "competencies": "competencies/index.md",
    "dimensions": "dimensions/index.md",
    "matrix": "matrix.md",
    "matrix-part": "matrix/{id}.md",  # parts of the matrix of a large handbook (issue #6)
    "profile-mapping": "profile-mapping.md",
    # Training (issue #4). A week's id is '<curriculum>/week-<n>' (PlannedSession.week_ref).
    "curricula": "curricula/index.md",
    "curriculum": "curricula/{id}/index.md",
    "curriculum-week": "curricula/{id}.md",
    "coverage": "coverage.md",
    "certification": "certifications/{id}.md",
    "exam": "exams/{id}.md",
    "cohort": "cohorts/{id}.md",
    "cohort-calendar": "cohorts/{id}.ics",
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
    search_boost: float | None = None  # below 1 for working pages (forms) that repeat a record's name, so the record's page ranks first


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
    assessment_file = _data_file(hb, "assessment.yml")
    scorecard_file = _data_file(hb, "hiring-scorecard.yml")
    for role in hb.roles:
        role_file = hb.source("role", role.id).file
        competencies = hb.role_competencies(role)
        own_files = tuple(hb.source("competency", c.id).file for c in competencies)
        specs.append(
            PageSpec(
                page_path("role", role.id),
                role.name,
                "role.md",
                {"handbook": hb, "role": role, "family": hb.family[role.family], "competencies": competencies},
                (role_file,),
                role.summary,
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
                    "groups": by_dimension(hb, competencies),
                    "expected": expected,
                    "expected_rating": hb.rating_for(expected),
                    "related": hb.related_roles(role),
                },
                (role_file, assessment_file, *own_files),
                f"Rate the {sum(len(c.behaviors) for c in competencies)} behaviors of the {role.name} profile, "
                "as a self-assessment or an observation.",
                hide=("navigation",),
                search_boost=0.5,
            )
        )
        specs.append(
            PageSpec(
                page_path("role-hiring", role.id),
                f"{role.name}: hiring scorecard",
                "role_hiring.md",
                {"handbook": hb, "role": role, "competencies": competencies, "scorecard": hb.scorecard},
                (scorecard_file, role_file, *own_files),
                f"Score {role.name} candidates on the five hiring traits and the profile's predictive competencies.",
                hide=("navigation",),
                search_boost=0.5,
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
    specs += matrix_pages(hb, role_files)  # one page, or an overview and parts at scale (issue #6)
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
    specs += _training_pages(hb)  # issue #4
    specs += plan_playbook_pages(hb)  # Playbooks (issue 5)
    return specs


def by_dimension(handbook: Handbook, competencies: tuple[Competency, ...]) -> tuple[tuple[Dimension, tuple[Competency, ...]], ...]:
    """Competencies grouped by dimension, dimensions in model order, competencies in the order given."""
    return tuple(
        (dimension, members)
        for dimension in handbook.dimensions
        if (members := tuple(c for c in competencies if c.dimension == dimension.id))
    )


def _data_file(handbook: Handbook, name: str) -> str:
    """The data-folder path of a top-level data file, as written in edit links."""
    return next(f for f in handbook.data_files if f.endswith("/" + name))


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


def download_paths(handbook: Handbook) -> tuple[str, ...]:
    """The site paths of `plan_downloads`' files, in its order, known without writing them."""
    from .model_export import MODEL_PATH, SCHEMA_PATH

    return (*(page_path("cohort-calendar", cohort.id) for cohort in handbook.cohorts), MODEL_PATH, SCHEMA_PATH)


def plan_downloads(handbook: Handbook, stamp: dt.datetime | None = None) -> dict[str, str]:
    """Files other than pages that the handbook publishes (path in the site -> text content)."""
    downloads: dict[str, str] = {}
    # Training (issue #4): one iCalendar file per cohort.
    stamp = stamp or build_stamp()
    for cohort in handbook.cohorts:
        downloads[page_path("cohort-calendar", cohort.id)] = cohort_calendar(cohort, handbook.cohort_events[cohort.id], stamp)
    # Print and export (authoring and publishing): the whole model as versioned JSON, with its JSON Schema.
    from .model_export import model_downloads  # imported here to keep this feature's lines in one block

    downloads.update(model_downloads(handbook))
    return downloads


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
    roles: list[Any] = [page_path("roles")]
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
    sections[page_path("curricula")] = _training_navigation(hb)  # issue #4
    sections[page_path("plays")] = playbook_navigation(hb)  # Playbooks (issue 5)
    if parts := matrix_parts(hb):  # performance (issue #6): the parts of a split matrix, by family
        families = dict.fromkeys(part.family for part in parts)
        sections[page_path("matrix")] = [
            page_path("matrix"),
            *({f.name: [{p.title: page_path("matrix-part", p.id)} for p in parts if p.family == f]} for f in families),
        ]
    return {listing: grouped_navigation(section) for listing, section in sections.items()}  # performance (issue #6)


# --- Training (issue #4): curricula, weeks, coverage, certifications, exams and cohorts ------------------------------


def build_stamp() -> dt.datetime:
    """When the calendars were generated (their DTSTAMP): SOURCE_DATE_EPOCH for reproducible builds, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0)


def _training_pages(hb: Handbook) -> list[PageSpec]:
    """The training section: index, coverage, a page per curriculum and per week, certifications, exams and cohorts."""
    curriculum_files = tuple(hb.source("curriculum", c.id).file for c in hb.curricula)
    cohorts_file = hb.source("cohort", hb.cohorts[0].id).file if hb.cohorts else ""
    specs = [
        PageSpec(
            page_path("curricula"),
            "Training",
            "curricula_index.md",
            {"handbook": hb},
            curriculum_files + ((cohorts_file,) if cohorts_file else ()),
            "Curricula, cohorts, exams and certifications that new hires follow, day by day.",
        ),
        PageSpec(
            page_path("coverage"),
            "Competency coverage",
            "coverage.md",
            {"handbook": hb, "missing": tuple(c for c in hb.competencies if not hb.sessions_by_competency[c.id])},
            curriculum_files,
            "Which sessions develop each competency of the library, and which competencies no session develops.",
        ),
    ]
    for curriculum in hb.curricula:
        planned = hb.planned_sessions[curriculum.id]
        source = (hb.source("curriculum", curriculum.id).file,)
        specs.append(
            PageSpec(
                page_path("curriculum", curriculum.id),
                curriculum.name,
                "curriculum.md",
                {"handbook": hb, "curriculum": curriculum, "planned": planned},
                source,
                curriculum.summary,
            )
        )
        for number, week in enumerate(curriculum.weeks, start=1):
            specs.append(
                PageSpec(
                    page_path("curriculum-week", f"{curriculum.id}/week-{number}"),
                    f"Week {number}: {week.title}",
                    "curriculum_week.md",
                    {
                        "handbook": hb,
                        "curriculum": curriculum,
                        "week": week,
                        "number": number,
                        "planned": tuple(p for p in planned if p.week == number),
                    },
                    source,
                    week.goal or f"Week {number} of {curriculum.name}, day by day.",
                )
            )
    for certification in hb.certifications:
        specs.append(
            PageSpec(
                page_path("certification", certification.id),
                certification.name,
                "certification.md",
                {
                    "handbook": hb,
                    "certification": certification,
                    "evaluator": EVALUATORS[certification.evaluator],
                    "sittings": hb.sessions_by_assessment[certification.id],
                },
                (hb.source("certification", certification.id).file,),
                certification.summary,
                hide=("navigation", "toc"),  # the rubric table needs the width, on screen and on paper
            )
        )
    for exam in hb.exams:
        specs.append(
            PageSpec(
                page_path("exam", exam.id),
                exam.name,
                "exam.md",
                {"handbook": hb, "exam": exam, "sittings": hb.sessions_by_assessment[exam.id]},
                (hb.source("exam", exam.id).file,),
                exam.summary,
            )
        )
    for cohort in hb.cohorts:
        curriculum = hb.curriculum[cohort.curriculum]
        specs.append(
            PageSpec(
                page_path("cohort", cohort.id),
                cohort.name,
                "cohort.md",
                {
                    "handbook": hb,
                    "cohort": cohort,
                    "curriculum": curriculum,
                    "events": hb.cohort_events[cohort.id],
                    "holidays": tuple(long_date(day) for day in cohort.holidays),
                },
                (cohorts_file, hb.source("curriculum", curriculum.id).file),
                f"{cohort.name}: the {curriculum.name} schedule on real dates, with a calendar to import and progress to tick off.",
            )
        )
    return specs


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
    # Performance (issue #6): a tab's own sections are always expanded; many curricula go one level down, in groups.
    section += curricula if len(curricula) <= NAV_GROUP_MAX else [{"Curricula": curricula}]
    if hb.cohorts:
        section.append({"Cohorts": [{c.name: page_path("cohort", c.id)} for c in hb.cohorts]})
    if hb.certifications:
        section.append({"Certifications": [{c.name: page_path("certification", c.id)} for c in hb.certifications]})
    if hb.exams:
        section.append({"Exams": [{e.name: page_path("exam", e.id)} for e in hb.exams]})
    return section


# --- Performance (issue #6): navigation that stays small at enterprise scale -------------------------------------------
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


# Performance (issue #6): the roles x competencies matrix grows with roles x competencies. Up to MATRIX_MAX_ROLES roles it
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
            groups = by_dimension(hb, tuple(c for c in hb.competencies if c.id in needed))
            parts.append(MatrixPart(f"{family.id}-{number}", title, family, roles, groups))
    return tuple(parts)


def matrix_pages(hb: Handbook, role_files: tuple[str, ...]) -> list[PageSpec]:
    """The matrix page, or its overview and parts when the handbook has many roles."""
    parts = matrix_parts(hb)
    hide = ("navigation", "toc")
    description = "Which role needs which competency, at a glance."
    if not parts:
        context = {"handbook": hb, "roles": hb.roles, "groups": by_dimension(hb, hb.competencies), "part": None}
        return [PageSpec(page_path("matrix"), "Roles and competencies matrix", "matrix.md", context, role_files, description, hide=hide)]
    by_family: dict[str, list[PageSpec]] = {}
    specs = []
    for part in parts:
        files = tuple(hb.source("role", r.id).file for r in part.roles)
        context = {"handbook": hb, "roles": part.roles, "groups": part.groups, "part": part.title, "part_id": part.id}
        spec = PageSpec(page_path("matrix-part", part.id), f"Matrix: {part.title}", "matrix.md", context, files, description, hide=hide)
        by_family.setdefault(part.family.id, []).append(spec)
        specs.append(spec)
    overview = {
        "handbook": hb,
        "parts": tuple((hb.family[f], tuple(members)) for f, members in by_family.items()),
        "part_size": MATRIX_PART_ROLES,
    }
    return [PageSpec(page_path("matrix"), "Roles and competencies matrix", "matrix_index.md", overview, role_files, description), *specs]


# Performance (issue #6): index pages list every record while a list is short; past a limit they switch to a compact
# form (names and counts, no summaries; the record pages and per-dimension pages hold the detail), so no page
# outgrows a reader. Limits per listing, from the bytes one row weighs in its full form.
LONG_LISTINGS = {"default": 100, "dimension": 40, "plays": 60}


def is_long_listing(records: Any, listing: str = "default") -> bool:
    """Whether a listing has so many records that its page shows them compactly (a Jinja test: `x is long_listing`)."""
    return len(records) > LONG_LISTINGS[listing]
