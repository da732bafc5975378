"""`handbook evidence`: bad input reported at once with nothing written, the planted effect found, few false discoveries,
and no small group or individual figure in the output."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
import yaml
from sites import FIXTURES, ROOT
from test_cli import run

from macros.errors import DataError
from macros.loading import load_handbook
from macros.model import MIN_FIGURES, MIN_PUBLISHED, Evidence
from macros.tools.evidence import compute_evidence, write_evidence
from macros.tools.evidence.analysis import analyse, fisher_interval
from macros.tools.evidence.inputs import next_period
from macros.tools.evidence.synthetic import Planted, generate

METRICS = """\
- id: win-rate
  name: Win rate
  measures: Won deals over decided deals.
  higher_is_better: true
  unit: percent
- id: sales-cycle-days
  name: Sales cycle
  measures: Days to close.
  higher_is_better: false
  unit: days
"""
RATINGS = "person,period,role,competency,behavior,rating,mode\n"
OUTCOMES = "person,period,metric,value,denominator\n"


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """The tiny fixture's data with two outcome metrics; private CSV files go beside it, outside data/."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny" / "data", data)
    (data / "metrics.yml").write_text(METRICS, encoding="utf-8")
    return data


def _write(folder: Path, ratings: str, outcomes: str) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ratings.csv").write_text(ratings, encoding="utf-8")
    (folder / "outcomes.csv").write_text(outcomes, encoding="utf-8")
    return folder / "ratings.csv", folder / "outcomes.csv"


def test_bad_input_is_reported_all_at_once_with_row_and_fix_and_nothing_is_written(tiny: Path):
    ratings, outcomes = _write(
        tiny.parent / "private",
        RATINGS
        + "p1,2025-Q1,floor-sales,demonstrates-perseverance,calls-bak,2,manager\n"  # row 2: unknown behavior
        + "p1,2025-Q1,floor-sales,demonstrates-perseverance,tries-again,9,manager\n"  # row 3: off the scale (1 to 4)
        + "p1,2025-Q1,floor-sales,demonstrates-perseverance,tries-again,3,manager\n"  # row 4: repeats row 3's keys
        + "p2,2025-02,floor-sales,demonstrates-perseverence,tries-again,3,boss\n",  # row 5: month, typo, bad mode
        OUTCOMES + "p1,2025-Q2,win-rat,0.3,\np3,2025-Q2,win-rate,3,10\np1,2025-Q2,sales-cycle-days,40,\np1,2025-Q2,sales-cycle-days,41,\n",
    )
    result = run("evidence", str(ratings), str(outcomes), "--data", str(tiny), cwd=tiny.parent)
    assert result.returncode == 1, result.stdout
    report = result.stderr
    assert report.startswith("The evidence input has 9 problems; nothing was written:")
    assert (
        "ratings.csv:2: row #2 field 'behavior': unknown behavior 'calls-bak' of competency 'demonstrates-perseverance'. "
        "Fix: did you mean 'calls-back'?"
    ) in report
    assert "ratings.csv:3: row #3 field 'rating': expected a point of the rating scale (1 to 4, data/assessment.yml), found '9'" in report
    assert "ratings.csv:4: row #4: repeats row 3 (same person, period, behavior and mode). Fix: keep one of the two rows" in report
    assert "ratings.csv:5: row #5 field 'period': '2025-02' is a month, but ratings.csv row 2 has the quarter '2025-Q1'" in report
    assert (
        "ratings.csv:5: row #5 field 'competency': unknown competency 'demonstrates-perseverence'. "
        "Fix: did you mean 'demonstrates-perseverance'?" in report
    )
    assert "ratings.csv:5: row #5 field 'mode': expected manager or self, found 'boss'" in report
    assert "outcomes.csv:2: row #2 field 'metric': unknown metric 'win-rat' (data/metrics.yml). Fix: did you mean 'win-rate'?" in report
    assert "outcomes.csv:3: row #3 field 'person': 'p3' has outcomes but no ratings in ratings.csv" in report
    assert "outcomes.csv:5: row #5: repeats row 4 (same person, period and metric)" in report
    assert not (tiny / "evidence.yml").exists()


def test_input_inside_data_or_docs_is_refused(tiny: Path):
    handbook = load_handbook(tiny)
    ratings, _ = _write(tiny / "private", RATINGS, OUTCOMES)
    _, outcomes = _write(tiny.parent / "docs", RATINGS, OUTCOMES)
    with pytest.raises(DataError) as caught:
        compute_evidence(handbook, ratings, outcomes, tiny)
    report = str(caught.value)
    assert f"{ratings}: this file is inside data/, which is published and kept in git" in report
    assert f"{outcomes}: this file is inside docs/" in report
    assert not (tiny / "evidence.yml").exists()


