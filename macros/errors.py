"""Where data was written, and data problems: one structured record per mistake, collected and reported together."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """Where a record was written: file and line, for errors, edit links and page credits."""

    file: str
    line: int
    base: tuple[Any, ...] = ()
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def at(self, *path: Any) -> int:
        """Line of a field inside this record (the record's line when the field is absent)."""
        full = (*self.base, *path)
        for end in range(len(full), len(self.base) - 1, -1):
            line = self.lines.get(full[:end])
            if line is not None:
                return line
        return self.line


@dataclass(frozen=True, order=True)
class Subject:
    """The record a problem is about: its kind and id (or its position in a list file when it has no usable id)."""

    kind: str = ""
    id: str = ""
    number: int | None = None  # 1-based position in its file, for a record without an id

    def __str__(self) -> str:
        if self.id:
            return f"{self.kind} '{self.id}'"
        return f"{self.kind} #{self.number}" if self.number is not None else self.kind


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the data, located precisely enough for an author to fix it; reports are formatted from the fields."""

    file: str
    line: int
    kind: str  # the kind of record the mistake is in ('role', 'hiring scorecard'), '' for a file-level problem
    record: str  # that record's id ('' when it has none)
    field: str  # dotted path of the field inside the record ('weeks[0].days[1].sessions[2].taught_by')
    message: str
    fix: str
    number: int | None = None  # position of a record without an id in its list file
    unknown: tuple[str, str] | None = None  # (kind, id) of a reference that resolves to nothing, when that is the problem
    todo: bool = False  # content not written yet: the page says so, and only a build requiring completeness fails

    @property
    def subject(self) -> Subject:
        """The record this problem is about."""
        return Subject(self.kind, self.record, self.number)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        subject = " ".join(part for part in (str(self.subject), f"field '{self.field}'" if self.field else "") if part)
        head = f"{where}: {subject}: " if subject else f"{where}: "
        tail = f" Fix: {self.fix}" if self.fix else ""
        return f"{'TODO ' if self.todo else ''}{head}{self.message}.{tail}"


@dataclass
class Problems:
    """Collects problems so every one of them is reported in a single run."""

    items: list[Problem] = field(default_factory=list)
    # (kind, id) of records already reported as broken; (kind, "*") when a whole file of that kind failed.
    broken: set[tuple[str, str]] = field(default_factory=set)
    todos: list[Problem] = field(default_factory=list)  # gaps in valid records: content not written yet
    require_complete: bool = False  # a gap is then an error like any other

    def add(
        self,
        file: str,
        line: int,
        subject: Subject | None,
        field: str,
        message: str,
        fix: str = "",
        *,
        unknown: tuple[str, str] | None = None,
        todo: bool = False,
    ) -> None:
        """Record one problem; a `todo` (content not written yet) is an error only when completeness is required."""
        subject = subject or Subject()
        todo = todo and not self.require_complete
        problem = Problem(file, line, subject.kind, subject.id, field, message.rstrip("."), fix, subject.number, unknown, todo)
        (self.todos if todo else self.items).append(problem)

    def is_broken(self, kind: str, record_id: str) -> bool:
        """Whether a record (or its whole file) already failed, so a reference to it is not reported a second time."""
        return (kind, record_id) in self.broken or (kind, "*") in self.broken

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted_todos(self) -> tuple[Problem, ...]:
        """The gaps left, sorted by file and line."""
        return tuple(sorted(set(self.todos), key=_order))

    def raise_if_any(self) -> None:
        """Stop with every collected problem, sorted by file and line."""
        if self.items:
            raise DataError(sorted(set(self.items), key=_order))


def _order(problem: Problem) -> tuple[str, int, str, str, str]:
    return (problem.file, problem.line, str(problem.subject), problem.field, problem.message)


class DataError(Exception):
    """The data cannot be published; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """Human-readable report: a count, then one line per problem."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The handbook data has {count} {noun}; nothing was published:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """Suggest the closest known value, or '' when nothing is close."""
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    matches = difflib.get_close_matches(str(value).lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else ""
