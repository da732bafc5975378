"""The training schedule: sessions at their place in a curriculum, working-day arithmetic, cohorts on real dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..model import FORMATS, TEACHERS, Cohort, Curriculum, Session

DEVELOPING_FORMATS = ("training", "practice", "learning", "coaching")  # formats that develop a competency (not assessments)

MAX_DAY_MINUTES = 420  # seven hours of sessions is the most a cohort can follow in one working day
BREAK_MINUTES = 15  # between two sessions of a day
LUNCH_MINUTES = 60  # before the first session that would start at or after noon
NOON = dt.time(12, 0)


@dataclass(frozen=True, eq=False)
class PlannedSession:
    """A session at its place in a curriculum: week and day numbers (1-based) and the day's index in the whole program."""

    curriculum: Curriculum
    week: int
    day: int
    day_index: int
    session: Session

    @property
    def week_ref(self) -> str:
        """The id of the session's week page: '<curriculum>/week-<n>'."""
        return f"{self.curriculum.id}/week-{self.week}"

    @property
    def anchor(self) -> str:
        """The stable anchor of the session on its week page and on cohort pages."""
        return f"session-{self.session.id}"

    @property
    def format_label(self) -> str:
        """The session's format as a page shows it: 'Training'."""
        return FORMATS[self.session.format]

    @property
    def teacher_label(self) -> str:
        """Who teaches the session, as a page shows it: 'A top performer'."""
        return TEACHERS[self.session.taught_by]

    @property
    def taught_by_phrase(self) -> str:
        """Who teaches the session, inside a sentence: 'a top performer'."""
        label = self.teacher_label
        return label[:1].lower() + label[1:]

    @property
    def place(self) -> str:
        """Where the session sits, as a reader says it: 'Week 1, day 2'."""
        return f"Week {self.week}, day {self.day}"


def plan_curriculum(curriculum: Curriculum) -> tuple[PlannedSession, ...]:
    """Every session of a curriculum with its week, day and running day index, in teaching order."""
    planned: list[PlannedSession] = []
    day_index = 0
    for week_number, week in enumerate(curriculum.weeks, start=1):
        for day_number, day in enumerate(week.days, start=1):
            planned += [PlannedSession(curriculum, week_number, day_number, day_index, s) for s in day.sessions]
            day_index += 1
    return tuple(planned)


def curriculum_days(curriculum: Curriculum) -> int:
    """How many working days the curriculum takes."""
    return sum(len(week.days) for week in curriculum.weeks)


def is_working_day(day: dt.date, holidays: Iterable[dt.date] = ()) -> bool:
    """Monday to Friday, and not one of the given holidays."""
    return day.weekday() < 5 and day not in set(holidays)


def add_working_days(start: dt.date, count: int, holidays: Iterable[dt.date] = ()) -> dt.date:
    """The working day `count` working days after `start` (count 0 is `start` itself, moved forward if it is not a working day)."""
    if count < 0:
        raise ValueError(f"count must be 0 or more, found {count}")
    skip = set(holidays)
    day = start
    while not is_working_day(day, skip):
        day += dt.timedelta(days=1)
    for _ in range(count):
        day += dt.timedelta(days=1)
        while not is_working_day(day, skip):
            day += dt.timedelta(days=1)
    return day


def working_days(start: dt.date, count: int, holidays: Iterable[dt.date] = ()) -> list[dt.date]:
    """The first `count` working days from `start` on, in order."""
    skip = set(holidays)
    days: list[dt.date] = []
    day = start
    while len(days) < count:
        if is_working_day(day, skip):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def week_dates(start: dt.date, days_per_week: Sequence[int], holidays: Iterable[dt.date] = ()) -> list[list[dt.date]]:
    """Real dates of each curriculum week's days.

    Week n starts n-1 calendar weeks after the start date (or right after the previous week, if holidays pushed it
    that far), and its days fall on consecutive working days from there. A five-day week started on a Monday
    therefore fills Monday to Friday, and a four-day week leaves the Friday free.
    """
    skip = set(holidays)
    weeks: list[list[dt.date]] = []
    for number, count in enumerate(days_per_week):
        begin = start + dt.timedelta(weeks=number)
        if weeks and weeks[-1] and begin <= weeks[-1][-1]:
            begin = weeks[-1][-1] + dt.timedelta(days=1)
        weeks.append(working_days(begin, count, skip))
    return weeks


@dataclass(frozen=True, eq=False)
class CohortEvent:
    """One session of a cohort on its real date, with start and end in the cohort's time zone."""

    planned: PlannedSession
    start: dt.datetime
    end: dt.datetime

    @property
    def date(self) -> dt.date:
        """The calendar date of the session."""
        return self.start.date()

    @property
    def date_label(self) -> str:
        """The date as a reader says it: 'Monday 2 March 2026'."""
        return long_date(self.start.date())

    @property
    def time_label(self) -> str:
        """Start and end time: '09:00–10:30'."""
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def long_date(day: dt.date) -> str:
    """'Monday 2 March 2026' (no platform-specific strftime flags)."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def plan_cohort(cohort: Cohort, planned: Sequence[PlannedSession]) -> tuple[CohortEvent, ...]:
    """The cohort's sessions on real dates (see week_dates), each day's sessions one after another from `day_starts`."""
    zone = ZoneInfo(cohort.timezone)
    hour, minute = (int(part) for part in cohort.day_starts.split(":"))
    by_day: dict[tuple[int, int], list[PlannedSession]] = {}
    for item in planned:
        by_day.setdefault((item.week, item.day), []).append(item)
    days_per_week = [
        max((day for week, day in by_day if week == number), default=0) for number in range(1, 1 + max((w for w, _ in by_day), default=0))
    ]
    dates = week_dates(cohort.start, days_per_week, cohort.holidays)
    events: list[CohortEvent] = []
    for (week, day), items in sorted(by_day.items()):
        clock = dt.datetime.combine(dates[week - 1][day - 1], dt.time(hour, minute), tzinfo=zone)
        lunched = clock.time() >= NOON  # an afternoon start has had lunch already
        for position, item in enumerate(items):
            if position:
                clock += dt.timedelta(minutes=BREAK_MINUTES)
                if not lunched and clock.time() >= NOON:
                    clock += dt.timedelta(minutes=LUNCH_MINUTES)
                    lunched = True
            end = clock + dt.timedelta(minutes=item.session.duration)
            events.append(CohortEvent(item, clock, end))
            clock = end
    return tuple(events)
