"""Dependencies: requirements.txt, the lock dev.py installs, pins every direct dependency exactly as pyproject.toml does."""

from __future__ import annotations

import re
import tomllib

from sites import ROOT


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", requirement.split("==")[0].strip()).lower()  # PEP 503 normalized


def test_the_lock_pins_every_direct_dependency_as_pyproject_does():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = [*project["project"]["dependencies"], *(r for group in project["dependency-groups"].values() for r in group)]
    assert all("==" in requirement for requirement in declared), "direct dependencies are pinned exactly"
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    locked = {_name(line): line.split(";")[0].split("==")[1].strip() for line in lines if re.match(r"[A-Za-z0-9]", line)}
    stale = [r for r in declared if locked.get(_name(r)) != r.split("==")[1].strip()]
    assert stale == [], "pyproject.toml changed after the lock was made: run `python3 dev.py lock`"
