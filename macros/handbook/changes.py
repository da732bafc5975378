"""What changed between two loaded handbooks: records added, changed or removed, per kind, by id."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .handbook import Handbook

# Field names as a reader says them, where the name alone would read oddly.
FIELD_WORDS = {
    "how_it_sells": "how it sells",
    "profile": "profile answers",
    "hiring": "hiring guide",
    "text": "wording",
    "taught_by": "teacher",
    "pre_work": "pre-work",
    "place": "place in the schedule",
}


@dataclass(frozen=True)
class RecordChange:
    """One record added, changed or removed: its key, the name a reader knows it by, and what changed."""

    kind: str  # 'role', 'competency', 'behavior', 'play' or 'session'
    key: str  # the id; 'competency/behavior' for a behavior, 'curriculum/session' for a session
    label: str  # its name (a behavior's text, a session's title), as the newer point has it (the older when removed)
    within: str = ""  # the competency of a behavior, the curriculum of a session, by name
    fields: tuple[str, ...] = ()  # what changed, in reader words (changed records only)


@dataclass(frozen=True)
class KindChanges:
    """The changes to one kind of record between two points."""

    kind: str
    title: str  # the kind as a heading says it: 'Roles'
    added: tuple[RecordChange, ...] = ()
    changed: tuple[RecordChange, ...] = ()
    removed: tuple[RecordChange, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether nothing of this kind was added, changed or removed."""
        return not (self.added or self.changed or self.removed)


@dataclass(frozen=True)
class Changes:
    """Everything that changed between two points, kind by kind, and the sections that appeared or went."""

    kinds: tuple[KindChanges, ...]
    notes: tuple[str, ...] = ()  # 'The playbook was added (23 plays).'

    @property
    def empty(self) -> bool:
        """Whether no record of any compared kind changed."""
        return not self.notes and all(k.empty for k in self.kinds)

    def records(self) -> tuple[RecordChange, ...]:
        """Every record change, kind by kind."""
        return tuple(r for k in self.kinds for r in (*k.added, *k.changed, *k.removed))


@dataclass(frozen=True)
class _Entry:
    """A record as the diff compares it: the model, its reader label, and facts outside the model (a session's place)."""

    model: BaseModel
    label: str
    within: str = ""
    extra: Mapping[str, Any] | None = None


def _roles(hb: Handbook) -> dict[str, _Entry]:
    return {r.id: _Entry(r, r.name) for r in hb.roles}


def _competencies(hb: Handbook) -> dict[str, _Entry]:
    # Behaviors are a kind of their own: a competency changes through them only when their order does.
    return {c.id: _Entry(c, c.name, extra={"behavior order": tuple(b.id for b in c.behaviors)}) for c in hb.competencies}


def _behaviors(hb: Handbook) -> dict[str, _Entry]:
    return {f"{c.id}/{b.id}": _Entry(b, b.text, c.name) for c in hb.competencies for b in c.behaviors}


def _plays(hb: Handbook) -> dict[str, _Entry]:
    return {p.id: _Entry(p, p.name) for p in hb.plays}


def _sessions(hb: Handbook) -> dict[str, _Entry]:
    return {
        f"{c.id}/{p.session.id}": _Entry(p.session, p.session.title, c.name, {"place": (p.week, p.day)})
        for c in hb.curricula
        for p in hb.planned_sessions[c.id]
    }


@dataclass(frozen=True)
class _Kind:
    name: str
    title: str
    entries: Callable[[Handbook], dict[str, _Entry]]
    domain: str = ""  # 'training' or 'playbook': compared only when both points have that section
    ignore: tuple[str, ...] = ()  # model fields another kind reports


KINDS = (
    _Kind("role", "Roles", _roles),
    _Kind("competency", "Competencies", _competencies, ignore=("behaviors",)),
    _Kind("behavior", "Behaviors", _behaviors),
    _Kind("play", "Plays", _plays, domain="playbook"),
    _Kind("session", "Sessions", _sessions, domain="training"),
)
_DOMAINS = {
    "playbook": ("the playbook", "plays", lambda hb: len(hb.plays)),
    "training": ("training", "curricula", lambda hb: len(hb.curricula)),
}


def _has(hb: Handbook, domain: str) -> bool:
    return {"playbook": hb.has_playbook, "training": hb.has_training}[domain]


def diff_handbooks(old: Handbook, new: Handbook) -> Changes:
    """Records of each kind added, changed (with the fields that changed) and removed from `old` to `new`."""
    kinds: list[KindChanges] = []
    for kind in KINDS:
        if kind.domain and not (_has(old, kind.domain) and _has(new, kind.domain)):
            continue  # a section one point lacks is reported as a note, not as every record appearing
        kinds.append(_diff_kind(kind, kind.entries(old), kind.entries(new)))
    return Changes(tuple(kinds), _domain_notes(old, new))


def _domain_notes(old: Handbook, new: Handbook) -> tuple[str, ...]:
    notes: list[str] = []
    for domain, (name, noun, count) in _DOMAINS.items():
        if _has(new, domain) and not _has(old, domain):
            notes.append(f"{name[:1].upper()}{name[1:]} was added ({count(new)} {noun}).")
        elif _has(old, domain) and not _has(new, domain):
            notes.append(f"{name[:1].upper()}{name[1:]} was removed.")
    return tuple(notes)


def _diff_kind(kind: _Kind, old: dict[str, _Entry], new: dict[str, _Entry]) -> KindChanges:
    added = tuple(_change(kind, key, entry) for key, entry in new.items() if key not in old)
    removed = tuple(_change(kind, key, entry) for key, entry in old.items() if key not in new)
    changed: list[RecordChange] = []
    for key, entry in new.items():
        before = old.get(key)
        if before is not None and (fields := changed_fields(before.model, entry.model, kind.ignore, before.extra, entry.extra)):
            changed.append(_change(kind, key, entry, fields))
    return KindChanges(kind.name, kind.title, added, tuple(changed), removed)


def _change(kind: _Kind, key: str, entry: _Entry, fields: tuple[str, ...] = ()) -> RecordChange:
    return RecordChange(kind.name, key, entry.label, entry.within, fields)


def changed_fields(
    old: BaseModel,
    new: BaseModel,
    ignore: tuple[str, ...] = (),
    old_extra: Mapping[str, Any] | None = None,
    new_extra: Mapping[str, Any] | None = None,
) -> tuple[str, ...]:
    """The fields that differ between two versions of a record, in reader words ('definition, levels')."""
    fields = [
        FIELD_WORDS.get(name, name.replace("_", " "))
        for name in type(new).model_fields
        if name not in ignore and getattr(old, name, None) != getattr(new, name)
    ]
    old_extra, new_extra = old_extra or {}, new_extra or {}
    for name, value in new_extra.items():
        if old_extra.get(name) != value and not (name == "behavior order" and set(old_extra.get(name, ())) != set(value)):
            fields.append(FIELD_WORDS.get(name, name))  # behaviors added or removed are listed as behaviors, not as a reorder
    return tuple(fields)


def summary(hb: Handbook) -> str:
    """What a handbook holds, counted: '18 roles, 65 competencies, 390 behaviors, 23 plays, 120 sessions'."""
    counts = [
        (len(hb.roles), "role", "roles"),
        (len(hb.competencies), "competency", "competencies"),
        (hb.behavior_count, "behavior", "behaviors"),
        (len(hb.plays), "play", "plays"),
        (sum(len(s) for s in hb.planned_sessions.values()), "session", "sessions"),
    ]
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)
