"""Read the private ratings and outcomes CSV files, checking every row against the model; all problems at once."""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...errors import Problems, Subject, did_you_mean
from ...handbook import Handbook

RATING_COLUMNS = ("person", "period", "role", "competency", "behavior", "rating", "mode")
OUTCOME_COLUMNS = ("person", "period", "metric", "value")
OPTIONAL_OUTCOME_COLUMNS = ("denominator",)
MODES = ("manager", "self")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


@dataclass(frozen=True)
class Rating:
    """One behavior rating of one person in one period, by their manager or by themselves."""

    person: str
    period: str
    competency: str
    behavior: str
    mode: str
    rating: int


@dataclass(frozen=True)
class Outcome:
    """One outcome metric of one person in one period (a rate already divided by its denominator)."""

    person: str
    period: str
    metric: str
    value: float


@dataclass(frozen=True)
class Inputs:
    """Checked ratings and outcomes, ready for the analysis."""

    ratings: tuple[Rating, ...]
    outcomes: tuple[Outcome, ...]


def period_kind(period: str) -> str:
    """'month' for YYYY-MM, 'quarter' for YYYY-Qn, '' for anything else."""
    return "month" if _MONTH.match(period) else "quarter" if _QUARTER.match(period) else ""


def next_period(period: str) -> str:
    """The period after a month or a quarter: 2025-12 -> 2026-01, 2025-Q4 -> 2026-Q1."""
    year, part = period.split("-")
    if part.startswith("Q"):
        quarter = int(part[1]) % 4 + 1
        return f"{int(year) + (quarter == 1)}-Q{quarter}"
    month = int(part) % 12 + 1
    return f"{int(year) + (month == 1)}-{month:02d}"


def refuse_inside_repository(path: Path, data_dir: Path, problems: Problems) -> None:
    """People's ratings and outcomes never belong in the published folders: refuse a file inside data/ or docs/."""
    resolved = path.resolve()
    for folder in (data_dir.resolve(), data_dir.resolve().parent / "docs"):
        if resolved.is_relative_to(folder):
            problems.add(
                str(path),
                0,
                None,
                "",
                f"this file is inside {folder.name}/, which is published and kept in git; people's ratings and outcomes must not be",
                "move it to the private/ folder (ignored by git) or anywhere outside the repository, and pass that path",
            )


