"""The What's new page: the periods of history with each changed record linked to its current page."""

from __future__ import annotations

from dataclasses import dataclass

from ..handbook import Handbook
from ..handbook.changes import KINDS, RecordChange
from .paths import PageSpec, page_path
from .timeline import Period, WhatsNew

KIND_NAMES = ", ".join(k.title.lower() for k in KINDS[:-1]) + f" or {KINDS[-1].title.lower()}"


@dataclass(frozen=True)
class ShownChange:
    """A record change as the page shows it: linked to the record's current page while the record exists."""

    change: RecordChange
    page: str = ""  # page kind ('role', 'curriculum-week'), '' when the record no longer exists or was removed
    page_id: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class ShownKind:
    """One kind's changes in a period, ready to list."""

    title: str
    added: tuple[ShownChange, ...]
    changed: tuple[ShownChange, ...]
    removed: tuple[ShownChange, ...]


@dataclass(frozen=True)
class ShownPeriod:
    """A period and the kinds that changed in it (none when it could not be compared or nothing changed)."""

    period: Period
    kinds: tuple[ShownKind, ...]
    notes: tuple[str, ...]


def plan_whats_new_page(hb: Handbook, whats_new: WhatsNew | None) -> PageSpec:
    """The What's new page; without history read (`None`), it says history was not read for this build."""
    whats_new = whats_new or WhatsNew(unavailable="not-read")
    periods = [_shown_period(hb, period) for period in whats_new.periods]
    return PageSpec(
        page_path("whats-new"),
        "What's new",
        "whats_new.md",
        {"whats_new": whats_new, "periods": periods, "kind_names": KIND_NAMES},
        (),  # built from the repository's history, not from one data file
        f"The {KIND_NAMES} added, changed or removed, {'release by release' if whats_new.by == 'tags' else 'month by month'}.",
        shows=tuple(
            text
            for shown in periods
            for text in (
                shown.period.name,
                *(c.change.label for k in shown.kinds for c in (*k.added, *k.changed, *k.removed)),
            )
        ),
    )


def _shown_period(hb: Handbook, period: Period) -> ShownPeriod:
    if period.changes is None:
        return ShownPeriod(period, (), ())
    kinds = tuple(
        ShownKind(
            kind.title,
            tuple(_linked(hb, c) for c in kind.added),
            tuple(_linked(hb, c) for c in kind.changed),
            tuple(ShownChange(c) for c in kind.removed),  # removed in that period: never linked
        )
        for kind in period.changes.kinds
        if not kind.empty
    )
    return ShownPeriod(period, kinds, period.changes.notes)


def _linked(hb: Handbook, change: RecordChange) -> ShownChange:
    """The change with a link to the record's page in the handbook being built, when the record is still in it."""
    key = change.key
    if change.kind == "role" and key in hb.role:
        return ShownChange(change, "role", key)
    if change.kind == "competency" and key in hb.competency:
        return ShownChange(change, "competency", key)
    if change.kind == "play" and key in hb.play:
        return ShownChange(change, "play", key)
    parent, _, child = key.partition("/")
    if change.kind == "behavior" and parent in hb.competency and any(b.id == child for b in hb.competency[parent].behaviors):
        return ShownChange(change, "competency", parent, "job-behaviors")
    if change.kind == "session" and parent in hb.curriculum:
        for planned in hb.planned_sessions[parent]:
            if planned.session.id == child:
                return ShownChange(change, "curriculum-week", planned.week_ref, planned.anchor)
    return ShownChange(change)