def test_the_default_private_folder_is_ignored_by_git():
    assert "/private/" in (ROOT / ".gitignore").read_text().splitlines()


def test_periods_and_interval():
    assert next_period("2025-Q4") == "2026-Q1" and next_period("2025-12") == "2026-01" and next_period("2025-03") == "2025-04"
    low, high = fisher_interval(0.5, 100)
    # Bonett-Wright: se = sqrt((1 + rho^2/2) / (n - 3)), wider than the standard 1/sqrt(n - 3).
    se = math.sqrt((1 + 0.125) / 97)
    assert low == pytest.approx(math.tanh(math.atanh(0.5) - 1.959964 * se), abs=1e-6)
    assert high == pytest.approx(math.tanh(math.atanh(0.5) + 1.959964 * se), abs=1e-6)


# --- The method on synthetic data with a known planted effect -------------------------------------------------------
BEHAVIORS = tuple(("skill", f"b{i}") for i in range(8))
PLANTED = (Planted("skill", "b0", "win-rate"),)


def _small(seed: int, people: int = 90):
    return generate(
        {"rep": BEHAVIORS}, {"rep": people}, {"win-rate": True, "sales-cycle-days": False}, PLANTED, ("2025-Q1", "2025-Q2", "2025-Q3"), seed
    )


def test_the_planted_effect_is_found():
    analysis = analyse(_small(seed=1).inputs)
    found = {(p.behavior, p.metric, p.mode): p for p in analysis.pairs}
    planted = found[("b0", "win-rate", "manager")]
    assert planted.strength in ("consistent", "replicated") and planted.rho is not None and planted.rho > 0.3
    assert planted.lagged and planted.periods == ("2025-Q1", "2025-Q2")  # the last period has no next one
    assert len(analysis.pairs) == len(BEHAVIORS) * 2 * 2  # behaviors x metrics x modes, none pooled across modes


def test_behaviors_without_an_effect_are_rarely_flagged():
    """Over 25 seeds, the share of flagged pairs that are false stays within what Benjamini-Hochberg promises (5%)."""
    false_share = []
    found_planted = 0
    for seed in range(25):
        flagged = [p for p in analyse(_small(seed, people=60).inputs).pairs if p.strength in ("consistent", "replicated")]
        false = [p for p in flagged if (p.behavior, p.metric) != ("b0", "win-rate")]
        false_share.append(len(false) / len(flagged) if flagged else 0.0)
        found_planted += any(p.mode == "manager" and (p.behavior, p.metric) == ("b0", "win-rate") for p in flagged)
    assert sum(false_share) / len(false_share) <= 0.10  # the expected FDR is at most 5%; 25 seeds leave some noise
    assert found_planted >= 22


def test_small_groups_never_appear_and_no_individual_figure_is_written(tiny: Path, tmp_path: Path):
    hb = load_handbook(tiny)
    behaviors = tuple(("demonstrates-perseverance", b.id) for b in hb.competency["demonstrates-perseverance"].behaviors)
    # 40 people are rated on two behaviors, 10 on the third (too few for figures), 4 on the fourth (too few to publish).
    synthetic = generate(
        {"big": behaviors[:2], "some": behaviors[2:3], "few": behaviors[3:]},
        {"big": 40, "some": 10, "few": 4},
        {"win-rate": True},
        (),
        ("2025-Q1", "2025-Q2"),
        seed=3,
        scale=(1, 4),
    )
    analysis = analyse(synthetic.inputs)
    assert all(p.n >= MIN_PUBLISHED for p in analysis.pairs)
    assert all(p.rho is None and p.strength == "insufficient" for p in analysis.pairs if p.n < MIN_FIGURES)
    assert {p.behavior for p in analysis.pairs if p.strength == "insufficient"} == {behaviors[2][1]}
    assert behaviors[3][1] not in {p.behavior for p in analysis.pairs} and analysis.hidden_pairs == 2  # manager and self
    # Through the file: only aggregates; no person's id, rating or outcome value appears in it.
    from macros.tools.evidence import _record

    evidence = Evidence.model_validate(_record(analysis, True, "Synthetic test data."))
    text = write_evidence(evidence, tiny).read_text(encoding="utf-8")
    assert "person-" not in text
    values = {str(o.value) for o in synthetic.inputs.outcomes}
    assert not any(f" {value}\n" in text or f" {value}," in text for value in values if len(value) > 4)
    assert load_handbook(tiny).evidence == evidence  # the written file validates like all data


