"""Layer 3: checklists, hiring scorecards, the proficiency ladder and the role finder as a reader sees them."""

from __future__ import annotations

from bs4 import BeautifulSoup


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_every_role_has_a_checklist_with_exactly_its_behaviors(real_site, real_handbook):
    for role in real_handbook.roles:
        article = real_site.article(f"roles/{role.id}/checklist/")
        lists = article.select(".hb-rate-list")
        competencies = real_handbook.role_competencies(role)
        assert sorted(x["data-competency"] for x in lists) == sorted(c.id for c in competencies), role.id
        for rate_list in lists:
            competency = real_handbook.competency[rate_list["data-competency"]]
            behaviors = rate_list.select("fieldset.hb-behavior")
            assert [b["data-behavior"] for b in behaviors] == [b.id for b in competency.behaviors]
            assert [_text(b.legend) for b in behaviors] == [" ".join(b.text.split()) for b in competency.behaviors]
            for fieldset in behaviors:
                # The radio row is cloned from the page's one <template> by checklist.js; on paper, the scale prints.
                scale = fieldset.select_one(".hb-behavior__scale")
                assert not scale.select("input")
            # On paper (or without JavaScript) CSS prints the scale's values from the competency's --hb-paper-scale.
            paper = " · ".join(str(s.value) for s in real_handbook.assessment.scale)
            assert rate_list["style"] == f"--hb-paper-scale: '{paper}'"
        template = BeautifulSoup(article.select_one("template.hb-scale-template").decode_contents(), "html.parser")
        template_radios = template.select("input[type=radio]")
        assert [(r["type"], r["value"]) for r in template_radios] == [("radio", str(s.value)) for s in real_handbook.assessment.scale]
        # One note field too, cloned under each behavior's scale; no behavior carries its own in the page.
        assert [n["aria-label"] for n in template.select("input.hb-behavior__note")] == ["Note or evidence"]
        assert not article.select(".hb-rate-list input.hb-behavior__note")
        names = [x["data-field"] for x in article.select(".hb-rate-list .hb-behavior__scale")]
        assert len(set(names)) == len(names) == sum(len(c.behaviors) for c in competencies), "each behavior needs its own radio group"
        # Grouped by dimension: one h2 per dimension the role's competencies belong to, in model order.
        dimension_order = [d.name for d in real_handbook.dimensions if any(c.dimension == d.id for c in competencies)]
        headings = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]
        assert headings == [*dimension_order, "Summary"]


def test_checklist_says_ratings_stay_in_the_browser_and_explains_the_scale(real_site, real_handbook):
    article = real_site.article("roles/sales-team-lead/checklist/")
    assert "Your ratings stay in this browser" in _text(article)
    scale_rows = [_text(tr) for tr in article.select("table")[0].select("tbody tr")]
    assert scale_rows == [f"{s.value} {s.label} {s.meaning}" for s in real_handbook.assessment.scale]
    lead = real_handbook.role["sales-team-lead"]
    expected = real_handbook.rating_for(real_handbook.expected_level(lead))
    assert article.select_one(".hb-checklist")["data-expected"] == str(expected.value) == "4"  # team lead -> Senior IC
    assert "Senior Individual Contributor standard" in _text(article)


def test_checklist_summary_lists_each_competency_and_the_roles_that_share_them(real_site, real_handbook):
    role = real_handbook.role["account-management"]
    article = real_site.article(f"roles/{role.id}/checklist/")
    rows = article.select(".hb-scores tbody tr")
    assert [r["data-competency"] for r in rows] == [c.id for _, group in _groups(real_handbook, role) for c in group]
    fit = {tr["data-role"]: tr for tr in article.select(".hb-fit tbody tr[data-role]")}
    related = real_handbook.related_roles(role)
    assert set(fit) == {r.id for r, _ in related}
    assert role.id not in fit
    for other, shared in related:
        assert fit[other.id]["data-competencies"].split() == list(shared)
    # Roles sharing nothing are not offered as a fit.
    strangers = [r.id for r in real_handbook.roles if r.id != role.id and not set(r.competencies) & set(role.competencies)]
    assert strangers and not set(strangers) & set(fit)


