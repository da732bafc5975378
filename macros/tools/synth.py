"""A synthetic enterprise data set: the real data folder K times over, for measuring how the build scales.

Copy 0 is the real data unchanged; copies 1..K-1 are the same records for another business unit ("Networks
Effectively (EMEA)", id `networks-effectively-emea`), with every reference pointing into the same copy, so each copy
is a complete, valid model and the whole folder validates. Prose is reused from the real records (realistic lengths)
and, in the copies, its sentences are rotated by a seeded random generator: the same seed writes byte-identical files.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..loading.kinds import REQUIRED_FILES
from ..loading.loader import normalized_id

# Business units that name the copies; past the last one, copies get a number as well.
UNITS = (
    ("emea", "EMEA"),
    ("apac", "APAC"),
    ("latam", "LATAM"),
    ("nam", "North America"),
    ("anz", "ANZ"),
    ("dach", "DACH"),
    ("nordics", "Nordics"),
    ("uki", "UK and Ireland"),
    ("iberia", "Iberia"),
    ("japan", "Japan"),
    ("india", "India"),
    ("mena", "Middle East"),
    ("cee", "Central Europe"),
    ("france", "France"),
    ("italy", "Italy"),
    ("canada", "Canada"),
)
ID_MAX = 80  # the Id pattern's max_length in model.py
PROSE_KEYS = frozenset({"summary", "definition", "description", "goal", "hypothesis", "smallest_test", "purpose"})
# Files copied once: reference tables whose size does not grow with the organisation (README: Performance).
SINGLE_FILES = (
    *sorted(REQUIRED_FILES),  # families, dimensions, levels, profile mapping, assessment scale, hiring scorecard
    "journey-phases.yml",
    "deal-stages.yml",
    "buyer-roles.yml",
    "qualification-frameworks.yml",
    "service-levels.yml",
    "experiments.yml",  # a handful of trials running at a time, not a record per business unit
    "metrics.yml",  # outcome metrics are the organisation's, not a business unit's
    "evidence.yml",  # aggregates about copy 0's behaviors (the real ids), so its pages are measured at every scale
)
HEADER = "# Synthetic data written by `handbook synth` (copy {copy} of the real data). Do not edit: regenerate it.\n"


class _NoAliasDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes repeated values out in full: the loader refuses YAML aliases (&id001 / *id001) in data files."""

    def ignore_aliases(self, data: object) -> bool:
        return True


@dataclass(frozen=True)
class SynthResult:
    """What `synthesize` wrote: file count and records per kind."""

    files: int
    records: dict[str, int]


class _Copy:
    """Renames one copy's records and points its references into the same copy."""

    def __init__(self, number: int, units: list[tuple[str, str]], rng: random.Random):
        self.number = number
        self.rng = rng
        if number == 0:
            self.id_suffix, self.name_suffix = "", ""
        else:
            code, label = units[(number - 1) % len(units)]
            lap = (number - 1) // len(units)
            self.id_suffix = f"-{code}{lap + 1 if lap else ''}"
            self.name_suffix = f" ({label}{f' {lap + 1}' if lap else ''})"

    def id(self, record_id: str) -> str:
        """The id of a record in this copy (the real id in copy 0); shortened to fit the id length limit."""
        if not self.id_suffix:
            return record_id
        return record_id[: ID_MAX - len(self.id_suffix)].rstrip("-") + self.id_suffix

    def ids(self, record_ids: list[str]) -> list[str]:
        """Several references into this copy."""
        return [self.id(r) for r in record_ids]

    def behavior(self, ref: str) -> str:
        """A 'competency/behavior' reference into this copy (behavior ids are local to their competency)."""
        competency, behavior = ref.split("/")
        return f"{self.id(competency)}/{behavior}"

    def name(self, text: str) -> str:
        """A record's name in this copy."""
        return text + self.name_suffix

    def prose(self, record: Any) -> Any:
        """The record with the sentences of its prose fields rotated (copies only), recursively."""
        if self.number == 0:
            return record
        if isinstance(record, dict):
            return {k: self._rotate(v) if k in PROSE_KEYS and isinstance(v, str) else self.prose(v) for k, v in record.items()}
        if isinstance(record, list):
            return [self.prose(item) for item in record]
        return record

    def _rotate(self, text: str) -> str:
        sentences = re.split(r"(?<=[.!?])\s+", text.strip())
        if len(sentences) < 2:
            return text
        turn = 1 + self.rng.randrange(len(sentences) - 1)  # never the original order
        return " ".join(sentences[turn:] + sentences[:turn])


def _role(r: dict[str, Any], c: _Copy) -> dict[str, Any]:
    return {**r, "id": c.id(r["id"]), "name": c.name(r["name"]), "competencies": c.ids(r["competencies"])}


def _competency(r: dict[str, Any], c: _Copy) -> dict[str, Any]:
    out = {**r, "id": c.id(r["id"]), "name": c.name(r["name"])}
    if "aliases" in r:
        out["aliases"] = [c.name(a) for a in r["aliases"]]  # names and aliases are unique across the library
    return out