def _rows(path: Path, columns: tuple[str, ...], optional: tuple[str, ...], problems: Problems) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with their line numbers, once its header has the expected columns."""
    if not path.is_file():
        problems.add(str(path), 0, None, "", "the file does not exist", "check the path")
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip() for name in reader.fieldnames or []]
        missing = [c for c in columns if c not in header]
        unknown = [c for c in header if c not in columns and c not in optional]
        if missing or unknown:
            found = ", ".join(header) or "nothing"
            also = f" (and optionally {', '.join(optional)})" if optional else ""
            problems.add(
                str(path),
                1,
                None,
                "",
                f"expected the columns {', '.join(columns)}{also}, found {found}",
                "rename the header row's columns to exactly these names",
            )
            return
        reader.fieldnames = header
        for row in reader:
            yield reader.line_num, {key: (value or "").strip() for key, value in row.items() if key is not None}


class _Reader:
    """Checks rows against the handbook and collects every problem, with file, row, column and a fix."""

    def __init__(self, handbook: Handbook, problems: Problems) -> None:
        self.hb = handbook
        self.problems = problems
        self.period_kinds: dict[str, tuple[str, int, str]] = {}  # kind -> first (file, row, period) using it
        self.rated: set[str] = set()  # everyone with a ratings row, valid or not (a bad row is reported once, on its own)

    def problem(self, path: Path, row: int, column: str, message: str, fix: str) -> None:
        """One problem in one cell."""
        self.problems.add(str(path), row, Subject("row", number=row), column, message, fix)

    def required(self, path: Path, row: int, values: dict[str, str], columns: tuple[str, ...]) -> bool:
        """Every required cell is filled in."""
        empty = [c for c in columns if not values.get(c)]
        for column in empty:
            self.problem(path, row, column, "the cell is empty", f"fill in the {column}, or delete the row")
        return not empty

    def period(self, path: Path, row: int, period: str) -> bool:
        """A month or a quarter, of the same kind as every other period of both files."""
        kind = period_kind(period)
        if not kind:
            expected = f"expected a month (YYYY-MM) or a quarter (YYYY-Qn), found '{period}'"
            self.problem(path, row, "period", expected, "write e.g. 2025-07 or 2025-Q3")
            return False
        first = self.period_kinds.setdefault(kind, (path.name, row, period))
        other = next((v for k, v in self.period_kinds.items() if k != kind), None)
        if other is not None and first[:2] == (path.name, row):
            self.problem(
                path,
                row,
                "period",
                f"'{period}' is a {kind}, but {other[0]} row {other[1]} has the {'quarter' if kind == 'month' else 'month'} '{other[2]}'",
                "use one kind of period (months or quarters) in both files",
            )
            return False
        return True

    def known(self, path: Path, row: int, column: str, value: str, known: list[str], label: str, where: str = "") -> bool:
        """An id of the model, with the closest one suggested."""
        if value in known:
            return True
        guess = did_you_mean(value, known)
        fix = (
            f"did you mean '{guess}'?"
            if guess
            else f"use one of: {', '.join(known)}"
            if len(known) <= 8
            else f"use the id of an existing {label}"
        )
        self.problem(path, row, column, f"unknown {label} '{value}'{where}", fix)
        return False

    def number(self, path: Path, row: int, column: str, text: str) -> float | None:
        """A finite number."""
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.problem(path, row, column, f"expected a number, found '{text}'", "write a plain number such as 0.35 or 42")
            return None
        return value


def read_inputs(handbook: Handbook, ratings_path: Path, outcomes_path: Path, data_dir: Path) -> tuple[Inputs, Problems]:
    """Both files, checked row by row against the model; the problems are returned alongside (empty when all is well)."""
    problems = Problems()
    refuse_inside_repository(ratings_path, data_dir, problems)
    refuse_inside_repository(outcomes_path, data_dir, problems)
    if problems:
        return Inputs((), ()), problems
    reader = _Reader(handbook, problems)
    ratings = _read_ratings(reader, ratings_path)
    outcomes = _read_outcomes(reader, outcomes_path)
    ratings_read = not any(p.file == str(ratings_path) for p in problems.items if p.line <= 1)
    for person, (row, _) in outcomes[1].items() if ratings_read else ():  # an unreadable ratings file is reported once
        if person not in reader.rated:
            reader.problem(
                outcomes_path,
                row,
                "person",
                f"'{person}' has outcomes but no ratings in {ratings_path.name}",
                "add their ratings, or leave their outcomes out (check the spelling of the person's identifier)",
            )
    return Inputs(tuple(ratings), outcomes[0]), problems


def _read_ratings(reader: _Reader, path: Path) -> list[Rating]:
    hb = reader.hb
    scale = [step.value for step in hb.assessment.scale]
    seen: dict[tuple[str, ...], int] = {}
    ratings: list[Rating] = []
    for row, values in _rows(path, RATING_COLUMNS, (), reader.problems):
        reader.rated.add(values.get("person", ""))
        if not reader.required(path, row, values, RATING_COLUMNS):
            continue
        ok = reader.period(path, row, values["period"])
        ok &= reader.known(path, row, "role", values["role"], list(hb.role), "role")
        competency = hb.competency.get(values["competency"])
        if competency is None:
            ok = reader.known(path, row, "competency", values["competency"], list(hb.competency), "competency") and ok
        else:
            behaviors = [b.id for b in competency.behaviors]
            ok &= reader.known(path, row, "behavior", values["behavior"], behaviors, "behavior", f" of competency '{competency.id}'")
        if values["mode"] not in MODES:
            reader.problem(path, row, "mode", f"expected manager or self, found '{values['mode']}'", "write manager or self")
            ok = False
        rating = values["rating"]
        if not rating.isdigit() or int(rating) not in scale:
            reader.problem(
                path,
                row,
                "rating",
                f"expected a point of the rating scale ({scale[0]} to {scale[-1]}, data/assessment.yml), found '{rating}'",
                f"rate with a whole number from {scale[0]} to {scale[-1]}",
            )
            ok = False
        key = tuple(values[c] for c in ("person", "period", "competency", "behavior", "mode"))
        if key in seen:
            reader.problem(path, row, "", f"repeats row {seen[key]} (same person, period, behavior and mode)", "keep one of the two rows")
            continue
        seen[key] = row
        if ok:
            ids = (values["competency"], values["behavior"], values["mode"])
            ratings.append(Rating(values["person"], values["period"], *ids, int(rating)))
    return ratings


def _read_outcomes(reader: _Reader, path: Path) -> tuple[tuple[Outcome, ...], dict[str, tuple[int, str]]]:
    """The outcomes, and each person's first row (for the check that every person with outcomes was rated)."""
    metrics = list(reader.hb.metric)
    seen: dict[tuple[str, ...], int] = {}
    people: dict[str, tuple[int, str]] = {}
    outcomes: list[Outcome] = []
    for row, values in _rows(path, OUTCOME_COLUMNS, OPTIONAL_OUTCOME_COLUMNS, reader.problems):
        if not reader.required(path, row, values, OUTCOME_COLUMNS):
            continue
        people.setdefault(values["person"], (row, values["period"]))
        ok = reader.period(path, row, values["period"])
        ok &= reader.known(path, row, "metric", values["metric"], metrics, "metric", " (data/metrics.yml)")
        value = reader.number(path, row, "value", values["value"])
        if values.get("denominator"):
            denominator = reader.number(path, row, "denominator", values["denominator"])
            if denominator is not None and denominator <= 0:
                found = f"expected a number above 0, found '{values['denominator']}'"
                reader.problem(path, row, "denominator", found, "leave it empty, or write the count the value is a share of")
                denominator = None
            value = value / denominator if value is not None and denominator is not None else None
        key = tuple(values[c] for c in ("person", "period", "metric"))
        if key in seen:
            reader.problem(path, row, "", f"repeats row {seen[key]} (same person, period and metric)", "keep one of the two rows")
            continue
        seen[key] = row
        if ok and value is not None:
            outcomes.append(Outcome(values["person"], values["period"], values["metric"], value))
    return tuple(outcomes), people
