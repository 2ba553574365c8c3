"""BusinessCalendar: workdays, business-day arithmetic, deadlines and descriptions."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from honestcs.calendar import BusinessCalendar, _country_holidays
from honestcs.checker import ReplyChecker
from honestcs.exceptions import PolicyError
from honestcs.policy import Policy
from honestcs.quantities import Duration
from honestcs.rules._examples import EXAMPLE_POLICY

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")

MON_FRI = BusinessCalendar("America/New_York")
MON_SAT = BusinessCalendar("America/New_York", workdays=frozenset(range(6)))
EVERY_DAY = BusinessCalendar("America/New_York", workdays=frozenset(range(7)))
CHRISTMAS = BusinessCalendar(
    "America/New_York", holidays=frozenset({date(2026, 12, 25), date(2027, 1, 1)})
)
LONDON_CAL = BusinessCalendar("Europe/London")
US = BusinessCalendar("America/New_York", country="US")


def ny(*fields: int, fold: int = 0) -> datetime:
    """An aware New York datetime from (year, month, day[, hour, minute, second, microsecond])."""
    return _aware(fields, NY, fold)


def london(*fields: int) -> datetime:
    """An aware London datetime from (year, month, day[, hour, ...])."""
    return _aware(fields, LONDON, 0)


def _aware(fields: tuple[int, ...], zone: ZoneInfo, fold: int) -> datetime:
    year, month, day, hour, minute, second, microsecond = (*fields, 0, 0, 0, 0)[:7]
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=zone, fold=fold)


def same_instant(actual: datetime, expected: datetime) -> bool:
    """Equal as instants *and* as shown on the wall clock (same offset)."""
    return actual.astimezone(UTC) == expected.astimezone(UTC) and (
        actual.utcoffset() == expected.utcoffset()
    )


@pytest.fixture
def fresh_country_cache() -> Iterator[None]:
    """Country holidays are cached per (country, year); isolate tests that fake the import."""
    _country_holidays.cache_clear()
    yield
    _country_holidays.cache_clear()


# -- construction -------------------------------------------------------------


def test_defaults() -> None:
    """The default calendar is Monday to Friday in UTC with no holidays."""
    calendar = BusinessCalendar()
    assert calendar.timezone == "UTC"
    assert calendar.workdays == frozenset({0, 1, 2, 3, 4})
    assert calendar.holidays == frozenset()
    assert calendar.country is None
    assert calendar.tz == ZoneInfo("UTC")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, '"Mars/Olympus_Mons" is not an IANA time zone'),
        ({"timezone": ""}, '"" is not an IANA time zone'),
        ({"workdays": frozenset()}, "at least one workday"),
        ({"workdays": frozenset({0, 7})}, "not [7]"),
    ],
)
def test_invalid_calendar(kwargs: dict[str, object], message: str) -> None:
    """A bad time zone or set of workdays is rejected when the calendar is made."""
    with pytest.raises(ValueError, match=re.escape(message)):
        BusinessCalendar(**kwargs)  # type: ignore[arg-type]


def test_calendar_is_frozen_and_hashable() -> None:
    """A calendar is an immutable value."""
    assert hash(MON_FRI) == hash(BusinessCalendar("America/New_York"))
    with pytest.raises(AttributeError):
        MON_FRI.timezone = "UTC"  # type: ignore[misc]


# -- days ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "day", "expected"),
    [
        (MON_FRI, date(2026, 12, 4), True),  # Friday
        (MON_FRI, date(2026, 12, 5), False),  # Saturday
        (MON_FRI, date(2026, 12, 6), False),  # Sunday
        (MON_SAT, date(2026, 12, 5), True),
        (MON_SAT, date(2026, 12, 6), False),
        (EVERY_DAY, date(2026, 12, 6), True),
        (CHRISTMAS, date(2026, 12, 25), False),  # a Friday holiday
        (CHRISTMAS, date(2026, 12, 24), True),
        (CHRISTMAS, date(2027, 1, 1), False),
        (US, date(2026, 11, 26), False),  # Thanksgiving
        (US, date(2026, 11, 27), True),  # not a federal holiday
        (US, date(2026, 7, 3), False),  # Independence Day observed (4 July is a Saturday)
        (MON_FRI, date(2026, 11, 26), True),  # no country: Thanksgiving is a workday
    ],
)
def test_is_workday(calendar: BusinessCalendar, day: date, expected: bool) -> None:
    """A workday is a workday of the week that is not a holiday, own or national."""
    assert calendar.is_workday(day) is expected


@pytest.mark.parametrize(
    ("calendar", "day", "expected"),
    [
        (MON_FRI, date(2026, 12, 1), date(2026, 12, 2)),  # strictly after
        (MON_FRI, date(2026, 12, 4), date(2026, 12, 7)),  # Friday -> Monday
        (MON_FRI, date(2026, 12, 5), date(2026, 12, 7)),  # Saturday -> Monday
        (MON_SAT, date(2026, 12, 4), date(2026, 12, 5)),
        (CHRISTMAS, date(2026, 12, 24), date(2026, 12, 28)),
        (CHRISTMAS, date(2026, 12, 31), date(2027, 1, 4)),
        (US, date(2026, 11, 25), date(2026, 11, 27)),
    ],
)
def test_next_workday(calendar: BusinessCalendar, day: date, expected: date) -> None:
    """The next workday is the first workday strictly after the day."""
    assert calendar.next_workday(day) == expected


def test_country_holidays_need_the_extra(
    monkeypatch: pytest.MonkeyPatch, fresh_country_cache: None
) -> None:
    """Without the holidays package, a country calendar says which extra to install."""
    monkeypatch.setitem(sys.modules, "holidays", None)  # makes `import holidays` fail
    with pytest.raises(PolicyError) as error:
        US.is_workday(date(2026, 11, 26))
    assert str(error.value) == (
        'calendar country "US" needs the holidays package: pip install holidays (it is the '
        "holidays extra of honestcs)"
    )


def test_country_holidays_skip_the_extra_when_not_needed(
    monkeypatch: pytest.MonkeyPatch, fresh_country_cache: None
) -> None:
    """A weekend or own holiday is decided without importing the holidays package."""
    monkeypatch.setitem(sys.modules, "holidays", None)
    assert US.is_workday(date(2026, 11, 28)) is False  # Saturday
    assert MON_FRI.is_workday(date(2026, 11, 26)) is True


def test_unknown_country(fresh_country_cache: None) -> None:
    """A country the holidays package does not know is a policy error naming it."""
    calendar = BusinessCalendar(country="XX")
    with pytest.raises(PolicyError, match='calendar country "XX" is not a country'):
        calendar.is_workday(date(2026, 11, 26))


# -- instants -----------------------------------------------------------------


def test_localize_converts_to_the_calendar_zone() -> None:
    """An aware datetime in any zone becomes the same instant in the calendar's zone."""
    moment = MON_FRI.localize(datetime(2026, 12, 1, 15, tzinfo=UTC))
    assert moment.tzinfo is NY
    assert same_instant(moment, ny(2026, 12, 1, 10))


