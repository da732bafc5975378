"""Performance: the synthetic data set, and a handbook built from it at three times the real size.

The benchmark itself (bench/bench.py, `make bench`) is too slow for the test suite; here its pieces run once on a
small scale, and the built site is checked for the designs that keep pages light: grouped navigation, the split
matrix and the compact listings. No wall-clock time is asserted.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sites import ROOT, BuiltSite, mkdocs_build

from macros.cli import main as handbook
from macros.loading import load_handbook
from macros.loading.loader import normalized_id as _normalized
from macros.site.listing import LONG_LISTINGS
from macros.site.matrix import MATRIX_PART_ROLES, matrix_parts
from macros.site.navigation import NAV_GROUP_FANOUT, NAV_GROUP_MAX, grouped_navigation
from macros.site.render import make_environment, render_template
from macros.tools.synth import synthesize

sys.path.insert(0, str(ROOT / "bench"))
import bench

SCALE = 3


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_writes_byte_identical_data_and_another_seed_varies_it(tmp_path: Path):
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        synthesize(ROOT / "data", tmp_path / name, 2, seed)
    first, second, other = (_digest(tmp_path / n) for n in "abc")
    assert first == second
    assert len(first) == len(other) and first != other  # another seed names the copies and rotates the text differently


def test_scale_two_is_valid_with_twice_the_records(tmp_path: Path, real_handbook):
    assert handbook(["synth", "--scale", "2", "--seed", "3", "--data", str(ROOT / "data"), str(tmp_path / "data")]) == 0
    synthetic = load_handbook(tmp_path / "data")  # every reference resolves, or this raises DataError
    for kind in ("roles", "competencies", "curricula", "exams", "certifications", "cohorts", "plays", "coaching_plans"):
        assert len(getattr(synthetic, kind)) == 2 * len(getattr(real_handbook, kind)), kind
    assert synthetic.behavior_count == 2 * real_handbook.behavior_count
    for kind in ("families", "dimensions", "levels", "phases", "stages", "buyer_roles", "frameworks", "service_levels", "experiments"):
        assert len(getattr(synthetic, kind)) == len(getattr(real_handbook, kind)), kind  # reference tables stay 1x
    ids = [r.id for r in synthetic.roles] + [c.id for c in synthetic.competencies]
    assert len({_normalized(i) for i in ids}) == len(ids)
    # Copy 0 is the real data; a copy's role needs the same competencies, renamed into its own copy.
    copy = next(r for r in synthetic.roles if r.id.startswith("consultant-"))
    assert copy.name.startswith("Consultant (") and copy.summary != real_handbook.role["consultant"].summary
    assert [c.split("-")[-1] for c in copy.competencies] == [copy.id.split("-")[-1]] * len(copy.competencies)


def test_synth_refuses_a_folder_with_files(tmp_path: Path, capsys):
    (tmp_path / "keep.txt").write_text("mine")
    assert handbook(["synth", "--scale", "2", str(tmp_path)]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert {p.name for p in tmp_path.iterdir()} == {"keep.txt"}


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory):
    """The handbook built strictly (with its completeness check) from three times the real data."""
    work = tmp_path_factory.mktemp("scaled")
    synthesize(ROOT / "data", work / "data", SCALE, seed=1)
    config = bench.write_config(work / "data", "test-scale")
    try:
        site = mkdocs_build(config, work / "site")
    finally:
        config.unlink()
    assert site.returncode == 0, site.output
    return site, load_handbook(work / "data")


def _nav_links(site: BuiltSite, url: str) -> list[str]:
    return [a.get_text(" ", strip=True) for a in site.html(url).select("nav.md-nav--primary a.md-nav__link")]


def test_role_pages_carry_a_few_navigation_links_not_every_role(scaled):
    site, hb = scaled
    sales = hb.roles_by_family["sales"]
    assert len(sales) > NAV_GROUP_MAX  # the family is long enough to be grouped
    role = sales[-1]
    links = _nav_links(site, f"roles/{role.id}/")
    assert role.name in links  # the page's own entry is in its open group
    shown = [r for r in sales if r.name in links]  # only the open group of the long family lists its roles
    assert len(shown) <= NAV_GROUP_MAX < len(sales)
    groups = [text for text in links if " – " in text]
    assert groups and all(text.split(" – ")[0] for text in groups)


def test_matrix_is_split_into_parts_with_every_role_once(scaled):
    site, hb = scaled
    parts = matrix_parts(hb)
    assert parts
    overview = site.article("matrix/")
    assert [a["href"].rstrip("/").split("/")[-1] for a in overview.select("li a")] == [p.id for p in parts]
    columns: list[str] = []
    for part in parts:
        header = [a.get_text(strip=True) for a in site.article(f"matrix/{part.id}/").select("thead a")]
        assert header == [r.name for r in part.roles] and len(header) <= MATRIX_PART_ROLES
        rows = {a.get_text(strip=True) for a in site.article(f"matrix/{part.id}/").select("tbody a")}
        assert rows == {hb.competency[c].name for r in part.roles for c in r.competencies}
        columns += header
    assert sorted(columns) == sorted(r.name for r in hb.roles)


def test_long_listings_switch_to_compact_pages(scaled):
    site, hb = scaled
    assert len(hb.competencies) > LONG_LISTINGS["default"] and len(hb.plays) > LONG_LISTINGS["plays"]
    competencies = site.article("competencies/")
    assert [a.get_text(strip=True) for a in competencies.select("tbody a")] == [d.name for d in hb.dimensions]
    plays = site.article("plays/")
    assert not plays.select("form.hb-play-filter")
    assert sorted(a.get_text(strip=True) for a in plays.select("li a")) == sorted(p.name for p in hb.plays)
    checklist = site.article(f"roles/{hb.roles[0].id}/checklist/")
    assert checklist.select_one(".hb-behavior__scale:empty") is not None  # filled by the script from one template
    assert "1 · 2 · 3 · 4 · 5" in checklist.select_one(".hb-rate-list")["style"]  # printed on paper by CSS
    # The home page's first screen names a few cohorts; with more, the new hires' card leads to the list of cohorts.
    assert len(hb.cohorts) > LONG_LISTINGS["first-screen"]
    new_hires = site.article("").select(".hb-audiences > ul > li")[2]
    assert [a["href"] for a in new_hires.select("a")] == ["curricula/#cohorts"]


def test_no_page_outweighs_the_size_budget_and_the_bench_reads_the_site(scaled):
    site, _ = scaled
    figures = bench.site_figures(site.root)
    assert figures.pages == len([p for p in site.root.rglob("*.html") if p.name != "404.html"])
    assert figures.largest_page_bytes <= 80 * 1024, figures.largest_page
    assert figures.search_index_bytes > 0 and figures.model_json_bytes > 0
    assert bench.table([]).startswith("| scale | pages |")


def test_many_roles_list_one_role_finder_entry_per_profile(scaled, monkeypatch):
    _, hb = scaled
    monkeypatch.setitem(LONG_LISTINGS, "default", len(hb.roles) - 1)  # as if this handbook had more roles than the limit
    finder = BeautifulSoup(render_template(make_environment(), "role_finder.html", "index.md", handbook=hb), "html.parser")
    items = finder.select("li[data-profile]")
    assert len(items) == len(hb.profiles()) < len(hb.roles)
    assert sorted(a.get_text(strip=True) for li in items for a in li.select("a")) == sorted(r.name for r in hb.roles)
    for answers, roles in hb.profiles():
        assert all(roles[0].profile[q] == r.profile[q] for r in roles for q, _ in answers)


def _leaves(entries: list) -> list[str]:
    found: list[str] = []
    for entry in entries:
        if isinstance(entry, str):
            found.append(entry)
        else:
            ((_, value),) = entry.items()
            found += _leaves(value) if isinstance(value, list) else [value]
    return found


def test_navigation_groups_long_lists_and_nests_many_groups_keeping_order():
    pages = [{f"Record {n:03}": f"records/{n:03}.md"} for n in range(200)]
    section = grouped_navigation(["records/index.md", {"Family": pages}])
    ((title, family),) = section[1].items()
    assert title == "Family" and _leaves(family) == [f"records/{n:03}.md" for n in range(200)]  # every page, in order
    assert len(family) <= NAV_GROUP_FANOUT  # a few groups side by side ...
    ((first_label, first),) = family[0].items()
    assert first_label.startswith("Record 000 – ")
    deepest = first
    while isinstance(next(iter(deepest[0].values())), list):
        deepest = next(iter(deepest[0].values()))
    assert len(deepest) <= NAV_GROUP_MAX  # ... and at the bottom, at most NAV_GROUP_MAX pages
    short = [{f"Record {n}": f"records/{n}.md"} for n in range(NAV_GROUP_MAX)]
    assert grouped_navigation(["x.md", {"Family": short}]) == ["x.md", {"Family": short}]  # short lists stay as they are


def test_a_page_built_from_a_whole_folder_names_the_folder_once(scaled):
    site, hb = scaled
    assert len(hb.competencies) > LONG_LISTINGS["sources"]
    details = site.article("competencies/").select_one("details.hb-sources")
    entries = [li.get_text(" ", strip=True) for li in details.select("li")]
    assert f"data/competencies/ ({len(hb.competencies)} files)" in entries
    assert not [entry for entry in entries if entry.startswith("data/competencies/") and entry.endswith(".yml")]
    listed = sum(int(entry.split("(")[1].split()[0]) if entry.endswith("files)") else 1 for entry in entries)
    assert details.summary.get_text(strip=True) == f"Built from {listed} data files"
