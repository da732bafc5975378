"""The statistics of evidence of impact: rank correlations of ratings with next-period outcomes, corrected for many tests.

Each behavior, metric and mode is one pair. Every person counts once per pair: their ratings in the rating periods
used, and their outcomes in the period after each, are averaged. Spearman's rho comes from scipy; its 95% interval
from the Fisher z transform with the Bonett-Wright standard error, sqrt((1 + rho^2 / 2) / (n - 3)); the p-values of
all pairs are corrected together with Benjamini-Hochberg (scipy.stats.false_discovery_control). Each period-to-period
comparison is also tested on its own (its own correction), for `replicated`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy import stats

from ...model import MIN_FIGURES, MIN_PUBLISHED
from .inputs import Inputs, Rating, next_period

ALPHA = 0.05
Z_95 = float(stats.norm.ppf(0.975))
OutcomeKey = tuple[str, str, str]  # person, period, metric
Matched = tuple[Rating, OutcomeKey]  # a rating and the outcome it is compared with


@dataclass(frozen=True)
class PairResult:
    """The figures of one behavior, metric and mode (rho, interval and q are None when there are too few people)."""

    competency: str
    behavior: str
    metric: str
    mode: str
    n: int
    lagged: bool
    periods: tuple[str, ...]
    rho: float | None = None
    low: float | None = None
    high: float | None = None
    q: float | None = None
    strength: str = "insufficient"


@dataclass(frozen=True)
class _Tested:
    """A pair with figures before the correction: the pooled test, and each rating period's own test (rho, p)."""

    base: PairResult
    rho: float
    p: float
    by_period: dict[str, tuple[float, float]]


@dataclass
class Analysis:
    """Every published pair, and what was left out, in counts."""

    pairs: list[PairResult]
    people: int
    periods: tuple[str, ...]
    hidden_pairs: int = 0  # fewer than MIN_PUBLISHED people: not published at all
    insufficient_pairs: int = 0
    constant_pairs: int = 0  # every rating or every outcome the same: no rank correlation exists
    unused_ratings: int = 0
    unused_outcomes: int = 0


def fisher_interval(rho: float, n: int) -> tuple[float, float]:
    """The 95% interval of a Spearman correlation: Fisher z with the Bonett-Wright standard error."""
    clipped = min(max(rho, -0.999999), 0.999999)
    z = math.atanh(clipped)
    se = math.sqrt((1 + clipped**2 / 2) / (n - 3))
    return math.tanh(z - Z_95 * se), math.tanh(z + Z_95 * se)


def _spearman(xs: list[float], ys: list[float]) -> tuple[float, float] | None:
    """Rho and its two-sided p-value, or None when one side does not vary."""
    if len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    result = stats.spearmanr(xs, ys)
    rho, p = float(result.statistic), float(result.pvalue)
    return None if math.isnan(rho) else (rho, p)