def test_localize_normalises_a_skipped_wall_time() -> None:
    """A wall time the clock skipped, already in the calendar's zone, is normalised."""
    moment = MON_FRI.localize(ny(2026, 3, 8, 2, 30))
    assert (moment.hour, moment.minute) == (3, 30)
    assert moment.utcoffset() == timedelta(hours=-4)


def test_localize_rejects_naive() -> None:
    """A naive datetime could be any instant, so it is an error."""
    with pytest.raises(ValueError, match="needs a time zone"):
        MON_FRI.localize(datetime(2026, 12, 1, 10))


@pytest.mark.parametrize(
    ("calendar", "day", "clock", "fold", "expected"),
    [
        (MON_FRI, date(2026, 12, 1), time(17), 0, ny(2026, 12, 1, 17)),
        # New York springs forward from 02:00 to 03:00 on 8 March 2026.
        (MON_FRI, date(2026, 3, 8), time(2, 30), 0, ny(2026, 3, 8, 3)),
        (MON_FRI, date(2026, 3, 8), time(2, 30), 1, ny(2026, 3, 8, 3)),
        # New York falls back from 02:00 to 01:00 on 1 November 2026.
        (MON_FRI, date(2026, 11, 1), time(1, 30), 0, ny(2026, 11, 1, 1, 30)),
        (MON_FRI, date(2026, 11, 1), time(1, 30), 1, ny(2026, 11, 1, 1, 30, fold=1)),
        # London springs forward from 01:00 to 02:00 on 29 March 2026.
        (LONDON_CAL, date(2026, 3, 29), time(1, 15), 0, london(2026, 3, 29, 2)),
    ],
)
def test_at(
    calendar: BusinessCalendar, day: date, clock: time, fold: int, expected: datetime
) -> None:
    """A wall time resolves to its instant; a skipped one to the end of the jump."""
    assert same_instant(calendar.at(day, clock, fold=fold), expected)


