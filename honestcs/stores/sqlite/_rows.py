"""Rows of a SQLite promise store: times as microseconds, records and events to and from rows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from honestcs.exceptions import StoreError
from honestcs.promises.model import PromiseEvent, PromiseRecord
from honestcs.promises.transitions import apply_event
from honestcs.stores import _checked as checked
from honestcs.stores.sqlite._schema import _EVENT_COLUMNS, _RECORD_COLUMNS

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND: Final = timedelta(microseconds=1)

# One encoder, made once: json.dumps with options builds a new encoder on every call.
_to_json: Final = json.JSONEncoder(separators=(",", ":"), sort_keys=True).encode


def _us(value: datetime) -> int:
    return (value - _EPOCH) // _MICROSECOND


def _us_or_none(value: datetime | None) -> int | None:
    return None if value is None else (value - _EPOCH) // _MICROSECOND


def _at(microseconds: int) -> datetime:
    """A time stored as microseconds since the epoch."""
    return _EPOCH + timedelta(microseconds=microseconds)


def _late_us(record: PromiseRecord) -> int | None:
    lateness = record.lateness
    return lateness // _MICROSECOND if lateness is not None and lateness > timedelta(0) else None


_Types = tuple[type | tuple[type, ...], ...]
_TEXT_OR_NULL: Final = (str, type(None))
_INT_OR_NULL: Final = (int, type(None))
# What each column of _RECORD_COLUMNS holds, for the fast check of every row read.
_RECORD_TYPES: Final[_Types] = (
    str, str, str, str, _TEXT_OR_NULL, str, int, _INT_OR_NULL, _INT_OR_NULL, _INT_OR_NULL,
    _TEXT_OR_NULL, int, _TEXT_OR_NULL, str, int, _INT_OR_NULL, _TEXT_OR_NULL,
)  # fmt: skip
_RECORD_CHECKS: Final = checked.record_columns(_RECORD_COLUMNS, checked.microseconds)
_EVENT_TYPES: Final[_Types] = (str, int, int, str, _TEXT_OR_NULL, _TEXT_OR_NULL, str, _INT_OR_NULL)
_EVENT_CHECKS: Final = checked.event_columns(_EVENT_COLUMNS, checked.microseconds)
def _record(row: Sequence[Any], path: str) -> PromiseRecord:
    """The record a row of ``promises`` holds.

    Raises:
        StoreError: A value is not what honestcs writes there (the message names the
            file, the row and the column).
    """
    try:
        if not all(map(isinstance, row, _RECORD_TYPES)):
            raise TypeError("a column holds a value of the wrong type")
        meta = row[13]
        details = {} if meta == "{}" else json.loads(meta)
        if type(details) is not dict:
            raise TypeError("meta is not a JSON object")
        return checked.record_from_row(row, _at, details)
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise checked.bad_row(path, "promises", row[0], row, _RECORD_CHECKS, problem=exc) from None


def _record_row(record: PromiseRecord) -> tuple[Any, ...]:
    return (
        record.id,
        record.status.value,
        record.customer,
        record.agent,
        record.clause,
        record.text,
        _us(record.made_at),
        _us_or_none(record.due),
        _us_or_none(record.original_due),
        _us_or_none(record.closed_at),
        record.reason,
        record.reschedules,
        record.key,
        _to_json(dict(record.meta)) if record.meta else "{}",
        record.version,
        _us_or_none(record.updated_at),
        record.department,
        _late_us(record),
    )


def _event(row: Sequence[Any], path: str) -> PromiseEvent:
    """The event a row of ``events`` holds.

    Raises:
        StoreError: A value is not what honestcs writes there (the message names the
            file, the row and the column).
    """
    try:
        if not all(map(isinstance, row, _EVENT_TYPES)):
            raise TypeError("a column holds a value of the wrong type")
        data = json.loads(row[6])
        if type(data) is not dict:
            raise TypeError("data is not a JSON object")
        details = checked.event_data(row[3], data)
        if details is not None:
            raise checked.bad_value(path, "events", (row[0], row[1]), "data", details)
        return checked.event_from_row(row, _at, data)
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        key = (row[0], row[1])
        raise checked.bad_row(path, "events", key, row, _EVENT_CHECKS, problem=exc) from None


def _event_row(event: PromiseEvent) -> tuple[Any, ...]:
    return (
        event.promise_id,
        event.seq,
        _us(event.at),
        event.kind.value,
        event.actor,
        event.reason,
        _to_json(dict(event.data)),
        _us_or_none(event.recorded_at),
    )


def _replayed(path: str, record: PromiseRecord | None, event: PromiseEvent) -> PromiseRecord:
    """:func:`apply_event`, with an event that cannot be replayed named by its row."""
    try:
        return apply_event(record, event)
    except (ValueError, KeyError) as exc:
        raise StoreError(
            f"{path}: events row ({event.promise_id!r}, {event.seq}) cannot be replayed: {exc}"
        ) from None
