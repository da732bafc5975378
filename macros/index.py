"""Load the whole data folder once, check every cross-reference and build the reverse indexes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones  # training: cohort time zones (issue #4)

from pydantic import BaseModel

from .load import Document, dotted_path, read_document
from .model import (
    Assessment,
    Behavior,
    BuyerRole,
    Certification,
    CoachingPlan,
    Cohort,
    Competency,
    Curriculum,
    DealStage,
    Dimension,
    Exam,
    Experiment,
    Family,
    HiringScorecard,
    JourneyPhase,
    Play,
    ProficiencyLevel,
    ProfileMapping,
    QualificationFramework,
    RatingStep,
    Role,
    ServiceLevel,
)
from .problems import Problems, did_you_mean
from .training import (  # training (issue #4)
    ACTION_VERBS,
    DEVELOPING_FORMATS,
    EVALUATORS,
    FORBIDDEN_EVALUATOR,
    MAX_DAY_MINUTES,
    TEACHERS,
    CohortEvent,
    PlannedSession,
    add_working_days,
    objective_verb,
    plan_cohort,
    plan_curriculum,
)
from .validate import Source, describe, record_label, slugify, validate_record


@dataclass(frozen=True)
class Kind:
    """One kind of data file: where it lives, how records are laid out, and its model."""

    name: str
    model: type[BaseModel]
    pattern: str  # a file name, or a folder glob for one-record-per-file kinds
    layout: str  # "list": a file holding a list of records; "file": one record per file; "single": one mapping

    def files(self, data_dir: Path) -> list[Path]:
        """The files of this kind present in the data folder, in a stable order."""
        return sorted(data_dir.glob(self.pattern))


KINDS: tuple[Kind, ...] = (
    Kind("family", Family, "families.yml", "list"),
    Kind("dimension", Dimension, "dimensions.yml", "list"),
    Kind("proficiency level", ProficiencyLevel, "proficiency-levels.yml", "list"),
    Kind("profile mapping", ProfileMapping, "profile-mapping.yml", "single"),
    Kind("competency", Competency, "competencies/*.yml", "file"),
    Kind("role", Role, "roles/*.yml", "file"),
    Kind("assessment", Assessment, "assessment.yml", "single"),
    Kind("hiring scorecard", HiringScorecard, "hiring-scorecard.yml", "single"),
    # Training (issue #4)
    Kind("curriculum", Curriculum, "curricula/*.yml", "file"),
    Kind("exam", Exam, "exams/*.yml", "file"),
    Kind("certification", Certification, "certifications/*.yml", "file"),
    Kind("cohort", Cohort, "cohorts.yml", "list"),
    # Playbooks (issue 5): optional files; a handbook without them simply has an empty playbook.
    Kind("journey phase", JourneyPhase, "journey-phases.yml", "list"),
    Kind("deal stage", DealStage, "deal-stages.yml", "list"),
    Kind("buyer role", BuyerRole, "buyer-roles.yml", "list"),
    Kind("qualification framework", QualificationFramework, "qualification-frameworks.yml", "list"),
    Kind("service level", ServiceLevel, "service-levels.yml", "list"),
    Kind("play", Play, "plays/*.yml", "file"),
    Kind("coaching plan", CoachingPlan, "coaching-plans/*.yml", "file"),
    Kind("experiment", Experiment, "experiments.yml", "list"),
)
REQUIRED_FILES = {
    "families.yml",
    "dimensions.yml",
    "proficiency-levels.yml",
    "profile-mapping.yml",
    "assessment.yml",
    "hiring-scorecard.yml",
}


@dataclass(frozen=True)
class Handbook:
    """The validated, cross-referenced model: what every page and macro reads from."""

    families: tuple[Family, ...]
    dimensions: tuple[Dimension, ...]
    levels: tuple[ProficiencyLevel, ...]
    mapping: ProfileMapping
    competencies: tuple[Competency, ...]
    roles: tuple[Role, ...]
    assessment: Assessment
    scorecard: HiringScorecard
    sources: dict[tuple[str, str], Source]
    data_files: tuple[str, ...]
    # Training (issue #4): records, then their lookups and reverse indexes below
    curricula: tuple[Curriculum, ...] = ()
    exams: tuple[Exam, ...] = ()
    certifications: tuple[Certification, ...] = ()
    cohorts: tuple[Cohort, ...] = ()
    family: dict[str, Family] = field(init=False)
    dimension: dict[str, Dimension] = field(init=False)
    competency: dict[str, Competency] = field(init=False)
    role: dict[str, Role] = field(init=False)
    roles_by_family: dict[str, tuple[Role, ...]] = field(init=False)
    roles_by_competency: dict[str, tuple[Role, ...]] = field(init=False)
    competencies_by_dimension: dict[str, tuple[Competency, ...]] = field(init=False)
    # Training (issue #4)
    curriculum: dict[str, Curriculum] = field(init=False)
    exam: dict[str, Exam] = field(init=False)
    certification: dict[str, Certification] = field(init=False)
    cohort: dict[str, Cohort] = field(init=False)
    planned_sessions: dict[str, tuple[PlannedSession, ...]] = field(init=False)  # curriculum id -> sessions in teaching order
    sessions_by_competency: dict[str, tuple[PlannedSession, ...]] = field(init=False)  # only sessions that develop it
    sessions_by_assessment: dict[str, tuple[PlannedSession, ...]] = field(init=False)  # exam/certification id -> sittings
    curricula_by_role: dict[str, tuple[Curriculum, ...]] = field(init=False)
    cohorts_by_curriculum: dict[str, tuple[Cohort, ...]] = field(init=False)
    cohort_events: dict[str, tuple[CohortEvent, ...]] = field(init=False)  # cohort id -> sessions on real dates
    # Playbooks (issue 5): records in display order, then lookups and reverse indexes built in __post_init__.
    phases: tuple[JourneyPhase, ...] = ()
    stages: tuple[DealStage, ...] = ()
    buyer_roles: tuple[BuyerRole, ...] = ()
    plays: tuple[Play, ...] = ()
    frameworks: tuple[QualificationFramework, ...] = ()
    service_levels: tuple[ServiceLevel, ...] = ()
    coaching_plans: tuple[CoachingPlan, ...] = ()
    experiments: tuple[Experiment, ...] = ()
    phase: dict[str, JourneyPhase] = field(init=False)
    stage: dict[str, DealStage] = field(init=False)
    buyer_role: dict[str, BuyerRole] = field(init=False)
    play: dict[str, Play] = field(init=False)
    framework: dict[str, QualificationFramework] = field(init=False)
    service_level: dict[str, ServiceLevel] = field(init=False)
    stages_by_phase: dict[str, tuple[DealStage, ...]] = field(init=False)
    plays_by_phase: dict[str, tuple[Play, ...]] = field(init=False)
    plays_by_stage: dict[str, tuple[Play, ...]] = field(init=False)
    plays_by_role: dict[str, tuple[Play, ...]] = field(init=False)
    plays_by_buyer_role: dict[str, tuple[Play, ...]] = field(init=False)
    plays_by_competency: dict[str, tuple[Play, ...]] = field(init=False)
    plays_by_framework: dict[str, tuple[Play, ...]] = field(init=False)
    plays_by_service_level: dict[str, tuple[Play, ...]] = field(init=False)
    experiments_by_play: dict[str, tuple[Experiment, ...]] = field(init=False)
    coaching_plan_by_role: dict[str, CoachingPlan] = field(init=False)

    def __post_init__(self) -> None:
        def put(name: str, value: Any) -> None:
            object.__setattr__(self, name, value)

        put("family", {f.id: f for f in self.families})
        put("dimension", {d.id: d for d in self.dimensions})
        put("competency", {c.id: c for c in self.competencies})
        put("role", {r.id: r for r in self.roles})
        put("roles_by_family", _group(self.roles, lambda r: [r.family], [f.id for f in self.families]))
        put("roles_by_competency", _group(self.roles, lambda r: r.competencies, [c.id for c in self.competencies]))
        put("competencies_by_dimension", _group(self.competencies, lambda c: [c.dimension], [d.id for d in self.dimensions]))
        # Training (issue #4)
        put("curriculum", {c.id: c for c in self.curricula})
        put("exam", {e.id: e for e in self.exams})
        put("certification", {c.id: c for c in self.certifications})
        put("cohort", {c.id: c for c in self.cohorts})
        put("planned_sessions", {c.id: plan_curriculum(c) for c in self.curricula})
        every_session = [p for c in self.curricula for p in self.planned_sessions[c.id]]
        developing = [p for p in every_session if p.session.format in DEVELOPING_FORMATS]
        put("sessions_by_competency", _group(developing, lambda p: p.session.competencies, [c.id for c in self.competencies]))
        assessments = [*(e.id for e in self.exams), *(c.id for c in self.certifications)]
        put("sessions_by_assessment", _group(every_session, lambda p: p.session.assesses, assessments))
        put("curricula_by_role", _group(self.curricula, lambda c: c.roles, [r.id for r in self.roles]))
        put("cohorts_by_curriculum", _group(self.cohorts, lambda c: [c.curriculum], [c.id for c in self.curricula]))
        put("cohort_events", {c.id: plan_cohort(c, self.planned_sessions[c.curriculum]) for c in self.cohorts})
        # Playbooks (issue 5)
        put("phase", {p.id: p for p in self.phases})
        put("stage", {s.id: s for s in self.stages})
        put("buyer_role", {b.id: b for b in self.buyer_roles})
        put("play", {p.id: p for p in self.plays})
        put("framework", {f.id: f for f in self.frameworks})
        put("service_level", {s.id: s for s in self.service_levels})
        put("stages_by_phase", _group(self.stages, lambda s: [s.phase], [p.id for p in self.phases]))
        put("plays_by_phase", _group(self.plays, lambda p: [p.phase], [p.id for p in self.phases]))
        put("plays_by_stage", _group(self.plays, lambda p: p.stages, [s.id for s in self.stages]))
        put("plays_by_role", _group(self.plays, lambda p: p.roles, [r.id for r in self.roles]))
        put("plays_by_buyer_role", _group(self.plays, lambda p: p.buyer_roles, [b.id for b in self.buyer_roles]))
        put("plays_by_competency", _group(self.plays, _play_competencies, [c.id for c in self.competencies]))
        put("plays_by_framework", _group(self.plays, lambda p: p.frameworks, [f.id for f in self.frameworks]))
        put("plays_by_service_level", _group(self.plays, lambda p: p.service_levels, [s.id for s in self.service_levels]))
        put("experiments_by_play", _group(self.experiments, lambda e: e.plays, [p.id for p in self.plays]))
        put("coaching_plan_by_role", {role_id: plan for plan in self.coaching_plans for role_id in plan.roles})

    def source(self, kind: str, record_id: str) -> Source:
        """Where a record was written."""
        return self.sources[(kind, record_id)]

    def role_competencies(self, role: Role) -> tuple[Competency, ...]:
        """A role's competencies, resolved, in the order the profile lists them."""
        return tuple(self.competency[c] for c in role.competencies)

    def expected_level(self, role: Role) -> ProficiencyLevel:
        """The proficiency level a role is assessed against, set by its profile answer (the most senior if several)."""
        answers = role.profile[self.assessment.expected_level_from]
        order = [level.id for level in self.levels]
        level_id = max((self.assessment.expected_level[a] for a in answers), key=order.index)
        return next(level for level in self.levels if level.id == level_id)

    def rating_for(self, level: ProficiencyLevel) -> RatingStep:
        """The point of the rating scale that stands for a proficiency level."""
        return next(step for step in self.assessment.scale if step.level == level.id)

    def related_roles(self, role: Role) -> tuple[tuple[Role, tuple[str, ...]], ...]:
        """Other roles sharing at least one competency with a role, with the shared ids, most shared first."""
        mine = set(role.competencies)
        shared = [(other, tuple(c for c in other.competencies if c in mine)) for other in self.roles if other.id != role.id]
        return tuple(sorted(((o, s) for o, s in shared if s), key=lambda pair: (-len(pair[1]), pair[0].name.lower())))

    @property
    def behavior_count(self) -> int:
        """How many behaviors the library defines in all."""
        return sum(len(c.behaviors) for c in self.competencies)

    # Playbooks (issue 5)
    def behavior(self, ref: str) -> tuple[Competency, Behavior]:
        """Resolve a 'competency-id/behavior-id' reference (checked at load time)."""
        competency_id, behavior_id = ref.split("/")
        competency = self.competency[competency_id]
        return competency, next(b for b in competency.behaviors if b.id == behavior_id)

    def play_behaviors(self, play: Play) -> tuple[tuple[Competency, tuple[Behavior, ...]], ...]:
        """A play's behaviors to coach, grouped by competency in the order the play cites them."""
        grouped: dict[str, list[Behavior]] = {}
        for ref in play.behaviors:
            competency, behavior = self.behavior(ref)
            grouped.setdefault(competency.id, []).append(behavior)
        return tuple((self.competency[c], tuple(bs)) for c, bs in grouped.items())

    def role_behaviors(self, role_id: str) -> tuple[tuple[Competency, tuple[tuple[Behavior, tuple[Play, ...]], ...]], ...]:
        """Every behavior the role's plays coach, by competency (the role's own competencies first), with the plays citing it."""
        cited: dict[str, dict[str, list[Play]]] = {}
        for play in self.plays_by_role.get(role_id, ()):
            for ref in play.behaviors:
                competency_id, behavior_id = ref.split("/")
                cited.setdefault(competency_id, {}).setdefault(behavior_id, []).append(play)
        own = self.role[role_id].competencies
        order = sorted(cited, key=lambda c: (c not in own, own.index(c) if c in own else 0, self.competency[c].name.lower()))
        result = []
        for competency_id in order:
            competency = self.competency[competency_id]
            behaviors = tuple((b, tuple(cited[competency_id][b.id])) for b in competency.behaviors if b.id in cited[competency_id])
            result.append((competency, behaviors))
        return tuple(result)

    # Performance (issue #6): listings of many roles group the roles that share a profile.
    def profiles(self) -> tuple[tuple[tuple[tuple[str, str], ...], tuple[Role, ...]], ...]:
        """Each distinct profile (the (question, answer) pairs, in question order) with its roles, first seen first."""
        grouped: dict[tuple[tuple[str, str], ...], list[Role]] = {}
        for role in self.roles:
            answers = tuple((q.id, a) for q in self.mapping.questions for a in role.profile.get(q.id, ()))
            grouped.setdefault(answers, []).append(role)
        return tuple((answers, tuple(roles)) for answers, roles in grouped.items())

    def plays_for(self, role_id: str, stage_id: str) -> tuple[Play, ...]:
        """The plays a role runs at one deal stage."""
        return tuple(p for p in self.plays_by_stage.get(stage_id, ()) if role_id in p.roles)


