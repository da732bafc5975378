"""The kinds registry: every kind of data file, where it lives, how its records are laid out, and its model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..model import (
    Assessment,
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
    HiringScorecard,
    JourneyPhase,
    OutcomeMetric,
    Play,
    ProficiencyLevel,
    ProfileMapping,
    QualificationFramework,
    Role,
    ServiceLevel,
)


@dataclass(frozen=True)
class Kind:
    """One kind of data file: where it lives, how records are laid out, and its model."""

    name: str
    model: type[BaseModel]
    pattern: str  # a file name, or a folder glob for one-record-per-file kinds
    layout: str  # "list": a file holding a list of records; "file": one record per file; "single": one mapping
    required: bool = False  # a handbook cannot be built without this file

    def files(self, data_dir: Path) -> list[Path]:
        """The files of this kind present in the data folder, in a stable order."""
        return sorted(data_dir.glob(self.pattern))


KINDS: tuple[Kind, ...] = (
    Kind("family", Family, "families.yml", "list", required=True),
    Kind("dimension", Dimension, "dimensions.yml", "list", required=True),
    Kind("proficiency level", ProficiencyLevel, "proficiency-levels.yml", "list", required=True),
    Kind("profile mapping", ProfileMapping, "profile-mapping.yml", "single", required=True),
    Kind("competency", Competency, "competencies/*.yml", "file"),
    Kind("role", Role, "roles/*.yml", "file"),
    Kind("assessment", Assessment, "assessment.yml", "single", required=True),
    Kind("hiring scorecard", HiringScorecard, "hiring-scorecard.yml", "single", required=True),
    # Training: optional; once a curriculum exists, every role must follow one.
    Kind("curriculum", Curriculum, "curricula/*.yml", "file"),
    Kind("exam", Exam, "exams/*.yml", "file"),
    Kind("certification", Certification, "certifications/*.yml", "file"),
    Kind("cohort", Cohort, "cohorts.yml", "list"),
    # Playbooks: optional files; a handbook without them simply has an empty playbook.
    Kind("journey phase", JourneyPhase, "journey-phases.yml", "list"),
    Kind("deal stage", DealStage, "deal-stages.yml", "list"),
    Kind("buyer role", BuyerRole, "buyer-roles.yml", "list"),
    Kind("qualification framework", QualificationFramework, "qualification-frameworks.yml", "list"),
    Kind("service level", ServiceLevel, "service-levels.yml", "list"),
    Kind("play", Play, "plays/*.yml", "file"),
    Kind("coaching plan", CoachingPlan, "coaching-plans/*.yml", "file"),
    Kind("experiment", Experiment, "experiments.yml", "list"),
    # Evidence of impact: outcome metrics, and the aggregates `handbook evidence` writes (optional: pages say none yet).
    Kind("metric", OutcomeMetric, "metrics.yml", "list"),
    Kind("evidence", Evidence, "evidence.yml", "single"),
)
KIND = {kind.name: kind for kind in KINDS}
REQUIRED_FILES = frozenset(kind.pattern for kind in KINDS if kind.required)
