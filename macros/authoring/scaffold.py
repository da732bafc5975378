"""Skeletons for new records: a data file that already validates, with every field to fill in marked TODO."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..loading.messages import slugify

TODO = "TODO"


class ScaffoldError(Exception):
    """The skeleton cannot be created (bad name, existing file, missing data to refer to)."""


@dataclass(frozen=True)
class Created:
    """A skeleton written to disk, and how many placeholders it holds."""

    path: Path
    record_id: str
    placeholders: int
    enrolled: tuple[Path, ...] = ()  # other data files the new record was added to (a curriculum, a coaching plan)


def _text(value: str) -> str:
    """A YAML scalar for any text: JSON strings are valid double-quoted YAML, so nothing in a name can break the file."""
    return json.dumps(value, ensure_ascii=False)


def _records(data_dir: Path, name: str) -> list[dict]:
    path = data_dir / name
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    if not isinstance(data, list) or not data:
        raise ScaffoldError(f"{data_dir.name}/{name} is missing or empty; it is needed to fill in the skeleton")
    return [r for r in data if isinstance(r, dict)]


def _new_id(data_dir: Path, folder: str, name: str) -> tuple[str, Path]:
    record_id = slugify(name)
    if not record_id or not name.strip():
        raise ScaffoldError(f"'{name}' has no letters or digits to make an id from; give the record a name")
    path = data_dir / folder / f"{record_id}.yml"
    if path.exists():
        raise ScaffoldError(f"{data_dir.name}/{folder}/{path.name} already exists; edit it, or choose another name")
    return record_id, path


def _choose(options: list[str], wanted: str | None, what: str) -> str:
    if wanted is None:
        return options[0]
    if wanted not in options:
        raise ScaffoldError(f"unknown {what} '{wanted}'; use one of: {', '.join(options)}")
    return wanted


def _write(path: Path, record_id: str, text: str) -> Created:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return Created(path, record_id, count_placeholders(text))


def _enrol(data_dir: Path, folder: str, role_id: str, family_roles: set[str], wanted: str | None, what: str) -> Path | None:
    """Add a role to the `roles` list of one file in data/<folder>/ (comments and order kept).

    Every role must follow a curriculum and have a coaching plan, so a new role joins the one that most roles of
    its family use unless the author names another."""
    from .yaml_edit import dump, load_roundtrip

    files = sorted((data_dir / folder).glob("*.yml"))
    if not files:
        return None
    docs = {path.stem: load_roundtrip(path.read_text(encoding="utf-8")) for path in files}
    if wanted is None:
        wanted = max(docs, key=lambda stem: len(family_roles & set(docs[stem].get("roles") or [])))
    elif wanted not in docs:
        raise ScaffoldError(f"unknown {what} '{wanted}'; use one of: {', '.join(docs)}")
    docs[wanted]["roles"].append(role_id)
    path = data_dir / folder / f"{wanted}.yml"
    path.write_text(dump(docs[wanted]), encoding="utf-8")
    return path


def new_role(
    data_dir: Path, name: str, family: str | None = None, curriculum: str | None = None, coaching_plan: str | None = None
) -> Created:
    """Write data/roles/<id>.yml (every field present, TODOs to replace) and enrol the role in a curriculum and a coaching plan."""
    record_id, path = _new_id(data_dir, "roles", name)
    families = [str(f["id"]) for f in _records(data_dir, "families.yml")]
    chosen_family = _choose(families, family, "family")
    competencies = sorted(p.stem for p in (data_dir / "competencies").glob("*.yml"))
    if not competencies:
        raise ScaffoldError(f"{data_dir.name}/competencies/ has no competencies for the role to need")
    mapping = yaml.safe_load((data_dir / "profile-mapping.yml").read_text(encoding="utf-8"))
    lines = [
        f"# New role profile: replace every {TODO} (text and choices), then run `handbook validate`.",
        f"id: {record_id}",
        f"name: {_text(name)}",
        f"family: {chosen_family}  # {TODO}: one of {', '.join(families)}",
        f"summary: {_text(TODO + ': what the role is for and what great looks like, in two or three sentences')}",
        "responsibilities:",
        f"  - {_text(TODO + ': one responsibility per line')}",
        "how_it_sells: {}  # optional: business_mix (new, existing), sales_cycle, buyer_approach",
        "metrics: []  # optional: common metrics, one per line",
        "titles: []  # optional: sample position titles, one per line",
        f"competencies:  # {TODO}: the competency ids that predict success, in order (see data/competencies/)",
        f"  - {competencies[0]}",
        f"profile:  # {TODO}: answer every question of data/profile-mapping.yml",
    ]
    for question in mapping.get("questions", []):
        answers = [str(a["id"]) for a in question.get("answers", [])]
        lines.append(f"  {question['id']}: [{answers[0]}]  # {TODO}: one or more of {', '.join(answers)}")
    same_family = {
        str(doc.get("id"))
        for other in (data_dir / "roles").glob("*.yml")
        if isinstance(doc := yaml.safe_load(other.read_text(encoding="utf-8")), dict) and doc.get("family") == chosen_family
    }
    for folder, wanted, what in (("curricula", curriculum, "curriculum"), ("coaching-plans", coaching_plan, "coaching plan")):
        if wanted is not None and not (data_dir / folder / f"{wanted}.yml").exists():
            raise ScaffoldError(f"unknown {what} '{wanted}'; see {data_dir.name}/{folder}/")
    created = _write(path, record_id, "\n".join(lines) + "\n")
    enrolled = [
        _enrol(data_dir, "curricula", record_id, same_family, curriculum, "curriculum"),
        _enrol(data_dir, "coaching-plans", record_id, same_family, coaching_plan, "coaching plan"),
    ]
    return Created(created.path, record_id, created.placeholders, tuple(p for p in enrolled if p))


def new_competency(data_dir: Path, name: str, dimension: str | None = None, kind: str = "skill") -> Created:
    """Write data/competencies/<id>.yml with four behaviors and one description per proficiency level to write."""
    record_id, path = _new_id(data_dir, "competencies", name)
    dimensions = [str(d["id"]) for d in _records(data_dir, "dimensions.yml")]
    chosen_dimension = _choose(dimensions, dimension, "dimension")
    kinds = ["skill", "knowledge", "attribute"]
    chosen_kind = _choose(kinds, kind, "type")
    levels = _records(data_dir, "proficiency-levels.yml")
    lines = [
        f"# New competency: replace every {TODO}, then run `handbook validate`.",
        f"id: {record_id}",
        f"name: {_text(name)}",
        "aliases: []  # optional: other spellings found in sources",
        f"dimension: {chosen_dimension}  # {TODO}: one of {', '.join(dimensions)}",
        f"type: {chosen_kind}  # {TODO}: one of {', '.join(kinds)}",
        f"definition: {_text(TODO + ': what it is, in plain words')}",
        "behaviors:  # 4 to 7 observable job behaviors",
    ]
    for number in range(1, 5):
        lines += [
            f"  - id: behavior-{number}  # {TODO}: a short kebab-case id",
            f"    text: {_text(f'{TODO}: observable behavior {number}')}",
        ]
    lines.append("levels:")
    for level in levels:
        placeholder = f"{TODO}: what this looks like at the {level['name']} level"
        lines.append(f"  {level['id']}: {_text(placeholder)}")
    return _write(path, record_id, "\n".join(lines) + "\n")


def count_placeholders(text: str) -> int:
    """How many TODO markers a file still holds."""
    return len(re.findall(rf"\b{TODO}\b", text))


def placeholders(data_dir: Path) -> dict[str, int]:
    """Data files that still hold TODO markers, with their counts (relative to the data folder's parent)."""
    found = {}
    for path in sorted(data_dir.rglob("*.yml")):
        count = count_placeholders(path.read_text(encoding="utf-8", errors="replace"))
        if count:
            found[f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"] = count
    return found
