"""Layer 2: the real data loads, is complete, and agrees with the source documents."""

from __future__ import annotations

import pytest
from sites import ROOT

from macros.model import MetricGroup

SEEDS = ROOT.parent / "shared" / "seeds"
PROFILES = SEEDS / "benchmark-profiles-library.txt"


def test_all_eighteen_profiles_by_family(real_handbook):
    counts = {family: len(roles) for family, roles in real_handbook.roles_by_family.items()}
    assert counts == {"sales": 12, "sales-management": 2, "service": 4}


def test_every_competency_is_used_or_is_shared_knowledge(real_handbook):
    unused = [c.id for c in real_handbook.competencies if not real_handbook.roles_by_competency[c.id]]
    assert all(real_handbook.competency[c].type == "knowledge" for c in unused), unused
    assert len(unused) == 4


def test_competency_shape(real_handbook):
    level_ids = [level.id for level in real_handbook.levels]
    assert level_ids == ["individual-contributor", "senior-individual-contributor", "leader"]
    for competency in real_handbook.competencies:
        assert 4 <= len(competency.behaviors) <= 7, competency.id
        assert list(competency.levels) == level_ids, competency.id
        assert competency.hiring is not None, competency.id


def test_variant_spellings_are_one_competency(real_handbook):
    names = {c.name.lower(): c.id for c in real_handbook.competencies}
    for c in real_handbook.competencies:
        names.update({alias.lower(): c.id for alias in c.aliases})
    assert names["maintains and shares market trends awareness"] == names["maintains and shares market trend awareness"]
    assert (
        names["drives towards success by systematically managing accounts"]
        == names["drives toward success by systematically managing accounts"]
    )


def _source_profiles(names: set[str]) -> dict[str, dict[str, list[str]]]:
    """Metrics, titles and predictive competencies of each profile, read line by line from the source document."""
    profiles: dict[str, dict[str, list[str]]] = {}
    current, mode = None, None
    for raw in PROFILES.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line in names:
            current, mode = line, None
            profiles.setdefault(current, {"metrics": [], "titles": [], "competencies": []})
        elif line == "Common Metrics":
            mode = "metrics"
        elif line == "Sample of Common Position Titles":
            mode = "titles"
        elif line.startswith("PREDICTIVE COMPETENCIES"):
            mode = "competencies"
        elif line.startswith("[Back to table of contents]"):
            mode = None
        elif current and mode in ("metrics", "titles") and line.startswith("- "):
            profiles[current][mode].append(line[2:].strip())
        elif current and mode == "competencies" and "\t" in raw:
            profiles[current]["competencies"].append(raw.split("\t")[0].strip())
    return profiles


def _flat_metrics(role) -> list[str]:
    out: list[str] = []
    for metric in role.metrics:
        if isinstance(metric, MetricGroup):
            out += [metric.name, *metric.includes]
        else:
            out.append(metric)
    return out


@pytest.mark.skipif(not PROFILES.exists(), reason="the source documents are not beside the repository")
def test_names_metrics_titles_and_competencies_match_the_source(real_handbook):
    by_name = {r.name: r for r in real_handbook.roles}
    source = _source_profiles(set(by_name))
    assert set(by_name) <= set(source), set(by_name) - set(source)
    lookup = {c.name.lower(): c.id for c in real_handbook.competencies}
    lookup.update({a.lower(): c.id for c in real_handbook.competencies for a in c.aliases})
    for name, role in by_name.items():
        expected = source[name]
        assert _flat_metrics(role) == expected["metrics"], name
        assert list(role.titles) == expected["titles"], name
        assert list(role.competencies) == [lookup[c.lower()] for c in expected["competencies"]], name
