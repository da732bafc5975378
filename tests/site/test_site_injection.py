"""Injection safety: data text holding markup, links, template code or very long words builds into inert, literal text."""

from __future__ import annotations

import pytest

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"
CONFIG = "{{ config }}"
INCLUDE = '{% include "base.html" %}'
LONG = "W" * 5000
PAYLOADS = (SCRIPT, IMAGE, LINK, CONFIG, INCLUDE)

PAGES = ["", "roles/", "roles/floor-sales/", "competencies/", "competencies/demonstrates-perseverance/", "dimensions/drive/", "matrix/"]
PAGES += ["profile-mapping/", "dimensions/"]
# Checklists and scorecards (#3), training (#4) and playbooks (#5) pages of the injection fixture.
PAGES += ["roles/floor-sales/checklist/", "roles/floor-sales/hiring/", "roles/floor-sales/coaching/"]
PAGES += ["curricula/", "curricula/basics/", "curricula/basics/week-1/", "certifications/store-call/", "exams/store-exam/"]
PAGES += ["cohorts/spring/", "coverage/", "plays/", "plays/ask-for-the-sale/", "plays/walk-in-greeting/", "journey-map/"]
PAGES += ["qualification/", "service-levels/", "experiments/"]
PAGES += ["evidence/"]  # evidence of impact
PAGES += ["team/"]  # the team view: its names come from team.json, read by team.js as text
PAGES += ["whats-new/"]  # the fixture has no git history of its own: the page says so, naming no record
# Admonitions and details that templates write on purpose (never from data): their titles are fixed text.
TEMPLATE_BLOCK_TITLES = (
    "Your ratings stay in this browser",
    "The files stay in this browser",  # the team view
    "Scores stay in this browser",
    "Interview questions for ",
    "Synthetic example: these are not real results",
    "Built from ",  # the files a page is built from (page_credit.html)
    "Written by hand in ",
)


def _text(soup) -> str:
    return " ".join(soup.get_text(" ").split())


def test_every_page_of_the_site_was_checked(injection_site):
    built = {p.parent.relative_to(injection_site.root).as_posix() for p in injection_site.root.rglob("index.html")}
    assert {f"{p}".rstrip("/") or "." for p in PAGES} == built


@pytest.mark.parametrize("url", PAGES)
def test_no_markup_from_data_becomes_an_element(injection_site, url: str):
    page = injection_site.html(url)
    scripts = [s for s in page.find_all("script") if "alert" in (s.string or "") or "alert" in s.get("src", "")]
    assert scripts == []
    handlers = [(el.name, name) for el in page.find_all(True) for name in el.attrs if name.lower().startswith("on")]
    assert handlers == []
    assert page.select('a[href^="javascript"], img[src="x"], div[onmouseover]') == []
    article = injection_site.article(url)
    # Markdown structure that data could open: raw HTML blocks, admonitions, details, definition lists.
    assert article.select("dl, pre") == []
    for block in article.select("details, .admonition"):
        title = _text(block.select_one("summary, .admonition-title"))
        assert title.startswith(TEMPLATE_BLOCK_TITLES), title
    assert "Tiny handbook" not in _text(page) and "site_name" not in _text(article)


def test_role_page_shows_every_payload_literally(injection_site):
    text = _text(injection_site.article("roles/floor-sales/"))
    for payload in (
        *PAYLOADS,
        LONG,
        '!!! danger "Admonition from data"',
        '??? note "Details from data"',
        "~~~ fenced code from data",
        "<div> <script>alert(1)</script> </div>",
    ):
        assert payload in text, payload
    responsibilities = [li.get_text() for li in injection_site.article("roles/floor-sales/").select("#responsibilities + ul > li")]
    assert responsibilities[:5] == list(PAYLOADS)


def test_competency_page_shows_every_payload_literally(injection_site):
    article = injection_site.article("competencies/demonstrates-perseverance/")
    text = _text(article)
    assert f"<details open> <summary>{SCRIPT}</summary> {LINK} {CONFIG} </details>" in text
    assert [li.get_text() for li in article.select("#job-behaviors + ol > li")] == [SCRIPT, IMAGE, LINK, LONG]
    assert f"<div onmouseover=alert(1)>{CONFIG}</div>" in text
    assert f"{CONFIG} {INCLUDE}" in text


def test_titles_navigation_and_descriptions_are_escaped(injection_site):
    raw = (injection_site.root / "roles" / "floor-sales" / "index.html").read_text(encoding="utf-8")
    page = injection_site.html("roles/floor-sales/")
    assert page.title.get_text() == f"Floor Sales {SCRIPT} - Injection handbook"
    nav = [" ".join(a.get_text(" ").split()) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    assert f"Floor Sales {SCRIPT}" in nav
    assert page.find("meta", attrs={"name": "description"})["content"] == LONG
    assert SCRIPT not in raw and IMAGE not in raw  # only ever present escaped


def test_search_index_holds_the_payloads_as_text(injection_site):
    # Pagefind keeps plain text: the payload is there as the characters a reader sees, never as markup in the page.
    pages = injection_site.search_pages()
    blob = " ".join(" ".join([*p["meta"].values(), p["content"]]) for p in pages)
    assert SCRIPT in blob  # the results list shows it with textContent (tests/browser/test_search.py)


@pytest.mark.parametrize("url", [u for u in PAGES if u not in ("", "dimensions/", "dimensions/drive/", "team/", "whats-new/")])
def test_each_page_shows_data_payloads_as_text(injection_site, url: str):
    # Proves the payload-carrying data reached the page (so the inertness checks above are not vacuous).
    text = _text(injection_site.article(url))
    assert any(payload in text for payload in PAYLOADS), url