@pytest.mark.parametrize(
    ("calendar", "day", "start", "end", "hours"),
    [
        (MON_FRI, date(2026, 12, 1), ny(2026, 12, 1), ny(2026, 12, 1, 23, 59, 59, 999999), 24),
        (MON_FRI, date(2026, 3, 8), ny(2026, 3, 8), ny(2026, 3, 8, 23, 59, 59, 999999), 23),
        (MON_FRI, date(2026, 11, 1), ny(2026, 11, 1), ny(2026, 11, 1, 23, 59, 59, 999999), 25),
        (
            LONDON_CAL,
            date(2026, 10, 25),
            london(2026, 10, 25),
            london(2026, 10, 25, 23, 59, 59, 999999),
            25,
        ),
    ],
)
def test_start_and_end_of_day(
    calendar: BusinessCalendar, day: date, start: datetime, end: datetime, hours: int
) -> None:
    """A day runs from its first instant to its last, 23:59:59.999999 local time."""
    first, last = calendar.start_of_day(day), calendar.end_of_day(day)
    assert same_instant(first, start)
    assert same_instant(last, end)
    elapsed = last.astimezone(UTC) - first.astimezone(UTC)
    assert elapsed == timedelta(hours=hours) - timedelta(microseconds=1)


def test_start_of_day_when_midnight_is_skipped() -> None:
    """Where the clock jumps over midnight, the day starts when the jump ends."""
    # Chile springs forward from 00:00 to 01:00 on 6 September 2026.
    chile = BusinessCalendar("America/Santiago")
    first = chile.start_of_day(date(2026, 9, 6))
    assert (first.hour, first.minute) == (1, 0)
    assert chile.end_of_day(date(2026, 9, 5)).astimezone(UTC) == first.astimezone(UTC) - timedelta(
        microseconds=1
    )


# -- durations ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "duration", "start", "expected"),
    [
        # Clock time is elapsed time, across daylight-saving changes too.
        (MON_FRI, "30 minutes", ny(2026, 12, 1, 23, 45), ny(2026, 12, 2, 0, 15)),
        (MON_FRI, "2 hours", ny(2026, 12, 1, 10), ny(2026, 12, 1, 12)),
        (MON_FRI, "2 hours", ny(2026, 3, 8, 1, 30), ny(2026, 3, 8, 4, 30)),
        (MON_FRI, "2 hours", ny(2026, 11, 1, 0, 30), ny(2026, 11, 1, 1, 30, fold=1)),
        (MON_FRI, "1-2 hours", ny(2026, 12, 1, 10), ny(2026, 12, 1, 12)),
        (MON_FRI, "1.5 hours", ny(2026, 12, 1, 10), ny(2026, 12, 1, 11, 30)),
        (LONDON_CAL, "3 hours", london(2026, 10, 25, 0, 30), london(2026, 10, 25, 2, 30)),
        # Days and weeks keep the wall-clock time, weekends included.
        (MON_FRI, "3 days", ny(2026, 12, 4, 10), ny(2026, 12, 7, 10)),
        (MON_FRI, "3-5 days", ny(2026, 12, 4, 10), ny(2026, 12, 9, 10)),
        (MON_FRI, "1 day", ny(2026, 3, 7, 10), ny(2026, 3, 8, 10)),
        (MON_FRI, "1 day", ny(2026, 10, 31, 10), ny(2026, 11, 1, 10)),
        (MON_FRI, "1 day", ny(2026, 3, 7, 2, 30), ny(2026, 3, 8, 3)),  # skipped: end of jump
        (MON_FRI, "1 day", ny(2026, 10, 31, 1, 30), ny(2026, 11, 1, 1, 30)),  # repeated: first
        (MON_FRI, "1 day", ny(2026, 11, 1, 1, 30, fold=1), ny(2026, 11, 2, 1, 30)),
        (MON_FRI, "1.5 days", ny(2026, 12, 1, 10), ny(2026, 12, 2, 22)),
        (MON_FRI, "2 weeks", ny(2026, 10, 25, 9), ny(2026, 11, 8, 9)),
        (LONDON_CAL, "1 week", london(2026, 3, 25, 9), london(2026, 4, 1, 9)),
        # Months and years are calendar months, clamped to the month's end.
        (MON_FRI, "1 month", ny(2026, 12, 1, 10), ny(2027, 1, 1, 10)),
        (MON_FRI, "1 month", ny(2027, 1, 31, 10), ny(2027, 2, 28, 10)),
        (MON_FRI, "1 month", ny(2028, 1, 31, 10), ny(2028, 2, 29, 10)),
        (MON_FRI, "13 months", ny(2026, 1, 31, 10), ny(2027, 2, 28, 10)),
        (MON_FRI, "2 months", ny(2026, 2, 15, 10), ny(2026, 4, 15, 10)),
        (MON_FRI, "1.5 months", ny(2026, 1, 1), ny(2026, 2, 16)),
        (MON_FRI, "1 year", ny(2028, 2, 29, 10), ny(2029, 2, 28, 10)),
        (MON_FRI, "2 years", ny(2026, 12, 1, 10), ny(2028, 12, 1, 10)),
        # Business days: the upper bound, counted on workdays.
        (MON_FRI, "5-7 business days", ny(2026, 12, 1, 10), ny(2026, 12, 10, 10)),
        (MON_FRI, "2 working days", ny(2026, 12, 3, 10), ny(2026, 12, 7, 10)),
        (MON_FRI, "2.5 business days", ny(2026, 12, 1, 10), ny(2026, 12, 4, 10)),
        (MON_FRI, "1 business day", ny(2026, 12, 5, 10), ny(2026, 12, 7, 23, 59, 59, 999999)),
        (MON_FRI, "0 business days", ny(2026, 12, 5, 10), ny(2026, 12, 5, 10)),
    ],
)
def test_add(
    calendar: BusinessCalendar, duration: str, start: datetime, expected: datetime
) -> None:
    """Adding a duration uses its upper bound and the unit's own arithmetic."""
    assert same_instant(calendar.add(Duration.parse(duration), start), expected)


