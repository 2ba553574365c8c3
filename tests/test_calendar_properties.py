"""Properties of business-day arithmetic that hold for any calendar and any start."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from honestcs.calendar import BusinessCalendar
from honestcs.quantities import Duration, TimeUnit

ZONES = ("America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe")

# Modest and without deadlines: each example walks a few weeks of calendar.
PROPERTY = settings(max_examples=150, deadline=None)

starts = st.builds(
    lambda naive, zone: naive.replace(tzinfo=ZoneInfo(zone)),
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31)),
    st.sampled_from((*ZONES, "UTC")),
)
counts = st.integers(min_value=0, max_value=25)


@st.composite
def calendars_and_starts(draw: st.DrawFn) -> tuple[BusinessCalendar, datetime]:
    """A calendar with random workdays and holidays near a random aware start."""
    start = draw(starts)
    zone = draw(st.sampled_from(ZONES))
    workdays = draw(st.frozensets(st.integers(min_value=0, max_value=6), min_size=1))
    # Holidays near the start, so that they actually fall inside the counted days.
    offsets = draw(st.frozensets(st.integers(min_value=-2, max_value=60), max_size=15))
    first = start.astimezone(ZoneInfo(zone)).date()
    holidays = frozenset(first + timedelta(days=offset) for offset in offsets)
    return BusinessCalendar(zone, workdays=workdays, holidays=holidays), start


def utc(moment: datetime) -> datetime:
    """The instant, comparable across zones and folds."""
    return moment.astimezone(UTC)


@PROPERTY
@given(calendars_and_starts(), st.integers(min_value=1, max_value=25))
def test_lands_on_a_workday(case: tuple[BusinessCalendar, datetime], days: int) -> None:
    """One or more business days from anywhere land on a workday."""
    calendar, start = case
    result = calendar.add_business_days(start, days)
    assert calendar.is_workday(result.date())
    assert utc(result) > utc(start)


@PROPERTY
@given(calendars_and_starts(), counts)
def test_monotonic_in_days(case: tuple[BusinessCalendar, datetime], days: int) -> None:
    """One more business day always ends strictly later."""
    calendar, start = case
    assert utc(calendar.add_business_days(start, days)) < utc(
        calendar.add_business_days(start, days + 1)
    )


@PROPERTY
@given(calendars_and_starts(), st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=9)))
def test_monotonic_in_start(case: tuple[BusinessCalendar, datetime], later_by: timedelta) -> None:
    """A later start (on the calendar's wall clock) never ends earlier."""
    calendar, start = case
    first = calendar.localize(start)
    second = calendar.at(
        (first.replace(tzinfo=None) + later_by).date(),
        (first.replace(tzinfo=None) + later_by).time(),
    )
    # A repeated hour can put a later wall time at an earlier instant; order by the wall clock.
    assume(second.replace(tzinfo=None) >= first.replace(tzinfo=None))
    for days in (1, 3):
        assert utc(calendar.add_business_days(first, days)) <= utc(
            calendar.add_business_days(second, days)
        )


@PROPERTY
@given(calendars_and_starts(), counts, counts)
def test_additive(case: tuple[BusinessCalendar, datetime], a: int, b: int) -> None:
    """Adding a then b business days is adding a + b (unless a skipped wall time moved it)."""
    calendar, start = case
    local = calendar.localize(start)
    middle = calendar.add_business_days(local, a)
    if calendar.is_workday(local.date()):
        # The wall time could not be kept: a daylight-saving jump moved it.
        assume(middle.time() == local.time())
    together = calendar.add_business_days(local, a + b)
    in_turn = calendar.add_business_days(middle, b)
    assert utc(in_turn) == utc(together)
    assert in_turn.utcoffset() == together.utcoffset()


@PROPERTY
@given(calendars_and_starts(), counts)
def test_aware_in_the_calendar_zone(case: tuple[BusinessCalendar, datetime], days: int) -> None:
    """The result is aware and in the calendar's zone."""
    calendar, start = case
    result = calendar.add_business_days(start, days)
    assert result.utcoffset() is not None
    assert isinstance(result.tzinfo, ZoneInfo)
    assert result.tzinfo.key == calendar.timezone


@PROPERTY
@given(calendars_and_starts(), st.integers(min_value=1, max_value=25))
def test_keeps_the_time_of_day_from_a_workday(
    case: tuple[BusinessCalendar, datetime], days: int
) -> None:
    """From a workday the wall time is kept; from a non-workday the result ends its day."""
    calendar, start = case
    local = calendar.localize(start)
    result = calendar.add_business_days(local, days)
    if calendar.is_workday(local.date()):
        shown = calendar.at(result.date(), local.time(), fold=local.fold)
        assert utc(result) == utc(shown)
    else:
        assert utc(result) == utc(calendar.end_of_day(result.date()))


@PROPERTY
@given(
    calendars_and_starts(),
    st.sampled_from((TimeUnit.MINUTE, TimeUnit.HOUR)),
    st.integers(min_value=0, max_value=10_000),
)
def test_clock_units_are_elapsed_time(
    case: tuple[BusinessCalendar, datetime], unit: TimeUnit, amount: int
) -> None:
    """Minutes and hours are exact elapsed time, whatever the clocks do."""
    calendar, start = case
    seconds = amount * (60 if unit is TimeUnit.MINUTE else 3600)
    result = calendar.add(Duration.of(amount, unit), start)
    assert utc(result) - utc(start) == timedelta(seconds=seconds)


@PROPERTY
@given(
    calendars_and_starts(),
    st.sampled_from((TimeUnit.DAY, TimeUnit.WEEK, TimeUnit.MONTH, TimeUnit.YEAR)),
    st.integers(min_value=0, max_value=30),
)
def test_calendar_units_keep_the_wall_time(
    case: tuple[BusinessCalendar, datetime], unit: TimeUnit, amount: int
) -> None:
    """Days, weeks, months and years never end before the start and keep the wall time."""
    calendar, start = case
    local = calendar.localize(start)
    result = calendar.add(Duration.of(Decimal(amount), unit), local)
    assert utc(result) >= utc(local)
    expected = calendar.at(result.date(), local.time(), fold=local.fold)
    assert utc(result) == utc(expected)


@PROPERTY
@given(calendars_and_starts())
def test_a_day_is_one_local_date(case: tuple[BusinessCalendar, datetime]) -> None:
    """The start and end of a day are on that day, and the next day starts right after."""
    calendar, start = case
    day: date = calendar.localize(start).date()
    first, last = calendar.start_of_day(day), calendar.end_of_day(day)
    assert first.date() == day == last.date()
    assert utc(calendar.start_of_day(day + timedelta(days=1))) - utc(last) == timedelta(
        microseconds=1
    )
