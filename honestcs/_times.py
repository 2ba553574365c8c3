"""The one reader of times given on the command line (``--now``, ``--at``, ``--due``...).

A time must be ISO 8601 with a UTC offset: without one, the same words would
mean a different moment on every machine. Each error shows a time this same
reader accepts, built from what was typed where it can be.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Final

__all__ = ["EXAMPLE", "parse_instant"]

#: A time as the command line takes it, for help text and error hints.
EXAMPLE: Final = "2026-12-01T10:00:00-05:00"


def parse_instant(text: str) -> datetime:
    """An ISO 8601 time with a UTC offset ("2026-12-01T09:00:00-05:00", "...Z").

    Raises:
        argparse.ArgumentTypeError: Not ISO 8601, a date without a time, or a time
            without an offset; the message shows a form that is accepted.
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
    return value
