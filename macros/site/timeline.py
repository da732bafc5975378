"""What's new over time: points in the repository's history (release tags, or the last data change of each month),
the data folder read at each point with git and loaded like the current data, and what changed between them.

Reading history must never fail a build: without git, outside a repository, in a shallow clone or with no history
of the data folder, the result says why history is unavailable; a point whose data no longer loads (an older
format) is reported as not comparable, and the periods on either side of it say so.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from ..errors import DataError
from ..handbook import Handbook
from ..handbook.changes import Changes, diff_handbooks, summary
from ..loading import load_handbook

DEFAULT_LIMIT = 12  # periods shown; each costs one load of the data as it was (about a quarter second for ours)
By = Literal["auto", "tags", "months"]
# Why history is unavailable; the page explains each in words (overrides/handbook/whats_new.md).
Unavailable = Literal["", "off", "not-read", "no-git", "no-repository", "shallow", "no-history", "no-tags"]
_FIELD = "\x1f"
_TIMEOUT = 60


@dataclass(frozen=True)
class Point:
    """A point in history whose data is compared: a release tag, or the last commit of a month that changed data."""

    name: str  # 'v2', or 'November 2026'
    commit: str
    date: str  # YYYY-MM-DD, the commit's date in UTC
    tree: str  # git object id of the data folder at that commit


@dataclass(frozen=True)
class Period:
    """What changed up to one point: the changes since the point before, or why they cannot be shown."""

    name: str
    date: str  # YYYY-MM-DD; '' for the changes not in any point yet
    changes: Changes | None = None  # None: not compared (see `problem`), or the first point (see `start`)
    problem: str = ""  # why the period could not be compared
    start: str = ""  # the first point in history: what the handbook held then ('3 roles, 12 competencies')
    pending: bool = False  # the data being built, changed since the newest point (not released or not committed yet)


@dataclass(frozen=True)
class WhatsNew:
    """The periods to show, newest first, or why history is unavailable."""

    by: str = ""  # 'tags' or 'months' ('' when unavailable)
    periods: tuple[Period, ...] = ()
    unavailable: Unavailable = ""
    limit: int = DEFAULT_LIMIT
    more: bool = False  # older changes exist than those shown


class GitUnavailable(Exception):
    """Git could not answer: carries the reason the page gives."""

    def __init__(self, reason: Unavailable) -> None:
        super().__init__(reason)
        self.reason: Unavailable = reason


@dataclass
class ChangeHistory:
    """Reads what's new from a project's git history. Loaded points and diffs are kept by the data folder's git tree,
    so a `mkdocs serve` session loads each old version of the data once."""

    root: Path  # the project folder (holding mkdocs.yml); any folder inside a repository
    data_dir: Path
    limit: int = DEFAULT_LIMIT
    by: By = "auto"
    _loaded: dict[str, Handbook | str] = field(default_factory=dict, repr=False)  # tree -> handbook, or why it did not load
    _diffs: dict[tuple[str, str], Changes] = field(default_factory=dict, repr=False)

    @property
    def settings(self) -> tuple[Path, Path, int, str]:
        """What the kept points depend on: a reader with other settings starts afresh."""
        return (self.root, self.data_dir, self.limit, self.by)

    def read(self, current: Handbook) -> WhatsNew:
        """The periods of history up to the data being built (`current`), newest first; never raises."""
        if self.limit <= 0:
            return WhatsNew(unavailable="off", limit=self.limit)
        try:
            by, points, more = self.points()
        except GitUnavailable as missing:
            return WhatsNew(unavailable=missing.reason, limit=self.limit)
        if not points:
            return WhatsNew(unavailable="no-tags" if by == "tags" else "no-history", limit=self.limit)
        periods: list[Period] = []
        for index, point in enumerate(points):
            if index == 0 and more:
                continue  # the baseline of the oldest period shown
            if index == 0:
                loaded = self._load(point)
                start = summary(loaded) if isinstance(loaded, Handbook) else ""
                periods.append(Period(point.name, point.date, start=start, problem=_problem(point, loaded)))
            else:
                periods.append(self._period(points[index - 1], point))
        newest = self._load(points[-1])
        if isinstance(newest, Handbook) and not (pending := diff_handbooks(newest, current)).empty:
            periods.append(Period(f"Since {points[-1].name}", "", pending, pending=True))
        return WhatsNew(by, tuple(reversed(periods)), limit=self.limit, more=more)

    def points(self) -> tuple[str, list[Point], bool]:
        """How points are chosen ('tags' or 'months'), the last `limit` + 1 points oldest first, and whether there are
        more than `limit` (the oldest point returned is then only the baseline of the next)."""
        if self._git("rev-parse", "--is-shallow-repository").strip() == "true":
            raise GitUnavailable("shallow")
        try:
            self._git("rev-parse", "--verify", "-q", "HEAD")
        except GitUnavailable:
            return "", [], False  # a repository without a commit yet
        path = self._data_path()
        log = self._git("log", "--first-parent", f"--format=%H{_FIELD}%ct", "--", path)
        commits = [line.split(_FIELD) for line in log.splitlines() if line]
        if not commits:
            return "", [], False
        tags = self._tags() if self.by in ("auto", "tags") else []
        by = "tags" if tags or self.by == "tags" else "months"
        candidates = tags if by == "tags" else _month_ends((c, int(t)) for c, t in commits)
        points = _distinct(self._with_trees(candidates, path))
        more = len(points) > self.limit
        return by, points[-(self.limit + 1) :], more

    def _period(self, before: Point, point: Point) -> Period:
        old, new = self._load(before), self._load(point)
        if not isinstance(old, Handbook):
            return Period(point.name, point.date, problem=_problem(before, old))
        if not isinstance(new, Handbook):
            return Period(point.name, point.date, problem=_problem(point, new))
        key = (before.tree, point.tree)
        if key not in self._diffs:
            self._diffs[key] = diff_handbooks(old, new)
        return Period(point.name, point.date, self._diffs[key])

    def _load(self, point: Point) -> Handbook | str:
        """The handbook at a point, or why its data does not load with this engine (kept either way)."""
        if point.tree not in self._loaded:
            self._loaded[point.tree] = self._read_point(point)
        return self._loaded[point.tree]

    def _read_point(self, point: Point) -> Handbook | str:
        """Extract the data folder at a point into a temporary folder and load it like the current data."""
        try:
            archive = self._git_bytes("archive", "--format=tar", point.tree)
        except GitUnavailable:
            return "could not be read from git"
        with tempfile.TemporaryDirectory(prefix="handbook-history-") as tmp:
            folder = Path(tmp) / self.data_dir.name  # the same folder name: problems and sources read 'data/...'
            folder.mkdir()
            try:
                with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                    tar.extractall(folder, filter="data")  # 'data': no links or paths that leave the folder
            except (tarfile.TarError, OSError):
                return "could not be read from git"
            try:
                return load_handbook(folder)
            except DataError as error:
                count = len(error.problems)
                return f"does not load with this version of the handbook ({count} problem{'s' if count != 1 else ''})"
            except Exception as error:  # an old format can trip any check: the build goes on without that point
                return f"does not load with this version of the handbook ({type(error).__name__})"

    def _tags(self) -> list[tuple[str, str, int]]:
        """Release tags on the current branch's history: name, commit and commit time, oldest first."""
        refs = self._git("for-each-ref", "--merged", "HEAD", "--format=%(refname:short)%1f%(objectname)%1f%(*objectname)", "refs/tags")
        tagged = [(name, peeled or obj) for name, obj, peeled in (line.split(_FIELD) for line in refs.splitlines() if line)]
        if not tagged:
            return []
        dates = dict(
            line.split(_FIELD)
            for line in self._git("show", "-s", f"--format=%H{_FIELD}%ct", *dict.fromkeys(c for _, c in tagged)).splitlines()
            if _FIELD in line
        )
        return sorted(((name, commit, int(dates[commit])) for name, commit in tagged if commit in dates), key=lambda t: (t[2], t[0]))

    def _with_trees(self, candidates: Sequence[tuple[str, str, int]], path: str) -> list[Point]:
        """Points for the candidates whose commit has the data folder, with its tree (one git call for all)."""
        if not candidates:
            return []
        queries = "".join(f"{commit}:{path}\n" for _, commit, _ in candidates)
        answers = self._git("cat-file", "--batch-check=%(objectname) %(objecttype)", stdin=queries).splitlines()
        points = []
        for (name, commit, time), answer in zip(candidates, answers, strict=False):
            tree, _, kind = answer.partition(" ")
            if kind == "tree":
                points.append(Point(name, commit, datetime.fromtimestamp(time, UTC).date().isoformat(), tree))
        return points

    def _data_path(self) -> str:
        """The data folder as a path git resolves from the project folder ('./data')."""
        return "./" + Path(os.path.relpath(self.data_dir.resolve(), self.root.resolve())).as_posix()

    def _git(self, *args: str, stdin: str | None = None) -> str:
        return self._git_bytes(*args, stdin=stdin.encode() if stdin is not None else None).decode("utf-8", errors="replace")

    def _git_bytes(self, *args: str, stdin: bytes | None = None) -> bytes:
        root = self.root.resolve()
        # A checkout owned by another user (CI containers) is refused as "dubious ownership" unless trusted: trust the
        # project folder and the folders above it, one of which is the repository's top level.
        trusted = [arg for folder in (root, *root.parents) for arg in ("-c", f"safe.directory={folder.as_posix()}")]
        try:
            result = subprocess.run(
                ["git", *trusted, "-C", str(root), *args], input=stdin, capture_output=True, timeout=_TIMEOUT, check=False
            )
        except OSError:
            raise GitUnavailable("no-git") from None
        except subprocess.TimeoutExpired:  # a repository too slow to read is treated like none
            raise GitUnavailable("no-repository") from None
        if result.returncode != 0:
            raise GitUnavailable("no-repository")
        return result.stdout


def _month_ends(commits: Iterable[tuple[str, int]]) -> list[tuple[str, str, int]]:
    """The last commit of each month (UTC) among commits that changed the data, named by month, oldest first."""
    last: dict[str, tuple[str, int]] = {}
    for commit, time in commits:
        month = datetime.fromtimestamp(time, UTC).strftime("%Y-%m")
        if month not in last or time > last[month][1]:
            last[month] = (commit, time)
    return [(datetime.fromtimestamp(time, UTC).strftime("%B %Y"), commit, time) for _, (commit, time) in sorted(last.items())]


def _distinct(points: list[Point]) -> list[Point]:
    """Drop points whose data is the same as the point before (a release that changed no data)."""
    kept: list[Point] = []
    for point in points:
        if not kept or kept[-1].tree != point.tree:
            kept.append(point)
    return kept


def _problem(point: Point, loaded: Handbook | str) -> str:
    return "" if isinstance(loaded, Handbook) else f"the data at {point.name} {loaded}"
