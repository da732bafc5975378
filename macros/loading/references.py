"""One walker for every reference between records: fields marked `Ref(kind)` on the models are checked here, alike."""

from __future__ import annotations

import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from ..errors import Problems, Source, Subject, did_you_mean
from ..model import Competency, Ref
from .yaml_reader import dotted_path

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Reference:
    """One value of a marked field: where it is, what kinds it may name, and the value."""

    path: Path_
    ref: Ref
    value: str
    in_list: bool  # an item of a list of references (a repeat in the same list is an error)
    scoped: bool = False  # a behavior id written beside its competency's id: the value is 'competency/behavior'


def references(record: BaseModel) -> Iterator[Reference]:
    """Every marked value of a record, nested records included, in field order."""
    for name, annotation in _hints(type(record)).items():
        yield from _walk(getattr(record, name), annotation, (name,), in_list=False, owner=record)


@cache
def _hints(model: type[BaseModel]) -> dict[str, Any]:
    hints = get_type_hints(model, include_extras=True)
    return {name: hints[name] for name in model.model_fields}


def _walk(value: Any, annotation: Any, path: Path_, in_list: bool, owner: BaseModel | None = None) -> Iterator[Reference]:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        ref = next((m for m in metadata if isinstance(m, Ref)), None)
        if ref is not None and isinstance(value, str) and ref.within and owner is not None:
            yield Reference(path, ref, f"{getattr(owner, ref.within)}/{value}", in_list, scoped=True)
        elif ref is not None and isinstance(value, str):
            yield Reference(path, ref, value, in_list)
        elif ref is None:
            yield from _walk(value, base, path, in_list, owner)
    elif value is None:
        return
    elif origin is tuple:
        item = get_args(annotation)[0]
        for index, element in enumerate(value):
            yield from _walk(element, item, (*path, index), in_list=True, owner=owner)
    elif origin is dict:
        key_type, value_type = get_args(annotation)
        for key, element in value.items():
            yield from _walk(key, key_type, (*path, key), in_list=False)
            yield from _walk(element, value_type, (*path, key), in_list=False)
    elif origin is Union or origin is types.UnionType:
        for option in get_args(annotation):
            model = _model_of(option)
            if (model is not None and isinstance(value, model)) or (model is None and not isinstance(value, BaseModel)):
                yield from _walk(value, option, path, in_list, owner)
                return
    elif isinstance(value, BaseModel):
        for name, field_type in _hints(type(value)).items():
            yield from _walk(getattr(value, name), field_type, (*path, name), in_list=False, owner=value)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


class ReferenceChecker:
    """Resolves references against the records of every kind, reporting each one that names nothing."""

    def __init__(self, known: Mapping[str, Mapping[str, Any]], names: Mapping[str, Mapping[str, str]], problems: Problems) -> None:
        self.known = known  # kind -> id -> record
        self.names = names  # kind -> lowercased name or alias -> id, for "did you mean" when a name was written for an id
        self.problems = problems

    def check_record(self, record: BaseModel, source: Source, subject: Subject) -> None:
        """Check every reference of one record, and that no list of references names one record twice."""
        seen: dict[Path_, set[str]] = {}
        for reference in references(record):
            self.check(reference, source, subject)
            if reference.in_list:
                listed = seen.setdefault(reference.path[:-1], set())
                if reference.value in listed:
                    self.problems.add(
                        source.file,
                        source.at(*reference.path),
                        subject,
                        dotted_path(reference.path),
                        f"{reference.ref.label} '{reference.value}' is listed twice",
                        "remove the second entry",
                    )
                listed.add(reference.value)

    def resolves(self, reference: Reference) -> bool:
        """Whether a reference names an existing record (a 'competency/behavior' pair included)."""
        if reference.ref.kinds == ("behavior",):
            competency_id, _, behavior_id = reference.value.partition("/")
            competency = self.known.get("competency", {}).get(competency_id)
            return isinstance(competency, Competency) and any(b.id == behavior_id for b in competency.behaviors)
        return any(reference.value in self.known.get(kind, {}) for kind in reference.ref.kinds)

    def check(self, reference: Reference, source: Source, subject: Subject) -> None:
        """Report one reference that names nothing, with the closest id as a suggestion."""
        if self.resolves(reference):
            return
        line = source.at(*reference.path)
        where = dotted_path(reference.path)
        if reference.ref.kinds == ("behavior",):
            self._check_behavior(reference.value, source, subject, where, line, reference.scoped)
            return
        value, kinds = reference.value, reference.ref.kinds
        if any(self.problems.is_broken(kind, value) for kind in kinds):
            return  # the record itself is broken and already reported
        known = [record_id for kind in kinds for record_id in self.known.get(kind, {})]
        by_name = next((self.names.get(kind, {}).get(value.lower()) for kind in kinds if value.lower() in self.names.get(kind, {})), None)
        guess = by_name or did_you_mean(value, known)
        label = reference.ref.label
        if guess:
            fix = f"did you mean '{guess}'?"
        elif len(known) <= 8:
            fix = f"use one of: {', '.join(known)}" if known else f"add data for '{value}'"
        else:
            fix = f"use the id of an existing {label}, or add data for '{value}'"
        self.problems.add(source.file, line, subject, where, f"unknown {label} '{value}'", fix, unknown=(label, value))

    def _check_behavior(self, ref: str, source: Source, subject: Subject, where: str, line: int, scoped: bool = False) -> None:
        """A 'competency-id/behavior-id' reference: suggest the closest competency, or the closest of its behaviors."""
        competency_id, _, behavior_id = ref.partition("/")
        competencies = self.known.get("competency", {})
        competency = competencies.get(competency_id)
        if competency is None:
            if scoped or self.problems.is_broken("competency", competency_id):
                return  # a scoped behavior's competency is a field of its own, reported there
            guess = did_you_mean(competency_id, competencies)
            fix = f"did you mean '{guess}/{behavior_id}'?" if guess else "use the id of an existing competency, as in its file name"
            message = f"unknown competency '{competency_id}' in '{ref}'"
            self.problems.add(source.file, line, subject, where, message, fix, unknown=("competency", competency_id))
            return
        known = [b.id for b in competency.behaviors]
        guess = did_you_mean(behavior_id, known)
        suggestion = guess if scoped else f"{competency_id}/{guess}"
        fix = f"did you mean '{suggestion}'?" if guess else f"use one of: {', '.join(known)}"
        message = f"unknown behavior '{behavior_id}' of competency '{competency_id}'"
        self.problems.add(source.file, line, subject, where, message, fix, unknown=("behavior", ref))
