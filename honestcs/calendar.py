"""The business calendar: workdays, holidays and a time zone.

(Interface fixed here; the arithmetic is filled in by the calendar work.)
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import attrs

from honestcs.quantities import Duration

__all__ = ["BusinessCalendar", "WEEKDAY_NAMES"]

WEEKDAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@attrs.frozen
class BusinessCalendar:
    """When the business works, in its own time zone.

    Attributes:
        timezone: IANA time-zone name, such as "America/New_York".
        workdays: Weekday numbers that are workdays (0 = Monday ... 6 = Sunday).
        holidays: Dates that are never workdays.
        country: ISO country code whose public holidays also count (needs the
            ``holidays`` extra), or None.
    """

    timezone: str = "UTC"
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    holidays: frozenset[date] = frozenset()
    country: str | None = None

    @property
    def tz(self) -> ZoneInfo:
        """The time zone as a ZoneInfo."""
        return ZoneInfo(self.timezone)

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a workday (a workday of the week and not a holiday)."""
        raise NotImplementedError

    def add(self, duration: Duration, start: datetime) -> datetime:
        """The aware datetime ``duration`` (its upper bound) after ``start``."""
        raise NotImplementedError
