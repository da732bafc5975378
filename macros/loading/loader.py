"""Load the whole data folder once: read every file, validate it into models, check references and domain rules."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import Problems, Source, Subject, did_you_mean
from ..handbook import Handbook
from ..model import Assessment, Evidence, HiringScorecard, ProfileMapping
from .checks import check_assessment, check_competencies, check_roles, check_scorecard
from .evidence_checks import check_evidence
from .kinds import KIND, KINDS, Kind
from .messages import describe, record_label, slugify, validate_record
from .playbook_checks import check_coaching_plans, check_plays
from .references import ReferenceChecker
from .training_checks import check_training
from .yaml_reader import Document, read_document

Records = dict[str, list[tuple[BaseModel, Source]]]


def load_handbook(data_dir: Path, *, require_complete: bool = False) -> Handbook:
    """Read, validate and cross-check every data file; raise DataError listing all problems (gaps too when `require_complete`)."""
    data_dir = Path(data_dir)
    problems = Problems(require_complete=require_complete)
    if not data_dir.is_dir():
        problems.add(
            str(data_dir), 0, None, "", "the data folder does not exist", "run from the repository root, or pass the data folder's path"
        )
        problems.raise_if_any()
    records, singles, files = _read_all(data_dir, problems)
    by_kind = {kind.name: _unique(records[kind.name], kind.name, problems) for kind in KINDS if kind.layout != "single"}
    mapping, assessment, scorecard = (singles.get(name, (None, None))[0] for name in ("profile mapping", "assessment", "hiring scorecard"))
    if mapping is None or assessment is None or scorecard is None:
        problems.raise_if_any()  # without these files, roles and competencies cannot be fully checked
    assert isinstance(mapping, ProfileMapping) and isinstance(assessment, Assessment) and isinstance(scorecard, HiringScorecard)
    sources = {(kind, model.id): source for kind, items in records.items() for model, source in items}  # type: ignore[attr-defined]

    checker = ReferenceChecker(
        {**by_kind, "profile question": {q.id: q for q in mapping.questions}}, _names(by_kind["competency"]), problems
    )
    for kind_name, unique in by_kind.items():
        for record_id, model in unique.items():
            checker.check_record(model, sources[(kind_name, record_id)], Subject(kind_name, record_id))
    for kind_name, (model, source) in singles.items():
        checker.check_record(model, source, Subject(kind_name))

    competencies, roles = by_kind["competency"], by_kind["role"]
    check_competencies(competencies, by_kind["proficiency level"], sources, problems)
    check_roles(roles, mapping, sources, problems)
    check_assessment(assessment, by_kind["proficiency level"], mapping, singles["assessment"][1], problems)
    check_scorecard(scorecard, competencies, roles, singles["hiring scorecard"][1], sources, problems)
    check_training(by_kind["curriculum"], by_kind["exam"], by_kind["certification"], by_kind["cohort"], roles, sources, problems)
    check_plays(by_kind["play"], by_kind["journey phase"], by_kind["deal stage"], sources, problems)
    check_coaching_plans(by_kind["coaching plan"], roles, sources, problems)
    evidence, evidence_source = singles.get("evidence", (None, None))
    if isinstance(evidence, Evidence) and evidence_source is not None:
        check_evidence(evidence, evidence_source, problems)
    if not KIND["role"].files(data_dir):
        problems.add(f"{data_dir.name}/roles", 0, None, "", "no role profiles were found", "add at least one data/roles/<id>.yml file")
    problems.raise_if_any()
    return Handbook.assemble(
        by_kind,
        mapping=mapping,
        assessment=assessment,
        scorecard=scorecard,
        evidence=evidence if isinstance(evidence, Evidence) else None,
        sources=sources,
        data_files=tuple(sorted(f"{data_dir.name}/{p.relative_to(data_dir).as_posix()}" for p in files)),
        todos=problems.sorted_todos(),
    )


def _read_all(data_dir: Path, problems: Problems) -> tuple[Records, dict[str, tuple[BaseModel, Source]], set[Path]]:
    """Every file of every kind, read and validated once; a required file that is missing is a problem."""
    records: Records = defaultdict(list)
    singles: dict[str, tuple[BaseModel, Source]] = {}
    seen_files: set[Path] = set()
    for kind in KINDS:
        paths = kind.files(data_dir)
        if kind.required and not paths:
            problems.add(
                f"{data_dir.name}/{kind.pattern}", 0, None, "", f"the {kind.name} file is missing", f"create {data_dir.name}/{kind.pattern}"
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
    return records, singles, seen_files


def _names(competencies: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Competency names and aliases, lowercased, to ids: a name written where an id belongs gets its id suggested."""
    names = {name.lower(): record_id for record_id, c in competencies.items() for name in (c.name, *c.aliases)}
    return {"competency": names}


def _read_kind(
    kind: Kind,
    doc: Document,
    path: Path,
    records: Records,
    singles: dict[str, tuple[BaseModel, Source]],
    problems: Problems,
) -> None:
    """Validate the records of one file according to its layout."""
    if kind.layout == "list":
        if not isinstance(doc.data, list):
            problems.add(
                doc.file,
                1,
                None,
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
            None,
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
        singles[kind.name] = (model, Source(doc.file, 1, (), doc.lines))
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
        problems.add(rel, 0, None, "", "this file is not part of the handbook's data and would be ignored", fix)


def normalized_id(record_id: str) -> str:
    """An id as two ids that differ only by case, spaces or hyphens have in common."""
    return "".join(ch for ch in record_id.lower() if ch.isalnum())


def _unique(items: list[tuple[BaseModel, Source]], kind: str, problems: Problems) -> dict[str, Any]:
    """Index records by id, reporting ids that repeat or differ only by case, spaces or hyphens."""
    by_id: dict[str, Any] = {}
    first: dict[str, tuple[str, Source]] = {}
    for model, source in items:
        key = normalized_id(model.id)  # type: ignore[attr-defined]
        if key in first:
            other_id, other = first[key]
            same = other_id == model.id  # type: ignore[attr-defined]
            what = "duplicate id" if same else f"id too similar to '{other_id}'"
            problems.add(
                source.file,
                source.at("id"),
                Subject(kind, model.id),  # type: ignore[attr-defined]
                "id",
                f"{what} (already used at {other.file}:{other.line}); two pages would share one URL",
                "give this record its own id, or merge the two records",
            )
            continue
        first[key] = (model.id, source)  # type: ignore[attr-defined]
        by_id[model.id] = model  # type: ignore[attr-defined]
    return by_id