def _play_competencies(play: Play) -> list[str]:
    """The competencies a play exercises, once each, in the order it cites them."""
    return list(dict.fromkeys(ref.split("/")[0] for ref in play.behaviors))


def _group(records: Iterable[Any], keys: Callable[[Any], Iterable[str]], order: list[str]) -> dict[str, tuple[Any, ...]]:
    """Reverse index: key -> records having it, with every known key present (possibly empty)."""
    grouped: dict[str, list[Any]] = {key: [] for key in order}
    for record in records:
        for key in keys(record):
            grouped.setdefault(key, []).append(record)
    return {key: tuple(values) for key, values in grouped.items()}


def load_handbook(data_dir: Path) -> Handbook:
    """Read, validate and cross-check every data file; raise DataError listing all problems."""
    data_dir = Path(data_dir)
    problems = Problems()
    if not data_dir.is_dir():
        problems.add(
            str(data_dir), 0, "", "", "the data folder does not exist", "run from the repository root, or pass the data folder's path"
        )
        problems.raise_if_any()
    records: dict[str, list[tuple[BaseModel, Source]]] = defaultdict(list)
    singles: dict[str, BaseModel] = {}
    single_sources: dict[str, Source] = {}
    seen_files: set[Path] = set()
    for kind in KINDS:
        paths = kind.files(data_dir)
        if kind.layout != "file" and not paths and kind.pattern in REQUIRED_FILES:
            problems.add(
                f"{data_dir.name}/{kind.pattern}", 0, "", "", f"the {kind.name} file is missing", f"create {data_dir.name}/{kind.pattern}"
            )
            problems.broken.add((kind.name, "*"))  # references into a missing file are not reported one by one
        for path in paths:
            seen_files.add(path)
            doc = read_document(path, data_dir, problems)
            if doc is None:
                problems.broken.add((kind.name, "*"))  # unreadable file: references into this kind are not reported again
            else:
                _read_kind(kind, doc, path, records, singles, single_sources, problems)
    _reject_unknown_files(data_dir, seen_files, problems)

    families = _unique(records["family"], "family", problems)
    dimensions = _unique(records["dimension"], "dimension", problems)
    levels = _unique(records["proficiency level"], "proficiency level", problems)
    competencies = _unique(records["competency"], "competency", problems)
    roles = _unique(records["role"], "role", problems)
    mapping = singles.get("profile mapping")
    assessment = singles.get("assessment")
    scorecard = singles.get("hiring scorecard")
    if mapping is None or assessment is None or scorecard is None:
        problems.raise_if_any()  # without these files, roles and competencies cannot be fully checked
    sources = {(kind, model.id): source for kind, items in records.items() for model, source in items}  # type: ignore[attr-defined]
    _check_competencies(competencies, dimensions, levels, sources, problems)
    _check_roles(roles, families, competencies, mapping, sources, problems)
    _check_assessment(assessment, levels, mapping, single_sources["assessment"], problems)  # type: ignore[arg-type]
    _check_scorecard(scorecard, competencies, roles, single_sources["hiring scorecard"], sources, problems)  # type: ignore[arg-type]
    # Training (issue #4)
    curricula = _unique(records["curriculum"], "curriculum", problems)
    exams = _unique(records["exam"], "exam", problems)
    certifications = _unique(records["certification"], "certification", problems)
    cohorts = _unique(records["cohort"], "cohort", problems)
    _check_training(curricula, exams, certifications, cohorts, roles, competencies, sources, problems)
    playbook = _load_playbook(records, roles, competencies, sources, problems)  # Playbooks (issue 5)
    if not next(k for k in KINDS if k.name == "role").files(data_dir):
        problems.add(f"{data_dir.name}/roles", 0, "", "", "no role profiles were found", "add at least one data/roles/<id>.yml file")
    problems.raise_if_any()
    assert isinstance(mapping, ProfileMapping)
    assert isinstance(assessment, Assessment) and isinstance(scorecard, HiringScorecard)
    return Handbook(
        families=tuple(families.values()),
        dimensions=tuple(dimensions.values()),
        levels=tuple(levels.values()),
        mapping=mapping,
        competencies=tuple(sorted(competencies.values(), key=lambda c: c.name.lower())),
        roles=tuple(sorted(roles.values(), key=lambda r: r.name.lower())),
        assessment=assessment,
        scorecard=scorecard,
        sources=sources,
        data_files=tuple(sorted(f"{data_dir.name}/{p.relative_to(data_dir).as_posix()}" for p in seen_files)),
        # Training (issue #4)
        curricula=tuple(sorted(curricula.values(), key=lambda c: c.name.lower())),
        exams=tuple(sorted(exams.values(), key=lambda e: e.name.lower())),
        certifications=tuple(sorted(certifications.values(), key=lambda c: c.name.lower())),
        cohorts=tuple(sorted(cohorts.values(), key=lambda c: (c.start, c.name.lower()))),
        **playbook,
    )


