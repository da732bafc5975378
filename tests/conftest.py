"""Session fixtures shared by every test layer: the real data and the real site, each built once."""

from __future__ import annotations

import pytest
from sites import ROOT, BuiltSite, copy_fixture, mkdocs_build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real handbook, built once per test session."""
    site = mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))
    assert site.returncode == 0, site.output
    return site


@pytest.fixture(scope="session")
def real_handbook():
    """The real data, loaded once per test session."""
    from macros.loading import load_handbook

    return load_handbook(ROOT / "data")


# --- Injection safety: a fixture site whose every text field holds markup or template code. ---
@pytest.fixture(scope="session")
def injection_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """tests/fixtures/injection, built once per test session (built-site tests and browser tests share it)."""
    root = tmp_path_factory.mktemp("injection")
    site = mkdocs_build(copy_fixture("injection", root), root / "site")
    assert site.returncode == 0, site.output
    return site