def _session(s: dict[str, Any], c: _Copy) -> dict[str, Any]:
    out = dict(s)
    for key in ("competencies", "assesses"):
        if key in s:
            out[key] = c.ids(s[key])
    return out


def _curriculum(r: dict[str, Any], c: _Copy) -> dict[str, Any]:
    weeks = [{**w, "days": [{**d, "sessions": [_session(s, c) for s in d["sessions"]]} for d in w["days"]]} for w in r["weeks"]]
    return {**r, "id": c.id(r["id"]), "name": c.name(r["name"]), "roles": c.ids(r["roles"]), "weeks": weeks}


def _exam(r: dict[str, Any], c: _Copy) -> dict[str, Any]:
    questions = [{**q, "competency": c.id(q["competency"])} for q in r["questions"]]
    return {**r, "id": c.id(r["id"]), "name": c.name(r["name"]), "questions": questions}


def _certification(r: dict[str, Any], c: _Copy) -> dict[str, Any]:
    rubric = [{**b, "competencies": c.ids(b["competencies"])} for b in r["rubric"]]
    return {**r, "id": c.id(r["id"]), "name": c.name(r["name"]), "rubric": rubric}


def _cohort(r: dict[str, Any], c: _Copy) -> dict[str, Any]:
    return {**r, "id": c.id(r["id"]), "name": c.name(r["name"]), "curriculum": c.id(r["curriculum"])}


def _play(r: dict[str, Any], c: _Copy) -> dict[str, Any]:
    behaviors = [c.behavior(b) for b in r["behaviors"]]
    return {**r, "id": c.id(r["id"]), "name": c.name(r["name"]), "roles": c.ids(r["roles"]), "behaviors": behaviors}


def _coaching_plan(r: dict[str, Any], c: _Copy) -> dict[str, Any]:
    diagnosis = [{**d, "skill": c.behavior(d["skill"])} for d in r["diagnosis"]]
    return {**r, "id": c.id(r["id"]), "name": c.name(r["name"]), "roles": c.ids(r["roles"]), "diagnosis": diagnosis}


# Folder kinds (one record per file) and list files whose records are multiplied, with their copy function.
FOLDERS: dict[str, Callable[[dict[str, Any], _Copy], dict[str, Any]]] = {
    "competencies": _competency,
    "roles": _role,
    "curricula": _curriculum,
    "exams": _exam,
    "certifications": _certification,
    "plays": _play,
    "coaching-plans": _coaching_plan,
}
LISTS: dict[str, Callable[[dict[str, Any], _Copy], dict[str, Any]]] = {"cohorts.yml": _cohort}


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _dump(data: Any, copy: int) -> str:
    text = yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=100)
    return HEADER.format(copy=copy) + text


def synthesize(source: Path, target: Path, scale: int, seed: int = 0) -> SynthResult:
    """Write `scale` copies of the data folder `source` into the empty folder `target`; return what was written."""
    if scale < 1:
        raise ValueError("the scale must be 1 or more")
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty; choose a new folder so nothing is overwritten")
    rng = random.Random(seed)
    units = list(UNITS)
    rng.shuffle(units)  # the seed decides which unit each copy is named after
    copies = [_Copy(n, units, rng) for n in range(scale)]
    target.mkdir(parents=True, exist_ok=True)
    files = 0
    records: dict[str, int] = {}
    seen: dict[str, set[str]] = {}
    for name in SINGLE_FILES:
        if (source / name).exists():
            shutil.copyfile(source / name, target / name)
            files += 1
    for folder, make in FOLDERS.items():
        paths = sorted((source / folder).glob("*.yml"))
        if not paths:
            continue
        (target / folder).mkdir()
        originals = [_read(p) for p in paths]
        for copy in copies:
            for original in originals:
                record = copy.prose(make(original, copy))
                _claim(seen.setdefault(folder, set()), record["id"], folder)
                (target / folder / f"{record['id']}.yml").write_text(_dump(record, copy.number), encoding="utf-8")
                files += 1
        records[folder] = len(originals) * scale
    for name, make in LISTS.items():
        if not (source / name).exists():
            continue
        originals = _read(source / name) or []
        written = [copy.prose(make(original, copy)) for copy in copies for original in originals]
        for record in written:
            _claim(seen.setdefault(name, set()), record["id"], name)
        (target / name).write_text(_dump(written, 0).replace("(copy 0 of", f"({scale} copies of"), encoding="utf-8")
        files += 1
        records[name.removesuffix(".yml")] = len(written)
    return SynthResult(files, records)


def _claim(taken: set[str], record_id: str, where: str) -> None:
    """Ids must stay unique under the loader's normalized-id rule (case, hyphens and spaces ignored)."""
    key = normalized_id(record_id)
    if key in taken:
        raise ValueError(f"synthetic id '{record_id}' in {where} collides with another record; use a smaller scale")
    taken.add(key)