def _read_kind(
    kind: Kind,
    doc: Document,
    path: Path,
    records: dict[str, list[tuple[BaseModel, Source]]],
    singles: dict[str, BaseModel],
    single_sources: dict[str, Source],
    problems: Problems,
) -> None:
    """Validate the records of one file according to its layout."""
    if kind.layout == "list":
        if not isinstance(doc.data, list):
            problems.add(
                doc.file,
                1,
                "",
                "",
                f"expected a list of {kind.name} records (each starting with '- id:'), found {describe(doc.data)}",
                "start each record with '- ' at the left margin",
            )
            problems.broken.add((kind.name, "*"))
            return
        for index, raw in enumerate(doc.data):
            model = validate_record(kind.model, raw, doc, (index,), record_label(kind.name, raw, index), problems)
            if model is None:
                _remember_broken(problems, kind, raw)
            else:
                records[kind.name].append((model, Source(doc.file, doc.line_of((index,)), (index,), doc.lines)))
        return
    if not isinstance(doc.data, dict):
        problems.add(
            doc.file,
            1,
            "",
            "",
            f"expected one {kind.name} as a mapping of fields (key: value lines), found {describe(doc.data)}",
            "remove the leading '- ' so the fields start at the left margin"
            if isinstance(doc.data, list)
            else "write the record as 'field: value' lines",
        )
        problems.broken.add((kind.name, "*"))
        return
    model = validate_record(kind.model, doc.data, doc, (), record_label(kind.name, doc.data), problems)
    if model is None:
        _remember_broken(problems, kind, doc.data, path.stem)
        return
    if kind.layout == "single":
        singles[kind.name] = model
        single_sources[kind.name] = Source(doc.file, 1, (), doc.lines)
        return
    if model.id != path.stem:  # type: ignore[attr-defined]
        problems.add(
            doc.file,
            doc.line_of(("id",)),
            record_label(kind.name, doc.data),
            "id",
            f"the id '{model.id}' does not match the file name '{path.name}'",  # type: ignore[attr-defined]
            f"rename the file to '{model.id}.yml' or change the id to '{path.stem}'",
        )  # type: ignore[attr-defined]
    records[kind.name].append((model, Source(doc.file, 1, (), doc.lines)))


