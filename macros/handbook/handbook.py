"""The resolved handbook: every record by kind, lookups by id, reverse indexes built once, and the queries pages use."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem, Source
from ..model import (
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
    Evidence,
    Exam,
    Experiment,
    Family,
    Finding,
    HiringScorecard,
    JourneyPhase,
    OutcomeMetric,
    Play,
    ProficiencyLevel,
    ProfileMapping,
    QualificationFramework,
    RatingStep,
    Role,
    ServiceLevel,
)
from .schedule import DEVELOPING_FORMATS, CohortEvent, PlannedSession, plan_cohort, plan_curriculum


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
    todos: tuple[Problem, ...] = ()  # content not written yet (a hiring guide, a level's description): pages say so
    # Training: records, then their lookups and reverse indexes below
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
    # Training
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
    # Playbooks: records in display order, then lookups and reverse indexes built in __post_init__.
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
    # Evidence of impact: outcome metrics and the aggregates of `handbook evidence` (None: no evidence yet).
    metrics: tuple[OutcomeMetric, ...] = ()
    evidence: Evidence | None = None
    metric: dict[str, OutcomeMetric] = field(init=False)
    findings_by_behavior: dict[str, tuple[Finding, ...]] = field(init=False)  # 'competency/behavior' -> its findings

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
        # Training
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
        # Playbooks
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
        # Evidence
        put("metric", {m.id: m for m in self.metrics})
        findings = self.evidence.findings if self.evidence else ()
        put("findings_by_behavior", _group(findings, lambda f: [f"{f.competency}/{f.behavior}"], []))

    @classmethod
    def assemble(
        cls,
        by_kind: Mapping[str, Mapping[str, Any]],
        *,
        mapping: ProfileMapping,
        assessment: Assessment,
        scorecard: HiringScorecard,
        sources: dict[tuple[str, str], Source],
        data_files: tuple[str, ...],
        todos: tuple[Problem, ...] = (),
        evidence: Evidence | None = None,
    ) -> Handbook:
        """The handbook from validated records by kind and id, each kind in the order readers see it."""

        def ordered(kind: str, key: Callable[[Any], Any] | None = None) -> tuple[Any, ...]:
            records = tuple(by_kind.get(kind, {}).values())
            return tuple(sorted(records, key=key)) if key else records

        by_name = lambda record: record.name.lower()  # noqa: E731
        phase_order = {phase_id: index for index, phase_id in enumerate(by_kind.get("journey phase", {}))}
        stage_order = {stage_id: index for index, stage_id in enumerate(by_kind.get("deal stage", {}))}

        def play_position(play: Play) -> tuple[int, int, str]:
            # Plays read in journey order: by phase, then by their earliest stage, then by name.
            first_stage = min((stage_order.get(s, len(stage_order)) for s in play.stages), default=0)
            return (phase_order.get(play.phase, len(phase_order)), first_stage, play.name.lower())

        return cls(
            families=ordered("family"),
            dimensions=ordered("dimension"),
            levels=ordered("proficiency level"),
            mapping=mapping,
            competencies=ordered("competency", by_name),
            roles=ordered("role", by_name),
            assessment=assessment,
            scorecard=scorecard,
            sources=sources,
            data_files=data_files,
            todos=todos,
            curricula=ordered("curriculum", by_name),
            exams=ordered("exam", by_name),
            certifications=ordered("certification", by_name),
            cohorts=ordered("cohort", lambda c: (c.start, c.name.lower())),
            phases=ordered("journey phase"),
            stages=ordered("deal stage"),
            buyer_roles=ordered("buyer role"),
            plays=ordered("play", play_position),
            frameworks=ordered("qualification framework"),
            service_levels=ordered("service level"),
            coaching_plans=ordered("coaching plan", by_name),
            experiments=ordered("experiment"),
            metrics=ordered("metric"),
            evidence=evidence,
        )

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

    def by_dimension(self, competencies: tuple[Competency, ...]) -> tuple[tuple[Dimension, tuple[Competency, ...]], ...]:
        """Competencies grouped by dimension, dimensions in model order, competencies in the order given."""
        return tuple(
            (dimension, members)
            for dimension in self.dimensions
            if (members := tuple(c for c in competencies if c.dimension == dimension.id))
        )

    def rating_for(self, level: ProficiencyLevel) -> RatingStep:
        """The point of the rating scale that stands for a proficiency level."""
        return next(step for step in self.assessment.scale if step.level == level.id)

    def related_roles(self, role: Role) -> tuple[tuple[Role, tuple[str, ...]], ...]:
        """Other roles sharing at least one competency with a role, with the shared ids, most shared first."""
        mine = set(role.competencies)
        shared = [(other, tuple(c for c in other.competencies if c in mine)) for other in self.roles if other.id != role.id]
        return tuple(sorted(((o, s) for o, s in shared if s), key=lambda pair: (-len(pair[1]), pair[0].name.lower())))

    @property
    def has_training(self) -> bool:
        """Whether any training is written: without it, the Training section is left out of the site."""
        return bool(self.curricula or self.cohorts or self.exams or self.certifications)

    @property
    def has_playbook(self) -> bool:
        """Whether any playbook content is written: without it, the Playbooks section is left out of the site."""
        return bool(self.plays or self.coaching_plans or self.frameworks or self.service_levels or self.experiments)

    @property
    def behavior_count(self) -> int:
        """How many behaviors the library defines in all."""
        return sum(len(c.behaviors) for c in self.competencies)

    # Playbooks
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

    # Listings of many roles group the roles that share a profile.
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
