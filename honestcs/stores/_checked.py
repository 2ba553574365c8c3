"""Rows read back from a store, checked: a row changed outside honestcs is a StoreError.

A store only ever holds what honestcs wrote, unless something else writes to it: a
person with ``sqlite3``, a migration gone wrong, a damaged disk. Such a row (a date that
is text, a status no promise has, NULL where a value is required, text where a number
belongs) must not surface as a ``ValueError`` or ``KeyError`` from deep in the ledger,
nor as a traceback from the command line. Each store reads its rows through a fast path
that only notices that something is wrong; then :func:`bad_row` looks at the row again,
column by column, and says which: the store, the table, the row and the column.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import attrs

from honestcs.exceptions import StoreError
from honestcs.promises.model import EventKind, PromiseEvent, PromiseRecord, PromiseStatus

__all__ = [
    "Column",
    "bad_row",
    "bad_value",
    "count",
    "event_columns",
    "event_data",
    "event_from_row",
    "iso_time",
    "json_object",
    "known",
    "microseconds",
    "optional",
    "record_columns",
    "record_from_row",
    "text",
    "timestamp",
    "whole_number",
]

#: Says what is wrong with a value, or returns None when nothing is.
Check = Callable[[object], str | None]

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


@attrs.frozen
class Column:
    """A column of a table, and what its values must be."""

    name: str
    check: Check


def record_columns(names: str, time: Check) -> tuple[Column, ...]:
    """What each column of a ``promises`` row must hold, the store's times read by ``time``.

    ``names`` are the columns as the store selects them, comma-separated, in the order
    every store uses: id, status, customer, agent, clause, text, made_at, due,
    original_due, closed_at, source, reschedules, note, details, version, updated_at, key.
    """
    maybe_text, maybe_time = optional(text), optional(time)
    checks = (
        text, known(tuple(s.value for s in PromiseStatus), "a status"), text, text,
        maybe_text, text, time, maybe_time, maybe_time, maybe_time, maybe_text, count,
        maybe_text, json_object, whole_number(1), maybe_time, maybe_text,
    )  # fmt: skip
    return tuple(
        Column(name, check) for name, check in zip(names.split(", "), checks, strict=True)
    )


def event_columns(names: str, time: Check) -> tuple[Column, ...]:
    """What each column of an ``events`` row must hold, the store's times read by ``time``.

    ``names``: promise_id, seq, at, kind, actor, reason, data, recorded_at.
    """
    maybe_text, maybe_time = optional(text), optional(time)
    checks = (
        text, whole_number(1), time, known(tuple(k.value for k in EventKind), "an event kind"),
        maybe_text, maybe_text, json_object, maybe_time,
    )  # fmt: skip
    return tuple(
        Column(name, check) for name, check in zip(names.split(", "), checks, strict=True)
    )


def record_from_row(
    row: Sequence[Any], time: Callable[[Any], datetime], meta: Mapping[str, Any]
) -> PromiseRecord:
    """The record a ``promises`` row holds, in the columns of :func:`record_columns`.

    ``time`` turns a stored time into a datetime (SQLite keeps microseconds since the epoch,
    PostgreSQL a timestamp); ``meta`` is the row's details, already read.

    Raises:
        KeyError, TypeError, ValueError, OverflowError: A value is not what honestcs writes.
    """

    def maybe(value: Any) -> datetime | None:
        return None if value is None else time(value)

    return PromiseRecord(
        id=row[0], status=PromiseStatus(row[1]), customer=row[2], agent=row[3], clause=row[4],
        text=row[5], made_at=time(row[6]), due=maybe(row[7]), original_due=maybe(row[8]),
        closed_at=maybe(row[9]), reason=row[10], reschedules=row[11], key=row[12], meta=meta,
        version=row[14], updated_at=maybe(row[15]), department=row[16],
    )  # fmt: skip


def event_from_row(
    row: Sequence[Any], time: Callable[[Any], datetime], data: Mapping[str, Any]
) -> PromiseEvent:
    """The event an ``events`` row holds, in the columns of :func:`event_columns`.

    Raises:
        KeyError, TypeError, ValueError, OverflowError: A value is not what honestcs writes.
    """
    return PromiseEvent(
        promise_id=row[0], seq=row[1], at=time(row[2]), kind=EventKind(row[3]), actor=row[4],
        reason=row[5], data=data, recorded_at=None if row[7] is None else time(row[7]),
    )  # fmt: skip


def shown(value: object) -> str:
    """A stored value as a message shows it: ``NULL``, ``the text 'x'``, ``the number 1.5``."""
    if value is None:
        return "NULL"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:39] + "…"
        return f"the text {short!r}"
    if isinstance(value, bool):
        return f"the boolean {value}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, bytes):
        return f"{len(value):,} bytes of binary data"
    return f"a {type(value).__name__}"


def text(value: object) -> str | None:
    """Text is required."""
    return None if isinstance(value, str) else f"holds {shown(value)}, not text"


def optional(check: Check) -> Check:
    """``check``, or NULL."""

    def either(value: object) -> str | None:
        return None if value is None else check(value)

    return either


def whole_number(low: int) -> Check:
    """A whole number of at least ``low``."""

    def check(value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"holds {shown(value)}, not a whole number"
        return None if value >= low else f"holds {value:,}, less than {low}"

    return check


#: A count: a whole number of at least 0.
count = whole_number(0)


def known(names: Sequence[str], what: str) -> Check:
    """One of ``names`` (a status, an event kind), naming them when it is not."""

    def check(value: object) -> str | None:
        if isinstance(value, str) and value in names:
            return None
        return f"holds {shown(value)}, not {what} ({', '.join(names)})"

    return check


def microseconds(value: object) -> str | None:
    """A time as SQLite keeps it: whole microseconds since 1970-01-01 UTC, in a datetime's years."""
    if isinstance(value, bool) or not isinstance(value, int):
        return f"holds {shown(value)}, not a time (whole microseconds since 1970-01-01 UTC)"
    try:
        _EPOCH + timedelta(microseconds=value)
    except OverflowError:
        return (
            f"holds {value:,} microseconds since 1970-01-01 UTC, a time past the years 1 to "
            "9999 that a date holds"
        )
    return None


