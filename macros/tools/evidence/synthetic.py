"""Synthetic ratings and outcomes with a known, planted effect: an example to run `handbook evidence` on, and its test bed.

Nobody in these files exists. Each made-up person has a true skill on every behavior of their role's competencies,
independent between behaviors (no halo effect) and drifting a little from period to period. Managers rate it with
some noise; people rate themselves higher and with more noise. Outcomes are noise, except that the planted behaviors'
true skill in one period moves the planted metrics in the next period. Whatever else the analysis flags is a false
discovery, which is what the tests count.
"""

from __future__ import annotations

import csv
import math
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ...handbook import Handbook
from .inputs import Inputs, Outcome, Rating

# The example's organisation: two sales roles with enough people for figures, one too small for figures and one
# too small to be published at all, so the Evidence page shows every privacy rule at work.
EXAMPLE_HEADCOUNT = {
    "consultative-solution-sales": 70,
    "outbound-inside-sales": 60,
    "sales-team-lead": 12,
    "sales-management": 3,
}
EXAMPLE_PERIODS = ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")
EFFECT = 0.8  # how strongly a planted behavior's true skill moves its metrics' next-period latent outcome


@dataclass(frozen=True)
class Planted:
    """A behavior whose true skill moves a metric in the next period (in the metric's better direction)."""

    competency: str
    behavior: str
    metric: str


@dataclass(frozen=True)
class Synthetic:
    """A generated data set: the rows, and the effects planted in it."""

    inputs: Inputs
    planted: tuple[Planted, ...]
    roles: dict[str, str]  # person -> role


def generate(
    behaviors_by_role: dict[str, tuple[tuple[str, str], ...]],
    headcount: dict[str, int],
    metrics: dict[str, bool],
    planted: tuple[Planted, ...],
    periods: tuple[str, ...],
    seed: int,
    scale: tuple[int, int] = (1, 5),
) -> Synthetic:
    """Ratings of every person on their role's behaviors in every period, and their outcomes (metrics: id -> higher is better)."""
    rng = random.Random(seed)
    low, high = scale
    middle = (low + high) / 2
    ratings: list[Rating] = []
    outcomes: list[Outcome] = []
    roles: dict[str, str] = {}
    effects = {(p.competency, p.behavior, p.metric) for p in planted}
    number = 0
    for role, count in headcount.items():
        for _ in range(count):
            number += 1
            person = f"person-{number:04d}"
            roles[person] = role
            base = {key: rng.gauss(0, 1) for key in behaviors_by_role[role]}
            previous: dict[tuple[str, str], float] | None = None
            for period in periods:
                skill = {key: 0.8 * value + 0.6 * rng.gauss(0, 1) for key, value in base.items()}
                for (competency, behavior), value in skill.items():
                    manager = _clip(round(middle + value + rng.gauss(0, 0.5)), low, high)
                    own = _clip(round(middle + 0.6 + 0.5 * value + rng.gauss(0, 0.9)), low, high)
                    ratings.append(Rating(person, period, competency, behavior, "manager", manager))
                    ratings.append(Rating(person, period, competency, behavior, "self", own))
                for metric, higher_is_better in metrics.items():
                    drive = sum(EFFECT * v for (c, b), v in (previous or {}).items() if (c, b, metric) in effects)
                    latent = drive + rng.gauss(0, 1)
                    outcomes.append(Outcome(person, period, metric, _outcome(latent if higher_is_better else -latent, metric, rng)))
                previous = skill
    return Synthetic(Inputs(tuple(ratings), tuple(outcomes)), planted, roles)


def _clip(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _outcome(latent: float, metric: str, rng: random.Random) -> float:
    """A plausible value for a metric from a latent score (higher latent: a larger value)."""
    if metric == "sales-cycle-days":
        return round(75 * math.exp(0.25 * latent), 1)
    if metric == "quota-attainment":
        return round(max(0.0, 1 + 0.25 * latent), 3)
    return round(1 / (1 + math.exp(-(latent * 0.6 - 1))), 4)  # a rate between 0 and 1


def example(handbook: Handbook, seed: int) -> Synthetic:
    """The handbook's synthetic example: the example roles' behaviors, with effects planted on the most shared competency."""
    roles = {role: count for role, count in EXAMPLE_HEADCOUNT.items() if role in handbook.role}
    if not roles:
        roles = {r.id: 50 for r in handbook.roles[:3]}
    behaviors_by_role = {
        role: tuple((c.id, b.id) for c in handbook.role_competencies(handbook.role[role]) for b in c.behaviors) for role in roles
    }
    shared = Counter(c for role in roles for c in handbook.role[role].competencies).most_common(1)[0][0]
    first = handbook.competency[shared].behaviors[0].id
    wanted = ("win-rate", "sales-cycle-days")
    planted = tuple(Planted(shared, first, m) for m in wanted if m in handbook.metric)
    metrics = {m.id: m.higher_is_better for m in handbook.metrics}
    scale = (handbook.assessment.scale[0].value, handbook.assessment.scale[-1].value)
    return generate(behaviors_by_role, roles, metrics, planted, EXAMPLE_PERIODS, seed, scale)


def write_csv(synthetic: Synthetic, target: Path) -> tuple[Path, Path]:
    """Write ratings.csv and outcomes.csv (rates as a value over a denominator) into a new or empty folder."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty; choose a new folder so nothing is overwritten")
    target.mkdir(parents=True, exist_ok=True)
    ratings, outcomes = target / "ratings.csv", target / "outcomes.csv"
    with ratings.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("person", "period", "role", "competency", "behavior", "rating", "mode"))
        for r in synthetic.inputs.ratings:
            writer.writerow((r.person, r.period, synthetic.roles[r.person], r.competency, r.behavior, r.rating, r.mode))
    with outcomes.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("person", "period", "metric", "value", "denominator"))
        for o in synthetic.inputs.outcomes:
            if o.metric in ("win-rate", "conversion-rate"):  # rates written as counts over a denominator, as a CRM exports them
                writer.writerow((o.person, o.period, o.metric, round(o.value * 200), 200))
            else:
                writer.writerow((o.person, o.period, o.metric, o.value, ""))
    return ratings, outcomes
