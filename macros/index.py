"""Load the whole data folder once, check every cross-reference and build the reverse indexes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .load import Document, read_document
from .model import Competency, Dimension, Family, ProficiencyLevel, ProfileMapping, Role
from .problems import Problems, did_you_mean
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
)
REQUIRED_FILES = {"families.yml", "dimensions.yml", "proficiency-levels.yml", "profile-mapping.yml"}


@dataclass(frozen=True)
class Handbook:
    """The validated, cross-referenced model: what every page and macro reads from."""

    families: tuple[Family, ...]
    dimensions: tuple[Dimension, ...]
    levels: tuple[ProficiencyLevel, ...]
    mapping: ProfileMapping
    competencies: tuple[Competency, ...]
    roles: tuple[Role, ...]
    sources: dict[tuple[str, str], Source]
    data_files: tuple[str, ...]
    family: dict[str, Family] = field(init=False)
    dimension: dict[str, Dimension] = field(init=False)
    competency: dict[str, Competency] = field(init=False)
    role: dict[str, Role] = field(init=False)
    roles_by_family: dict[str, tuple[Role, ...]] = field(init=False)
    roles_by_competency: dict[str, tuple[Role, ...]] = field(init=False)
    competencies_by_dimension: dict[str, tuple[Competency, ...]] = field(init=False)

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

    def source(self, kind: str, record_id: str) -> Source:
        """Where a record was written."""
        return self.sources[(kind, record_id)]

    def role_competencies(self, role: Role) -> tuple[Competency, ...]:
        """A role's competencies, resolved, in the order the profile lists them."""
        return tuple(self.competency[c] for c in role.competencies)

    @property
    def behavior_count(self) -> int:
        """How many behaviors the library defines in all."""
        return sum(len(c.behaviors) for c in self.competencies)


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
                _read_kind(kind, doc, path, records, singles, problems)
    _reject_unknown_files(data_dir, seen_files, problems)

    families = _unique(records["family"], "family", problems)
    dimensions = _unique(records["dimension"], "dimension", problems)
    levels = _unique(records["proficiency level"], "proficiency level", problems)
    competencies = _unique(records["competency"], "competency", problems)
    roles = _unique(records["role"], "role", problems)
    mapping = singles.get("profile mapping")
    if mapping is None:
        problems.raise_if_any()  # without the questions, role profiles cannot be checked
    sources = {(kind, model.id): source for kind, items in records.items() for model, source in items}  # type: ignore[attr-defined]
    _check_competencies(competencies, dimensions, levels, sources, problems)
    _check_roles(roles, families, competencies, mapping, sources, problems)
    if not next(k for k in KINDS if k.name == "role").files(data_dir):
        problems.add(f"{data_dir.name}/roles", 0, "", "", "no role profiles were found", "add at least one data/roles/<id>.yml file")
    problems.raise_if_any()
    assert isinstance(mapping, ProfileMapping)
    return Handbook(
        families=tuple(families.values()),
        dimensions=tuple(dimensions.values()),
        levels=tuple(levels.values()),
        mapping=mapping,
        competencies=tuple(sorted(competencies.values(), key=lambda c: c.name.lower())),
        roles=tuple(sorted(roles.values(), key=lambda r: r.name.lower())),
        sources=sources,
        data_files=tuple(sorted(f"{data_dir.name}/{p.relative_to(data_dir).as_posix()}" for p in seen_files)),
    )


def _read_kind(
    kind: Kind,
    doc: Document,
    path: Path,
    records: dict[str, list[tuple[BaseModel, Source]]],
    singles: dict[str, BaseModel],
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
            guess = did_you_mean(path.relative_to(data_dir).as_posix(), known)
            fix = f"did you mean '{guess}'?" if guess else f"data files are: {', '.join(known)}"
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