def test_add_accepts_any_zone_and_answers_in_the_calendar_zone() -> None:
    """The start may be in any zone; the result is in the calendar's zone."""
    result = MON_FRI.add(Duration.parse("1 day"), datetime(2026, 12, 1, 15, tzinfo=UTC))
    assert result.tzinfo is NY
    assert same_instant(result, ny(2026, 12, 2, 10))


def test_add_rejects_naive() -> None:
    """Adding to a naive datetime is an error."""
    with pytest.raises(ValueError, match="needs a time zone"):
        MON_FRI.add(Duration.parse("1 day"), datetime(2026, 12, 1, 10))


@pytest.mark.parametrize(
    ("calendar", "start", "days", "expected"),
    [
        # From a workday: the same time of day on the N-th following workday.
        (MON_FRI, ny(2026, 12, 1, 10), 1, ny(2026, 12, 2, 10)),
        (MON_FRI, ny(2026, 12, 1, 10), 7, ny(2026, 12, 10, 10)),  # SPEC: 5-7 days, "by Dec 10"
        (MON_FRI, ny(2026, 12, 3, 10), 2, ny(2026, 12, 7, 10)),  # Thursday -> Monday
        (MON_FRI, ny(2026, 12, 4, 10), 1, ny(2026, 12, 7, 10)),  # Friday -> Monday
        (MON_SAT, ny(2026, 12, 1, 10), 4, ny(2026, 12, 5, 10)),  # SPEC: Mon-Sat, Saturday
        (MON_FRI, ny(2026, 12, 1, 10), 10, ny(2026, 12, 15, 10)),
        # Evenings: no cut-off, the time of day is kept.
        (MON_FRI, ny(2026, 12, 1, 22), 1, ny(2026, 12, 2, 22)),
        (MON_FRI, ny(2026, 12, 4, 23, 59), 1, ny(2026, 12, 7, 23, 59)),
        (MON_FRI, ny(2026, 12, 1, 0, 0), 1, ny(2026, 12, 2, 0, 0)),
        # From a weekend: the next workday is the first counted, to its end.
        (MON_FRI, ny(2026, 12, 5, 10), 1, ny(2026, 12, 7, 23, 59, 59, 999999)),
        (MON_FRI, ny(2026, 12, 5, 0, 0), 1, ny(2026, 12, 7, 23, 59, 59, 999999)),
        (MON_FRI, ny(2026, 12, 6, 23, 30), 1, ny(2026, 12, 7, 23, 59, 59, 999999)),
        (MON_FRI, ny(2026, 12, 6, 9), 3, ny(2026, 12, 9, 23, 59, 59, 999999)),
        # From a holiday, and across one.
        (CHRISTMAS, ny(2026, 12, 25, 9), 1, ny(2026, 12, 28, 23, 59, 59, 999999)),
        (CHRISTMAS, ny(2026, 12, 24, 15), 1, ny(2026, 12, 28, 15)),
        (CHRISTMAS, ny(2026, 12, 23, 15), 3, ny(2026, 12, 29, 15)),
        (CHRISTMAS, ny(2026, 12, 31, 15), 1, ny(2027, 1, 4, 15)),
        (US, ny(2026, 11, 25, 12), 1, ny(2026, 11, 27, 12)),  # over Thanksgiving
        (US, ny(2026, 11, 26, 12), 1, ny(2026, 11, 27, 23, 59, 59, 999999)),  # from it
        # Daylight saving: the local wall-clock time is kept.
        (MON_FRI, ny(2026, 10, 30, 10), 1, ny(2026, 11, 2, 10)),  # EDT -> EST
        (MON_FRI, ny(2026, 3, 6, 10), 1, ny(2026, 3, 9, 10)),  # EST -> EDT
        (MON_FRI, ny(2026, 3, 6, 2, 30), 1, ny(2026, 3, 9, 2, 30)),  # 02:30 exists on Monday
        (EVERY_DAY, ny(2026, 3, 7, 2, 30), 1, ny(2026, 3, 8, 3)),  # skipped: end of the jump
        (EVERY_DAY, ny(2026, 10, 31, 1, 30), 1, ny(2026, 11, 1, 1, 30)),  # repeated: first
        (LONDON_CAL, london(2026, 10, 23, 17), 1, london(2026, 10, 26, 17)),  # BST -> GMT
        (LONDON_CAL, london(2026, 3, 27, 17), 2, london(2026, 3, 31, 17)),  # GMT -> BST
        (LONDON_CAL, london(2026, 3, 28, 12), 1, london(2026, 3, 30, 23, 59, 59, 999999)),
    ],
)
def test_add_business_days(
    calendar: BusinessCalendar, start: datetime, days: int, expected: datetime
) -> None:
    """N business days: same time N workdays on, or the end of the N-th from a non-workday."""
    assert same_instant(calendar.add_business_days(start, days), expected)