def test_a_pair_under_five_people_or_with_figures_under_thirty_does_not_validate():
    base = {"competency": "c", "behavior": "b", "metric": "m", "mode": "manager", "lagged": True, "periods": ["2025-Q1"]}
    with pytest.raises(ValueError, match="greater than or equal to 5"):
        Evidence.model_validate(_evidence({**base, "n": 4, "strength": "insufficient"}))
    with pytest.raises(ValueError, match="must be 'insufficient'"):
        Evidence.model_validate(
            _evidence({**base, "n": 12, "rho": 0.5, "ci": {"low": 0.1, "high": 0.8}, "q": 0.01, "strength": "consistent"})
        )
    with pytest.raises(ValueError, match="carries no rho"):
        Evidence.model_validate(_evidence({**base, "n": 12, "rho": 0.5, "strength": "insufficient"}))
    with pytest.raises(ValueError, match="is not insufficient"):
        Evidence.model_validate(_evidence({**base, "n": 30, "strength": "insufficient"}))


def _evidence(finding: dict) -> dict:
    return {
        "synthetic": True,
        "note": "x",
        "people": 1,
        "periods": ["2025-Q1"],
        "interval": "fisher-z-bonett-wright",
        "findings": [finding],
    }


def test_evidence_references_are_checked_by_the_walker(tiny: Path):
    finding = {
        "competency": "demonstrates-perseverance",
        "behavior": "calls-bak",
        "metric": "win-rat",
        "mode": "manager",
        "n": 6,
        "lagged": True,
        "periods": ["2025-Q1"],
        "strength": "insufficient",
    }
    (tiny / "evidence.yml").write_text(yaml.safe_dump(_evidence(finding), sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_handbook(tiny)
    problems = [str(p) for p in caught.value.problems]
    assert any(
        "field 'findings[0].behavior': unknown behavior 'calls-bak' of competency 'demonstrates-perseverance'. "
        "Fix: did you mean 'calls-back'?" in p
        for p in problems
    ), problems
    assert any("field 'findings[0].metric': unknown metric 'win-rat'. Fix: did you mean 'win-rate'?" in p for p in problems), problems


def test_synthetic_example_through_the_command(tmp_path: Path):
    """The real data's example: the command writes CSV files labelled synthetic, then evidence from them."""
    out = tmp_path / "private" / "example"
    result = run("evidence", "--synthetic", str(out), "--seed", "7")
    assert result.returncode == 0, result.stderr
    assert (out / "synthetic.txt").read_text().startswith("Synthetic example (seed 7)")
    assert (out / "ratings.csv").read_text().splitlines()[0] == RATINGS.strip()


def test_command_writes_evidence_that_validates_and_is_labelled_synthetic(tiny: Path):
    out = tiny.parent / "private" / "example"
    assert run("evidence", "--synthetic", str(out), "--data", str(tiny)).returncode == 0
    result = run("evidence", str(out / "ratings.csv"), str(out / "outcomes.csv"), "--data", str(tiny))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote data/evidence.yml: ")
    evidence = load_handbook(tiny).evidence
    assert evidence is not None and evidence.synthetic and evidence.note.startswith("Synthetic example (seed 7)")
    assert {f.mode for f in evidence.findings} == {"manager", "self"}
    assert run("evidence", "--data", str(tiny)).returncode == 2  # neither input files nor --synthetic: wrong usage


def test_where_no_next_period_exists_the_same_period_is_used_and_flagged():
    synthetic = generate({"rep": BEHAVIORS[:2]}, {"rep": 40}, {"win-rate": True}, (), ("2025-07",), seed=5)
    pairs = analyse(synthetic.inputs).pairs
    assert pairs and all(not p.lagged and p.periods == ("2025-07",) for p in pairs)


def test_header_and_numbers_are_checked_too(tiny: Path):
    ratings, outcomes = _write(
        tiny.parent / "private",
        "person,period,competency,behavior,rating\n",
        OUTCOMES + "p1,2025-Q2,win-rate,many,\np1,2025-Q3,win-rate,3,0\n",
    )
    result = run("evidence", str(ratings), str(outcomes), "--data", str(tiny), cwd=tiny.parent)
    assert result.returncode == 1
    assert "ratings.csv:1: expected the columns person, period, role, competency, behavior, rating, mode, found person," in result.stderr
    assert "outcomes.csv:2: row #2 field 'value': expected a number, found 'many'" in result.stderr
    assert "outcomes.csv:3: row #3 field 'denominator': expected a number above 0, found '0'" in result.stderr
    assert "has outcomes but no ratings" not in result.stderr  # the ratings file's header is the one problem there
    assert not (tiny / "evidence.yml").exists()
