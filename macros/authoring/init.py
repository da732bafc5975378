"""`handbook init --from`: replace the sample model with a company's own, from a workbook (or CSV folder) alone.

The workbook brings dimensions, competencies with their behaviors, levels and hiring guides, roles, and families if it
has that sheet. The framework the workbook does not hold stays: proficiency levels, the profile-mapping guide, the
rating scale, the hiring scorecard's traits and the outcome metrics. Training, playbook and evidence content is
written for the old roles and competencies, so it goes; those sections then leave the site (or, for evidence, say
there is none yet) until something of theirs is written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..loading.kinds import KIND, KINDS
from .workbook import EXTRA_COLUMNS_FILE, ImportSummary, WorkbookError, import_tables, read_tables
from .workbook.tables import header_key

# Sheets a company's model cannot do without: without them, the sample's records would stay mixed with the new ones.
NEEDED_SHEETS = ("Dimensions", "Competencies", "Behaviors", "Roles", "Role competencies")
_REPLACED = ("competency", "role")  # kinds the workbook brings anew
_FRAMEWORK = {
    "family",
    "dimension",
    "proficiency level",
    "profile mapping",
    "competency",
    "role",
    "assessment",
    "hiring scorecard",
    "metric",
}
SAMPLE_KINDS = tuple(kind.name for kind in KINDS if kind.name not in _FRAMEWORK)  # training, playbooks, evidence


@dataclass(frozen=True)
class InitSummary:
    """What `init` did: the import's summary, and the old model's files that are gone (path relative to data/)."""

    imported: ImportSummary
    removed: tuple[str, ...]

    def removed_by_kind(self) -> dict[str, int]:
        """How many files of each kind of the old model were removed, for the report."""
        counts: dict[str, int] = {}
        for kind in KINDS:
            count = sum(1 for path in self.removed if Path(path).match(kind.pattern))
            if count:
                counts[kind.name] = count
        return counts


def init_from(source: Path, data_dir: Path) -> InitSummary:
    """Replace data/'s model with the workbook's, all or nothing: data/ changes only when the new model validates."""
    tables = read_tables(source)
    missing = [name for name in NEEDED_SHEETS if header_key(name) not in tables]
    if missing:
        raise WorkbookError(
            str(source),
            [f"sheet '{name}' is missing. Fix: add it (see the workbook contract), or export a model to start from" for name in missing],
        )
    with tempfile.TemporaryDirectory(prefix="handbook-init-", dir=data_dir.parent) as tmp:
        trial = Path(tmp) / data_dir.name
        shutil.copytree(data_dir, trial)
        before = {p.relative_to(trial).as_posix() for p in trial.rglob("*") if p.is_file()}
        for name in (*_REPLACED, *SAMPLE_KINDS):
            for path in KIND[name].files(trial):
                path.unlink()
        (trial / EXTRA_COLUMNS_FILE).unlink(missing_ok=True)  # the old workbook's own columns belonged to old rows
        imported = import_tables(source, trial)  # raises with every problem; data/ is still untouched
        after = {p.relative_to(trial).as_posix() for p in trial.rglob("*") if p.is_file()}
        # Swap whole folders so data/ is never half old, half new.
        backup = Path(tmp) / "previous"
        os.replace(data_dir, backup)
        os.replace(trial, data_dir)
    return InitSummary(imported, tuple(sorted(before - after)))
