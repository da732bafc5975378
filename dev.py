#!/usr/bin/env python3
"""Project tasks that work on a fresh clone with only Python 3.11.5+: serve, build, test.

    python3 dev.py serve    # preview the handbook at http://127.0.0.1:8000 (rebuilds when data/ changes)
    python3 dev.py build    # strict build into site/ (swapped in only when the build succeeded; -f CONFIG, -d DIR)
    python3 dev.py test     # lint, then every test
    python3 dev.py bench    # the performance benchmark (scales 1, 4, 16 against plain MkDocs; several minutes)
    python3 dev.py reader   # what a reader's browser transfers and waits for, search included, and Lighthouse scores
    python3 dev.py install  # only install (.venv, the `handbook` command, Chromium for browser tests), as CI does
    python3 dev.py lock     # regenerate requirements.txt from pyproject.toml with uv (--upgrade: newest releases)

The first run creates .venv/ and installs requirements.txt, the lock generated from pyproject.toml; later runs reuse it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
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
    if sys.version_info < (3, 11, 5):  # dev.py itself may be started by an older python3
        sys.exit("Python 3.11.5 or newer is required (pyproject.toml's requires-python)")
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


# uv only regenerates the lock; installing from it needs nothing but pip.
UV_VERSION = "0.13.9"
LOCK_GROUPS = ("test", "lint", "bench", "build")
LOCK_HEADER = """\
# The lock: every package the handbook, its tests and its tooling need, pinned exactly, installed by dev.py with pip.
# Generated from the direct dependencies and dependency groups in pyproject.toml: edit those, then run
# `python3 dev.py lock` (keeps every other pin as it is; `python3 dev.py lock --upgrade` moves all to the newest).
"""


def lock(args: list[str]) -> None:
    """Regenerate requirements.txt from pyproject.toml with uv, for the oldest Python the project supports."""
    import tomllib

    if not (BIN / "python").exists():
        _run(sys.executable, "-m", "venv", VENV)
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"uv=={UV_VERSION}")
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    groups = [arg for group in LOCK_GROUPS for arg in ("--group", group)]
    # --universal: one lock for Linux, macOS and Windows; the existing requirements.txt is read as the preferred pins.
    # uv reads its index from UV_DEFAULT_INDEX (PyPI otherwise), not from pip's configuration.
    _run(
        BIN / "uv",
        "pip",
        "compile",
        "--quiet",
        "pyproject.toml",
        *groups,
        "--universal",
        "--python-version",
        requires.removeprefix(">="),
        "--custom-compile-command",
        "python3 dev.py lock",
        "-o",
        "requirements.txt",
        *args,
    )
    lock_file = ROOT / "requirements.txt"
    lock_file.write_text(LOCK_HEADER + lock_file.read_text(encoding="utf-8"), encoding="utf-8")
    print("Wrote requirements.txt; the next task reinstalls .venv from it.")


def build_atomically(args: list[str]) -> None:
    """Strict build into a fresh folder beside site/, swapped in only when the build succeeded (-f/-d are honoured)."""
    config, site, passthrough = ROOT / "mkdocs.yml", None, []
    items = iter(args)
    for arg in items:
        if arg in ("-f", "--config-file"):
            config = Path(next(items)).resolve()
        elif arg in ("-d", "--site-dir"):
            site = Path(next(items)).resolve()
        else:
            passthrough.append(arg)
    site = site or config.parent / "site"
    for stale in site.parent.glob(f".{site.name}.building-*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    # Same parent folder, so both renames below stay on one file system and each is atomic.
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.building-", dir=site.parent))
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-f", str(config), "-d", str(staging), *passthrough], cwd=ROOT)
    if result.returncode:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"The build failed: {site} was left as it was.", file=sys.stderr)
        sys.exit(result.returncode)
    staging.chmod(0o755)  # mkdtemp creates a private folder; a published site must be readable by the web server
    previous = site.with_name(f".{site.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Published the strict build to {site}")


def main(argv: list[str]) -> None:
    """Dispatch one task."""
    # Material's end-of-life banner is known (see README); keep build output to real problems.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    task = argv[0] if argv else "help"
    rest = argv[1:]
    if task == "serve":
        ensure_venv()
        # --dirty: incremental preview, only pages whose content changed are rebuilt (macros/adapters/preview.py). MkDocs
        # warns on every dirty build, so the preview is not strict; `build` and the tests are.
        os.execv(str(BIN / "mkdocs"), [str(BIN / "mkdocs"), "serve", "--dirty", "--no-strict", *rest])
    elif task == "build":
        ensure_venv()
        build_atomically(rest)
    elif task == "test":
        ensure_venv()
        ensure_chromium()
        _run(BIN / "ruff", "check", "macros", "tests", "dev.py", "bench")
        _run(BIN / "ruff", "format", "--check", "macros", "tests", "dev.py", "bench")
        _run(BIN / "python", "-m", "pytest", *rest)
    elif task == "bench":
        ensure_venv()
        _run(BIN / "python", "bench/bench.py", *rest)
    elif task == "reader":
        ensure_venv()
        ensure_chromium()
        _run(BIN / "python", "bench/reader.py", *rest)
    elif task == "lock":
        lock(rest)
    elif task == "install":
        ensure_venv()
        ensure_chromium()
    else:
        print(__doc__)
        sys.exit(0 if task == "help" else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