def timestamp(value: object) -> str | None:
    """A time as PostgreSQL gives it: an aware datetime."""
    if isinstance(value, datetime) and value.utcoffset() is not None:
        return None
    return f"holds {shown(value)}, not a time with a time zone"


def json_object(value: object) -> str | None:
    """A JSON object: written as text (SQLite), or as PostgreSQL's ``json`` reads it back."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            return f"holds text that is not JSON ({exc})"
    if isinstance(value, Mapping):
        return None
    return f"holds {shown(value) if not isinstance(value, list) else 'a JSON array'}, " + (
        "not a JSON object"
    )


def iso_time(value: object) -> str | None:
    """A time as an event's details hold it: ISO 8601 text with a UTC offset."""
    if not isinstance(value, str):
        return f"holds {shown(value)}, not an ISO 8601 time"
    try:
        moment = datetime.fromisoformat(value)
        if moment.utcoffset() is None:
            return f"holds {shown(value)}, a time without a UTC offset"
        moment.astimezone(UTC)
    except ValueError:
        return f"holds {shown(value)}, not an ISO 8601 time"
    except OverflowError:
        return f"holds {shown(value)}, a time with no UTC time in the years 1 to 9999"
    return None


# What the details of each kind of event must hold for the ledger to replay it.
_RECORDED_DATA: Final[tuple[tuple[str, Check], ...]] = (
    ("customer", text),
    ("agent", text),
    ("text", text),
    ("clause", optional(text)),
    ("due", optional(iso_time)),
    ("key", optional(text)),
    ("meta", optional(json_object)),
    ("department", optional(text)),
)
_RESCHEDULED_DATA: Final[tuple[tuple[str, Check], ...]] = (
    ("due", iso_time),
    ("previous_due", optional(iso_time)),
)


def event_data(kind: str, data: Mapping[str, object]) -> str | None:
    """What is wrong with the details of an event of ``kind``; None when nothing is.

    Returns:
        A message such as ``(key "due") holds the text 'soon', not an ISO 8601 time``,
        to follow the name of the column.
    """
    if kind == "recorded":
        needed = _RECORDED_DATA
    elif kind == "rescheduled":
        needed = _RESCHEDULED_DATA
    else:
        return None
    for key, check in needed:
        found = check(data.get(key))
        if found is not None:
            return f"(key {json.dumps(key)}) {'is missing' if key not in data else found}"
    return None


def bad_value(store: str, table: str, key: object, column: str, problem: str) -> StoreError:
    """The error for a row whose ``column`` is wrong in the way ``problem`` says."""
    return StoreError(
        f"{store}: {table} row {_key(key)}: column {column} {problem}; honestcs never writes "
        "that, so the store was changed outside honestcs or is damaged"
    )


def bad_row(
    store: str,
    table: str,
    key: object,
    row: Sequence[object],
    columns: Sequence[Column],
    *,
    problem: BaseException | None = None,
) -> StoreError:
    """The error for a row that could not be read, naming its first bad column.

    Args:
        store: The store, as its messages name it (a file, or ``PostgreSQL user@host/db``).
        table: The table the row is in.
        key: The row's id (a promise id, or a tuple for a composite key).
        row: The values read, in the order of ``columns``.
        columns: The columns read and their checks.
        problem: What the fast path raised, for a row whose columns all look right.
    """
    for column, value in zip(columns, row, strict=False):
        found = column.check(value)
        if found is not None:
            return bad_value(store, table, key, column.name, found)
    why = f" ({problem})" if problem is not None else ""
    return StoreError(f"{store}: {table} row {_key(key)} cannot be read{why}")


def _key(key: object) -> str:
    if isinstance(key, tuple):
        return "(" + ", ".join(_key(part) for part in key) + ")"
    if isinstance(key, str):
        return json.dumps(key, ensure_ascii=False)
    if isinstance(key, int) and not isinstance(key, bool):
        return str(key)
    return shown(key)
