"""The evidence model: outcome metrics, and the aggregate links between rated behaviors and those outcomes.

`data/evidence.yml` is written by `handbook evidence` from private ratings and outcomes; it holds aggregates only
(counts, correlations, intervals), never a person's ratings or outcomes, and no pair rated for fewer than 5 people.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictInt, StringConstraints, model_validator

from .base import CompetencyId, Id, MetricId, Record, Ref, Text

# Privacy floors: a pair with fewer people is not published at all, or is published without figures.
MIN_PUBLISHED = 5
MIN_FIGURES = 30

Period = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$")]
Strength = Literal["insufficient", "none", "suggestive", "consistent", "replicated"]
STRENGTHS: tuple[str, ...] = ("replicated", "consistent", "suggestive", "none", "insufficient")  # strongest first
Mode = Literal["manager", "self"]


class OutcomeMetric(Record):
    """A business outcome that behavior ratings are compared with, such as win rate."""

    id: Id = Field(description="Named by the outcomes file's metric column and by evidence.yml.")
    name: Text = Field(description="The metric's name as the pages show it.")
    measures: Text = Field(description="What the metric measures and how it is counted, in a sentence or two.")
    higher_is_better: StrictBool = Field(description="true when a higher value is a better outcome (false for sales-cycle days).")
    unit: Literal["percent", "days", "ratio"] = Field(description="How values are read: percent (0-100 or a rate), days, or a ratio.")


class Interval(Record):
    """A 95% confidence interval of a rank correlation."""

    low: float = Field(ge=-1, le=1, description="The lower end.")
    high: float = Field(ge=-1, le=1, description="The upper end.")


class Finding(Record):
    """How manager (or self) ratings of one behavior went with one outcome metric, in aggregate."""

    competency: CompetencyId = Field(description="The competency the behavior belongs to.")
    behavior: Annotated[Id, Ref("behavior", within="competency")] = Field(description="The behavior's id within that competency.")
    metric: MetricId = Field(description="The outcome metric.")
    mode: Mode = Field(description="Whose ratings: manager or self (never pooled).")
    n: StrictInt = Field(ge=MIN_PUBLISHED, description=f"People rated with an outcome; pairs under {MIN_PUBLISHED} are never written.")
    rho: float | None = Field(None, ge=-1, le=1, description=f"Spearman's rank correlation; left out below {MIN_FIGURES} people.")
    ci: Interval | None = Field(None, description="Its 95% confidence interval (Fisher z, Bonett-Wright standard error).")
    q: float | None = Field(None, ge=0, le=1, description="The p-value after the Benjamini-Hochberg correction across all pairs.")
    lagged: StrictBool = Field(description="true when outcomes are from the period after the rating; false when from the same one.")
    periods: tuple[Period, ...] = Field(min_length=1, description="The rating periods the pair was computed from.")
    strength: Strength = Field(description="insufficient, none, suggestive, consistent or replicated (see the Evidence page).")

    @model_validator(mode="after")
    def _figures_match_strength(self) -> Finding:
        figures = (self.rho, self.ci, self.q)
        if self.strength == "insufficient":
            if any(f is not None for f in figures):
                raise ValueError("an insufficient pair carries no rho, ci or q; remove them")
            if self.n >= MIN_FIGURES:
                raise ValueError(f"a pair of {self.n} people is not insufficient (that means fewer than {MIN_FIGURES}); give its figures")
        elif self.n < MIN_FIGURES:
            raise ValueError(f"a pair of {self.n} people must be 'insufficient' (figures need {MIN_FIGURES} or more)")
        elif any(f is None for f in figures):
            raise ValueError(f"a '{self.strength}' pair needs rho, ci and q")
        elif self.ci is not None and self.rho is not None and not self.ci.low <= self.rho <= self.ci.high:
            raise ValueError(f"rho {self.rho} lies outside its interval {self.ci.low} to {self.ci.high}")
        return self


class Exclusion(Record):
    """What the analysis left out, and why (counts only)."""

    reason: Text = Field(description="Why, in a reader's words.")
    count: StrictInt = Field(ge=0, description="How many were left out for this reason.")
    what: Literal["pairs", "rows", "people"] = Field(description="What the count counts.")


class Evidence(Record):
    """Aggregate evidence of impact: which rated behaviors went with better outcomes, written by the handbook evidence command."""

    synthetic: StrictBool = Field(description="true when computed from the synthetic example, not real people.")
    note: Text = Field(description="Where the figures come from, as the Evidence page states it.")
    people: StrictInt = Field(ge=0, description="People with at least one manager or self rating and one outcome.")
    periods: tuple[Period, ...] = Field(min_length=1, description="Every rating period, oldest first.")
    interval: Literal["fisher-z-bonett-wright"] = Field(description="How confidence intervals were computed.")
    excluded: tuple[Exclusion, ...] = Field((), description="What was left out, and why.")
    findings: tuple[Finding, ...] = Field((), description="One entry per behavior, metric and mode with 5 people or more.")


__all__ = ["MIN_FIGURES", "MIN_PUBLISHED", "STRENGTHS", "Evidence", "Exclusion", "Finding", "Interval", "OutcomeMetric"]
