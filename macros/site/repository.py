"""Where the handbook's files live online: one repository and branch give every edit link and history link."""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .listing import LONG_LISTINGS


@dataclass(frozen=True)
class SourceFile:
    """One file a page is built from, with the address that edits it ('' when the repository is unknown); or, for a
    page built from many files of one folder, that folder with the address that lists it."""

    path: str  # relative to the project root, e.g. data/roles/consultant.yml, or data/competencies/ for a folder
    edit_url: str
    count: int = 1  # how many files the entry stands for: more than one for a folder


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

    def folder_url(self, folder: str) -> str:
        """The address that lists a folder's files on the branch ('' when the repository is unknown)."""
        return f"{self.url.rstrip('/')}/tree/{self.branch}/{folder}" if self.url else ""

    def files(self, paths: Iterable[str]) -> tuple[SourceFile, ...]:
        """Each file with its edit link, in the order given; a folder the page takes more than a long listing's
        number of files from is one entry, where its first file was, so that a listing built from every record
        file stays a readable list (and a light page) at any size."""
        paths = tuple(paths)
        per_folder = Counter(posixpath.dirname(path) for path in paths)
        entries: list[SourceFile] = []
        folded: set[str] = set()
        for path in paths:
            folder = posixpath.dirname(path)
            if per_folder[folder] <= LONG_LISTINGS["sources"]:
                entries.append(SourceFile(path, self.edit_url(path)))
            elif folder not in folded:
                folded.add(folder)
                entries.append(SourceFile(f"{folder}/", self.folder_url(folder), per_folder[folder]))
        return tuple(entries)
