"""Layer 3 for playbooks: the built pages as a rep and a manager read them, and the fixture site's failures."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sites import ROOT, copy_fixture, mkdocs_build


def _text(el) -> str:
    return " ".join(el.get_text(" ", strip=True).split())


def _section(article, heading_id: str) -> list:
    """The elements after an h2, up to the next h2."""
    found = []
    for sibling in article.find(id=heading_id).find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def test_journey_map_cells_hold_exactly_the_plays_of_their_stage(real_site, real_handbook):
    article = real_site.article("journey-map/")
    phases = article.select(".hb-journey > section.hb-journey__phase")
    assert [p["data-phase"] for p in phases] == [p.id for p in real_handbook.phases]
    for phase in phases:
        cells = phase.select(".hb-journey__cell")
        assert [c["data-stage"] for c in cells] == [s.id for s in real_handbook.stages_by_phase[phase["data-phase"]]]
        for cell in cells:
            stage = real_handbook.stage[cell["data-stage"]]
            header = cell.select_one("a.hb-journey__stage")
            assert _text(header) == stage.name
            assert header["href"] == f"../plays/?stage={stage.id}"
            plays = [(_text(a), a["href"]) for a in cell.select("li a")]
            assert plays == [(p.name, f"../plays/{p.id}/") for p in real_handbook.plays_by_stage[stage.id]], stage.id
    # The grid's column widths follow the number of stages per phase.
    widths = [len(real_handbook.stages_by_phase[p.id]) for p in real_handbook.phases]
    assert article.select_one(".hb-journey")["style"].split(":")[1].split() == [f"{n}fr" for n in widths]


def test_playbook_index_lists_every_play_without_javascript_and_carries_filter_data(real_site, real_handbook):
    article = real_site.article("plays/")
    form = article.select_one("form[data-play-filter]")
    # In the page from the first paint (no layout shift when the script starts); without scripts a <noscript> style
    # hides it, and the list is the page.
    assert not form.has_attr("hidden") and "hb-needs-script" in form["class"]
    noscript = real_site.html("plays/").head.find("noscript")
    assert noscript is not None and ".hb-needs-script" in noscript.decode_contents()
    options = {select["name"]: [o["value"] for o in select.select("option") if o["value"]] for select in form.select("select")}
    assert options == {
        "role": [r.id for r in real_handbook.roles],
        "phase": [p.id for p in real_handbook.phases],
        "stage": [s.id for s in real_handbook.stages],
        "buyer": [b.id for b in real_handbook.buyer_roles],
    }
    assert [o["data-phase"] for o in form.select("select[name=stage] option[data-phase]")] == [s.phase for s in real_handbook.stages]
    cards = article.select(".hb-play-card")
    assert [c["data-play"] for c in cards] == [p.id for p in real_handbook.plays]
    for card in cards:
        play = real_handbook.play[card["data-play"]]
        assert card["data-roles"].split() == list(play.roles)
        assert card["data-phase"] == play.phase
        assert card["data-stages"].split() == list(play.stages)
        assert card["data-buyers"].split() == list(play.buyer_roles)
        assert card.select_one("a")["href"] == f"{play.id}/"
        assert not card.has_attr("hidden")
    html = real_site.html("plays/")
    assert html.select_one('script[src$="assets/play-filter.js"]') is not None
    assert html.select_one('link[href$="assets/playbooks.css"]') is not None


def test_role_page_reaches_the_plays_of_each_stage_in_one_or_two_clicks(real_site, real_handbook):
    for role in real_handbook.roles:
        article = real_site.article(f"roles/{role.id}/")
        rows = [tr for el in _section(article, "plays-by-deal-stage") for tr in el.select("tbody tr")]
        expected = [s for s in real_handbook.stages if real_handbook.plays_for(role.id, s.id)]
        assert [_text(r.find("td")) for r in rows] == [s.name for s in expected], role.id
        for row, stage in zip(rows, expected, strict=True):
            stage_link = urlsplit(row.find("td").a["href"])
            assert stage_link.path == "../../plays/"
            assert parse_qs(stage_link.query) == {"role": [role.id], "stage": [stage.id]}
            play_links = [a["href"] for a in row.find_all("td")[1].select("a")]
            assert play_links == [f"../../plays/{p.id}/" for p in real_handbook.plays_for(role.id, stage.id)]
        links = {a["href"] for a in article.select("a[href]")}
        assert "coaching/" in links


def test_plays_and_competencies_link_both_ways(real_site, real_handbook):
    for play in real_handbook.plays:
        article = real_site.article(f"plays/{play.id}/")
        hrefs = {a["href"] for a in article.select("a[href]")}
        behaviors = [_text(li) for el in _section(article, "behaviors-to-coach") for li in el.select("li")]
        assert behaviors == [real_handbook.behavior(ref)[1].text for ref in _grouped(play.behaviors)], play.id
        for ref in play.behaviors:
            assert f"../../competencies/{ref.split('/')[0]}/" in hrefs, (play.id, ref)
        for role_id in play.roles:
            assert f"../../roles/{role_id}/" in hrefs
        activities = [
            [_text(td) for td in tr.select("td")] for el in _section(article, "activities-to-manage") for tr in el.select("tbody tr")
        ]
        assert activities == [[a.activity, a.leading_indicator, a.target] for a in play.activities]
    for competency in real_handbook.competencies:
        article = real_site.article(f"competencies/{competency.id}/")
        listed = [a["href"] for el in _section(article, "plays-that-exercise-it") for a in el.select("a")]
        assert listed == [f"../../plays/{p.id}/" for p in real_handbook.plays_by_competency[competency.id]], competency.id


def _grouped(refs: tuple[str, ...]) -> list[str]:
    """Behavior references in the order a play page shows them: grouped by competency, first citation first."""
    order = list(dict.fromkeys(ref.split("/")[0] for ref in refs))
    return sorted(refs, key=lambda ref: order.index(ref.split("/")[0]))


def test_competency_without_plays_says_so(real_site, real_handbook):
    unused = next(c for c in real_handbook.competencies if not real_handbook.plays_by_competency[c.id])
    text = " ".join(_text(el) for el in _section(real_site.article(f"competencies/{unused.id}/"), "plays-that-exercise-it"))
    assert "No play coaches this competency's behaviors yet." in text


def test_coaching_page_per_role_is_complete_and_printable(real_site, real_handbook):
    for role in real_handbook.roles:
        article = real_site.article(f"roles/{role.id}/coaching/")
        assert _text(article.h1).startswith(f"Coaching {role.name}")
        plays = real_handbook.plays_by_role[role.id]
        rows = [[_text(td) for td in tr.select("td")] for el in _section(article, "activities-to-manage") for tr in el.select("tbody tr")]
        assert rows == [[a.activity, a.leading_indicator, a.target, p.name] for p in plays for a in p.activities], role.id
        plan = real_handbook.coaching_plan_by_role[role.id]
        metrics = [_text(tr.td) for el in _section(article, "funnel-metrics-to-review") for tr in el.select("tbody tr")]
        assert metrics == [m.name for m in plan.funnel_metrics]
        skills = [
            " ".join(tr.select("td")[3].get_text().split())
            for el in _section(article, "from-metric-to-skill")
            for tr in el.select("tbody tr")
        ]
        assert skills == [f"{real_handbook.behavior(d.skill)[0].name}: {real_handbook.behavior(d.skill)[1].text}" for d in plan.diagnosis]
        form = article.select_one(".hb-coaching__form table")
        assert [_text(tr.td) for tr in form.select("tbody tr")][:3] == ["Rep", "Month", "The one skill"]
        # Behaviors of the role's own profile come first.
        headings = [_text(p.a) for el in _section(article, "behaviors-to-coach") for p in el.select("p") if p.a and p.strong]
        own = [h for h in headings if real_handbook.competency[_id_of(real_handbook, h)].id in role.competencies]
        assert headings[: len(own)] == own
    css = (ROOT / "overrides" / "assets" / "playbooks.css").read_text(encoding="utf-8")
    print_rules = css.split("@media print", 1)[1]
    for hidden in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs"):
        assert hidden in print_rules


def _id_of(handbook, name: str) -> str:
    return next(c.id for c in handbook.competencies if c.name == name)


def test_reference_pages_link_back_to_their_plays(real_site, real_handbook):
    qualification = real_site.article("qualification/")
    for framework in real_handbook.frameworks:
        assert qualification.find(id=framework.id) is not None
        for part in framework.parts:
            assert _text(qualification.find(id=f"{framework.id}-{part.id}")).startswith(part.name)
    gpct = real_site.article("plays/discovery-with-gpct/")
    assert "../../qualification/#gpct" in {a["href"] for a in gpct.select("a")}
    slas = real_site.article("service-levels/")
    table = slas.find(id="sales-lead-response").find_next("table")
    assert [[_text(td) for td in tr.select("td")] for tr in table.select("tbody tr")] == [
        ["Small business", "5"],
        ["Mid-market", "8"],
        ["Enterprise", "12"],
    ]
    experiments = real_site.article("experiments/")
    for experiment in real_handbook.experiments:
        assert experiments.find(id=experiment.id) is not None


def test_playbooks_tab_in_navigation(real_site, real_handbook):
    nav = real_site.html("plays/").select_one("nav.md-nav--primary")
    labels = [_text(el) for el in nav.select("label.md-nav__link, a.md-nav__link")]
    for expected in ("Playbooks", "Journey map", "Qualification", "Service levels", "Experiments", "Coaching by role"):
        assert expected in labels
    assert sum(1 for p in real_handbook.plays if p.name in labels) == len(real_handbook.plays)


# --- Fixture site: a minimal playbook that builds, and playbook mistakes that stop the build ---


def test_playbook_fixture_site_builds_its_pages(tmp_path: Path):
    config = copy_fixture("playbook", tmp_path)
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode == 0, site.output
    cells = {c["data-stage"]: [_text(a) for a in c.select("li a")] for c in site.article("journey-map/").select(".hb-journey__cell")}
    assert cells == {"prospect": ["Walk-in greeting"], "discover": [], "close": ["Ask for the sale"]}
    assert "No play yet" in _text(site.article("journey-map/").select_one('[data-stage="discover"]'))
    assert _text(site.article("roles/floor-sales/coaching/").h1).rstrip(" ¶") == "Coaching Floor Sales"
    assert "No qualification framework is defined yet." in _text(site.article("qualification/"))


PLAYBOOK_MISTAKES = {
    "unknown stage": (
        "plays/walk-in-greeting.yml",
        lambda s: s.replace("stages: [prospect]", "stages: [prospekt]"),
        "data/plays/walk-in-greeting.yml:4: play 'walk-in-greeting' field 'stages[0]': unknown deal stage 'prospekt'. "
        "Fix: did you mean 'prospect'?",
    ),
    "unknown behavior": (
        "plays/ask-for-the-sale.yml",
        lambda s: s.replace("demonstrates-perseverance/tries-again", "demonstrates-perseverance/try-again"),
        "data/plays/ask-for-the-sale.yml:14: play 'ask-for-the-sale' field 'behaviors[0]': unknown behavior 'try-again' of "
        "competency 'demonstrates-perseverance'. Fix: did you mean 'demonstrates-perseverance/tries-again'?",
    ),
    "unknown role": (
        "plays/ask-for-the-sale.yml",
        lambda s: s.replace("roles: [floor-sales]", "roles: [floorsales]"),
        "data/plays/ask-for-the-sale.yml:6: play 'ask-for-the-sale' field 'roles[0]': unknown role 'floorsales'. "
        "Fix: did you mean 'floor-sales'?",
    ),
}


@pytest.mark.parametrize("name", list(PLAYBOOK_MISTAKES))
def test_playbook_mistake_stops_the_build_and_writes_nothing(tmp_path: Path, name: str):
    file, change, message = PLAYBOOK_MISTAKES[name]
    config = copy_fixture("playbook", tmp_path)
    path = config.parent / "data" / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode != 0
    assert message in site.output
    assert "nothing was published" in site.output
    assert not (tmp_path / "site").exists()


def test_completeness_check_finds_a_dropped_play_and_exit_criterion(real_site, real_handbook, tmp_path):
    import shutil

    from macros.site.completeness import missing_records

    copy = tmp_path / "site"
    shutil.copytree(real_site.root, copy)
    play = real_handbook.play["discovery-with-gpct"]
    page = copy / "plays" / play.id / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(play.exit_criteria[0], "", 1), encoding="utf-8")
    role_page = copy / "roles" / "inbound-inside-sales" / "index.html"
    role_page.write_text(role_page.read_text(encoding="utf-8").replace(f">{play.name}<", "><", 1), encoding="utf-8")
    missing = missing_records(real_handbook, copy)
    assert missing == [f"roles/inbound-inside-sales/index.md: {play.name!r}", f"plays/discovery-with-gpct.md: {play.exit_criteria[0]!r}"]


def test_coaching_pages_rank_below_their_role_in_search(real_site, real_handbook):
    # "Coaching Account Management" otherwise outranked "Account Management" for the query "account management".
    for role in real_handbook.roles:
        assert real_site.html(f"roles/{role.id}/coaching/").select_one("[data-pagefind-body]")["data-pagefind-weight"] == "0.5"
        assert real_site.html(f"roles/{role.id}/").select_one("[data-pagefind-body]")["data-pagefind-weight"] == "1.0"
