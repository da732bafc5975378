"""The print page assembles the whole handbook from /model.json in a real browser, and prints."""

from __future__ import annotations


def test_print_page_assembles_every_record(page, real_handbook) -> None:
    page.goto("print/")
    page.wait_for_selector("#hb-print[data-ready]")
    status = page.locator("[data-hb-print-status]").inner_text()
    assert status == f"Ready: {len(real_handbook.roles)} role profiles and {len(real_handbook.competencies)} competencies."
    assert page.get_by_role("button", name="Print or save as PDF").is_enabled()
    body = page.locator("[data-hb-print-body]")
    headings = body.locator("h3").all_inner_texts()
    assert sorted(headings) == sorted([r.name for r in real_handbook.roles] + [c.name for c in real_handbook.competencies])
    text = " ".join(body.inner_text().split())
    for competency in real_handbook.competencies:
        for behavior in competency.behaviors:
            assert " ".join(behavior.text.split()) in text
    for role in real_handbook.roles:
        for title in role.titles:
            assert title in text
    assert body.locator("section.hb-print__section").count() == len(real_handbook.families) + len(real_handbook.dimensions)


def test_print_layout_hides_the_controls_and_breaks_pages(page) -> None:
    page.goto("print/")
    page.wait_for_selector("#hb-print[data-ready]")
    page.emulate_media(media="print")
    assert not page.locator(".hb-print__controls").is_visible()
    breaks = page.locator("section.hb-print__section").first.evaluate("el => getComputedStyle(el).breakBefore")
    assert breaks == "page"
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") > 20


def test_page_credit_is_visible_under_the_content(page) -> None:
    page.goto("roles/consultant/")
    credit = page.locator("aside.hb-credit")
    assert credit.is_visible()
    assert credit.inner_text().startswith("Last changed on ")
