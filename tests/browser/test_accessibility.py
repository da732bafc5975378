"""Accessibility: axe-core (pinned in package.json, installed by dev.py) finds no serious or critical violation,
and the keyboard reaches the main controls with a visible focus indicator."""

from __future__ import annotations

import pytest
from sites import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# One page of each kind a reader lands on; add a checklist, a curriculum week and a play as those kinds arrive.
PAGES = [
    "",
    "roles/account-management/",
    "competencies/qualifies-prospects-for-fit/",
    "roles/",
    "competencies/",
    "dimensions/",
    "matrix/",
    "profile-mapping/",
    "glossary/",
    # Interactive and printable pages of checklists (#3), training (#4), playbooks (#5) and print (#8).
    "roles/sales-team-lead/checklist/",
    "roles/sales-team-lead/hiring/",
    "roles/sales-team-lead/coaching/",
    "curricula/onboarding-bootcamp/week-1/",
    "certifications/discovery-call-certification/",
    "cohorts/onboarding-2027-01/",
    "plays/",
    "plays/discovery-with-gpct/",
    "journey-map/",
    "print/",
]


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']}: {violation['help']} ({len(violation['nodes'])} elements)")
        lines += [f"    {node['target']} {node['failureSummary'].splitlines()[-1].strip()}" for node in violation["nodes"][:3]]
    return "\n".join(lines)


@pytest.mark.parametrize("url", PAGES)
def test_no_serious_or_critical_accessibility_violation(page, url: str) -> None:
    assert AXE.exists(), "axe-core is installed by `python3 dev.py test` (npm ci, from package-lock.json)"
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], _describe(serious)
