"""Data problems: one record per mistake, collected across a whole run and reported together."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the data, located precisely enough for an author to fix it."""

    file: str
    line: int
    record: str
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        subject = " ".join(part for part in (self.record, f"field '{self.field}'" if self.field else "") if part)
        head = f"{where}: {subject}: " if subject else f"{where}: "
        tail = f" Fix: {self.fix}" if self.fix else ""
        return f"{head}{self.message}.{tail}"


@dataclass
class Problems:
    """Collects problems so every one of them is reported in a single run."""

    items: list[Problem] = field(default_factory=list)
    # (kind, id) of records already reported as broken; (kind, "*") when a whole file of that kind failed.
    broken: set[tuple[str, str]] = field(default_factory=set)

    def add(self, file: str, line: int, record: str, field: str, message: str, fix: str = "") -> None:
        """Record one problem."""
        self.items.append(Problem(file, line, record, field, message.rstrip("."), fix))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        """Stop with every collected problem, sorted by file and line."""
        if self.items:
            raise DataError(sorted(set(self.items)))


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
