"""Files other than pages that the handbook publishes: cohort calendars, the model as JSON and the team view's data."""

from __future__ import annotations

import datetime as dt
import os

from ..handbook import Handbook
from .calendar import cohort_calendar
from .model_export import MODEL_PATH, SCHEMA_PATH, model_downloads
from .paths import page_path
from .team_data import TEAM_DATA_PATH, team_downloads


def download_paths(handbook: Handbook) -> tuple[str, ...]:
    """The site paths of `plan_downloads`' files, in its order, known without writing them."""
    return (*(page_path("cohort-calendar", cohort.id) for cohort in handbook.cohorts), MODEL_PATH, SCHEMA_PATH, TEAM_DATA_PATH)


def plan_downloads(handbook: Handbook, stamp: dt.datetime | None = None) -> dict[str, str]:
    """Files other than pages that the handbook publishes (path in the site -> text content)."""
    downloads: dict[str, str] = {}
    # One iCalendar file per cohort.
    stamp = stamp or build_stamp()
    for cohort in handbook.cohorts:
        downloads[page_path("cohort-calendar", cohort.id)] = cohort_calendar(cohort, handbook.cohort_events[cohort.id], stamp)
    # The whole model as versioned JSON, with its JSON Schema, for print and other tools.
    downloads.update(model_downloads(handbook))
    # What the team view compares loaded checklists with.
    downloads.update(team_downloads(handbook))
    return downloads


def build_stamp() -> dt.datetime:
    """When the calendars were generated (their DTSTAMP): SOURCE_DATE_EPOCH for reproducible builds, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0)
