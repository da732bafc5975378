"""The team view as built: what it says about privacy, its controls, the per-role data team.js reads (team.json), and its nav entry."""

from __future__ import annotations

import json

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


def test_team_data_holds_every_role_with_its_competencies_expected_level_and_develop_links(real_site, real_handbook):
    hb = real_handbook
    article = real_site.article(TEAM)
    source = article.select_one(".hb-team")["data-source"]
    assert source == "../team.json"  # relative to /team/, so the site works under any base path
    data = json.loads((real_site.root / "team.json").read_text(encoding="utf-8"))
    order = [c["id"] for c in data["competencies"]]
    roles = {r["id"]: r for r in data["roles"]}
    assert list(roles) == [r.id for r in hb.roles]
    for role in hb.roles:
        entry = roles[role.id]
        assert entry["expected"] == hb.rating_for(hb.expected_level(role)).value
        assert entry["url"] == f"roles/{role.id}/checklist/" and (real_site.root / entry["url"] / "index.html").exists()
        assert [order[i] for i in entry["competencies"]] == [c.id for c in hb.role_competencies(role)]
    shared = {c.id: c for r in hb.roles for c in hb.role_competencies(r)}
    assert sorted(order) == sorted(shared)  # each competency once, however many roles share it
    for item in data["competencies"]:
        assert (real_site.root / item["url"] / "index.html").exists()
        plays = [d["title"] for d in item["develop"] if d["kind"] == "play"]
        assert plays == [p.name for p in hb.plays_by_competency.get(item["id"], ())[:2]]
        sessions = [d for d in item["develop"] if d["kind"] == "session"]
        assert len(sessions) == len(hb.sessions_by_competency.get(item["id"], ())[:2])
        for link in item["develop"]:
            page, _, anchor = link["url"].partition("#")
            assert (real_site.root / page / "index.html").exists()
            if anchor:
                assert real_site.article(page).find(id=anchor) is not None, link


def test_team_page_stays_small_however_many_roles(real_site, real_handbook):
    # The roles live in team.json: the page names none of them, so its weight does not grow with the handbook.
    text = real_site.article(TEAM).get_text(" ")
    assert not [r.name for r in real_handbook.roles if r.name in text]


def test_team_view_is_in_the_roles_navigation_and_its_script_is_loaded(real_site):
    html = real_site.html("roles/")
    assert any(a.get_text(strip=True) == "Team view" for a in html.select("nav a"))
    assert any(s.get("src", "").endswith("assets/team.js") for s in real_site.html(TEAM).select("script"))
    checklist = real_site.article("roles/account-management/checklist/")
    assert checklist.select_one('input[name="hb-person"]') is not None