def test_zero_business_days_is_the_start() -> None:
    """Zero business days is the start itself, in the calendar's zone."""
    start = datetime(2026, 12, 5, 15, tzinfo=UTC)  # a Saturday
    result = MON_FRI.add_business_days(start, 0)
    assert result.tzinfo is NY
    assert same_instant(result, ny(2026, 12, 5, 10))


def test_negative_business_days() -> None:
    """A negative count of business days is an error."""
    with pytest.raises(ValueError, match="-1 business days"):
        MON_FRI.add_business_days(ny(2026, 12, 1, 10), -1)


def test_one_business_day_from_a_weekend_is_kept_by_monday() -> None:
    """A weekend promise "by Monday" for one business day is exactly the honest bound."""
    saturday = ny(2026, 12, 5, 10)
    by_monday = MON_FRI.end_of_day(MON_FRI.weekday_on_or_after(saturday, 0))
    assert by_monday.astimezone(UTC) == MON_FRI.add_business_days(saturday, 1).astimezone(UTC)


def test_business_days_do_not_go_back_across_the_weekend() -> None:
    """The last instant of Friday and any weekend moment give the same result."""
    friday_end = MON_FRI.end_of_day(date(2026, 12, 4))
    from_friday = MON_FRI.add_business_days(friday_end, 1).astimezone(UTC)
    from_saturday = MON_FRI.add_business_days(ny(2026, 12, 5, 0, 0), 1).astimezone(UTC)
    assert from_friday == from_saturday


def test_earliest_honest_is_now_plus_the_upper_bound() -> None:
    """The earliest honest deadline is now plus the duration's upper bound."""
    now = ny(2026, 12, 1, 10)
    duration = Duration.parse("5-10 business days")
    assert same_instant(MON_FRI.earliest_honest(duration, now), ny(2026, 12, 15, 10))
    assert MON_FRI.earliest_honest(duration, now) == MON_FRI.add(duration.upper, now)


