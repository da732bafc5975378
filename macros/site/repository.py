"""Where the handbook's files live online: one repository and branch give every edit link and history link."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceFile:
    """One file a page is built from, with the address that edits it ('' when the repository is unknown)."""

    path: str  # relative to the project root, e.g. data/roles/consultant.yml
    edit_url: str


@dataclass(frozen=True)
class Repository:
    """The repository's web address and the published branch, or an edit base alone (an `edit_uri` without them)."""

    url: str = ""  # e.g. https://github.com/example-org/sales-handbook
    branch: str = "main"
    edit_base: str = ""  # used when no url is set: the edit address of the project root, ending in '/'

    def edit_url(self, path: str) -> str:
        """The address that opens `path` in the repository's editor ('' when unknown)."""
        if self.url:
            return f"{self.url.rstrip('/')}/edit/{self.branch}/{path}"
        return f"{self.edit_base}{path}" if self.edit_base else ""

    def history_url(self, path: str) -> str:
        """The address of `path`'s change history on the branch ('' when the repository is unknown)."""
        return f"{self.url.rstrip('/')}/commits/{self.branch}/{path}" if self.url else ""

    def files(self, paths: Iterable[str]) -> tuple[SourceFile, ...]:
        """Each file with its edit link, in the order given."""
        return tuple(SourceFile(path, self.edit_url(path)) for path in paths)