def _groups(handbook, role):
    return handbook.by_dimension(handbook.role_competencies(role))


def test_hiring_scorecard_has_traits_then_competencies_with_weights_and_anchors(real_site, real_handbook):
    card = real_handbook.scorecard
    for role in real_handbook.roles:
        article = real_site.article(f"roles/{role.id}/hiring/")
        rows = article.select("tr.hb-criterion")
        competencies = real_handbook.role_competencies(role)
        assert [r["data-criterion"] for r in rows] == [t.id for t in card.traits] + [c.id for c in competencies]
        weights = [int(r["data-weight"]) for r in rows]
        assert weights == [t.weight for t in card.traits] + [card.competency_weight] * len(competencies)
        for row, anchors in zip(rows, [t.anchors for t in card.traits] + [c.hiring.anchors for c in competencies], strict=True):
            cells = [_text(td) for td in row.select("td")[1:4]]
            assert cells == [" ".join(anchors[s].split()) for s in (1, 5, 10)]
            assert row.select_one('input[type="number"]')["max"] == "10"
        assert [li.get_text() for li in article.select(".hb-bands li")] == [b.label for b in card.bands]
    text = _text(real_site.article("roles/consultant/hiring/"))
    for trait in card.traits:
        for question in trait.questions:
            assert " ".join(question.split()) in text


def test_role_page_links_its_checklist_and_scorecard(real_site):
    links = {a.get_text(strip=True): a["href"] for a in real_site.article("roles/consultant/").select("a.md-button")}
    assert links["Behavior checklist"] == "checklist/"
    assert links["Hiring scorecard"] == "hiring/"


def test_checklist_and_scorecard_pages_sit_under_their_role_in_the_navigation(real_site):
    nav = real_site.html("roles/consultant/checklist/").select_one("nav.md-nav--primary")
    trail = [li.find_all(recursive=False)[1].get_text(" ", strip=True) for li in nav.select("li.md-nav__item--active")]
    assert trail == ["Roles", "Service (Post-Sale)", "Consultant", "Behavior checklist"]


def test_competency_ladder_marks_what_is_new_at_each_level(real_site, real_handbook):
    article = real_site.article("competencies/qualifies-prospects-for-fit/")
    steps = article.select(".hb-ladder > li")
    assert len(steps) == 3
    assert steps[0].select_one(".hb-ladder__builds") is None
    assert _text(steps[1].select_one(".hb-ladder__builds")) == "Everything at Individual Contributor, plus:"
    assert _text(steps[2].select_one(".hb-ladder__builds")) == "Everything at Senior Individual Contributor, plus:"


def test_home_page_role_finder_offers_every_question_and_profile(real_site, real_handbook):
    finder = real_site.article("").select_one("form.hb-finder")
    questions = finder.select("fieldset[data-question]")
    assert [q["data-question"] for q in questions] == [q.id for q in real_handbook.mapping.questions]
    roles = finder.select("li[data-role]")
    assert [li["data-role"] for li in roles] == [r.id for r in real_handbook.roles]
    for li in roles:
        role = real_handbook.role[li["data-role"]]
        assert set(li["data-profile"].split()) == {f"{q}={a}" for q, answers in role.profile.items() for a in answers}


def test_weakest_competencies_point_to_sessions_and_plays_that_develop_them(real_site, real_handbook):
    seen_sessions = seen_plays = 0
    for role in real_handbook.roles:
        article = real_site.article(f"roles/{role.id}/checklist/")
        for li in article.select(".hb-weakest li"):
            competency = li["data-competency"]
            links = [a.get_text() for a in li.select(".hb-develop a")]
            sessions = [s.session.title for s in real_handbook.sessions_by_competency.get(competency, ())[:2]]
            plays = [p.name for p in real_handbook.plays_by_competency.get(competency, ())[:2]]
            assert links == sessions + plays, (role.id, competency)
            seen_sessions += len(sessions)
            seen_plays += len(plays)
    assert seen_sessions and seen_plays
