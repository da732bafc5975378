"""`handbook evidence`: aggregate evidence of impact from private ratings and outcomes, written to data/evidence.yml."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from ...handbook import Handbook
from ...model import MIN_FIGURES, MIN_PUBLISHED, Evidence
from .analysis import Analysis, analyse
from .inputs import read_inputs
from .synthetic import example, write_csv

SYNTHETIC_MARKER = "synthetic.txt"  # written beside synthetic CSV files: evidence computed from them is labelled synthetic
HEADER = (
    "# Written by `handbook evidence` from private ratings and outcomes: aggregates only, never a person's figures.\n"
    "# Do not edit by hand: run the command again.\n"
)


def compute_evidence(handbook: Handbook, ratings: Path, outcomes: Path, data_dir: Path) -> Evidence:
    """Read and check both files, analyse them and return the evidence; raise DataError listing every input problem."""
    inputs, problems = read_inputs(handbook, ratings, outcomes, data_dir)
    problems.raise_if_any()
    marker = ratings.parent / SYNTHETIC_MARKER
    synthetic = marker.is_file()
    note = (
        " ".join(marker.read_text(encoding="utf-8").split())
        if synthetic
        else f"Computed from the manager and self ratings and the outcomes of {ratings.name} and {outcomes.name}."
    )
    return Evidence.model_validate(_record(analyse(inputs), synthetic, note))


def _record(analysis: Analysis, synthetic: bool, note: str) -> dict[str, Any]:
    """The evidence file's content: counts, and per pair the figures rounded as published."""
    few = f"pairs with {MIN_PUBLISHED} to {MIN_FIGURES - 1} people: shown as insufficient data, without figures"
    excluded = [
        (f"behavior-metric pairs with fewer than {MIN_PUBLISHED} people: not published at all", analysis.hidden_pairs, "pairs"),
        (few, analysis.insufficient_pairs, "pairs"),
        ("pairs where every rating or every outcome was the same, so no rank correlation exists", analysis.constant_pairs, "pairs"),
        ("ratings with no outcome of the following period to compare with (such as the last period's)", analysis.unused_ratings, "rows"),
        ("outcomes with no rating in the period before them (such as the first period's)", analysis.unused_outcomes, "rows"),
    ]
    findings = []
    for pair in analysis.pairs:
        finding: dict[str, Any] = {
            "competency": pair.competency,
            "behavior": pair.behavior,
            "metric": pair.metric,
            "mode": pair.mode,
            "n": pair.n,
        }
        if pair.rho is not None and pair.low is not None and pair.high is not None and pair.q is not None:
            finding |= {"rho": round(pair.rho, 3), "ci": {"low": round(pair.low, 3), "high": round(pair.high, 3)}, "q": _q(pair.q)}
        finding |= {"lagged": pair.lagged, "periods": list(pair.periods), "strength": pair.strength}
        findings.append(finding)
    findings.sort(key=lambda f: (f["competency"], f["behavior"], f["metric"], f["mode"]))
    return {
        "synthetic": synthetic,
        "note": note,
        "people": analysis.people,
        "periods": list(analysis.periods),
        "interval": "fisher-z-bonett-wright",
        "excluded": [{"reason": reason, "count": count, "what": what} for reason, count, what in excluded if count],
        "findings": findings,
    }


def _q(q: float) -> float:
    """q as published: four decimals, or two significant digits when smaller than 0.001."""
    return round(q, 4) if q >= 0.001 else float(f"{q:.1e}")


def write_evidence(evidence: Evidence, data_dir: Path) -> Path:
    """Write data/evidence.yml (replaced in one step, so a reader never sees half a file)."""
    target = data_dir / "evidence.yml"
    text = HEADER + yaml.safe_dump(
        evidence.model_dump(exclude_none=True), sort_keys=False, allow_unicode=True, width=110, default_flow_style=None
    )
    staging = target.with_name(".evidence.yml.tmp")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, target)
    return target


def write_synthetic(handbook: Handbook, target: Path, seed: int) -> tuple[Path, Path, str]:
    """Write the synthetic example's two CSV files and the note that labels them; return the paths and the note."""
    synthetic = example(handbook, seed)
    ratings, outcomes = write_csv(synthetic, target)
    behaviors = dict.fromkeys((p.competency, p.behavior) for p in synthetic.planted)
    effects = "; ".join(
        f"'{handbook.behavior(f'{c}/{b}')[1].text}' ({handbook.competency[c].name}) improves "
        + " and ".join(handbook.metric[p.metric].name.lower() for p in synthetic.planted if (p.competency, p.behavior) == (c, b))
        for c, b in behaviors
    )
    note = (
        f"Synthetic example (seed {seed}): made-up people, not real results. Its generator planted one known effect: the true "
        f"skill behind {effects} in the following period. No other behavior has any effect on any metric."
    )
    (target / SYNTHETIC_MARKER).write_text(note + "\n", encoding="utf-8")
    return ratings, outcomes, note


__all__ = ["SYNTHETIC_MARKER", "compute_evidence", "write_evidence", "write_synthetic"]
