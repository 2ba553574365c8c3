"""The one reader of times given on the command line (``--now``, ``--at``, ``--due``...).

A time must be ISO 8601 with a UTC offset: without one, the same words would
mean a different moment on every machine. Each error shows a time this same
reader accepts, built from what was typed where it can be. A time must also lie
within the years 2 to 9998 (UTC), so that the dates worked out from it exist;
the ``"now"`` of a line of an archive is held to the same range.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from typing import Final

__all__ = ["EARLIEST", "EXAMPLE", "LATEST", "RANGE", "out_of_range", "parse_instant"]

#: A time as the command line takes it, for help text and error hints.
EXAMPLE: Final = "2026-12-01T10:00:00-05:00"

#: The earliest and the latest time honestcs takes: a year inside each end of what a
#: datetime holds (years 1 to 9999), so that every date worked out from a time (a week
#: later, the end of next month, the same instant in another zone) is a date too.
EARLIEST: Final = datetime(2, 1, 1, tzinfo=UTC)
LATEST: Final = datetime(9998, 12, 31, 23, 59, 59, tzinfo=UTC)
#: The range, as messages state it.
RANGE: Final = "from 0002-01-01T00:00:00Z to 9998-12-31T23:59:59Z"


def out_of_range(value: datetime, written: str | None = None) -> str | None:
    """Why an aware time is outside :data:`EARLIEST` to :data:`LATEST`, or None when inside.

    Args:
        value: The time.
        written: The time as it was written, for the message; default its ISO 8601 form.

    Returns:
        A message such as ``"0001-01-01T00:00:00+14:00" is out of range: honestcs takes
        times from 0002-01-01T00:00:00Z to 9998-12-31T23:59:59Z``.
    """
    try:
        inside = EARLIEST <= value.astimezone(UTC) <= LATEST
    except OverflowError:  # its UTC time is in year 0 or 10000
        inside = False
    if inside:
        return None
    return f'"{written or value.isoformat()}" is out of range: honestcs takes times {RANGE}'


def parse_instant(text: str) -> datetime:
    """An ISO 8601 time with a UTC offset ("2026-12-01T09:00:00-05:00", "...Z").

    Raises:
        argparse.ArgumentTypeError: Not ISO 8601, a date without a time, a time
            without an offset (the message shows a form that is accepted), or a time
            outside :data:`EARLIEST` to :data:`LATEST`.
    """
    cleaned = text.strip()
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        pass
    else:
        midnight = f"{day.isoformat()}T00:00:00+00:00"
        raise argparse.ArgumentTypeError(
            f'"{text}" is a date without a time of day; give the time and a UTC offset, '
            f"like {midnight} (midnight UTC)"
        )
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{text}" is not an ISO 8601 time with a UTC offset; write it like {EXAMPLE}'
        ) from None
    if value.tzinfo is None or value.utcoffset() is None:
        shown = value.isoformat()
        raise argparse.ArgumentTypeError(
            f'"{text}" has no UTC offset; add one, like {shown}+00:00 (UTC) or {shown}-05:00'
        )
    problem = out_of_range(value, text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value
