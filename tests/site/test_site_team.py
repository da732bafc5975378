"""The team view as built: what it says about privacy, its controls, the per-role data team.js reads, and its nav entry."""

from __future__ import annotations

TEAM = "team/"


def test_team_page_says_nothing_leaves_the_browser_and_has_its_controls(real_site):
    article = real_site.article(TEAM)
    text = " ".join(article.get_text(" ").split())
    assert "Nothing is uploaded, sent or stored" in text
    assert "never averaged together" in text
    picker = article.select_one('.hb-team input[type="file"][data-action="load"]')
    assert picker is not None and picker.has_attr("multiple")
    assert {b["data-action"] for b in article.select(".hb-team button[data-action]")} == {"export", "print", "clear"}
    assert article.select_one(".hb-team__controls").has_attr("hidden")  # shown by team.js only


def test_team_page_embeds_every_role_with_its_competencies_expected_level_and_develop_links(real_site, real_handbook):
    hb = real_handbook
    article = real_site.article(TEAM)
    sections = {s["data-role"]: s for s in article.select("li.hb-team-role")}
    order = [li["data-competency"] for li in article.select(".hb-team-competencies li[data-competency]")]
    assert list(sections) == [r.id for r in hb.roles]
    for role in hb.roles:
        section = sections[role.id]
        assert section["data-expected"] == str(hb.rating_for(hb.expected_level(role)).value)
        assert [order[int(i)] for i in section["data-competencies"].split()] == [c.id for c in hb.role_competencies(role)]
    items = {li["data-competency"]: li for li in article.select(".hb-team-competencies li[data-competency]")}
    shared = {c.id: c for r in hb.roles for c in hb.role_competencies(r)}
    assert len(article.select(".hb-team-competencies li[data-competency]")) == len(items) == len(shared)  # each once
    for competency in shared.values():
        links = items[competency.id].select(".hb-team-develop a")
        assert [a.get_text(strip=True) for a in links if a["data-kind"] == "play"] == [
            p.name for p in hb.plays_by_competency.get(competency.id, ())[:2]
        ]
        assert len([a for a in links if a["data-kind"] == "session"]) == len(hb.sessions_by_competency.get(competency.id, ())[:2])


def test_team_view_is_in_the_roles_navigation_and_its_script_is_loaded(real_site):
    html = real_site.html("roles/")
    assert any(a.get_text(strip=True) == "Team view" for a in html.select("nav a"))
    assert any(s.get("src", "").endswith("assets/team.js") for s in real_site.html(TEAM).select("script"))
    checklist = real_site.article("roles/account-management/checklist/")
    assert checklist.select_one('input[name="hb-person"]') is not None
