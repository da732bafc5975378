"""Layer 3: small fixture sites built with MkDocs, one scenario each, with negative checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import copy_fixture, mkdocs_build


def _edit(config: Path, file: str, change) -> None:
    path = config.parent / "data" / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_tiny_site_builds_every_page(tmp_path: Path):
    config = copy_fixture("tiny", tmp_path)
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode == 0, site.output
    for url in ("roles/floor-sales/", "competencies/demonstrates-perseverance/", "dimensions/drive/", "matrix/", "roles/"):
        assert (site.root / url / "index.html").exists(), url
    assert site.article("roles/floor-sales/").h1.get_text(strip=True).startswith("Floor Sales")


BROKEN = {
    "unknown competency": (
        "roles/floor-sales.yml",
        lambda s: s.replace("  - demonstrates-perseverance", "  - demonstrates-perseverence"),
        "data/roles/floor-sales.yml:12: role 'floor-sales' field 'competencies[0]': unknown competency "
        "'demonstrates-perseverence'. Fix: did you mean 'demonstrates-perseverance'?",
    ),
    "duplicate key": (
        "dimensions.yml",
        lambda s: s + "  name: Drive twice\n",
        "data/dimensions.yml:4: field '[0].name': duplicate key 'name' (first given on line 2)",
    ),
    "three behaviors": (
        "competencies/demonstrates-perseverance.yml",
        lambda s: s.replace("  - id: asks-for-help\n    text: Asks a peer for help when stuck.\n", ""),
        "field 'behaviors': expected 4 to 7 behaviors, found 3",
    ),
    "role missing its family": (
        "families.yml",
        lambda s: s.replace("id: sales", "id: retail"),
        "data/roles/floor-sales.yml:3: role 'floor-sales' field 'family': unknown family 'sales'. Fix: use one of: retail",
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_data_stops_the_build_and_writes_nothing(tmp_path: Path, name: str):
    file, change, message = BROKEN[name]
    config = copy_fixture("tiny", tmp_path)
    _edit(config, file, change)
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode != 0
    assert message in site.output
    assert "nothing was published" in site.output
    assert not (tmp_path / "site").exists()


def test_data_text_never_becomes_markup_or_template_code(tmp_path: Path):
    config = copy_fixture("tiny", tmp_path)
    _edit(
        config,
        "roles/floor-sales.yml",
        lambda s: s.replace(
            "summary: Sells in a store.",
            "summary: \"<script>alert('x')</script> {{ config.site_name }} {% include 'base.html' %} "
            '**bold** [link](javascript:alert(1))"',
        ),
    )
    _edit(
        config,
        "competencies/demonstrates-perseverance.yml",
        lambda s: s.replace("definition: Keeps going after a setback.", "definition: '<img src=x onerror=alert(1)> # not a heading'"),
    )
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode == 0, site.output
    role = site.article("roles/floor-sales/")
    paragraph = next(p for p in role.find_all("p") if "alert('x')" in p.get_text())
    assert paragraph.get_text() == (
        "<script>alert('x')</script> {{ config.site_name }} {% include 'base.html' %} **bold** [link](javascript:alert(1))"
    )
    assert role.find("script") is None and role.find("strong") is None
    assert not [a for a in role.find_all("a") if a.get("href", "").startswith("javascript")]
    assert "Tiny handbook" not in paragraph.get_text()
    competency = site.article("competencies/demonstrates-perseverance/")
    assert competency.find("img") is None
    assert "<img src=x onerror=alert(1)> # not a heading" in competency.get_text()


def test_hand_written_page_may_not_shadow_a_generated_one(tmp_path: Path):
    config = copy_fixture("tiny", tmp_path)
    (config.parent / "docs" / "matrix.md").write_text("# My matrix\n")
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode != 0
    assert "docs/matrix.md is generated from data; delete the hand-written file" in site.output


def test_adding_a_role_file_adds_its_page_links_matrix_column_and_search_entries(tmp_path: Path):
    config = copy_fixture("tiny", tmp_path)
    role = (config.parent / "data" / "roles" / "floor-sales.yml").read_text(encoding="utf-8")
    added = role.replace("id: floor-sales", "id: phone-sales").replace("name: Floor Sales", "name: Phone Sales")
    (config.parent / "data" / "roles" / "phone-sales.yml").write_text(added, encoding="utf-8")
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode == 0, site.output
    assert site.article("roles/phone-sales/").h1.get_text(strip=True).startswith("Phone Sales")
    competency_roles = [a.get_text(strip=True) for a in site.article("competencies/demonstrates-perseverance/").select("ul a")]
    assert competency_roles == ["Floor Sales", "Phone Sales"]
    assert [a.get_text(strip=True) for a in site.article("matrix/").select("thead a")] == ["Floor Sales", "Phone Sales"]
    nav = [a.get_text(strip=True) for a in site.html("roles/phone-sales/").select("nav.md-nav--primary a.md-nav__link")]
    assert "Phone Sales" in nav
    assert any(page["url"].startswith("/roles/phone-sales/") for page in site.search_pages())
