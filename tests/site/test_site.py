"""Layer 3: the real handbook built into a temporary folder, read as a reader sees it."""

from __future__ import annotations

import html
import re

from macros.model import MetricGroup


def _texts(soup, selector: str) -> list[str]:
    return [" ".join(el.get_text(" ", strip=True).split()) for el in soup.select(selector)]


def test_build_is_strict_and_warning_free(real_site):
    assert "WARNING" not in real_site.output
    assert "ERROR" not in real_site.output


def test_every_role_page_shows_its_metrics_titles_and_competencies(real_site, real_handbook):
    assert len(list((real_site.root / "roles").glob("*/index.html"))) == 18
    for role in real_handbook.roles:
        article = real_site.article(f"roles/{role.id}/")
        text = " ".join(article.get_text(" ", strip=True).split())
        assert article.h1.get_text(strip=True).startswith(role.name)
        for metric in role.metrics:
            for item in [metric.name, *metric.includes] if isinstance(metric, MetricGroup) else [metric]:
                assert item in text, (role.id, item)
        for title in role.titles:
            assert title in _texts(article, "li"), (role.id, title)
        headings = [h.get_text(strip=True).rstrip("¶") for h in article.select("h3")]
        assert headings == [real_handbook.competency[c].name for c in role.competencies]
        links = {a["href"] for a in article.select("a[href]")}
        for competency_id in role.competencies:
            assert f"../../competencies/{competency_id}/" in links


def test_role_page_without_source_metrics_says_so(real_site):
    text = real_site.article("roles/consultant/").get_text(" ", strip=True)
    assert "lists no common metrics" in text
    assert "lists no sample titles" in text
    assert "lists no common metrics" not in real_site.article("roles/account-management/").get_text(" ", strip=True)


def test_competency_pages_list_exactly_the_roles_that_need_them(real_site, real_handbook):
    for competency in real_handbook.competencies:
        article = real_site.article(f"competencies/{competency.id}/")
        section = article.find(id="roles-that-need-it")
        listed = []
        for sibling in section.find_next_siblings():
            if sibling.name == "h2":
                break
            listed += [a.get_text(strip=True) for a in sibling.select("a")]
        expected = [r.name for r in real_handbook.roles if competency.id in r.competencies]
        assert listed == expected, competency.id
        behaviors = _texts(article, "#job-behaviors + ol > li")
        assert behaviors == [b.text for b in competency.behaviors]
        steps = article.select(".hb-ladder > li")
        assert [s.select_one(".hb-ladder__level strong").get_text() for s in steps] == [lv.name for lv in real_handbook.levels]
        for step, level in zip(steps, real_handbook.levels, strict=True):
            new = " ".join(step.select_one(".hb-ladder__new").get_text(" ").split())
            assert new.endswith(" ".join(competency.levels[level.id].split())), (competency.id, level.id)
        assert [s.select_one(".hb-ladder__badge").get_text() for s in steps] == ["At this level", "New at this level", "New at this level"]


def test_dimension_pages_and_indexes(real_site, real_handbook):
    for dimension in real_handbook.dimensions:
        article = real_site.article(f"dimensions/{dimension.id}/")
        names = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]
        assert names == [c.name for c in real_handbook.competencies_by_dimension[dimension.id]]
    roles_index = real_site.article("roles/")
    assert [h.get_text(strip=True).rstrip("¶") for h in roles_index.select("h2")] == ["Sales", "Sales Management", "Service (Post-Sale)"]
    assert len(roles_index.select("table a")) == 18
    assert len(real_site.article("competencies/").select("table a")) == len(real_handbook.competencies)


def test_matrix_marks_every_pair_and_nothing_else(real_site, real_handbook):
    article = real_site.article("matrix/")
    header = _texts(article, "thead th")
    roles = [r.name for r in real_handbook.roles]
    assert header == ["Competency", *roles, "Roles"]
    marked = set()
    for row in article.select("tbody tr"):
        cells = row.find_all("td")
        link = cells[0].find("a")
        if link is None:
            continue
        for role, cell in zip(roles, cells[1:], strict=False):
            if cell.select_one(".hb-dot"):
                marked.add((role, link.get_text(strip=True)))
    expected = {(r.name, real_handbook.competency[c].name) for r in real_handbook.roles for c in r.competencies}
    assert marked == expected


