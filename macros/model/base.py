"""What every model shares: the record base, text and id types, and the reference marker on fields that name records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


class Record(BaseModel):
    """Base for every data record: unknown keys are errors and records never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value names a record of another kind (or one of several kinds): `Annotated[Id, Ref("role")]`.

    The loader walks every record's fields once and checks each marked value against the records of that kind, with one
    did-you-mean message for all of them (macros/loading/references.py). In a list, a value named twice is an error too.
    """

    kinds: tuple[str, ...]
    within: str = ""  # a behavior id checked within the competency named by this sibling field (`Ref("behavior", within="competency")`)

    def __init__(self, *kinds: str, within: str = "") -> None:
        object.__setattr__(self, "kinds", kinds)
        object.__setattr__(self, "within", within)

    @property
    def label(self) -> str:
        """How messages name the kind: 'competency', or 'exam or certification'."""
        return " or ".join(self.kinds)


# The reference types, one per kind of record that other records name.
FamilyId = Annotated[Id, Ref("family")]
DimensionId = Annotated[Id, Ref("dimension")]
LevelId = Annotated[Id, Ref("proficiency level")]
QuestionId = Annotated[Id, Ref("profile question")]
CompetencyId = Annotated[Id, Ref("competency")]
RoleId = Annotated[Id, Ref("role")]
CurriculumId = Annotated[Id, Ref("curriculum")]
AssessmentId = Annotated[Id, Ref("exam", "certification")]
PhaseId = Annotated[Id, Ref("journey phase")]
StageId = Annotated[Id, Ref("deal stage")]
BuyerRoleId = Annotated[Id, Ref("buyer role")]
FrameworkId = Annotated[Id, Ref("qualification framework")]
ServiceLevelId = Annotated[Id, Ref("service level")]
PlayId = Annotated[Id, Ref("play")]
MetricId = Annotated[Id, Ref("metric")]
