"""The Evidence page and the evidence on competency pages: findings ranked by strength, figures as text, plot geometry.

Plain data for templates: numbers are formatted here, the SVG itself is drawn by overrides/handbook/evidence.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..handbook import Handbook
from ..model import MIN_FIGURES, MIN_PUBLISHED, STRENGTHS, Behavior, Competency, Finding, OutcomeMetric
from .paths import PageSpec, page_path, texts_of

STRENGTH_LABELS = {
    "replicated": "Replicated",
    "consistent": "Consistent",
    "suggestive": "Suggestive",
    "none": "No clear link",
    "insufficient": "Insufficient data",
}
RANKED = ("replicated", "consistent", "suggestive")  # strengths the ranking lists by name

# Plot geometry, in SVG user units (the SVG scales to the column's width; 360 fits a 390 px phone at about 1:1).
WIDTH, LEFT, RIGHT, TOP, ROW, BOTTOM = 360, 34, 14, 28, 12, 36


@dataclass(frozen=True)
class Shown:
    """One finding as pages show it: its behavior, metric, strength label and figures as text."""

    finding: Finding
    competency: Competency
    behavior: Behavior
    metric: OutcomeMetric
    label: str
    figures: str  # "rho 0.64 (95% CI 0.53 to 0.73), q < 0.001, n = 130", or "fewer than 30 people"
    better: float | None  # rho signed so that a positive value goes with a better outcome


@dataclass(frozen=True)
class PlotRow:
    """One finding's row in a metric's plot: its dot and interval in SVG units, and its rank label when ranked."""

    shown: Shown
    y: float
    x: float
    x_low: float
    x_high: float
    rank: str


@dataclass(frozen=True)
class Plot:
    """A metric's plot of every manager finding with figures, right meaning better outcomes."""

    metric: OutcomeMetric
    rows: tuple[PlotRow, ...]
    height: float
    ticks: tuple[tuple[float, str], ...]  # x position and label
    zero: float
    insufficient: tuple[Shown, ...]


def _number(value: float) -> str:
    return f"{value:.2f}".replace("-", "−")


def _q(q: float) -> str:
    return "q < 0.001" if q < 0.001 else f"q = {q:.3f}"


def shown(hb: Handbook, finding: Finding) -> Shown:
    """A finding with its records resolved and its figures written out."""
    competency, behavior = hb.behavior(f"{finding.competency}/{finding.behavior}")
    metric = hb.metric[finding.metric]
    if finding.rho is None or finding.ci is None or finding.q is None:
        figures, better = f"n = {finding.n}: fewer than {MIN_FIGURES} people, so no figures are shown", None
    else:
        interval = f"95% CI {_number(finding.ci.low)} to {_number(finding.ci.high)}"
        figures = f"ρ = {_number(finding.rho)} ({interval}), {_q(finding.q)}, n = {finding.n}"
        better = finding.rho if metric.higher_is_better else -finding.rho
    if not finding.lagged:
        figures += ", same period"
    return Shown(finding, competency, behavior, metric, STRENGTH_LABELS[finding.strength], figures, better)


def ranked(items: list[Shown]) -> list[Shown]:
    """Strongest first; within a strength, the largest link with better outcomes first."""
    return sorted(items, key=lambda s: (STRENGTHS.index(s.finding.strength), -(s.better or 0), s.behavior.text.lower()))


def _x(rho: float) -> float:
    return LEFT + (rho + 1) / 2 * (WIDTH - LEFT - RIGHT)


def _plot(metric: OutcomeMetric, items: list[Shown], ranks: dict[int, int]) -> Plot:
    with_figures = sorted((s for s in items if s.better is not None), key=lambda s: -(s.better or 0))
    rows = []
    for index, item in enumerate(with_figures):
        ci = item.finding.ci
        assert ci is not None and item.better is not None
        low, high = (ci.low, ci.high) if metric.higher_is_better else (-ci.high, -ci.low)
        rank = ranks.get(id(item.finding))
        rows.append(PlotRow(item, TOP + ROW * index + ROW / 2, _x(item.better), _x(low), _x(high), str(rank) if rank else ""))
    ticks = tuple((_x(v), _number(v) if v else "0") for v in (-1.0, -0.5, 0.0, 0.5, 1.0))
    insufficient = tuple(s for s in items if s.better is None)
    return Plot(metric, tuple(rows), TOP + ROW * len(rows) + BOTTOM, ticks, _x(0), insufficient)


def evidence_context(hb: Handbook) -> dict[str, object]:
    """What the Evidence page shows: the ranking of manager findings, a plot per metric, self ratings apart, exclusions."""
    evidence = hb.evidence
    if evidence is None:
        return {"evidence": None, "metrics": hb.metrics}
    every = [shown(hb, f) for f in evidence.findings]
    manager = [s for s in every if s.finding.mode == "manager"]
    top = [s for s in ranked(manager) if s.finding.strength in RANKED]
    ranks = {id(s.finding): number for number, s in enumerate(top, start=1)}
    plots = [_plot(metric, [s for s in manager if s.metric.id == metric.id], ranks) for metric in hb.metrics]
    own = [s for s in ranked([s for s in every if s.finding.mode == "self"]) if s.finding.strength in RANKED]
    counts = {strength: sum(1 for f in evidence.findings if f.strength == strength) for strength in STRENGTHS}
    return {
        "evidence": evidence,
        "metrics": hb.metrics,
        "top": top,
        "ranks": ranks,
        "plots": [p for p in plots if p.rows or p.insufficient],
        "self_top": own,
        "counts": counts,
        "labels": STRENGTH_LABELS,
        "min_published": MIN_PUBLISHED,
        "min_figures": MIN_FIGURES,
        "geometry": {"width": WIDTH, "left": LEFT, "right": RIGHT, "top": TOP, "row": ROW},
        "lagged": all(f.lagged for f in evidence.findings),
    }


def competency_evidence(hb: Handbook, competency: Competency) -> tuple[tuple[Behavior, tuple[Shown, ...]], ...]:
    """Per behavior of a competency, its findings (manager first, then self; metrics in model order)."""
    order = {m.id: index for index, m in enumerate(hb.metrics)}
    result = []
    for behavior in competency.behaviors:
        findings = hb.findings_by_behavior.get(f"{competency.id}/{behavior.id}", ())
        items = sorted((shown(hb, f) for f in findings), key=lambda s: (s.finding.mode != "manager", order.get(s.metric.id, 0)))
        if items:
            result.append((behavior, tuple(items)))
    return tuple(result)


def plan_evidence_pages(hb: Handbook) -> list[PageSpec]:
    """The Evidence page: what the ratings and outcomes say, aggregated, with what was left out."""
    files = tuple(f for f in hb.data_files if f.endswith(("/metrics.yml", "/evidence.yml")))
    context = evidence_context(hb)
    top: list[Shown] = context.get("top", [])  # type: ignore[assignment]
    evidence = hb.evidence
    return [
        PageSpec(
            page_path("evidence"),
            "Evidence of impact",
            "evidence.md",
            {"handbook": hb, **context},
            files,
            "Which rated behaviors went with better sales outcomes in the following period: correlational, in aggregate.",
            shows=(
                *(texts_of(hb.metrics, "name", "measures") if evidence else ()),
                *(s.behavior.text for s in top),
                *((evidence.note, *texts_of(evidence.excluded, "reason")) if evidence else ()),
            ),
        )
    ]