def _remember_broken(problems: Problems, kind: Kind, raw: Any, fallback: str = "") -> None:
    """Note a record that failed validation, so a reference to it is not reported a second time."""
    record_id = raw.get("id") if isinstance(raw, dict) else None
    for candidate in (record_id, fallback):
        if isinstance(candidate, str) and candidate:
            problems.broken.add((kind.name, candidate))
            problems.broken.add((kind.name, slugify(candidate)))  # 'Sales' is broken: a reference to 'sales' means it


def _reject_unknown_files(data_dir: Path, seen: set[Path], problems: Problems) -> None:
    """A data file the engine does not read would silently vanish from the site: refuse it."""
    for path in sorted(data_dir.rglob("*")):
        if path.is_dir() or path in seen or path.name.startswith(".") or path.suffix.lower() in (".md", ".txt"):
            continue
        rel = f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"
        if path.suffix.lower() == ".yaml":
            fix = f"rename it to '{path.with_suffix('.yml').name}'"
        else:
            known = [k.pattern for k in KINDS]
            folder = next((k for k in KINDS if k.layout == "file" and k.pattern.split("/")[0] == path.parent.name), None)
            guess = did_you_mean(path.relative_to(data_dir).as_posix(), known)
            if folder is not None and path.parent.parent == data_dir:
                fix = f"{data_dir.name}/{path.parent.name}/ holds only {folder.name} files named <id>.yml; move or delete this file"
            elif guess:
                fix = f"did you mean '{guess}'?"
            else:
                fix = f"data files are: {', '.join(known)}"
        problems.add(rel, 0, "", "", "this file is not part of the handbook's data and would be ignored", fix)


def _normalized(record_id: str) -> str:
    return "".join(ch for ch in record_id.lower() if ch.isalnum())


def _unique(items: list[tuple[BaseModel, Source]], kind: str, problems: Problems) -> dict[str, Any]:
    """Index records by id, reporting ids that repeat or differ only by case, spaces or hyphens."""
    by_id: dict[str, Any] = {}
    first: dict[str, tuple[str, Source]] = {}
    for model, source in items:
        key = _normalized(model.id)  # type: ignore[attr-defined]
        if key in first:
            other_id, other = first[key]
            same = other_id == model.id  # type: ignore[attr-defined]
            what = "duplicate id" if same else f"id too similar to '{other_id}'"
            problems.add(
                source.file,
                source.at("id"),
                f"{kind} '{model.id}'",
                "id",  # type: ignore[attr-defined]
                f"{what} (already used at {other.file}:{other.line}); two pages would share one URL",
                "give this record its own id, or merge the two records",
            )
            continue
        first[key] = (model.id, source)  # type: ignore[attr-defined]
        by_id[model.id] = model  # type: ignore[attr-defined]
    return by_id


def _reference(
    problems: Problems,
    source: Source,
    label: str,
    field: str,
    kind: str,
    value: str,
    known: dict[str, Any],
    names: dict[str, str] | None = None,
    line: int | None = None,
) -> bool:
    """Check one id reference; report it with a did-you-mean when it resolves to nothing."""
    if value in known:
        return True
    if (kind, value) in problems.broken or (kind, "*") in problems.broken:
        return False  # the referenced record is broken and already reported
    by_name = (names or {}).get(value.lower())
    guess = by_name or did_you_mean(value, known)
    if guess:
        fix = f"did you mean '{guess}'?"
    elif len(known) <= 8:
        fix = f"use one of: {', '.join(known)}" if known else f"add data for '{value}'"
    else:
        fix = f"use the id of an existing {kind}, or add data for '{value}'"
    problems.add(source.file, line or source.line, label, field, f"unknown {kind} '{value}'", fix)
    return False


