"""Who changed which file and when, from git history: read once per build for every file, then looked up per page."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

# Record and field separators that cannot occur in names or dates.
_RECORD, _FIELD = "\x1e", "\x1f"


@dataclass(frozen=True)
class Credit:
    """When a page's data last changed and who has changed it, most recent first."""

    date: str  # ISO 8601 author date (UTC) of the latest change
    authors: tuple[str, ...]

    @property
    def day(self) -> str:
        """The date as YYYY-MM-DD."""
        return self.date[:10]


@dataclass
class History:
    """Per file (path relative to the project root): each author's latest change to it."""

    changes: dict[str, dict[str, str]] = field(default_factory=dict)  # path -> author -> ISO date of their latest change

    def credit(self, paths: Iterable[str]) -> Credit | None:
        """The combined credit of a page built from several files, or None when none of them has history."""
        latest_by_author: dict[str, str] = {}
        for path in paths:
            for author, date in self.changes.get(path, {}).items():
                latest_by_author[author] = max(date, latest_by_author.get(author, ""))
        if not latest_by_author:
            return None
        ordered = sorted(latest_by_author, key=lambda a: latest_by_author[a], reverse=True)
        return Credit(latest_by_author[ordered[0]], tuple(ordered))


def parse_log(text: str) -> History:
    """Parse `git log --name-only --format=<RS>%at<US>%an` output (newest commit first)."""
    changes: dict[str, dict[str, str]] = {}
    for record in text.split(_RECORD):
        lines = record.strip("\n").split("\n")
        if _FIELD not in lines[0]:
            continue
        timestamp, author = lines[0].split(_FIELD, 1)
        # UTC ISO dates compare correctly as text, whatever time zone each author committed from.
        date = datetime.fromtimestamp(int(timestamp), UTC).isoformat()
        for path in (line.strip() for line in lines[1:]):
            if path:
                changes.setdefault(path, {}).setdefault(author, date)  # newest first: the first date seen is the latest
    return History(changes)


def read_history(project_root: Path, folders: Iterable[str] = ("data", "docs")) -> History:
    """One `git log` for every file under `folders` (an empty History when there is no git or no repository)."""
    command = [
        "git",
        "-C",
        str(project_root),
        "log",
        "--no-merges",
        "--relative",  # paths relative to the project root, even when it is a subfolder of the repository
        "--name-only",
        f"--format={_RECORD}%at{_FIELD}%an",
        "--",
        *folders,
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return History()  # no git: pages simply show no credit
    if result.returncode != 0:
        return History()  # not a repository (an exported copy, a test fixture): pages simply show no credit
    return parse_log(result.stdout)
