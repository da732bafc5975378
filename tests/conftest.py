"""Session fixtures shared by every test layer: the real data and the real site, each built once."""

from __future__ import annotations

import pytest
from sites import ROOT, BuiltSite, mkdocs_build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real handbook, built once per test session."""
    site = mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))
    assert site.returncode == 0, site.output
    return site


@pytest.fixture(scope="session")
def real_handbook():
    """The real data, loaded once per test session."""
    from macros.index import load_handbook

    return load_handbook(ROOT / "data")