def test_home_page_reaches_every_role_in_one_click(real_site, real_handbook):
    article = real_site.article("")
    hrefs = {a["href"] for a in article.select(".hb-directory a")}
    assert hrefs == {f"roles/{r.id}/" for r in real_handbook.roles}
    assert "{{" not in article.get_text()


def test_search_finds_roles_competencies_behaviors_metrics_and_titles(real_site, real_handbook):
    pages = real_site.search_pages()
    corpus = " ".join(" ".join([*p["meta"].values(), p["content"]]) for p in pages)
    corpus = " ".join(corpus.split())
    for role in real_handbook.roles:
        assert role.name in corpus
        for title in role.titles:
            assert title in corpus
    for competency in real_handbook.competencies:
        assert competency.name in corpus
        for behavior in competency.behaviors:
            assert " ".join(behavior.text.split()) in corpus, behavior.text
    assert "# of new leads/opportunities" in corpus


def test_search_indexes_each_page_content_only(real_site, real_handbook):
    # The navigation names every role on every page: indexed, it would make any page match any role's name.
    pages = {p["url"]: p for p in real_site.search_pages()}
    role = real_handbook.roles[0]
    other = real_handbook.roles[-1]
    assert other.name not in pages[f"/roles/{role.id}/checklist/"]["content"]
    assert "Skip to content" not in " ".join(p["content"] for p in pages.values())
    assert "/404.html" not in pages and "/print/" not in pages
    assert pages[f"/roles/{role.id}/"]["meta"]["kind"] == "Role"
    assert pages[f"/roles/{role.id}/"]["meta"]["names"] == " · ".join((role.name, *role.titles))
    assert pages[f"/roles/{role.id}/"]["meta"]["title"] == role.name  # no permalink pilcrow
    # Every page of a build offers the search, the 404 page too (only the preview says it has none).
    assert 'data-ready="true"' in (real_site.root / "404.html").read_text(encoding="utf-8")


def test_nothing_loads_from_other_hosts(real_site):
    for page in real_site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # Only links a reader clicks may point elsewhere; nothing the page loads by itself.
        loaded = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        assert not [u for u in loaded if "example.org" not in u], (page, loaded)
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page


def test_navigation_groups_roles_by_family_and_competencies_by_dimension(real_site, real_handbook):
    nav = real_site.html("roles/consultant/").select_one("nav.md-nav--primary")
    labels = [" ".join(el.get_text(" ", strip=True).split()) for el in nav.select("label.md-nav__link, a.md-nav__link")]
    for family in real_handbook.families:
        assert family.name in labels
    for role in real_handbook.roles:
        assert role.name in labels
    competency_nav = real_site.html("competencies/networks-effectively/").select_one("nav.md-nav--primary")
    text = competency_nav.get_text(" ", strip=True)
    for dimension in real_handbook.dimensions:
        assert dimension.name in text


def test_completeness_check_finds_a_dropped_behavior(real_site, real_handbook, tmp_path):
    import shutil

    from macros.site.completeness import missing_records

    assert missing_records(real_handbook, real_site.root) == []
    copy = tmp_path / "site"
    shutil.copytree(real_site.root / "competencies", copy / "competencies")
    shutil.copytree(real_site.root / "roles", copy / "roles")
    competency = real_handbook.competency["networks-effectively"]
    page = copy / "competencies" / "networks-effectively" / "index.html"
    dropped = competency.behaviors[0].text
    page.write_text(page.read_text(encoding="utf-8").replace(html.escape(dropped, quote=False), "", 1), encoding="utf-8")
    missing = missing_records(real_handbook, copy)
    assert f"competencies/networks-effectively.md: {dropped!r}" in missing
    assert "matrix.md: the page was not built" in missing


def test_mkdocs_yml_has_no_duplicate_keys():
    # YAML keeps the last of two equal keys silently: a second `extra_javascript:` once dropped every widget script.
    import yaml
    from sites import ROOT

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node):
        keys = [loader.construct_object(key) for key, _ in node.value]
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert not duplicates, f"mkdocs.yml line {node.start_mark.line + 1}: duplicate keys {duplicates}"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    Strict.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Strict)
