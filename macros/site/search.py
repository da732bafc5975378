"""Site search: what each page tells the search index (its kind, names, weight), and the Pagefind index of a built site.

The index is Pagefind's: a static, chunked index written into the built site as `pagefind/`. A reader's browser
downloads only the few chunks a query needs, so search costs the same at any size of handbook, and nothing is loaded
before the reader opens search. Ranking follows the handbook's rules:

- a page's own names (a role's name and job titles, a competency's name and aliases) are a `names` meta field that
  ranks far above body text, so a search for a title or an alias finds its page first;
- working pages that repeat a record's name (checklists, scorecards, coaching) weigh their text at half, and dated
  cohort pages at a tenth;
- the reader's browser lists cohort pages after every other result (a second query filtered on the `kind` filter),
  so a dated cohort never outranks a role, a competency or a play, whatever the scores.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .paths import PageSpec

# The kind of page, shown beside each result, by the template that renders it.
KINDS = {
    "role.md": "Role",
    "role_checklist.md": "Checklist",
    "role_hiring.md": "Scorecard",
    "coaching.md": "Coaching",
    "competency.md": "Competency",
    "competency_evidence.md": "Evidence",
    "competency_plays.md": "Plays",
    "dimension.md": "Dimension",
    "play.md": "Play",
    "curriculum.md": "Curriculum",
    "curriculum_week.md": "Session",
    "certification.md": "Certification",
    "exam.md": "Exam",
    "cohort.md": "Cohort",
    "team.md": "Team view",
    "whats_new.md": "What's new",
}
# Listed after every other kind, whatever their scores: the reader's script queries them separately.
LAST_KINDS = ("Cohort",)
LISTING_KIND = "Listing"  # generated index and overview pages
GUIDE_KIND = "Guide"  # hand-written pages
# Body weight of dated cohort pages: their titles repeat the curriculum's and the role's names on every page.
COHORT_WEIGHT = 0.1
INDEX_FOLDER = "pagefind"
# Pagefind's own ready-made interfaces: the handbook has its own (overrides/assets/search.js), so they are not published.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


@dataclass(frozen=True)
class SearchEntry:
    """What one page tells the search index."""

    kind: str
    names: tuple[str, ...] = ()  # the page's own names, ranked far above body text
    weight: float = 1.0  # body text weight (Pagefind's data-pagefind-weight, 0 to 10)
    indexed: bool = True


def search_entry(spec: PageSpec | None, *, exclude: bool = False) -> SearchEntry:
    """The search entry of a generated page (from its spec) or of a hand-written one (`spec` None)."""
    if exclude:
        return SearchEntry(GUIDE_KIND, indexed=False)
    if spec is None:
        return SearchEntry(GUIDE_KIND)
    kind = KINDS.get(spec.template, LISTING_KIND)
    weight = COHORT_WEIGHT if kind in LAST_KINDS else spec.search_boost if spec.search_boost is not None else 1.0
    return SearchEntry(kind, spec.search_names, weight)


class SearchIndexError(Exception):
    """Pagefind failed, or the index it left behind is incomplete: a site without working search is not published."""


def index_site(site_dir: Path) -> int:
    """Write the Pagefind index of a built site into `site_dir/pagefind/`; returns the number of pages indexed.

    Only pages whose content is marked `data-pagefind-body` (overrides/main.html) are indexed: the navigation, header
    and footer every page repeats stay out, and so do pages that opt out (the print page, 404).
    """
    # Imported here: the engine's other entry points (validate, render, export) never need Pagefind's binary.
    from pagefind_bin import get_executable

    target = site_dir / INDEX_FOLDER
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    # Pagefind's own command line, run to completion: it exits once every file of the index is written. (Its Python
    # API stops the binary as soon as it answers, which on a large site cut the last file, pagefind-entry.json, short.)
    command = [
        str(get_executable()),
        *("--site", str(site_dir.resolve()), "--output-path", str(target.resolve())),
        *("--force-language", "en"),  # one language: English stemming ("manager" finds "management"), one set of chunks
        *("--exclude-selectors", ".headerlink"),  # the heading permalinks' pilcrows would end every result title
        "--quiet",
    ]
    # Run inside the empty output folder, so no pagefind.yml of the caller's working directory changes the index.
    result = subprocess.run(command, cwd=target, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SearchIndexError(f"Pagefind could not index {site_dir} (exit {result.returncode}):\n{result.stderr}{result.stdout}".rstrip())
    for pattern in UNUSED:
        for path in target.glob(pattern):
            path.unlink()
    return indexed_pages(target)


def indexed_pages(index_dir: Path) -> int:
    """The number of pages a written Pagefind index holds, from its entry file; a missing or cut-short entry is an error."""
    entry = index_dir / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        pages = sum(int(language["page_count"]) for language in languages.values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SearchIndexError(f"the search index is incomplete: {entry} could not be read ({error})") from None
    if not pages:
        raise SearchIndexError("the search index holds no page: no built page is marked data-pagefind-body")
    return pages
