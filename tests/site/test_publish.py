"""The publish workflow: valid against GitHub's workflow schema, and a failure can never deploy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from sites import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def _workflow() -> dict:
    # PyYAML (YAML 1.1) reads the `on:` key as True.
    data = yaml.safe_load(WORKFLOW.read_text())
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_workflow_matches_the_github_workflow_schema(tmp_path: Path):
    command = [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows"]
    valid = subprocess.run([*command, str(WORKFLOW)], capture_output=True, text=True)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest", 1))
    invalid = subprocess.run([*command, str(broken)], capture_output=True, text=True)
    assert invalid.returncode == 1, "the schema check must catch a misspelt key"


def test_push_to_main_validates_tests_builds_then_deploys():
    workflow = _workflow()
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "pull_request" in workflow["on"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = [step.get("run", "") for step in build["steps"]]
    assert commands.index("python3 dev.py install") < commands.index(".venv/bin/handbook validate")
    assert commands.index(".venv/bin/handbook validate") < commands.index("python3 dev.py test") < commands.index("python3 dev.py build")
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0, "page credits need the whole history"
    assert deploy["needs"] == "build"
    assert "pull_request" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    uploads = {s["uses"].split("@")[0]: s["if"] for s in build["steps"] if "upload" in s.get("uses", "")}
    assert uploads == {
        "actions/upload-artifact": "github.event_name == 'pull_request'",
        "actions/upload-pages-artifact": "github.event_name != 'pull_request'",
    }


def test_the_install_command_is_the_readme_quickstart():
    readme = (ROOT / "README.md").read_text()
    assert "python3 dev.py install" in readme
    assert "python3 dev.py install" in WORKFLOW.read_text()


def test_the_workflow_deploys_the_branch_the_handbook_links_to():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    options = next(p["handbook"] for p in config["plugins"] if isinstance(p, dict) and "handbook" in p)
    assert options["repository"].startswith("https://") and options["branch"]
    assert _workflow()["on"]["push"]["branches"] == [options["branch"]]
    assert f"refs/heads/{options['branch']}" in _workflow()["jobs"]["deploy"]["if"]
