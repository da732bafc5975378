"""Evidence of impact on a phone: the Evidence page and a competency page with figures fit 390 px, plots included."""

from __future__ import annotations

import pytest

PAGES = ["evidence/", "competencies/makes-persuasive-presentations/"]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("width", [390, 1280])
def test_evidence_fits_the_screen_without_sideways_scrolling(page, url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    badges = page.locator(".hb-evidence-badge")
    assert badges.count() > 0 and badges.first.is_visible()
    plots = page.locator("figure.hb-evidence-plot svg")
    for index in range(plots.count()):
        box = plots.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_plot_rows_name_their_behavior_on_hover(page) -> None:
    page.goto("evidence/")
    svg = page.locator("figure.hb-evidence-plot svg").first
    assert svg.get_attribute("role") == "img"
    first_ranked = svg.locator("g > g > title").first.text_content() or ""
    assert first_ranked.split(". ", 1)[0].isdigit() and "ρ =" in first_ranked