# -- deadlines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "today", "tomorrow"),
    [
        (ny(2026, 12, 1, 10), date(2026, 12, 1), date(2026, 12, 2)),
        (ny(2026, 12, 31, 23), date(2026, 12, 31), date(2027, 1, 1)),
        # 03:00 UTC on 2 December is still 1 December in New York.
        (datetime(2026, 12, 2, 3, tzinfo=UTC), date(2026, 12, 1), date(2026, 12, 2)),
    ],
)
def test_end_of_today_and_tomorrow(now: datetime, today: date, tomorrow: date) -> None:
    """The deadlines "today" and "tomorrow" end at the end of those local days."""
    assert MON_FRI.end_of_today(now) == MON_FRI.end_of_day(today)
    assert MON_FRI.end_of_tomorrow(now) == MON_FRI.end_of_day(tomorrow)


@pytest.mark.parametrize(
    ("now", "weekday", "expected"),
    [
        (ny(2026, 12, 1, 10), 4, date(2026, 12, 4)),  # Tuesday, "by Friday"
        (ny(2026, 12, 4, 10), 4, date(2026, 12, 4)),  # Friday, "by Friday": today
        (ny(2026, 12, 5, 10), 4, date(2026, 12, 11)),  # Saturday, "by Friday"
        (ny(2026, 12, 1, 10), 0, date(2026, 12, 7)),  # Tuesday, "by Monday"
        (ny(2026, 12, 1, 10), 1, date(2026, 12, 1)),
        (ny(2026, 12, 1, 10), 6, date(2026, 12, 6)),
    ],
)
def test_weekday_on_or_after(now: datetime, weekday: int, expected: date) -> None:
    """The next date with a weekday, today included."""
    assert MON_FRI.weekday_on_or_after(now, weekday) == expected


def test_weekday_out_of_range() -> None:
    """A weekday number outside 0-6 is an error."""
    with pytest.raises(ValueError, match="not 7"):
        MON_FRI.weekday_on_or_after(ny(2026, 12, 1, 10), 7)


@pytest.mark.parametrize(
    ("calendar", "now", "this_week", "next_week"),
    [
        (MON_FRI, ny(2026, 12, 1, 10), date(2026, 12, 4), date(2026, 12, 11)),  # Tuesday
        (MON_FRI, ny(2026, 11, 30, 10), date(2026, 12, 4), date(2026, 12, 11)),  # Monday
        (MON_FRI, ny(2026, 12, 4, 16), date(2026, 12, 4), date(2026, 12, 11)),  # Friday
        (MON_FRI, ny(2026, 12, 5, 10), date(2026, 12, 5), date(2026, 12, 11)),  # Saturday
        (MON_FRI, ny(2026, 12, 6, 10), date(2026, 12, 6), date(2026, 12, 11)),  # Sunday
        (MON_SAT, ny(2026, 12, 1, 10), date(2026, 12, 5), date(2026, 12, 12)),
        # Christmas Friday is a holiday: the week's last workday is Thursday.
        (CHRISTMAS, ny(2026, 12, 15, 10), date(2026, 12, 18), date(2026, 12, 24)),
        (CHRISTMAS, ny(2026, 12, 25, 10), date(2026, 12, 25), date(2026, 12, 31)),
        (US, ny(2026, 11, 17, 10), date(2026, 11, 20), date(2026, 11, 27)),
    ],
)
def test_end_of_this_and_next_week(
    calendar: BusinessCalendar, now: datetime, this_week: date, next_week: date
) -> None:
    """The deadlines "this week" and "next week" end with their last workday."""
    assert calendar.end_of_this_week(now) == calendar.end_of_day(this_week)
    assert calendar.end_of_next_week(now) == calendar.end_of_day(next_week)


def test_next_week_without_workdays_ends_on_sunday() -> None:
    """A next week that is all holidays ends at the end of its Sunday."""
    closed = frozenset(date(2026, 12, 7) + timedelta(days=n) for n in range(5))
    calendar = BusinessCalendar("America/New_York", holidays=closed)
    assert calendar.end_of_next_week(ny(2026, 12, 1, 10)) == calendar.end_of_day(date(2026, 12, 13))


