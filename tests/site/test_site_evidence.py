"""Evidence of impact as built: the Evidence page (labelled synthetic, correlational, with counts, exclusions and an
inline SVG plot per metric), the figures on competency pages, and a handbook without evidence saying so."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import copy_fixture, mkdocs_build

from macros.model import MIN_FIGURES, MIN_PUBLISHED
from macros.site.plan_evidence import STRENGTH_LABELS

EVIDENCE = "evidence/"


def test_evidence_page_is_labelled_synthetic_and_says_what_it_cannot_show(real_site, real_handbook):
    evidence = real_handbook.evidence
    assert evidence is not None and evidence.synthetic
    article = real_site.article(EVIDENCE)
    text = " ".join(article.get_text(" ").split())
    assert "Synthetic example: these are not real results" in text
    assert "Correlational, not causal." in text
    assert f"People: {evidence.people}" in text
    assert f"Periods: {len(evidence.periods)} ({', '.join(evidence.periods)})" in text
    assert f"fewer than {MIN_PUBLISHED} people is not published at all" in text
    assert f"fewer than {MIN_FIGURES} is shown only as insufficient data" in text
    for item in evidence.excluded:
        assert f"{item.count} {item.what}: {item.reason}" in text
    assert "Bonett-Wright" in text and "Benjamini-Hochberg" in text


def test_behaviors_are_ranked_by_strength_with_the_planted_effect_first(real_site, real_handbook):
    cards = real_site.article(EVIDENCE).select("#strongest ~ ol.hb-evidence-cards")[0].select("li.hb-evidence-card")
    order = list(STRENGTH_LABELS.values())
    labels = [card.select_one(".hb-evidence-badge").get_text(strip=True) for card in cards]
    assert labels == sorted(labels, key=order.index)  # strongest first
    assert labels[0] == "Replicated"
    planted = real_handbook.evidence.note.split("'")[1]  # the note names the planted behavior
    assert cards[0].select_one(".hb-evidence-card__behavior").get_text(strip=True) == planted


def test_each_metric_has_an_inline_svg_plot_and_nothing_loads_from_elsewhere(real_site, real_handbook):
    article = real_site.article(EVIDENCE)
    plots = article.select("figure.hb-evidence-plot svg")
    assert len(plots) == len(real_handbook.metrics)
    for svg in plots:
        assert svg["role"] == "img" and svg.find("title") is not None
        assert svg.select("circle") and svg.select("path")
        assert not svg.select("[href], image, script, foreignObject")
    page = real_site.html(EVIDENCE)
    assert not [s for s in page.select("script[src]") if "//" in s["src"]]


def test_no_individual_appears_on_any_evidence_page(real_site):
    for url in (EVIDENCE, "competencies/makes-persuasive-presentations/"):
        assert "person-" not in real_site.article(url).get_text()


def test_competency_page_shows_badge_and_figures_per_behavior_and_metric(real_site, real_handbook):
    competency = real_handbook.competency["makes-persuasive-presentations"]
    article = real_site.article("competencies/makes-persuasive-presentations/")
    section = article.select_one("#evidence-" + competency.behaviors[0].id)
    assert section is not None
    assert section.select_one(".hb-evidence-behavior__text").get_text(strip=True) == competency.behaviors[0].text
    items = [" ".join(li.get_text(" ").split()) for li in section.select("li")]
    for metric in real_handbook.metrics:
        assert any(metric.name in item and "ρ =" in item and "n =" in item for item in items), metric.name
    assert any("(self ratings)" in item for item in items)
    assert section.select(".hb-evidence-badge--replicated")


@pytest.fixture(scope="module")
def no_evidence_site(tmp_path_factory: pytest.TempPathFactory):
    root: Path = tmp_path_factory.mktemp("no-evidence")
    site = mkdocs_build(copy_fixture("tiny", root), root / "site")
    assert site.returncode == 0, site.output
    return site


def test_without_evidence_the_pages_say_there_is_none_yet(no_evidence_site):
    text = " ".join(no_evidence_site.article(EVIDENCE).get_text(" ").split())
    assert "There is no evidence of impact yet." in text
    competency = " ".join(no_evidence_site.article("competencies/demonstrates-perseverance/").get_text(" ").split())
    assert "No evidence of impact has been computed yet" in competency


def test_evidence_page_stays_within_the_page_size_budget(real_site):
    # One path per strength and a dot per behavior: many findings still make a light page (the budget of test_scale).
    assert (real_site.root / "evidence" / "index.html").stat().st_size <= 80 * 1024
