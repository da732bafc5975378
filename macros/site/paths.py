"""Page specs: where each kind of record's page lives, and what one generated page is made of."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any, get_args, get_origin, get_type_hints

from pydantic import BaseModel, StringConstraints

from ..model import Ref

# Where each kind of record's page lives (source paths; MkDocs turns roles/x.md into /roles/x/).
PAGE_PATHS = {
    "role": "roles/{id}/index.md",
    "role-checklist": "roles/{id}/checklist.md",
    "role-hiring": "roles/{id}/hiring.md",
    "competency": "competencies/{id}.md",
    "dimension": "dimensions/{id}/index.md",
    "roles": "roles/index.md",
    "competencies": "competencies/index.md",
    "dimensions": "dimensions/index.md",
    "matrix": "matrix.md",
    "matrix-part": "matrix/{id}.md",  # parts of the matrix of a large handbook
    "profile-mapping": "profile-mapping.md",
    "team": "team.md",
    # Training. A week's id is '<curriculum>/week-<n>' (PlannedSession.week_ref).
    "curricula": "curricula/index.md",
    "curriculum": "curricula/{id}/index.md",
    "curriculum-week": "curricula/{id}.md",
    "coverage": "coverage.md",
    "certification": "certifications/{id}.md",
    "exam": "exams/{id}.md",
    "cohort": "cohorts/{id}.md",
    "cohort-calendar": "cohorts/{id}.ics",
    # Playbooks
    "plays": "plays/index.md",
    "play": "plays/{id}.md",
    "journey-map": "journey-map.md",
    "qualification": "qualification.md",
    "service-levels": "service-levels.md",
    "experiments": "experiments.md",
    "coaching": "roles/{id}/coaching.md",
    # Evidence of impact
    "evidence": "evidence.md",
    # What changed, release by release or month by month, from the repository's history
    "whats-new": "whats-new.md",
    # Hand-written pages that generated text links to
    "authors": "authors/index.md",
    "glossary": "glossary.md",
}


def files_of(hb: Any, kind: str, records: Iterable[Any]) -> tuple[str, ...]:
    """The data files records of one kind were written in, once each, in order."""
    return tuple(dict.fromkeys(hb.source(kind, record.id).file for record in records))


def page_path(kind: str, record_id: str = "") -> str:
    """Source path of the page that shows a record (or a listing when no id is given)."""
    return PAGE_PATHS[kind].format(id=record_id)


def directory_url(src_uri: str) -> str:
    """The URL path a source page is published at with directory URLs: roles/x/index.md -> roles/x/, a/b.md -> a/b/."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_url(kind: str, record_id: str = "") -> str:
    """The URL of a record's page relative to the site root (for data files that link to pages)."""
    return directory_url(page_path(kind, record_id))


@dataclass(frozen=True)
class PageSpec:
    """One generated page: its path, title, template, the models it shows and its data files.

    `sources` are the files whose content the page shows: the first is the edit button's, and the page credit names
    their authors. `related` are files the page takes only names and links from (the roles that need a competency):
    listed with the sources as what the page is built from, but not credited.
    """

    src_uri: str
    title: str
    template: str
    context: Mapping[str, Any]
    sources: tuple[str, ...]
    description: str = ""
    hide: tuple[str, ...] = field(default=())  # Material page parts to hide, e.g. the sidebars of wide pages
    search_boost: float | None = None  # below 1 for working pages (forms) that repeat a record's name, so the record's page ranks first
    search_names: tuple[str, ...] = ()  # the record's own names (a role's titles, a competency's aliases): search ranks them first
    shows: tuple[str, ...] = ()  # record texts a reader must find on the built page (the nothing-lost check)
    related: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Planners list a page's files as they gather them: keep the first of each (the edit button's file) and drop
        # the empty name a missing optional file leaves.
        sources = tuple(dict.fromkeys(f for f in self.sources if f))
        object.__setattr__(self, "sources", sources)
        object.__setattr__(self, "related", tuple(dict.fromkeys(f for f in self.related if f and f not in sources)))

    @property
    def files(self) -> tuple[str, ...]:
        """Every data file the page is built from: its sources, then the files it takes names and links from."""
        return self.sources + self.related


# --- What a page shows, derived from the models: the nothing-lost check compares it with the built page. ---


def texts(record: BaseModel, *fields: str) -> tuple[str, ...]:
    """Every free text a record holds (names, definitions, behaviors; not ids or fixed vocabularies), at any depth;
    only the given top-level fields when some are named."""
    return tuple(_texts(record, fields))


def texts_of(records: Iterable[BaseModel], *fields: str) -> tuple[str, ...]:
    """`texts` of several records, in order."""
    return tuple(text for record in records for text in _texts(record, fields))


def names(records: Iterable[Any]) -> tuple[str, ...]:
    """The names of records, as listings show them."""
    return tuple(record.name for record in records)


def _texts(record: BaseModel, fields: tuple[str, ...]) -> Iterable[str]:
    hints = _text_fields(type(record))
    for name in fields or tuple(hints):
        yield from _values(getattr(record, name), hints[name])


@cache
def _text_fields(model: type[BaseModel]) -> dict[str, Any]:
    hints = get_type_hints(model, include_extras=True)
    return {name: hints[name] for name in model.model_fields}


def _values(value: Any, annotation: Any) -> Iterable[str]:
    if value is None:
        return
    if isinstance(value, BaseModel):
        yield from _texts(value, ())
    elif isinstance(value, tuple):
        item = get_args(annotation)[0] if get_origin(annotation) is tuple else annotation
        for element in value:
            yield from _values(element, item)
    elif isinstance(value, dict):
        value_type = get_args(annotation)[1] if get_origin(annotation) is dict else annotation
        for element in value.values():
            yield from _values(element, value_type)
    elif isinstance(value, str) and _is_free_text(annotation):
        yield value


def _is_free_text(annotation: Any) -> bool:
    """Text written for readers: a string without an id pattern and not a reference (a union allows either)."""
    if get_origin(annotation) is Annotated:
        metadata = get_args(annotation)[1:]
        if any(isinstance(m, Ref) or (isinstance(m, StringConstraints) and m.pattern) for m in metadata):
            return False
        return _is_free_text(get_args(annotation)[0])
    options = get_args(annotation)
    if options and get_origin(annotation) is not None and str(get_origin(annotation)).endswith(("Union", "UnionType")):
        return any(_is_free_text(option) for option in options)
    return annotation is str