# -- words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "now", "with_time", "expected"),
    [
        (ny(2026, 12, 15, 17), ny(2026, 12, 1, 10), False, "Tuesday 15 December"),
        (ny(2026, 12, 15, 17), ny(2026, 12, 1, 10), True, "Tuesday 15 December, 5:00 pm"),
        (ny(2027, 1, 4, 9, 5), ny(2026, 12, 1, 10), False, "Monday 4 January 2027"),
        (ny(2027, 1, 4, 9, 5), ny(2026, 12, 1, 10), True, "Monday 4 January 2027, 9:05 am"),
        (ny(2026, 12, 15, 17), None, False, "Tuesday 15 December 2026"),
        (ny(2026, 12, 1, 0, 0), ny(2026, 12, 1), True, "Tuesday 1 December, 12:00 am"),
        (ny(2026, 12, 1, 12, 30), ny(2026, 12, 1), True, "Tuesday 1 December, 12:30 pm"),
        (
            ny(2026, 12, 1, 23, 59, 59, 999999),
            ny(2026, 12, 1),
            True,
            "Tuesday 1 December, 11:59 pm",
        ),
        # On the day of ``now``, the hour matters more than the date.
        (ny(2026, 12, 1, 11, 20), ny(2026, 12, 1, 10, 20), False, "11:20 am today"),
        (ny(2026, 12, 1, 17), ny(2026, 12, 1, 10), False, "5:00 pm today"),
        (ny(2026, 12, 2, 0, 0), ny(2026, 12, 1, 23, 30), False, "Wednesday 2 December"),
        (datetime(2026, 12, 2, 3, tzinfo=UTC), ny(2026, 12, 1, 20), False, "10:00 pm today"),
        # Shown in the calendar's zone: 03:00 UTC on 2 December is 1 December in New York.
        (
            datetime(2026, 12, 2, 3, tzinfo=UTC),
            ny(2026, 12, 1),
            True,
            "Tuesday 1 December, 10:00 pm",
        ),
    ],
)
def test_describe(moment: datetime, now: datetime | None, with_time: bool, expected: str) -> None:
    """A date reads as "Tuesday 15 December", with the year only when it is not this year's."""
    assert MON_FRI.describe(moment, now=now, with_time=with_time) == expected


def test_same_day_deadline_in_a_message_shows_the_hour() -> None:
    """A promise due later today is described by its clock time in the finding's message."""
    checker = ReplyChecker(Policy.from_dict(EXAMPLE_POLICY))
    report = checker.check("I'll call you back within the hour.", now=ny(2026, 12, 1, 10, 20))
    (finding,) = report.findings
    assert 'promises "within the hour" (11:20 am today)' in finding.message


@pytest.mark.parametrize("workdays", [frozenset({0, 1, 2, 3, 4}), frozenset({1, 3, 5})])
def test_many_business_days_jump_weeks_and_still_count_every_holiday(
    workdays: frozenset[int],
) -> None:
    """Adding hundreds of business days gives the day a walk day by day gives."""
    holidays = frozenset(date(2027, 1, 1) + timedelta(days=11 * i) for i in range(60))
    calendar = BusinessCalendar("Europe/London", workdays=workdays, holidays=holidays)
    start = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    day = start.date()
    for count in range(1, 400):
        day = calendar.next_workday(day)
        assert calendar.add_business_days(start, count).date() == day, count


@pytest.mark.parametrize(
    "duration",
    ["10000 years", "99999999 days", "99999999 business days", "9999999 weeks"],
)
def test_a_time_past_year_9999_is_the_end_of_time(duration: str) -> None:
    """A duration no date can hold is later than every limit, not an error."""
    calendar = BusinessCalendar("Pacific/Kiritimati")
    start = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert calendar.add(Duration.parse(duration), start) == calendar.end_of_time()


@pytest.mark.parametrize(
    "reply",
    [
        "We will call you in 10000 years.",
        "Your refund will arrive within 99999999 days.",
        "It will arrive by 9999-12-31 at 11pm.",
    ],
)
def test_check_reads_times_past_year_9999_without_raising(reply: str) -> None:
    """Times no calendar can hold are read as later than every limit: no error, no finding."""
    checker = ReplyChecker(Policy.from_dict(EXAMPLE_POLICY))
    now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    report = checker.check(reply, now=now)
    limits = [f.rule for f in report.findings if f.rule in ("overpromise", "policy-misstatement")]
    assert limits == []
