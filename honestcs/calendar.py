"""The business calendar: workdays, holidays and a time zone.

A :class:`BusinessCalendar` turns a duration ("5-10 business days") or a
deadline ("by Friday", "next week") into the aware instant a customer may
hold the business to, in the business's own time zone. Every method takes
an explicit ``now`` or ``start``; nothing here reads the clock.

What "within N business days" means
-----------------------------------
Business time runs only on workdays (a workday of the week that is not a
holiday) and stands still on every other day:

* **From a workday**, N business days is the same time of day on the N-th
  workday after the start day. Thursday 10:00 plus 2 business days is Monday
  10:00 (Friday is the first, Monday the second) when Saturday and Sunday are
  not workdays.
* **Evenings have no cut-off.** Tuesday 22:00 plus 1 business day is
  Wednesday 22:00: the time of day is kept whatever it is. (A business with a
  daily cut-off should say so in its policy's durations.)
* **From a non-workday** (a weekend day or a holiday), counting starts on the
  next workday, and that workday is the first one counted: N business days is
  the *end* of the N-th following workday. Saturday (any time) plus 1
  business day is the end of Monday, so "by Monday" is an honest promise of
  one business day made on a weekend. This is the same instant as the last
  moment of the preceding workday plus N, which keeps the count monotonic:
  a later start never gives an earlier result.
* **Zero** business days is the start itself.
* **A fraction** of a business day counts as a whole one (2.5 business days
  are 3): a calendar cannot split a workday, and rounding up never promises
  more than the business said.

Time zones and daylight saving
------------------------------
Minutes and hours are elapsed time: two hours across a daylight-saving
change are two real hours. Days, weeks, months, years and business days
keep the local wall-clock time instead. When that wall time does not exist
on the target day (the clock jumps over it) it resolves to the first instant
after the jump (02:30 on a day New York jumps from 02:00 to 03:00 becomes
03:00); when it happens twice (the clock falls back) the start's ``fold``
decides, so a start that is not itself in a repeated hour takes the first of
the two. A day ends at its last representable instant, 23:59:59.999999 local
time (:meth:`BusinessCalendar.end_of_day`).
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from honestcs.exceptions import PolicyError
from honestcs.quantities import Duration, TimeUnit

__all__ = ["WEEKDAY_NAMES", "BusinessCalendar"]

WEEKDAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ONE_MICROSECOND = timedelta(microseconds=1)


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    """The ZoneInfo of an IANA name, looked up once per name."""
    return ZoneInfo(name)


@lru_cache(maxsize=256)
def _country_holidays(country: str, year: int) -> frozenset[date]:
    """The public holidays of ``country`` in ``year``, from the optional ``holidays`` package.

    Raises:
        PolicyError: The ``holidays`` extra is not installed, or does not know the country.
    """
    try:
        import holidays
    except ImportError:
        raise PolicyError(
            f'calendar country "{country}" needs the holidays package: '
            "pip install holidays (it is the holidays extra of honestcs)"
        ) from None
    try:
        found = holidays.country_holidays(country, years=year)
    except NotImplementedError:
        raise PolicyError(
            f'calendar country "{country}" is not a country the holidays package knows'
        ) from None
    return frozenset(found)


def _validate_timezone(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    try:
        _zone(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f'"{value}" is not an IANA time zone, such as "America/New_York"'
        ) from None


def _validate_workdays(
    instance: object, attribute: attrs.Attribute[frozenset[int]], value: frozenset[int]
) -> None:
    if not value:
        raise ValueError("a calendar needs at least one workday")
    if not value <= frozenset(range(7)):
        bad = sorted(day for day in value if day not in range(7))
        raise ValueError(f"workdays are numbered 0 (Monday) to 6 (Sunday), not {bad}")


def _clock(moment: datetime) -> str:
    """A time as a customer reads it: "5:00 pm", "12:30 am"."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


