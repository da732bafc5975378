"""The whole model as one versioned JSON document (/model.json) for other tools, with its JSON Schema."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..handbook import Handbook
from ..model import Competency, Dimension, Family, ProficiencyLevel, ProfileMapping, Role

# Bump when a field is renamed, removed or changes meaning; adding a field keeps the version (readers ignore extras).
SCHEMA_VERSION = 1
MODEL_PATH = "model.json"
SCHEMA_PATH = "model.schema.json"


class ModelDocument(BaseModel):
    """The published model: every record of the handbook's data, with ids as the references between them."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="Sales enablement handbook model")

    schema_version: Literal[1] = Field(description="Changes only when a field is renamed, removed or changes meaning.")
    families: tuple[Family, ...] = Field(description="Role families, in handbook order.")
    dimensions: tuple[Dimension, ...] = Field(description="Dimensions that group the competencies, in handbook order.")
    proficiency_levels: tuple[ProficiencyLevel, ...] = Field(description="Proficiency levels, lowest first.")
    competencies: tuple[Competency, ...] = Field(description="Every competency, by name; `dimension` is a dimension id.")
    roles: tuple[Role, ...] = Field(
        description="Every role profile, by name; `family` is a family id, `competencies` are competency ids in profile order."
    )
    profile_mapping: ProfileMapping = Field(description="The questions that sort a position to a role profile.")


def model_document(handbook: Handbook) -> ModelDocument:
    """The handbook as the published document."""
    return ModelDocument(
        schema_version=SCHEMA_VERSION,
        families=handbook.families,
        dimensions=handbook.dimensions,
        proficiency_levels=handbook.levels,
        competencies=handbook.competencies,
        roles=handbook.roles,
        profile_mapping=handbook.mapping,
    )


def model_schema() -> dict:
    """JSON Schema of /model.json, generated from the same pydantic models that validate the data."""
    schema = ModelDocument.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_PATH
    return schema


def model_downloads(handbook: Handbook) -> dict[str, str]:
    """/model.json and /model.schema.json as site files (compact JSON: the print page fetches it)."""
    document = model_document(handbook).model_dump(mode="json")
    return {
        MODEL_PATH: json.dumps(document, ensure_ascii=False, separators=(",", ":")),
        SCHEMA_PATH: json.dumps(model_schema(), ensure_ascii=False, indent=2),
    }