def _bh(pvalues: list[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p-values (q), in the same order."""
    return [float(q) for q in stats.false_discovery_control(np.asarray(pvalues), method="bh")] if pvalues else []


def analyse(inputs: Inputs) -> Analysis:
    """Every pair's figures and strength, and what was left out."""
    outcome_at: dict[OutcomeKey, float] = {(o.person, o.period, o.metric): o.value for o in inputs.outcomes}
    periods_of_metric: dict[str, set[str]] = defaultdict(set)
    for o in inputs.outcomes:
        periods_of_metric[o.metric].add(o.period)
    by_behavior: dict[tuple[str, str, str], list[Rating]] = defaultdict(list)
    for r in inputs.ratings:
        by_behavior[(r.competency, r.behavior, r.mode)].append(r)
    metrics = sorted(periods_of_metric)
    used_ratings: set[Rating] = set()
    used_outcomes: set[OutcomeKey] = set()
    tested: list[_Tested] = []
    analysis = Analysis([], 0, tuple(sorted({r.period for r in inputs.ratings})))
    people: set[str] = set()
    for (competency, behavior, mode), ratings in sorted(by_behavior.items()):
        for metric in metrics:
            matched = _match(ratings, metric, outcome_at, periods_of_metric[metric])
            if matched is None:
                continue
            lagged, pairs = matched
            persons = {r.person for r, _ in pairs}
            n = len(persons)
            if n < MIN_PUBLISHED:
                analysis.hidden_pairs += 1
                continue
            used_ratings.update(r for r, _ in pairs)
            used_outcomes.update(key for _, key in pairs)
            people |= persons
            periods = tuple(sorted({r.period for r, _ in pairs}))
            base = PairResult(competency, behavior, metric, mode, n, lagged, periods)
            if n < MIN_FIGURES:
                analysis.insufficient_pairs += 1
                analysis.pairs.append(base)
                continue
            xs, ys = _person_means(pairs, outcome_at)
            pooled = _spearman(xs, ys)
            if pooled is None:
                analysis.constant_pairs += 1
                continue
            tested.append(_Tested(base, pooled[0], pooled[1], _by_period(pairs, outcome_at)))
    analysis.pairs += _strengths(tested)
    analysis.people = len(people)
    analysis.unused_ratings = len(inputs.ratings) - len(used_ratings)
    analysis.unused_outcomes = len(outcome_at) - len(used_outcomes)
    return analysis


def _match(
    ratings: list[Rating], metric: str, outcome_at: dict[OutcomeKey, float], outcome_periods: set[str]
) -> tuple[bool, list[Matched]] | None:
    """Ratings with the outcome of the next period (lagged), or, when no rating period has a next one, of the same period."""
    for lagged in (True, False):
        pairs = []
        for r in ratings:
            period = next_period(r.period) if lagged else r.period
            key = (r.person, period, metric)
            if key in outcome_at:
                pairs.append((r, key))
        if pairs:
            return lagged, pairs
        if any(next_period(r.period) in outcome_periods for r in ratings):
            return None  # next periods exist, only not for these people: no same-period fallback
    return None


def _person_means(pairs: Iterable[Matched], outcome_at: dict[OutcomeKey, float]) -> tuple[list[float], list[float]]:
    """One point per person: the mean of their ratings and the mean of the matching outcomes."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for r, key in pairs:
        total = sums[r.person]
        total[0] += r.rating
        total[1] += outcome_at[key]
        total[2] += 1
    people = sorted(sums)
    return [sums[p][0] / sums[p][2] for p in people], [sums[p][1] / sums[p][2] for p in people]


def _by_period(pairs: list[Matched], outcome_at: dict[OutcomeKey, float]) -> dict[str, tuple[float, float]]:
    """Each rating period on its own, where it has enough people: period -> (rho, p)."""
    grouped: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r, key in pairs:
        grouped[r.period].append((r.rating, outcome_at[key]))
    found = {}
    for period, points in sorted(grouped.items()):
        if len(points) >= MIN_FIGURES and (result := _spearman([x for x, _ in points], [y for _, y in points])):
            found[period] = result
    return found


def _strengths(tested: list[_Tested]) -> list[PairResult]:
    """Intervals, q-values and strengths of the tested pairs, corrected together (and per period, together)."""
    qs = _bh([t.p for t in tested])
    period_tests = [(index, rho, p) for index, t in enumerate(tested) for rho, p in t.by_period.values()]
    period_qs = _bh([p for *_, p in period_tests])
    replications: dict[int, list[float]] = defaultdict(list)
    for (index, rho, _p), q in zip(period_tests, period_qs, strict=True):
        if q < ALPHA:
            replications[index].append(rho)
    results = []
    for index, (t, q) in enumerate(zip(tested, qs, strict=True)):
        base, rho = t.base, t.rho
        low, high = fisher_interval(rho, base.n)
        same_sign = [r for r in replications[index] if (r > 0) == (rho > 0)]
        if q < ALPHA and len(same_sign) >= 2:
            strength = "replicated"
        elif q < ALPHA:
            strength = "consistent"
        elif low > 0 or high < 0:
            strength = "suggestive"
        else:
            strength = "none"
        results.append(
            PairResult(
                base.competency, base.behavior, base.metric, base.mode, base.n, base.lagged, base.periods, rho, low, high, q, strength
            )
        )
    return results