@attrs.frozen
class BusinessCalendar:
    """When the business works, in its own time zone.

    Every datetime it returns is aware and in the calendar's zone. See the
    module documentation for what "N business days" means precisely.

    Attributes:
        timezone: IANA time-zone name, such as "America/New_York".
        workdays: Weekday numbers that are workdays (0 = Monday ... 6 = Sunday).
        holidays: Dates that are never workdays.
        country: ISO country code whose public holidays also count (needs the
            ``holidays`` extra), or None.
    """

    timezone: str = attrs.field(default="UTC", validator=_validate_timezone)
    workdays: frozenset[int] = attrs.field(
        default=frozenset({0, 1, 2, 3, 4}), validator=_validate_workdays
    )
    holidays: frozenset[date] = frozenset()
    country: str | None = None

    @property
    def tz(self) -> ZoneInfo:
        """The time zone as a ZoneInfo."""
        return _zone(self.timezone)

    # -- days ---------------------------------------------------------------

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a workday.

        A workday is a workday of the week that is neither one of
        ``holidays`` nor, when ``country`` is set, a public holiday there.

        Raises:
            PolicyError: ``country`` is set but the ``holidays`` extra is not
                installed or does not know the country.
        """
        if day.weekday() not in self.workdays or day in self.holidays:
            return False
        return self.country is None or day not in _country_holidays(self.country, day.year)

    def next_workday(self, day: date) -> date:
        """The first workday strictly after ``day``."""
        day += timedelta(days=1)
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day

    # -- instants -----------------------------------------------------------

    def localize(self, moment: datetime) -> datetime:
        """The same instant in the calendar's time zone.

        Args:
            moment: An aware datetime, in any zone.

        Returns:
            The instant as an aware datetime in the calendar's zone.

        Raises:
            ValueError: ``moment`` is naive (it could be any of many instants), or so near
                the ends of what a datetime holds (years 1 and 9999) that it has no local
                time in the calendar's zone.
        """
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(
                f"{moment.isoformat()} needs a time zone: a naive datetime could be any instant"
            )
        # Through UTC, so that a wall time the clock skips is normalised even
        # when ``moment`` is already in the calendar's zone.
        try:
            return moment.astimezone(UTC).astimezone(self.tz)
        except OverflowError:
            raise ValueError(
                f"{moment.isoformat()} has no local time in {self.tz}: it lies at the very "
                "start or end of the years a datetime can hold"
            ) from None

    def at(self, day: date, clock: time, fold: int = 0) -> datetime:
        """The instant the calendar's wall clock shows ``clock`` on ``day``.

        Args:
            day: The local date.
            clock: The local wall-clock time (its tzinfo is ignored).
            fold: Which of two instants a repeated wall time (the clock falls
                back) means: 0 for the first, 1 for the second.

        Returns:
            An aware datetime in the calendar's zone. A wall time the clock
            skips (it jumps forward) gives the first instant after the jump.
        """
        naive = datetime.combine(day, clock.replace(tzinfo=None))
        tz = self.tz
        candidate = naive.replace(tzinfo=tz, fold=fold).astimezone(UTC).astimezone(tz)
        if candidate.replace(tzinfo=None) == naive:
            return candidate
        # The clock skips ``naive``. Both readings of it are instants around the
        # jump; bisect for the first one whose wall time is past ``naive``.
        readings = sorted(naive.replace(tzinfo=tz, fold=f).astimezone(UTC) for f in (0, 1))
        low, high = readings
        while high - low > _ONE_MICROSECOND:
            middle = low + (high - low) // 2
            if middle.astimezone(tz).replace(tzinfo=None) > naive:
                high = middle
            else:
                low = middle
        return high.astimezone(tz)

    def start_of_day(self, day: date) -> datetime:
        """The first instant of ``day`` in the calendar's zone (usually 00:00 local)."""
        return self.at(day, time.min)

    def end_of_day(self, day: date) -> datetime:
        """The last instant of ``day`` in the calendar's zone.

        That is 23:59:59.999999 local time on an ordinary day: a deadline "by
        Monday" is kept by anything done on Monday. (Renderers may show it as
        11:59 pm.)
        """
        following = self.start_of_day(day + timedelta(days=1))
        return (following.astimezone(UTC) - _ONE_MICROSECOND).astimezone(self.tz)

    # -- durations ----------------------------------------------------------

    def add(self, duration: Duration, start: datetime) -> datetime:
        """The instant ``duration`` (its upper bound) after ``start``.

        Minutes and hours are elapsed time. Days and weeks keep the local
        wall-clock time N calendar days later. Months and years are calendar
        months: the same day of the month, or the month's last day when it is
        shorter (31 January plus 1 month is 28 or 29 February). A fraction of
        a day, week, month or year is added as elapsed time after the whole
        units (a month's fraction counts 30 days, a year's 365). Business days
        follow :meth:`add_business_days`, a fraction rounding up.

        Args:
            duration: How long; only its upper bound is used.
            start: An aware datetime.

        Returns:
            An aware datetime in the calendar's zone.

        Raises:
            ValueError: ``start`` is naive.
        """
        local = self.localize(start)
        try:
            return self._add(duration, local)
        except (OverflowError, ValueError):
            # "within 99999999 days", "in 10000 years": later than any date there is, so
            # later than every limit; and never before the start itself, which may already
            # lie past the calendar's last instant (9999-12-31).
            return max(self.end_of_time(), local)

    def end_of_time(self) -> datetime:
        """The latest instant the calendar represents: what a time past year 9999 becomes."""
        return datetime(9999, 12, 30, tzinfo=UTC).astimezone(self.tz)

    def _add(self, duration: Duration, local: datetime) -> datetime:
        amount = duration.high
        unit = duration.unit
        if unit is TimeUnit.SECOND:
            return self._elapsed(local, amount)
        if unit is TimeUnit.MINUTE:
            return self._elapsed(local, amount * 60)
        if unit is TimeUnit.HOUR:
            return self._elapsed(local, amount * 3600)
        if unit is TimeUnit.BUSINESS_DAY:
            whole = int(amount.to_integral_value(rounding=ROUND_CEILING))
            return self.add_business_days(local, whole)
        if unit in (TimeUnit.DAY, TimeUnit.WEEK):
            days = amount * (7 if unit is TimeUnit.WEEK else 1)
            whole_days = math.floor(days)
            moved = self._same_clock(local, local.date() + timedelta(days=whole_days))
            return self._elapsed(moved, (days - whole_days) * 86400)
        whole = math.floor(amount)
        months_per_unit, days_per_unit = (12, 365) if unit is TimeUnit.YEAR else (1, 30)
        moved = self._same_clock(local, _add_months(local.date(), whole * months_per_unit))
        return self._elapsed(moved, (amount - whole) * days_per_unit * 86400)

    def add_business_days(self, start: datetime, days: int) -> datetime:
        """The instant ``days`` business days after ``start``.

        From a workday: the same local time of day on the ``days``-th workday
        after the start day, however late the start (no evening cut-off).
        From a non-workday: the end of the ``days``-th workday after it (the
        next workday is the first one counted).

        Args:
            start: An aware datetime.
            days: How many business days, zero or more.

        Returns:
            An aware datetime in the calendar's zone; ``start`` itself for 0.

        Raises:
            ValueError: ``days`` is negative, or ``start`` is naive.
        """
        if days < 0:
            raise ValueError(f"cannot add {days} business days: the count must be zero or more")
        local = self.localize(start)
        if days == 0:
            return local
        day = local.date()
        from_workday = self.is_workday(day)
        if days > (date.max - day).days:
            raise OverflowError(f"{days} business days after {day} is past the year 9999")
        day, days = self._skip_weeks(day, days)
        for _ in range(days):
            day = self.next_workday(day)
        return self._same_clock(local, day) if from_workday else self.end_of_day(day)

    def _skip_weeks(self, day: date, days: int) -> tuple[date, int]:
        """Move whole weeks at once, counting the holidays that fall on workdays in them.

        Keeps a count of thousands of business days from walking day by day.
        """
        per_week = len(self.workdays)
        weeks = (days - 1) // per_week
        if weeks < 8:
            return day, days
        target = day + timedelta(weeks=weeks)
        skipped = sum(
            1
            for holiday in self._holidays_between(day, target)
            if holiday.weekday() in self.workdays
        )
        return target, days - (weeks * per_week - skipped)

    def _holidays_between(self, after: date, until: date) -> set[date]:
        """Holidays in (after, until], the policy's and the country's."""
        found = {h for h in self.holidays if after < h <= until}
        if self.country is not None:
            for year in range(after.year, until.year + 1):
                found |= {
                    h for h in _country_holidays(self.country, year) if after < h <= until
                }
        return found

    def earliest_honest(self, duration: Duration, now: datetime) -> datetime:
        """The earliest deadline an honest reply may promise for ``duration``.

        That is ``now`` plus the duration's upper bound (:meth:`add`); any
        promise due before it promises more than the business can do.
        """
        return self.add(duration, now)

    # -- deadlines ----------------------------------------------------------

    def end_of_today(self, now: datetime) -> datetime:
        """The end of the local day of ``now``: the deadline "today" or "tonight"."""
        return self.end_of_day(self.localize(now).date())

    def end_of_tomorrow(self, now: datetime) -> datetime:
        """The end of the local day after ``now``: the deadline "tomorrow"."""
        return self.end_of_day(self.localize(now).date() + timedelta(days=1))

    def weekday_on_or_after(self, now: datetime, weekday: int) -> date:
        """The local date of the next ``weekday`` (0 = Monday), today included.

        "By Friday" said on a Friday means today; said on a Saturday, it means
        the Friday six days later. The deadline is the end of that date.

        Raises:
            ValueError: ``weekday`` is not 0-6.
        """
        if weekday not in range(7):
            raise ValueError(f"weekday is 0 (Monday) to 6 (Sunday), not {weekday}")
        today = self.localize(now).date()
        return today + timedelta(days=(weekday - today.weekday()) % 7)

    def end_of_this_week(self, now: datetime) -> datetime:
        """The deadline "this week": the end of the last workday of this week.

        Weeks start on Monday. When today is already past this week's last
        workday (a Saturday, say), or the week has no workday, it is the end
        of today.
        """
        today = self.localize(now).date()
        last = self._last_workday_of_week(today - timedelta(days=today.weekday()))
        return self.end_of_day(last if last is not None and last >= today else today)

    def end_of_next_week(self, now: datetime) -> datetime:
        """The deadline "next week": the end of the last workday of next week.

        Weeks start on Monday, so on any day of this week "next week" is the
        week starting next Monday. When that week has no workday at all (every
        workday a holiday), it is the end of its Sunday.
        """
        today = self.localize(now).date()
        monday = today + timedelta(days=7 - today.weekday())
        last = self._last_workday_of_week(monday)
        return self.end_of_day(last if last is not None else monday + timedelta(days=6))

    # -- words --------------------------------------------------------------

    def describe(
        self, moment: datetime, now: datetime | None = None, with_time: bool = False
    ) -> str:
        """A date as a customer reads it: "Tuesday 15 December", or "11:20 am today".

        Args:
            moment: The aware instant, shown in the calendar's zone.
            now: The present; the year is shown only when it differs from the
                year of ``now``. Without ``now`` the year is always shown. On the
                same local day as ``now`` (and without ``with_time``), the time of
                day is shown instead of the date ("11:20 am today"): a deadline
                within hours needs its hour.
            with_time: Also show the time of day: "Tuesday 15 December, 5:00 pm".

        Returns:
            The description, in English.

        Raises:
            ValueError: ``moment`` or ``now`` is naive.
        """
        local = self.localize(moment)
        if not with_time and now is not None and self.localize(now).date() == local.date():
            return f"{_clock(local)} today"
        text = f"{_DAY_NAMES[local.weekday()]} {local.day} {_MONTH_NAMES[local.month - 1]}"
        if now is None or self.localize(now).year != local.year:
            text += f" {local.year}"
        if with_time:
            text += f", {_clock(local)}"
        return text

    # -- helpers ------------------------------------------------------------

    def _elapsed(self, local: datetime, seconds: Decimal) -> datetime:
        """``local`` plus an exact number of seconds of real time."""
        micro = int((seconds * 1_000_000).to_integral_value(rounding=ROUND_CEILING))
        return (local.astimezone(UTC) + timedelta(microseconds=micro)).astimezone(self.tz)

    def _same_clock(self, local: datetime, day: date) -> datetime:
        """The wall-clock time of ``local`` on another ``day``, with its fold."""
        return self.at(day, local.time(), fold=local.fold)

    def _last_workday_of_week(self, monday: date) -> date | None:
        for offset in range(6, -1, -1):
            day = monday + timedelta(days=offset)
            if self.is_workday(day):
                return day
        return None


def _add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later, clamped to that month's last day."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    first_of_next = date(year + (month0 + 1) // 12, (month0 + 1) % 12 + 1, 1)
    last_day = (first_of_next - timedelta(days=1)).day
    return date(year, month0 + 1, min(day.day, last_day))
