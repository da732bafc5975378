"""Atomic publish: `python3 dev.py build` swaps the new site in only when the strict build succeeded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sites import ROOT, copy_fixture


def dev_build(config: Path) -> subprocess.CompletedProcess[str]:
    """Run the README's build command on a fixture copy, as an author would."""
    return subprocess.run([sys.executable, str(ROOT / "dev.py"), "build", "-f", str(config)], capture_output=True, text=True, cwd=ROOT)


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path):
    config = copy_fixture("tiny", tmp_path)
    site = config.parent / "site"
    first = dev_build(config)
    assert first.returncode == 0, first.stderr
    role_page = site / "roles" / "floor-sales" / "index.html"
    before = role_page.read_text(encoding="utf-8")
    (site / "published-marker.txt").write_text("the site as published before\n")

    role = config.parent / "data" / "roles" / "floor-sales.yml"
    role.write_text(role.read_text(encoding="utf-8").replace("family: sales", "family: sale"), encoding="utf-8")
    broken = dev_build(config)
    assert broken.returncode != 0
    assert "unknown family 'sale'. Fix: did you mean 'sales'?" in broken.stdout + broken.stderr
    assert f"The build failed: {site} was left as it was." in broken.stderr
    assert role_page.read_text(encoding="utf-8") == before
    assert (site / "published-marker.txt").exists()
    assert sorted(p.name for p in config.parent.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]  # no half-built folder

    role.write_text(role.read_text(encoding="utf-8").replace("family: sale", "family: sales").replace("Floor Sales", "Shop Floor"))
    fixed = dev_build(config)
    assert fixed.returncode == 0, fixed.stderr
    assert "Shop Floor" in role_page.read_text(encoding="utf-8")
    assert not (site / "published-marker.txt").exists()  # replaced as a whole, not merged
    assert sorted(p.name for p in config.parent.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]
