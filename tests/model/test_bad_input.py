"""The bad-input corpus (tests/bad_input.py): every broken data set stops validation and the build with the exact report.

Every case runs through the engine and the `handbook validate` entry point in-process (fast); the cases marked
`build=True` also run the real `mkdocs build --strict` and the installed `handbook` command as subprocesses and
check that no site folder was left behind. A failed MkDocs build stops in on_config, before anything is written,
so the subset proves the wiring while the engine run proves each message.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bad_input import ACCEPTED, CASES, BadInput
from sites import FIXTURES, copy_fixture, mkdocs_build

from macros import cli
from macros.errors import DataError
from macros.loading import load_handbook

HANDBOOK = Path(sys.executable).parent / "handbook"


def _broken_data(tmp_path: Path, case: BadInput) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny" / "data", data)
    case.edit(data / case.file)
    return data


def _report(case: BadInput) -> str:
    count = len(case.expected)
    head = f"The handbook data has {count} problem{'s' if count != 1 else ''}; nothing was published:"
    return "\n".join([head, *(f"  - {line}" for line in case.expected)])


def test_the_corpus_is_large_and_names_are_unique():
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)
    assert 6 <= sum(case.build for case in CASES) <= 10  # the subprocess subset stays small: 2 cores in CI


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_exactly(tmp_path: Path, case: BadInput, capsys: pytest.CaptureFixture[str]):
    data = _broken_data(tmp_path, case)
    with pytest.raises(DataError) as caught:
        load_handbook(data, require_complete=case.complete)
    assert [str(problem) for problem in caught.value.problems] == list(case.expected)
    assert cli.main(["validate", "--data", str(data), *(["--strict"] if case.complete else [])]) == 1
    out = capsys.readouterr()
    assert out.err.strip() == _report(case)
    assert out.out == ""


BUILT = [case for case in CASES if case.build]


@pytest.mark.parametrize("case", BUILT, ids=[c.name for c in BUILT])
def test_bad_input_stops_the_real_build_and_leaves_no_site(tmp_path: Path, case: BadInput):
    config = copy_fixture("tiny", tmp_path)
    case.edit(config.parent / "data" / case.file)
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode != 0
    assert _report(case) in site.output
    assert not (tmp_path / "site").exists()
    validate = subprocess.run([str(HANDBOOK), "validate"], capture_output=True, text=True, cwd=config.parent)
    assert validate.returncode == 1
    assert validate.stderr.strip() == _report(case)


@pytest.mark.parametrize(("name", "file", "edit", "read", "expected"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_unusual_but_valid_input_is_accepted(tmp_path: Path, name: str, file: str, edit, read, expected):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny" / "data", data)
    edit(data / file)
    assert read(load_handbook(data)) == expected
