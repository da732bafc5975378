"""Cohort calendars: one iCalendar (RFC 5545) file per cohort, written with the icalendar library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import icalendar

from ..handbook.schedule import CohortEvent
from ..model import FORMATS, Cohort

PRODID = "-//Sales Enablement Handbook//Cohort calendar//EN"
UID_DOMAIN = "sales-enablement-handbook"  # UIDs are '<cohort>.<session>@<domain>': stable across rebuilds


def cohort_calendar(cohort: Cohort, events: Sequence[CohortEvent], stamp: dt.datetime) -> str:
    """The cohort's sessions as an iCalendar file, one event per session, times in UTC; `stamp` is every DTSTAMP."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", cohort.name)
    for event in events:
        planned = event.planned
        session = planned.session
        details = [
            f"{planned.curriculum.name}: {planned.place}.",
            f"{planned.format_label}, taught by {planned.taught_by_phrase}.",
            "Objectives:",
            *(f"- {objective}" for objective in session.objectives),
        ]
        if session.pre_work:
            details += ["Before the session:", *(f"- {item}" for item in session.pre_work)]
        entry = icalendar.Event()
        entry.add("uid", f"{cohort.id}.{session.id}@{UID_DOMAIN}")
        entry.add("dtstamp", stamp.astimezone(dt.UTC))
        entry.add("dtstart", event.start.astimezone(dt.UTC))
        entry.add("dtend", event.end.astimezone(dt.UTC))
        entry.add("summary", session.title)
        entry.add("description", "\n".join(details))
        if cohort.location:
            entry.add("location", cohort.location)
        entry.add("categories", [FORMATS[session.format]])
        calendar.add_component(entry)
    return calendar.to_ical().decode("utf-8")
