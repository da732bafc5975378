"""Keyboard: Tab reaches the main controls of a page, in a sensible order, each with a visible focus indicator."""

from __future__ import annotations

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    classes: el.className || "",
    text: (el.innerText || el.getAttribute("aria-label") || el.getAttribute("placeholder") || "").trim().slice(0, 80),
    href: el.getAttribute("href") || "",
    visible: el.checkVisibility(),
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
  };
}"""


def _tab_through(page, presses: int) -> list[dict]:
    """Focus stops from the top of the page, until the end of the page (focus back on the body) or `presses`."""
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop["tag"] == "body":
            break  # past the last control: the browser's own UI is next
        stops.append(stop)
    return stops


def test_tab_reaches_the_main_controls_with_visible_focus(page) -> None:
    page.goto("roles/account-management/")
    page.wait_for_load_state("load")
    stops = _tab_through(page, 150)
    assert stops[0]["text"] == "Skip to content"
    labels = [(stop["classes"], stop["text"]) for stop in stops]
    assert any("hb-search__open" in classes for classes, _ in labels), "search is not reachable"
    assert any("md-tabs__link" in classes and text == "Competencies" for classes, text in labels), "the header tabs are not reachable"
    assert any("md-nav__link" in classes and text == "Consultant" for classes, text in labels), "the navigation is not reachable"
    assert any("md-button" in classes and text == "What great looks like" for classes, text in labels), "the page's button is not reachable"
    assert any(stop["href"].startswith("../../competencies/") for stop in stops), "links in the article are not reachable"
    for stop in stops:
        assert stop["visible"], f"Tab stops on something the reader cannot see: {stop}"
        assert stop["ring"], f"no visible focus indicator: {stop}"


def test_enter_follows_the_focused_link(page) -> None:
    page.goto("roles/account-management/")
    page.wait_for_load_state("load")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href') || ''").startswith("../../competencies/"):
            break
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("article h1").first.is_visible()