def _check_competencies(
    competencies: dict[str, Competency],
    dimensions: dict[str, Dimension],
    levels: dict[str, ProficiencyLevel],
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> None:
    names: dict[str, str] = {}
    for competency in competencies.values():
        source = sources[("competency", competency.id)]
        label = f"competency '{competency.id}'"
        _reference(problems, source, label, "dimension", "dimension", competency.dimension, dimensions, line=source.at("dimension"))
        # Bad-input hardening (issue #7): an alias that repeats the name (or another alias) names nothing new.
        for index, alias in enumerate(competency.aliases):
            if alias in (competency.name, *competency.aliases[:index]):  # a case variant is a real spelling: kept
                problems.add(
                    source.file,
                    source.at("aliases", index),
                    label,
                    f"aliases[{index}]",
                    f"the alias '{alias}' repeats the competency's own name"
                    if alias == competency.name
                    else f"the alias '{alias}' is listed twice",
                    "remove it",
                )
        for name in (competency.name, *competency.aliases):
            other = names.get(name.lower())
            if other and other != competency.id:
                problems.add(
                    source.file,
                    source.at("name"),
                    label,
                    "name",
                    f"the name '{name}' is already used by competency '{other}'",
                    "merge the two competencies, or rename one",
                )
            names[name.lower()] = competency.id
        # Duplicate behavior ids are reported by validate_record (repeated_ids), for every kind of nested record.
        for level_id in competency.levels:
            _reference(
                problems, source, label, f"levels.{level_id}", "proficiency level", level_id, levels, line=source.at("levels", level_id)
            )
        for level_id in levels:
            if level_id not in competency.levels:
                problems.add(
                    source.file,
                    source.at("levels"),
                    label,
                    "levels",
                    f"the '{level_id}' level is not described",
                    f"add '{level_id}:' under 'levels' with what the competency looks like at that level",
                )


def _check_roles(
    roles: dict[str, Role],
    families: dict[str, Family],
    competencies: dict[str, Competency],
    mapping: ProfileMapping | None,
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> None:
    names = {c.name.lower(): c.id for c in competencies.values()}
    names.update({alias.lower(): c.id for c in competencies.values() for alias in c.aliases})
    questions = {q.id: q for q in mapping.questions} if mapping else {}
    for role in roles.values():
        source = sources[("role", role.id)]
        label = f"role '{role.id}'"
        _reference(problems, source, label, "family", "family", role.family, families, line=source.at("family"))
        seen: set[str] = set()
        for index, competency_id in enumerate(role.competencies):
            if competency_id in seen:
                problems.add(
                    source.file,
                    source.at("competencies", index),
                    label,
                    f"competencies[{index}]",
                    f"competency '{competency_id}' is listed twice",
                    "remove the second entry",
                )
            seen.add(competency_id)
            _reference(
                problems,
                source,
                label,
                f"competencies[{index}]",
                "competency",
                competency_id,
                competencies,
                names,
                line=source.at("competencies", index),
            )
        for question_id, answers in role.profile.items():
            if not _reference(
                problems,
                source,
                label,
                f"profile.{question_id}",
                "profile question",
                question_id,
                questions,
                line=source.at("profile", question_id),
            ):
                continue
            valid = {a.id: a for a in questions[question_id].answers}
            if not answers:
                problems.add(
                    source.file,
                    source.at("profile", question_id),
                    label,
                    f"profile.{question_id}",
                    "expected at least one answer, found none",
                    f"use one or more of: {', '.join(valid)}",
                )
            for index, answer in enumerate(answers):
                if answer in answers[:index]:  # Bad-input hardening (issue #7): a repeated answer counts once on every page
                    problems.add(
                        source.file,
                        source.at("profile", question_id, index),
                        label,
                        f"profile.{question_id}",
                        f"the answer '{answer}' is listed twice",
                        "remove the second one",
                    )
                _reference(
                    problems,
                    source,
                    label,
                    f"profile.{question_id}",
                    "answer",
                    answer,
                    valid,
                    line=source.at("profile", question_id, index),
                )
        for question_id in questions:
            if question_id not in role.profile:
                problems.add(
                    source.file,
                    source.at("profile"),
                    label,
                    "profile",
                    f"the profile question '{question_id}' is not answered",
                    f"add '{question_id}: [...]' with one or more of: {', '.join(a.id for a in questions[question_id].answers)}",
                )


# --- Assessments and hiring ---


def _check_assessment(
    assessment: Assessment, levels: dict[str, ProficiencyLevel], mapping: ProfileMapping, source: Source, problems: Problems
) -> None:
    """The rating scale counts 1, 2, 3 ..., ties each proficiency level to one point, and covers every answer that sets a level."""
    label = "assessment"
    for index, step in enumerate(assessment.scale):
        if step.value != index + 1:
            problems.add(
                source.file,
                source.at("scale", index, "value"),
                label,
                f"scale[{index}].value",
                f"expected {index + 1} (the scale counts up from 1 in order), found {step.value}",
                f"set 'value: {index + 1}' or reorder the scale",
            )
        if step.level is not None:
            _reference(
                problems, source, label, f"scale[{index}].level", "proficiency level", step.level, levels,
                line=source.at("scale", index, "level"),
            )  # fmt: skip
    tied = [step.level for step in assessment.scale if step.level]
    for level_id in levels if all(level in levels for level in tied) else ():  # a misspelled level is reported above
        if tied.count(level_id) != 1:
            problems.add(
                source.file,
                source.at("scale"),
                label,
                "scale",
                f"the '{level_id}' level must be tied to exactly one point of the scale, found {tied.count(level_id)}",
                f"add 'level: {level_id}' to the one scale point that stands for that standard",
            )
    questions = {q.id: q for q in mapping.questions}
    if not _reference(
        problems, source, label, "expected_level_from", "profile question", assessment.expected_level_from, questions,
        line=source.at("expected_level_from"),
    ):  # fmt: skip
        return
    answers = {a.id: a for a in questions[assessment.expected_level_from].answers}
    for answer_id, level_id in assessment.expected_level.items():
        line = source.at("expected_level", answer_id)
        _reference(problems, source, label, f"expected_level.{answer_id}", "answer", answer_id, answers, line=line)
        _reference(problems, source, label, f"expected_level.{answer_id}", "proficiency level", level_id, levels, line=line)
    for answer_id in answers:
        if answer_id not in assessment.expected_level:
            problems.add(
                source.file,
                source.at("expected_level"),
                label,
                "expected_level",
                f"the answer '{answer_id}' has no expected level",
                f"add '{answer_id}: <level id>' under 'expected_level'",
            )


def _check_scorecard(
    scorecard: HiringScorecard,
    competencies: dict[str, Competency],
    roles: dict[str, Role],
    source: Source,
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> None:
    """Trait ids are unique and distinct from competency ids; bands descend; every role's competencies have a hiring guide."""
    label = "hiring scorecard"
    seen: set[str] = set()
    for index, trait in enumerate(scorecard.traits):
        line = source.at("traits", index, "id")
        if trait.id in seen or trait.id in competencies:
            what = "another trait" if trait.id in seen else "a competency"
            problems.add(
                source.file,
                line,
                label,
                f"traits[{index}].id",
                f"the id '{trait.id}' is already used by {what}",
                "give the trait its own id",
            )
        seen.add(trait.id)
    minimums = [band.min for band in scorecard.bands]
    if minimums != sorted(minimums, reverse=True) or len(set(minimums)) != len(minimums) or minimums[-1] != 0:
        problems.add(
            source.file,
            source.at("bands"),
            label,
            "bands",
            f"expected bands from the highest 'min' down to 'min: 0', each 'min' different, found {minimums}",
            "order the bands from best to worst and end with 'min: 0'",
        )
    needed = sorted({c for role in roles.values() for c in role.competencies if c in competencies and competencies[c].hiring is None})
    for competency_id in needed:
        users = ", ".join(sorted(r.id for r in roles.values() if competency_id in r.competencies))
        own = sources[("competency", competency_id)]
        problems.add(
            own.file,
            own.line,
            f"competency '{competency_id}'",
            "hiring",
            f"no hiring guide, but the competency is predictive for {users} and their hiring scorecards score it",
            "add a 'hiring:' section with anchors (1, 5, 10), evaluate_by and questions",
        )


# --- Training (issue #4): cross-checks for curricula, exams, certifications and cohorts ------------------------------


def _check_training(
    curricula: dict[str, Curriculum],
    exams: dict[str, Exam],
    certifications: dict[str, Certification],
    cohorts: dict[str, Cohort],
    roles: dict[str, Role],
    competencies: dict[str, Competency],
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> None:
    """References, duplicate session ids, objective verbs, day lengths, rubric shapes, cohort dates and role coverage."""
    names = {c.name.lower(): c.id for c in competencies.values()}
    names.update({alias.lower(): c.id for c in competencies.values() for alias in c.aliases})

    def competency_refs(source: Source, label: str, path: tuple[Any, ...], ids: tuple[str, ...]) -> None:
        seen: set[str] = set()
        for index, competency_id in enumerate(ids):
            where = dotted_path((*path, index))
            if competency_id in seen:
                problems.add(
                    source.file,
                    source.at(*path, index),
                    label,
                    where,
                    f"competency '{competency_id}' is listed twice",
                    "remove the second entry",
                )
            seen.add(competency_id)
            _reference(problems, source, label, where, "competency", competency_id, competencies, names, line=source.at(*path, index))

    assessments: dict[str, str] = {e: "exam" for e in exams}
    for certification_id in certifications:
        if certification_id in assessments:
            source = sources[("certification", certification_id)]
            problems.add(
                source.file,
                source.at("id"),
                f"certification '{certification_id}'",
                "id",
                f"an exam already uses the id '{certification_id}'; sessions name exams and certifications by id",
                "give the certification its own id",
            )
        assessments.setdefault(certification_id, "certification")

    followed: set[str] = set()
    mistyped_role = False  # a role reference that resolves to nothing: "follows no curriculum" would repeat it
    for curriculum in curricula.values():
        source = sources[("curriculum", curriculum.id)]
        label = f"curriculum '{curriculum.id}'"
        for index, role_id in enumerate(curriculum.roles):
            if _reference(problems, source, label, f"roles[{index}]", "role", role_id, roles, line=source.at("roles", index)):
                followed.add(role_id)
            else:
                mistyped_role = True
        first_use: dict[str, int] = {}
        for w, week in enumerate(curriculum.weeks):
            for d, day in enumerate(week.days):
                minutes = sum(session.duration for session in day.sessions)
                if minutes > MAX_DAY_MINUTES:
                    problems.add(
                        source.file,
                        source.at("weeks", w, "days", d),
                        label,
                        f"weeks[{w}].days[{d}]",
                        f"week {w + 1}, day {d + 1} has {minutes} minutes of sessions, "
                        f"more than the {MAX_DAY_MINUTES} that fit in a working day",
                        "move a session to another day, or shorten one",
                    )
                for n, session in enumerate(day.sessions):
                    path = ("weeks", w, "days", d, "sessions", n)
                    _check_session(session, path, source, label, first_use, assessments, competency_refs, problems)

    if curricula and not mistyped_role and not any(kind == "curriculum" for kind, _ in problems.broken):
        for role in roles.values():
            if role.id not in followed:
                source = sources[("role", role.id)]
                problems.add(
                    source.file,
                    source.line,
                    f"role '{role.id}'",
                    "",
                    "follows no curriculum, so its new hires would have no training plan",
                    f"add '{role.id}' to the 'roles' list of a curriculum in data/curricula/",
                )

    for exam in exams.values():
        source = sources[("exam", exam.id)]
        label = f"exam '{exam.id}'"
        seen: set[str] = set()
        for index, question in enumerate(exam.questions):
            if question.id in seen:
                problems.add(
                    source.file,
                    source.at("questions", index, "id"),
                    label,
                    f"questions[{index}].id",
                    f"duplicate question id '{question.id}'",
                    "give each question of the bank its own id",
                )
            seen.add(question.id)
            where = f"questions[{index}].competency"
            line = source.at("questions", index, "competency")
            _reference(problems, source, label, where, "competency", question.competency, competencies, names, line=line)
        if exam.questions_drawn > len(exam.questions):
            problems.add(
                source.file,
                source.at("questions_drawn"),
                label,
                "questions_drawn",
                f"the exam draws {exam.questions_drawn} questions but its bank has only {len(exam.questions)}",
                "add questions to the bank, or draw fewer",
            )

    for certification in certifications.values():
        _check_certification(certification, sources[("certification", certification.id)], competency_refs, problems)

    for cohort in cohorts.values():
        _check_cohort(cohort, sources[("cohort", cohort.id)], curricula, problems)


def _check_session(
    session: Any,
    path: tuple[Any, ...],
    source: Source,
    label: str,
    first_use: dict[str, int],
    assessments: dict[str, str],
    competency_refs: Callable[[Source, str, tuple[Any, ...], tuple[str, ...]], None],
    problems: Problems,
) -> None:
    """One session: unique id in its curriculum, teacher, competencies, what it assesses, objectives."""
    where = dotted_path(path)
    if session.id in first_use:
        problems.add(
            source.file,
            source.at(*path, "id"),
            label,
            f"{where}.id",
            f"duplicate session id '{session.id}' (already used on line {first_use[session.id]})",
            "give each session of a curriculum its own id: it is the session's link anchor and calendar entry",
        )
    first_use.setdefault(session.id, source.at(*path, "id"))
    _reference(problems, source, label, f"{where}.taught_by", "teacher", session.taught_by, TEACHERS, line=source.at(*path, "taught_by"))
    competency_refs(source, label, (*path, "competencies"), session.competencies)
    if session.format == "assessment":
        if not session.assesses:
            problems.add(
                source.file,
                source.at(*path, "format"),
                label,
                f"{where}.assesses",
                "an assessment session names no exam or certification",
                "list the exam or certification ids taken in this session under 'assesses:'",
            )
        for index, assessment_id in enumerate(session.assesses):
            if ("exam", assessment_id) in problems.broken or ("certification", assessment_id) in problems.broken:
                continue  # the exam or certification itself is broken and already reported
            _reference(
                problems,
                source,
                label,
                f"{where}.assesses[{index}]",
                "exam or certification",
                assessment_id,
                assessments,
                line=source.at(*path, "assesses", index),
            )
    else:
        if session.assesses:
            problems.add(
                source.file,
                source.at(*path, "assesses"),
                label,
                f"{where}.assesses",
                f"a {session.format} session cannot hold an exam or certification",
                "set 'format: assessment', or move the exam to a session of its own",
            )
        if not session.competencies:
            problems.add(
                source.file,
                source.at(*path),
                label,
                f"{where}.competencies",
                f"a {session.format} session must develop at least one competency",
                "add 'competencies:' with the ids of the competencies this session develops",
            )
    for index, objective in enumerate(session.objectives):
        verb = objective_verb(objective)
        if verb not in ACTION_VERBS:
            guess = did_you_mean(verb, ACTION_VERBS)
            fix = (
                f"did you mean '{guess.capitalize()}'?"
                if guess
                else "start with a verb a trainer can observe, such as Explain, Demonstrate, Ask, Qualify or Present "
                "(the full list is ACTION_VERBS in macros/training.py)"
            )
            problems.add(
                source.file,
                source.at(*path, "objectives", index),
                label,
                f"{where}.objectives[{index}]",
                f"the objective starts with '{objective.split()[0]}', which is not an action verb a trainer can observe",
                fix,
            )


def _check_certification(
    certification: Certification,
    source: Source,
    competency_refs: Callable[[Source, str, tuple[Any, ...], tuple[str, ...]], None],
    problems: Problems,
) -> None:
    """Evaluator (never the hiring manager), rubric rows with unique ids and one shared score scale, a reachable pass score."""
    label = f"certification '{certification.id}'"
    if certification.evaluator == FORBIDDEN_EVALUATOR:
        problems.add(
            source.file,
            source.at("evaluator"),
            label,
            "evaluator",
            "the evaluator may not be the trainee's hiring manager, who chose the hire and would be grading that choice",
            f"use one of: {', '.join(EVALUATORS)}",
        )
    else:
        _reference(problems, source, label, "evaluator", "evaluator", certification.evaluator, EVALUATORS, line=source.at("evaluator"))
    scale = sorted(certification.rubric[0].scores)
    seen: set[str] = set()
    for index, row in enumerate(certification.rubric):
        if row.id in seen:
            problems.add(
                source.file,
                source.at("rubric", index, "id"),
                label,
                f"rubric[{index}].id",
                f"duplicate rubric behavior id '{row.id}'",
                "give each behavior of the rubric its own id",
            )
        seen.add(row.id)
        competency_refs(source, label, ("rubric", index, "competencies"), row.competencies)
        if sorted(row.scores) != scale:
            found = ", ".join(str(score) for score in sorted(row.scores))
            problems.add(
                source.file,
                source.at("rubric", index, "scores"),
                label,
                f"rubric[{index}].scores",
                f"expected the scores {', '.join(str(x) for x in scale)} like the first behavior, found {found}",
                "describe the same scores on every behavior, so the rubric prints as one table",
            )
    if certification.pass_score not in scale:
        problems.add(
            source.file,
            source.at("pass_score"),
            label,
            "pass_score",
            f"the pass score {certification.pass_score} is not one of the rubric's scores ({', '.join(str(x) for x in scale)})",
            "use one of the rubric's scores",
        )


def _check_cohort(cohort: Cohort, source: Source, curricula: dict[str, Curriculum], problems: Problems) -> None:
    """Curriculum, time zone and a start date on a working day."""
    label = f"cohort '{cohort.id}'"
    _reference(problems, source, label, "curriculum", "curriculum", cohort.curriculum, curricula, line=source.at("curriculum"))
    try:
        ZoneInfo(cohort.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zones = available_timezones()
        exact = {z.lower(): z for z in zones}.get(cohort.timezone.lower())
        guess = exact or did_you_mean(cohort.timezone, zones)
        problems.add(
            source.file,
            source.at("timezone"),
            label,
            "timezone",
            f"unknown time zone '{cohort.timezone}'",
            f"did you mean '{guess}'?" if guess else "use an IANA time zone name such as Europe/Berlin or America/New_York",
        )
    if cohort.start.weekday() >= 5 or cohort.start in cohort.holidays:
        why = "one of the cohort's holidays" if cohort.start in cohort.holidays else f"a {cohort.start:%A}"
        problems.add(
            source.file,
            source.at("start"),
            label,
            "start",
            f"the start date {cohort.start.isoformat()} is {why}, not a working day",
            f"start on {add_working_days(cohort.start, 0, cohort.holidays).isoformat()}, the next working day",
        )


# --- Playbooks (issue 5): phases, stages, buyer roles, plays, frameworks, SLAs, coaching plans, experiments ---


def _load_playbook(
    records: dict[str, list[tuple[BaseModel, Source]]],
    roles: dict[str, Role],
    competencies: dict[str, Competency],
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> dict[str, Any]:
    """Index the playbook records, cross-check every reference, and return them as Handbook fields."""
    phases: dict[str, JourneyPhase] = _unique(records["journey phase"], "journey phase", problems)
    stages: dict[str, DealStage] = _unique(records["deal stage"], "deal stage", problems)
    buyer_roles: dict[str, BuyerRole] = _unique(records["buyer role"], "buyer role", problems)
    frameworks: dict[str, QualificationFramework] = _unique(records["qualification framework"], "qualification framework", problems)
    service_levels: dict[str, ServiceLevel] = _unique(records["service level"], "service level", problems)
    plays: dict[str, Play] = _unique(records["play"], "play", problems)
    plans: dict[str, CoachingPlan] = _unique(records["coaching plan"], "coaching plan", problems)
    experiments: dict[str, Experiment] = _unique(records["experiment"], "experiment", problems)

    for stage in stages.values():
        source = sources[("deal stage", stage.id)]
        _reference(problems, source, f"deal stage '{stage.id}'", "phase", "journey phase", stage.phase, phases, line=source.at("phase"))
    for framework in frameworks.values():
        source = sources[("qualification framework", framework.id)]
        _no_repeats(
            problems, source, f"qualification framework '{framework.id}'", "parts", [p.id for p in framework.parts], "part id", True
        )
    for play in plays.values():
        _check_play(
            play, sources[("play", play.id)], phases, stages, roles, buyer_roles, competencies, frameworks, service_levels, problems
        )
    _check_coaching_plans(plans, roles, competencies, sources, problems)
    for experiment in experiments.values():
        source = sources[("experiment", experiment.id)]
        label = f"experiment '{experiment.id}'"
        for index, role_id in enumerate(experiment.roles):
            _reference(problems, source, label, f"roles[{index}]", "role", role_id, roles, line=source.at("roles", index))
        for index, play_id in enumerate(experiment.plays):
            _reference(problems, source, label, f"plays[{index}]", "play", play_id, plays, line=source.at("plays", index))

    phase_order = {phase_id: index for index, phase_id in enumerate(phases)}
    stage_order = {stage_id: index for index, stage_id in enumerate(stages)}

    def play_position(play: Play) -> tuple[int, int, str]:
        # Plays read in journey order: by phase, then by their earliest stage, then by name.
        first_stage = min((stage_order.get(s, len(stage_order)) for s in play.stages), default=0)
        return (phase_order.get(play.phase, len(phase_order)), first_stage, play.name.lower())

    return {
        "phases": tuple(phases.values()),
        "stages": tuple(stages.values()),
        "buyer_roles": tuple(buyer_roles.values()),
        "plays": tuple(sorted(plays.values(), key=play_position)),
        "frameworks": tuple(frameworks.values()),
        "service_levels": tuple(service_levels.values()),
        "coaching_plans": tuple(sorted(plans.values(), key=lambda p: p.name.lower())),
        "experiments": tuple(experiments.values()),
    }


def _no_repeats(problems: Problems, source: Source, label: str, field: str, values: list[str], what: str, nested: bool = False) -> None:
    """Report a value listed twice in one record's list (a role twice in a play, two parts with one id)."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            where = (field, index, "id") if nested else (field, index)
            name = f"{field}[{index}].id" if nested else f"{field}[{index}]"
            problems.add(source.file, source.at(*where), label, name, f"{what} '{value}' is listed twice", "remove the second entry")
        seen.add(value)


def _check_behavior_ref(
    problems: Problems, source: Source, label: str, field: str, ref: str, competencies: dict[str, Competency], line: int
) -> None:
    """Check a 'competency-id/behavior-id' reference, suggesting the closest competency or behavior."""
    competency_id, behavior_id = ref.split("/")
    competency = competencies.get(competency_id)
    if competency is None:
        if ("competency", competency_id) in problems.broken or ("competency", "*") in problems.broken:
            return
        guess = did_you_mean(competency_id, competencies)
        fix = f"did you mean '{guess}/{behavior_id}'?" if guess else "use the id of an existing competency, as in its file name"
        problems.add(source.file, line, label, field, f"unknown competency '{competency_id}' in '{ref}'", fix)
        return
    known = [b.id for b in competency.behaviors]
    if behavior_id not in known:
        guess = did_you_mean(behavior_id, known)
        fix = f"did you mean '{competency_id}/{guess}'?" if guess else f"use one of: {', '.join(known)}"
        problems.add(source.file, line, label, field, f"unknown behavior '{behavior_id}' of competency '{competency_id}'", fix)


def _check_play(
    play: Play,
    source: Source,
    phases: dict[str, JourneyPhase],
    stages: dict[str, DealStage],
    roles: dict[str, Role],
    buyer_roles: dict[str, BuyerRole],
    competencies: dict[str, Competency],
    frameworks: dict[str, QualificationFramework],
    service_levels: dict[str, ServiceLevel],
    problems: Problems,
) -> None:
    label = f"play '{play.id}'"
    phase_ok = _reference(problems, source, label, "phase", "journey phase", play.phase, phases, line=source.at("phase"))
    for index, stage_id in enumerate(play.stages):
        line = source.at("stages", index)
        if not _reference(problems, source, label, f"stages[{index}]", "deal stage", stage_id, stages, line=line):
            continue
        stage_phase = stages[stage_id].phase
        if phase_ok and stage_phase in phases and stage_phase != play.phase:  # an unknown stage phase is reported on the stage
            fitting = [s.id for s in stages.values() if s.phase == play.phase]
            problems.add(
                source.file,
                line,
                label,
                f"stages[{index}]",
                f"the stage '{stage_id}' belongs to the phase '{stage_phase}', not to the play's phase '{play.phase}'",
                f"set 'phase: {stage_phase}', or use a stage of '{play.phase}': {', '.join(fitting)}",
            )
    _no_repeats(problems, source, label, "stages", list(play.stages), "stage")
    for index, role_id in enumerate(play.roles):
        _reference(problems, source, label, f"roles[{index}]", "role", role_id, roles, line=source.at("roles", index))
    _no_repeats(problems, source, label, "roles", list(play.roles), "role")
    for index, buyer_id in enumerate(play.buyer_roles):
        _reference(
            problems, source, label, f"buyer_roles[{index}]", "buyer role", buyer_id, buyer_roles, line=source.at("buyer_roles", index)
        )
    _no_repeats(problems, source, label, "buyer_roles", list(play.buyer_roles), "buyer role")
    for index, ref in enumerate(play.behaviors):
        _check_behavior_ref(problems, source, label, f"behaviors[{index}]", ref, competencies, source.at("behaviors", index))
    _no_repeats(problems, source, label, "behaviors", list(play.behaviors), "behavior")
    for index, framework_id in enumerate(play.frameworks):
        _reference(
            problems,
            source,
            label,
            f"frameworks[{index}]",
            "qualification framework",
            framework_id,
            frameworks,
            line=source.at("frameworks", index),
        )
    for index, sla_id in enumerate(play.service_levels):
        _reference(
            problems,
            source,
            label,
            f"service_levels[{index}]",
            "service level",
            sla_id,
            service_levels,
            line=source.at("service_levels", index),
        )


def _check_coaching_plans(
    plans: dict[str, CoachingPlan],
    roles: dict[str, Role],
    competencies: dict[str, Competency],
    sources: dict[tuple[str, str], Source],
    problems: Problems,
) -> None:
    """Each plan's references resolve, and (once any plan exists) every role is covered by exactly one plan."""
    covered: dict[str, str] = {}
    for plan in plans.values():
        source = sources[("coaching plan", plan.id)]
        label = f"coaching plan '{plan.id}'"
        for index, role_id in enumerate(plan.roles):
            line = source.at("roles", index)
            if not _reference(problems, source, label, f"roles[{index}]", "role", role_id, roles, line=line):
                continue
            if role_id in covered:
                problems.add(
                    source.file,
                    line,
                    label,
                    f"roles[{index}]",
                    f"role '{role_id}' is already coached with the plan '{covered[role_id]}'",
                    "list each role in one coaching plan only",
                )
                continue
            covered[role_id] = plan.id
        metric_ids = [m.id for m in plan.funnel_metrics]
        _no_repeats(problems, source, label, "funnel_metrics", metric_ids, "funnel metric", True)
        for index, diagnosis in enumerate(plan.diagnosis):
            field = f"diagnosis[{index}]"
            _reference(
                problems, source, label, f"{field}.metric", "funnel metric", diagnosis.metric, dict.fromkeys(metric_ids),
                line=source.at("diagnosis", index, "metric"),
            )  # fmt: skip
            _check_behavior_ref(
                problems, source, label, f"{field}.skill", diagnosis.skill, competencies, source.at("diagnosis", index, "skill")
            )
    if plans:
        folder = sources[("coaching plan", next(iter(plans)))].file.rsplit("/", 1)[0]
        for role_id in roles:
            if role_id not in covered and ("coaching plan", "*") not in problems.broken:
                problems.add(
                    folder,
                    0,
                    f"role '{role_id}'",
                    "",
                    "no coaching plan lists this role, so its manager's page would have no plan",
                    f"add '{role_id}' to the roles of the plan that fits it ({', '.join(plans)})",
                )
