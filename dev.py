#!/usr/bin/env python3
"""Project tasks that work on a fresh clone with only Python 3.11+: serve, build, test.

    python3 dev.py serve    # preview the handbook at http://127.0.0.1:8000 (rebuilds when data/ changes)
    python3 dev.py build    # strict build into site/
    python3 dev.py test     # lint, then every test
    python3 dev.py bench    # the performance benchmark (scales 1, 4, 16 against plain MkDocs; several minutes)
    python3 dev.py install  # only install (.venv, the `handbook` command, Chromium for browser tests), as CI does

The first run creates .venv/ and installs the pinned requirements; later runs reuse it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".requirements.sha256"


def _run(*cmd: str | Path, **kwargs) -> None:
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(result.returncode)


def ensure_venv() -> None:
    """Create .venv and install the pinned requirements when they changed since the last install."""
    wanted = hashlib.sha256((ROOT / "requirements.txt").read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py itself may be started by an older python3
        sys.exit("Python 3.11 or newer is required")
    if not (BIN / "python").exists():
        print("Creating .venv ...", flush=True)
        _run(sys.executable, "-m", "venv", VENV)
    print("Installing pinned requirements ...", flush=True)
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt")
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--no-build-isolation", "-e", ".")
    STAMP.write_text(wanted)


CHROMIUM = Path("/usr/bin/chromium")


def ensure_chromium() -> None:
    """Install Debian's Chromium for the browser tests when it is missing (Playwright's own download does not work here)."""
    if CHROMIUM.exists():
        return
    apt = ["apt-get"] if os.geteuid() == 0 else ["sudo", "-n", "apt-get"]
    print("Installing Debian's chromium for the browser tests ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _run(*apt, "update", "-qq", env=env)
    _run(*apt, "install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core", env=env)


def main(argv: list[str]) -> None:
    """Dispatch one task."""
    # Material's end-of-life banner is known (see README); keep build output to real problems.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    task = argv[0] if argv else "help"
    rest = argv[1:]
    if task == "serve":
        ensure_venv()
        os.execv(str(BIN / "mkdocs"), [str(BIN / "mkdocs"), "serve", *rest])
    elif task == "build":
        ensure_venv()
        _run(BIN / "mkdocs", "build", "--strict", *rest)
    elif task == "test":
        ensure_venv()
        ensure_chromium()
        _run(BIN / "ruff", "check", "macros", "tests", "dev.py")
        _run(BIN / "ruff", "format", "--check", "macros", "tests", "dev.py")
        _run(BIN / "python", "-m", "pytest", *rest)
    elif task == "bench":
        ensure_venv()
        _run(BIN / "python", "bench/bench.py", *rest)
    elif task == "install":
        ensure_venv()
        ensure_chromium()
    else:
        print(__doc__)
        sys.exit(0 if task == "help" else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
