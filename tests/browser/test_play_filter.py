"""The playbook filter in a real browser: filtering by role and stage, the URL query, and the role page's stage links."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest


def _visible_plays(page) -> list[str]:
    return page.eval_on_selector_all(".hb-play-card:not([hidden])", "cards => cards.map(card => card.dataset.play)")


def _busiest_pair(handbook) -> tuple[str, str]:
    """A role and stage with at least two plays, but not every play of that stage, so the filter must really choose."""
    pairs = [
        (len(handbook.plays_for(r.id, s.id)), r.id, s.id)
        for r in handbook.roles
        for s in handbook.stages
        if 2 <= len(handbook.plays_for(r.id, s.id)) < len(handbook.plays_by_stage[s.id])
    ]
    _, role_id, stage_id = max(pairs)
    return role_id, stage_id


def test_filter_by_role_and_stage_shows_only_matching_plays(page, real_handbook):
    role_id, stage_id = _busiest_pair(real_handbook)
    page.goto("plays/")
    assert _visible_plays(page) == [p.id for p in real_handbook.plays]
    page.select_option("select[name=role]", role_id)
    assert _visible_plays(page) == [p.id for p in real_handbook.plays_by_role[role_id]]
    page.select_option("select[name=stage]", stage_id)
    expected = [p.id for p in real_handbook.plays_for(role_id, stage_id)]
    assert _visible_plays(page) == expected
    assert page.locator("[data-play-count]").inner_text() == f"Showing {len(expected)} of {len(real_handbook.plays)} plays."
    # Phase groups without a visible play are hidden with their heading.
    stage_phase = real_handbook.stage[stage_id].phase
    visible_groups = page.eval_on_selector_all(".hb-play-group:not([hidden])", "groups => groups.map(g => g.dataset.phase)")
    assert visible_groups == [stage_phase]
    assert parse_qs(urlsplit(page.url).query) == {"role": [role_id], "stage": [stage_id]}
    page.reload()  # the URL carries the filter: a linked view opens filtered
    assert page.input_value("select[name=role]") == role_id
    assert _visible_plays(page) == expected
    page.get_by_role("button", name="Clear filters").click()
    assert _visible_plays(page) == [p.id for p in real_handbook.plays]
    assert urlsplit(page.url).query == ""


def test_phase_limits_the_stages_and_buyer_filter_works(page, real_handbook):
    page.goto("plays/?phase=implementation&stage=discover")  # a stage outside the phase is dropped
    assert page.input_value("select[name=stage]") == ""
    enabled = page.eval_on_selector_all("select[name=stage] option:not([disabled])", "os => os.map(o => o.value).filter(Boolean)")
    assert enabled == [s.id for s in real_handbook.stages_by_phase["implementation"]]
    page.select_option("select[name=buyer]", "executive-sponsor")
    expected = [p.id for p in real_handbook.plays_by_phase["implementation"] if "executive-sponsor" in p.buyer_roles]
    assert _visible_plays(page) == expected


def test_rep_reaches_a_stage_of_plays_in_two_clicks_from_the_role_page(page, real_handbook):
    role_id, stage_id = _busiest_pair(real_handbook)
    page.goto(f"roles/{role_id}/")
    stage_table = page.locator("#plays-by-deal-stage ~ * table, #plays-by-deal-stage ~ table").first  # Material wraps tables in divs
    stage_table.get_by_role("link", name=real_handbook.stage[stage_id].name, exact=True).click()
    page.wait_for_url(f"**/plays/?role={role_id}&stage={stage_id}")
    page.locator(".hb-play-card:not([hidden])").first.wait_for()
    assert _visible_plays(page) == [p.id for p in real_handbook.plays_for(role_id, stage_id)]
    first = real_handbook.plays_for(role_id, stage_id)[0]
    page.locator(f'.hb-play-card[data-play="{first.id}"] a').click()
    page.wait_for_url(f"**/plays/{first.id}/")
    assert page.locator("article h1").inner_text().startswith(first.name)


PLAYBOOK_PAGES = [
    "plays/",
    "plays/discovery-with-gpct/",
    "journey-map/",
    "qualification/",
    "service-levels/",
    "experiments/",
    "roles/account-management/coaching/",
]


@pytest.mark.parametrize("url", PLAYBOOK_PAGES)
def test_playbook_pages_open_offline_without_errors(page, url: str) -> None:
    page.goto(url)
    assert page.locator("article h1").first.is_visible()
